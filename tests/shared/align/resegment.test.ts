import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resegmentReport } from '../../../shared/align/resegment.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { checkAnnotations } from '../../../shared/formats/sidecar.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { segmentSentences } from '../../../shared/text/segment.ts';
import { NOW, cpIndexOf, sourceInfo } from '../../fixtures/annotated-report.ts';

// "مستش." (a made-up short form of مستشار, adviser) ends a sentence unless the project lists it
const TEXT = 'وصل مستش. خالدٌ إلى دمشق 😀 يوم ١٥ آذار. ثم غادر إلى Idlib.\nقال مستش. سامي: "لا".';

function build(text: string, abbreviations: string[] = []): Annotations {
  return createAnnotations(sourceInfo(text), text, segmentSentences(text, { lang: 'ar', abbreviations }), NOW);
}

function mention(a: Annotations, text: string, name: string, id: string, nth = 0) {
  const start = cpIndexOf(text, name, nth);
  const seg = a.segments.find((s) => s.start <= start && start < s.end)!;
  const e = 'e' + id.slice(1);
  a.entities.push({ id: e, type: 'PER', ar: name });
  a.mentions.push({ id, side: 'ar', sentence: seg.id, start, end: start + [...name].length, text: name, type: 'PER', entity: e });
}

const ok = (a: Annotations, text: string) => {
  assert.deepEqual(checkAnnotations(a, { text }), []);
  assert.ok(AnnotationsSchema.safeParse(a).success);
};

test('a new abbreviation merges two rows: one segment, both English sentences joined in order, mention re-attached', () => {
  const a = build(TEXT);
  assert.deepEqual(a.segments.map((s) => s.text), ['وصل مستش.', 'خالدٌ إلى دمشق 😀 يوم ١٥ آذار.', 'ثم غادر إلى Idlib.', 'قال مستش.', 'سامي: "لا".']);
  a.targets = [{ id: 't1', text: 'Adviser' }, { id: 't2', text: 'Khaled arrived in Damascus 😀 on 15 March.' }, { id: 't3', text: 'Then he left for Idlib.' }];
  a.units[0].target = ['t1'];
  a.units[1].target = ['t2'];
  a.units[1].status = 'reviewed';
  a.units[0].status = 'translated';
  a.units[2].target = ['t3'];
  a.units[2].status = 'reviewed';
  mention(a, TEXT, 'خالدٌ', 'm1');
  mention(a, TEXT, 'سامي', 'm2');
  a.mentions.push({ id: 'm3', side: 'en', sentence: 't2', start: 0, end: 6, text: 'Khaled', type: 'PER', entity: 'e1' });
  ok(a, TEXT);

  const r = resegmentReport(a, TEXT, { abbreviations: ['مستش'] });
  assert.equal(r.changed, true);
  const b = r.annotations;
  ok(b, TEXT);
  const map = new OffsetMap(TEXT);
  assert.deepEqual(b.segments.map((s) => s.text), ['وصل مستش. خالدٌ إلى دمشق 😀 يوم ١٥ آذار.', 'ثم غادر إلى Idlib.', 'قال مستش. سامي: "لا".']);
  for (const s of b.segments) assert.equal(map.slice(s.start, s.end), s.text);
  // the unchanged segment keeps its id and its row, untouched
  assert.equal(b.segments[1].id, 's3');
  assert.deepEqual(b.units.find((u) => u.id === 'u3'), a.units[2]);
  // merged: first row's id, both English sentences, lowest status
  const merged = b.units[0];
  assert.deepEqual({ id: merged.id, source: merged.source, target: merged.target, status: merged.status }, { id: 'u1', source: [b.segments[0].id], target: ['t1', 't2'], status: 'translated' });
  assert.ok(!a.segments.some((s) => s.id === b.segments[0].id), 'a changed segment gets a fresh id');
  // the last two rows had no English: one row per new sentence
  assert.deepEqual(b.units.map((u) => u.source.length), [1, 1, 1]);
  assert.deepEqual(b.units[2].target, []);
  // mentions: Arabic ones now in the merged segments, the English one untouched
  assert.equal(b.mentions.find((m) => m.id === 'm1')!.sentence, b.segments[0].id);
  assert.equal(b.mentions.find((m) => m.id === 'm2')!.sentence, b.segments[2].id);
  assert.deepEqual(b.mentions.find((m) => m.id === 'm3'), a.mentions[2]);
  assert.deepEqual(b.targets, a.targets);
  assert.equal(r.removedSegments, 4);
  assert.equal(r.addedSegments, 2);
  assert.equal(r.rowsAfter, 3);
  // the input is not modified
  assert.equal(a.segments.length, 5);
});

