import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alignSentences, type AlignStats, type Link } from '../../../shared/align/aligner.ts';
import { documentFeatures, numbersIn } from '../../../shared/align/features.ts';
import { assertCovers, build, PAIRS, sentence, type Group } from './fixtures.ts';

const pairsOf = (links: Link[]) => links.map((l) => [l.src, l.tgt]);

const CASES: Record<string, Array<Group | null>> = {
  '1-1': [],
  '1-2': [null, null, { pairs: 2, ar: 1, en: 2 }],
  '2-1': [null, { pairs: 2, ar: 2, en: 1 }],
  '1-3': [null, { pairs: 3, ar: 1, en: 3 }],
  '3-1': [null, { pairs: 3, ar: 3, en: 1 }],
  '1-4': [{ pairs: 4, ar: 1, en: 4 }],
  '2-2': [null, null, null, { pairs: 3, ar: [1, 2], en: [2, 1] }],
  '0-1': [null, null, { pairs: 1, ar: 0, en: 1 }],
  '1-0': [null, null, { pairs: 1, ar: 1, en: 0 }],
  '1-0 first': [{ pairs: 1, ar: 1, en: 0 }],
  '0-1 last': [null, null, null, null, null, null, null, { pairs: 1, ar: 0, en: 1 }],
};

for (const [name, groups] of Object.entries(CASES)) {
  test(`aligns a hand-made document with a ${name} link exactly`, () => {
    const doc = build(groups);
    const links = alignSentences(doc.ar, doc.en);
    assert.deepEqual(pairsOf(links), doc.gold);
    for (const l of links) assert.ok(l.confidence >= 0 && l.confidence <= 1);
  });
}

test('numbers are anchors: Arabic-Indic digits match ASCII digits and decide between equal lengths', () => {
  assert.deepEqual(numbersIn('أصيب ١٬٥٠٠ شخص عام ٢٠٢٥ و۱۲ (فارسية) و3.5'), ['1500', '2025', '12', '35']);
  // one of two look-alike sentences has no English: only the number says which
  const ctxA = PAIRS.slice(0, 4).map((p) => p[0]);
  const ctxE = PAIRS.slice(0, 4).map((p) => p[1]);
  const ar = [...ctxA, 'أصيب ١٢ شخصاً في الهجوم الذي استهدف السوق الرئيسي في المدينة صباح اليوم.', 'أصيب ٤٥ شخصاً في الهجوم الذي استهدف السوق الرئيسي في المدينة صباح اليوم.', ...ctxA];
  const gold = (kept: number): Array<[number[], number[]]> => [
    ...[0, 1, 2, 3].map((i): [number[], number[]] => [[i], [i]]),
    ...(kept === 0 ? [[[4], [4]], [[5], []]] : [[[4], []], [[5], [4]]]) as Array<[number[], number[]]>,
    ...[0, 1, 2, 3].map((i): [number[], number[]] => [[6 + i], [5 + i]]),
  ];
  assert.deepEqual(pairsOf(alignSentences(ar, [...ctxE, '45 people were injured in the attack on the main market in the city this morning.', ...ctxE])), gold(1));
  assert.deepEqual(pairsOf(alignSentences(ar, [...ctxE, '12 people were injured in the attack on the main market in the city this morning.', ...ctxE])), gold(0));
});

test('glossary anchors given in opts become shared keys on both sides', () => {
  const ar = ['وصل الوفدُ إلى المدينة.', 'ثم اجتمع الوفد مع المحافظ.'];
  const en = ['The delegation reached the city.', 'It then met the governor.'];
  const plain = documentFeatures(ar, en);
  const withGlossary = documentFeatures(ar, en, [['المحافظ', 'governor']]);
  assert.equal(withGlossary.src.keys.length, plain.src.keys.length + 1);
  assert.equal(withGlossary.tgt.keys.length, plain.tgt.keys.length + 1);
  // the glossary key sits in sentence 1 on both sides
  const key = withGlossary.src.keys[withGlossary.src.keyStart[2] - 1];
  assert.ok(Array.from(withGlossary.tgt.keys.slice(withGlossary.tgt.keyStart[1])).includes(key));
});

test('fixed links appear unchanged, even against the evidence, and the rest is aligned around them', () => {
  const doc = build([]);
  const fixed: Link[] = [{ src: [3], tgt: [4, 5], confidence: 0.42 }];
  const links = alignSentences(doc.ar, doc.en, { fixed });
  assert.deepEqual(links.find((l) => l.src[0] === 3), { src: [3], tgt: [4, 5], confidence: 0.42 });
  assert.deepEqual(pairsOf(links.slice(0, 2)), [[[0], [0]], [[1], [1]]]);
  // English 3 translates Arabic 3, which the fixed link gave other English: it joins Arabic 2's
  // row (1-2 links are cheap since issue 13) or stands alone, never after the fixed link
  const e3 = links.find((l) => l.tgt.includes(3))!;
  assert.ok(e3.src.length === 0 || (e3.src.length === 1 && e3.src[0] === 2), JSON.stringify(e3));
  assertCovers(links, doc.ar.length, doc.en.length);
  // one-sided fixed links: a confirmed untranslated source row, a confirmed English-only row
  const more = alignSentences(doc.ar, doc.en, { fixed: [{ src: [2], tgt: [], confidence: 1 }, { src: [], tgt: [6], confidence: 1 }] });
  assert.ok(more.some((l) => l.src.length === 1 && l.src[0] === 2 && l.tgt.length === 0));
  assert.ok(more.some((l) => l.src.length === 0 && l.tgt[0] === 6));
  assertCovers(more, doc.ar.length, doc.en.length);
});

