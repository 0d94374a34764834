import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Slice, Fragment } from 'prosemirror-model';
import { joinBackward, deleteSelection } from 'prosemirror-commands';
import { schema } from '../../../../renderer/editor/schema.ts';
import { annotationsToDoc } from '../../../../renderer/editor/convert.ts';
import { sourceReadonly } from '../../../../renderer/editor/plugins/source-readonly.ts';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { at, fixture, makeState, posIn, run, TEXT } from '../helpers.ts';

test('typing, deleting and pasting in the Arabic are refused; the hint callback fires', () => {
  let refused = 0;
  const s = EditorState.create({ doc: annotationsToDoc(schema, fixture(), TEXT), plugins: [sourceReadonly(TEXT, { onRefused: () => refused++ })] });
  const p = posIn(s.doc, 's1', 3);
  assert.equal(s.apply(s.tr.insertText('x', p)), s, 'insert');
  assert.equal(s.apply(s.tr.delete(p, p + 2)), s, 'delete');
  assert.equal(s.apply(s.tr.replace(p, p, new Slice(Fragment.from(schema.text('ملصق')), 0, 0))), s, 'paste');
  // a selection from the Arabic into the English, deleted
  assert.equal(s.apply(s.tr.delete(p, posIn(s.doc, 't1', 3))), s, 'cross-cell delete');
  assert.equal(refused, 4);
  // English is free
  const t = posIn(s.doc, 't1', 3);
  assert.notEqual(s.apply(s.tr.insertText('x', t)), s);
});

test('marks on the Arabic are allowed (entity tagging)', () => {
  const s = makeState();
  const p = posIn(s.doc, 's3', 0);
  const mark = schema.marks.entity.create({ id: 'm9', type: 'PER', entity: 'e9' });
  const next = s.apply(s.tr.addMark(p, p + 2, mark));
  assert.notEqual(next, s);
  assert.ok(next.doc.rangeHasMark(p, p + 2, schema.marks.entity));
});

test('Backspace at the start of an Arabic sentence does not join it with the previous one', () => {
  let s = run(at(makeState(), 's1'), commands.mergeRowNext);
  s = at(s, 's2', 0);
  let changed = false;
  joinBackward(s, (tr) => {
    changed = s.apply(tr) !== s;
  });
  assert.equal(changed, false);
  // nor does deleting a selection that spans the two sentences
  const sel = s.apply(s.tr.setSelection(TextSelection.create(s.doc, posIn(s.doc, 's1', 3), posIn(s.doc, 's2', 2))));
  let changed2 = false;
  deleteSelection(sel, (tr) => {
    changed2 = sel.apply(tr) !== sel;
  });
  assert.equal(changed2, false);
});

test('an attribute change of source offsets is refused outside the reshape commands', () => {
  const s = makeState();
  const pos = posIn(s.doc, 's2') - 1;
  assert.equal(s.apply(s.tr.setNodeAttribute(pos, 'end', 50)), s);
});
