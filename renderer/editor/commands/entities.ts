// Entity commands: tag the selection (with Arabic-aware snapping), change a tag's type, remove it,
// link an Arabic mention to an English one in the same row, tag all occurrences (as suggestions),
// pre-annotate from the glossary, and accept/reject suggestions. Commands follow ProseMirror's
// contract and have no side effects: a refusal returns false and dispatches nothing, so the key
// falls through to the next handler (a refused Alt+Backspace deletes a word). A refusable command
// says why through `refusal(state)` (a message key and values); the key handler shows it
// (`explainRefusal`). Messages are keys, translated in the UI. Every change is its own undo step.
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import type { StoredSuggestion } from '../../../shared/model/types.ts';
import { snapSelection, wordSet } from '../../../shared/entities/snap.ts';
import { nameKey } from '../../../shared/text/normalize.ts';
import { propagateReport } from '../../../shared/entities/propagate-report.ts';
import { suggestEnglishSpans } from '../../../shared/entities/suggest.ts';
import { renderingsOf, type GlossaryEntry } from '../../../shared/entities/glossary.ts';
import { tagByName } from '../../../shared/entities/tagset.ts';
import { schema, type EntityAttrs } from '../schema.ts';
import { sourceOf } from '../plugins/source-readonly.ts';
import { ROW_OP } from '../plugins/status-draft.ts';
import { scrollIfHidden } from '../scroll.ts';
import { sourceWords } from '../entities/snapping.ts';
import {
  entityKey, entityState, suggestionAtSelection, suggestionsIn, suggestionsOf,
  type EntityAction, type EntityState, type MessageSpec, type MessageValues, type Suggestion, type SuggestionAdd,
} from '../entities/state.ts';
import {
  liteAnnotations, mentionAtSelection, mentionsOf, preAnnotation, rowEnglish, rowSentences, runOffsets, runsOf, sentenceAt, storedOf, toAdd,
  type MentionRun, type SentenceRef,
} from '../entities/doc.ts';

// ---- refusals and messages -----------------------------------------------------------------------

/** Why a command refused: the message to show (kind 'error' or 'info'), and whether the pending
 * link is dropped with it (its start mention is gone). */
export interface Refusal extends MessageSpec {
  cancelLink?: boolean;
}

/** A command that can say why it refuses (null: it applies, or refuses with nothing to say). */
export type ExplainedCommand = Command & { refusal(state: EditorState): Refusal | null };

/** What a command does in `state`: refuse (with a reason, or silently with null), or run. */
type Plan = { refused: Refusal | null } | { run: (dispatch: (tr: Transaction) => void) => void };

const refuse = (kind: Refusal['kind'], key: string, values?: MessageValues, cancelLink?: boolean): Plan =>
  ({ refused: { kind, key, ...(values ? { values } : {}), ...(cancelLink ? { cancelLink } : {}) } });
const silently: Plan = { refused: null };

/** A command from its plan: false on refusal (nothing dispatched), true when it runs. */
function explained(plan: (state: EditorState) => Plan): ExplainedCommand {
  const cmd = ((state: EditorState, dispatch?: (tr: Transaction) => void) => {
    const p = plan(state);
    if ('refused' in p) return false;
    if (dispatch) p.run(dispatch);
    return true;
  }) as ExplainedCommand;
  cmd.refusal = (state) => {
    const p = plan(state);
    return 'refused' in p ? p.refused : null;
  };
  return cmd;
}

/** A transaction that only shows a message (not an undo step). */
export function messageTr(state: EditorState, message: MessageSpec, extra: EntityAction = {}): Transaction {
  return state.tr.setMeta(entityKey, { ...extra, message } satisfies EntityAction).setMeta('addToHistory', false);
}

/** After `cmd` refused: shows why, when it can say (true), else false (the key goes on). */
export function explainRefusal(cmd: Command, state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const why = 'refusal' in cmd ? (cmd as ExplainedCommand).refusal(state) : null;
  if (!why || !entityKey.getState(state)) return false;
  if (dispatch) {
    const { cancelLink, ...message } = why;
    dispatch(messageTr(state, message, cancelLink ? { link: null } : {}));
  }
  return true;
}

