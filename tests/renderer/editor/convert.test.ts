import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EditorState } from 'prosemirror-state';
import { schema } from '../../../renderer/editor/schema.ts';
import { annotationsToDoc, docToAnnotations } from '../../../renderer/editor/convert.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import type { AlignmentUnit, Annotations, Mention } from '../../../shared/model/types.ts';
import { fixture, groupSizes, show, TEXT, S1, S2, rowNode } from './helpers.ts';
import { allRows, rowAt, ROWS_PER_GROUP } from '../../../renderer/editor/rows.ts';

test('the fixture becomes one row per unit, with the source text and entity marks', () => {
  const a = fixture();
  const doc = annotationsToDoc(schema, a, TEXT);
  assert.equal(show(doc, 4), 'u1[s1:قالَ | t1:The ]D u2[s2:وافت | _]A u3[s3:لم ي | _]A u4[s4:وانت | _]A');
  assert.equal(rowNode(doc, 0).child(0).child(0).textContent, S1);
  assert.equal(rowNode(doc, 1).child(0).child(0).textContent, S2);
  // the Arabic mention is a mark on exactly "Apple"
  const marked: string[] = [];
  doc.descendants((n) => {
    if (n.isText && n.marks.some((m) => m.type.name === 'entity')) marked.push(n.text!);
  });
  assert.deepEqual(marked, ['Apple', 'Apple']);
});

test('round trip of the fixture is exact and valid', () => {
  const a = fixture();
  const back = docToAnnotations(annotationsToDoc(schema, a, TEXT), a, TEXT);
  assert.deepEqual(back, a);
  assert.ok(AnnotationsSchema.safeParse(back).success);
  const map = new OffsetMap(TEXT);
  for (const m of back.mentions.filter((x) => x.side === 'ar')) assert.equal(map.slice(m.start, m.end), m.text);
  for (const s of back.segments) assert.equal(map.slice(s.start, s.end), s.text);
});

test('empty target sentences are dropped; a confirmed unit without target is a 1-0 row', () => {
  const a = fixture();
  a.units[2].confirmed = true;
  const doc = annotationsToDoc(schema, a, TEXT);
  assert.equal(rowNode(doc, 2).attrs.untranslated, true);
  assert.equal(rowNode(doc, 1).attrs.untranslated, false);
  // an extra empty English sentence after t1 (as Enter at its end makes)
  const endOfT1 = rowAt(doc, 0)!.pos + rowNode(doc, 0).nodeSize - 2;
  const withEmpty = EditorState.create({ doc }).tr.insert(endOfT1, schema.nodes.target_sentence.create({ id: 't9' })).doc;
  withEmpty.check();
  assert.equal(show(withEmpty, 3), 'u1[s1:قال | t1:The _]D u2[s2:واف | _]A u3[s3:لم  | _]Acu u4[s4:وان | _]A');
  const back = docToAnnotations(withEmpty, a, TEXT);
  assert.deepEqual(back.units[0].target, ['t1']);
  assert.deepEqual(back.targets.map((t) => t.id), ['t1']);
});

test('a mention id met twice (split through a mention) gets a fresh id for the second run', () => {
  const a = fixture();
  const doc = annotationsToDoc(schema, a, TEXT);
  let pos = -1;
  doc.descendants((n, p) => {
    if (pos < 0 && n.isText && n.text === 'Apple') pos = p;
  });
  // unmark the middle "p": the Arabic-side "Apple" becomes two runs "Ap" and "le" with id m1
  const doc2 = EditorState.create({ doc }).tr.removeMark(pos + 2, pos + 3, schema.marks.entity).doc;
  const back = docToAnnotations(doc2, a, TEXT);
  const ids = back.mentions.map((m) => m.id);
  assert.deepEqual(ids, ['m1', 'm2', 'm3']);
  assert.deepEqual(back.mentions.map((m) => m.text), ['Ap', 'Apple', 'le']);
  const map = new OffsetMap(TEXT);
  for (const m of back.mentions.filter((x) => x.side === 'ar')) assert.equal(map.slice(m.start, m.end), m.text);
});

// ---- property test: random annotations → doc → annotations is the identity ----

const ALPHABET = ['ب', 'ت', 'س', 'م', 'ل', 'ا', 'ي', 'َ', 'ُ', 'ّ', 'ً', '١', '٢', '٣', 'A', 'p', 'e', '🚀', '😀', ' ', '.', '،', '\n'];
const cpString = (min: number, max: number) => fc.array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max }).map((a) => a.join(''));

