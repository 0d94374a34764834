// Re-segment Report in the editor: resegmentReport's result applied with replaceAnnotationsTr is
// ONE undoable step; the document then holds the new segmentation with the English joined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../renderer/editor/commands/index.ts';
import { docToAnnotations } from '../../../renderer/editor/convert.ts';
import { replaceAnnotationsTr } from '../../../renderer/editor/replace.ts';
import { resegmentReport } from '../../../shared/align/resegment.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { checkAnnotations } from '../../../shared/formats/sidecar.ts';
import { segmentSentences } from '../../../shared/text/segment.ts';
import { NOW, sourceInfo } from '../../fixtures/annotated-report.ts';
import { makeState, run, sourceIntact } from './helpers.ts';

const TEXT = 'وصل مستش. خالدٌ إلى دمشق 😀 يوم ١٥ آذار. ثم غادر.';

test('re-segmenting is one undoable edit that keeps every English sentence', () => {
  const a = createAnnotations(sourceInfo(TEXT), TEXT, segmentSentences(TEXT, { lang: 'ar' }), NOW);
  a.targets = [{ id: 't1', text: 'The adviser' }, { id: 't2', text: 'Khaled arrived in Damascus 😀 on 15 March.' }];
  a.units[0].target = ['t1'];
  a.units[1].target = ['t2'];
  const before = makeState(a, TEXT);
  const current = docToAnnotations(before.doc, a, TEXT);
  const r = resegmentReport(current, TEXT, { abbreviations: ['مستش'] });
  assert.ok(r.changed);
  const after = before.apply(replaceAnnotationsTr(before, r.annotations, TEXT));
  assert.ok(sourceIntact(after.doc, TEXT));
  const ann = docToAnnotations(after.doc, r.annotations, TEXT);
  assert.deepEqual(checkAnnotations(ann, { text: TEXT }), []);
  assert.deepEqual(ann.segments.map((s) => s.text), ['وصل مستش. خالدٌ إلى دمشق 😀 يوم ١٥ آذار.', 'ثم غادر.']);
  assert.deepEqual(ann.units.map((u) => u.target.map((id) => ann.targets.find((t) => t.id === id)!.text)), [['The adviser', 'Khaled arrived in Damascus 😀 on 15 March.'], []]);
  const undone = run(after, commands.undo);
  assert.ok(undone.doc.eq(before.doc), 'one Undo restores the rows as they were');
  assert.ok(run(undone, commands.redo).doc.eq(after.doc));
});
