// Entity commands: tag the selection (with Arabic-aware snapping), change a tag's type, remove it,
// link an Arabic mention to an English one in the same row, tag all occurrences (as suggestions),
// pre-annotate from the glossary, and accept/reject suggestions. Commands have ProseMirror's shape
// and no side effects: refusals are dispatched as a message in the entity plugin's state (the
// plugin view shows it). Every change is its own undo step (closeHistory).
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import type { Annotations, Entity, Mention, Side, StoredSuggestion } from '../../../shared/model/types.ts';
import { snapSelection, wordSet } from '../../../shared/entities/snap.ts';
import { nameKey } from '../../../shared/text/normalize.ts';
import { type MentionSuggestion } from '../../../shared/entities/propagate.ts';
import { propagateReport, type RankedSuggestion } from '../../../shared/entities/propagate-report.ts';
import { suggestEnglishSpans } from '../../../shared/entities/suggest.ts';
import { preAnnotate, renderingsOf, type GlossaryEntry, type PreAnnotation } from '../../../shared/entities/glossary.ts';
import { tagByName } from '../../../shared/entities/tagset.ts';
import { N, schema, type EntityAttrs, type SourceSentenceAttrs } from '../schema.ts';
import { sourceOf } from '../plugins/source-readonly.ts';
import { ROW_OP } from '../plugins/status-draft.ts';
import {
  entityKey, entityState, messageText, suggestionsOf, type EntityAction, type EntityState, type Suggestion, type SuggestionSpec,
} from '../plugins/entity-state.ts';
import type { Command } from './util.ts';

// ---- reading mentions from the document ------------------------------------------------------

/** A sentence node and where it is. */
export interface SentenceRef {
  node: PMNode;
  /** position just inside the sentence (its first character) */
  start: number;
  side: Side;
  /** segment id (ar) or target id (en) */
  id: string;
  /** index of its row in the document */
  row: number;
}

/** One mention as found in the document: an entity mark's run. */
export interface MentionRun {
  attrs: EntityAttrs;
  /** document positions of the run */
  from: number;
  to: number;
  text: string;
  sentence: SentenceRef;
}

/** The sentence holding document position `pos`, or null. */
export function sentenceAt(doc: PMNode, pos: number): SentenceRef | null {
  const $p = doc.resolve(pos);
  if ($p.depth < 3 || !$p.parent.isTextblock) return null;
  const node = $p.parent;
  return { node, start: $p.start(), side: node.type.name === N.source ? 'ar' : 'en', id: node.attrs.id as string, row: $p.index(0) };
}

/** The mention runs of one sentence, in order. */
export function runsOf(s: SentenceRef): MentionRun[] {
  const runs: MentionRun[] = [];
  let off = s.start;
  let open: MentionRun | null = null;
  s.node.forEach((child) => {
    const mark = child.marks.find((m) => m.type.name === 'entity');
    if (open && (!mark || mark.attrs.id !== open.attrs.id || mark.attrs.entity !== open.attrs.entity || mark.attrs.type !== open.attrs.type)) {
      runs.push(open);
      open = null;
    }
    if (mark) {
      if (!open) open = { attrs: mark.attrs as EntityAttrs, from: off, to: off, text: '', sentence: s };
      open.to = off + child.nodeSize;
      open.text += child.text ?? '';
    }
    off += child.nodeSize;
  });
  if (open) runs.push(open);
  return runs;
}

/** Every sentence of the document. */
export function sentencesOf(doc: PMNode): SentenceRef[] {
  const out: SentenceRef[] = [];
  doc.forEach((row, rowPos, rowIndex) => {
    let cellPos = rowPos + 1;
    row.forEach((cell) => {
      let p = cellPos + 1;
      cell.forEach((s) => {
        out.push({ node: s, start: p + 1, side: s.type.name === N.source ? 'ar' : 'en', id: s.attrs.id as string, row: rowIndex });
        p += s.nodeSize;
      });
      cellPos += cell.nodeSize;
    });
  });
  return out;
}

/** True when some text of the sentence carries an entity mark. */
function hasMention(sentence: PMNode): boolean {
  for (let i = 0; i < sentence.childCount; i++) {
    if (sentence.child(i).marks.some((m) => m.type === schema.marks.entity)) return true;
  }
  return false;
}