/** A random mention layout: non-overlapping sub-spans of a text of `len` code points. */
function mentionSpans(len: number) {
  return fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }).map((pairs) => {
    const spans: { start: number; end: number }[] = [];
    let at = 0;
    for (const [gap, size] of pairs) {
      const start = at + (gap % 3);
      const end = start + 1 + (size % 3);
      if (end > len) break;
      spans.push({ start, end });
      at = end;
    }
    return spans;
  });
}

const annotationsArb = fc
  .record({
    pieces: fc.array(fc.tuple(cpString(1, 12), cpString(0, 3)), { minLength: 0, maxLength: 8 }),
    groups: fc.array(fc.nat(3), { minLength: 1, maxLength: 12 }),
    targetTexts: fc.array(fc.array(cpString(1, 10), { maxLength: 2 }), { minLength: 12, maxLength: 12 }),
    flags: fc.array(fc.record({
      status: fc.constantFrom('auto', 'draft', 'translated', 'reviewed' as const),
      origin: fc.constantFrom('segmenter', 'manual', 'import', 'aligner' as const),
      confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      confirmed: fc.boolean(),
      segOrigin: fc.constantFrom('auto', 'manual' as const),
    }), { minLength: 12, maxLength: 12 }),
    seed: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 40, maxLength: 40 }),
  })
  .map(({ pieces, groups, targetTexts, flags, seed }) => {
    // source: sentences separated by gaps; segments cover the sentences
    let text = 'عنوان\n';
    const segs: { start: number; end: number; text: string }[] = [];
    let cp = 6;
    for (const [body, gap] of pieces) {
      const len = [...body].length;
      segs.push({ start: cp, end: cp + len, text: body });
      text += body + (gap || ' ');
      cp += len + [...(gap || ' ')].length;
    }
    return { text, segs, groups, targetTexts, flags, seed };
  })
  .map(({ text, segs, groups, targetTexts, flags, seed }) => {
    const a: Annotations = {
      format: 'muwazi-annotations', version: '1.0', tool: { name: 'muwazi', version: '0.1.0' }, offsetUnit: 'codepoint',
      source: { file: 'x.txt', sha256: 'b'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: [...text].length, language: 'ar' },
      target: { language: 'en' }, created: 'c', modified: 'm',
      segments: segs.map((s, i) => ({ id: 's' + (i + 1), ...s, origin: flags[i % 12].segOrigin })),
      targets: [], units: [], entities: [{ id: 'e1', type: 'PER' }], mentions: [],
    };
    let si = 0;
    let ti = 1;
    let k = 0;
    const addMentions = (side: 'ar' | 'en', sentence: string, base: number, body: string, spans: { start: number; end: number }[]) => {
      const map = new OffsetMap(body);
      for (const sp of spans) {
        a.mentions.push({ id: 'm' + (a.mentions.length + 1), side, sentence, start: base + sp.start, end: base + sp.end, text: map.slice(sp.start, sp.end), type: 'PER', entity: 'e1' } satisfies Mention);
      }
    };
    for (let g = 0; g < groups.length && (si < segs.length || g === 0); g++) {
      const n = g === groups.length - 1 ? segs.length - si : Math.min(groups[g], segs.length - si);
      const f = flags[g % 12];
      const unit: AlignmentUnit = { id: 'u' + (g + 1), source: [], target: [], status: f.status, origin: f.origin, confirmed: f.confirmed };
      if (f.confidence !== undefined) unit.confidence = f.confidence;
      for (let i = 0; i < n; i++, si++) {
        unit.source.push(a.segments[si].id);
        const [x, y] = seed[k++ % seed.length];
        const len = [...a.segments[si].text].length;
        if (x % 2) addMentions('ar', a.segments[si].id, a.segments[si].start, a.segments[si].text, [{ start: y % len, end: y % len + 1 }]);
      }
      for (const t of targetTexts[g % 12]) {
        const id = 't' + ti++;
        a.targets.push({ id, text: t });
        unit.target.push(id);
        const [x, y] = seed[k++ % seed.length];
        const len = [...t].length;
        if (x % 3 === 0 && len > 1) addMentions('en', id, 0, t, [{ start: 0, end: 1 }, { start: 1 + (y % (len - 1)), end: len }]);
      }
      a.units.push(unit);
    }
    return { a, text };
  });

