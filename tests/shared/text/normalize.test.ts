import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NAME_FOLDING, asciiDigits, nameKey, normalizeForMatch, normalizeWithMap, stripArabicMarks, type NormalizeOptions } from '../../../shared/text/normalize.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';

const table: [string, string, string, NormalizeOptions?][] = [
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
  ['default keeps quotes, format characters, Latin diacritics and space runs', 'Erdoğan “قال”\u200F  ،', 'Erdoğan “قال”\u200F  ،'],
  ['strict letters keep hamza alefs and alef maksura', 'أحمد إدلب آن ٱلله على', 'أحمد إدلب آن الله على', { strictLetters: true }],
  ['names: diacritics, case, quotes, Arabic punctuation, format characters, space runs', 'Erdoğan’s  «إدلب»\u200F،\n\tÉTAT', "erdogan's \"ادلب\", etat", NAME_FOLDING],
  ['names: harakat, tatweel, ة, ی, digits; emoji kept', 'مَدرسـة ایران ٣ 😀', 'مدرسه ايران 3 😀', NAME_FOLDING],
  ['names: combining marks of any script and presentation forms', 'e\u0301te\u0301 ﺇدلب', 'ete ادلب', NAME_FOLDING],
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

const alphabet = ['ا', 'أ', 'إ', 'آ', 'ى', 'ة', 'ـ', 'َ', 'ّ', 'ٌ', 'ﻻ', 'ﺃ', '٣', '۴', '٫', ' ', '  ', '\n', '\u200F', '“', 'A', 'é', 'e\u0301', 'Ğ', '😀', 'ب', 'ی', '…'];
const optsArb = fc.record({ taMarbuta: fc.boolean(), lowercase: fc.boolean(), strictLetters: fc.boolean(), names: fc.boolean() });
const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));

test('normalize property: every normalised span maps back to an original span that normalises to it', () => {
  fc.assert(
    fc.property(textArb, fc.nat(), fc.nat(), optsArb, (text, x, y, opts) => {
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
    fc.property(textArb, optsArb, (text, opts) => {
      const n = normalizeWithMap(text, opts);
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

test('normalize: origin maps every UTF-16 unit of the text back to a code point (indexOf hits, astral text before)', () => {
  const original = 'وصل 😀 الوفدُ إلى إِدْلِبَ، ثم بإدلب';
  const n = normalizeWithMap(original, { ...NAME_FOLDING, strictLetters: true });
  const map = new OffsetMap(original);
  const hits: string[] = [];
  for (let at = n.text.indexOf('إدلب'); at >= 0; at = n.text.indexOf('إدلب', at + 1)) {
    hits.push(map.slice(n.origin[at], n.origin[at + 3] + 1));
  }
  assert.deepEqual(hits, ['إِدْلِب', 'إدلب']);
  assert.equal(n.origin.length, n.text.length);
  assert.equal(n.originalLength, Array.from(original).length);
  // the emoji is two units of the text, both from one code point
  const e = n.text.indexOf('😀');
  assert.equal(n.origin[e], n.origin[e + 1]);
  assert.equal(map.slice(n.origin[e], n.origin[e] + 1), '😀');
});

test('nameKey: spellings of one name share a key; strict keeps hamza alefs apart', () => {
  assert.equal(nameKey('  إِدْلِب  '), nameKey('ادلب'));
  assert.equal(nameKey('Erdoğan'), nameKey('ERDOGAN'));
  assert.equal(nameKey('مدرسة\u200F'), 'مدرسه');
  assert.notEqual(nameKey('آن', { strictLetters: true }), nameKey('أن', { strictLetters: true }));
  assert.equal(nameKey('آن'), nameKey('أن'));
});

test('asciiDigits and stripArabicMarks touch nothing else', () => {
  assert.equal(asciiDigits('عام ٢٠٢٠ و۱۹۹۹ و 12 أَ'), 'عام 2020 و1999 و 12 أَ');
  assert.equal(stripArabicMarks('مُحَمَّدٌ إدلـب 😀 Erdoğan'), 'محمد إدلب 😀 Erdoğan');
  assert.equal(stripArabicMarks('plain'), 'plain');
});

test('normalizeForMatch property: text that folds to itself comes back as is, anything else as normalizeWithMap gives it', () => {
  const units = ['ك', 'ت', 'ا', 'ب', 'أ', 'ى', 'ة', 'َ', 'ـ', '٣', ' ', '  ', 'A', 'a', 'é', 'ﻻ', '😀', '\u00a0', '،', '\u200f', '…'];
  const opts = fc.record({ taMarbuta: fc.boolean(), lowercase: fc.boolean(), strictLetters: fc.boolean(), names: fc.boolean() });
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...units), { maxLength: 20 }).map((a) => a.join('')), opts, (text, o) => {
      assert.equal(normalizeForMatch(text, o), normalizeWithMap(text, o).text);
    }),
    { numRuns: 3000 },
  );
  assert.equal(normalizeForMatch('كتاب', { taMarbuta: true }), 'كتاب');
  assert.equal(normalizeForMatch('مدرسةٌ', { taMarbuta: true }), 'مدرسه');
});
