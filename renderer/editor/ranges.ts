// Where a group of transactions changed the document, as ranges in the final document. Plugins
// use this to touch only what changed (O(changed range)) instead of rescanning the document.
import { AttrStep, Mapping, ReplaceStep } from 'prosemirror-transform';
import type { Node as PMNode, ResolvedPos } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';

/** A half-open range of document positions. */
export interface Range {
  /** first position */
  from: number;
  /** position just past the range (may equal `from` for a pure deletion point) */
  to: number;
}

/** The mapping from the document before `trs` to the document after them. */
export function combinedMapping(trs: readonly Transaction[]): Mapping {
  const m = new Mapping();
  for (const tr of trs) m.appendMapping(tr.mapping);
  return m;
}

/**
 * Changed ranges in the document after all of `trs`, sorted and merged. Attribute steps
 * (setNodeAttribute) have an empty step map, so the node they touch is added explicitly.
 */
export function changedRanges(trs: readonly Transaction[]): Range[] {
  let ranges: Range[] = [];
  for (const tr of trs) {
    tr.steps.forEach((step, i) => {
      const map = tr.mapping.maps[i];
      ranges = ranges.map((r) => ({ from: map.map(r.from, -1), to: map.map(r.to, 1) }));
      map.forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push({ from: newStart, to: newEnd }));
      if (step instanceof AttrStep) {
        const doc = tr.docs[i + 1] ?? tr.doc;
        const node = doc.nodeAt(step.pos);
        if (node) ranges.push({ from: step.pos, to: step.pos + node.nodeSize });
      }
    });
  }
  return mergeRanges(ranges);
}

/** Sort and merge overlapping or touching ranges. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/** A plain text edit: a replace step inside one textblock with inline content only. */
export interface TextEdit {
  /** the textblock edited (as it was before the step) */
  parent: PMNode;
  /** the resolved start of the step in the document before it */
  $from: ResolvedPos;
}

/**
 * The textblocks a transaction's steps edit when every step is a plain text edit (typing,
 * deleting or pasting text inside one sentence); null when any step does more. Plugins use this
 * as their fast path: typing cannot add nodes, ids or rows, so most checks can be skipped.
 * Resolving in the step's own document hits ProseMirror's resolve cache for the common case.
 */
export function textEdits(tr: Transaction): TextEdit[] | null {
  const out: TextEdit[] = [];
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    if (!(step instanceof ReplaceStep)) return null;
    const slice = step.slice;
    if (slice.openStart !== 0 || slice.openEnd !== 0) return null;
    let inline = true;
    slice.content.forEach((n) => { if (!n.isInline) inline = false; });
    if (!inline) return null;
    const $from = tr.docs[i].resolve(step.from);
    if (!$from.parent.isTextblock || step.to > $from.end()) return null;
    out.push({ parent: $from.parent, $from });
  }
  return out;
}
