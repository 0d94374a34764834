// Mention operations on the model, pure: each takes an Annotations value and returns a new one
// (the input is never mutated), or throws MentionError with a message for the user. Rules:
//   - a mention lies inside one segment (side 'ar') or target sentence (side 'en'), and its text
//     is the slice of that sentence (the model's redundancy check);
//   - mentions never overlap on a side (Arabic: anywhere in the source; English: in a sentence);
//   - a mention's type is its entity's type: changing one changes the entity and all its mentions;
//   - an entity without mentions is removed.
import { OffsetMap } from '../text/offsets.ts';
import { nextId } from '../model/ids.ts';
import type { Annotations, Entity, Mention, Side } from '../model/types.ts';
import { overlapsMention } from './propagate.ts';

/** A refused operation; `message` is written for the user. */
export class MentionError extends Error {
  constructor(
    /** what went wrong, for callers that branch on it */
    readonly code: 'overlap' | 'out-of-range' | 'not-found' | 'empty' | 'different-rows' | 'same-side',
    message: string,
  ) {
    super(message);
    this.name = 'MentionError';
  }
}

/** What `addMention` needs. */
export interface NewMention {
  side: Side;
  /** segment id (side 'ar') or target sentence id (side 'en') */
  sentence: string;
  /** code points: into the whole source text (side 'ar'), into the target sentence (side 'en') */
  start: number;
  end: number;
  type: string;
  /** join this entity (its type wins); absent: a new entity with this mention's text as its form */
  entity?: string | null;
}

/** The text of a span, checking it lies in its sentence. */
function spanText(a: Annotations, m: NewMention): string {
  if (m.end <= m.start) throw new MentionError('empty', 'Select some text to tag.');
  if (m.side === 'ar') {
    const seg = a.segments.find((s) => s.id === m.sentence);
    if (!seg) throw new MentionError('not-found', `There is no Arabic sentence ${m.sentence}.`);
    if (m.start < seg.start || m.end > seg.end) throw new MentionError('out-of-range', 'A mention must lie within one sentence.');
    return new OffsetMap(seg.text).slice(m.start - seg.start, m.end - seg.start);
  }
  const t = a.targets.find((x) => x.id === m.sentence);
  if (!t) throw new MentionError('not-found', `There is no English sentence ${m.sentence}.`);
  const map = new OffsetMap(t.text);
  if (m.end > map.cpLength) throw new MentionError('out-of-range', 'A mention must lie within one sentence.');
  return map.slice(m.start, m.end);
}

/** Adds a mention; returns the new annotations and the mention. Refuses overlaps. */
export function addMention(a: Annotations, m: NewMention): { annotations: Annotations; mention: Mention } {
  const text = spanText(a, m);
  const clash = overlapsMention(a.mentions, m.side, m.sentence, m.start, m.end);
  if (clash) {
    throw new MentionError('overlap', `This overlaps the ${clash.type} mention “${clash.text}”. Remove that tag first, or select text outside it.`);
  }
  let entities = a.entities;
  let entity = m.entity ? a.entities.find((e) => e.id === m.entity) : undefined;
  if (m.entity && !entity) throw new MentionError('not-found', `There is no entity ${m.entity}.`);
  if (!entity) {
    entity = { id: nextId('e', a.entities.map((e) => e.id)), type: m.type, [m.side]: text };
    entities = [...entities, entity];
  } else if (!entity[m.side]) {
    const filled: Entity = { ...entity, [m.side]: text };
    entities = entities.map((e) => (e.id === filled.id ? filled : e));
    entity = filled;
  }
  const mention: Mention = {
    id: nextId('m', a.mentions.map((x) => x.id)),
    side: m.side,
    sentence: m.sentence,
    start: m.start,
    end: m.end,
    text,
    type: entity.type,
    entity: entity.id,
  };
  return { annotations: { ...a, entities, mentions: sortMentions([...a.mentions, mention]) }, mention };
}

/** Mentions in a stable order: Arabic by offset, then English by sentence order and offset. */
function sortMentions(ms: Mention[]): Mention[] {
  return ms.sort((x, y) => (x.side === y.side ? (x.side === 'ar' ? 0 : x.sentence.localeCompare(y.sentence, 'en', { numeric: true })) || x.start - y.start : x.side === 'ar' ? -1 : 1));
}

function findMention(a: Annotations, id: string): Mention {
  const m = a.mentions.find((x) => x.id === id);
  if (!m) throw new MentionError('not-found', `There is no mention ${id}.`);
  return m;
}

