import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlock } from 'prosemirror-commands';
import { docToAnnotations } from '../../../../renderer/editor/convert.ts';
import { at, atTarget, fixture, makeState, posIn, run, show, TEXT, rowNode } from '../helpers.ts';
import { commands } from '../../../../renderer/editor/commands/index.ts';

test('splitBlock in English copies the id; the plugin renames the second half', () => {
  const s0 = at(makeState(), 't1', 10);
  const s1 = run(s0, splitBlock);
  assert.equal(show(s1.doc, 4).split(' u2')[0], 'u1[s1:قالَ | t1:The  t2:ent ]D');
  // undo restores without renaming anything
  const back = run(s1, commands.undo);
  assert.ok(back.doc.eq(s0.doc));
});

test('pasted sentences carrying existing ids get fresh ones; ids never repeat', () => {
  const s0 = makeState();
  const t1 = rowNode(s0.doc, 0).child(1).child(0);
  // paste a copy of t1 (with its id and its mention) in front of row u2's placeholder
  const s1 = s0.apply(s0.tr.insert(posIn(s0.doc, '', 0) - 1, t1));
  const ann = docToAnnotations(s1.doc, fixture(), TEXT);
  assert.deepEqual(ann.targets.map((x) => x.id), ['t1', 't2']);
  assert.deepEqual(ann.units.map((u) => u.target), [['t1'], ['t2'], [], []]);
  assert.deepEqual(ann.mentions.map((m) => [m.id, m.sentence]), [['m1', 's1'], ['m2', 't1'], ['m3', 't2']]);
});

test('pasting Arabic (a copied row) is refused: the source never grows', () => {
  const s0 = makeState();
  const end = s0.doc.content.size;
  assert.equal(s0.apply(s0.tr.insert(end, rowNode(s0.doc, 0))), s0);
});

test('typing into an empty placeholder gives it the next target id', () => {
  let s = atTarget(makeState(), 2);
  s = s.apply(s.tr.insertText('a'));
  s = atTarget(s, 1);
  s = s.apply(s.tr.insertText('b'));
  assert.deepEqual(docToAnnotations(s.doc, fixture(), TEXT).targets.map((t) => t.id), ['t1', 't3', 't2']);
});
