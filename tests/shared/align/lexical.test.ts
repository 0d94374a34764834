import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { alignSentences, type Link } from '../../../shared/align/aligner.ts';
import { arabicKeys, arabicWords, englishStems, englishWords, LexicalSpace, parseLexicon, stemEnglish } from '../../../shared/align/lexical.ts';
import { STORY } from './fixtures.ts';

const lexicon = parseLexicon(readFileSync(new URL('../../../assets/lexicon/ar-en.tsv', import.meta.url), 'utf8'));
const pairsOf = (links: Link[]) => links.map((l) => [l.src, l.tgt]);

test('Arabic words: proclitics and the article split off by the tokeniser, harakat kept out of the keys', () => {
  const table: Array<[string, string[]]> = [
    ['وللأطفالِ', ['أطفالِ']],
    ['فالمدرسةُ بالقرية', ['مدرسةُ', 'قرية']],
    ['كتبَ ١٢ 😀 Reuters', ['كتبَ']],
  ];
  for (const [text, words] of table) assert.deepEqual(arabicWords(text), words, text);
  // folded: no harakat, one alef, ة→ه; then one suffix stripped while 3 letters remain
  assert.deepEqual(arabicKeys('أطفالِهم'), ['اطفالهم', 'اطفال']);
  // ة folds to ه, which is also a suffix: the stem مدرس (teacher) is only a fallback key, the
  // exact headword wins in the lookup (see the table below: بالمدرسة → school)
  assert.deepEqual(arabicKeys('مدرسةٌ'), ['مدرسه', 'مدرس']);
});

test('English stems: plural, verb and adverb endings meet', () => {
  const table: Array<[string[], string]> = [
    [['village', 'villages'], 'villag'],
    [['announce', 'announced', 'announces'], 'announc'],
    [['stop', 'stopped', 'stopping'], 'stop'],
    [['family', 'families'], 'family'],
    [['quick', 'quickly'], 'quick'],
  ];
  for (const [words, stem] of table) for (const w of words) assert.equal(stemEnglish(w), stem, w);
  assert.deepEqual(englishStems('The children played in the gardens.'), ['children', 'play', 'garden']);
});

test('the word list: clitics, the article and broken plurals find their English', () => {
  // broken plurals are headwords of their own (أطفال is not طفل + a suffix)
  const table: Array<[string, string, string]> = [
    ['وللأطفال', 'children', 'article + two proclitics'],
    ['الأطفال', 'kid', 'broken plural'],
    ['بالمدرسة', 'school', 'preposition + article'],
    ['والمطر', 'rain', 'conjunction + article'],
  ];
  for (const [ar, en, why] of table) {
    const space = new LexicalSpace([ar], [`The ${en} here.`], lexicon);
    assert.ok(space.cos(0, 1, 0, 1) > 0.1, `${why}: ${ar} ~ ${en}`);
  }
  const unrelated = new LexicalSpace(['وللأطفال'], ['Parliament voted on the budget.'], lexicon);
  assert.equal(unrelated.cos(0, 1, 0, 1), 0);
});

test('a translation scores higher than its neighbours; spans sum their sentences', () => {
  const ar = STORY.slice(0, 6).map((p) => p[0]);
  const en = STORY.slice(0, 6).map((p) => p[1]);
  const space = new LexicalSpace(ar, en, lexicon);
  for (let i = 0; i < 6; i++) {
    const own = space.cos(i, i + 1, i, i + 1);
    for (let j = 0; j < 6; j++) if (j !== i) assert.ok(own >= space.cos(i, i + 1, j, j + 1), `row ${i} vs ${j}`);
  }
  assert.ok(space.coverage > 0.3 && space.coverage <= 1);
  assert.ok(space.cos(0, 2, 0, 2) > 0);
});

test('a missing or empty word list: the aligner runs on length and anchors alone', () => {
  const empty = parseLexicon('');
  assert.equal(empty.size, 0);
  assert.equal(parseLexicon('not a line\n\tno arabic\nكلمة\t\n').size, 0);
  const ar = STORY.map((p) => p[0]);
  const en = STORY.map((p) => p[1]);
  const without = alignSentences(ar, en);
  assert.deepEqual(alignSentences(ar, en, { lexicon: empty }).map((l) => [l.src, l.tgt]), without.map((l) => [l.src, l.tgt]));
  assert.deepEqual(pairsOf(without), ar.map((_, i) => [[i], [i]]));
});

/** STORY with Arabic lines [at, at + k) joined into one sentence against their k English lines. */
function oneToMany(at: number, k: number) {
  const ar: string[] = [];
  const en: string[] = [];
  const gold: Array<[number[], number[]]> = [];
  for (let i = 0; i < STORY.length; ) {
    const take = i === at ? k : 1;
    const lines = STORY.slice(i, i + take);
    gold.push([[ar.length], lines.map((_, q) => en.length + q)]);
    ar.push(lines.map((p, q) => (q < take - 1 ? p[0].replace(/\.$/, '،') : p[0])).join(' '));
    en.push(...lines.map((p) => p[1]));
    i += take;
  }
  return { ar, en, gold };
}

for (let k = 2; k <= 8; k++) {
  test(`a 1-${k} link in the middle of a story is found exactly (with the word list)`, () => {
    const doc = oneToMany(4, k);
    assert.deepEqual(pairsOf(alignSentences(doc.ar, doc.en, { lexicon })), doc.gold);
  });
}

