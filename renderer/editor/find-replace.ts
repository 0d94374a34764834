// Replace in the open report (Ctrl+H): the find plugin's hits (plugins/find.ts) replaced in the
// English only; hits in the Arabic source are counted as skipped and never touched. A regular
// expression's replacement expands $1 / $& / $<name> (shared/text/search-regex.ts). Mentions follow
// shared/text/replace-spans.ts: kept when the replacement is outside or wholly inside them, dropped
// when it straddles their edge. A replace (one hit or all of them) is ONE transaction of one step
// and one undo step of its own (history closed before it).
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { Fragment, type Mark, type Node as PMNode } from 'prosemirror-model';
import { findKey, type FindHit } from './plugins/find.ts';
import type { RowAttrs } from './schema.ts';
import { ROW_OP } from './plugins/status-draft.ts';
import { regexReplacement } from '../../shared/text/search-regex.ts';
import { mentionKept } from '../../shared/text/replace-spans.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';
import { forEachRow, swapRows } from './rows.ts';

/** What a replace did. */
export interface ReplaceOutcome {
  /** English hits replaced */
  replaced: number;
  /** hits in the Arabic, left as they are */
  skippedArabic: number;
  /** English mentions dropped because a replacement straddled their edge */
  droppedMentions: number;
}

/** A mention (entity mark run) inside one sentence, in document positions. */
interface MarkRun {
  mark: Mark;
  from: number;
  to: number;
}

/** The entity mark runs of a text-only sentence node at `pos`. */
function markRuns(sentence: PMNode, pos: number): MarkRun[] {
  const runs: MarkRun[] = [];
  sentence.forEach((child, offset) => {
    const from = pos + 1 + offset;
    for (const mark of child.marks) {
      if (mark.type.name !== 'entity') continue;
      const last = runs[runs.length - 1];
      if (last && last.mark.eq(mark) && last.to === from) last.to = from + child.nodeSize;
      else runs.push({ mark, from, to: from + child.nodeSize });
    }
  });
  return runs;
}

/** One replacement in document positions of the old document. */
interface Edit {
  from: number;
  to: number;
  text: string;
}

/** A sentence's new content: `edits` (ascending, inside it) applied, the dropped mentions' marks removed. */
function rebuildSentence(node: PMNode, pos: number, edits: readonly Edit[], dropped: readonly Mark[]): Fragment {
  const strip = (f: Fragment) => {
    if (!dropped.length) return f;
    const out: PMNode[] = [];
    f.forEach((n) => out.push(n.mark(n.marks.filter((m) => !dropped.some((d) => d.eq(m))))));
    return Fragment.fromArray(out);
  };
  const base = pos + 1;
  let out = Fragment.empty;
  let at = 0;
  for (const e of edits) {
    out = out.append(strip(node.content.cut(at, e.from - base)));
    // the new text takes the marks of the hit's first letter, less the mentions dropped
    const marks = (node.nodeAt(e.from - base)?.marks ?? []).filter((m) => !dropped.some((d) => d.eq(m)));
    if (e.text) out = out.append(Fragment.from(node.type.schema.text(e.text, marks)));
    at = e.to - base;
  }
  return out.append(strip(node.content.cut(at)));
}

/**
 * The transaction replacing `hits` (English hits of the current find; Arabic ones are skipped)
 * with `template`, what it does, and where an old position lands. The rows holding a replaced hit
 * are rebuilt and swapped in with ONE step over the run of rows from the first to the last of them
 * (unchanged rows in between are the same nodes): a step per hit costs a copy of the document's
 * row list each, quadratic on a long report. An 'auto' row whose English is replaced becomes
 * 'draft', as typing would make it (status-draft.ts, told to skip this row operation).
 */