/** Every mention in the document, in document order. One pass over the rows that builds
 * nothing for sentences without a mention (~1 ms for 10,000 rows: commands call it once). */
export function mentionsOf(doc: PMNode): MentionRun[] {
  const out: MentionRun[] = [];
  doc.forEach((row, rowPos, rowIndex) => {
    let cellPos = rowPos + 1;
    row.forEach((cell) => {
      let p = cellPos + 1;
      cell.forEach((s) => {
        if (hasMention(s)) {
          out.push(...runsOf({ node: s, start: p + 1, side: s.type.name === N.source ? 'ar' : 'en', id: s.attrs.id as string, row: rowIndex }));
        }
        p += s.nodeSize;
      });
      cellPos += cell.nodeSize;
    });
  });
  return out;
}

/** The sentences of one row (given by any sentence of it), in order. */
export function rowSentences(doc: PMNode, of: SentenceRef): SentenceRef[] {
  const rowPos = doc.resolve(of.start).before(1);
  const row = doc.child(of.row);
  const out: SentenceRef[] = [];
  let cellPos = rowPos + 1;
  row.forEach((cell) => {
    let p = cellPos + 1;
    cell.forEach((s) => {
      out.push({ node: s, start: p + 1, side: s.type.name === N.source ? 'ar' : 'en', id: s.attrs.id as string, row: of.row });
      p += s.nodeSize;
    });
    cellPos += cell.nodeSize;
  });
  return out;
}

/** The mention under the selection: the run holding a non-empty selection, or touching the caret. */
export function mentionAtSelection(state: EditorState): MentionRun | null {
  const { from, to, empty } = state.selection;
  const s = sentenceAt(state.doc, from);
  if (!s) return null;
  const runs = runsOf(s);
  if (!empty) return runs.find((r) => r.from <= from && to <= r.to) ?? null;
  return runs.find((r) => r.from <= from && from < r.to) ?? runs.find((r) => r.to === from) ?? null;
}

/** The annotations the document holds, enough for the shared entity functions (segments,
 * targets, units, mentions with code-point offsets, entities from the marks). */
export function liteAnnotations(doc: PMNode): { annotations: Annotations; where: Map<string, SentenceRef> } {
  const segments: Annotations['segments'] = [];
  const targets: Annotations['targets'] = [];
  const units = new Map<number, Annotations['units'][number]>();
  const mentions: Mention[] = [];
  const entities = new Map<string, Entity>();
  const where = new Map<string, SentenceRef>();
  for (const s of sentencesOf(doc)) {
    const unit = units.get(s.row) ?? { id: `row${s.row}`, source: [], target: [], status: 'auto', origin: 'manual', confirmed: false };
    units.set(s.row, unit);
    const text = s.node.textContent;
    const base = s.side === 'ar' ? (s.node.attrs as SourceSentenceAttrs).start : 0;
    if (s.side === 'ar') {
      const a = s.node.attrs as SourceSentenceAttrs;
      segments.push({ id: a.id, start: a.start, end: a.end, text, origin: a.origin });
      unit.source.push(a.id);
    } else {
      if (s.node.content.size === 0) continue;
      targets.push({ id: s.id, text });
      unit.target.push(s.id);
    }
    where.set(`${s.side}:${s.id}`, s);
    if (!s.node.childCount) continue;
    const map = new OffsetMap(text);
    for (const r of runsOf(s)) {
      const start = base + map.toCodePoint(r.from - s.start);
      const end = base + map.toCodePoint(r.to - s.start);
      mentions.push({ id: r.attrs.id, side: s.side, sentence: s.id, start, end, text: r.text, type: r.attrs.type, entity: r.attrs.entity });
      const e = entities.get(r.attrs.entity) ?? { id: r.attrs.entity, type: r.attrs.type };
      if (!e[s.side]) e[s.side] = r.text;
      entities.set(r.attrs.entity, e);
    }
  }
  const annotations = {
    segments, targets, units: [...units.values()], mentions, entities: [...entities.values()],
  } as unknown as Annotations;
  return { annotations, where };
}

