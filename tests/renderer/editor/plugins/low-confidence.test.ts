import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowConfidenceRows } from '../../../../renderer/editor/plugins/low-confidence.ts';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { at, atTarget, fixture, makeState, run } from '../helpers.ts';

function lowIds(s: ReturnType<typeof makeState>): string[] {
  return lowConfidenceRows(s).map((p) => s.doc.nodeAt(p)!.attrs.id as string);
}

test('rows below 0.5 are decorated; decorations follow edits and row operations', () => {
  const a = fixture();
  a.units[1].confidence = 0.3;
  a.units[2].confidence = 0.5;
  a.units[3].confidence = 0.1;
  let s = makeState(a);
  assert.deepEqual(lowIds(s), ['u2', 'u4']);
  // typing above maps the decorations forward
  s = atTarget(s, 0, -1);
  s = s.apply(s.tr.insertText(' More text.'));
  assert.deepEqual(lowIds(s), ['u2', 'u4']);
  // a manual merge clears the confidence: the merged row is no longer low
  s = run(at(s, 's2'), commands.mergeRowNext);
  assert.deepEqual(lowIds(s), ['u4']);
  s = run(s, commands.undo);
  assert.deepEqual(lowIds(s), ['u2', 'u4']);
  // an attribute step on a row is picked up
  s = s.apply(s.tr.setNodeAttribute(lowConfidenceRows(s)[1], 'confidence', 0.95));
  assert.deepEqual(lowIds(s), ['u2']);
});
