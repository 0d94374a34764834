import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findAll, findInText, prepareQuery } from '../../../shared/text/search.ts';
import { normalizeForMatch } from '../../../shared/text/normalize.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { isMarkCp } from '../../../shared/text/chars.ts';

/** The texts of the hits, sliced from the original by their code-point spans. */
const hits = (text: string, query: string, opts = {}) => {
  const map = new OffsetMap(text);
  return findAll(text, query, opts).map((s) => map.slice(s.start, s.end));
};

// [what, text, query, options, expected hit texts]
const table: [string, string, string, object, string[]][] = [
  ['harakat in the text are ignored and kept in the hit', 'قالَ مُحَمَّدٌ إنّ محمدا وصل', 'محمد', {}, ['مُحَمَّدٌ', 'محمد']],
  ['harakat in the query are ignored too', 'وصل محمد', 'مُحَمَّد', {}, ['محمد']],
  ['alef variants and alef maksura fold', 'أحمد وإبراهيم وآدم ومصطفى', 'احمد', {}, ['أحمد']],
  ['ى = ي', 'ومصطفى ومصطفي', 'مصطفي', {}, ['مصطفى', 'مصطفي']],
  ['ة = ه', 'المدرسة والمدرسه', 'المدرسة', {}, ['المدرسة', 'المدرسه']],
  ['exactLetters keeps أ and ة apart', 'أحمد احمد المدرسة المدرسه', 'أحمد', { exactLetters: true }, ['أحمد']],
  ['exactLetters: ة only matches ة', 'المدرسة المدرسه', 'المدرسة', { exactLetters: true }, ['المدرسة']],
  ['tatweel ignored', 'الـــرئيس والرئيس', 'الرئيس', {}, ['الـــرئيس', 'الرئيس']],
  ['Arabic-Indic and Persian digits match ASCII', 'قتل ٣٥ و۳۵ و35', '35', {}, ['٣٥', '۳۵', '35']],
  ['presentation forms: a ligature is hit whole', 'ﻻ يوجد', 'لا', {}, ['ﻻ']],
  ['a hit on half a ligature covers the ligature', 'ﻻ', 'ا', {}, ['ﻻ']],
  ['case-insensitive Latin by default, matchCase on request', 'Reuters and REUTERS', 'reuters', {}, ['Reuters', 'REUTERS']],
  ['matchCase', 'Reuters and REUTERS', 'Reuters', { matchCase: true }, ['Reuters']],
  ['any run of white space (NBSP, tab) matches one space', 'قال\u00a0 \tالوزير', 'قال الوزير', {}, ['قال\u00a0 \tالوزير']],
  ['curly and straight quotes match; ؟ = ?', 'قال “نعم” ثم سأل: لماذا؟', '"نعم"', {}, ['“نعم”']],
  ['emoji before keep the offsets right', '😀👍🏽 محمد', 'محمد', {}, ['محمد']],
  ['non-overlapping, left to right', 'ااااا', 'اا', {}, ['اا', 'اا']],
  ['empty or harakat-only query finds nothing', 'محمد', 'َ ', {}, []],
  ['a query that is only spaces finds nothing', 'قال الوزير', '   ', {}, []],
];

for (const [what, text, query, opts, expected] of table) {
  test(`search: ${what}`, () => assert.deepEqual(hits(text, query, opts), expected));
}

test('search: spans are code points (astral text before the hit)', () => {
  assert.deepEqual(findAll('😀 محمد', 'محمد'), [{ start: 2, end: 6 }]);
  assert.equal(prepareQuery(''), null);
  assert.deepEqual(findInText('محمد محمد محمد', prepareQuery('محمد'), 2).length, 2);
});

// text from a small alphabet rich in the hard cases
const alphabet = ['ا', 'أ', 'ب', 'ة', 'ه', 'ى', 'ي', 'َ', 'ّ', 'ـ', ' ', '\u00a0', '\n', 'A', 'a', '😀', '٣', '3', 'ﻻ', 'ل', '"', '“', '\u200f'];
const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));

test('search property: hits are ordered, disjoint, whole code points and marks; each folds to the query', () => {
  fc.assert(
    fc.property(textArb, fc.nat(), fc.integer({ min: 1, max: 6 }), (text, at, len) => {
      const cps = Array.from(text);
      if (cps.length === 0) return;
      const s = at % cps.length;
      const query = cps.slice(s, s + len).join('');
      const q = prepareQuery(query);
      const spans = findInText(text, q);
      if (!q) return;
      // the query was cut from the text, so it is found (unless the cut split a fold, e.g. half a
      // collapsed space run or a ligature; then the folded query may still occur elsewhere)
      const map = new OffsetMap(text);
      let prev = 0;
      for (const sp of spans) {
        assert.ok(sp.start >= prev && sp.end > sp.start && sp.end <= cps.length, JSON.stringify({ text, query, spans }));
        prev = sp.end;
        // never starts on a mark that belongs to a letter before it, never leaves a mark behind
        if (sp.start > 0) assert.ok(!isMarkCp(cps[sp.start].codePointAt(0)!) || /\s/u.test(cps[sp.start - 1]));
        if (sp.end < cps.length) assert.ok(!isMarkCp(cps[sp.end].codePointAt(0)!), JSON.stringify({ text, query, sp }));
        // the hit, folded, contains the folded query (a ligature hit may hold more)
        assert.ok(normalizeForMatch(map.slice(sp.start, sp.end), q.fold).includes(q.key.trim()), JSON.stringify({ text, query, sp }));
      }
    }),
    { numRuns: 3000 },
  );
});

test('search property: a query cut from the text on letter boundaries is always found at its place', () => {
  const letters = ['ا', 'أ', 'ب', 'ة', 'ه', 'ى', 'ي', 'A', 'a', '٣', '3', 'م'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 30 }), fc.nat(), fc.integer({ min: 1, max: 5 }), (cps, at, len) => {
      const text = cps.join('');
      const s = at % cps.length;
      const query = cps.slice(s, s + len).join('');
      const spans = findAll(text, query);
      assert.ok(spans.length >= 1);
      // some hit starts at or before the cut (non-overlapping scanning may take an earlier one)
      assert.ok(spans.some((sp) => sp.start <= s && s < sp.end) || spans.some((sp) => sp.start === s), JSON.stringify({ text, query, spans }));
    }),
    { numRuns: 2000 },
  );
});
