import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { arabicRuns, latinRuns } from '../../../shared/align/features.ts';
import { PAIRS } from './fixtures.ts';

/** The regular expression the name keys used before the scan (the oracle). */
const AR_WORD = /[\u0621-\u064A\u0671-\u06D3\u064B-\u065F\u0670\u0640]+/gu;
const byRegex = (text: string) => [...text.matchAll(AR_WORD)].map((m) => m[0]);

test('arabicRuns: the Arabic words a name key is made of, as the regular expression found them', () => {
  assert.deepEqual(arabicRuns('وقال بوتين (Putin) ٢٠٢٥ الـرئيسُ😀ماكرون'), ['وقال', 'بوتين', 'الـرئيسُ', 'ماكرون']);
  for (const [ar, en] of PAIRS) assert.deepEqual(arabicRuns(ar + ' ' + en), byRegex(ar + ' ' + en));
  const units = ['ا', 'ء', 'ي', 'ٱ', 'ۓ', 'ـ', 'َ', 'ٰ', '٣', '،', ' ', 'a', '😀', '\u0620', '\u064B', '\u065F', '\u0660', '\u06D4', 'پ'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }).map((a) => a.join('')), (text) => assert.deepEqual(arabicRuns(text), byRegex(text))), { numRuns: 3000 });
});

test('latinRuns: the Latin words a name key is made of, as /[A-Za-z][A-Za-z\'’]*/g found them', () => {
  const byRegex = (s: string) => [...s.matchAll(/[A-Za-z][A-Za-z'’]*/g)].map((m) => m[0]);
  assert.deepEqual(latinRuns("O'Neill's Putin’ 'x ماكرون F16 Érdo"), ["O'Neill's", 'Putin’', 'x', 'F', 'rdo']);
  const units = ['a', 'Z', 'q', "'", '’', ' ', '-', '3', 'é', 'ب', '😀'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }).map((a) => a.join('')), (s) => assert.deepEqual(latinRuns(s), byRegex(s))), { numRuns: 3000 });
});
