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

/** The provenance an unchanged item keeps: its own, else the previously saved one. */
function kept<T extends Stamp>(item: T, before: Stamp | undefined): T {
  const by = item.by ?? before?.by;
  const at = item.at ?? before?.at;
  if (by === item.by && at === item.at) return { ...item };
  const out: T = { ...item };
  if (by !== undefined) out.by = by;
  if (at !== undefined) out.at = at;
  return out;
}

function sameMention(a: Mention, b: Mention): boolean {
  return a.side === b.side && a.sentence === b.sentence && a.start === b.start && a.end === b.end && a.text === b.text && a.type === b.type && a.entity === b.entity;
}

/** Mention ids per entity, sorted and joined: equal strings mean the same links. */
function linkKeys(mentions: readonly Mention[]): Map<string, string> {
  const lists = new Map<string, string[]>();
  for (const m of mentions) {
    const l = lists.get(m.entity);
    if (l) l.push(m.id);
    else lists.set(m.entity, [m.id]);
  }
  return new Map([...lists].map(([e, ids]) => [e, ids.sort().join(' ')]));
}

/**
 * `next` with provenance stamped against `prev` (null: nothing was saved before). Pure; returns
 * new unit, mention and entity objects and never mutates its arguments. `now` is ISO 8601 UTC.
 */
export function stampProvenance(prev: Annotations | null, next: Annotations, user: string, now: string): Annotations {
  const stamp = <T extends Stamp>(item: T): T => ({ ...item, by: user, at: now });

  const prevUnits = new Map<string, AlignmentUnit>(prev?.units.map((u) => [u.id, u]));
  const units = next.units.map((u) => {
    const before = prevUnits.get(u.id);
    return u.status !== (before?.status ?? 'auto') ? stamp(u) : kept(u, before);
  });

  const prevMentions = new Map<string, Mention>(prev?.mentions.map((m) => [m.id, m]));
  const mentions = next.mentions.map((m) => {
    const before = prevMentions.get(m.id);
    return before && sameMention(before, m) ? kept(m, before) : stamp(m);
  });

  const prevEntities = new Map<string, Entity>(prev?.entities.map((e) => [e.id, e]));
  const prevLinks = linkKeys(prev?.mentions ?? []);
  const nextLinks = linkKeys(next.mentions);
  const entities = next.entities.map((e) => {
    const before = prevEntities.get(e.id);
    const same = before && before.type === e.type && before.ar === e.ar && before.en === e.en && prevLinks.get(e.id) === nextLinks.get(e.id);
    return same ? kept(e, before) : stamp(e);
  });

  return { ...next, units, mentions, entities };
}
