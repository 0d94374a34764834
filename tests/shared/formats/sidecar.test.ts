import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SidecarError, canonicalOrder, checkAnnotations, parseAnnotations, serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import type { Annotations, Mention } from '../../../shared/model/types.ts';
import { OffsetMap, cpLength } from '../../../shared/text/offsets.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

function sidecarError(fn: () => unknown): SidecarError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof SidecarError, `expected a SidecarError, got ${e instanceof Error ? e.stack : String(e)}`);
    return e;
  }
  assert.fail('expected a SidecarError');
}

const clone = <T>(x: T): T => structuredClone(x);

test('serialised form: schema key order, 2-space indent, final newline, stable', () => {
  const a = annotate(TEXT);
  const json = serializeAnnotations(a);
  assert.ok(json.endsWith('}\n'));
  assert.ok(json.startsWith('{\n  "format": "muwazi-annotations",\n  "version": "1.1",\n  "tool": {'));
  assert.deepEqual(Object.keys(JSON.parse(json)), ['format', 'version', 'tool', 'offsetUnit', 'source', 'target', 'created', 'modified', 'segments', 'targets', 'units', 'entities', 'mentions']);
  assert.ok(json.includes('\n    {\n      "id": "s1",\n      "start": 0,'));
  // key order of the input does not matter
  const shuffled = JSON.parse(JSON.stringify(a), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));
  assert.equal(serializeAnnotations(shuffled), json);
  assert.equal(serializeAnnotations(parseAnnotations(json, { text: TEXT })), json);
});

test('arrays in document order: segments by position, targets by row, mentions Arabic then English', () => {
  const a = annotate(TEXT);
  const b = clone(a);
  b.segments.reverse();
  b.targets.reverse();
  b.mentions.reverse();
  b.entities.reverse();
  assert.equal(serializeAnnotations(b), serializeAnnotations(a));
  const out = JSON.parse(serializeAnnotations(b)) as Annotations;
  assert.deepEqual(out.segments.map((s) => s.id), ['s1', 's2', 's3']);
  const sides = out.mentions.map((m) => m.side);
  assert.deepEqual(sides, [...sides].sort());
});

test('mention offsets slice the Arabic source and the English sentence', () => {
  const a = parseAnnotations(serializeAnnotations(annotate(TEXT)), { text: TEXT });
  const map = new OffsetMap(TEXT);
  const ar = a.mentions.filter((m) => m.side === 'ar').map((m) => map.slice(m.start, m.end));
  assert.deepEqual(ar, ['محمد بن سلمان', 'الرياض', 'Aramco', 'مِصر', 'القاهرة', 'الأمم المتحدة']);
  const aramco = a.mentions.find((m) => m.text === 'Aramco' && m.side === 'ar')!;
  assert.equal(aramco.start, cpLength(TEXT.slice(0, TEXT.indexOf('Aramco')))); // code points, not UTF-16 units
  assert.notEqual(aramco.start, TEXT.indexOf('Aramco')); // the emoji is two UTF-16 units before it
  const en = a.mentions.find((m) => m.side === 'en' && m.text === 'Egypt')!;
  assert.equal(new OffsetMap(a.targets.find((t) => t.id === en.sentence)!.text).slice(en.start, en.end), 'Egypt');
});

// A random but valid annotation file: arbitrary Unicode translations and names, mentions on both sides.
const annotationsArb = fc
  .record({
    english: fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }),
    statuses: fc.array(fc.constantFrom('auto', 'draft', 'translated', 'reviewed'), { minLength: 3, maxLength: 3 }),
    confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    names: fc.array(fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.constantFrom('PER', 'LOC', 'ORG', 'MISC')), { maxLength: 4 }),
  })
  .map(({ english, statuses, confidence, names }) => {
    const a = annotate(TEXT, english);
    a.units.forEach((u, i) => (u.status = statuses[i] as Annotations['units'][number]['status']));
    if (confidence !== null) a.units[0] = { ...a.units[0], origin: 'aligner', confidence };
    for (const [name, type] of names) {
      const id = 'e' + (a.entities.length + 1);
      a.entities.push({ id, type, en: name });
      const t = a.targets.find((x) => x.text.includes(name));
      if (t) {
        const start = new OffsetMap(t.text).toCodePoint(t.text.indexOf(name));
        a.mentions.push({ id: 'm' + (a.mentions.length + 100), side: 'en', sentence: t.id, start, end: start + cpLength(name), text: name, type, entity: id });
      }
    }
    return a;
  });