// ---- transactions ------------------------------------------------------------------------------

/** A tagging transaction: its own undo step, not "typing" for the row-status plugin. */
function tagTr(state: EditorState): Transaction {
  return closeHistory(state.tr).setMeta(ROW_OP, true);
}

const num = (id: string) => Number(id.slice(1));

function entityMark(attrs: EntityAttrs) {
  return schema.marks.entity.create(attrs);
}

/** Every mark run of entity `entity`. */
function runsOfEntity(doc: PMNode, entity: string): MentionRun[] {
  return mentionsOf(doc).filter((r) => r.attrs.entity === entity);
}

// ---- snapping ----------------------------------------------------------------------------------

/** The word around a caret offset (UTF-16, inside `text`): letters, marks and digits. */
function wordAround(text: string, off: number): { start: number; end: number } {
  const word = /[\p{L}\p{M}\p{N}\u0640]/u;
  let a = off;
  let b = off;
  while (a > 0 && word.test(text[a - 1])) a--;
  while (b < text.length && word.test(text[b])) b++;
  return { start: a, end: b };
}

/** The span tagging would take for the selection: snapped (unless `exact`), in document positions;
 * or the message key of the refusal. */
export function tagSpan(state: EditorState, exact: boolean): { from: number; to: number; sentence: SentenceRef } | { refused: string } {
  const { from, to, empty } = state.selection;
  const s = sentenceAt(state.doc, from);
  if (!s || sentenceAt(state.doc, to)?.start !== s.start) return { refused: 'oneSentence' };
  const text = s.node.textContent;
  let a = from - s.start;
  let b = to - s.start;
  if (empty) ({ start: a, end: b } = wordAround(text, a));
  if (a === b) return { refused: 'nothing' };
  const map = new OffsetMap(text);
  const es = entityState(state);
  const words = s.side === 'ar' ? sourceWords(sourceOf(state).text) : wordSet(text);
  // the row's English is evidence for a clitic (بفرانكو ↔ Franco) or against one (فالينتينو ↔ Valentino)
  const english = s.side === 'ar' ? rowEnglish(state.doc, s) : undefined;
  const snapped = snapSelection(text, map.toCodePoint(a), map.toCodePoint(b), { exact: exact && !empty, known: es.known, words, english });
  if (!snapped) return { refused: 'nothing' };
  return { from: s.start + map.toUtf16(snapped.start), to: s.start + map.toUtf16(snapped.end), sentence: s };
}

// ---- tagging -------------------------------------------------------------------------------------

/** Options of tagSelection. */
export interface TagOptions {
  /** keep the selection as made (no snapping; modifier key held) */
  exact?: boolean;
}

/**
 * Tags the selection (or the word at the caret) as `type`. On a mention, changes its type instead.
 * The new mention joins an entity of the same side, type and folded text if the report has one,
 * else a new entity. Tagging an Arabic name also suggests its best English span in the row.
 */
export function tagSelection(type: string, opts: TagOptions = {}): ExplainedCommand {
  return explained((state) => {
    const es = entityKey.getState(state);
    if (!es) return silently;
    const on = mentionAtSelection(state);
    if (on && (state.selection.empty || (state.selection.from === on.from && state.selection.to === on.to))) return changeTypePlan(state, type);
    const span = tagSpan(state, opts.exact === true);
    if ('refused' in span) return refuse('error', span.refused);
    const { from, to, sentence } = span;
    const clash = runsOf(sentence).find((r) => r.from < to && from < r.to);
    if (clash) return refuse('error', 'overlap', { type: clash.attrs.type, text: clash.text });
    return {
      run: (dispatch) => {
        const text = state.doc.textBetween(from, to);
        const key = nameKey(text);
        const all = mentionsOf(state.doc);
        const same = all.find((r) => r.sentence.side === sentence.side && r.attrs.type === type && nameKey(r.text) === key);
        const id = `m${es.next.m}`;
        const entity = same ? same.attrs.entity : `e${es.next.e}`;
        const tr = tagTr(state).addMark(from, to, entityMark({ id, type, entity }));
        // the selection is set only when snapping moved it: an unchanged selection costs no DOM selection update
        if (state.selection.from !== from || state.selection.to !== to) tr.setSelection(TextSelection.create(tr.doc, from, to));
        const action: EntityAction = { used: { m: num(id), e: same ? 0 : num(entity) }, remove: suggestionsIn(state, from, to).map((g) => g.id) };
        if (sentence.side === 'ar') {
          const link = englishSuggestion(state, es, all, sentence, text, type, entity);
          if (link) {
            action.add = [link];
            action.used!.g = num(link.spec.id);
          }
        }
        dispatch(tr.setMeta(entityKey, action));
      },
    };
  });
}

