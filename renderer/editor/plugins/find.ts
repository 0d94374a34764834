// Find in the open report (Ctrl+F): every hit of the query in the Arabic and the English
// sentences is highlighted, one is current (selected, so an entity key tags it at once), F3 /
// Shift+F3 step. Matching is shared/text/search.ts (harakat, hamza forms, ة/ه, digits folded),
// per sentence, so a hit never spans two sentences. A new query folds the whole document at once
// (scanFolded); typing while a query is active re-searches only the sentences the edit touched. With the regex option the query is a regular expression on
// the original text (shared/text/search-regex.ts); an invalid or refused pattern finds nothing and
// is reported in `problem`; a search stops at MAX_HITS hits or after SCAN_BUDGET_MS.
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { compileSearch, findInFolded, isSearchProblem, type PreparedQuery, type RegexProblem, type Searcher, type SearchOptions } from '../../../shared/text/search.ts';
import { findRegex } from '../../../shared/text/search-regex.ts';
import { normalizeWithMap, type NormalizedText } from '../../../shared/text/normalize.ts';
import { OffsetMap, cpLength } from '../../../shared/text/offsets.ts';
import { N } from '../schema.ts';
import { changedRanges, type Range } from '../ranges.ts';
import type { Command } from '../commands/util.ts';

/** At most this many hits are kept and highlighted (a one-letter query in a long report). */
export const MAX_HITS = 10_000;

/** A search of the whole report stops after this long (a slow regular expression): the hits found
 * so far are kept and the state says `truncated`. */
export const SCAN_BUDGET_MS = 1500;

/** A change touching more sentences than this is searched again whole rather than patched. */
const RESCAN_SENTENCES = 64;

/** One hit, in document positions. */
export interface FindHit extends Range {
  /** which side: the Arabic source or the English */
  side: 'ar' | 'en';
}

/** The plugin's state. */
export interface FindState {
  /** the query as typed ('' = find is off) */
  query: string;
  options: SearchOptions;
  /** the compiled query, null when there is nothing to look for (or the pattern was refused) */
  prepared: Searcher | null;
  /** why a regular expression finds nothing: invalid, or refused as too slow */
  problem: RegexProblem | null;
  /** hits in document order */
  hits: FindHit[];
  /** index of the current hit in `hits`, -1 when none */
  current: number;
  /** more than MAX_HITS hits exist, or the search ran out of time */
  truncated: boolean;
  decorations: DecorationSet;
}

type FindMeta = { query: string; options: SearchOptions } | { current: number };

export const findKey = new PluginKey<FindState>('muwazi-find');

const EMPTY: FindState = { query: '', options: {}, prepared: null, problem: null, hits: [], current: -1, truncated: false, decorations: DecorationSet.empty };

const isSentence = (node: PMNode) => node.type.name === N.source || node.type.name === N.target;

/** Folded sentence texts by node, per folding: nodes are immutable and an edit leaves the other
 * sentences' nodes as they were, so a new query or a keystroke only folds what is new. */
const foldCache = new Map<string, WeakMap<PMNode, NormalizedText>>();

/** The cache for a query's folding, looked up once per query object. */
const cacheOfQuery = new WeakMap<PreparedQuery, WeakMap<PMNode, NormalizedText>>();

function folded(node: PMNode, q: PreparedQuery): NormalizedText {
  let cache = cacheOfQuery.get(q);
  if (!cache) {
    const key = JSON.stringify(q.fold);
    cache = foldCache.get(key);
    if (!cache) foldCache.set(key, (cache = new WeakMap()));
    cacheOfQuery.set(q, cache);
  }
  let n = cache.get(node);
  if (!n) cache.set(node, (n = normalizeWithMap(node.textContent, q.fold)));
  return n;
}

