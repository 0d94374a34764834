// The annotation file `<name>.annotations.json`: deterministic serialisation and strict parsing.
//
// serializeAnnotations writes keys in schema order (unknown keys from a newer minor version after
// them, sorted), arrays in document order, 2-space indent and a final newline, so the same
// annotations always give the same bytes and a one-row edit is a small git diff.
//
// parseAnnotations accepts only a file that is safe to edit: valid JSON, a known major version
// (older majors migrated), the zod schema, and the cross-checks the schema cannot express (spans in
// range, unique ids, references that resolve, stored texts equal to the source slices). Every
// failure is a SidecarError with a message for the user and, where known, the path in the JSON.
import type { z } from 'zod';
import { AnnotationsSchema, FORMAT_NAME, FORMAT_VERSION } from '../model/schema.ts';
import type { Annotations } from '../model/types.ts';
import { OffsetMap, cpLength } from '../text/offsets.ts';
import { locateJsonError } from './json-locate.ts';
import { region, sameTargetRows } from './identity-region.ts';
import { VersionError, migrateToCurrent, parseVersion, type Migration, type RawSidecar } from './migrate.ts';

/** Specific kinds of sidecar problems (each maps to a contract error code, see SidecarError.code). */
export type SidecarProblemKind =
  | 'invalid-json'
  | 'not-a-sidecar'
  | 'bad-version'
  | 'newer-version'
  | 'no-migration'
  | 'schema'
  | 'offset-out-of-range'
  | 'invalid-span'
  | 'overlapping-segments'
  | 'duplicate-id'
  | 'dangling-reference'
  | 'duplicate-reference'
  | 'unaligned'
  | 'text-mismatch';

/** One thing wrong with a sidecar. */
export interface SidecarProblem {
  /** what kind of problem */
  kind: SidecarProblemKind;
  /** for the user: names the field or item and what is wrong */
  message: string;
  /** where in the JSON, e.g. `segments[3].end` (absent for whole-file problems) */
  path?: string;
}

/** A sidecar that cannot be used as is. `code` is the host contract's error code. */
export class SidecarError extends Error {
  /** 'newer-version' for a file of a later major version, else 'corrupt-sidecar' */
  readonly code: 'corrupt-sidecar' | 'newer-version';
  /** the first (reported) problem's kind */
  readonly problem: SidecarProblemKind;
  /** path in the JSON of the first problem, when known */
  readonly path?: string;
  /** every problem found (at most MAX_PROBLEMS), first one first */
  readonly problems: SidecarProblem[];
  /** 1-based line and column of a JSON syntax error */
  readonly line?: number;
  readonly column?: number;

  constructor(problems: SidecarProblem[], pos?: { line: number; column: number }) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(first.message + more);
    this.name = 'SidecarError';
    this.code = first.kind === 'newer-version' ? 'newer-version' : 'corrupt-sidecar';
    this.problem = first.kind;
    this.path = first.path;
    this.problems = problems;
    if (pos) {
      this.line = pos.line;
      this.column = pos.column;
    }
  }
}

/** Checks stop collecting after this many problems: a broken file can have thousands. */
export const MAX_PROBLEMS = 50;

// ---------------------------------------------------------------------------------------------
// Serialising

