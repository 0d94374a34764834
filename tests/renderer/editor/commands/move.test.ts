import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { at, atTarget, makeState, run, show, sourceIntact } from '../helpers.ts';

test('move the first Arabic sentence of a row up, then back down; undo restores', () => {
  const s0 = at(makeState(), 's2', 3);
  const up = run(s0, commands.moveSentenceUp);
  assert.equal(show(up.doc, 3), 'u1[s1:قال s2:واف | t1:The]Dm u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.equal(up.selection.$head.parent.attrs.id, 's2', 'the cursor follows the sentence');
  assert.equal(up.selection.$head.parentOffset, 3);
  assert.ok(sourceIntact(up.doc));
  const down = run(up, commands.moveSentenceDown);
  assert.equal(show(down.doc, 3), 'u1[s1:قال | t1:The]Dm u3[s2:واف s3:لم  | _]Am u4[s4:وان | _]A');
  assert.ok(run(up, commands.undo).doc.eq(s0.doc));
});

test('move an English sentence down into the next row (a 1-0 then 1-1)', () => {
  const s0 = at(makeState(), 't1', 5);
  const down = run(s0, commands.moveSentenceDown);
  assert.equal(show(down.doc, 3), 'u1[s1:قال | _]Dm u2[s2:واف | t1:The]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.equal(down.selection.$head.parent.attrs.id, 't1');
  assert.ok(run(down, commands.undo).doc.eq(s0.doc));
  const up = run(down, commands.moveSentenceUp);
  assert.equal(show(up.doc, 3), 'u1[s1:قال | t1:The]Dm u2[s2:واف | _]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
});

test('a row left empty by a move disappears', () => {
  // make a 0-1 row holding one English sentence, then move that sentence up
  let s = run(at(makeState(), 's4'), commands.insertTargetRow);
  s = s.apply(s.tr.insertText('Extra.'));
  const up = run(s, commands.moveSentenceUp);
  assert.equal(show(up.doc, 3), 'u1[s1:قال | t1:The]D u2[s2:واف | _]A u3[s3:لم  | _]A u4[s4:وان | t2:Ext]Am');
});

test('moves that would reorder sentences or have nothing to move are refused', () => {
  let s = run(at(makeState(), 's1'), commands.mergeRowNext); // u1 = [s1 s2 | t1]
  assert.equal(commands.moveSentenceUp(at(s, 's2'), undefined), false, 's2 is not first in its cell');
  assert.equal(commands.moveSentenceDown(at(s, 's1'), undefined), false, 's1 is not last in its cell');
  assert.equal(commands.moveSentenceUp(at(s, 's1'), undefined), false, 'no row above');
  s = atTarget(makeState(), 1);
  assert.equal(commands.moveSentenceUp(s, undefined), false, 'the empty placeholder does not move');
});