/** Document positions of a span given in the model's code points. */
export function spanPositions(where: Map<string, SentenceRef>, m: { side: Side; sentence: string; start: number; end: number }): { from: number; to: number } | null {
  const s = where.get(`${m.side}:${m.sentence}`);
  if (!s) return null;
  const base = m.side === 'ar' ? (s.node.attrs as SourceSentenceAttrs).start : 0;
  const map = new OffsetMap(s.node.textContent);
  if (m.start - base < 0 || m.end - base > map.cpLength) return null;
  return { from: s.start + map.toUtf16(m.start - base), to: s.start + map.toUtf16(m.end - base) };
}

// ---- transactions ------------------------------------------------------------------------------

/** A transaction carrying only a message for the user. */
function say(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, kind: 'error' | 'info', key: string, vars: Record<string, string | number> = {}): boolean {
  if (dispatch) {
    const text = messageText(entityState(state).t, key, vars);
    dispatch(state.tr.setMeta(entityKey, { message: { kind, text } } satisfies EntityAction).setMeta('addToHistory', false));
  }
  return true;
}

/** A tagging transaction: its own undo step, not "typing" for the row-status plugin. */
function tagTr(state: EditorState): Transaction {
  return closeHistory(state.tr).setMeta(ROW_OP, true);
}

const num = (id: string) => Number(id.slice(1));

function entityMark(attrs: EntityAttrs) {
  return schema.marks.entity.create(attrs);
}

/** Suggestions overlapping [from, to) (`inside`: lying within it), in document order; a lookup
 * in the decoration tree, not a pass over every suggestion. */
function suggestionsIn(state: EditorState, from: number, to: number, inside = false): Suggestion[] {
  return entityState(state).suggestions.find(from, to)
    .filter((d) => (inside ? from <= d.from && d.to <= to : d.from < to && from < d.to))
    .map((d) => ({ ...(d.spec as SuggestionSpec), from: d.from, to: d.to }))
    .sort((a, b) => a.from - b.from);
}

/** Every mark run of entity `entity`. */
function runsOfEntity(doc: PMNode, entity: string): MentionRun[] {
  return mentionsOf(doc).filter((r) => r.attrs.entity === entity);
}

// ---- snapping ----------------------------------------------------------------------------------

let wordCache: { text: string; words: Set<string> } | null = null;
/** Folded words of the whole source (snapping's evidence that a bare word exists), cached: the
 * source text never changes during a session. */
function sourceWords(text: string): Set<string> {
  if (wordCache?.text !== text) wordCache = { text, words: wordSet(text) };
  return wordCache.words;
}

/** Builds snapping's word set of the source ahead of the first tag (~200 ms for a 10,000-row
 * report, otherwise paid by the first tag key; the entity plugin calls it when the editor is idle). */
export function prepareSnapping(sourceText: string): void {
  sourceWords(sourceText);
}

/** The word around a caret offset (UTF-16, inside `text`): letters, marks and digits. */
function wordAround(text: string, off: number): { start: number; end: number } {
  const word = /[\p{L}\p{M}\p{N}\u0640]/u;
  let a = off;
  let b = off;
  while (a > 0 && word.test(text[a - 1])) a--;
  while (b < text.length && word.test(text[b])) b++;
  return { start: a, end: b };
}

/** The span tagging would take for the selection: snapped (unless `exact`), in document positions. */
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
  let english: string | undefined;
  if (s.side === 'ar') {
    const parts: string[] = [];
    state.doc.child(s.row).descendants((n) => {
      if (n.type.name === N.target) parts.push(n.textContent);
      return n.type.name !== N.target;
    });
    english = parts.join(' ');
  }
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
export function tagSelection(type: string, opts: TagOptions = {}): Command {
  return (state, dispatch) => {
    const es = entityKey.getState(state);
    if (!es) return false;
    const on = mentionAtSelection(state);
    if (on && (state.selection.empty || (state.selection.from === on.from && state.selection.to === on.to))) {
      return changeTagType(type)(state, dispatch);
    }
    const span = tagSpan(state, opts.exact === true);
    if ('refused' in span) return say(state, dispatch, 'error', span.refused);
    const { from, to, sentence } = span;
    const clash = runsOf(sentence).find((r) => r.from < to && from < r.to);
    if (clash) return say(state, dispatch, 'error', 'overlap', { type: clash.attrs.type, text: clash.text });
    if (!dispatch) return true;

    const text = state.doc.textBetween(from, to);
    const key = nameKey(text);
    const all = mentionsOf(state.doc);
    const same = all.find((r) => r.sentence.side === sentence.side && r.attrs.type === type && nameKey(r.text) === key);
    const id = `m${es.next.m}`;
    const entity = same ? same.attrs.entity : `e${es.next.e}`;
    const tr = tagTr(state).addMark(from, to, entityMark({ id, type, entity }));
    tr.setSelection(TextSelection.create(tr.doc, from, to));
    const action: EntityAction = { used: { m: num(id), e: same ? 0 : num(entity) }, remove: suggestionsIn(state, from, to).map((g) => g.id) };
    if (sentence.side === 'ar') {
      const link = englishSuggestion(state, es, all, sentence, text, type, entity);
      if (link) {
        action.add = [link];
        action.used!.g = num(link.spec.id);
      }
    }
    dispatch(tr.setMeta(entityKey, action));
    return true;
  };
}