/** Numeric part of an id (s12 → 12), for ordering ids the way people read them. */
function idNum(id: string): number {
  // the trailing digits, scanned by hand: this runs in sort comparators, thousands of times
  let i = id.length;
  while (i > 0) {
    const c = id.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  return i === id.length ? 0 : Number(id.slice(i));
}

function byId(a: { id: string }, b: { id: string }): number {
  return idNum(a.id) - idNum(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A list as given and as canonicalOrder returned it (the same array when it was in order). */
interface Ordered<T> {
  input: readonly T[];
  output: T[];
}

/** Changed items of a list given in another order that canonicalOrder puts in place of their
 * previous versions without sorting again (more: sort). */
const MAX_REPLACED = 16;

/** `list` itself when it is already in `cmp` order (the usual case: the editor keeps document
 * order), else a sorted copy. Sorting is stable, so both give the same sequence. `before`: an
 * earlier version of the list and its order under the same `cmp`; only what differs from it (by
 * identity) is compared again. */
function inOrder<T>(list: T[], cmp: (x: T, y: T) => number, before?: Ordered<T>): T[] {
  let from = 1;
  let to = list.length;
  if (before) {
    const [s, ep, e] = region(before.input, list);
    if (before.output === before.input) {
      // it was in order: only the pairs touching changed items can be out of it now
      from = Math.max(s, 1);
      to = Math.min(e + 1, list.length);
    } else if (s === ep && s === e) {
      return before.output;
    } else if (ep === e && e - s <= MAX_REPLACED) {
      // items replaced by versions with the same sort key take their places in the sorted list
      const out = [...before.output];
      const taken = new Set<number>();
      let ok = true;
      for (let i = s; i < e && ok; i++) {
        const p = before.input[i];
        if (p === list[i]) continue;
        const at = cmp(p, list[i]) === 0 ? before.output.indexOf(p) : -1;
        // (the same object twice in a list: sort)
        if (at < 0 || taken.has(at)) ok = false;
        taken.add(at);
        out[at] = list[i];
      }
      if (ok) return out;
    }
  }
  for (let i = from; i < to; i++) if (cmp(list[i - 1], list[i]) > 0) return [...list].sort(cmp);
  return list;
}

/** Each version canonicalOrder ordered, and its result. */
const orderedOf = new WeakMap<Annotations, Annotations>();

/**
 * The annotations with every array in document order: segments by position; units as given (their
 * order IS the row order); targets in the order the rows use them; entities by id; mentions Arabic
 * first by position, then English by row order and position. A pure reordering: nothing is renamed.
 * Arrays already in order are shared with `a`, not copied. `since`: an earlier version of the same
 * report ordered before (and never mutated since); when its rows hold the same target sentences,
 * only the items that are not the same objects as its own are compared.
 */
export function canonicalOrder(a: Annotations, since?: Annotations): Annotations {
  const done = since && sameTargetRows(since.units, a.units) ? orderedOf.get(since) : undefined;
  const was = <K extends 'segments' | 'targets' | 'entities' | 'mentions'>(k: K) =>
    done && since ? ({ input: since[k], output: done[k] } as Ordered<Annotations[K][number]>) : undefined;
  const segments = inOrder(a.segments, (x, y) => x.start - y.start || x.end - y.end || byId(x, y), was('segments'));
  // built at the first comparison that needs it (none when no target or English mention changed)
  let targetRank: Map<string, number> | undefined;
  const rankOf = (id: string) => {
    if (!targetRank) {
      targetRank = new Map();
      for (const u of a.units) for (const t of u.target) if (!targetRank.has(t)) targetRank.set(t, targetRank.size);
    }
    return targetRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  };
  const targets = inOrder(a.targets, (x, y) => rankOf(x.id) - rankOf(y.id) || byId(x, y), was('targets'));
  const entities = inOrder(a.entities, byId, was('entities'));
  const mentions = inOrder(a.mentions, (x, y) => {
    if (x.side !== y.side) return x.side === 'ar' ? -1 : 1;
    if (x.side === 'en') {
      const r = rankOf(x.sentence) - rankOf(y.sentence);
      if (r) return r;
      if (x.sentence !== y.sentence) return x.sentence < y.sentence ? -1 : 1;
    }
    return x.start - y.start || x.end - y.end || byId(x, y);
  }, was('mentions'));
  const out = { ...a, segments, targets, entities, mentions };
  orderedOf.set(a, out);
  return out;
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

// Serialising is building copies with keys in schema order, then one native
// `JSON.stringify(…, null, 2)`. The copies of the thousands of row-level objects (segments,
// targets, units, entities, mentions) are made by the object literals below: V8 gives them one
// shape and builds them in a fraction of what a generic loop over the schema's keys costs.
// They are used only where the schema's field list is exactly theirs and every field is a plain
// value or a list of plain values, and only for objects without unknown fields; everything else
// (a schema that changed, a newer minor version's extra fields) takes the generic, schema-driven
// path. A test checks every literal is in use, so a schema change cannot leave one stale.

/** A copy of a row-level object with keys in schema order (undefined values are left out by JSON.stringify). */
type Literal = (v: Record<string, unknown>) => Record<string, unknown>;

// `rare`: keys whose values are objects (a row's comments and review). The literal leaves them out,
// so an object that has one fails the key-count check below and takes the generic path.
const LITERALS: { keys: string[]; rare?: string[]; build: Literal }[] = [
  { keys: ['id', 'start', 'end', 'text', 'origin'], build: (v) => ({ id: v.id, start: v.start, end: v.end, text: v.text, origin: v.origin }) },
  { keys: ['id', 'text'], build: (v) => ({ id: v.id, text: v.text }) },
  {
    keys: ['id', 'source', 'target', 'status', 'origin', 'confidence', 'confirmed', 'qaIgnore', 'by', 'at', 'comments', 'reviewed'],
    rare: ['comments', 'reviewed'],
    build: (v) => ({
      id: v.id, source: v.source, target: v.target, status: v.status, origin: v.origin, confidence: v.confidence, confirmed: v.confirmed, qaIgnore: v.qaIgnore,
      by: v.by, at: v.at,
    }),
  },
  { keys: ['id', 'type', 'ar', 'en', 'by', 'at'], build: (v) => ({ id: v.id, type: v.type, ar: v.ar, en: v.en, by: v.by, at: v.at }) },
  {
    keys: ['id', 'side', 'sentence', 'start', 'end', 'text', 'type', 'entity', 'by', 'at'],
    build: (v) => ({ id: v.id, side: v.side, sentence: v.sentence, start: v.start, end: v.end, text: v.text, type: v.type, entity: v.entity, by: v.by, at: v.at }),
  },
];

/** Key lists of the literals the compiled serialiser uses (tests: none may go unused). */
export const literalsInUse = new Set<string>();

/** Own enumerable keys of `v`, and those of `copy` with a value: equal when `v` has no unknown fields. */
function ownKeyCount(v: object): number {
  let n = 0;
  for (const k in v) if (Object.hasOwn(v, k)) n++;
  return n;
}
function definedCount(copy: Record<string, unknown>): number {
  let n = 0;
  for (const k in copy) if (copy[k] !== undefined) n++;
  return n;
}

/** Whether the own keys of `v` all belong to `keys` and come in that order (some may be absent). */
function inKeyOrder(v: Record<string, unknown>, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) return false;
    while (i < keys.length && keys[i] !== k) i++;
    if (i === keys.length) return false;
    i++;
  }
  return true;
}

/** True for a schema whose values the orderer leaves as they are: plain values and lists of them. */
function isPlainValue(s: AnySchema): boolean {
  const d = defOf(unwrap(s));
  if (d.type === 'array') return !!d.element && isPlainValue(d.element);
  return d.type !== 'object' && d.type !== 'union' && d.type !== 'record' && d.type !== 'tuple' && d.type !== 'intersection';
}

/** The object orderer: the literal for the schema's key list when there is one, else the generic one. */
function withLiteral(shape: Record<string, AnySchema>, generic: Orderer): Orderer {
  const keys = Object.keys(shape);
  const lit = LITERALS.find((l) => l.keys.length === keys.length && l.keys.every((k, i) => k === keys[i]));
  if (!lit || !keys.every((k) => lit.rare?.includes(k) || isPlainValue(shape[k]))) return generic;
  literalsInUse.add(lit.keys.join(','));
  const build = lit.build;
  return (v) => {
    if (!isPlainObject(v)) return v;
    // the usual case (schema output, a file we wrote): keys already in schema order and none
    // unknown, so the object serialises as its copy would; no copy is made
    if (inKeyOrder(v, keys)) return v;
    const copy = build(v);
    return ownKeyCount(v) === definedCount(copy) ? copy : generic(v);
  };
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
    return withLiteral(shape, (v) => {
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
        const extra = all.filter((k) => !Object.hasOwn(shape, k) && v[k] !== undefined).sort();
        for (const k of extra) out[k] = sortedKeys(v[k]);
      }
      return out;
    });
  }
  return null;
}

