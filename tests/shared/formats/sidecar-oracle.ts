// Test oracle: the sidecar serialiser and consistency checker as they were before the fast paths
// (commit 171fbe1), kept verbatim so property tests can prove the new code gives byte-identical
// files and the same problems. Not used by the app.
import type { z } from 'zod';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { OffsetMap, cpLength } from '../../../shared/text/offsets.ts';
import { MAX_PROBLEMS, type SidecarProblem, type SidecarProblemKind } from '../../../shared/formats/sidecar.ts';

// ---------------------------------------------------------------------------------------------
// Serialising

/** Numeric part of an id (s12 → 12), for ordering ids the way people read them. */
function idNum(id: string): number {
  const m = /[0-9]+$/.exec(id);
  return m ? Number(m[0]) : 0;
}

function byId(a: { id: string }, b: { id: string }): number {
  return idNum(a.id) - idNum(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The annotations with every array in document order: segments by position; units as given (their
 * order IS the row order); targets in the order the rows use them; entities by id; mentions Arabic
 * first by position, then English by row order and position. A pure reordering: nothing is renamed.
 */
export function oracleCanonicalOrder(a: Annotations): Annotations {
  const segments = [...a.segments].sort((x, y) => x.start - y.start || x.end - y.end || byId(x, y));
  const targetRank = new Map<string, number>();
  for (const u of a.units) for (const t of u.target) if (!targetRank.has(t)) targetRank.set(t, targetRank.size);
  const rankOf = (id: string) => targetRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const targets = [...a.targets].sort((x, y) => rankOf(x.id) - rankOf(y.id) || byId(x, y));
  const entities = [...a.entities].sort(byId);
  const mentions = [...a.mentions].sort((x, y) => {
    if (x.side !== y.side) return x.side === 'ar' ? -1 : 1;
    if (x.side === 'en') {
      const r = rankOf(x.sentence) - rankOf(y.sentence);
      if (r) return r;
      if (x.sentence !== y.sentence) return x.sentence < y.sentence ? -1 : 1;
    }
    return x.start - y.start || x.end - y.end || byId(x, y);
  });
  return { ...a, segments, targets, entities, mentions };
}

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  options?: AnySchema[];
  discriminator?: string;
}
const defOf = (s: AnySchema) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers (optional, default, nullable) off a schema. */
function unwrap(s: AnySchema): AnySchema {
  let d = defOf(s);
  while ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') && d.innerType) {
    s = d.innerType;
    d = defOf(s);
  }
  return s;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys sorted recursively, for values the schema does not describe (extra fields). */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortedKeys(v[k]);
  return out;
}

type Orderer = (v: unknown) => unknown;

/** The discriminated union's option for `v`, matched on the discriminator's literal. */
function unionOption(d: Def, v: Record<string, unknown>): AnySchema | undefined {
  const key = d.discriminator;
  if (!key || !d.options) return undefined;
  return d.options.find((o) => {
    const sh = defOf(unwrap(o)).shape;
    const lit = sh?.[key] ? (defOf(sh[key]) as unknown as { values?: unknown[] }).values : undefined;
    return lit?.includes(v[key]);
  });
}

/**
 * A function putting object keys in the schema's declaration order (then unknown keys sorted) and
 * dropping undefined values. Compiled once per schema: ordering 10,000 rows must not re-read zod
 * internals for every object. null means "leave the value as it is".
 */