function replaceTr(state: EditorState, hits: readonly FindHit[], template: string): { tr: Transaction | null; outcome: ReplaceOutcome; map: (pos: number) => number } {
  const s = findKey.getState(state);
  const outcome: ReplaceOutcome = { replaced: 0, skippedArabic: 0, droppedMentions: 0 };
  const none = { tr: null, outcome, map: (p: number) => p };
  if (!s?.prepared) return none;
  const regex = s.prepared.kind === 'regex' ? s.prepared.regex : null;
  const doc = state.doc;
  // the English hits grouped by sentence (hits never span two sentences), sentences by row index;
  // one walk over the rows (resolving each hit would scan the row list each time)
  const english = hits.filter((h) => h.side === 'en').sort((x, y) => x.from - y.from);
  outcome.skippedArabic = hits.length - english.length;
  const rows = new Map<number, { pos: number; sentences: Map<number, { node: PMNode; hits: FindHit[] }> }>();
  let k = 0;
  forEachRow(doc, (row, rowPos, rowIndex) => {
    if (k >= english.length) return false;
    if (english[k].from >= rowPos + row.nodeSize) return;
    const cellPos = rowPos + 1 + row.child(0).nodeSize;
    const sentences = new Map<number, { node: PMNode; hits: FindHit[] }>();
    row.child(1).forEach((node, off) => {
      const pos = cellPos + 1 + off;
      const g = { node, hits: [] as FindHit[] };
      while (k < english.length && english[k].from < pos + node.nodeSize) {
        if (english[k].from > pos) g.hits.push(english[k]);
        k++;
      }
      if (g.hits.length) sentences.set(pos, g);
    });
    // hits past the target cell (none: the English cell ends the row) are dropped, not misplaced
    while (k < english.length && english[k].from < rowPos + row.nodeSize) k++;
    if (sentences.size) rows.set(rowIndex, { pos: rowPos, sentences });
  });
  if (rows.size === 0) return none;
  const edits: Edit[] = [];
  const newRows = new Map<number, PMNode>();
  for (const [rowIndex, { pos: rowPos, sentences }] of rows) {
    const row = doc.nodeAt(rowPos)!;
    const rowEdits: Edit[] = [];
    const content = new Map<number, Fragment>();
    for (const [pos, { node, hits: sh }] of sentences) {
      const text = node.textContent;
      const map = new OffsetMap(text);
      const dropped = markRuns(node, pos).filter((r) => !sh.every((h) => mentionKept({ start: r.from, end: r.to }, { start: h.from, end: h.to })));
      const sentenceEdits: Edit[] = [];
      for (const h of [...sh].sort((a, b) => a.from - b.from)) {
        let replacement = template;
        if (regex) {
          const at = { start: map.toCodePoint(h.from - pos - 1), end: map.toCodePoint(h.to - pos - 1) };
          const r = regexReplacement(text, at, regex, template);
          // the pattern no longer matches there (cannot happen for fresh hits): leave it
          if (r === null) continue;
          replacement = r;
        }
        sentenceEdits.push({ from: h.from, to: h.to, text: replacement });
      }
      if (!sentenceEdits.length) continue;
      outcome.droppedMentions += dropped.length;
      content.set(pos, rebuildSentence(node, pos, sentenceEdits, dropped.map((d) => d.mark)));
      rowEdits.push(...sentenceEdits);
    }
    if (!rowEdits.length) continue;
    // the target cell with its rebuilt sentences
    const cell = row.child(1);
    const cellPos = rowPos + 1 + row.child(0).nodeSize;
    const sentencesOut: PMNode[] = [];
    cell.forEach((sn, off) => {
      const f = content.get(cellPos + 1 + off);
      sentencesOut.push(f ? sn.copy(f) : sn);
    });
    const attrs = row.attrs as RowAttrs;
    const newCell = cell.copy(Fragment.fromArray(sentencesOut));
    const newAttrs = attrs.status === 'auto' && !attrs.untranslated && newCell.textContent !== '' ? { ...attrs, status: 'draft' } : attrs;
    newRows.set(rowIndex, row.type.create(newAttrs, Fragment.from([row.child(0), newCell]), row.marks));
    edits.push(...rowEdits);
    outcome.replaced += rowEdits.length;
  }
  if (!edits.length) return none;
  edits.sort((a, b) => a.from - b.from);
  // one step over the groups holding the changed rows (rows.ts), the grouping unchanged
  const { from, to, groups } = swapRows(doc, newRows);
  const tr = state.tr.replaceWith(from, to, Fragment.fromArray(groups));
  // an old position moves by the length changes of the edits before it (a position inside a
  // replaced hit goes to the end of its replacement); the structure is otherwise the same
  const map = (pos: number) => {
    let d = 0;
    for (const e of edits) {
      if (e.to <= pos) d += e.text.length - (e.to - e.from);
      else if (e.from < pos) return e.from + e.text.length + d;
      else break;
    }
    return pos + d;
  };
  const sel = state.selection;
  try {
    tr.setSelection(TextSelection.create(tr.doc, map(sel.from), map(sel.to)));
  } catch {
    // not a text position any more: the step's own mapping stands
  }
  return { tr: closeHistory(tr).setMeta(ROW_OP, true), outcome, map };
}

/** Replaces the current hit (if it is English) and moves to the next hit after it. */
export function replaceCurrent(state: EditorState, dispatch: (tr: Transaction) => void, template: string, next: () => EditorState): ReplaceOutcome {
  const s = findKey.getState(state);
  const hit = s && s.current >= 0 ? s.hits[s.current] : undefined;
  if (!hit) return { replaced: 0, skippedArabic: 0, droppedMentions: 0 };
  const { tr, outcome, map } = replaceTr(state, [hit], template);
  if (tr) dispatch(tr.setSelection(TextSelection.create(tr.doc, map(hit.to))));
  // on to the next hit after the replaced text (or after the skipped Arabic hit)
  const after = next();
  const ns = findKey.getState(after);
  if (ns && ns.hits.length) {
    const from = map(hit.to);
    let i = ns.hits.findIndex((h) => h.from >= from);
    if (i < 0) i = 0;
    const h = ns.hits[i];
    dispatch(after.tr.setMeta(findKey, { current: i }).setSelection(TextSelection.create(after.doc, h.from, h.to)).scrollIntoView());
  }
  return outcome;
}

/** Replaces every English hit as one undo step. */
export function replaceAll(state: EditorState, dispatch: (tr: Transaction) => void, template: string): ReplaceOutcome {
  const s = findKey.getState(state);
  if (!s) return { replaced: 0, skippedArabic: 0, droppedMentions: 0 };
  const { tr, outcome } = replaceTr(state, s.hits, template);
  if (tr) dispatch(tr.scrollIntoView());
  return outcome;
}