let annotationsOrderer: Orderer | null | undefined;

/** The sidecar text for `a`: deterministic (see the file header). Does not validate. */
export function serializeAnnotations(a: Annotations): string {
  if (annotationsOrderer === undefined) annotationsOrderer = compileOrderer(AnnotationsSchema);
  const ordered = canonicalOrder(a);
  return JSON.stringify(annotationsOrderer ? annotationsOrderer(ordered) : ordered, null, 2) + '\n';
}

/** The row-level lists serializeInPieces hands over in chunks (everything else is small). */
export const ROW_LISTS = ['segments', 'targets', 'units', 'entities', 'mentions'] as const;
export type RowList = (typeof ROW_LISTS)[number];

/** A chunk ends after an item whose id's number is ≡ CHUNK_MOD - 1 (mod CHUNK_MOD), or at CHUNK_MAX items:
 * boundaries follow the ids, so a row inserted or removed changes one chunk, not every one after it. */
const CHUNK_MOD = 64;
const CHUNK_MAX = 256;

let elementOrderers: Map<RowList, Orderer | null> | undefined;

/** The text of `items` (consecutive items of list `key`, in canonical order) as they stand in the file,
 * without the separators around them: each item at the file's indentation (four spaces). */
function renderChunk(key: RowList, items: readonly object[]): string {
  elementOrderers ??= new Map(ROW_LISTS.map((k) => {
    const d = defOf(unwrap(AnnotationsSchema.shape[k]));
    return [k, d.element ? compileOrderer(d.element) : null];
  }));
  const el = elementOrderers.get(key);
  // the chunk under its list's key in an object, as in the file: its items come out at the file's
  // depth (`{\n  "key": [\n    {…},\n    {…}\n  ]\n}`), and only the frame is cut off
  const s = JSON.stringify({ [key]: el ? items.map(el) : items }, null, 2);
  return s.slice(key.length + 10, -6);
}