test('property: over any group size, rows are grouped in order (full groups, a shorter last one) and the round trip is exact', () => {
  fc.assert(
    fc.property(annotationsArb, fc.integer({ min: 1, max: 14 }), ({ a, text }, size) => {
      const doc = annotationsToDoc(schema, a, text, { groupSize: size });
      doc.check();
      const sizes = groupSizes(doc);
      const n = Math.max(1, a.units.length);
      assert.deepEqual(sizes, Array.from({ length: Math.ceil(n / size) }, (_, g) => Math.min(size, n - g * size)));
      if (a.units.length) assert.deepEqual(allRows(doc).map((r) => r.attrs.id), a.units.map((u) => u.id), 'row order and ids');
      assert.deepEqual(docToAnnotations(doc, a, text), a);
    }),
    { numRuns: 200 },
  );
});

test('the default group size: 250 rows make groups of ROWS_PER_GROUP, the saved file unchanged', () => {
  const a = fixture();
  const units = Array.from({ length: 250 }, (_, i) => ({ ...a.units[i % a.units.length], id: `u${i + 1}`, source: [], target: [] }));
  const b = { ...a, units, mentions: [], entities: [], targets: [] };
  const doc = annotationsToDoc(schema, b, TEXT);
  assert.deepEqual(groupSizes(doc), [ROWS_PER_GROUP, ROWS_PER_GROUP, 250 - 2 * ROWS_PER_GROUP]);
  assert.equal(rowAt(doc, 249)!.row.attrs.id, 'u250');
  assert.deepEqual(docToAnnotations(doc, b, TEXT).units.map((u) => u.id), units.map((u) => u.id));
});

test('property: annotations → doc → annotations is the identity, and the doc checks', () => {
  fc.assert(
    fc.property(annotationsArb, ({ a, text }) => {
      assert.ok(AnnotationsSchema.safeParse(a).success, 'generator makes valid annotations');
      const doc = annotationsToDoc(schema, a, text);
      doc.check();
      const back = docToAnnotations(doc, a, text);
      assert.deepEqual(back, a);
    }),
    { numRuns: 300 },
  );
});

test('property: mention spans are kept exactly (code points, astral and combining marks)', () => {
  fc.assert(
    fc.property(cpString(1, 20).chain((body) => mentionSpans([...body].length).map((spans) => ({ body, spans }))), ({ body, spans }) => {
      const a = fixture();
      const text = body;
      a.segments = [{ id: 's1', start: 0, end: [...body].length, text: body, origin: 'auto' }];
      a.units = [{ id: 'u1', source: ['s1'], target: [], status: 'auto', origin: 'segmenter', confirmed: false }];
      a.targets = [];
      const map = new OffsetMap(body);
      a.mentions = spans.map((s, i) => ({ id: 'm' + (i + 1), side: 'ar', sentence: 's1', start: s.start, end: s.end, text: map.slice(s.start, s.end), type: 'LOC', entity: 'e1' }));
      const back = docToAnnotations(annotationsToDoc(schema, a, text), a, text);
      assert.deepEqual(back.mentions, a.mentions);
      for (const m of back.mentions) assert.equal(map.slice(m.start, m.end), m.text);
    }),
    { numRuns: 300 },
  );
});

test('each Arabic-side sentence gets its own base direction: a Latin caption is dir=ltr, Arabic stays rtl', async () => {
  const { schema } = await import('../../../renderer/editor/schema.ts');
  const spec = schema.nodes.source_sentence.spec;
  const render = (text: string) => (spec.toDOM!(schema.nodes.source_sentence.create({ id: 's1', start: 0, end: 1 }, text ? schema.text(text) : undefined)) as unknown as [string, Record<string, string>])[1];
  assert.deepEqual([render('Photo: AFP.').dir, render('Photo: AFP.').lang], ['ltr', 'und']);
  assert.deepEqual([render('«AFP» قالت الوكالة').dir], ['ltr']);
  assert.deepEqual([render('٢٠٢٠ قالت الوكالة.').dir, render('٢٠٢٠ قالت الوكالة.').lang], ['rtl', 'ar']);
  assert.equal(render('').dir, 'rtl', 'an empty sentence keeps the cell\'s direction');
});

test('format 1.1 row fields (provenance, comments, review) and mention provenance survive the editor round trip', () => {
  const a = fixture();
  const at = '2026-12-05T02:30:00.000Z';
  Object.assign(a.units[0], {
    by: 'ليلى', at,
    comments: [{ id: 'c1', by: 'عمر', at, text: 'راجع اسم الشركة', kind: 'sendBack' }],
    reviewed: { by: 'عمر', at, en: 'The', mentions: [], links: [] },
  });
  Object.assign(a.mentions[0], { by: 'سلمى', at });
  const back = docToAnnotations(annotationsToDoc(schema, a, TEXT), a, TEXT);
  assert.deepEqual(back.units[0], a.units[0]);
  assert.equal(back.units[1].comments, undefined);
  assert.deepEqual(back.mentions, a.mentions);
});
