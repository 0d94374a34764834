import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { alignSentences, type Link } from '../../../shared/align/aligner.ts';
import { MOVED_CONFIDENCE, placeMovedBlocks } from '../../../shared/align/moved.ts';
import { parseLexicon } from '../../../shared/align/lexical.ts';
import { PAIRS, sentence } from './fixtures.ts';

const lexicon = parseLexicon(readFileSync(new URL('../../../assets/lexicon/ar-en.tsv', import.meta.url), 'utf8'));
const AR = PAIRS.map((p) => p[0]);
const pairsOf = (links: Link[]) => links.map((l) => [l.src, l.tgt]);

/** Every sentence of both sides exactly once; links ordered by their first Arabic sentence. */
function assertCoversOnce(links: Link[], n: number, m: number) {
  assert.deepEqual(links.flatMap((l) => l.src), Array.from({ length: n }, (_, i) => i));
  assert.deepEqual(links.flatMap((l) => l.tgt).sort((a, b) => a - b), Array.from({ length: m }, (_, j) => j));
  for (const l of links) assert.ok(l.src.length + l.tgt.length > 0 && l.confidence >= 0 && l.confidence <= 1);
}

test('two swapped paragraphs: both reach their rows; the moved links are below the review threshold', () => {
  const order = [0, 4, 5, 6, 7, 1, 2, 3];
  const en = order.map((i) => PAIRS[i][1]);
  const base = alignSentences(AR, en, { lexicon });
  assert.ok(base.some((l) => !l.src.length) && base.some((l) => !l.tgt.length), 'monotone: one paragraph left over on each side');
  const links = placeMovedBlocks(AR, en, base, { lexicon });
  assert.deepEqual(pairsOf(links), AR.map((_, i) => [[i], [order.indexOf(i)]]));
  const changed = links.filter((l) => !base.some((b) => JSON.stringify(b) === JSON.stringify(l)));
  assert.ok(changed.length >= 3 && changed.every((l) => l.confidence <= MOVED_CONFIDENCE));
});

test('table: when nothing pairs up, the links come back unchanged', () => {
  const en = PAIRS.map((p) => p[1]);
  const cases: Array<[string, string[], string[]]> = [
    ['clean', AR, en],
    ['unfinished (a 1-0 tail, no English-only run)', AR, en.slice(0, 4)],
    ['English-only run, no untranslated run', AR.slice(0, 4), en],
    // unrelated blocks: an untranslated paragraph and an extra English one about something else
    ['unrelated blocks', [...AR.slice(0, 3), 'هطلت أمطار غزيرة على الساحل.', 'وارتفع منسوب الأنهار ٣ أمتار.', ...AR.slice(3)], [...en.slice(0, 6), 'The football final ended in a draw.', 'Fans left the stadium 😀 quietly.', ...en.slice(6)]],
  ];
  for (const [name, ar, tgt] of cases) {
    const base = alignSentences(ar, tgt, { lexicon });
    assert.deepEqual(placeMovedBlocks(ar, tgt, base, { lexicon }), base, name);
  }
});

test('fixed one-sided links are never moved', () => {
  const order = [0, 4, 5, 6, 7, 1, 2, 3];
  const en = order.map((i) => PAIRS[i][1]);
  const fixed: Link[] = [{ src: [1], tgt: [], confidence: 1 }, { src: [2], tgt: [], confidence: 1 }];
  const base = alignSentences(AR, en, { lexicon, fixed });
  const links = placeMovedBlocks(AR, en, base, { lexicon, fixed });
  for (const f of fixed) assert.ok(links.some((l) => JSON.stringify(l) === JSON.stringify(f)));
  assertCoversOnce(links, AR.length, en.length);
});

test('property: every sentence once, ordered by Arabic, fixed links kept, two-sided links unchanged', () => {
  fc.assert(
    fc.property(fc.array(sentence, { maxLength: 14 }), fc.array(sentence, { maxLength: 14 }), fc.nat(), (ar, en, seed) => {
      const fixed: Link[] = ar.length && seed % 2 ? [{ src: [seed % ar.length], tgt: [], confidence: 1 }] : [];
      const base = alignSentences(ar, en, { lexicon, fixed });
      const links = placeMovedBlocks(ar, en, base, { lexicon, fixed, minRun: 1 });
      assertCoversOnce(links, ar.length, en.length);
      for (const f of fixed) assert.ok(links.some((l) => JSON.stringify(l) === JSON.stringify(f)));
      for (const b of base) if (b.src.length && b.tgt.length) assert.ok(links.some((l) => JSON.stringify(l) === JSON.stringify(b)));
    }),
    { numRuns: 100 },
  );
});