test('removing the abbreviation splits again: a translated row keeps its English with both sentences; manual segments stay exactly', () => {
  const a = build(TEXT, ['مستش']);
  assert.equal(a.segments.length, 3);
  a.segments[2].origin = 'manual';
  a.targets = [{ id: 't1', text: 'Adviser Khaled arrived in Damascus on 15 March.' }];
  a.units[0].target = ['t1'];
  a.units[0].status = 'translated';
  mention(a, TEXT, 'خالدٌ', 'm1');
  const r = resegmentReport(a, TEXT, { abbreviations: [] });
  const b = r.annotations;
  ok(b, TEXT);
  assert.deepEqual(b.segments.map((s) => s.text), ['وصل مستش.', 'خالدٌ إلى دمشق 😀 يوم ١٥ آذار.', 'ثم غادر إلى Idlib.', 'قال مستش. سامي: "لا".']);
  assert.deepEqual(b.segments[3], a.segments[2], 'the manual segment is kept as it was');
  assert.deepEqual(b.units[0].source, [b.segments[0].id, b.segments[1].id]);
  assert.deepEqual(b.units[0].target, ['t1']);
  assert.equal(b.mentions[0].sentence, b.segments[1].id);
});

test('a mention that a new boundary would cut keeps its segment whole', () => {
  const a = build(TEXT, ['مستش']);
  mention(a, TEXT, 'مستش. خالدٌ', 'm1');
  const b = resegmentReport(a, TEXT, { abbreviations: [] }).annotations;
  ok(b, TEXT);
  assert.equal(b.segments[0].text, 'وصل مستش. خالدٌ إلى دمشق 😀 يوم ١٥ آذار.');
  assert.equal(b.segments.length, 4);
});

test('nothing to change: the same annotations', () => {
  const a = build(TEXT);
  const r = resegmentReport(a, TEXT, {});
  assert.equal(r.changed, false);
  assert.equal(r.annotations, a);
});

// ---- property: random reports, random work on them, random abbreviation changes ----------------

const ABBREVIATIONS = ['مستش', 'لوا', 'Corr', 'شيخ'];
const PIECES = [
  'وصل مستش. خالدٌ إلى دمشق.', 'قال لوا. سامي إن ٦٧ مقاتلاً قُتلوا.', 'Photo by Corr. Smith in Idlib.', 'زار شيخ. أحمد سراقب 😀 أمس.',
  'ثم غادر.', 'وأكّدت وكالة Reuters الخبرَ.', 'العنوان.. الثاني', 'بلغ ٣٫٥ بالمئة.',
];

const report = fc.record({
  pieces: fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', '\n', '  ')), { minLength: 1, maxLength: 10 }),
  before: fc.subarray(ABBREVIATIONS),
  after: fc.subarray(ABBREVIATIONS),
  seed: fc.array(fc.nat(1000), { minLength: 40, maxLength: 40 }),
});