function compileOrderer(schema: AnySchema): Orderer | null {
  const d = defOf(unwrap(schema));
  if (d.type === 'array' && d.element) {
    const el = compileOrderer(d.element);
    return (v) => (Array.isArray(v) ? (el ? v.map(el) : v) : v);
  }
  if (d.type === 'union' && d.options) {
    const compiled = new Map<AnySchema, Orderer | null>();
    return (v) => {
      if (!isPlainObject(v)) return v;
      const opt = unionOption(d, v);
      if (!opt) return sortedKeys(v);
      if (!compiled.has(opt)) compiled.set(opt, compileOrderer(opt));
      const f = compiled.get(opt);
      return f ? f(v) : v;
    };
  }
  if (d.type === 'object' && d.shape) {
    const shape = d.shape;
    const keys = Object.keys(shape);
    const subs = keys.map((k) => compileOrderer(shape[k]));
    return (v) => {
      if (!isPlainObject(v)) return v;
      const out: Record<string, unknown> = {};
      let known = 0;
      for (let i = 0; i < keys.length; i++) {
        const x = v[keys[i]];
        if (x === undefined) continue;
        const f = subs[i];
        out[keys[i]] = f ? f(x) : x;
        known++;
      }
      // unknown keys (a newer minor version's fields) are rare: look only when the count says so
      const all = Object.keys(v);
      if (all.length !== known) {
        const extra = all.filter((k) => !(k in shape) && v[k] !== undefined).sort();
        for (const k of extra) out[k] = sortedKeys(v[k]);
      }
      return out;
    };
  }
  return null;
}

let annotationsOrderer: Orderer | null | undefined;

/** The sidecar text for `a`: deterministic (see the file header). Does not validate. */
export function oracleSerialize(a: Annotations): string {
  if (annotationsOrderer === undefined) annotationsOrderer = compileOrderer(AnnotationsSchema);
  const ordered = oracleCanonicalOrder(a);
  return JSON.stringify(annotationsOrderer ? annotationsOrderer(ordered) : ordered, null, 2) + '\n';
}

/**
 * Every cross-check the schema cannot express, as a list (empty = fine): spans ordered and in
 * range, ids unique per list, units referencing existing segments/targets exactly once each,
 * mentions inside their sentence and pointing at existing entities, stored texts matching their
 * offsets (within the stored segment texts always; against `source.text` when given).
 */
