// The segmenter's hot path (issue 17 item 4) scans with sticky regexes instead of a call per code
// unit. Its output must be identical to the scanner before that change, kept as the oracle in
// ./oracle/segment-before.ts: on random text built from the characters the rules look at, on the
// real NTREX and UD PUD Arabic, and with project abbreviations and exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { LINE_REST, PLAIN_RUN, segmentSentences } from '../../../shared/text/segment.ts';
import { segmentSentences as segmentBefore } from './oracle/segment-before.ts';
import { isLineBreak, isTerminator } from '../../../shared/text/chars.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';

const DATA = resolve(import.meta.dirname, '../../../../shared/data');

// pieces the rules react to: Arabic words with harakat and tatweel, terminators of both scripts,
// every quote kind, brackets, spaces of several kinds, line breaks, Latin words and initials,
// abbreviations, digits of both scripts, emoji (astral: offsets in code points)
const PIECES = [
  'قال', 'الوزيرُ', 'إنّ', 'مـــصر', 'د', 'أ.د', 'ص.ب', 'م', 'سي', 'إن', 'في', 'واد', 'كما', 'قائلًا', 'وأضاف', 'و', 'أو',
  'Mr', 'U.S', 'e.g', 'George', 'W', 'the', 'News', 'A', 'a', '1', '2017', '٣٫٥', '١٢', '3.5', '😀', '👍🏽',
  '.', '..', '...', '…', '!', '?', '؟', '۔', '?!', '.,', '.،', '،', ':', '"', '“', '”', '«', '»', "'", '(', ')', '[', ']',
  ' ', ' ', ' ', '\u00a0', '\u200f', '\t', '\n', '\r\n', '\r', '\u2028', '\u0085', 'قد يعجبك أيضا',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((xs) => xs.join(''));

const spans = (xs: { start: number; end: number }[]) => xs.map((s) => `${s.start}-${s.end}`).join(' ');

test('the same spans as the scanner before the fast path, on random Arabic/Latin text with quotes, marks and emoji', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      const now = segmentSentences(text, { lang: 'ar' });
      assert.equal(spans(now), spans(segmentBefore(text, { lang: 'ar' })));
      for (const s of now) assert.equal(cpSlice(text, s.start, s.end).trim(), cpSlice(text, s.start, s.end)); // slices are trimmed sentences
    }),
    { numRuns: 3000 },
  );
});

test('the same spans with project abbreviations and exceptions', () => {
  const opts = { lang: 'ar' as const, abbreviations: ['Mr', 'واد'], exceptions: ['Yahoo! News', 'مَن؟ أنا'] };
  fc.assert(
    fc.property(textArb, (text) => assert.equal(spans(segmentSentences(text, opts)), spans(segmentBefore(text, opts)))),
    { numRuns: 1000 },
  );
  const t = 'قرأت الخبر في Yahoo! News أمس. مَن؟ أنا قلت ذلك 😀. انتهى';
  assert.deepEqual(segmentSentences(t, opts), segmentBefore(t, opts));
});

test('the same boundaries on the whole NTREX and UD PUD Arabic text', () => {
  const ntrex = readFileSync(resolve(DATA, 'ntrex128-ar-en/newstest2019-ref.arb.txt'), 'utf8');
  const pud = readFileSync(resolve(DATA, 'ud-pud-ar-en/pud.ar.txt'), 'utf8');
  for (const text of [ntrex, pud, ntrex.split('\n').join(' '), pud.split('\n').join(' ')]) {
    const now = segmentSentences(text, { lang: 'ar' });
    assert.ok(now.length > 1000);
    assert.equal(spans(now), spans(segmentBefore(text, { lang: 'ar' })));
  }
});

test('the sticky scanners stop exactly where chars.ts says', () => {
  const quote = (c: number) => c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb;
  for (let c = 0; c < 0x10000; c++) {
    const s = String.fromCharCode(c);
    LINE_REST.lastIndex = 0;
    LINE_REST.test(s);
    assert.equal(LINE_REST.lastIndex === 0, isLineBreak(c), `line break ${c.toString(16)}`);
    PLAIN_RUN.lastIndex = 0;
    PLAIN_RUN.test(s);
    assert.equal(PLAIN_RUN.lastIndex === 0, isLineBreak(c) || isTerminator(c) || quote(c), `plain run ${c.toString(16)}`);
  }
});
