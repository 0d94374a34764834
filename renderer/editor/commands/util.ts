// Helpers shared by the commands: where the cursor is (row, cell, sentence), building rows, and
// replacing a run of rows while placing the cursor in the result.
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { N, schema, type RowAttrs } from '../schema.ts';
import { closeHistory } from 'prosemirror-history';
import { ROW_OP } from '../plugins/status-draft.ts';
import { CELL_DEPTH, rowAt, rowOf, SENTENCE_DEPTH } from '../rows.ts';

/** ProseMirror's own command type: checks applicability without `dispatch`, runs with it. */
export type { Command };

/** Which cell a sentence is in. */
export type CellSide = 'source' | 'target';

/** Where the selection head is. */
export interface Cursor {
  /** the row node and its position / index in the document */
  row: PMNode;
  rowPos: number;
  rowIndex: number;
  /** the cell side, or null when the cursor is not inside a sentence */
  side: CellSide | null;
  /** the sentence node, its position and its index in the cell (when side is not null) */
  sentence: PMNode | null;
  sentencePos: number;
  sentenceIndex: number;
  /** UTF-16 offset of the cursor inside the sentence text */
  offset: number;
}

/** The cursor's row and sentence (from the selection's head), or null outside any row. */
export function cursorOf(state: EditorState): Cursor | null {
  const $p = state.selection.$head;
  const at = rowOf($p);
  if (!at) return null;
  const base = { row: at.row, rowPos: at.pos, rowIndex: at.index };
  if ($p.depth >= SENTENCE_DEPTH && $p.parent.isTextblock) {
    return {
      ...base,
      side: $p.node(CELL_DEPTH).type.name === N.sourceCell ? 'source' : 'target',
      sentence: $p.parent,
      sentencePos: $p.before(SENTENCE_DEPTH),
      sentenceIndex: $p.index(CELL_DEPTH),
      offset: $p.parentOffset,
    };
  }
  return { ...base, side: null, sentence: null, sentencePos: -1, sentenceIndex: -1, offset: 0 };
}

/** The sentences of a row's cell as an array. */
export function sentencesOf(row: PMNode, side: CellSide): PMNode[] {
  const out: PMNode[] = [];
  row.child(side === 'source' ? 0 : 1).forEach((n) => out.push(n));
  return out;
}

/** The row's English sentences that hold text (the empty placeholder left out). */
export function realTargets(row: PMNode): PMNode[] {
  return sentencesOf(row, 'target').filter((n) => n.content.size > 0);
}

/** A row from sentences; an empty target side gets the "no English yet" placeholder. */
export function buildRow(attrs: RowAttrs, sources: PMNode[], targets: PMNode[]): PMNode {
  const tgts = targets.length ? targets : [schema.nodes.target_sentence.create({ id: '' })];
  return schema.nodes.row.create(attrs, [
    schema.nodes.source_cell.create(null, sources),
    schema.nodes.target_cell.create(null, tgts),
  ]);
}

/** A row's attributes after a manual alignment change. */
export function manualAttrs(row: PMNode, extra: Partial<RowAttrs> = {}): RowAttrs {
  return { ...(row.attrs as RowAttrs), origin: 'manual', confidence: null, ...extra };
}

/** Where to put the cursor after a replacement: row `row` of the new rows, a sentence, an offset. */
export interface Place {
  /** index into the replacement rows */
  row: number;
  side: CellSide;
  /** sentence index in the cell (clamped to the last one) */
  sentence: number;
  /** UTF-16 offset in the sentence (clamped to its length); -1 = end */
  offset: number;
}

/** Position of a sentence's text start in `row` (which starts at `rowPos`). */
export function sentenceStart(row: PMNode, rowPos: number, side: CellSide, index: number): number {
  let pos = rowPos + 1; // inside the row
  if (side === 'target') pos += row.child(0).nodeSize;
  const cell = row.child(side === 'source' ? 0 : 1);
  pos += 1; // inside the cell
  for (let i = 0; i < index && i < cell.childCount; i++) pos += cell.child(i).nodeSize;
  return pos + 1; // inside the sentence
}

/**
 * Replace `count` rows starting at row `rowPos` with `rows`, mark the transaction as a row
 * operation, and put the cursor at `place`. The rows may sit in different groups: the replaced
 * range then joins the two groups (ProseMirror's replace closes the open group), and the groups
 * plugin splits a group grown too large in the same step; positions in the result are therefore
 * found by global row index, never by adding up node sizes.
 */
export function replaceRows(state: EditorState, rowPos: number, count: number, rows: PMNode[], place: Place | null): Transaction {
  const first = rowOf(state.doc.resolve(rowPos + 1))!;
  const last = rowAt(state.doc, first.index + count - 1)!;
  const tr = state.tr.replaceWith(rowPos, last.pos + last.row.nodeSize, rows);
  rowOp(tr);
  if (place) {
    const pos = rowAt(tr.doc, first.index + place.row)!.pos;
    const row = rows[place.row];
    let side = place.side;
    // a source cell may be empty: fall back to the English cell
    if (side === 'source' && row.child(0).childCount === 0) side = 'target';
    const cell = row.child(side === 'source' ? 0 : 1);
    const idx = Math.min(place.sentence, cell.childCount - 1);
    const sentence = cell.child(idx);
    const off = place.offset < 0 ? sentence.content.size : Math.min(place.offset, sentence.content.size);
    tr.setSelection(TextSelection.create(tr.doc, sentenceStart(row, pos, side, idx) + off));
  }
  return tr.scrollIntoView();
}

/** Mark `tr` as a row operation: its own undo step, and the auto→draft plugin leaves it alone. */
export function rowOp(tr: Transaction): Transaction {
  return closeHistory(tr).setMeta(ROW_OP, true);
}

const statusOrder = ['auto', 'draft', 'translated', 'reviewed'] as const;

/** The less advanced of two statuses (a merged row is only as done as its least done part). */
export function minStatus(a: RowAttrs['status'], b: RowAttrs['status']): RowAttrs['status'] {
  return statusOrder[Math.min(statusOrder.indexOf(a), statusOrder.indexOf(b))];
}

/** Transaction meta set by a structural edit that lowered a row's status: `{ from, to }`. The
 * editor passes it to `onChange` so the app can say so (a merged row is only as done as its
 * least done part, and the user must not lose a review silently). */
export const STATUS_LOWERED = 'muwazi-status-lowered';

/** What STATUS_LOWERED carries. */
export interface StatusLowered {
  from: RowAttrs['status'];
  to: RowAttrs['status'];
}

/** The next status in the cycle auto → draft → translated → reviewed → auto. */
export function nextStatus(s: RowAttrs['status']): RowAttrs['status'] {
  return statusOrder[(statusOrder.indexOf(s) + 1) % statusOrder.length];
}
