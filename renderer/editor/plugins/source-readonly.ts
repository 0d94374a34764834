// The Arabic source is selectable but never editable as text. This plugin holds the source text
// (commands that split or merge source sentences read it from here) and rejects any transaction
// whose steps would change the text of a source sentence. Marks (entity tags) are allowed.
//
// Two checks per changed range, both O(range):
//  1. the source-sentence text inside the range is the same before and after the step
//     (catches typing, deleting, pasting, cutting, dragging in the Arabic);
//  2. every source sentence the step touches still holds exactly its source span's text
//     (catches joins and splits that would leave a node's offsets wrong).
// Split/merge-source commands re-cut the text on purpose (whitespace between segments is not part
// of any segment) and set RESHAPE_SOURCE to skip check 1; check 2 still applies to them.
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { AttrStep, ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import type { Node as PMNode } from 'prosemirror-model';
import { isHistoryTransaction } from 'prosemirror-history';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { N, type SourceSentenceAttrs } from '../schema.ts';
import { textEdits } from '../ranges.ts';

/** Plugin state: the report's source text. */
export interface SourceState {
  /** the decoded source text the segments' offsets point into */
  text: string;
  /** code-point ↔ UTF-16 conversion for `text` */
  map: OffsetMap;
}

export const sourceKey = new PluginKey<SourceState>('muwazi-source');
/** Transaction meta: this transaction re-cuts source sentences on purpose (skip check 1). */
export const RESHAPE_SOURCE = 'muwazi-reshape-source';

/** Options of the source-readonly plugin. */
export interface SourceReadonlyOptions {
  /** called when an edit of the Arabic was refused (e.g. to show a brief hint) */
  onRefused?: () => void;
}

export function sourceReadonly(sourceText: string, options: SourceReadonlyOptions = {}): Plugin<SourceState> {
  const initial: SourceState = { text: sourceText, map: new OffsetMap(sourceText) };
  return new Plugin<SourceState>({
    key: sourceKey,
    state: {
      init: () => initial,
      apply: (_tr, value) => value,
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged) return true;
      // fast path: typing in English touches no source sentence
      const edits = textEdits(tr);
      if (edits && edits.every((e) => e.parent.type.name !== N.source)) return true;
      const ok = keepsSourceText(tr, sourceKey.getState(state) ?? initial);
      if (!ok) options.onRefused?.();
      return ok;
    },
  });
}

/** The source text of the state's report (for commands). */
export function sourceOf(state: { doc: PMNode } & Parameters<typeof sourceKey.getState>[0]): SourceState {
  const s = sourceKey.getState(state);
  if (!s) throw new Error('the source-readonly plugin is not installed');
  return s;
}

/** True when no step of `tr` changes the text of a source sentence. */
export function keepsSourceText(tr: Transaction, source: SourceState): boolean {
  // undo/redo of a reshape re-cuts the text too; check 2 still guards every sentence
  const reshape = tr.getMeta(RESHAPE_SOURCE) === true || isHistoryTransaction(tr);
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const before = tr.docs[i];
    const after = tr.docs[i + 1] ?? tr.doc;
    if (step instanceof AttrStep) {
      const node = before.nodeAt(step.pos);
      if (node?.type.name === N.source && (step.attr === 'start' || step.attr === 'end') && !reshape) return false;
      continue;
    }
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) continue; // mark steps
    let ok = true;
    step.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (!ok) return;
      if (!reshape && sourceTextIn(before, oldStart, oldEnd) !== sourceTextIn(after, newStart, newEnd)) ok = false;
      else if (!sentencesIntact(after, newStart, newEnd, source)) ok = false;
    });
    if (!ok) return false;
  }
  return true;
}

/** The text of source sentences that lies inside [from, to). */
function sourceTextIn(doc: PMNode, from: number, to: number): string {
  if (from >= to) return '';
  let s = '';
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name !== N.source) return node.type.name !== N.targetCell;
    const cs = pos + 1;
    const a = Math.max(from, cs);
    const b = Math.min(to, cs + node.content.size);
    if (b > a) s += node.textBetween(a - cs, b - cs);
    return false;
  });
  return s;
}

/** Every source sentence touching [from, to] holds exactly its source span's text. */
function sentencesIntact(doc: PMNode, from: number, to: number, source: SourceState): boolean {
  let ok = true;
  const check = (node: PMNode) => {
    const a = node.attrs as SourceSentenceAttrs;
    if (a.end < a.start || a.end > source.map.cpLength || node.textContent !== source.map.slice(a.start, a.end)) ok = false;
  };
  // a range inside or at the edge of a sentence: check the enclosing sentence
  for (const p of [from, to]) {
    if (p < 0 || p > doc.content.size) continue;
    const $p = doc.resolve(p);
    if ($p.parent.type.name === N.source) check($p.parent);
  }
  if (to > from) {
    doc.nodesBetween(from, to, (node) => {
      if (!ok) return false;
      if (node.type.name === N.source) {
        check(node);
        return false;
      }
      return node.type.name !== N.targetCell;
    });
  }
  return ok;
}
