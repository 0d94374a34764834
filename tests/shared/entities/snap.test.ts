import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { snapSelection, wordSet } from '../../../shared/entities/snap.ts';
import { nameKey } from '../../../shared/text/normalize.ts';
import { cpLength, cpSlice } from '../../../shared/text/offsets.ts';
import { cpIndexOf } from '../../fixtures/annotated-report.ts';

/** Snaps the whole of `s` and returns the snapped text (or null). */
function snapAll(s: string, opts = {}): string | null {
  const r = snapSelection(s, 0, cpLength(s), opts);
  return r && cpSlice(s, r.start, r.end);
}

test('snapping table: clitics, punctuation and quotes are stripped, the article stays', () => {
  const table: Array<[string, string]> = [
    ['بإدلب', 'إدلب'],
    ['ولبنان', 'لبنان'],
    ['«إدلب»،', 'إدلب'],
    ['وبالقاهرة', 'القاهرة'],
    ['بالقاهرة', 'القاهرة'],
    ['القاهرة', 'القاهرة'],
    ['للأمم', 'لأمم'], // ل + the article whose alef is dropped: the article's lam stays
    ['لـ"حزب الله"', 'حزب الله'],
    ['و"حزب الله"،', 'حزب الله'],
    ['(سراقب)', 'سراقب'],
    ['“دمشق”.', 'دمشق'],
    ['  إدلب؛ ', 'إدلب'],
    ['لأوباما', 'أوباما'],
    ['وبإدلب', 'إدلب'],
    // names that begin with a clitic letter are kept
    ['بغداد', 'بغداد'],
    ['بيروت', 'بيروت'],
    ['لبنان', 'لبنان'],
    ['فلسطين', 'فلسطين'],
    ['وليد', 'وليد'],
    ['واشنطن', 'واشنطن'],
    // no evidence that ب is a clitic: the selection is kept
    ['بدمشق', 'بدمشق'],
  ];
  for (const [input, expected] of table) assert.equal(snapAll(input), expected, input);
});

test('harakat stay on their letters; a clitic with harakat is stripped whole', () => {
  assert.equal(snapAll('بِإِدْلِبَ'), 'إِدْلِبَ');
  assert.equal(snapAll('وَالقَاهِرَةِ،'), 'القَاهِرَةِ');
  // a selection ending between a letter and its marks grows to take the marks
  const t = 'في إِدْلِبَ اليوم';
  const start = cpIndexOf(t, 'إِ');
  const r = snapSelection(t, start, start + 5, { exact: true })!;
  assert.equal(cpSlice(t, r.start, r.end), 'إِدْلِ');
  // a selection starting on a mark grows back to its letter
  const r2 = snapSelection(t, start + 1, start + 4, { exact: true })!;
  assert.equal(cpSlice(t, r2.start, r2.end), 'إِدْ');
});

test('the words of the text prove a clitic: بدمشق snaps when دمشق appears on its own', () => {
  const t = 'وصل الوفد إلى دمشق صباحاً ثم عقد لقاءً بدمشق مع المسؤولين';
  const start = cpIndexOf(t, 'بدمشق');
  const r = snapSelection(t, start, start + 5)!;
  assert.equal(cpSlice(t, r.start, r.end), 'دمشق');
  // known names (glossary) also prove it, and protect a name from being cut
  assert.equal(snapAll('بحلب', { known: new Set([nameKey('حلب')]) }), 'حلب');
  assert.equal(snapAll('وهبة', { known: new Set([nameKey('وهبة')]) }), 'وهبة');
  // no evidence (a lone و is not one): the word is kept (issue 15)
  assert.equal(snapAll('وهبة'), 'وهبة');
  // a cached word set gives the same result
  assert.deepEqual(snapSelection(t, start, start + 5, { words: wordSet(t) }), r);
});

test('exact keeps the selection as made', () => {
  assert.equal(snapAll('بإدلب،', { exact: true }), 'بإدلب،');
  assert.equal(snapAll('«وبالقاهرة»', { exact: true }), '«وبالقاهرة»');
});

test('English: punctuation, quotes and a possessive are stripped', () => {
  assert.equal(snapAll("Erdogan's"), 'Erdogan');
  assert.equal(snapAll('Erdogan’s,'), 'Erdogan');
  assert.equal(snapAll(' (Idlib), '), 'Idlib');
  assert.equal(snapAll('"Hayat Tahrir al-Sham".'), 'Hayat Tahrir al-Sham');
  assert.equal(snapAll("the rebels'"), 'the rebels');
});

test('offsets are code points in mixed text with emoji and Arabic-Indic digits', () => {
  const t = '😀 قصف «بإدلب» عام ٢٠٢٠ on M5 🇸🇾 Idlib.';
  const s = cpIndexOf(t, '«');
  const r = snapSelection(t, s, s + 7)!;
  assert.equal(cpSlice(t, r.start, r.end), 'إدلب');
  assert.equal(r.start, s + 2);
  const d = cpIndexOf(t, '٢٠٢٠');
  const r2 = snapSelection(t, d - 1, d + 5)!;
  assert.equal(cpSlice(t, r2.start, r2.end), '٢٠٢٠');
  const i = cpIndexOf(t, 'Idlib');
  const r3 = snapSelection(t, i - 1, i + 6)!;
  assert.equal(cpSlice(t, r3.start, r3.end), 'Idlib');
});

test('nothing but junk snaps to null; reversed and out-of-range offsets are tolerated', () => {
  assert.equal(snapAll(' ،. «» '), null);
  assert.equal(snapAll(' َ« '), null); // an orphan mark is junk too
  // a lone letter is kept: it may be an initial
  assert.equal(snapAll('و '), 'و');
  const t = 'في بإدلب';
  const r = snapSelection(t, 99, 3)!;
  assert.equal(cpSlice(t, r.start, r.end), 'إدلب');
});

test('property: the snapped span lies inside the selection (or its clusters), never splits a surrogate pair or a letter from its marks', () => {
  const alphabet = fc.constantFrom(...'وفبكلاإأدلبسرقحمة ،.«»"\'ـَُِّْ😀🇸٢aE'.match(/\p{M}|./gsu)!);
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 20 }), fc.nat(), fc.nat(), fc.boolean(), (chars, a, b, exact) => {
      const t = chars.join('');
      const n = cpLength(t);
      const s = n ? a % (n + 1) : 0;
      const e = n ? b % (n + 1) : 0;
      const r = snapSelection(t, s, e, { exact });
      if (!r) return;
      const cps = Array.from(t);
      assert.ok(r.start < r.end && r.end <= n);
      if (!exact) assert.ok(!/\p{M}/u.test(cps[r.start]), 'starts on a mark');
      else if (r.start > 0) assert.ok(!/\p{M}/u.test(cps[r.start]) || !/\p{L}/u.test(cps[r.start - 1]), 'splits a mark from its letter');
      if (r.end < n) assert.ok(!/\p{M}/u.test(cps[r.end]), 'splits marks from their letter');
      // within the selection widened to whole clusters
      let lo = Math.min(s, e);
      while (lo > 0 && /\p{M}/u.test(cps[lo])) lo--;
      let hi = Math.max(s, e);
      while (hi < n && /\p{M}/u.test(cps[hi])) hi++;
      assert.ok(r.start >= lo && r.end <= hi);
      assert.equal(cpSlice(t, r.start, r.end), cps.slice(r.start, r.end).join(''));
    }),
    { numRuns: 500 },
  );
});