test('property: serialise → parse is the identity (up to document order), and serialising is stable', () => {
  fc.assert(
    fc.property(annotationsArb, (a) => {
      const json = serializeAnnotations(a);
      const back = parseAnnotations(json, { text: TEXT });
      assert.deepEqual(back, canonicalOrder(a));
      assert.equal(serializeAnnotations(back), json);
    }),
    { numRuns: 200 },
  );
});

// Edits the editor can make, applied to the model directly.
type Edit =
  | { op: 'translate'; row: number; text: string }
  | { op: 'status'; row: number; status: 'auto' | 'draft' | 'translated' | 'reviewed' }
  | { op: 'tag'; seg: number; from: number; len: number; type: string }
  | { op: 'untag'; n: number }
  | { op: 'merge'; row: number }
  | { op: 'split'; row: number };

function apply(a: Annotations, e: Edit): void {
  const rows = a.units.length;
  const map = new OffsetMap(TEXT);
  const ids = (list: { id: string }[], p: string) => p + (Math.max(0, ...list.map((x) => Number(x.id.slice(1)))) + 1);
  switch (e.op) {
    case 'translate': {
      const u = a.units[e.row % rows];
      if (u.target.length === 0) {
        const id = ids(a.targets, 't');
        a.targets.push({ id, text: e.text });
        u.target.push(id);
      } else {
        const t = a.targets.find((x) => x.id === u.target[0])!;
        // English mentions inside the old text go with it
        a.mentions = a.mentions.filter((m) => !(m.side === 'en' && m.sentence === t.id));
        t.text = e.text;
      }
      break;
    }
    case 'status':
      a.units[e.row % rows].status = e.status;
      break;
    case 'tag': {
      const s = a.segments[e.seg % a.segments.length];
      const len = s.end - s.start;
      if (len === 0) break;
      const start = s.start + (e.from % len);
      const end = Math.min(s.end, start + 1 + (e.len % 10));
      if (a.mentions.some((m) => m.side === 'ar' && m.start < end && start < m.end)) break;
      const ent = ids(a.entities, 'e');
      a.entities.push({ id: ent, type: e.type });
      a.mentions.push({ id: ids(a.mentions, 'm'), side: 'ar', sentence: s.id, start, end, text: map.slice(start, end), type: e.type, entity: ent } as Mention);
      break;
    }
    case 'untag':
      if (a.mentions.length) a.mentions.splice(e.n % a.mentions.length, 1);
      break;
    case 'merge': {
      const i = e.row % rows;
      if (i + 1 >= rows) break;
      const [u, v] = [a.units[i], a.units[i + 1]];
      a.units.splice(i, 2, { ...u, source: [...u.source, ...v.source], target: [...u.target, ...v.target], origin: 'manual' });
      break;
    }
    case 'split': {
      const i = e.row % rows;
      const u = a.units[i];
      if (u.source.length < 2) break;
      a.units.splice(i, 1, { ...u, source: u.source.slice(0, 1), target: u.target.slice(0, 1) }, {
        id: ids(a.units, 'u'), source: u.source.slice(1), target: u.target.slice(1), status: 'draft', origin: 'manual', confirmed: false,
      });
      break;
    }
  }
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('translate' as const), row: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 40 }) }),
  fc.record({ op: fc.constant('status' as const), row: fc.nat(), status: fc.constantFrom('auto' as const, 'draft' as const, 'translated' as const, 'reviewed' as const) }),
  fc.record({ op: fc.constant('tag' as const), seg: fc.nat(), from: fc.nat(), len: fc.nat(), type: fc.constantFrom('PER', 'LOC', 'ORG') }),
  fc.record({ op: fc.constant('untag' as const), n: fc.nat() }),
  fc.record({ op: fc.constant('merge' as const), row: fc.nat() }),
  fc.record({ op: fc.constant('split' as const), row: fc.nat() }),
);

