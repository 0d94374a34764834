// The review plugin (renderer/editor/plugins/review.ts): comment badges at all times, review marks
// only in review mode, both kept up to date through edits by mapping, not by rebuilding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EditorState } from 'prosemirror-state';
import { reviewKey } from '../../../../renderer/editor/plugins/review.ts';
import { commentRow, setReviewMode } from '../../../../renderer/editor/commands/review.ts';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { atTarget, fixture, makeState, run, TEXT } from '../helpers.ts';

const stamp = { by: 'نور', at: '2026-12-05T02:30:00.000Z' };
const badge = (c: readonly unknown[]) => ({ text: String(c.length), label: `${c.length} comments` });
const specs = (s: EditorState) => reviewKey.getState(s)!.decos.find().map((d) => d.spec as { review?: string; comments?: boolean; key?: string });

test('badges follow comments; review marks appear only in review mode and follow edits', () => {
  const ann = fixture();
  ann.units[2].comments = [{ id: 'c1', by: 'a', at: stamp.at, text: 'راجِع الرقم ١٢٣', kind: 'note' }];
  let s = makeState(ann, TEXT, { review: { badge } });
  assert.deepEqual(specs(s).filter((x) => x.comments).map((x) => x.key), ['comments:u3:1:1']);
  assert.equal(specs(s).filter((x) => x.review).length, 0, 'no marks outside review mode');
  s = run(atTarget(s, 2), commentRow('🚀 ok', 'note', stamp));
  assert.deepEqual(specs(s).filter((x) => x.comments).map((x) => x.key), ['comments:u3:2:2'], 'the badge of the row is replaced, not doubled');
  s = run(s, setReviewMode(true));
  assert.deepEqual(specs(s).filter((x) => x.review).map((x) => x.review), ['new', 'new', 'new', 'new']);
  // typing keeps the marks in place (mapped), the badge too
  s = atTarget(s, 0, 3);
  s = s.apply(s.tr.insertText('ـ'));
  assert.equal(specs(s).filter((x) => x.review).length, 4);
  assert.equal(specs(s).filter((x) => x.comments).length, 1);
  s = run(run(s, commands.undo), commands.undo);
  s = run(s, setReviewMode(false));
  assert.equal(specs(s).filter((x) => x.review).length, 0);
});
