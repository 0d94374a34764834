import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { at, atTarget, makeState, run, rowNode } from '../helpers.ts';

test('status cycles auto → draft → translated → auto (reviewed only through review mode), each step undoable', () => {
  const refusals: string[] = [];
  let s = at(makeState(undefined, undefined, { review: { onRefused: (why) => refusals.push(why) } }), 's2');
  const seen: string[] = [rowNode(s.doc, 1).attrs.status];
  for (let i = 0; i < 3; i++) {
    s = run(s, commands.cycleStatus);
    seen.push(rowNode(s.doc, 1).attrs.status);
  }
  assert.deepEqual(seen, ['auto', 'draft', 'translated', 'auto']);
  assert.deepEqual(refusals, ['outsideReview'], 'passing over reviewed is announced');
  s = run(s, commands.undo);
  assert.equal(rowNode(s.doc, 1).attrs.status, 'translated');
  assert.equal(commands.setStatusAuto(at(makeState(), 's2'), undefined), false, 'already auto');
  // the named command refuses (false: the key falls through) and says why
  assert.equal(commands.setStatusReviewed(s, () => assert.fail('must not dispatch')), false);
  assert.deepEqual(refusals, ['outsideReview', 'outsideReview']);
});

test('confirm and unconfirm a row', () => {
  const s0 = at(makeState(), 's3');
  const s1 = run(s0, commands.confirmRow);
  assert.equal(rowNode(s1.doc, 2).attrs.confirmed, true);
  assert.equal(commands.confirmRow(s1, undefined), false);
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
  assert.equal(rowNode(run(s1, commands.unconfirmRow).doc, 2).attrs.confirmed, false);
});

test('typing English in an auto row makes it draft; undo takes both back', () => {
  const s0 = atTarget(makeState(), 1);
  const s1 = s0.apply(s0.tr.insertText('Hi'));
  assert.equal(rowNode(s1.doc, 1).attrs.status, 'draft');
  assert.equal(rowNode(s1.doc, 2).attrs.status, 'auto');
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
  // a translated row stays translated
  const t = run(at(makeState(), 's1'), commands.setStatusTranslated);
  const t2 = atTarget(t, 0, -1);
  assert.equal(rowNode(t2.apply(t2.tr.insertText('!')).doc, 0).attrs.status, 'translated');
});
