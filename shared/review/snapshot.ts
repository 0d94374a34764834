// What a reviewer accepted and what changed since (issue 18 item 4). A row is seen as a RowView:
// its English (the target sentences joined by one space) and its mentions, keyed so two versions
// can be compared as sets. The `reviewed` snapshot stores exactly these keys (format 1.1):
//   mention key  `side:start:end:type`   side 'ar': code points into the whole source text;
//                                        side 'en': code points into the row's joined English
//   link key     `<ar mention key>|<en mention key>`  an Arabic and an English mention of the row
//                                        that share an entity (the entity panel's link)
// Pure: the editor (renderer/editor/plugins/review.ts) and tests build RowViews the same way.
import { tmTokens } from '../tm/tokens.ts';
import { diffMatch, type DiffPiece } from '../tm/diff.ts';
import { cpLength } from '../text/offsets.ts';
import type { Annotations, AlignmentUnit, RowReview, Side } from '../model/types.ts';

/** A mention as review compares it. */
export interface ViewMention {
  side: Side;
  /** code points: side 'ar' into the source text, side 'en' into the row's joined English */
  start: number;
  end: number;
  type: string;
  /** entity id: mentions of one entity on both sides of a row are linked */
  entity: string;
  /** the mention's text, for display */
  text: string;
}

/** One row as review sees it. */
export interface RowView {
  /** the row's English: its target sentences joined by one space ('' when none) */
  en: string;
  mentions: ViewMention[];
}

/** Separator between a row's English sentences in `RowView.en` (and in `reviewed.en`). */
export const SENTENCE_JOIN = ' ';

export function mentionKey(m: Pick<ViewMention, 'side' | 'start' | 'end' | 'type'>): string {
  return `${m.side}:${m.start}:${m.end}:${m.type}`;
}

/** The row's links: every (Arabic, English) pair of its mentions that share an entity, sorted. */
export function linkKeys(mentions: readonly ViewMention[]): string[] {
  const out: string[] = [];
  for (const a of mentions) {
    if (a.side !== 'ar') continue;
    for (const e of mentions) if (e.side === 'en' && e.entity === a.entity) out.push(`${mentionKey(a)}|${mentionKey(e)}`);
  }
  return out.sort();
}

/** The row's mention keys, sorted. */
export function mentionKeys(mentions: readonly ViewMention[]): string[] {
  return mentions.map(mentionKey).sort();
}

/** The RowView of a saved unit (used by tests and the curation view; the editor reads its document). */
export function unitView(a: Annotations, unit: AlignmentUnit): RowView {
  const targets = new Map(a.targets.map((t) => [t.id, t.text]));
  const offsetOf = new Map<string, number>();
  const parts: string[] = [];
  let at = 0;
  for (const id of unit.target) {
    const text = targets.get(id) ?? '';
    if (parts.length) at += cpLength(SENTENCE_JOIN);
    offsetOf.set(id, at);
    parts.push(text);
    at += cpLength(text);
  }
  const segs = new Set(unit.source);
  const mentions: ViewMention[] = [];
  for (const m of a.mentions) {
    if (m.side === 'ar' && segs.has(m.sentence)) mentions.push({ side: 'ar', start: m.start, end: m.end, type: m.type, entity: m.entity, text: m.text });
    const off = m.side === 'en' ? offsetOf.get(m.sentence) : undefined;
    if (off !== undefined) mentions.push({ side: 'en', start: off + m.start, end: off + m.end, type: m.type, entity: m.entity, text: m.text });
  }
  return { en: parts.join(SENTENCE_JOIN), mentions };
}

/** The snapshot written when a reviewer accepts the row. */
export function snapshotOf(view: RowView, by: string, at: string): RowReview {
  return { by, at, en: view.en, mentions: mentionKeys(view.mentions), links: linkKeys(view.mentions) };
}

/** What changed in a row since its last accepted review. */
export interface ReviewDiff {
  /** 'new': never reviewed; 'changed': differs from the snapshot; 'same': as accepted */
  state: 'new' | 'changed' | 'same';
  /** the English word by word: 'del' pieces were in the reviewed English, 'ins' pieces are new */
  words: DiffPiece[];
  mentionsAdded: string[];
  mentionsRemoved: string[];
  linksAdded: string[];
  linksRemoved: string[];
}

/** Elements of `a` missing from `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const s = new Set(b);
  return a.filter((x) => !s.has(x));
}

/** The row's changes since `reviewed` (absent: never reviewed, everything is new). */
export function reviewDiff(reviewed: RowReview | null | undefined, view: RowView): ReviewDiff {
  const mentions = mentionKeys(view.mentions);
  const links = linkKeys(view.mentions);
  const old = reviewed ?? { en: '', mentions: [], links: [] };
  // never reviewed: the whole English is new, as written (the word diff would drop its punctuation)
  const words = old.en === view.en
    ? (view.en ? [{ op: 'same' as const, text: view.en }] : [])
    : !reviewed ? [{ op: 'ins' as const, text: view.en }]
      : diffMatch(old.en, tmTokens(old.en, 'en').tokens, view.en, tmTokens(view.en, 'en').tokens);
  const d = {
    words,
    mentionsAdded: minus(mentions, old.mentions),
    mentionsRemoved: minus(old.mentions, mentions),
    linksAdded: minus(links, old.links),
    linksRemoved: minus(old.links, links),
  };
  // the exact text decides "changed" (the word diff folds case; a changed capital still counts)
  const changed = old.en !== view.en || d.mentionsAdded.length + d.mentionsRemoved.length + d.linksAdded.length + d.linksRemoved.length > 0;
  return { state: reviewed ? (changed ? 'changed' : 'same') : 'new', ...d };
}