test('property: random edit sequences never produce an invalid file', () => {
  fc.assert(
    fc.property(fc.array(editArb, { maxLength: 30 }), (edits) => {
      const a = annotate(TEXT);
      for (const e of edits) {
        apply(a, e);
        const json = serializeAnnotations(a);
        const back = parseAnnotations(json, { text: TEXT });
        assert.equal(serializeAnnotations(back), json);
      }
    }),
    { numRuns: 100 },
  );
});

test('invalid JSON: line and column of the error', () => {
  const json = serializeAnnotations(annotate(TEXT));
  const broken = json.replace('"version": "1.1",', '"version": "1.0",,');
  const e = sidecarError(() => parseAnnotations(broken));
  assert.equal(e.code, 'corrupt-sidecar');
  assert.equal(e.problem, 'invalid-json');
  assert.equal(e.line, 3);
  assert.equal(e.column, 20);
  assert.match(e.message, /not valid JSON \(line 3, column 20: expected a property name in double quotes\)/);
  assert.match(sidecarError(() => parseAnnotations('')).message, /the file is empty/);
  const trunc = sidecarError(() => parseAnnotations(json.slice(0, 200)));
  assert.equal(trunc.problem, 'invalid-json');
});

test('not a sidecar, newer major, bad version', () => {
  assert.equal(sidecarError(() => parseAnnotations('[1,2]')).problem, 'not-a-sidecar');
  assert.match(sidecarError(() => parseAnnotations('{"format":"other"}')).message, /not a Muwazi annotation file/);
  const a = JSON.parse(serializeAnnotations(annotate(TEXT)));
  const newer = sidecarError(() => parseAnnotations(JSON.stringify({ ...a, version: '2.0' })));
  assert.equal(newer.code, 'newer-version');
  assert.match(newer.message, /newer Muwazi \(format version 2\.0\)/);
  assert.equal(sidecarError(() => parseAnnotations(JSON.stringify({ ...a, version: 'one' }))).problem, 'bad-version');
});

test('a newer minor version is read and its extra fields survive a round trip', () => {
  const a = JSON.parse(serializeAnnotations(annotate(TEXT)));
  const raw = { ...a, version: '1.7', reviewer: { name: 'هدى' }, segments: a.segments.map((s: object) => ({ ...s, note: 'x' })) };
  const parsed = parseAnnotations(JSON.stringify(raw), { text: TEXT }) as Annotations & { reviewer?: unknown };
  assert.deepEqual(parsed.reviewer, { name: 'هدى' });
  const again = JSON.parse(serializeAnnotations(parsed));
  assert.equal(again.segments[0].note, 'x');
  assert.deepEqual(Object.keys(again).slice(-1), ['reviewer']);
});

test('schema errors name the field', () => {
  const a = JSON.parse(serializeAnnotations(annotate(TEXT)));
  a.segments[1].end = 'twelve';
  const e = sidecarError(() => parseAnnotations(JSON.stringify(a)));
  assert.equal(e.problem, 'schema');
  assert.equal(e.path, 'segments[1].end');
  assert.match(e.message, /^Field segments\[1\]\.end: /);
});