/** Hits of `q` in one sentence node at `pos`. */
function hitsIn(node: PMNode, pos: number, q: Searcher, room: number): FindHit[] {
  let spans;
  if (q.kind === 'text') {
    const n = folded(node, q.query);
    // cheap test first: most sentences do not hold the query at all
    if (n.text.indexOf(q.query.key) < 0) return [];
    spans = findInFolded(n, q.query, room);
  } else {
    spans = findRegex(node.textContent, q.regex, room);
  }
  if (spans.length === 0) return [];
  const text = node.textContent;
  // sentences hold text only, so a UTF-16 offset into textContent is a position offset
  const map = new OffsetMap(text);
  const side = node.type.name === N.source ? 'ar' : 'en';
  return spans.map((s) => ({ from: pos + 1 + map.toUtf16(s.start), to: pos + 1 + map.toUtf16(s.end), side }));
}

/** The separator between sentences in a folded document: every folding keeps it as it is and it
 * ends a run of white space, so each sentence folds as it would alone; a query without it can
 * never match across two sentences. */
const SEP = '\u0000';

/** Every sentence of a document folded at once (issue 17 item 5): one pass over one string instead
 * of two typed arrays and a string per sentence, then one indexOf scan. */
interface FoldedDoc {
  folded: NormalizedText;
  /** per sentence, in document order: its node, position, and first code point in the joined text */
  nodes: PMNode[];
  positions: number[];
  starts: number[];
}

/** The last document folded (one: a new query on the same document reuses it; an edit makes a new
 * document, whose keystrokes are searched per sentence by remap). */
let lastFold: { doc: PMNode; key: string; fd: FoldedDoc } | null = null;

const ASTRAL = /[\uD800-\uDBFF]/;

function foldDoc(doc: PMNode, q: PreparedQuery): FoldedDoc {
  const key = JSON.stringify(q.fold);
  if (lastFold && lastFold.doc === doc && lastFold.key === key) return lastFold.fd;
  const nodes: PMNode[] = [];
  const positions: number[] = [];
  const starts: number[] = [];
  const texts: string[] = [];
  let cp = 0;
  doc.descendants((node, pos) => {
    if (isSentence(node)) {
      const t = node.textContent;
      nodes.push(node);
      positions.push(pos);
      starts.push(cp);
      texts.push(t);
      cp += (ASTRAL.test(t) ? cpLength(t) : t.length) + 1;
      return false;
    }
    return !node.isTextblock;
  });
  // a separator after every sentence, the last one included: a hit's end never reaches past it
  const fd = { folded: normalizeWithMap(texts.join(SEP) + SEP, q.fold), nodes, positions, starts };
  lastFold = { doc, key, fd };
  return fd;
}

/** scan() of the whole document for a literal query, on the document folded at once: the same
 * hits in the same order (tests compare the two). */
function scanFolded(doc: PMNode, q: PreparedQuery, room: number): FindHit[] {
  const fd = foldDoc(doc, q);
  const out: FindHit[] = [];
  let k = 0;
  let map: OffsetMap | null = null;
  for (const span of findInFolded(fd.folded, q, room)) {
    while (k + 1 < fd.starts.length && fd.starts[k + 1] <= span.start) {
      k++;
      map = null;
    }
    const node = fd.nodes[k];
    const text = node.textContent;
    map ??= new OffsetMap(text);
    const base = fd.positions[k] + 1;
    out.push({ from: base + map.toUtf16(span.start - fd.starts[k]), to: base + map.toUtf16(span.end - fd.starts[k]), side: node.type.name === N.source ? 'ar' : 'en' });
  }
  return out;
}

/** Hits of a whole-document search: literal queries on the document folded at once, regular
 * expressions sentence by sentence (they run on the original text, within the time budget). */
function scanAll(doc: PMNode, q: Searcher, room: number, budget: { deadline: number; timedOut: boolean }): FindHit[] {
  if (q.kind === 'text' && !q.query.key.includes(SEP)) return scanFolded(doc, q.query, room);
  return scan(doc, q, room, 0, doc.content.size, budget);
}

/** Hits in the sentences overlapping [from, to) (the whole document by default); `timedOut` is set
 * when the budget ran out before the end. */
function scan(doc: PMNode, q: Searcher, room: number, from = 0, to = doc.content.size, budget = { deadline: Infinity, timedOut: false }): FindHit[] {
  const out: FindHit[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (out.length >= room || budget.timedOut) return false;
    if (isSentence(node)) {
      // the clock is read per sentence searched
      if (budget.deadline !== Infinity && performance.now() > budget.deadline) {
        budget.timedOut = true;
        return false;
      }
      out.push(...hitsIn(node, pos, q, room - out.length));
      return false;
    }
    return !node.isTextblock;
  });
  return out;
}