/** The best English span of the row for a newly tagged Arabic name, unless the entity already
 * has an English mention there. */
function englishSuggestion(
  state: EditorState, es: EntityState, all: MentionRun[], ar: SentenceRef, arText: string, type: string, entity: string,
): { from: number; to: number; spec: SuggestionSpec } | null {
  const targets = rowSentences(state.doc, ar).filter((s) => s.side === 'en' && s.node.content.size > 0);
  if (all.some((r) => r.attrs.entity === entity && r.sentence.side === 'en' && r.sentence.row === ar.row)) return null;
  const renderings = renderingsOf(es.glossary, arText);
  let best: { from: number; to: number; score: number } | null = null;
  for (const t of targets) {
    const text = t.node.textContent;
    const map = new OffsetMap(text);
    const taken = runsOf(t).map((r) => ({ start: map.toCodePoint(r.from - t.start), end: map.toCodePoint(r.to - t.start) }));
    taken.push(...suggestionsIn(state, t.start, t.start + t.node.content.size, true)
      .map((g) => ({ start: map.toCodePoint(g.from - t.start), end: map.toCodePoint(g.to - t.start) })));
    const [c] = suggestEnglishSpans(arText, text, { renderings, taken, limit: 1 });
    if (c && (!best || c.score > best.score)) best = { from: t.start + map.toUtf16(c.start), to: t.start + map.toUtf16(c.end), score: c.score };
  }
  if (!best) return null;
  return { from: best.from, to: best.to, spec: { id: `g${es.next.g}`, side: 'en', type, entity, origin: 'link', score: best.score } };
}

/** Changes the type of the mention under the selection (and of every mention of its entity). */
export function changeTagType(type: string): Command {
  return (state, dispatch) => {
    const on = mentionAtSelection(state);
    if (!on) return say(state, dispatch, 'error', 'noMention');
    if (on.attrs.type === type) return true;
    if (!dispatch) return true;
    const tr = tagTr(state);
    for (const r of runsOfEntity(state.doc, on.attrs.entity)) tr.addMark(r.from, r.to, entityMark({ ...r.attrs, type }));
    const label = tagByName(entityState(state).tagSet, type)?.label ?? type;
    dispatch(tr.setMeta(entityKey, { message: { kind: 'info', text: messageText(entityState(state).t, 'typeChanged', { text: on.text, type: label }) } } satisfies EntityAction));
    return true;
  };
}

/** Removes the tag under the selection (only that mention). */
export const removeTag: Command = (state, dispatch) => {
  const on = mentionAtSelection(state);
  if (!on) return say(state, dispatch, 'error', 'noMention');
  if (dispatch) dispatch(tagTr(state).removeMark(on.from, on.to, schema.marks.entity));
  return true;
};

// ---- cross-lingual links -----------------------------------------------------------------------

/**
 * Link mode: on a mention with no link pending, remember it; on a mention of the other side with a
 * link pending, join the English mention's entity to the Arabic one's (same row only).
 */
export const linkMention: Command = (state, dispatch) => {
  const es = entityKey.getState(state);
  if (!es) return false;
  const on = mentionAtSelection(state);
  if (!on) return say(state, dispatch, 'error', 'noMention');
  return linkWith(state, dispatch, on);
};