const slot = (key: RowList) => `@@muwazi-list:${key}@@`;

/**
 * serializeAnnotations(a) in pieces, for a writer that keeps the rendering of unchanged items
 * (electron/host/sidecar-bytes.ts): the concatenation of what `text` and `chunk` receive, in
 * order, is exactly serializeAnnotations(a). The row lists come in chunks of consecutive items;
 * `chunk` gets the list's name, the items and a function rendering them (call it, or return a
 * rendering of the very same items made before: a chunk's text depends on its items alone).
 * `since`: the version serialised before (see canonicalOrder).
 */
export function serializeInPieces<T>(
  a: Annotations,
  out: { text: (s: string) => T; chunk: (key: RowList, items: readonly object[], render: () => string) => T },
  since?: Annotations,
): T[] {
  if (annotationsOrderer === undefined) annotationsOrderer = compileOrderer(AnnotationsSchema);
  const ordered = canonicalOrder(a, since);
  // the top level with each non-empty row list replaced by a placeholder string; the array
  // orderer leaves a string as it is, so the items are not visited here
  const shell: Record<string, unknown> = { ...ordered };
  for (const k of ROW_LISTS) if (Array.isArray(shell[k]) && (shell[k] as unknown[]).length) shell[k] = slot(k);
  const top = JSON.stringify(annotationsOrderer ? annotationsOrderer(shell) : shell, null, 2) + '\n';
  const pieces: T[] = [];
  let from = 0;
  for (const k of ROW_LISTS) {
    if (typeof shell[k] !== 'string') continue;
    // a top-level key is the only thing at two spaces after a line break (strings cannot hold a raw one)
    const marker = `\n  ${JSON.stringify(k)}: "${slot(k)}"`;
    const at = top.indexOf(marker, from);
    if (at < 0) throw new Error(`serializeInPieces: no slot for ${k}`);
    pieces.push(out.text(top.slice(from, at + marker.length - slot(k).length - 2) + '[\n'));
    const items = ordered[k] as unknown as object[];
    for (let i = 0; i < items.length; ) {
      let j = i;
      while (j < items.length && j - i < CHUNK_MAX) {
        const id = (items[j] as { id?: unknown }).id;
        j++;
        if (typeof id === 'string' && idNum(id) % CHUNK_MOD === CHUNK_MOD - 1) break;
      }
      const part = items.slice(i, j);
      if (i) pieces.push(out.text(',\n'));
      pieces.push(out.chunk(k, part, () => renderChunk(k, part)));
      i = j;
    }
    pieces.push(out.text('\n  ]'));
    from = at + marker.length;
  }
  pieces.push(out.text(top.slice(from)));
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Parsing and checking

/** `segments[3].end` from a zod issue path. */
function pathString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : (out ? '.' : '') + String(p);
  return out;
}