test('cross-checks: range, span order, duplicates, dangling references, texts', () => {
  const base = annotate(TEXT);
  const cases: [string, (a: Annotations) => void, string, string | undefined, RegExp][] = [
    ['out of range', (a) => { a.segments[2].end = 9999; }, 'offset-out-of-range', 'segments[2].end', /past the end of the source/],
    ['end < start', (a) => { a.segments[0].end = 0; a.segments[0].start = 3; }, 'invalid-span', 'segments[0]', /end 0 is before start 3/],
    ['duplicate id', (a) => { a.segments[1].id = 's1'; }, 'duplicate-id', 'segments[1].id', /Duplicate id "s1" in segments/],
    ['dangling unit → segment', (a) => { a.units[0].source = ['s99']; }, 'dangling-reference', 'units[0].source[0]', /segment "s99", which does not exist/],
    ['dangling mention → entity', (a) => { a.mentions[0].entity = 'e99'; }, 'dangling-reference', 'mentions[0].entity', /entity "e99"/],
    ['dangling mention → sentence', (a) => { a.mentions[0].sentence = 's42'; }, 'dangling-reference', 'mentions[0].sentence', /segment "s42"/],
    ['mention text', (a) => { a.mentions[0].text = 'محمد'; }, 'text-mismatch', 'mentions[0].text', /does not match the source/],
    ['mention outside sentence', (a) => { a.mentions[0].sentence = 's3'; }, 'offset-out-of-range', 'mentions[0]', /outside its segment s3/],
    ['segment text', (a) => { a.segments[0].text = a.segments[0].text.replace('قالَ', 'قال'); }, 'text-mismatch', 'segments[0].text', /Segment s1: its text/],
    ['segment in two rows', (a) => { a.units[1].source.push('s1'); }, 'duplicate-reference', 'units[1].source[1]', /Segment s1 is in two units \(u1 and u2\)/],
    ['segment in no row', (a) => { a.units[0].source = []; }, 'unaligned', 'segments[0]', /Segment s1 is in no unit/],
  ];
  for (const [name, edit, kind, path, msg] of cases) {
    const a = clone(base);
    edit(a);
    const e = sidecarError(() => parseAnnotations(JSON.stringify(a), { text: TEXT }));
    assert.equal(e.problem, kind, name);
    assert.equal(e.path, path, name);
    assert.match(e.message, msg, name);
  }
  // overlapping segments
  const o = clone(base);
  o.segments[1].start -= 2;
  o.segments[1].text = new OffsetMap(TEXT).slice(o.segments[1].start, o.segments[1].end);
  assert.ok(checkAnnotations(o, { text: TEXT }).some((p) => p.kind === 'overlapping-segments'));
  // the source itself: a different text of another length
  assert.ok(checkAnnotations(base, { text: TEXT + 'ز' }).some((p) => p.kind === 'text-mismatch' && p.path === 'source.length'));
});

test('fuzz: random bytes, truncations and wrong types never crash and always give a message', () => {
  const json = serializeAnnotations(annotate(TEXT));
  const expectMessage = (text: string) => {
    try {
      parseAnnotations(text, { text: TEXT });
    } catch (e) {
      assert.ok(e instanceof SidecarError, `not a SidecarError: ${e instanceof Error ? e.stack : String(e)}`);
      assert.ok(e.message.length > 10);
      assert.ok(e.code === 'corrupt-sidecar' || e.code === 'newer-version');
    }
  };
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => expectMessage(new TextDecoder().decode(bytes))), { numRuns: 300 });
  fc.assert(fc.property(fc.nat(json.length - 1), (n) => expectMessage(json.slice(0, n))), { numRuns: 300 });
  const doc = JSON.parse(json);
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, Array.isArray(v) ? Number(k) : k]);
  };
  walk(doc, []);
  fc.assert(
    fc.property(fc.constantFrom(...paths.filter((p) => p.length)), fc.jsonValue(), (path, value) => {
      const d = structuredClone(doc);
      let o = d;
      for (const k of path.slice(0, -1)) o = o[k];
      o[path[path.length - 1]] = value;
      expectMessage(JSON.stringify(d));
    }),
    { numRuns: 500 },
  );
});

test('1.1 fields (provenance, comments, review, conflicts) round-trip in schema order', () => {
  const a = annotate(TEXT);
  const at = '2026-12-05T02:30:00.000Z';
  Object.assign(a.units[0], {
    reviewed: { links: ['e1'], mentions: ['m1'], en: 'Hello', at, by: 'سلمى' },
    comments: [{ text: 'راجع الاسم', kind: 'sendBack', at, by: 'سلمى', id: 'c1' }],
    at, by: 'سلمى',
  });
  Object.assign(a.mentions[0], { at, by: 'Omar' });
  a.conflicts = [{ theirs: 'B', ours: 'A', base: 'O', unit: a.units[0].id, kind: 'english', id: 'k1' }];
  const json = serializeAnnotations(a);
  const back = JSON.parse(json);
  assert.deepEqual(Object.keys(back.units[0]).slice(-4), ['by', 'at', 'comments', 'reviewed']);
  assert.deepEqual(Object.keys(back.units[0].comments[0]), ['id', 'by', 'at', 'text', 'kind']);
  assert.deepEqual(Object.keys(back.conflicts[0]), ['id', 'kind', 'unit', 'base', 'ours', 'theirs']);
  assert.equal(serializeAnnotations(parseAnnotations(json, { text: TEXT })), json);
  // a comment of an unknown kind is refused
  assert.throws(() => parseAnnotations(json.replace('"kind": "sendBack"', '"kind": "shout"')), SidecarError);
});