/** The link step for mention `on` (the caret's, or a clicked one). */
export function linkWith(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, on: MentionRun): boolean {
  const es = entityState(state);
  const pending = es.link;
  if (!pending || pending.mention === on.attrs.id) {
    if (dispatch) {
      const link = { mention: on.attrs.id, entity: on.attrs.entity, side: on.sentence.side, text: on.text };
      const text = messageText(es.t, 'linkStart', { text: on.text });
      dispatch(state.tr.setMeta(entityKey, { link, message: { kind: 'info', text } } satisfies EntityAction).setMeta('addToHistory', false));
    }
    return true;
  }
  if (pending.side === on.sentence.side) return say(state, dispatch, 'error', 'sameSide');
  const all = mentionsOf(state.doc);
  const from = all.find((r) => r.attrs.id === pending.mention);
  if (!from) {
    if (dispatch) dispatch(state.tr.setMeta(entityKey, { link: null } satisfies EntityAction));
    return say(state, dispatch, 'error', 'noMention');
  }
  const [ar, en] = from.sentence.side === 'ar' ? [from, on] : [on, from];
  if (ar.sentence.row !== en.sentence.row) return say(state, dispatch, 'error', 'differentRows');
  if (!dispatch) return true;
  const tr = tagTr(state);
  if (ar.attrs.entity !== en.attrs.entity) {
    for (const r of all) {
      if (r.attrs.entity === en.attrs.entity) tr.addMark(r.from, r.to, entityMark({ ...r.attrs, entity: ar.attrs.entity, type: ar.attrs.type }));
    }
  }
  dispatch(tr.setMeta(entityKey, { link: null, message: { kind: 'info', text: messageText(es.t, 'linked', { ar: ar.text, en: en.text }) } } satisfies EntityAction));
  return true;
}

/** Esc: cancels a pending link (false when none, so Esc does its usual work). */
export const cancelLink: Command = (state, dispatch) => {
  if (!entityKey.getState(state)?.link) return false;
  if (dispatch) {
    const text = messageText(entityState(state).t, 'linkCancelled');
    dispatch(state.tr.setMeta(entityKey, { link: null, message: { kind: 'info', text } } satisfies EntityAction).setMeta('addToHistory', false));
  }
  return true;
};

// ---- suggestions -------------------------------------------------------------------------------

/** Suggestion decorations for model suggestions (code points), joining `entityFor(s)`; ids from
 * g`firstG` on; spans already suggested (`existing`, "from:to") are skipped. */
function toAdd(
  where: Map<string, SentenceRef>, list: readonly MentionSuggestion[], entityFor: (s: MentionSuggestion) => string,
  origin: SuggestionSpec['origin'], firstG: number, existing: Set<string>,
): { add: NonNullable<EntityAction['add']>; lastG: number } {
  let g = firstG;
  const add: NonNullable<EntityAction['add']> = [];
  for (const s of list) {
    const p = spanPositions(where, s);
    if (!p || existing.has(`${p.from}:${p.to}`)) continue;
    existing.add(`${p.from}:${p.to}`);
    const spec: SuggestionSpec = { id: `g${g++}`, side: s.side, type: s.type, entity: entityFor(s), origin };
    const r = s as Partial<RankedSuggestion>;
    if (r.confidence) spec.confidence = r.confidence;
    if (r.conflict) spec.conflict = r.conflict;
    add.push({ ...p, spec });
  }
  return { add, lastG: g - 1 };
}

/** Identity of a model span (side, sentence, offsets) for rejections. */
const spanId = (s: { side: Side; sentence: string; start: number; end: number }) => `${s.side}:${s.sentence}:${s.start}:${s.end}`;

/** A suggestion as the sidecar stores it (code points), with `status`; null when it lies in no sentence. */
export function storedOf(doc: PMNode, g: Suggestion, status: StoredSuggestion['status']): StoredSuggestion | null {
  const s = sentenceAt(doc, g.from);
  if (!s) return null;
  const text = s.node.textContent;
  const map = new OffsetMap(text);
  const base = s.side === 'ar' ? (s.node.attrs as SourceSentenceAttrs).start : 0;
  const start = base + map.toCodePoint(g.from - s.start);
  const end = base + map.toCodePoint(Math.min(g.to - s.start, text.length));
  const out: StoredSuggestion = { side: s.side, sentence: s.id, start, end, text: doc.textBetween(g.from, g.to), type: g.type, status };
  if (g.confidence) out.confidence = g.confidence;
  if (g.conflict) out.conflict = g.conflict;
  return out.text ? out : null;
}

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