/** Changes the type of a mention's entity (and so of all its mentions). */
export function changeType(a: Annotations, mentionId: string, type: string): Annotations {
  const m = findMention(a, mentionId);
  return {
    ...a,
    entities: a.entities.map((e) => (e.id === m.entity ? { ...e, type } : e)),
    mentions: a.mentions.map((x) => (x.entity === m.entity ? { ...x, type } : x)),
  };
}

/** Removes a mention, and its entity when no mention is left. */
export function removeMention(a: Annotations, mentionId: string): Annotations {
  findMention(a, mentionId);
  const mentions = a.mentions.filter((x) => x.id !== mentionId);
  return { ...a, mentions, entities: dropOrphans(a.entities, mentions) };
}

function dropOrphans(entities: Entity[], mentions: Mention[]): Entity[] {
  const used = new Set(mentions.map((x) => x.entity));
  return entities.filter((e) => used.has(e.id));
}

/** The alignment unit holding a sentence (segment or target id). */
export function unitOf(a: Annotations, side: Side, sentence: string) {
  return a.units.find((u) => (side === 'ar' ? u.source : u.target).includes(sentence));
}

/**
 * Links an Arabic and an English mention of the same row: the English mention (and every other
 * mention of its former entity) joins the Arabic mention's entity, taking its type; the entity
 * gets its missing Arabic/English form.
 */
export function linkMentions(a: Annotations, arMentionId: string, enMentionId: string): Annotations {
  const ar = findMention(a, arMentionId);
  const en = findMention(a, enMentionId);
  if (ar.side !== 'ar' || en.side !== 'en') throw new MentionError('same-side', 'Link an Arabic mention with an English mention.');
  const unit = unitOf(a, 'ar', ar.sentence);
  if (!unit || !unit.target.includes(en.sentence)) {
    throw new MentionError('different-rows', 'These mentions are in different rows; link mentions of the same row.');
  }
  if (ar.entity === en.entity) return a;
  const target = a.entities.find((e) => e.id === ar.entity);
  const former = a.entities.find((e) => e.id === en.entity);
  if (!target) throw new MentionError('not-found', `There is no entity ${ar.entity}.`);
  const merged: Entity = { ...target, ar: target.ar ?? ar.text, en: target.en ?? former?.en ?? en.text };
  const mentions = a.mentions.map((x) => (x.entity === en.entity ? { ...x, entity: target.id, type: target.type } : x));
  return {
    ...a,
    mentions,
    entities: dropOrphans(a.entities.map((e) => (e.id === target.id ? merged : e)), mentions),
  };
}

/** Splits a mention off its entity into a new entity of its own (undoing a wrong link). */
export function unlinkMention(a: Annotations, mentionId: string): Annotations {
  const m = findMention(a, mentionId);
  const others = a.mentions.filter((x) => x.entity === m.entity && x.id !== m.id);
  if (others.length === 0) return a;
  const entity: Entity = { id: nextId('e', a.entities.map((e) => e.id)), type: m.type, [m.side]: m.text };
  const mentions = a.mentions.map((x) => (x.id === m.id ? { ...x, entity: entity.id } : x));
  return { ...a, mentions, entities: [...a.entities, entity] };
}

/**
 * The entity list that matches `mentions`: entities still used are kept (their type taken from
 * their mentions), entities no mention uses are dropped, and an entity id used by a mention but
 * missing (created in the editor, where only marks exist) is added with the type and text of its
 * first mention on each side. For docToAnnotations, whose mentions come from the editor's marks.
 * Entities in `keep` stay even without mentions (docToAnnotations keeps those that had none to
 * begin with, so loading and saving a file changes nothing the user did not touch).
 */
export function reconcileEntities(entities: readonly Entity[], mentions: readonly Mention[], keep: ReadonlySet<string> = new Set()): Entity[] {
  const first = new Map<string, { type: string; ar?: string; en?: string }>();
  for (const m of mentions) {
    const f = first.get(m.entity) ?? { type: m.type };
    if (!f[m.side]) f[m.side] = m.text;
    first.set(m.entity, f);
  }
  const out: Entity[] = [];
  for (const e of entities) {
    const f = first.get(e.id);
    if (!f) {
      if (keep.has(e.id)) out.push(e);
      continue;
    }
    out.push(f.type === e.type ? e : { ...e, type: f.type });
    first.delete(e.id);
  }
  for (const [id, f] of first) {
    const e: Entity = { id, type: f.type };
    if (f.ar) e.ar = f.ar;
    if (f.en) e.en = f.en;
    out.push(e);
  }
  return out;
}