function deco(h: Range, current: boolean): Decoration {
  return Decoration.inline(h.from, h.to, { class: current ? 'find-hit find-current' : 'find-hit' }, { findCurrent: current });
}

function decorate(doc: PMNode, hits: FindHit[], current: number): DecorationSet {
  return DecorationSet.create(doc, hits.map((h, i) => deco(h, i === current)));
}

/** The hit at or after `pos` (wrapping), for a fresh query: the one the user is looking at. */
function nearest(hits: FindHit[], pos: number): number {
  if (hits.length === 0) return -1;
  const i = hits.findIndex((h) => h.to > pos);
  return i < 0 ? 0 : i;
}

function withHits(s: FindState, doc: PMNode, hits: FindHit[], current: number, truncated: boolean): FindState {
  return { ...s, hits, current, truncated, decorations: decorate(doc, hits, current) };
}

/** Moves the current mark to hit `i`, touching only the two decorations involved (a full
 * rebuild costs milliseconds per step in a long report). */
function markCurrent(set: DecorationSet, doc: PMNode, hits: FindHit[], i: number): DecorationSet {
  const old = set.find(undefined, undefined, (spec) => spec.findCurrent === true);
  // built before remove(), which nulls out the array it is given
  const plainAgain = old.map((d) => deco(d, false));
  let next = set.remove(old).add(doc, plainAgain);
  const h = hits[i];
  if (h) {
    const plain = next.find(h.from, h.to, (spec) => spec.findCurrent === false).filter((d) => d.from === h.from && d.to === h.to);
    next = next.remove(plain).add(doc, [deco(h, true)]);
  }
  return next;
}

/** Re-search after a document change: hits outside the changed sentences are mapped, those inside
 * found again; the decorations are mapped and patched in the same places, never rebuilt. */
function remap(s: FindState, tr: Transaction): FindState {
  const q = s.prepared!;
  const doc = tr.doc;
  // the sentences the change touched, as ranges of the new document
  const blocks: Range[] = [];
  const seen = new Set<number>();
  for (const r of changedRanges([tr])) {
    doc.nodesBetween(Math.max(0, r.from - 1), Math.min(doc.content.size, r.to + 1), (node, pos) => {
      if (isSentence(node)) {
        if (!seen.has(pos)) blocks.push({ from: pos, to: pos + node.nodeSize });
        seen.add(pos);
        return false;
      }
      return !node.isTextblock;
    });
  }
  // a change over many sentences (replace all, an import): searching the whole document again
  // (folds cached per node) beats patching hit by hit, which is O(hits × sentences)
  if (blocks.length > RESCAN_SENTENCES) {
    const budget = { deadline: performance.now() + SCAN_BUDGET_MS, timedOut: false };
    const hits = scanAll(doc, q, MAX_HITS + 1, budget);
    const truncated = hits.length > MAX_HITS || budget.timedOut;
    if (hits.length > MAX_HITS) hits.length = MAX_HITS;
    const cur = s.current >= 0 ? tr.mapping.map(s.hits[s.current].from) : tr.selection.from;
    return withHits(s, doc, hits, nearest(hits, cur), truncated);
  }
  const inBlocks = (h: Range) => blocks.some((b) => h.from >= b.from && h.to <= b.to);
  const kept: FindHit[] = [];
  let lost = false;
  const oldCurrent = s.hits[s.current];
  let currentKept: FindHit | undefined;
  for (const h of s.hits) {
    const from = tr.mapping.mapResult(h.from, 1);
    const to = tr.mapping.mapResult(h.to, -1);
    if (from.deleted || to.deleted || to.pos <= from.pos) {
      lost = true;
      continue;
    }
    const m = { from: from.pos, to: to.pos, side: h.side };
    if (!inBlocks(m)) {
      kept.push(m);
      if (h === oldCurrent) currentKept = m;
    }
  }
  let fresh: FindHit[] = [];
  for (const b of blocks) fresh = fresh.concat(scan(doc, q, MAX_HITS, b.from, b.to));
  const all = [...kept, ...fresh].sort((a, b) => a.from - b.from);
  const hits = all.slice(0, MAX_HITS);
  const cur = s.current >= 0 ? tr.mapping.map(s.hits[s.current].from) : tr.selection.from;
  const current = hits.length ? Math.max(0, hits.findIndex((h) => h.from >= cur)) : -1;
  let decorations = s.decorations.map(tr.mapping, doc);
  for (const b of blocks) decorations = decorations.remove(decorations.find(b.from, b.to));
  if (lost) {
    // a hit whose text was cut (a row operation, a deletion across sentences): drop any decoration
    // that no longer stands on a kept hit
    const keptAt = new Set(kept.map((h) => `${h.from}:${h.to}`));
    decorations = decorations.remove(decorations.find().filter((d) => !keptAt.has(`${d.from}:${d.to}`)));
  }
  decorations = decorations.add(doc, fresh.map((h) => deco(h, false)));
  // the usual keystroke leaves the current hit where it was (mapped with its decoration): no need
  // to look for the current mark among all decorations
  const unchanged = currentKept !== undefined && hits[current] === currentKept;
  return { ...s, hits, current, truncated: s.truncated || all.length > MAX_HITS, decorations: unchanged ? decorations : markCurrent(decorations, doc, hits, current) };
}

