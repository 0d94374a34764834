import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findRegex, nestedRepetition, prepareRegex, regexReplacement, type PreparedRegex } from '../../../shared/text/search-regex.ts';
import { compileSearch, isSearchProblem, searchText } from '../../../shared/text/search.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';

const rx = (p: string, matchCase = false) => prepareRegex(p, matchCase) as PreparedRegex;
/** The hits' texts, sliced from the original by their code-point spans. */
const hits = (text: string, pattern: string, matchCase = false) => {
  const map = new OffsetMap(text);
  return findRegex(text, rx(pattern, matchCase)).map((s) => map.slice(s.start, s.end));
};

// [what, text, pattern, matchCase, expected hit texts]
const table: [string, string, string, boolean, string[]][] = [
  ['Arabic letters by class', 'قال الوزير إن الوزارة', 'الوز\\p{L}+', false, ['الوزير', 'الوزارة']],
  ['no folding: harakat are text, the bare pattern misses مُحَمَّد', 'مُحَمَّد ومحمد', 'محمد', false, ['محمد']],
  ['no folding: hamza alef is not alef', 'أحمد احمد', 'احمد', false, ['احمد']],
  ['harakat matched on purpose', 'مُحَمَّد ومحمد', 'م[\\u064B-\\u0652]?ح[\\u064B-\\u0652]?م[\\u064B-\\u0652]*د', false, ['مُحَمَّد', 'محمد']],
  ['Arabic-Indic digits are \\p{Nd}, not \\d', 'عام ٢٠٢٤ و2024', '\\p{Nd}+', false, ['٢٠٢٤', '2024']],
  ['\\d is ASCII only', 'عام ٢٠٢٤ و2024', '\\d+', false, ['2024']],
  ['case-insensitive by default', 'Reuters REUTERS', 'reuters', false, ['Reuters', 'REUTERS']],
  ['matchCase', 'Reuters REUTERS', 'Reuters', true, ['Reuters']],
  ['astral: the u flag keeps an emoji whole', 'a😀b 😀', '.b|😀', false, ['😀b', '😀']],
  ['zero-length matches are skipped', 'محمد', 'x*', false, []],
  ['\\b-only pattern finds nothing', 'the cat', '\\b', false, []],
  ['lookbehind on the original text', 'Mr Smith and Ms Jones', '(?<=Ms )\\p{Lu}\\w+', false, ['Jones']],
  ['mixed scripts', 'شركة Apple و Google', '[A-Z]\\w+', true, ['Apple', 'Google']],
];

for (const [what, text, pattern, matchCase, expected] of table) {
  test(`regex: ${what}`, () => assert.deepEqual(hits(text, pattern, matchCase), expected));
}

test('regex: spans are code points (emoji and harakat before the hit) and slice back to the match', () => {
  const text = '😀👍🏽 قالَ Apple';
  const spans = findRegex(text, rx('apple'));
  assert.deepEqual(spans, [{ start: 9, end: 14 }]);
  assert.equal(new OffsetMap(text).slice(9, 14), 'Apple');
  assert.deepEqual(findRegex('aaaa', rx('a'), 2).length, 2, 'limit caps');
});

test('regex: an invalid pattern is a clear problem, never a throw', () => {
  const r = prepareRegex('(محمد');
  assert.ok(r && 'problem' in r && r.problem === 'invalid');
  assert.match((r as { message: string }).message, /group/i);
  assert.equal(prepareRegex(''), null);
  const c = compileSearch('[', { regex: true });
  assert.ok(isSearchProblem(c));
  // the same text without the option is a literal search
  const lit = compileSearch('[', {});
  assert.ok(lit && !isSearchProblem(lit) && lit.kind === 'text');
});

test('regex: nested repetition (catastrophic backtracking) is refused before it runs', () => {
  for (const p of ['(a+)+$', '(\\w*\\s?)*x', '(?:[ا-ي]+ )+!', '((ab)*c)+', '(x+){2,}']) {
    const r = prepareRegex(p);
    assert.ok(r && 'problem' in r && r.problem === 'unsafe', p);
  }
  // bounded or unrepeated groups are fine
  for (const p of ['(a+)?', '(ab)+', '(a|b)+', '[(a+)]+', '\\(a+\\)+', '(a+){2}', 'ال\\p{L}+']) {
    assert.equal(nestedRepetition(p), null, p);
  }
});

test('regex: replacement templates expand $& $1 $<name> $$ at the hit, as String.replace does', () => {
  const text = 'وزير الخارجية Sameh Shoukry قال';
  const r = rx('(?<first>\\p{Lu}\\w+) (\\p{Lu}\\w+)', true);
  const [span] = findRegex(text, r);
  assert.equal(regexReplacement(text, span, r, '$2, $<first>'), 'Shoukry, Sameh');
  assert.equal(regexReplacement(text, span, r, '[$&] $$5 $9'), '[Sameh Shoukry] $5 $9');
  // property: for every match, the expansion equals what String.prototype.replace gives there
  fc.assert(fc.property(fc.constantFrom('$1', '$&-$1', '<$2>', '$$', "$'", '$`', '$10'), fc.array(fc.constantFrom('ab', 'ب', '😀', ' ', 'a', 'بب'), { maxLength: 12 }), (tpl, parts) => {
    const t = parts.join('');
    const p = rx('(a|ب)(b|ب)?');
    const map = new OffsetMap(t);
    for (const s of findRegex(t, p)) {
      const from = map.toUtf16(s.start);
      const to = map.toUtf16(s.end);
      const re = new RegExp(p.re.source, 'uy');
      re.lastIndex = from;
      const replaced = t.replace(re, tpl);
      const expected = replaced.slice(from, replaced.length - (t.length - to));
      assert.equal(regexReplacement(t, s, p, tpl), expected);
    }
  }));
});

const alphabet = ['ا', 'أ', 'ب', 'ة', 'َ', 'ّ', ' ', 'A', 'a', '😀', '٣', '3', 'ﻻ'];
const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join(''));

test('regex property: hits are ordered, disjoint, non-empty, and slice back to a full match of the pattern', () => {
  fc.assert(fc.property(textArb, fc.constantFrom('ب+', '[اأ]\\S', '\\p{Nd}', 'a|😀', '.', 'َّ?ب', '\\p{L}+'), (text, pattern) => {
    const p = rx(pattern);
    const whole = new RegExp(`^(?:${pattern})$`, 'iu');
    const map = new OffsetMap(text);
    let last = 0;
    for (const s of findRegex(text, p)) {
      assert.ok(s.start >= last && s.end > s.start && s.end <= map.cpLength);
      assert.match(map.slice(s.start, s.end), whole);
      last = s.end;
    }
    // the searcher of compileSearch answers the same
    const c = compileSearch(pattern, { regex: true });
    assert.ok(c && !isSearchProblem(c));
    assert.deepEqual(searchText(text, c), findRegex(text, p));
  }));
});
