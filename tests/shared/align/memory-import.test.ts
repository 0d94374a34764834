import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importMemoryPairs } from '../../../shared/align/memory-import.ts';
import { importTranslation } from '../../../shared/align/import.ts';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { checkAnnotations } from '../../../shared/formats/sidecar.ts';
import { parseMoses, parseTmx } from '../../../shared/formats/tm-import.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import type { Annotations, SourceInfo } from '../../../shared/model/types.ts';
import { OffsetMap, cpLength } from '../../../shared/text/offsets.ts';
import { segmentSentences } from '../../../shared/text/segment.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

const SAMPLE = readFileSync(new URL('../../../assets/samples/004_1019a7c50d6a06a0.txt', import.meta.url), 'utf8');
const ENGLISH = readFileSync(new URL('../../fixtures/align/004_1019a7c50d6a06a0.en.txt', import.meta.url), 'utf8');
// hard cases after the sample: harakat, an emoji, Arabic-Indic digits, Latin inside Arabic
const EXTRA = ['وصلَ الوفدُ إلى إدلب 🙂 يوم ٣ آذار ٢٠٢٠.', 'أعلنت شركة Google عن خطة جديدة في دمشق.'];
const EXTRA_EN = ['The delegation reached Idlib 🙂 on 3 March 2020.', 'Google announced a new plan in Damascus.'];
const TEXT = SAMPLE.replace(/\s+$/, '') + '\n' + EXTRA.join('\n') + '\n';
const EN = ENGLISH.replace(/\s+$/, '') + '\n' + EXTRA_EN.join('\n') + '\n';

