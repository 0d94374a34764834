// Provenance stamping (format 1.1): who last changed a row's status, a mention, an entity (a link).
// Done once, at save time, by comparing the previously saved model with the one about to be saved,
// so the app and every CLI writer stamp alike and the editor never has to track it. Policy:
// - a unit gets `by`/`at` when its status differs from its previous one (a unit new in this save
//   counts as previously 'auto': the segmenter's or aligner's default is no one's decision);
// - a mention gets them when it is new (by id) or its span, text, type or entity changed;
// - an entity gets them when it is new, its type or forms changed, or the set of its mentions did
//   (linking or unlinking an Arabic and an English mention is a change to the link);
// - everything else keeps the provenance it had (the saved one when `next` lost it on the way).
import type { AlignmentUnit, Annotations, Entity, Mention } from '../model/types.ts';

type Stamp = { by?: string; at?: string };

/** The provenance an unchanged item keeps: its own, else the previously saved one. The item
 * itself when it has it already (the usual case: no copy per row on a 10,000-row save). */
function kept<T extends Stamp>(item: T, before: Stamp | undefined): T {
  const by = item.by ?? before?.by;
  const at = item.at ?? before?.at;
  if (by === item.by && at === item.at) return item;
  const out: T = { ...item };
  if (by !== undefined) out.by = by;
  if (at !== undefined) out.at = at;
  return out;
}

/** Finds an item's previous version: at the same index when the lists are in step (a save
 * keeps the order), else by id through a map built at the first miss. Counts the hits. */
function matcher<T extends { id: string }>(prev: readonly T[] | undefined): { find: (item: T, i: number) => T | undefined; found: () => number } {
  const list = prev ?? [];
  let byId: Map<string, T> | null = null;
  let found = 0;
  return {
    find(item, i) {
      let before: T | undefined = list[i]?.id === item.id ? list[i] : undefined;
      if (!before && list.length) before = (byId ??= new Map(list.map((x) => [x.id, x]))).get(item.id);
      if (before) found++;
      return before;
    },
    found: () => found,
  };
}

function sameMention(a: Mention, b: Mention): boolean {
  return a.side === b.side && a.sentence === b.sentence && a.start === b.start && a.end === b.end && a.text === b.text && a.type === b.type && a.entity === b.entity;
}

/**
 * `next` with provenance stamped against `prev` (null: nothing was saved before). Pure: never
 * mutates its arguments; items whose provenance is already right are shared with `next`, the
 * others are new objects. `now` is ISO 8601 UTC. One pass over each list with id maps.
 */
export function stampProvenance(prev: Annotations | null, next: Annotations, user: string, now: string): Annotations {
  const stamp = <T extends Stamp>(item: T): T => ({ ...item, by: user, at: now });

  const prevUnits = matcher<AlignmentUnit>(prev?.units);
  const units = next.units.map((u, i) => {
    const before = prevUnits.find(u, i);
    return u.status !== (before?.status ?? 'auto') ? stamp(u) : kept(u, before);
  });

  // an entity's links changed when a mention joined or left it: the entities of mentions added,
  // removed or moved to another entity
  const relinked = new Set<string>();
  const prevMentions = matcher<Mention>(prev?.mentions);
  const mentions = next.mentions.map((m, i) => {
    const before = prevMentions.find(m, i);
    if (before?.entity !== m.entity) {
      relinked.add(m.entity);
      if (before) relinked.add(before.entity);
    }
    return before && sameMention(before, m) ? kept(m, before) : stamp(m);
  });
  // mentions removed (ids are never reused, so fewer found than saved means some went)
  if (prev && prevMentions.found() < prev.mentions.length) {
    const nextIds = new Set(next.mentions.map((m) => m.id));
    for (const m of prev.mentions) if (!nextIds.has(m.id)) relinked.add(m.entity);
  }

  const prevEntities = matcher<Entity>(prev?.entities);
  const entities = next.entities.map((e, i) => {
    const before = prevEntities.find(e, i);
    const same = before && before.type === e.type && before.ar === e.ar && before.en === e.en && !relinked.has(e.id);
    return same ? kept(e, before) : stamp(e);
  });

  return { ...next, units, mentions, entities };
}

/** What a save stamped anew: the ids, all with `by` and the save's time. Sent back to the app so
 * its model carries them: the next request then has them already and nothing is copied again
 * (without this, every save after the first of a freshly tagged report copied every mention). */
export interface SaveStamps {
  by: string;
  units: string[];
  mentions: string[];
  entities: string[];
}

/** The ids `stamped` (stampProvenance's result for `next`) stamped with `by`/`at` that `next` did
 * not carry yet. */
export function newStamps(next: Annotations, stamped: Annotations, by: string, at: string): SaveStamps {
  const fresh = <T extends { id: string } & Stamp>(was: readonly T[], now: readonly T[]) =>
    now.flatMap((x, i) => (x !== was[i] && x.by === by && x.at === at && (was[i]?.by !== by || was[i]?.at !== at) ? [x.id] : []));
  return { by, units: fresh(next.units, stamped.units), mentions: fresh(next.mentions, stamped.mentions), entities: fresh(next.entities, stamped.entities) };
}

/** `a` with `stamps` written on the items they name (a new model; items not named are shared). */
export function withStamps(a: Annotations, stamps: SaveStamps, at: string): Annotations {
  const put = <T extends { id: string } & Stamp>(list: readonly T[], ids: readonly string[]): T[] => {
    if (!ids.length) return list as T[];
    const want = new Set(ids);
    return list.map((x) => (want.has(x.id) ? { ...x, by: stamps.by, at } : x));
  };
  return { ...a, units: put(a.units, stamps.units), mentions: put(a.mentions, stamps.mentions), entities: put(a.entities, stamps.entities) };
}