/** The best English span of the row for a newly tagged Arabic name, unless the entity already
 * has an English mention there. */
function englishSuggestion(
  state: EditorState, es: EntityState, all: MentionRun[], ar: SentenceRef, arText: string, type: string, entity: string,
): SuggestionAdd | null {
  const targets = rowSentences(state.doc, ar).filter((s) => s.side === 'en' && s.node.content.size > 0);
  if (all.some((r) => r.attrs.entity === entity && r.sentence.side === 'en' && r.sentence.row === ar.row)) return null;
  const renderings = renderingsOf(es.glossary, arText);
  let best: { from: number; to: number; score: number } | null = null;
  for (const t of targets) {
    const text = t.node.textContent;
    const map = new OffsetMap(text);
    const taken = runsOf(t).map((r) => runOffsets(r, map));
    taken.push(...suggestionsIn(state, t.start, t.start + t.node.content.size, true)
      .map((g) => ({ start: map.toCodePoint(g.from - t.start), end: map.toCodePoint(g.to - t.start) })));
    const [c] = suggestEnglishSpans(arText, text, { renderings, taken, limit: 1 });
    if (c && (!best || c.score > best.score)) best = { from: t.start + map.toUtf16(c.start), to: t.start + map.toUtf16(c.end), score: c.score };
  }
  if (!best) return null;
  return { from: best.from, to: best.to, spec: { id: `g${es.next.g}`, side: 'en', type, entity, origin: 'link', score: best.score } };
}

/** Changing the type of the mention under the selection (and of every mention of its entity). */
function changeTypePlan(state: EditorState, type: string): Plan {
  const es = entityKey.getState(state);
  if (!es) return silently;
  const on = mentionAtSelection(state);
  if (!on) return refuse('error', 'noMention');
  // already that type: applies, with nothing to change
  if (on.attrs.type === type) return { run: () => {} };
  return {
    run: (dispatch) => {
      const tr = tagTr(state);
      for (const r of runsOfEntity(state.doc, on.attrs.entity)) tr.addMark(r.from, r.to, entityMark({ ...r.attrs, type }));
      const label = tagByName(es.tagSet, type)?.label || type;
      dispatch(tr.setMeta(entityKey, { message: { kind: 'info', key: 'typeChanged', values: { text: on.text, type: label } } } satisfies EntityAction));
    },
  };
}

/** Changes the type of the mention under the selection (and of every mention of its entity). */
export function changeTagType(type: string): ExplainedCommand {
  return explained((state) => changeTypePlan(state, type));
}

/** Removes the tag under the selection (only that mention). */
export const removeTag: ExplainedCommand = explained((state) => {
  if (!entityKey.getState(state)) return silently;
  const on = mentionAtSelection(state);
  if (!on) return refuse('error', 'noMention');
  return { run: (dispatch) => dispatch(tagTr(state).removeMark(on.from, on.to, schema.marks.entity)) };
});

// ---- cross-lingual links -----------------------------------------------------------------------