/** Decorations for the sidecar's pending suggestions (still the same text, not over a mention);
 * each joins its stored entity when the report still has it, else a new one per type and name. */
export function storedAnnotation(
  doc: PMNode, stored: readonly StoredSuggestion[], next: { e: number; g: number }, existing = new Set<string>(),
): { add: NonNullable<EntityAction['add']>; used: { e: number; g: number } } {
  const pending = stored.filter((x) => x.status === 'pending');
  if (pending.length === 0) return { add: [], used: { e: 0, g: 0 } };
  const { annotations, where } = liteAnnotations(doc);
  const entities = new Set(annotations.entities.map((x) => x.id));
  const valid: RankedSuggestion[] = [];
  for (const x of pending) {
    const p = spanPositions(where, x);
    if (!p || doc.textBetween(p.from, p.to) !== x.text) continue;
    if (annotations.mentions.some((m) => m.side === x.side && (x.side === 'ar' || m.sentence === x.sentence) && m.start < x.end && x.start < m.end)) continue;
    const entity = x.entity && entities.has(x.entity) ? x.entity : null;
    valid.push({ side: x.side, sentence: x.sentence, start: x.start, end: x.end, text: x.text, type: x.type, entity, confidence: x.confidence ?? 'high', reasons: [], ...(x.conflict ? { conflict: x.conflict } : {}) });
  }
  let e = next.e;
  const groups = new Map<string, string>();
  const entityFor = (s: MentionSuggestion) => {
    if (s.entity) return s.entity;
    const k = `${nameKey(s.text)}\t${s.type}`;
    let id = groups.get(k);
    if (!id) groups.set(k, (id = `e${e++}`));
    return id;
  };
  const { add, lastG } = toAdd(where, valid, entityFor, 'stored', next.g, existing);
  for (const a of add) a.spec.origin = 'stored';
  return { add, used: { e: e - 1, g: lastG } };
}

const existingOf = (state: EditorState) => new Set(suggestionsOf(state).map((g) => `${g.from}:${g.to}`));

/** "Tag all occurrences": every other occurrence of the mention under the caret in this report
 * (same side; clitic variants, never inside a word) becomes a suggestion joining its entity. */
export const tagAllOccurrences: Command = (state, dispatch) => {
  const es = entityKey.getState(state);
  if (!es) return false;
  const on = mentionAtSelection(state);
  if (!on) return say(state, dispatch, 'error', 'noMention');
  if (!dispatch) return true;
  const { annotations, where } = liteAnnotations(state.doc);
  // the longer tagged or glossary name wins, rejected spans stay rejected, common words and
  // conflicting types come back as low confidence (shared/entities/propagate-report.ts)
  const blockers = es.glossary.flatMap((g) => [g.ar, g.en]).filter((f): f is string => Boolean(f));
  const found = propagateReport({ ...annotations, suggestions: [...es.rejected] }, sourceOf(state).text, {
    only: [{ side: on.sentence.side, text: on.text, type: on.attrs.type, entity: on.attrs.entity }],
    blockers,
  });
  const { add, lastG } = toAdd(where, found, () => on.attrs.entity, 'propagate', es.next.g, existingOf(state));
  if (add.length === 0) return say(state, dispatch, 'info', 'noneFound');
  const text = messageText(es.t, 'suggested', { count: add.length });
  dispatch(state.tr.setMeta(entityKey, { add, used: { g: lastG }, message: { kind: 'info', text } } satisfies EntityAction).setMeta('addToHistory', false));
  return true;
};

/** Pre-annotation of a document: the glossary's names found in it, as suggestion decorations (a
 * pair's Arabic and English suggestions share one entity, so accepting both links them). Pure;
 * the entity plugin runs it when a report opens. */
