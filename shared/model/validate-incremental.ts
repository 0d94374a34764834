// Incremental schema validation of annotations (issue 17 item 2): a save sends the whole report,
// but between two saves a user changes a few rows. Items equal to the previous validated version's
// (same own keys, the same plain values, lists of plain values element by element) are taken from
// it; only the others and the top-level fields go through zod.
//
// The result is what AnnotationsSchema.safeParse(next) gives: an item equal to a validated item is
// valid and parses to that item (the schemas have no transforms and no cross-item rules; defaults
// are already filled in the validated one), and on any failure the full parse runs so the error and
// its paths are exactly the full parse's. `previous` must be an output of AnnotationsSchema (the
// last validated version) and must not be mutated afterwards: the result shares its unchanged items.
import { z } from 'zod';
import {
  AlignmentUnitSchema, AnnotationsSchema, EntitySchema, MentionSchema, SourceSegmentSchema, StoredSuggestionSchema, TargetSentenceSchema,
} from './schema.ts';
import type { Annotations } from './types.ts';

type Result = ReturnType<typeof AnnotationsSchema.safeParse>;

const LISTS = {
  segments: SourceSegmentSchema,
  targets: TargetSentenceSchema,
  units: AlignmentUnitSchema,
  entities: EntitySchema,
  mentions: MentionSchema,
  suggestions: StoredSuggestionSchema,
} as const;
type ListKey = keyof typeof LISTS;
const LIST_KEYS = Object.keys(LISTS) as ListKey[];

/** Everything but the item lists (orphans stay in: rare and small). */
const Shell = AnnotationsSchema.extend({
  segments: z.unknown(),
  targets: z.unknown(),
  units: z.unknown(),
  entities: z.unknown(),
  mentions: z.unknown(),
  suggestions: z.unknown().optional(),
});

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Same own keys holding identical plain values (lists compared element by element; a nested
 * object is never the same, even by reference). */
function sameItem(p: Record<string, unknown>, n: unknown): boolean {
  // the very same object may have been changed in place since it was validated (an in-process
  // caller; IPC and HTTP always deliver copies): never taken as unchanged
  if (!isPlainObject(n) || n === p) return false;
  let count = 0;
  for (const k in n) {
    if (!Object.hasOwn(n, k)) continue;
    count++;
    const a = n[k];
    const b = p[k];
    if (a === b) {
      if (a === undefined && !Object.hasOwn(p, k)) return false;
      // a nested object may have changed inside: never taken as the same
      if (typeof a === 'object' && a !== null && !Array.isArray(a)) return false;
      continue;
    }
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || (typeof a[i] === 'object' && a[i] !== null)) return false;
  }
  let pc = 0;
  for (const k in p) if (Object.hasOwn(p, k)) pc++;
  return count === pc;
}

/** The validated items of one list, or null when an item fails (the caller then runs the full parse). */
function list(schema: z.ZodType, prev: readonly Record<string, unknown>[], next: unknown[]): unknown[] | null {
  const out = new Array<unknown>(next.length);
  let byId: Map<unknown, Record<string, unknown>> | null = null;
  for (let i = 0; i < next.length; i++) {
    const n = next[i];
    // the same position first (the usual case); else the same id (rows inserted or removed above)
    let p: Record<string, unknown> | undefined = prev[i];
    if (!(p && sameItem(p, n))) {
      p = undefined;
      if (isPlainObject(n) && typeof n.id === 'string') {
        byId ??= new Map(prev.map((x) => [x.id, x]));
        const q = byId.get(n.id);
        if (q && sameItem(q, n)) p = q;
      }
    }
    if (p) {
      out[i] = p;
      continue;
    }
    const r = schema.safeParse(n);
    if (!r.success) return null;
    out[i] = r.data;
  }
  return out;
}

/** AnnotationsSchema.safeParse(next), validating only what differs from `previous` (see the header). */
export function parseAnnotationsAgainst(previous: Annotations | undefined, next: unknown): Result {
  if (!previous || !isPlainObject(next)) return AnnotationsSchema.safeParse(next);
  const shell = Shell.safeParse(next);
  if (!shell.success) return AnnotationsSchema.safeParse(next);
  const data: Record<string, unknown> = { ...shell.data };
  for (const key of LIST_KEYS) {
    const v = next[key];
    if (v === undefined && key === 'suggestions') continue;
    if (!Array.isArray(v)) return AnnotationsSchema.safeParse(next);
    const items = list(LISTS[key], (previous[key] ?? []) as unknown as Record<string, unknown>[], v);
    if (!items) return AnnotationsSchema.safeParse(next);
    data[key] = items;
  }
  return { success: true, data } as Result;
}
