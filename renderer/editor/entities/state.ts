// The entity plugin's key, its state and action types, and read-only lookups of that state.
// Commands (commands/entities.ts), the plugin (plugins/entity-state.ts) and the editor handle
// import this module; it imports neither of them, so they never import each other.
import type { Lexicon } from '../../../shared/align/lexical.ts';
import { PluginKey, type EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import type { Side, StoredSuggestion, TagType } from '../../../shared/model/types.ts';
import type { GlossaryEntry } from '../../../shared/entities/glossary.ts';

/** Values interpolated into a message (i18next options). */
export type MessageValues = Record<string, string | number>;

/** What a message says, untranslated: the key under `entities.msg` and its values. The UI
 * translates it with i18next (renderer/ui/entity-messages.ts). */
export interface MessageSpec {
  /** 'error' for refusals, 'info' otherwise */
  kind: 'error' | 'info';
  /** key under entities.msg (i18next plurals by `values.count`) */
  key: string;
  values?: MessageValues;
}

/** A message for the user (a refused tag, a link made, suggestions found). */
export interface EntityMessage extends MessageSpec {
  /** increases with every message, so the same message twice is shown twice */
  seq: number;
}

/** What a suggestion proposes (the decoration's spec). */
export interface SuggestionSpec {
  /** suggestion id (g1, g2, … within this editor session) */
  id: string;
  side: Side;
  /** the tag type the mention would get */
  type: string;
  /** the entity the mention would join (allocated when the suggestion is made) */
  entity: string;
  /** where it came from: tag-all-occurrences, the glossary, an English span for an Arabic
   * mention, or the sidecar (`muwazi entities --propagate`; kept there until accepted or rejected) */
  origin: 'propagate' | 'glossary' | 'link' | 'stored';
  /** the English span's score for origin 'link' */
  score?: number;
  /** 'low': shown, but left out of "accept all" (a common word, a conflict, history) */
  confidence?: 'high' | 'low';
  /** the types the string is tagged with in the report, when more than one */
  conflict?: string[];
}

/** A suggestion with its current document range. */
export interface Suggestion extends SuggestionSpec {
  from: number;
  to: number;
}

/** A suggestion to add: its range and spec. */
export interface SuggestionAdd {
  from: number;
  to: number;
  spec: SuggestionSpec;
}

/** The end of a cross-lingual link waiting for its counterpart. */
export interface PendingLink {
  /** the mention id (m…) the link starts from */
  mention: string;
  /** its entity id */
  entity: string;
  side: Side;
  /** its text (for messages) */
  text: string;
}

/** The plugin's state (immutable; replaced on every change). No translated text: messages are keys. */
export interface EntityState {
  tagSet: TagType[];
  glossary: GlossaryEntry[];
  /** the app's word list (assets/lexicon): tag-all holds back names that are also common words
   * where the row's English reads them as the word; null until the host sent it (or without one) */
  wordList: WordList | null;
  /** folded glossary forms (snapping's known names) */
  known: ReadonlySet<string>;
  /** next free numbers for mention (m), entity (e) and suggestion (g) ids; never go back, so an
   * undone tag's id is never handed out again */
  next: { m: number; e: number; g: number };
  suggestions: DecorationSet;
  link: PendingLink | null;
  /** the pending link's mention, highlighted (empty without a pending link) */
  linkFrom: DecorationSet;
  message: EntityMessage | null;
  /** suggestions the user rejected (loaded from the sidecar, then this session's): saved with the
   * report, never proposed again */
  rejected: readonly StoredSuggestion[];
}

/** What a transaction asks of the plugin (tr.setMeta(entityKey, action)). */
export interface EntityAction {
  /** ids used by this transaction: the counters move past them */
  used?: { m?: number; e?: number; g?: number };
  add?: SuggestionAdd[];
  /** suggestion ids to drop */
  remove?: string[];
  /** rejected suggestions to remember */
  reject?: StoredSuggestion[];
  clear?: boolean;
  /** set (or with null, cancel) the pending link */
  link?: PendingLink | null;
  message?: MessageSpec;
  /** replace the tag set / glossary (after settings or glossary changes) */
  config?: { tagSet?: TagType[]; glossary?: GlossaryEntry[]; wordList?: WordList | null };
}

/** What tag-all reads of the word list. */
export type WordList = Pick<Lexicon, 'map'>;

export const entityKey = new PluginKey<EntityState>('muwazi-entities');

/** The entity plugin state of `state` (throws when the plugin is missing). */
export function entityState(state: EditorState): EntityState {
  const s = entityKey.getState(state);
  if (!s) throw new Error('the entity plugin is not installed');
  return s;
}

const asSuggestion = (d: { from: number; to: number; spec: unknown }): Suggestion => ({ ...(d.spec as SuggestionSpec), from: d.from, to: d.to });

/** All suggestions of a state, in document order. */
export function suggestionsOf(state: EditorState): Suggestion[] {
  const s = entityKey.getState(state);
  if (!s) return [];
  return s.suggestions.find().map(asSuggestion).sort((a, b) => a.from - b.from);
}

/** Suggestions overlapping [from, to) (`inside`: lying within it), in document order; a lookup
 * in the decoration tree, not a pass over every suggestion. */
export function suggestionsIn(state: EditorState, from: number, to: number, inside = false): Suggestion[] {
  const s = entityKey.getState(state);
  if (!s) return [];
  return s.suggestions.find(from, to)
    .filter((d) => (inside ? from <= d.from && d.to <= to : d.from < to && from < d.to))
    .map(asSuggestion)
    .sort((a, b) => a.from - b.from);
}

/** The suggestion under the selection, or null. */
export function suggestionAtSelection(state: EditorState): Suggestion | null {
  const { from, to } = state.selection;
  const es = entityKey.getState(state);
  if (!es) return null;
  // find() returns the decorations touching [from, to], so a caret at either end is included
  const found = es.suggestions.find(from, to).filter((d) => d.from <= from && to <= d.to).sort((a, b) => a.from - b.from);
  return found.length ? asSuggestion(found[0]) : null;
}