export function find(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => EMPTY,
      apply(tr, s, _old, state) {
        const meta = tr.getMeta(findKey) as FindMeta | undefined;
        if (meta && 'query' in meta) {
          const compiled = compileSearch(meta.query, meta.options);
          const problem = isSearchProblem(compiled) ? compiled : null;
          const prepared = problem ? null : (compiled as Searcher | null);
          const base = { ...EMPTY, query: meta.query, options: meta.options, prepared, problem };
          if (!prepared) return base;
          const budget = { deadline: performance.now() + SCAN_BUDGET_MS, timedOut: false };
          const hits = scanAll(tr.doc, prepared, MAX_HITS + 1, budget);
          const truncated = hits.length > MAX_HITS || budget.timedOut;
          if (hits.length > MAX_HITS) hits.length = MAX_HITS;
          return withHits(base, tr.doc, hits, nearest(hits, state.selection.from), truncated);
        }
        if (meta && 'current' in meta) return { ...s, current: meta.current, decorations: markCurrent(s.decorations, tr.doc, s.hits, meta.current) };
        if (!s.prepared) return s;
        return tr.docChanged ? remap(s, tr) : s;
      },
    },
    props: {
      decorations: (state) => findKey.getState(state)?.decorations ?? null,
    },
  });
}

/** A transaction setting the query (''  turns find off). Not a document change, not undoable. */
export function setFindTr(state: EditorState, query: string, options: SearchOptions = {}): Transaction {
  return state.tr.setMeta(findKey, { query, options } satisfies FindMeta).setMeta('addToHistory', false);
}

/** Selects hit `i` and scrolls to it. */
function goTo(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, i: number): boolean {
  const s = findKey.getState(state);
  if (!s || s.hits.length === 0) return false;
  const h = s.hits[i];
  if (dispatch) {
    dispatch(state.tr.setMeta(findKey, { current: i } satisfies FindMeta).setSelection(TextSelection.create(state.doc, h.from, h.to)).scrollIntoView());
  }
  return true;
}

/** Next hit after the current one (wraps). */
export const findNext: Command = (state, dispatch) => {
  const s = findKey.getState(state);
  if (!s || s.hits.length === 0) return false;
  return goTo(state, dispatch, (s.current + 1) % s.hits.length);
};

/** Previous hit (wraps). */
export const findPrevious: Command = (state, dispatch) => {
  const s = findKey.getState(state);
  if (!s || s.hits.length === 0) return false;
  return goTo(state, dispatch, (s.current - 1 + s.hits.length) % s.hits.length);
};

/** Selects the current hit (after a new query) without moving on. */
export const findCurrent: Command = (state, dispatch) => {
  const s = findKey.getState(state);
  if (!s || s.current < 0) return false;
  return goTo(state, dispatch, s.current);
};
