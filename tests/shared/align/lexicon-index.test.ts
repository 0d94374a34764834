import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { arabicKeys, arabicWords, englishStems, LexicalSpace, parseLexicon, type Lexicon } from '../../../shared/align/lexical.ts';
import { LEXICON_INDEX_VERSION, parseLexiconIndex, serializeLexiconIndex } from '../../../shared/align/lexicon-index.ts';
import { PAIRS, STORY } from './fixtures.ts';

const assets = new URL('../../../assets/lexicon/', import.meta.url);
const tsv = readFileSync(new URL('ar-en.tsv', assets), 'utf8');
const sha = createHash('sha256').update(tsv).digest('hex');
const parsed = parseLexicon(tsv);

/** Entries by key (the index iterates in key order, a parsed list in file order; only lookups
 * reach the aligner), with each key's stems in their order (the aligner's sums follow it). */
const sorted = (m: ReadonlyMap<string, string[]>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
const entries = (lex: Lexicon) => ({ size: lex.size, map: sorted(lex.map), stemmed: sorted(lex.stemmed), mapSize: lex.map.size, stemmedSize: lex.stemmed.size });

test('the committed index (assets/lexicon/ar-en.index.tsv) is parseLexicon of the committed list, key for key', () => {
  const index = parseLexiconIndex(readFileSync(new URL('ar-en.index.tsv', assets), 'utf8'), sha);
  assert.ok(index, `the index is stale or of another version than ${LEXICON_INDEX_VERSION}: run node --import tsx scripts/build-lexicon-index.ts`);
  assert.deepEqual(entries(index), entries(parsed));
});

test('lookups of the sample vocabulary: the index gives the English the parsed list gives', () => {
  const index = parseLexiconIndex(serializeLexiconIndex(parsed, sha), sha)!;
  // every Arabic word of the test stories and the sample reports, with clitics, harakat and digits
  const samples = ['000_48f48287e09c6a5a.txt', '001_4c2c00f89bea7ee5.txt'].map((f) => readFileSync(new URL(`../../../assets/samples/${f}`, import.meta.url), 'utf8'));
  const words = new Set([...PAIRS, ...STORY].flatMap(([ar]) => arabicWords(ar)).concat(samples.flatMap(arabicWords)));
  assert.ok(words.size > 200);
  let found = 0;
  for (const w of words) {
    const [full, stem] = arabicKeys(w);
    for (const k of [full, stem]) {
      if (k === undefined) continue;
      assert.deepEqual(index.map.get(k), parsed.map.get(k), k);
      assert.deepEqual(index.stemmed.get(k), parsed.stemmed.get(k), k);
      if (parsed.map.has(k)) found++;
    }
  }
  assert.ok(found > 100, `${found} words found`);
  // and the aligner's similarities are the same numbers
  const ar = STORY.map((p) => p[0]);
  const en = STORY.map((p) => p[1]);
  const a = new LexicalSpace(ar, en, parsed);
  const b = new LexicalSpace(ar, en, index);
  for (let i = 0; i < ar.length; i++) for (let j = 0; j < en.length; j++) assert.equal(b.cos(i, i + 1, j, j + 1), a.cos(i, i + 1, j, j + 1));
});

test('a stale, foreign or damaged index is refused (callers then parse the list)', () => {
  const text = serializeLexiconIndex(parseLexicon('الأطفال\tchildren|kids\nمدرسة\tschool\n'), sha);
  assert.ok(parseLexiconIndex(text, sha));
  assert.equal(parseLexiconIndex(text, 'f'.repeat(64)), null, 'built from another list');
  assert.equal(parseLexiconIndex(text.replace(`\t${LEXICON_INDEX_VERSION}\t`, `\t${LEXICON_INDEX_VERSION + 1}\t`), sha), null, 'another version');
  assert.equal(parseLexiconIndex('', sha), null);
  assert.equal(parseLexiconIndex(tsv, sha), null, 'the list itself is not an index');
  assert.equal(parseLexiconIndex(text.replace('\nh\t', '\nx\t'), sha), null, 'unknown record');
  const lines = text.trimEnd().split('\n');
  assert.equal(parseLexiconIndex([lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n') + '\n', sha), null, 'keys out of order');
  assert.equal(parseLexiconIndex([lines[0], ...lines.slice(1).reverse()].join('\n') + '\n', sha), null, 'stems before headwords');
});

test('property: serialize then parse gives the same lexicon (Arabic keys, stems in order)', () => {
  const arWord = fc.array(fc.constantFrom(...'ابتثجحخدذرسشصضطظعغفقكلمنهوي'), { minLength: 2, maxLength: 7 }).map((a) => a.join(''));
  const stem = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
  const table = fc.uniqueArray(fc.tuple(arWord, fc.uniqueArray(stem, { minLength: 1, maxLength: 4 })), { selector: ([k]) => k, maxLength: 20 });
  fc.assert(
    fc.property(table, table, fc.nat(100), (map, stemmed, size) => {
      const lex: Lexicon = { map: new Map(map), stemmed: new Map(stemmed), size };
      const back = parseLexiconIndex(serializeLexiconIndex(lex, sha), sha)!;
      assert.deepEqual(entries(back), entries(lex));
      // lookups by binary search: every key found, absent keys (prefixes, extensions) not
      for (const [k, v] of map) assert.deepEqual(back.map.get(k), v);
      for (const [k, v] of stemmed) assert.deepEqual(back.stemmed.get(k), v);
      for (const [k] of map) for (const probe of [k.slice(0, -1), k + 'ا', 'ء' + k]) assert.deepEqual(back.map.get(probe), lex.map.get(probe), probe);
    }),
  );
});

test('English stems with a document cache are the stems without it', () => {
  const cache = new Map<string, string>();
  for (const [, en] of [...PAIRS, ...STORY, ...PAIRS]) assert.deepEqual(englishStems(en, cache), englishStems(en));
  assert.ok(cache.size > 20);
});