/** A report with work in it: manual segments (some merged), joined rows, English, mentions on words. */
function withWork(text: string, before: string[], seed: number[]): Annotations {
  let k = 0;
  const rnd = (n: number) => seed[k++ % seed.length] % n;
  const a = build(text, before);
  const map = new OffsetMap(text);
  // a manual merge of two neighbouring segments on the same line
  if (a.segments.length > 2 && rnd(2) === 0) {
    const i = rnd(a.segments.length - 1);
    const [x, y] = [a.segments[i], a.segments[i + 1]];
    if (!map.slice(x.end, y.start).includes('\n')) {
      a.segments.splice(i, 2, { id: 's900', start: x.start, end: y.end, text: map.slice(x.start, y.end), origin: 'manual' });
      a.units.splice(i, 2, { ...a.units[i], source: ['s900'] });
    }
  }
  for (const s of a.segments) if (rnd(4) === 0) s.origin = 'manual';
  // a row of two segments
  if (a.units.length > 2 && rnd(2) === 0) {
    const i = rnd(a.units.length - 1);
    a.units.splice(i, 2, { ...a.units[i], source: [...a.units[i].source, ...a.units[i + 1].source] });
  }
  // English on some rows, an English-only row, statuses
  let t = 0;
  for (const u of a.units) {
    if (rnd(3) === 0) continue;
    const id = 't' + ++t;
    a.targets.push({ id, text: `Sentence ${t} 😀 Idlib.` });
    u.target = [id];
    u.status = (['auto', 'draft', 'translated', 'reviewed'] as const)[rnd(4)];
  }
  if (rnd(2) === 0) {
    a.targets.push({ id: 't99', text: 'Only English.' });
    a.units.splice(rnd(a.units.length + 1), 0, { id: 'u99', source: [], target: ['t99'], status: 'draft', origin: 'manual', confirmed: false });
  }
  // mentions on whole words (sometimes two words across a stop), never overlapping
  let m = 0;
  let from = 0;
  for (const s of a.segments) {
    const words = [...s.text.matchAll(/\S+/gu)].map((w) => {
      const start = s.start + [...s.text.slice(0, w.index)].length;
      return { start, end: start + [...w[0]].length };
    });
    for (let i = 0; i < words.length; i++) {
      if (rnd(3) !== 0 || words[i].start < from) continue;
      const two = i + 1 < words.length && rnd(3) === 0;
      const span = { start: words[i].start, end: two ? words[i + 1].end : words[i].end };
      from = span.end;
      const id = ++m;
      a.entities.push({ id: 'e' + id, type: 'LOC' });
      a.mentions.push({ id: 'm' + id, side: 'ar', sentence: s.id, start: span.start, end: span.end, text: map.slice(span.start, span.end), type: 'LOC', entity: 'e' + id });
    }
  }
  const tt = a.targets.find((x) => x.text.endsWith('Idlib.'));
  if (tt) {
    a.entities.push({ id: 'e500', type: 'LOC', en: 'Idlib' });
    const at = [...tt.text].length - 6;
    a.mentions.push({ id: 'm500', side: 'en', sentence: tt.id, start: at, end: at + 5, text: 'Idlib', type: 'LOC', entity: 'e500' });
  }
  return a;
}

test('property: valid result, every English sentence and mention kept, manual segments unchanged, re-running is stable', () => {
  fc.assert(fc.property(report, ({ pieces, before, after, seed }) => {
    const text = pieces.map(([p, sep]) => p + sep).join('').trimEnd();
    const a = withWork(text, before, seed);
    assert.deepEqual(checkAnnotations(a, { text }), [], 'the generated report is valid');
    const r = resegmentReport(a, text, { abbreviations: after });
    const b = r.annotations;
    assert.deepEqual(checkAnnotations(b, { text }), []);
    assert.ok(AnnotationsSchema.safeParse(b).success);
    // no English sentence lost, each in one row (checkAnnotations: in exactly one unit), order kept
    assert.deepEqual(b.targets, a.targets);
    const order = (x: Annotations) => x.units.flatMap((u) => u.target);
    assert.deepEqual(order(b), order(a));
    // no mention lost or moved
    assert.deepEqual(b.mentions.map((x) => ({ ...x, sentence: '' })), a.mentions.map((x) => ({ ...x, sentence: '' })));
    for (const x of b.mentions.filter((y) => y.side === 'en')) assert.equal(x.sentence, a.mentions.find((y) => y.id === x.id)!.sentence);
    // manual segments exactly as they were
    for (const s of a.segments.filter((y) => y.origin === 'manual')) assert.deepEqual(b.segments.find((y) => y.id === s.id), s);
    // segments in order and the Arabic rows in source order
    const pos = new Map(b.segments.map((s) => [s.id, s.start]));
    const starts = b.units.flatMap((u) => u.source.map((id) => pos.get(id)!));
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
    // where no mention is cut, the result is the plain re-segmentation around manual segments
    const again = resegmentReport(b, text, { abbreviations: after });
    assert.equal(again.changed, false, 're-running with the same abbreviations changes nothing');
  }), { numRuns: 300 });
});

test('an exception merges the rows across its stop, like an abbreviation, and keeps the offsets right', () => {
  const a = build(TEXT);
  const r = resegmentReport(a, TEXT, { exceptions: ['آذار. ثم'] });
  assert.ok(r.changed);
  assert.deepEqual(r.annotations.segments.map((s) => s.text), ['وصل مستش.', 'خالدٌ إلى دمشق 😀 يوم ١٥ آذار. ثم غادر إلى Idlib.', 'قال مستش.', 'سامي: "لا".']);
  const map = new OffsetMap(TEXT);
  for (const s of r.annotations.segments) assert.equal(map.slice(s.start, s.end), s.text);
  ok(r.annotations, TEXT);
});
