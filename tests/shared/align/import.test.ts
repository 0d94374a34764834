import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importTranslation, translationSentences } from '../../../shared/align/import.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { checkAnnotations } from '../../../shared/formats/sidecar.ts';
import { segmentSentences } from '../../../shared/text/segment.ts';
import { cpLength, OffsetMap } from '../../../shared/text/offsets.ts';
import { PAIRS, STORY } from './fixtures.ts';
import { parseLexicon } from '../../../shared/align/lexical.ts';
import { learnLexicon, mergeLexicons } from '../../../shared/align/learned.ts';
import fc from 'fast-check';

const SAMPLE = readFileSync(new URL('../../../assets/samples/004_1019a7c50d6a06a0.txt', import.meta.url), 'utf8');
const TRANSLATION = readFileSync(new URL('../../fixtures/align/004_1019a7c50d6a06a0.en.txt', import.meta.url), 'utf8');
/** the committed word list, as the app and the CLI use it */
const lexicon = parseLexicon(readFileSync(new URL('../../../assets/lexicon/ar-en.tsv', import.meta.url), 'utf8'));

function fresh(text: string): Annotations {
  const info = { file: 'r.txt', sha256: '0'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf' as const, length: cpLength(text), language: 'ar' };
  return createAnnotations(info, text, segmentSentences(text, { lang: 'ar' }), '2024-01-01T00:00:00.000Z');
}

function valid(a: Annotations, text: string) {
  AnnotationsSchema.parse(a);
  assert.deepEqual(checkAnnotations(a, { text }), []);
}

test('imports a made-up translation of a sample report: rows, fresh ids, draft status, origin aligner', () => {
  const a = fresh(SAMPLE);
  const r = importTranslation(a, SAMPLE, TRANSLATION, { now: '2024-02-02T00:00:00.000Z', lexicon });
  assert.equal(r.sentences, 13);
  assert.deepEqual(r.annotations.units.map((u) => [u.id, u.source, u.target]), [
    ['u1', ['s1'], ['t1', 't2']],
    ['u2', ['s2'], ['t3']],
    ['u3', ['s3'], ['t4', 't5']],
    ['u4', ['s4'], ['t6', 't7']],
    ['u5', ['s5'], ['t8', 't9', 't10']],
    ['u6', ['s6'], ['t11', 't12', 't13']],
  ]);
  for (const u of r.annotations.units) {
    assert.equal(u.origin, 'aligner');
    assert.equal(u.status, 'draft');
    assert.ok(u.confidence! > 0.5);
  }
  assert.deepEqual(r.lowConfidence, []);
  assert.equal(r.annotations.targets[10].text, 'On Friday, the Turkish Defence Ministry announced that the Turkish and Russian sides had agreed on a ceasefire in the de-escalation zone in Idlib, starting at 00:01 local time last Sunday.');
  assert.equal(r.annotations.modified, '2024-02-02T00:00:00.000Z');
  assert.deepEqual(r.annotations.segments, a.segments); // the source side never changes
  valid(r.annotations, SAMPLE);
});

test('confirmed rows stay fixed when the rest is realigned; replaced English mentions are reported', () => {
  const first = importTranslation(fresh(SAMPLE), SAMPLE, TRANSLATION).annotations;
  // the user confirms row u3 (keeping its English) and tags an entity in row u5's English
  const a: Annotations = structuredClone(first);
  a.units[2] = { ...a.units[2], confirmed: true, status: 'reviewed' };
  a.entities.push({ id: 'e1', type: 'LOC', ar: 'إدلب', en: 'Idlib' });
  const t8 = a.targets.find((t) => t.id === 't8')!;
  const start = Array.from(t8.text).join('').indexOf('Idlib');
  a.mentions.push({ id: 'm1', side: 'en', sentence: 't8', start, end: start + 5, text: 'Idlib', type: 'LOC', entity: 'e1' });
  const r = importTranslation(a, SAMPLE, TRANSLATION);
  assert.deepEqual(r.annotations.units[2], a.units[2]);
  for (const id of a.units[2].target) assert.ok(r.annotations.targets.some((t) => t.id === id));
  // the confirmed row's English was found in the translation and not imported twice
  assert.equal(r.annotations.targets.length, 13);
  assert.deepEqual(r.droppedMentions.map((m) => m.id), ['m1']);
  assert.equal(r.annotations.mentions.length, 0);
  // new English sentence ids never reuse old ones
  const newIds = r.annotations.targets.map((t) => t.id).filter((id) => !a.units[2].target.includes(id));
  for (const id of newIds) assert.ok(Number(id.slice(1)) > 13, id);
  valid(r.annotations, SAMPLE);
});

test('keeps Arabic mentions and segment offsets on text with harakat, emoji, Latin and Arabic-Indic digits', () => {
  const text = PAIRS.map((p) => p[0]).join('\n');
  const a = fresh(text);
  const map = new OffsetMap(text);
  const seg = a.segments[7]; // 🚜 ... ٢٠٢٥
  const cps = Array.from(seg.text);
  const i = cps.join('').indexOf('كريستيان');
  const s0 = seg.start + Array.from(seg.text.slice(0, i)).length;
  a.entities.push({ id: 'e1', type: 'PER', ar: 'كريستيان لامبير', en: 'Christiane Lambert' });
  a.mentions.push({ id: 'm1', side: 'ar', sentence: seg.id, start: s0, end: s0 + 15, text: 'كريستيان لامبير', type: 'PER', entity: 'e1' });
  assert.equal(map.slice(s0, s0 + 15), 'كريستيان لامبير');
  const r = importTranslation(a, text, PAIRS.map((p) => p[1]).join(' '));
  assert.equal(r.annotations.units.length, 8);
  r.annotations.units.forEach((u, k) => assert.equal(r.annotations.targets.find((t) => t.id === u.target[0])!.text, PAIRS[k][1]));
  assert.deepEqual(r.annotations.mentions, a.mentions);
  for (const s of r.annotations.segments) assert.equal(map.slice(s.start, s.end), s.text);
  assert.ok(map.slice(a.segments[0].start, a.segments[0].end).includes('الرئيسُ الفرنسيُّ'));
  valid(r.annotations, text);
});

test('an empty translation leaves every unconfirmed row without English, status auto', () => {
  const r = importTranslation(fresh(SAMPLE), SAMPLE, '  \n');
  assert.equal(r.sentences, 0);
  assert.equal(r.rowsWithEnglish, 0);
  for (const u of r.annotations.units) assert.deepEqual([u.target, u.status], [[], 'auto']);
  valid(r.annotations, SAMPLE);
});

test('translation sentences split at line breaks and sentence ends', () => {
  assert.deepEqual(translationSentences('One. Two?\nThree\n\n  Four 🚜 ٣!'), ['One.', 'Two?', 'Three', 'Four 🚜 ٣!']);
});

// issue 13: an unfinished translation (the English stops part way) leaves the rest of the report
// untranslated instead of spreading the English over every row
const REPORT = STORY.map((p) => p[0]).join('\n') + '\n';
for (const done of [4, 6, 8, 11]) {
  test(`unfinished translation (${done} of ${STORY.length} sentences): the untranslated tail stays untranslated`, () => {
    const r = importTranslation(fresh(REPORT), REPORT, STORY.slice(0, done).map((p) => p[1]).join(' '), { lexicon });
    const units = r.annotations.units;
    assert.equal(units.length, STORY.length);
    units.forEach((u, i) => {
      const english = u.target.map((id) => r.annotations.targets.find((t) => t.id === id)!.text);
      assert.deepEqual(english, i < done ? [STORY[i][1]] : [], `row ${i}`);
      assert.equal(u.status, i < done ? 'draft' : 'auto');
    });
    assert.equal(r.rowsWithEnglish, done);
    // the low-confidence list is exactly the aligner rows under the threshold, in row order
    assert.deepEqual(r.lowConfidence, units.filter((u) => u.confidence! < 0.5).map((u) => u.id));
    valid(r.annotations, REPORT);
  });
}

test('a block of three English sentences missing in the middle: those rows stay untranslated', () => {
  const english = STORY.filter((_, i) => i < 6 || i > 8).map((p) => p[1]).join(' ');
  const r = importTranslation(fresh(REPORT), REPORT, english, { lexicon });
  assert.deepEqual(r.annotations.units.map((u) => u.target.length), STORY.map((_, i) => (i >= 6 && i <= 8 ? 0 : 1)));
  assert.deepEqual(r.lowConfidence, r.annotations.units.filter((u) => u.confidence! < 0.5).map((u) => u.id));
});

test('a sample report translated up to its fourth paragraph: the last two rows stay untranslated', () => {
  // the fixture translation has one line per Arabic paragraph; the translator stopped after four
  const lines = TRANSLATION.trim().split('\n');
  const r = importTranslation(fresh(SAMPLE), SAMPLE, lines.slice(0, 4).join('\n'), { lexicon });
  const english = r.annotations.units.map((u) => u.target.map((id) => r.annotations.targets.find((t) => t.id === id)!.text).join(' '));
  assert.deepEqual(english, [...lines.slice(0, 4), '', '']);
  assert.deepEqual(r.lowConfidence, []);
});

test('a paragraph the translation has in another place goes to its own rows, flagged for review', () => {
  // the English has PAIRS 4–7 before PAIRS 1–3 (two paragraphs swapped)
  const text = PAIRS.map((p) => p[0]).join('\n');
  const order = [0, 4, 5, 6, 7, 1, 2, 3];
  const a = fresh(text);
  const r = importTranslation(a, text, order.map((i) => PAIRS[i][1]).join('\n'), { lexicon });
  const seg = new Map(r.annotations.segments.map((s, i) => [s.id, i]));
  const en = new Map(r.annotations.targets.map((t) => [t.id, PAIRS.findIndex((p) => p[1] === t.text)]));
  // every Arabic row holds its own English; no English-only rows remain
  assert.deepEqual(r.annotations.units.map((u) => [u.source.map((id) => seg.get(id)), u.target.map((id) => en.get(id))]), PAIRS.map((_, i) => [[i], [i]]));
  // the moved rows are among those to review
  const moved = r.annotations.units.filter((u) => r.lowConfidence.includes(u.id)).map((u) => seg.get(u.source[0])!);
  assert.ok([1, 2, 3].every((i) => moved.includes(i)) || [4, 5, 6, 7].every((i) => moved.includes(i)), JSON.stringify(moved));
  valid(r.annotations, text);
});

test('property: with paragraphs moved and the learned list, confirmed rows never move and every segment is in one row', () => {
  const text = PAIRS.map((p) => p[0]).join('\n');
  const learned = learnLexicon([...PAIRS, ...STORY]);
  const words = mergeLexicons(lexicon, learned);
  const first = importTranslation(fresh(text), text, PAIRS.map((p) => p[1]).join('\n'), { lexicon: words }).annotations;
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (confirm, at, len, keepEnglish) => {
      const a: Annotations = structuredClone(first);
      for (const k of confirm) a.units[k] = { ...a.units[k], confirmed: true, status: 'reviewed', ...(keepEnglish ? {} : { target: [] }) };
      // the English with lines [at, at + len) moved to the end
      const order = [...Array(8).keys()];
      const moved = order.splice(at, Math.min(len, 8 - at));
      const english = [...order, ...moved].map((i) => PAIRS[i][1]).join('\n');
      const r = importTranslation(a, text, english, { lexicon: words });
      for (const k of confirm) assert.deepEqual(r.annotations.units.find((u) => u.id === a.units[k].id), a.units[k]);
      assert.deepEqual(r.annotations.units.flatMap((u) => u.source), a.segments.map((s) => s.id));
      valid(r.annotations, text);
    }),
    { numRuns: 40 },
  );
});
