// Resolving the merge driver's conflicts (format 1.1 `conflicts`, shared/team/merge.ts). The merged
// file keeps OUR side in place and records theirs, so "ours" only drops the record; "theirs" and
// "both" become an edit of the row, which the editor applies together with dropping the record as
// one undo step (renderer/editor/commands/review.ts). The driver's shapes: `english` — one English
// sentence's text on each side (null: that side dropped it); `status` — statuses; `mention` and
// `mentionType` — whole mentions (null: deleted on that side); `link` — the entity on each side;
// `rows` — row summaries. Links and rows are shown for the user to redo by hand: only "keep ours"
// applies to them. Pure.
import { RowStatusSchema } from '../model/schema.ts';
import type { MergeConflict, RowStatus, Side } from '../model/types.ts';

export type ConflictChoice = 'ours' | 'theirs' | 'both';

/** A mention as a conflict carries it (the saved mention's fields; offsets as in the sidecar). */
export interface ConflictMention {
  side: Side;
  sentence: string;
  start: number;
  end: number;
  text: string;
  type: string;
  entity?: string;
  id?: string;
}

/** The edit a choice makes to the open report. */
export type ConflictEdit =
  | { kind: 'none' }
  /** the row's English sentence that reads `ours` (null: add a sentence) becomes `text` (null: dropped) */
  | { kind: 'english'; unit: string; ours: string | null; text: string | null }
  | { kind: 'status'; unit: string; status: RowStatus }
  /** drop the mentions covering `remove`'s span (ours), then tag `add` */
  | { kind: 'mentions'; remove: ConflictMention | null; add: ConflictMention[] };

function asMention(v: unknown): ConflictMention | null {
  if (!v || typeof v !== 'object') return null;
  const m = v as Record<string, unknown>;
  const ok = (m.side === 'ar' || m.side === 'en') && typeof m.sentence === 'string' && Number.isInteger(m.start) && Number.isInteger(m.end)
    && typeof m.text === 'string' && typeof m.type === 'string';
  return ok ? (m as unknown as ConflictMention) : null;
}

/** A value's type string: a plain string, or an object's `type` (a mention). */
function typeOf(v: unknown): string | null {
  if (typeof v === 'string' && v) return v;
  return asMention(v)?.type ?? null;
}

/** The edit for `choice`, or null when that choice cannot be applied to this conflict. */
export function conflictEdit(c: MergeConflict, choice: ConflictChoice): ConflictEdit | null {
  if (choice === 'ours') return { kind: 'none' };
  switch (c.kind) {
    case 'english': {
      const str = (v: unknown) => typeof v === 'string' || v === null;
      if (!c.unit || !str(c.ours) || !str(c.theirs)) return null;
      const [ours, theirs] = [c.ours as string | null, c.theirs as string | null];
      if (choice === 'theirs') return { kind: 'english', unit: c.unit, ours, text: theirs };
      // both: their sentence after ours (only when both sides have one)
      return ours !== null && theirs !== null ? { kind: 'english', unit: c.unit, ours, text: [ours, theirs].filter(Boolean).join(' ') } : null;
    }
    case 'status': {
      const s = RowStatusSchema.safeParse(c.theirs);
      // "both" statuses cannot hold at once
      return choice === 'theirs' && c.unit && s.success ? { kind: 'status', unit: c.unit, status: s.data } : null;
    }
    case 'mention':
    case 'mentionType': {
      const ours = asMention(c.ours);
      const theirs = asMention(c.theirs);
      if (c.kind === 'mentionType' && ours && !theirs) {
        // theirs given as a bare type: the same span with their type
        const type = typeOf(c.theirs);
        if (!type || choice === 'both') return null;
        return { kind: 'mentions', remove: ours, add: [{ ...ours, type }] };
      }
      if (choice === 'theirs') return ours || theirs ? { kind: 'mentions', remove: ours, add: theirs ? [theirs] : [] } : null;
      // both: only when the spans do not overlap (one mention per character)
      if (!ours || !theirs || (ours.sentence === theirs.sentence && ours.start < theirs.end && theirs.start < ours.end)) return null;
      return { kind: 'mentions', remove: null, add: [theirs] };
    }
    default:
      // links and row structure: theirs is shown for the user to redo by hand; only "keep ours" applies
      return null;
  }
}

/** The choices that apply to a conflict, in the order the panel offers them. */
export function choicesFor(c: MergeConflict): ConflictChoice[] {
  return (['ours', 'theirs', 'both'] as const).filter((k) => conflictEdit(c, k) !== null);
}

/** A conflict value as text for the panel: strings as they are, a mention as `text (TYPE)`,
 * null as '' (that side deleted it), anything else as compact JSON. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  const m = asMention(v);
  if (m) return `${m.text} (${m.type})`;
  const o = v as Record<string, unknown>;
  // an entity (a link conflict): its forms and type
  if (typeof o.type === 'string' && ('ar' in o || 'en' in o)) return `${String(o.ar ?? '')} ↔ ${String(o.en ?? '')} (${o.type})`;
  // row summaries (a rows conflict): each row's English
  if (Array.isArray(v)) return v.map((r) => (Array.isArray((r as { en?: unknown }).en) ? ((r as { en: string[] }).en.join(' ')) : JSON.stringify(r))).join(' ¦ ');
  return JSON.stringify(v);
}