export function oracleCheck(a: Annotations, source?: { text: string }): SidecarProblem[] {
  const problems: SidecarProblem[] = [];
  const add = (kind: SidecarProblemKind, path: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ kind, path, message });
  };
  const map = source ? new OffsetMap(source.text) : null;
  if (map && map.cpLength !== a.source.length) {
    add('text-mismatch', 'source.length', `source.length is ${a.source.length} but the source text has ${map.cpLength} code points.`);
  }
  const limit = map ? map.cpLength : a.source.length;

  const uniqueIds = <T extends { id: string }>(list: T[], name: string): Map<string, T> => {
    const seen = new Map<string, T>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add('duplicate-id', `${name}[${i}].id`, `Duplicate id "${x.id}" in ${name} (item ${i}).`);
      else seen.set(x.id, x);
    });
    return seen;
  };
  const segById = uniqueIds(a.segments, 'segments');
  const tgtById = uniqueIds(a.targets, 'targets');
  uniqueIds(a.units, 'units');
  const entById = uniqueIds(a.entities, 'entities');
  uniqueIds(a.mentions, 'mentions');

  // segments: valid spans, in range, texts consistent, no overlaps
  a.segments.forEach((s, i) => {
    const p = `segments[${i}]`;
    if (s.end < s.start) return add('invalid-span', p, `Segment ${s.id}: end ${s.end} is before start ${s.start}.`);
    if (s.end > limit) return add('offset-out-of-range', `${p}.end`, `Segment ${s.id}: end ${s.end} is past the end of the source (${limit} code points).`);
    if (map) {
      if (map.slice(s.start, s.end) !== s.text) add('text-mismatch', `${p}.text`, `Segment ${s.id}: its text does not match the source at ${s.start}–${s.end}.`);
    } else if (cpLength(s.text) !== s.end - s.start) {
      add('text-mismatch', `${p}.text`, `Segment ${s.id}: its text has ${cpLength(s.text)} code points but its span ${s.start}–${s.end} has ${s.end - s.start}.`);
    }
  });
  const sorted = a.segments.map((s, i) => ({ s, i })).filter(({ s }) => s.end >= s.start).sort((x, y) => x.s.start - y.s.start || x.s.end - y.s.end);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1].s;
    const cur = sorted[k].s;
    if (cur.start < prev.end) add('overlapping-segments', `segments[${sorted[k].i}]`, `Segments ${prev.id} (${prev.start}–${prev.end}) and ${cur.id} (${cur.start}–${cur.end}) overlap.`);
  }

  // units: references resolve, each segment and target sentence in exactly one unit
  const segUse = new Map<string, string>();
  const tgtUse = new Map<string, string>();
  a.units.forEach((u, i) => {
    u.source.forEach((id, k) => {
      const p = `units[${i}].source[${k}]`;
      if (!segById.has(id)) add('dangling-reference', p, `Unit ${u.id} refers to segment "${id}", which does not exist.`);
      else if (segUse.has(id)) add('duplicate-reference', p, `Segment ${id} is in two units (${segUse.get(id)} and ${u.id}).`);
      else segUse.set(id, u.id);
    });
    u.target.forEach((id, k) => {
      const p = `units[${i}].target[${k}]`;
      if (!tgtById.has(id)) add('dangling-reference', p, `Unit ${u.id} refers to target sentence "${id}", which does not exist.`);
      else if (tgtUse.has(id)) add('duplicate-reference', p, `Target sentence ${id} is in two units (${tgtUse.get(id)} and ${u.id}).`);
      else tgtUse.set(id, u.id);
    });
  });
  a.segments.forEach((s, i) => {
    if (!segUse.has(s.id)) add('unaligned', `segments[${i}]`, `Segment ${s.id} is in no unit, so it would not be shown.`);
  });
  a.targets.forEach((t, i) => {
    if (!tgtUse.has(t.id)) add('unaligned', `targets[${i}]`, `Target sentence ${t.id} is in no unit, so it would not be shown.`);
  });

  // mentions: inside their sentence, texts match, entity exists
  const segMaps = new Map<string, OffsetMap>();
  const mapFor = (key: string, text: string) => {
    let m = segMaps.get(key);
    if (!m) segMaps.set(key, (m = new OffsetMap(text)));
    return m;
  };
  a.mentions.forEach((m, i) => {
    const p = `mentions[${i}]`;
    if (!entById.has(m.entity)) add('dangling-reference', `${p}.entity`, `Mention ${m.id} refers to entity "${m.entity}", which does not exist.`);
    if (m.end <= m.start) return add('invalid-span', p, `Mention ${m.id}: end ${m.end} is not after start ${m.start}.`);
    if (m.side === 'ar') {
      const s = segById.get(m.sentence);
      if (!s) return add('dangling-reference', `${p}.sentence`, `Mention ${m.id} refers to segment "${m.sentence}", which does not exist.`);
      if (m.start < s.start || m.end > s.end) {
        return add('offset-out-of-range', p, `Mention ${m.id} (${m.start}–${m.end}) lies outside its segment ${s.id} (${s.start}–${s.end}).`);
      }
      if (s.end < s.start || cpLength(s.text) !== s.end - s.start) return; // reported on the segment
      const got = map && map.cpLength >= m.end ? map.slice(m.start, m.end) : mapFor('s:' + s.id, s.text).slice(m.start - s.start, m.end - s.start);
      if (got !== m.text) add('text-mismatch', `${p}.text`, `Mention ${m.id}: its text ${JSON.stringify(m.text)} does not match the source at ${m.start}–${m.end} (${JSON.stringify(got)}).`);
    } else {
      const t = tgtById.get(m.sentence);
      if (!t) return add('dangling-reference', `${p}.sentence`, `Mention ${m.id} refers to target sentence "${m.sentence}", which does not exist.`);
      const tm = mapFor('t:' + t.id, t.text);
      if (m.end > tm.cpLength) {
        return add('offset-out-of-range', p, `Mention ${m.id} (${m.start}–${m.end}) lies outside its target sentence ${t.id} (${tm.cpLength} code points).`);
      }
      const got = tm.slice(m.start, m.end);
      if (got !== m.text) add('text-mismatch', `${p}.text`, `Mention ${m.id}: its text ${JSON.stringify(m.text)} does not match target sentence ${t.id} at ${m.start}–${m.end} (${JSON.stringify(got)}).`);
    }
  });
  return problems;
}
