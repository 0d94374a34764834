// The fast serialiser and consistency checker against the implementations they replaced
// (./sidecar-oracle.ts): byte-identical files and the same problems, in the same order, for random
// valid and randomly corrupted annotations (Arabic source with harakat, an emoji, Latin and
// Arabic-Indic digits; astral characters in the English too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAnnotations, literalsInUse, parseAnnotations, serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';
import { oracleCheck, oracleSerialize } from './sidecar-oracle.ts';

type Obj = Record<string, unknown>;
type ListName = 'segments' | 'targets' | 'units' | 'entities' | 'mentions';
const LISTS: ListName[] = ['segments', 'targets', 'units', 'entities', 'mentions'];

/** One random change; most keep the file valid-looking, many break one rule. */
type Change =
  | { op: 'number'; list: 'segments' | 'mentions'; i: number; field: 'start' | 'end'; value: number }
  | { op: 'nudge'; list: 'segments' | 'mentions'; i: number; field: 'start' | 'end'; delta: number; retext: boolean }
  | { op: 'id'; list: ListName; i: number; to: number }
  | { op: 'ref'; i: number; k: number; to: number }
  | { op: 'text'; list: 'segments' | 'targets' | 'mentions'; i: number; text: string }
  | { op: 'side'; i: number }
  | { op: 'duplicate'; list: ListName; i: number }
  | { op: 'remove'; list: ListName; i: number }
  | { op: 'reverse'; list: ListName }
  | { op: 'extra'; list: ListName | 'top'; i: number; key: string; value: unknown }
  | { op: 'undefined'; i: number }
  | { op: 'keys'; list: ListName; i: number };

const ids = ['s1', 's2', 's3', 's4', 't1', 't2', 't3', 't9', 'e1', 'e2', 'e6', 'e7', 'u1', 'u3', 'm1', 'm2'];
const listArb = fc.constantFrom(...LISTS);
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ op: fc.constant('number' as const), list: fc.constantFrom('segments' as const, 'mentions' as const), i: fc.nat(), field: fc.constantFrom('start' as const, 'end' as const), value: fc.nat(160) }),
  fc.record({ op: fc.constant('nudge' as const), list: fc.constantFrom('segments' as const, 'mentions' as const), i: fc.nat(), field: fc.constantFrom('start' as const, 'end' as const), delta: fc.integer({ min: -3, max: 3 }), retext: fc.boolean() }),
  fc.record({ op: fc.constant('id' as const), list: listArb, i: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('ref' as const), i: fc.nat(), k: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('text' as const), list: fc.constantFrom('segments' as const, 'targets' as const, 'mentions' as const), i: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ op: fc.constant('side' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), list: listArb, i: fc.nat() }),
  fc.record({ op: fc.constant('remove' as const), list: listArb, i: fc.nat() }),
  fc.record({ op: fc.constant('reverse' as const), list: listArb }),
  fc.record({ op: fc.constant('extra' as const), list: fc.constantFrom(...LISTS, 'top' as const), i: fc.nat(), key: fc.stringMatching(/^x[a-z]{0,4}$/), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ op: fc.constant('undefined' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('keys' as const), list: listArb, i: fc.nat() }),
);

function change(a: Annotations, c: Change): void {
  const list = (name: ListName) => a[name] as unknown as Obj[];
  const pick = (name: ListName, i: number) => (list(name).length ? list(name)[i % list(name).length] : undefined);
  switch (c.op) {
    case 'number': {
      const o = pick(c.list, c.i);
      if (o) o[c.field] = c.value;
      break;
    }
    case 'nudge': {
      // a small shift, often with the text following it: overlaps and edge cases by one
      const o = pick(c.list, c.i);
      if (!o) break;
      o[c.field] = Math.max(0, (o[c.field] as number) + c.delta);
      const [start, end] = [o.start as number, o.end as number];
      if (!c.retext || end < start) break;
      const holder = o.side === 'en' ? a.targets.find((t) => t.id === o.sentence)?.text : TEXT;
      if (holder !== undefined && end <= new OffsetMap(holder).cpLength) o.text = new OffsetMap(holder).slice(start, end);
      break;
    }
    case 'id': {
      const o = pick(c.list, c.i);
      if (o) o.id = ids[c.to % ids.length];
      break;
    }
    case 'ref': {
      const id = ids[c.to % ids.length];
      if (c.k % 3 === 0 && a.mentions.length) a.mentions[c.i % a.mentions.length].sentence = id;
      else if (c.k % 3 === 1 && a.mentions.length) a.mentions[c.i % a.mentions.length].entity = id;
      else if (a.units.length) {
        const u = a.units[c.i % a.units.length];
        const refs = id.startsWith('t') ? u.target : u.source;
        if (refs.length && c.k % 2) refs[c.k % refs.length] = id;
        else refs.push(id);
      }
      break;
    }
    case 'text': {
      const o = pick(c.list, c.i);
      if (o) o.text = c.text;
      break;
    }
    case 'side': {
      if (a.mentions.length) {
        const m = a.mentions[c.i % a.mentions.length];
        m.side = m.side === 'ar' ? 'en' : 'ar';
      }
      break;
    }
    case 'duplicate': {
      const o = pick(c.list, c.i);
      if (o) list(c.list).push(structuredClone(o));
      break;
    }
    case 'remove':
      if (list(c.list).length) list(c.list).splice(c.i % list(c.list).length, 1);
      break;
    case 'reverse':
      list(c.list).reverse();
      break;
    case 'extra': {
      const o = c.list === 'top' ? (a as unknown as Obj) : pick(c.list, c.i);
      if (o) o[c.key] = c.value;
      break;
    }
    case 'undefined': {
      // optional fields absent, or present with the value undefined
      if (a.units.length) a.units[c.i % a.units.length].confidence = c.i % 2 ? undefined : (c.i % 100) / 100;
      if (a.entities.length) a.entities[c.i % a.entities.length].ar = undefined;
      break;
    }
    case 'keys': {
      const o = pick(c.list, c.i);
      if (o) {
        const entries = Object.entries(o).reverse();
        for (const k of Object.keys(o)) delete o[k];
        for (const [k, v] of entries) o[k] = v;
      }
      break;
    }
  }
}