/** The link step for mention `on` (the caret's, or a clicked one). */
function linkPlan(state: EditorState, on: MentionRun): Plan {
  const es = entityKey.getState(state);
  if (!es) return silently;
  const pending = es.link;
  if (!pending || pending.mention === on.attrs.id) {
    const link = { mention: on.attrs.id, entity: on.attrs.entity, side: on.sentence.side, text: on.text };
    return { run: (dispatch) => dispatch(messageTr(state, { kind: 'info', key: 'linkStart', values: { text: on.text } }, { link })) };
  }
  if (pending.side === on.sentence.side) return refuse('error', 'sameSide');
  const all = mentionsOf(state.doc);
  const from = all.find((r) => r.attrs.id === pending.mention);
  // the link's start was deleted meanwhile: the refusal's message drops the pending link too
  if (!from) return refuse('error', 'noMention', undefined, true);
  const [ar, en] = from.sentence.side === 'ar' ? [from, on] : [on, from];
  if (ar.sentence.row !== en.sentence.row) return refuse('error', 'differentRows');
  return {
    run: (dispatch) => {
      const tr = tagTr(state);
      if (ar.attrs.entity !== en.attrs.entity) {
        for (const r of all) {
          if (r.attrs.entity === en.attrs.entity) tr.addMark(r.from, r.to, entityMark({ ...r.attrs, entity: ar.attrs.entity, type: ar.attrs.type }));
        }
      }
      dispatch(tr.setMeta(entityKey, { link: null, message: { kind: 'info', key: 'linked', values: { ar: ar.text, en: en.text } } } satisfies EntityAction));
    },
  };
}

/**
 * Link mode: on a mention with no link pending, remember it; on a mention of the other side with a
 * link pending, join the English mention's entity to the Arabic one's (same row only).
 */
export const linkMention: ExplainedCommand = explained((state) => {
  if (!entityKey.getState(state)) return silently;
  const on = mentionAtSelection(state);
  if (!on) return refuse('error', 'noMention');
  return linkPlan(state, on);
});

/** The link step for mention `on` as a command (a clicked mention). */
export function linkWith(on: MentionRun): ExplainedCommand {
  return explained((state) => linkPlan(state, on));
}

/** Esc: cancels a pending link (false when none, so Esc does its usual work). */
export const cancelLink: Command = (state, dispatch) => {
  if (!entityKey.getState(state)?.link) return false;
  if (dispatch) dispatch(messageTr(state, { kind: 'info', key: 'linkCancelled' }, { link: null }));
  return true;
};

// ---- suggestions -------------------------------------------------------------------------------

/** What the sidecar keeps of the suggestions: the rejected ones and the pending ones that came
 * from it (glossary and tag-all suggestions are recomputed, not stored); undefined when none,
 * null without entity tagging (the sidecar's list is then left as it was). */
export function suggestionsToStore(state: EditorState): StoredSuggestion[] | undefined | null {
  const es = entityKey.getState(state);
  if (!es) return null;
  const pending = suggestionsOf(state).filter((g) => g.origin === 'stored').map((g) => storedOf(state.doc, g, 'pending')).filter((g) => g !== null);
  const out = [...es.rejected, ...pending];
  return out.length ? out : undefined;
}

const existingOf = (state: EditorState) => new Set(suggestionsOf(state).map((g) => `${g.from}:${g.to}`));

/** "Tag all occurrences": every other occurrence of the mention under the caret in this report
 * (same side; clitic variants, never inside a word) becomes a suggestion joining its entity. */
export const tagAllOccurrences: ExplainedCommand = explained((state) => {
  const es = entityKey.getState(state);
  if (!es) return silently;
  const on = mentionAtSelection(state);
  if (!on) return refuse('error', 'noMention');
  return {
    run: (dispatch) => {
      const { annotations, where } = liteAnnotations(state.doc);
      // the longer tagged or glossary name wins, rejected spans stay rejected, common words and
      // conflicting types come back as low confidence (shared/entities/propagate-report.ts)
      const blockers = es.glossary.flatMap((g) => [g.ar, g.en]).filter((f): f is string => Boolean(f));
      const found = propagateReport({ ...annotations, suggestions: [...es.rejected] }, sourceOf(state).text, {
        only: [{ side: on.sentence.side, text: on.text, type: on.attrs.type, entity: on.attrs.entity }],
        blockers,
        lexicon: es.wordList,
      });
      const { add, lastG } = toAdd(where, found, () => on.attrs.entity, 'propagate', es.next.g, existingOf(state));
      // finding none is an answer, not a refusal: the command ran
      if (add.length === 0) dispatch(messageTr(state, { kind: 'info', key: 'noneFound' }));
      else dispatch(messageTr(state, { kind: 'info', key: 'suggested', values: { count: add.length } }, { add, used: { g: lastG } }));
    },
  };
});