test('inconsistent fixed links are refused', () => {
  const doc = build([]);
  assert.throws(() => alignSentences(doc.ar, doc.en, { fixed: [{ src: [1, 3], tgt: [1], confidence: 1 }] }), RangeError);
  assert.throws(() => alignSentences(doc.ar, doc.en, { fixed: [{ src: [1], tgt: [9], confidence: 1 }] }), RangeError);
  assert.throws(() => alignSentences(doc.ar, doc.en, { fixed: [{ src: [1], tgt: [2], confidence: 1 }, { src: [2], tgt: [1], confidence: 1 }] }), RangeError);
  assert.throws(() => alignSentences(doc.ar, doc.en, { fixed: [{ src: [1], tgt: [1], confidence: 1 }, { src: [1], tgt: [2], confidence: 1 }] }), RangeError);
});

test('empty sides give 0-1 and 1-0 links', () => {
  assert.deepEqual(alignSentences([], []), []);
  assert.deepEqual(pairsOf(alignSentences([], ['a', 'b'])), [[[], [0]], [[], [1]]]);
  assert.deepEqual(pairsOf(alignSentences(['أ'], [])), [[[0], []]]);
});

test('the band widens when the path runs along its edge (a long untranslated stretch)', () => {
  const ar: string[] = [];
  const en: string[] = [];
  for (let r = 0; r < 4; r++) for (const [a, e] of PAIRS) { ar.push(a); en.push(e); }
  // 12 Arabic sentences with no English in the middle: the path leaves the diagonal
  const gap = Array.from({ length: 12 }, (_, k) => `جملة إضافية رقم ${k} لا ترجمة لها في النص الإنجليزي على الإطلاق.`);
  const arGap = [...ar.slice(0, 10), ...gap, ...ar.slice(10)];
  const stats = {} as AlignStats;
  const links = alignSentences(arGap, en, { band: 2, stats });
  assert.ok(stats.passes > 1, `passes ${stats.passes}`);
  assert.ok(stats.band > 2);
  assertCovers(links, arGap.length, en.length);
  // outside the gap the 1-1 links are found
  assert.deepEqual(pairsOf(links.slice(0, 9)), Array.from({ length: 9 }, (_, i) => [[i], [i]]));
  assert.equal(links.filter((l) => l.tgt.length === 0).length >= 8, true);
  assert.deepEqual(pairsOf(links.slice(-16)), Array.from({ length: 16 }, (_, k) => [[arGap.length - 16 + k], [en.length - 16 + k]]));
});


test('property: monotonic, covering every sentence once, deterministic, confidences in [0, 1]', () => {
  fc.assert(
    fc.property(fc.array(sentence, { maxLength: 25 }), fc.array(sentence, { maxLength: 25 }), fc.integer({ min: 1, max: 8 }), (ar, en, band) => {
      const links = alignSentences(ar, en, { band });
      assertCovers(links, ar.length, en.length);
      for (const l of links) assert.ok(l.confidence >= 0 && l.confidence <= 1 && l.src.length <= 3 && l.tgt.length <= 8);
      assert.deepEqual(alignSentences(ar, en, { band }), links);
    }),
    { numRuns: 150 },
  );
});

test('property: fixed links are kept unchanged', () => {
  // random consistent fixed links: cut both sides at random increasing points
  const gen = fc
    .tuple(fc.array(sentence, { minLength: 1, maxLength: 20 }), fc.array(sentence, { minLength: 1, maxLength: 20 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 4 }))
    .map(([ar, en, raw]) => {
      const fixed: Link[] = [];
      let s = 0;
      let t = 0;
      for (const [a, b, ls, lt] of raw) {
        const s0 = s + (a % 3);
        const t0 = t + (b % 3);
        if (ls + lt === 0 || s0 + ls > ar.length || t0 + lt > en.length) continue;
        fixed.push({ src: Array.from({ length: ls }, (_, k) => s0 + k), tgt: Array.from({ length: lt }, (_, k) => t0 + k), confidence: 1 });
        s = s0 + ls;
        t = t0 + lt;
      }
      return { ar, en, fixed };
    });
  fc.assert(
    fc.property(gen, ({ ar, en, fixed }) => {
      const links = alignSentences(ar, en, { fixed });
      assertCovers(links, ar.length, en.length);
      for (const f of fixed) assert.ok(links.some((l) => JSON.stringify(l) === JSON.stringify(f)), JSON.stringify(f));
    }),
    { numRuns: 150 },
  );
});
