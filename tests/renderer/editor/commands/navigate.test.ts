import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { at, fixture, makeState, run } from '../helpers.ts';

test('Tab and Shift-Tab go to the next and previous row English cell', () => {
  const s = run(at(makeState(), 's1'), commands.nextRowTarget);
  assert.equal(s.selection.$head.node(1).attrs.id, 'u2');
  assert.equal(s.selection.$head.parent.type.name, 'target_sentence');
  const back = run(s, commands.previousRowTarget);
  assert.equal(back.selection.$head.node(1).attrs.id, 'u1');
  assert.equal(back.selection.$head.parentOffset, back.selection.$head.parent.content.size, 'at the end of the English');
  assert.equal(commands.previousRowTarget(back, undefined), false);
});

test('step through low-confidence rows', () => {
  const a = fixture();
  a.units[1].confidence = 0.2;
  a.units[2].confidence = 0.9;
  a.units[3].confidence = 0.49;
  const s0 = at(makeState(a), 's1');
  const s1 = run(s0, commands.nextLowConfidence);
  assert.equal(s1.selection.$head.node(1).attrs.id, 'u2');
  const s2 = run(s1, commands.nextLowConfidence);
  assert.equal(s2.selection.$head.node(1).attrs.id, 'u4');
  assert.equal(commands.nextLowConfidence(s2, undefined), false);
  assert.equal(run(s2, commands.previousLowConfidence).selection.$head.node(1).attrs.id, 'u2');
});
