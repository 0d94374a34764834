// The save's consistency checks, incremental (issue 17 item 2): checkAnnotations over a fully tagged
// 10,000-row report walks 60,000 items on every save, while between two saves a user changes a row
// or two. Against the previous version of the same report that passed the same check, items that
// are the very same objects (the incremental validator and provenance stamping hand unchanged
// items over untouched) need no check again; only the changed mentions and the English mentions of
// changed target sentences are checked, with the previous check's id maps updated for added and
// removed entities and mentions. Anything structural — a segment changed, a row's sentences
// changed, target sentences added or removed, another source length — takes the full check, and
// so does any problem found: the result is always exactly checkAnnotations(next).
//
// Like the byte cache of the save, this relies on checked versions never being mutated in place
// (saveReport's rule for validated annotations).
//
// A version also carries the sha256 of the source it is known to be consistent with (checked
// against that text at load, or unchanged segments since such a version, with the same source):
// the store records such saves so that loading them beside that source skips the checks
// (electron/host/validated-sidecars.ts).
import type { Annotations } from '../model/types.ts';
import { checkIndexOf, checkWith, type CheckIndex, type CheckScope, type SidecarProblem } from './sidecar.ts';
import { region, sameList } from './identity-region.ts';

/** Versions that passed the check: the check's id maps (made when first needed for a version
 * whose check was skipped) and the sha256 of the source it is known to be consistent with. */
const passed = new WeakMap<Annotations, { index: CheckIndex | null; source?: string }>();

/** checkAnnotations(next) (no source), checking only what changed since `prev` when `prev` passed it here. */
export function checkAnnotationsSince(prev: Annotations | null, next: Annotations): SidecarProblem[] {
  const known = prev ? passed.get(prev) : undefined;
  if (known && prev) known.index ??= checkIndexOf(prev);
  const scope = known?.index && prev ? scopeOf(prev, next, known.index) : null;
  if (scope) {
    const r = checkWith(next, undefined, scope);
    if (!r.problems.length) {
      // the segments and the source's length are unchanged (scopeOf), so is the consistency
      passed.set(next, { index: scope.index, source: known?.source === next.source.sha256 ? known.source : undefined });
      return r.problems;
    }
  }
  const r = checkWith(next, undefined, null);
  if (r.index) passed.set(next, { index: r.index });
  return r.problems;
}

/** Whether `a` passed here and is known to be consistent with the source its source.sha256 names. */
export function consistentWithSource(a: Annotations): boolean {
  return passed.get(a)?.source === a.source.sha256;
}

/** Registers a version loaded without a check: its content is recorded as consistent with the
 * source it names, and that source's sha256 was just found to be a.source.sha256. */
export function knownConsistent(a: Annotations): void {
  passed.set(a, { index: null, source: a.source.sha256 });
}

/** checkAnnotations(a, source) for a version just loaded (`source`: the text of the source whose
 * sha256 is a.source.sha256); when it passes, later saves of it are checked against it (what
 * passes with the source passes without it). */
export function checkLoaded(a: Annotations, source?: { text: string }): SidecarProblem[] {
  const r = checkWith(a, source, null);
  if (r.index) passed.set(a, { index: r.index, source: source ? a.source.sha256 : undefined });
  return r.problems;
}

/** `at` with the ids of p[s, ep) replaced by those of n[s, en) (a copy when anything changes),
 * or null when an added id is taken or repeated. Removed ids go into `removed`. */
function updatedIds(at: Map<string, number>, p: readonly { id: string }[], n: readonly { id: string }[], [s, ep, en]: [number, number, number], removed?: Set<string>): Map<string, number> | null {
  const gone = new Set<string>();
  for (let i = s; i < ep; i++) gone.add(p[i].id);
  const added = new Set<string>();
  for (let i = s; i < en; i++) {
    const id = n[i].id;
    if (added.has(id) || (at.has(id) && !gone.has(id))) return null;
    added.add(id);
  }
  let same = gone.size === added.size;
  for (const id of gone) {
    if (!added.has(id)) {
      same = false;
      removed?.add(id);
    }
  }
  if (same) return at;
  const out = new Map(at);
  for (const id of gone) if (!added.has(id)) out.delete(id);
  for (let i = s; i < en; i++) if (!out.has(n[i].id)) out.set(n[i].id, i);
  return out;
}

/** What to check of `next` given that `prev` passed with `index`; null: check everything. */
function scopeOf(prev: Annotations, next: Annotations, index: CheckIndex): CheckScope | null {
  if (prev.source.length !== next.source.length) return null;
  if (prev.segments !== next.segments) {
    const [s, ep, en] = region(prev.segments, next.segments);
    if (s !== ep || s !== en) return null;
  }
  // target sentences: the same ids in the same places; changed texts recheck their mentions
  if (prev.targets.length !== next.targets.length) return null;
  const retexted = new Set<string>();
  const [ts, te] = region(prev.targets, next.targets);
  for (let i = ts; i < te; i++) {
    const p = prev.targets[i];
    const n = next.targets[i];
    if (p === n) continue;
    if (p.id !== n.id) return null;
    if (p.text !== n.text) retexted.add(n.id);
  }
  // rows: the same ids holding the same sentences (status, origin, comments… are not checked)
  if (prev.units.length !== next.units.length) return null;
  const [us, ue] = region(prev.units, next.units);
  for (let i = us; i < ue; i++) {
    const p = prev.units[i];
    const n = next.units[i];
    if (p !== n && (p.id !== n.id || !sameList(p.source, n.source) || !sameList(p.target, n.target))) return null;
  }
  // entities: only their ids are checked; a removed one may leave a mention dangling
  const removedEntities = new Set<string>();
  const entAt = updatedIds(index.entAt, prev.entities, next.entities, region(prev.entities, next.entities), removedEntities);
  if (!entAt) return null;
  const mr = region(prev.mentions, next.mentions);
  const mentionAt = updatedIds(index.mentionAt, prev.mentions, next.mentions, mr);
  if (!mentionAt) return null;
  const mentions: number[] = [];
  const [ms, , me] = mr;
  const pairs = mr[1] - ms === me - ms; // as many before as after: compare pairwise, skip the same
  if (retexted.size || removedEntities.size) {
    for (let i = 0; i < next.mentions.length; i++) {
      const m = next.mentions[i];
      if (removedEntities.has(m.entity)) return null;
      const changed = i >= ms && i < me && !(pairs && prev.mentions[i] === m);
      if (changed || (m.side === 'en' && retexted.has(m.sentence))) mentions.push(i);
    }
  } else {
    for (let i = ms; i < me; i++) if (!(pairs && prev.mentions[i] === next.mentions[i])) mentions.push(i);
  }
  return { index: { segAt: index.segAt, tgtAt: index.tgtAt, unitAt: index.unitAt, entAt, mentionAt }, mentions };
}
