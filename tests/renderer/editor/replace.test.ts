// replaceAnnotationsTr: an import replaces the report's rows in ONE undoable step (history kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../renderer/editor/commands/index.ts';
import { docToAnnotations } from '../../../renderer/editor/convert.ts';
import { replaceAnnotationsTr } from '../../../renderer/editor/replace.ts';
import { importTranslation } from '../../../shared/align/import.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { atTarget, fixture, makeState, run, S1, S2, sourceIntact, TEXT } from './helpers.ts';
import { rowCount } from '../../../renderer/editor/rows.ts';

const ENGLISH = 'The president said Apple will hire 123 people. The branch 🚀 opened in Dubai in 2024. The spokesman did not comment. The meeting ended.';

test('a translation import is one undoable edit: Undo restores the pre-import rows, Redo repeats it', () => {
  // an earlier edit in the history: undo must stop at the import's own step first
  let state = atTarget(makeState(), 0, -1);
  state = state.apply(state.tr.insertText(' (typed)'));
  const before = state;
  const beforeAnn = docToAnnotations(before.doc, fixture(), TEXT);
  const imported = importTranslation(beforeAnn, TEXT, ENGLISH).annotations;
  const after = state.apply(replaceAnnotationsTr(state, imported, TEXT));
  assert.ok(!after.doc.eq(before.doc), 'the import was applied (not filtered out)');
  assert.ok(sourceIntact(after.doc));
  const ann = docToAnnotations(after.doc, imported, TEXT);
  assert.ok(AnnotationsSchema.safeParse(ann).success);
  const english = ann.units.map((u) => u.target.map((id) => ann.targets.find((t) => t.id === id)!.text).join(' ')).join(' | ');
  assert.match(english, /Dubai in 2024/);
  // the Arabic is unchanged and still sliced by code points (harakat, emoji, Arabic-Indic digits)
  const map = new OffsetMap(TEXT);
  for (const s of ann.segments) assert.equal(map.slice(s.start, s.end), s.text);
  assert.deepEqual(ann.segments.slice(0, 2).map((s) => s.text), [S1, S2]);

  const undone = run(after, commands.undo);
  assert.ok(undone.doc.eq(before.doc), 'one Undo restores exactly the pre-import document');
  assert.equal(docToAnnotations(undone.doc, imported, TEXT).targets.find((t) => t.id === 't1')!.text, 'The president said Apple will hire 123 people. (typed)');
  const undoneAgain = run(undone, commands.undo);
  assert.ok(!undoneAgain.doc.eq(before.doc), 'history before the import is kept: the typed text is undone next');
  assert.ok(run(undone, commands.redo).doc.eq(after.doc), 'Redo repeats the import');
});

test('an import that merges rows (memory import) passes the source guard and undoes', () => {
  const state = makeState();
  const a = fixture();
  // rows 1 and 2 merged into one row holding both Arabic sentences, as a memory unit matched them
  const merged = structuredClone(a);
  merged.units[0] = { ...merged.units[0], source: [a.units[0].source[0], a.units[1].source[0]], status: 'translated', origin: 'import', confirmed: true };
  merged.units.splice(1, 1);
  const after = state.apply(replaceAnnotationsTr(state, merged, TEXT));
  assert.equal(rowCount(after.doc), rowCount(state.doc) - 1, 'the merge was applied');
  assert.ok(sourceIntact(after.doc));
  assert.ok(run(after, commands.undo).doc.eq(state.doc));
});