function info(text: string): SourceInfo {
  return { file: 'r.txt', sha256: 'x'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' };
}
/** A fresh sidecar as the app creates one (one row per segment, no English). */
const fresh = (text = TEXT): Annotations => createAnnotations(info(text), text, segmentSentences(text, { lang: 'ar' }), '2026-01-01T00:00:00.000Z');
/** The sample translated by the app's own import. */
const translated = (): Annotations => importTranslation(fresh(), TEXT, EN).annotations;

/** Each row with source: its source ids → its English, joined. */
function rowEnglish(a: Annotations): Map<string, string> {
  const t = new Map(a.targets.map((x) => [x.id, x.text]));
  return new Map(a.units.filter((u) => u.source.length).map((u) => [u.source.join('+'), u.target.map((id) => t.get(id)).join(' ')]));
}

function assertValid(a: Annotations, text: string) {
  assert.deepEqual(checkAnnotations(a, { text }), []);
  const map = new OffsetMap(text);
  for (const s of a.segments) assert.equal(map.slice(s.start, s.end), s.text);
}

test('a TMX exported by our exporter re-imported into a fresh sidecar reproduces the translations row for row', () => {
  const done = translated();
  assert.equal(rowEnglish(done).size, 8, 'the fixture: 8 translated rows');
  const tmx = exportToStrings('tmx', [{ name: 'r', text: TEXT, annotations: done }]).outputs[''];
  const r = importMemoryPairs(fresh(), TEXT, parseTmx(tmx), { now: '2026-02-02T00:00:00.000Z' });
  assert.deepEqual(rowEnglish(r.annotations), rowEnglish(done));
  assert.equal(r.matched.length, 8);
  assert.deepEqual([r.aligned, r.lowConfidence, r.unusedPairs, r.alignedPairs], [[], [], 0, 0]);
  for (const u of r.annotations.units) assert.deepEqual([u.origin, u.status, u.confirmed], ['import', 'draft', true]);
  assert.equal(r.annotations.modified, '2026-02-02T00:00:00.000Z');
  assertValid(r.annotations, TEXT);
  const emojiRow = [...rowEnglish(r.annotations).values()].find((e) => e.includes('🙂'));
  assert.equal(emojiRow, EXTRA_EN[0]);
});

test('2-1 and 1-2 rows of the memory come back as one row each (consecutive fresh rows merged)', () => {
  const done = buildAnnotatedReport(); // u1 = s1+s2 (2-1), u2 = s3 with two English sentences (1-2)
  const tmx = exportToStrings('tmx', [done]).outputs[''];
  const spans = done.annotations.segments.map((s) => ({ start: s.start, end: s.end }));
  const blank = createAnnotations(done.annotations.source, done.text, spans, '2026-01-01T00:00:00.000Z');
  const r = importMemoryPairs(blank, done.text, parseTmx(tmx));
  const want = rowEnglish(done.annotations);
  for (const [k, v] of want) if (!v) want.delete(k); // untranslated rows are not exported
  const got = rowEnglish(r.annotations);
  for (const [k, v] of got) if (!v) got.delete(k);
  assert.deepEqual(got, want);
  assert.equal(r.mergedRows, 1);
  assert.deepEqual(r.annotations.units[0].source, ['s1', 's2']);
  assertValid(r.annotations, done.text);
});

test('a Moses pair (one line per row) seeds the report', () => {
  const done = translated();
  const { outputs } = exportToStrings('moses', [{ name: 'r', text: TEXT, annotations: done }]);
  const r = importMemoryPairs(fresh(), TEXT, parseMoses(outputs.ar, outputs.en));
  assert.deepEqual(rowEnglish(r.annotations), rowEnglish(done));
  assert.equal(r.matched.length, 8);
});

test('a memory covering half the rows: the rest is aligned from its unmatched English, in place', () => {
  const done = translated();
  const pairs = parseTmx(exportToStrings('tmx', [{ name: 'r', text: TEXT, annotations: done }]).outputs['']);
  // every other unit's Arabic was later edited (a word added): it no longer matches its row
  const half = pairs.map((p, i) => (i % 2 ? { ar: p.ar + ' وفق مصادر', en: p.en } : p));
  const r = importMemoryPairs(fresh(), TEXT, half);
  assert.deepEqual(rowEnglish(r.annotations), rowEnglish(done));
  const ids = r.annotations.units.map((u) => u.id);
  assert.deepEqual(r.matched, ids.filter((_, i) => i % 2 === 0));
  assert.deepEqual(r.aligned, ids.filter((_, i) => i % 2 === 1));
  assert.equal(r.alignedPairs, 4);
  for (const u of r.annotations.units) assert.equal(u.confirmed, r.matched.includes(u.id), 'only memory matches are confirmed');
  assertValid(r.annotations, TEXT);
});

test('English of other documents in the memory is not aligned into this report', () => {
  const done = translated();
  const own = parseTmx(exportToStrings('tmx', [{ name: 'r', text: TEXT, annotations: done }]).outputs['']);
  const other = Array.from({ length: 60 }, (_, i) => ({ ar: `جملة أخرى رقم ${i} من تقرير آخر.`, en: `Another report, sentence ${i}.` }));
  // row 3's unit removed from the memory: only that row is left for the aligner
  const memory = [...other, ...own.filter((_, i) => i !== 3), ...other.map((p) => ({ ...p, ar: p.ar + ' ب' }))];
  const r = importMemoryPairs(fresh(), TEXT, memory);
  assert.equal(r.matched.length, 7);
  assert.doesNotMatch(r.annotations.targets.map((t) => t.text).join('\n'), /Another report/);
  assert.equal(r.alignedPairs, 0);
  assert.equal(r.annotations.units[3].target.length, 0, 'the row the memory lacks stays untranslated');
  assert.equal(r.annotations.units.length, fresh().units.length, 'no English-only rows added');
  // a memory that matches nothing and is far larger than the report: nothing is aligned
  const none = importMemoryPairs(fresh(), TEXT, other);
  assert.deepEqual([none.matched, none.aligned, none.alignedPairs], [[], [], 0]);
  assert.ok(none.annotations.units.every((u) => u.target.length === 0));
});

test('confirmed rows and rows with English are untouched; a small memory with no exact match is aligned', () => {
  const base = fresh();
  const a = structuredClone(base);
  // row 1 confirmed with the reviewer's English, row 2 confirmed and deliberately left untranslated,
  // row 3 translated (not confirmed)
  a.targets.push({ id: 't1', text: 'Reviewer: the final toll.' }, { id: 't2', text: 'Draft by hand.' });
  a.units[0] = { ...a.units[0], target: ['t1'], status: 'reviewed', confirmed: true };
  a.units[1] = { ...a.units[1], target: [], status: 'translated', confirmed: true };
  a.units[2] = { ...a.units[2], target: ['t2'], status: 'draft', confirmed: false };
  const frozen = structuredClone(a);
  // the memory's Arabic differs from every row (different segmentation), so all of it is aligned
  const pairs = EN.trim().split('\n').map((en, i) => ({ ar: `نص مختلف ${i}`, en }));
  const r = importMemoryPairs(a, TEXT, pairs);
  assert.deepEqual(a, frozen, 'input not mutated');
  assert.deepEqual(r.annotations.units.slice(0, 3), a.units.slice(0, 3));
  const t = new Map(r.annotations.targets.map((x) => [x.id, x.text]));
  assert.equal(t.get('t1'), 'Reviewer: the final toll.');
  assert.equal(t.get('t2'), 'Draft by hand.');
  assert.equal(r.matched.length, 0);
  assert.ok(r.aligned.length >= 4, `aligned ${r.aligned.length}`);
  const emojiUnit = r.annotations.units.find((u) => u.source.some((id) => r.annotations.segments.find((s) => s.id === id)!.text.includes('🙂')))!;
  assert.equal(emojiUnit.target.map((id) => t.get(id)).join(' '), EXTRA_EN[0]);
  assertValid(r.annotations, TEXT);
});