const englishArb = fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 });
const sourceArb = fc.constantFrom<string | undefined>(undefined, TEXT, TEXT + 'ز', TEXT.replace('الرياض', 'الرياد'), '😀' + TEXT.slice(1));

/** Result of a call, or the exception's class and message: both implementations must agree either way. */
function outcome<T>(f: () => T): T | { threw: string } {
  try {
    return f();
  } catch (e) {
    return { threw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

test('property: the serialiser writes exactly the bytes of the previous one', () => {
  fc.assert(
    fc.property(englishArb, fc.array(changeArb, { maxLength: 12 }), (english, changes) => {
      const a = annotate(TEXT, english);
      for (const c of changes) change(a, c);
      assert.equal(serializeAnnotations(a), oracleSerialize(a));
    }),
    { numRuns: 400 },
  );
});

test('property: the checker finds the same problems as the previous one, in the same order', () => {
  fc.assert(
    fc.property(englishArb, fc.array(changeArb, { maxLength: 8 }), sourceArb, (english, changes, text) => {
      const a = annotate(TEXT, english);
      for (const c of changes) change(a, c);
      const source = text === undefined ? undefined : { text };
      assert.deepEqual(outcome(() => checkAnnotations(a, source)), outcome(() => oracleCheck(a, source)));
    }),
    { numRuns: 1000 },
  );
});

test('the checker accepts every valid file and stops at MAX_PROBLEMS like before', () => {
  const a = annotate(TEXT);
  assert.deepEqual(checkAnnotations(a, { text: TEXT }), []);
  assert.deepEqual(checkAnnotations(a), []);
  // many broken items: the same first 50 problems
  const b = structuredClone(a);
  for (let i = 0; i < 80; i++) b.mentions.push({ ...b.mentions[0], id: 'm' + (100 + i), entity: 'e99' });
  const got = checkAnnotations(b, { text: TEXT });
  assert.equal(got.length, 50);
  assert.deepEqual(got, oracleCheck(b, { text: TEXT }));
});

test('Arabic and astral mention texts are compared by code points on both sides', () => {
  const a = annotate(TEXT);
  // an English sentence with an emoji before the name: code points, not UTF-16 units
  const t = a.targets[0];
  t.text = '😀😀 Riyadh';
  a.mentions = a.mentions.filter((m) => m.sentence !== t.id);
  a.mentions.push({ id: 'm90', side: 'en', sentence: t.id, start: 3, end: 9, text: 'Riyadh', type: 'LOC', entity: 'e2' });
  assert.deepEqual(checkAnnotations(a, { text: TEXT }), []);
  assert.equal(new OffsetMap(t.text).slice(3, 9), 'Riyadh');
  a.mentions[a.mentions.length - 1].start = 4;
  a.mentions[a.mentions.length - 1].end = 10;
  assert.deepEqual(checkAnnotations(a).map((p) => p.kind), ['offset-out-of-range']);
  // without the source, the stored segment texts are what mentions are checked against
  const b = annotate(TEXT);
  b.segments[1].text = b.segments[1].text.replace('شركة', 'شركه');
  const problems = checkAnnotations(b);
  assert.deepEqual(problems, []); // the stored texts agree with themselves
  assert.equal(checkAnnotations(b, { text: TEXT })[0].path, 'segments[1].text');
});

test('every row-level literal of the serialiser is in use (a schema change cannot leave one stale)', () => {
  serializeAnnotations(annotate(TEXT));
  assert.deepEqual(
    [...literalsInUse].sort(),
    [
      'id,side,sentence,start,end,text,type,entity,by,at',
      'id,source,target,status,origin,confidence,confirmed,qaIgnore,by,at,comments,reviewed',
      'id,start,end,text,origin',
      'id,text',
      'id,type,ar,en,by,at',
    ],
  );
});

test('extra fields named like Object.prototype members are kept, not dropped', () => {
  const a = annotate(TEXT);
  Object.assign(a.segments[0], { constructor: 'x' });
  Object.assign(a, { toString: 'y' });
  const json = serializeAnnotations(a);
  const back = JSON.parse(json);
  assert.equal(back.segments[0].constructor, 'x');
  assert.equal(back.toString, 'y');
  // and a file read back (as a newer minor version) writes the same bytes again
  const raw = { ...back, version: '1.9' };
  assert.equal(serializeAnnotations(parseAnnotations(JSON.stringify(raw), { text: TEXT })), json.replace('"version": "1.1"', '"version": "1.9"'));
});

test('rows whose keys come in another order, or with an unknown key between known ones, are written in schema order', () => {
  const a = annotate(TEXT);
  const m = a.mentions[0];
  a.mentions[0] = { entity: m.entity, type: m.type, text: m.text, end: m.end, start: m.start, sentence: m.sentence, side: m.side, id: m.id };
  const u = a.units[1] as unknown as Record<string, unknown>;
  a.units[1] = { id: u.id, zNote: 'ملاحظة', source: u.source, target: u.target, status: u.status, origin: u.origin } as unknown as (typeof a.units)[number];
  const json = serializeAnnotations(a);
  assert.equal(json, oracleSerialize(a));
  assert.ok(json.includes(`{\n      "id": "${m.id}",\n      "side": "${m.side}"`));
});