/** Uses `glossary` from now on: pre-annotation suggestions no pair of it proposes any more
 * (deleted pair, other type) are dropped, new ones are added, and English span suggestions use
 * its renderings. Suggestions already accepted are mentions and stay. One transaction, not an
 * undo step. */
export function applyGlossary(glossary: GlossaryEntry[]): Command {
  return (state, dispatch) => {
    const es = entityKey.getState(state);
    if (!es) return false;
    if (!dispatch) return true;
    const key = (from: number, to: number, type: string) => `${from}:${to}:${type}`;
    const pre = preAnnotation(state.doc, sourceOf(state).text, glossary, es.next);
    const wanted = new Set(pre.add.map((a) => key(a.from, a.to, a.spec.type)));
    const all = suggestionsOf(state);
    const drop = new Set(all.filter((s) => s.origin === 'glossary' && !wanted.has(key(s.from, s.to, s.type))).map((s) => s.id));
    const kept = new Set(all.filter((s) => !drop.has(s.id)).map((g) => `${g.from}:${g.to}`));
    const add = pre.add.filter((a) => !kept.has(`${a.from}:${a.to}`));
    const action: EntityAction = { config: { glossary }, remove: [...drop] };
    if (add.length) Object.assign(action, { add, used: pre.used, message: { kind: 'info', key: 'suggested', values: { count: add.length } } });
    dispatch(state.tr.setMeta(entityKey, action).setMeta('addToHistory', false));
    return true;
  };
}

/** Pre-annotates the report from the glossary now (false when the glossary finds nothing new). */
export const preAnnotateFromGlossary: Command = (state, dispatch) => {
  const es = entityKey.getState(state);
  if (!es) return false;
  const { add, used } = preAnnotation(state.doc, sourceOf(state).text, es.glossary, es.next, existingOf(state));
  if (add.length === 0) return false;
  if (dispatch) dispatch(messageTr(state, { kind: 'info', key: 'suggested', values: { count: add.length } }, { add, used }));
  return true;
};

/** Applies suggestions to `tr` (skipping any that would overlap a mention); returns how many. */
function applySuggestions(state: EditorState, tr: Transaction, list: Suggestion[]): { applied: number; refused: MentionRun | null } {
  const es = entityState(state);
  const all = mentionsOf(state.doc);
  const typeOf = new Map(all.map((r) => [r.attrs.entity, r.attrs.type]));
  let m = es.next.m;
  let applied = 0;
  let refused: MentionRun | null = null;
  const taken: Array<{ from: number; to: number }> = [];
  for (const g of list) {
    const clash = all.find((r) => r.from < g.to && g.from < r.to);
    if (clash || taken.some((t) => t.from < g.to && g.from < t.to)) {
      refused = clash ?? refused;
      continue;
    }
    const type = typeOf.get(g.entity) ?? g.type;
    tr.addMark(g.from, g.to, entityMark({ id: `m${m++}`, type, entity: g.entity }));
    typeOf.set(g.entity, type);
    taken.push(g);
    applied++;
  }
  tr.setMeta(entityKey, { used: { m: m - 1 }, remove: list.map((g) => g.id) } satisfies EntityAction);
  return { applied, refused };
}