test('2-3 and 2-4 links: two Arabic sentences rendered as three or four English ones', () => {
  for (const k of [3, 4]) {
    // Arabic lines 4..(4+k) regrouped into 2 sentences, English kept as k sentences
    const lines = STORY.slice(4, 4 + k);
    const half = Math.ceil(k / 2);
    const ar = [...STORY.slice(0, 4).map((p) => p[0]), lines.slice(0, half).map((p) => p[0]).join(' '), lines.slice(half).map((p) => p[0]).join(' '), ...STORY.slice(4 + k).map((p) => p[0])];
    const en = STORY.map((p) => p[1]);
    const links = alignSentences(ar, en, { lexicon });
    assert.ok(links.some((l) => l.src.length === 1 && l.src[0] === 4 && l.tgt.length === half), JSON.stringify(pairsOf(links)));
  }
});

test('gaps: a tail left untranslated after the English ends, a block missing in the middle', () => {
  const ar = STORY.map((p) => p[0]);
  const tail = alignSentences(ar, STORY.slice(0, 7).map((p) => p[1]), { lexicon });
  assert.deepEqual(pairsOf(tail), ar.map((_, i) => [[i], i < 7 ? [i] : []]));
  // the untranslated tail is the confident part: no English-only row competes for it
  for (const l of tail.slice(8)) assert.ok(l.confidence >= 0.5, JSON.stringify(l));
  const gap = alignSentences(ar, STORY.filter((_, i) => i < 5 || i > 7).map((p) => p[1]), { lexicon });
  assert.deepEqual(pairsOf(gap), ar.map((_, i) => [[i], i < 5 ? [i] : i > 7 ? [i - 3] : []]));
});

test('English with no Arabic is flagged, and so is untranslated Arabic while such rows exist', () => {
  const ar = STORY.slice(0, 8).map((p) => p[0]);
  // English paragraphs swapped: a monotone alignment leaves rows one-sided on both sides
  const en = [...STORY.slice(4, 8), ...STORY.slice(0, 4)].map((p) => p[1]);
  const links = alignSentences(ar, en, { lexicon });
  for (const l of links) if (l.src.length === 0 || l.tgt.length === 0) assert.ok(l.confidence < 0.5, JSON.stringify(l));
});

const sentence = fc.oneof(fc.constantFrom(...STORY.map((p) => p[0]), ...STORY.map((p) => p[1]), '', '؟', 'نعم 😀'), fc.string({ maxLength: 30 }));

test('property (with the word list): monotonic, every sentence exactly once, confirmed rows never moved', () => {
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 20 }), fc.array(sentence, { minLength: 1, maxLength: 20 }), fc.nat(), (ar, en, seed) => {
      // one confirmed row at a seed-chosen place
      const fixed: Link[] = [{ src: [seed % ar.length], tgt: [seed % en.length], confidence: 1 }];
      const links = alignSentences(ar, en, { lexicon, fixed });
      const src = links.flatMap((l) => l.src);
      const tgt = links.flatMap((l) => l.tgt);
      assert.deepEqual(src, ar.map((_, i) => i));
      assert.deepEqual(tgt, en.map((_, j) => j));
      assert.ok(links.some((l) => JSON.stringify(l) === JSON.stringify(fixed[0])));
      for (const l of links) assert.ok(l.confidence >= 0 && l.confidence <= 1);
    }),
    { numRuns: 100 },
  );
});

test('a search band cached densely (LexicalSpace.reset with a window) gives the same cosines, inside and outside it', () => {
  const ar = STORY.map((p) => p[0]);
  const en = STORY.map((p) => p[1]);
  const space = new LexicalSpace(ar, en, lexicon);
  const spans: Array<[number, number, number, number]> = [];
  for (let s0 = 0; s0 < ar.length; s0++) for (let s1 = s0 + 1; s1 <= Math.min(ar.length, s0 + 3); s1++) {
    for (let t0 = 0; t0 < en.length; t0++) for (let t1 = t0 + 1; t1 <= Math.min(en.length, t0 + 8); t1++) spans.push([s0, s1, t0, t1]);
  }
  const before = spans.map(([a, b, c, d]) => space.cos(a, b, c, d));
  assert.ok(before.some((x) => x > 0.1));
  // a narrow window around the diagonal: most spans reach outside it
  const from = Int32Array.from(ar, (_, i) => Math.max(0, i - 1));
  const to = Int32Array.from(ar, (_, i) => Math.min(en.length, i + 2));
  space.reset({ from, to });
  assert.deepEqual(spans.map(([a, b, c, d]) => space.cos(a, b, c, d)), before);
  space.reset();
  assert.deepEqual(spans.map(([a, b, c, d]) => space.cos(a, b, c, d)), before);
});

test('englishWords: the words /[a-z]+(?:[\'’][a-z]+)?/g finds, by a scan', () => {
  const byRegex = (s: string) => [...s.matchAll(/[a-z]+(?:['’][a-z]+)?/g)].map((m) => m[0]);
  assert.deepEqual(englishWords("don't stop’s o'' 'ab x'y'z 3d ناس"), ["don't", 'stop’s', 'o', 'ab', "x'y", 'z', 'd']);
  const units = ['a', 'z', 'q', "'", '’', ' ', '-', '3', 'é', 'ب', '😀', 'A'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }).map((a) => a.join('')), (s) => assert.deepEqual(englishWords(s), byRegex(s))), { numRuns: 3000 });
});