/** Extra fields of a newer minor version, copied from the raw JSON onto the parsed value (zod strips them). */
function keepExtras(schema: AnySchema, raw: unknown, parsed: unknown): unknown {
  const s = unwrap(schema);
  const d = defOf(s);
  if (d.type === 'array' && d.element && Array.isArray(raw) && Array.isArray(parsed)) {
    const el = d.element;
    return parsed.map((p, i) => keepExtras(el, raw[i], p));
  }
  if (d.type === 'object' && d.shape && isPlainObject(raw) && isPlainObject(parsed)) {
    const out: Record<string, unknown> = {};
    // hasOwn, not `in`: a field named like an Object.prototype member ("constructor") is an extra too
    for (const k of Object.keys(parsed)) out[k] = Object.hasOwn(d.shape, k) ? keepExtras(d.shape[k], raw[k], parsed[k]) : parsed[k];
    for (const k of Object.keys(raw)) if (!Object.hasOwn(d.shape, k)) out[k] = raw[k];
    return out;
  }
  return parsed;
}

/** Options of parseAnnotations. */
export interface ParseOptions {
  /** migrations to use instead of the built-in registry (tests) */
  migrations?: Readonly<Record<number, Migration>>;
  /** false: only JSON, version and schema; the caller runs checkAnnotations itself (once, with
   * the source when its hash matches). Default true. */
  check?: boolean;
  /** false: skip the zod schema, for content known to have passed it (the host's record of
   * validated sidecar hashes). JSON, format, version and migration are still checked. Default true. */
  schema?: boolean;
}

/**
 * Parses and checks a sidecar. With `source`, also checks that every stored text equals the
 * source slice at its offsets (pass it only when the source's hash matches the sidecar's; a
 * changed source goes through drift re-anchoring instead). Throws SidecarError.
 */
export function parseAnnotations(json: string, source?: { text: string }, options: ParseOptions = {}): Annotations {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    const loc = locateJsonError(json);
    const where = loc ? `line ${loc.line}, column ${loc.column}: expected ${loc.expected}` : 'unknown position';
    const empty = json.trim() === '' ? ' (the file is empty)' : '';
    throw new SidecarError([{ kind: 'invalid-json', message: `The annotation file is not valid JSON${empty} (${where}).` }], loc ?? undefined);
  }
  if (!isPlainObject(raw)) {
    throw new SidecarError([{ kind: 'not-a-sidecar', message: 'The annotation file does not hold a JSON object.' }]);
  }
  if (raw.format !== FORMAT_NAME) {
    throw new SidecarError([
      { kind: 'not-a-sidecar', path: 'format', message: `This is not a Muwazi annotation file: "format" is ${JSON.stringify(raw.format) ?? 'missing'}, expected "${FORMAT_NAME}".` },
    ]);
  }
  let migrated: RawSidecar;
  try {
    migrated = migrateToCurrent(raw, options.migrations).value;
  } catch (e) {
    if (e instanceof VersionError) throw new SidecarError([{ kind: e.problem, path: 'version', message: e.message }]);
    throw e;
  }
  if (options.schema === false) {
    const a = migrated as unknown as Annotations;
    return options.check === false ? a : throwProblems(a, checkAnnotations(a, source));
  }
  const r = AnnotationsSchema.safeParse(migrated);
  if (!r.success) {
    const problems = r.error.issues.slice(0, MAX_PROBLEMS).map((i): SidecarProblem => {
      const path = pathString(i.path);
      return { kind: 'schema', path, message: `Field ${path || '(root)'}: ${i.message}.` };
    });
    throw new SidecarError(problems);
  }
  const cur = parseVersion(FORMAT_VERSION)!;
  const v = parseVersion(migrated.version)!;
  const a = (v.major === cur.major && v.minor > cur.minor ? keepExtras(AnnotationsSchema, migrated, r.data) : r.data) as Annotations;
  if (options.check === false) return a;
  return throwProblems(a, checkAnnotations(a, source));
}

