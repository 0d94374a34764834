import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPrf, boundaries, boundaryPrf, intlSentenceSpans, locatePieces, prf, sentenceStartPrf, spanPrf } from '../../../shared/text/score.ts';

test('score: prf counts and edge cases', () => {
  const p = prf([1, 2, 3, 4], [2, 3, 5]);
  assert.deepEqual({ ...p, f1: Math.round(p.f1 * 1e9) / 1e9 }, { precision: 2 / 3, recall: 0.5, f1: Math.round((4 / 7) * 1e9) / 1e9, tp: 2, fp: 1, fn: 2 });
  assert.equal(prf([], []).f1, 1);
  assert.equal(prf([1], []).f1, 0);
  assert.deepEqual(addPrf([prf([1], [1]), prf([1, 2], [3])]), { precision: 0.5, recall: 1 / 3, f1: 0.4, tp: 1, fp: 1, fn: 2 });
});

test('score: boundaries are the starts of every span but the first', () => {
  assert.deepEqual(boundaries([{ start: 0, end: 5 }, { start: 6, end: 9 }, { start: 10, end: 12 }]), [6, 10]);
  const gold = [{ start: 0, end: 5 }, { start: 6, end: 9 }];
  assert.equal(boundaryPrf(gold, [{ start: 0, end: 9 }]).recall, 0);
  assert.equal(boundaryPrf(gold, [{ start: 0, end: 6 }, { start: 6, end: 9 }]).f1, 1); // trailing space ignored
  assert.equal(spanPrf(gold, [{ start: 0, end: 5 }, { start: 6, end: 8 }]).f1, 0.5);
});

test('score: locatePieces finds sentences and tokens in code points; null when they do not match', () => {
  const text = '😀 قال.  وأضاف\nانتهى';
  assert.deepEqual(locatePieces(text, ['😀 قال.', 'وأضاف', 'انتهى']), [{ start: 0, end: 6 }, { start: 8, end: 13 }, { start: 14, end: 19 }]);
  assert.deepEqual(locatePieces('للسلطة', ['ل', 'لسلطة']), [{ start: 0, end: 1 }, { start: 1, end: 6 }]);
  assert.equal(locatePieces(text, ['قال']), null);
});

test('score: Intl.Segmenter spans are trimmed code-point spans', () => {
  const text = '😀 أولى. ثانية.\nثالثة';
  const spans = intlSentenceSpans(text, 'ar');
  assert.deepEqual(spans.map((s) => Array.from(text).slice(s.start, s.end).join('')), ['😀 أولى.', 'ثانية.', 'ثالثة']);
});

test('score: sentenceStartPrf also counts the first start, which boundaryPrf leaves out', () => {
  // "أولى. ثانية. ثالثة" (code points): gold three sentences, predicted two (the second boundary missed)
  const gold = [{ start: 0, end: 5 }, { start: 6, end: 12 }, { start: 13, end: 18 }];
  const predicted = [{ start: 0, end: 5 }, { start: 6, end: 18 }];
  const inner = boundaryPrf(gold, predicted);
  const all = sentenceStartPrf(gold, predicted);
  assert.deepEqual([inner.tp, inner.fp, inner.fn], [1, 0, 1]);
  assert.deepEqual([all.tp, all.fp, all.fn], [2, 0, 1]);
  assert.equal(all.f1, 0.8);
});
