// The editor's QA panel gets entity-type-conflict with the checks across rows (computed at idle,
// refreshConsistencyTr): a name tagged LOC in one row and PER in another is flagged in both rows;
// retagging one so the types agree clears it at the next refresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection } from 'prosemirror-state';
import { qaFindings, refreshConsistencyTr } from '../../../../renderer/editor/plugins/qa.ts';
import { annotationsToDoc } from '../../../../renderer/editor/convert.ts';
import { schema } from '../../../../renderer/editor/schema.ts';
import { editorPlugins } from '../../../../renderer/editor/setup.ts';
import { changeTagType } from '../../../../renderer/editor/commands/entities.ts';
import { mentionsOf } from '../../../../renderer/editor/entities/doc.ts';
import { addMention } from '../../../../shared/entities/mentions.ts';
import { cpIndexOf, makeReport } from '../../../fixtures/annotated-report.ts';

test('entity-type-conflict in the editor: flagged in both rows, cleared when the types agree', () => {
  const r = makeReport(['قصف إدلب 😀 اليوم.', 'وصل الوفد بإدلب.'], ['Idlib was shelled today.', 'The delegation reached Idlib.']);
  const a = cpIndexOf(r.text, 'إدلب');
  const b = cpIndexOf(r.text, 'بإدلب');
  let ann = addMention(r.annotations, { side: 'ar', sentence: 's1', start: a, end: a + 4, type: 'LOC' }).annotations;
  // the second tagged exactly with its clitic, as another type (a separate entity)
  ann = addMention(ann, { side: 'ar', sentence: 's2', start: b, end: b + 5, type: 'PER' }).annotations;
  let state = EditorState.create({ doc: annotationsToDoc(schema, ann, r.text), plugins: editorPlugins({ sourceText: r.text, entities: {} }) });
  const refresh = (s: EditorState) => {
    const tr = refreshConsistencyTr(s);
    return tr ? s.apply(tr) : s;
  };
  state = refresh(state);
  const conflicts = (s: EditorState) => qaFindings(s).filter((f) => f.check === 'entity-type-conflict').map((f) => `${f.row} ${f.params.name} ${f.params.type}/${f.params.others}`);
  assert.deepEqual(conflicts(state), ['0 إدلب LOC/PER', '1 بإدلب PER/LOC']);
  // retag the second as LOC: the conflict goes at the next refresh
  const m = mentionsOf(state.doc).find((x) => x.text === 'بإدلب')!;
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, m.from + 1)));
  assert.ok(changeTagType('LOC')(state, (tr) => (state = state.apply(tr))));
  state = refresh(state);
  assert.deepEqual(conflicts(state), []);
});