function throwProblems(a: Annotations, problems: SidecarProblem[]): Annotations {
  if (problems.length) throw new SidecarError(problems);
  return a;
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** cpLength, with the usual case (no astral character: one code point per UTF-16 unit) found by a native regex scan. */
function codePoints(text: string): number {
  return HIGH_SURROGATE.test(text) ? cpLength(text) : text.length;
}

/**
 * Every cross-check the schema cannot express, as a list (empty = fine): spans ordered and in
 * range, ids unique per list, units referencing existing segments/targets exactly once each,
 * mentions inside their sentence and pointing at existing entities, stored texts matching their
 * offsets (within the stored segment texts always; against `source.text` when given).
 *
 * One pass per list with id → index maps and no per-item allocation beyond string views on the way
 * to "fine": texts are compared at UTF-16 offsets, a sentence without
 * astral characters is indexed directly instead of through an OffsetMap, and paths and messages
 * are built only for problems. Problems and their order are those of the straightforward
 * implementation kept as the tests' oracle.
 */
export function checkAnnotations(a: Annotations, source?: { text: string }): SidecarProblem[] {
  return checkWith(a, source, null).problems;
}

/** The id → first position maps a check builds, per list. Positions hold for segments and
 * targets; for units, entities and mentions only the keys are used (check-since.ts updates them). */
export interface CheckIndex {
  segAt: Map<string, number>;
  tgtAt: Map<string, number>;
  unitAt: Map<string, number>;
  entAt: Map<string, number>;
  mentionAt: Map<string, number>;
}

/** The CheckIndex of a version known to pass the checks (ids unique: first position = position). */
export function checkIndexOf(a: Annotations): CheckIndex {
  const at = (list: readonly { id: string }[]) => new Map(list.map((x, i) => [x.id, i]));
  return { segAt: at(a.segments), tgtAt: at(a.targets), unitAt: at(a.units), entAt: at(a.entities), mentionAt: at(a.mentions) };
}

/** A check limited to some mentions of a report whose ids, spans, units and segments are known to
 * be fine (check-since.ts decides when that holds and gives the maps). */
export interface CheckScope {
  index: CheckIndex;
  /** positions in `a.mentions` to check, ascending */
  mentions: readonly number[];
}

/** checkAnnotations' body: everything (scope null), or only the scope's mentions. */
export function checkWith(a: Annotations, source: { text: string } | undefined, scope: CheckScope | null): { problems: SidecarProblem[]; index: CheckIndex | null } {
  const problems: SidecarProblem[] = [];
  const add = (kind: SidecarProblemKind, path: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ kind, path, message });
  };
  const full = () => problems.length >= MAX_PROBLEMS;
  const map = source ? new OffsetMap(source.text) : null;
  if (map && map.cpLength !== a.source.length) {
    add('text-mismatch', 'source.length', `source.length is ${a.source.length} but the source text has ${map.cpLength} code points.`);
  }
  const limit = map ? map.cpLength : a.source.length;
  /** the text at code points [start, end) equals `s` (a slice is a view, not a copy, and compares
   * faster than startsWith) */
  const sourceHas = (m: OffsetMap, start: number, end: number, s: string) => {
    const u = m.toUtf16(start);
    const v = m.toUtf16(end);
    return v - u === s.length && m.text.slice(u, v) === s;
  };

  // ids: position of each id's first occurrence
  const firstIndex = (list: { id: string }[], name: string): Map<string, number> => {
    const seen = new Map<string, number>();
    for (let i = 0; i < list.length; i++) {
      const id = list[i].id;
      if (!seen.has(id)) seen.set(id, i);
      else add('duplicate-id', `${name}[${i}].id`, `Duplicate id "${id}" in ${name} (item ${i}).`);
    }
    return seen;
  };
  const { segments, targets, units, entities, mentions } = a;
  const segAt = scope ? scope.index.segAt : firstIndex(segments, 'segments');
  const tgtAt = scope ? scope.index.tgtAt : firstIndex(targets, 'targets');
  const unitAt = scope ? scope.index.unitAt : firstIndex(units, 'units');
  const entAt = scope ? scope.index.entAt : firstIndex(entities, 'entities');
  const mentionAt = scope ? scope.index.mentionAt : firstIndex(mentions, 'mentions');
  const index = { segAt, tgtAt, unitAt, entAt, mentionAt };
  if (full()) return { problems, index: null };

  // code-point length of each segment's and target sentence's text, computed when first needed
  // (-1: not yet); equal to the UTF-16 length when the text has no astral character
  const segCp = new Float64Array(segments.length).fill(-1);
  const tgtCp = new Float64Array(targets.length).fill(-1);
  const segCpLength = (i: number) => (segCp[i] >= 0 ? segCp[i] : (segCp[i] = codePoints(segments[i].text)));
  const tgtCpLength = (i: number) => (tgtCp[i] >= 0 ? tgtCp[i] : (tgtCp[i] = codePoints(targets[i].text)));

  // the structure (spans, overlaps, units): unchanged when scoped
  if (!scope) {
    // segments: valid spans, in range, texts consistent, no overlaps
    let ordered = true;
    let prev = -1;
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (s.end < s.start) {
        add('invalid-span', `segments[${i}]`, `Segment ${s.id}: end ${s.end} is before start ${s.start}.`);
        continue;
      }
      if (prev >= 0) {
        const p = segments[prev];
        if (s.start < p.start || (s.start === p.start && s.end < p.end)) ordered = false;
      }
      prev = i;
      if (s.end > limit) {
        add('offset-out-of-range', `segments[${i}].end`, `Segment ${s.id}: end ${s.end} is past the end of the source (${limit} code points).`);
        continue;
      }
      if (map) {
        if (sourceHas(map, s.start, s.end, s.text)) segCp[i] = s.end - s.start;
        else add('text-mismatch', `segments[${i}].text`, `Segment ${s.id}: its text does not match the source at ${s.start}–${s.end}.`);
      } else if (segCpLength(i) !== s.end - s.start) {
        add('text-mismatch', `segments[${i}].text`, `Segment ${s.id}: its text has ${segCpLength(i)} code points but its span ${s.start}–${s.end} has ${s.end - s.start}.`);
      }
    }
    const overlap = (pi: number, ci: number) => {
      const p = segments[pi];
      const c = segments[ci];
      if (c.start < p.end) add('overlapping-segments', `segments[${ci}]`, `Segments ${p.id} (${p.start}–${p.end}) and ${c.id} (${c.start}–${c.end}) overlap.`);
    };
    if (ordered) {
      // the usual case: already in document order, so neighbours in the list are neighbours in the text
      let last = -1;
      for (let i = 0; i < segments.length; i++) {
        if (segments[i].end < segments[i].start) continue;
        if (last >= 0) overlap(last, i);
        last = i;
      }
    } else {
      const byPos = [];
      for (let i = 0; i < segments.length; i++) if (segments[i].end >= segments[i].start) byPos.push(i);
      byPos.sort((x, y) => segments[x].start - segments[y].start || segments[x].end - segments[y].end);
      for (let k = 1; k < byPos.length; k++) overlap(byPos[k - 1], byPos[k]);
    }
    if (full()) return { problems, index: null };

    // units: references resolve, each segment and target sentence in exactly one unit
    const segUnit = new Int32Array(segments.length).fill(-1);
    const tgtUnit = new Int32Array(targets.length).fill(-1);
    for (let i = 0; i < units.length && !full(); i++) {
      const u = units[i];
      for (let k = 0; k < u.source.length; k++) {
        const id = u.source[k];
        const at = segAt.get(id);
        if (at === undefined) add('dangling-reference', `units[${i}].source[${k}]`, `Unit ${u.id} refers to segment "${id}", which does not exist.`);
        else if (segUnit[at] >= 0) add('duplicate-reference', `units[${i}].source[${k}]`, `Segment ${id} is in two units (${units[segUnit[at]].id} and ${u.id}).`);
        else segUnit[at] = i;
      }
      for (let k = 0; k < u.target.length; k++) {
        const id = u.target[k];
        const at = tgtAt.get(id);
        if (at === undefined) add('dangling-reference', `units[${i}].target[${k}]`, `Unit ${u.id} refers to target sentence "${id}", which does not exist.`);
        else if (tgtUnit[at] >= 0) add('duplicate-reference', `units[${i}].target[${k}]`, `Target sentence ${id} is in two units (${units[tgtUnit[at]].id} and ${u.id}).`);
        else tgtUnit[at] = i;
      }
    }
    // a duplicate id's later items share the first one's unit (ids are what units refer to)
    for (let i = 0; i < segments.length && !full(); i++) {
      if (segUnit[segAt.get(segments[i].id)!] < 0) add('unaligned', `segments[${i}]`, `Segment ${segments[i].id} is in no unit, so it would not be shown.`);
    }
    for (let i = 0; i < targets.length && !full(); i++) {
      if (tgtUnit[tgtAt.get(targets[i].id)!] < 0) add('unaligned', `targets[${i}]`, `Target sentence ${targets[i].id} is in no unit, so it would not be shown.`);
    }
  }

  // mentions: inside their sentence, texts match, entity exists. Sentences with astral
  // characters get an OffsetMap (kept: a sentence usually holds several mentions).
  const segMaps = new Map<number, OffsetMap>();
  const tgtMaps = new Map<number, OffsetMap>();
  const mapOf = (cache: Map<number, OffsetMap>, i: number, text: string) => {
    let m = cache.get(i);
    if (!m) cache.set(i, (m = new OffsetMap(text)));
    return m;
  };
  const count = scope ? scope.mentions.length : mentions.length;
  for (let k = 0; k < count && !full(); k++) {
    const i = scope ? scope.mentions[k] : k;
    const m = mentions[i];
    if (!entAt.has(m.entity)) add('dangling-reference', `mentions[${i}].entity`, `Mention ${m.id} refers to entity "${m.entity}", which does not exist.`);
    if (m.end <= m.start) {
      add('invalid-span', `mentions[${i}]`, `Mention ${m.id}: end ${m.end} is not after start ${m.start}.`);
      continue;
    }
    if (m.side === 'ar') {
      const si = segAt.get(m.sentence);
      if (si === undefined) {
        add('dangling-reference', `mentions[${i}].sentence`, `Mention ${m.id} refers to segment "${m.sentence}", which does not exist.`);
        continue;
      }
      const s = segments[si];
      if (m.start < s.start || m.end > s.end) {
        add('offset-out-of-range', `mentions[${i}]`, `Mention ${m.id} (${m.start}–${m.end}) lies outside its segment ${s.id} (${s.start}–${s.end}).`);
        continue;
      }
      if (s.end < s.start || segCpLength(si) !== s.end - s.start) continue; // reported on the segment
      let same: boolean;
      const inSource = map !== null && map.cpLength >= m.end;
      if (inSource) same = sourceHas(map, m.start, m.end, m.text);
      else if (segCpLength(si) === s.text.length) same = m.end - m.start === m.text.length && s.text.slice(m.start - s.start, m.end - s.start) === m.text;
      else same = sourceHas(mapOf(segMaps, si, s.text), m.start - s.start, m.end - s.start, m.text);
      if (!same) {
        const got = inSource ? map.slice(m.start, m.end) : mapOf(segMaps, si, s.text).slice(m.start - s.start, m.end - s.start);
        add('text-mismatch', `mentions[${i}].text`, `Mention ${m.id}: its text ${JSON.stringify(m.text)} does not match the source at ${m.start}–${m.end} (${JSON.stringify(got)}).`);
      }
    } else {
      const ti = tgtAt.get(m.sentence);
      if (ti === undefined) {
        add('dangling-reference', `mentions[${i}].sentence`, `Mention ${m.id} refers to target sentence "${m.sentence}", which does not exist.`);
        continue;
      }
      const t = targets[ti];
      const len = tgtCpLength(ti);
      if (m.end > len) {
        add('offset-out-of-range', `mentions[${i}]`, `Mention ${m.id} (${m.start}–${m.end}) lies outside its target sentence ${t.id} (${len} code points).`);
        continue;
      }
      const same =
        len === t.text.length
          ? m.end - m.start === m.text.length && t.text.slice(m.start, m.end) === m.text
          : sourceHas(mapOf(tgtMaps, ti, t.text), m.start, m.end, m.text);
      if (!same) {
        const got = mapOf(tgtMaps, ti, t.text).slice(m.start, m.end);
        add('text-mismatch', `mentions[${i}].text`, `Mention ${m.id}: its text ${JSON.stringify(m.text)} does not match target sentence ${t.id} at ${m.start}–${m.end} (${JSON.stringify(got)}).`);
      }
    }
  }
  return { problems, index: problems.length ? null : index };
}