export function preAnnotation(
  doc: PMNode, sourceText: string, glossary: readonly GlossaryEntry[], next: { e: number; g: number }, existing = new Set<string>(),
  rejected: readonly StoredSuggestion[] = [],
): { add: NonNullable<EntityAction['add']>; used: { e: number; g: number } } {
  if (glossary.length === 0) return { add: [], used: { e: 0, g: 0 } };
  const { annotations, where } = liteAnnotations(doc);
  const no = new Set(rejected.map(spanId));
  const found = preAnnotate(glossary, annotations, sourceText).filter((f) => !no.has(spanId(f)));
  let e = next.e;
  const groups = new Map<string, string>();
  const entityFor = (s: MentionSuggestion) => {
    if (s.entity) return s.entity;
    const group = (s as PreAnnotation).group;
    let id = groups.get(group);
    if (!id) groups.set(group, (id = `e${e++}`));
    return id;
  };
  const { add, lastG } = toAdd(where, found, entityFor, 'glossary', next.g, existing);
  return { add, used: { e: e - 1, g: lastG } };
}

/** Pre-annotates the report from the glossary now (e.g. after the glossary changed). */
export const preAnnotateFromGlossary: Command = (state, dispatch) => {
  const es = entityKey.getState(state);
  if (!es) return false;
  const { add, used } = preAnnotation(state.doc, sourceOf(state).text, es.glossary, es.next, existingOf(state));
  if (add.length === 0) return false;
  if (!dispatch) return true;
  const text = messageText(es.t, 'suggested', { count: add.length });
  dispatch(state.tr.setMeta(entityKey, { add, used, message: { kind: 'info', text } } satisfies EntityAction).setMeta('addToHistory', false));
  return true;
};

/** The suggestion under the selection, or null. */
export function suggestionAtSelection(state: EditorState): Suggestion | null {
  const { from, to } = state.selection;
  const es = entityKey.getState(state);
  if (!es) return null;
  // find() returns the decorations touching [from, to], so a caret at either end is included
  const found = es.suggestions.find(from, to).filter((d) => d.from <= from && to <= d.to).sort((a, b) => a.from - b.from);
  return found.length ? { ...(found[0].spec as SuggestionSpec), from: found[0].from, to: found[0].to } : null;
}

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
export const acceptSuggestion: Command = (state, dispatch) => {
  const es = entityKey.getState(state);
  if (!es) return false;
  const g = suggestionAtSelection(state) ?? suggestionsOf(state).find((x) => x.from >= state.selection.to) ?? null;
  if (!g) return say(state, dispatch, 'info', 'noSuggestion');
  if (!dispatch) return true;
  const tr = tagTr(state);
  const { applied, refused } = applySuggestions(state, tr, [g]);
  if (applied === 0 && refused) {
    const action = tr.getMeta(entityKey) as EntityAction;
    action.message = { kind: 'error', text: messageText(es.t, 'overlap', { type: refused.attrs.type, text: refused.text }) };
  }
  tr.setSelection(TextSelection.create(tr.doc, g.from, g.to));
  dispatch(tr.scrollIntoView());
  return true;
};

/** Rejects the suggestion under the selection. */
export const rejectSuggestion: Command = (state, dispatch) => {
  const g = suggestionAtSelection(state);
  if (!g) return false;
  if (dispatch) {
    const stored = storedOf(state.doc, g, 'rejected');
    const tr = state.tr.setMeta(entityKey, { remove: [g.id], reject: stored ? [stored] : [] } satisfies EntityAction).setMeta('addToHistory', false);
    const next = suggestionsOf(state).find((x) => x.from >= g.to);
    if (next) tr.setSelection(TextSelection.create(tr.doc, next.from, next.to)).scrollIntoView();
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
  (tr.getMeta(entityKey) as EntityAction).message = { kind: 'info', text: messageText(es.t, 'accepted', { count: applied }) };
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
export function gotoSuggestion(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const list = suggestionsOf(state);
    if (list.length === 0) return say(state, dispatch, 'info', 'noSuggestion');
    const { from, to } = state.selection;
    const g = dir > 0 ? list.find((x) => x.from >= to && !(x.from === from && x.to === to)) ?? list[0]
      : [...list].reverse().find((x) => x.to <= from) ?? list[list.length - 1];
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, g.from, g.to)).scrollIntoView());
    return true;
  };
}

/** Selects the mention with id `id` (entity panel). */
export function selectMention(id: string): Command {
  return (state, dispatch) => {
    const r = mentionsOf(state.doc).find((x) => x.attrs.id === id);
    if (!r) return false;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, r.from, r.to)).scrollIntoView());
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