/** Accepts the suggestion under the selection (or, with none there, the next one after it). */
export const acceptSuggestion: ExplainedCommand = explained((state) => {
  if (!entityKey.getState(state)) return silently;
  const g = suggestionAtSelection(state) ?? suggestionsOf(state).find((x) => x.from >= state.selection.to) ?? null;
  if (!g) return refuse('info', 'noSuggestion');
  return {
    run: (dispatch) => {
      const tr = tagTr(state);
      const { applied, refused } = applySuggestions(state, tr, [g]);
      // the suggestion is dropped either way: say why it did not become a mention
      if (applied === 0 && refused) (tr.getMeta(entityKey) as EntityAction).message = { kind: 'error', key: 'overlap', values: { type: refused.attrs.type, text: refused.text } };
      if (state.selection.from !== g.from || state.selection.to !== g.to) tr.setSelection(TextSelection.create(tr.doc, g.from, g.to));
      dispatch(scrollIfHidden(tr));
    },
  };
});

/** Rejects the suggestion under the selection. */
export const rejectSuggestion: Command = (state, dispatch) => {
  const g = suggestionAtSelection(state);
  if (!g) return false;
  if (dispatch) {
    const stored = storedOf(state.doc, g, 'rejected');
    const tr = state.tr.setMeta(entityKey, { remove: [g.id], reject: stored ? [stored] : [] } satisfies EntityAction).setMeta('addToHistory', false);
    const next = suggestionsOf(state).find((x) => x.from >= g.to);
    if (next) scrollIfHidden(tr.setSelection(TextSelection.create(tr.doc, next.from, next.to)));
    dispatch(tr);
  }
  return true;
};

/** Accepts every suggestion (one undo step), except the low-confidence ones (accepted one by one). */
export const acceptAllSuggestions: Command = (state, dispatch) => {
  const es = entityKey.getState(state);
  const list = suggestionsOf(state).filter((g) => g.confidence !== 'low');
  if (!es || list.length === 0) return false;
  if (!dispatch) return true;
  const tr = tagTr(state);
  const { applied } = applySuggestions(state, tr, list);
  (tr.getMeta(entityKey) as EntityAction).message = { kind: 'info', key: 'accepted', values: { count: applied } };
  dispatch(tr);
  return true;
};

/** Rejects every suggestion. */
export const rejectAllSuggestions: Command = (state, dispatch) => {
  const list = suggestionsOf(state);
  if (list.length === 0) return false;
  const reject = list.map((g) => storedOf(state.doc, g, 'rejected')).filter((g) => g !== null);
  if (dispatch) dispatch(state.tr.setMeta(entityKey, { clear: true, reject } satisfies EntityAction).setMeta('addToHistory', false));
  return true;
};

/** Selects the next (dir 1) or previous (dir -1) suggestion, wrapping around. */
export function gotoSuggestion(dir: 1 | -1): ExplainedCommand {
  return explained((state) => {
    if (!entityKey.getState(state)) return silently;
    const list = suggestionsOf(state);
    if (list.length === 0) return refuse('info', 'noSuggestion');
    const { from, to } = state.selection;
    const g = dir > 0 ? list.find((x) => x.from >= to && !(x.from === from && x.to === to)) ?? list[0]
      : [...list].reverse().find((x) => x.to <= from) ?? list[list.length - 1];
    return { run: (dispatch) => dispatch(scrollIfHidden(state.tr.setSelection(TextSelection.create(state.doc, g.from, g.to)))) };
  });
}

/** Selects the mention with id `id` (entity panel). */
export function selectMention(id: string): Command {
  return (state, dispatch) => {
    const r = mentionsOf(state.doc).find((x) => x.attrs.id === id);
    if (!r) return false;
    if (dispatch) dispatch(scrollIfHidden(state.tr.setSelection(TextSelection.create(state.doc, r.from, r.to))));
    return true;
  };
}

/** Replaces the glossary and tag set the editor uses (no document change). */
export function configureEntities(config: EntityAction['config']): Command {
  return (state, dispatch) => {
    if (!entityKey.getState(state)) return false;
    if (dispatch) dispatch(state.tr.setMeta(entityKey, { config } satisfies EntityAction).setMeta('addToHistory', false));
    return true;
  };
}
