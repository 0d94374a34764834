import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeForMatch, normalizeWithMap } from '../../../shared/text/normalize.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';

const table: [string, string, string, { taMarbuta?: boolean; lowercase?: boolean }?][] = [
  ['diacritics removed', 'مُحَمَّدٌ قَالَ', 'محمد قال'],
  ['tatweel removed', 'إدلـــب', 'ادلب'],
  ['alef variants', 'أحمد إدلب آمنة ٱلله', 'احمد ادلب امنة الله'],
  ['alef maksura to yeh', 'مصطفى على', 'مصطفي علي'],
  ['teh marbuta kept by default', 'مدرسة', 'مدرسة'],
  ['teh marbuta folded on request', 'مدرسة', 'مدرسه', { taMarbuta: true }],
  ['Arabic-Indic and Persian digits, Arabic decimal and thousands separators', '٣٫٥ و١٬٠٠٠ و۱۲۳', '3.5 و1,000 و123'],
  ['presentation forms through NFKC (lam-alef ligature, isolated forms)', 'ﻻ ﺍﻟﻨﻈﺎﻡ', 'لا النظام'],
  ['presentation form with hamza folds further', 'ﺃ', 'ا'],
  ['Persian yeh and keheh', 'ایران کابل', 'ايران كابل'],
  ['Latin kept, emoji kept', 'Idlib 😀 إدلب', 'Idlib 😀 ادلب'],
  ['lower case on request', 'Idlib ÉTAT', 'idlib état', { lowercase: true }],
];

for (const [what, input, expected, opts] of table) {
  test(`normalize: ${what}`, () => {
    assert.equal(normalizeForMatch(input, opts), expected);
    assert.equal(normalizeWithMap(input, opts).text, expected);
  });
}

test('normalize: a match in the normalised text maps back to the original span (with its marks)', () => {
  const original = 'قال مُحَمَّدٌ 😀 إنّ إدلـب آمنة';
  const n = normalizeWithMap(original);
  const cps = Array.from(n.text);
  const at = cps.join('').indexOf('محمد');
  // indexOf counts UTF-16 units; before the emoji they equal code points
  const a = at;
  const b = at + 4;
  const orig = new OffsetMap(original).slice(n.toOriginal(a), n.toOriginal(b));
  assert.equal(orig.trim(), 'مُحَمَّدٌ');
  // after the astral emoji: code points, not UTF-16 units
  const idx = cps.findIndex((_, k) => cps.slice(k, k + 4).join('') === 'ادلب');
  assert.equal(new OffsetMap(original).slice(n.toOriginal(idx), n.toOriginal(idx + 4)), 'إدلـب');
  assert.equal(n.toNormalized(n.toOriginal(idx)), idx);
  assert.equal(n.toOriginal(n.length), Array.from(original).length);
  assert.throws(() => n.toOriginal(n.length + 1), RangeError);
});

const alphabet = ['ا', 'أ', 'إ', 'آ', 'ى', 'ة', 'ـ', 'َ', 'ّ', 'ٌ', 'ﻻ', 'ﺃ', '٣', '۴', '٫', ' ', 'A', 'é', '😀', 'ب', 'ی'];
const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));

test('normalize property: every normalised span maps back to an original span that normalises to it', () => {
  fc.assert(
    fc.property(textArb, fc.nat(), fc.nat(), fc.boolean(), (text, x, y, ta) => {
      const opts = { taMarbuta: ta };
      const n = normalizeWithMap(text, opts);
      const map = new OffsetMap(text);
      // unit boundaries: offsets where the origin changes (a ligature's expansion is one unit)
      const cuts = [0];
      for (let k = 1; k <= n.length; k++) if (k === n.length || n.toOriginal(k) !== n.toOriginal(k - 1)) cuts.push(k);
      const a = cuts[x % cuts.length];
      const b = cuts[y % cuts.length];
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const back = map.slice(n.toOriginal(lo), n.toOriginal(hi));
      assert.equal(normalizeForMatch(back, opts), Array.from(n.text).slice(lo, hi).join(''));
    }),
    { numRuns: 1500 },
  );
});

test('normalize property: maps are monotonic and toNormalized inverts toOriginal at unit starts', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      const n = normalizeWithMap(text);
      let prev = 0;
      for (let k = 0; k <= n.length; k++) {
        const o = n.toOriginal(k);
        assert.ok(o >= prev);
        prev = o;
        if (k === 0 || k === n.length || o !== n.toOriginal(k - 1)) assert.equal(n.toNormalized(o), k);
      }
    }),
    { numRuns: 1500 },
  );
});
