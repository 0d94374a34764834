// Moving between rows: the next/previous row's English cell (Tab / Shift-Tab), the next/previous
// row to review (F8 / Shift-F8: low aligner confidence or an open QA finding) and a row by index.
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { lowConfidenceRows } from '../plugins/low-confidence.ts';
import { qaRowPositions } from '../plugins/qa.ts';
import { cursorOf, sentenceStart, type Command } from './util.ts';
import { neighbourRow, rowAt, rowCount, rowOfUnit } from '../rows.ts';

/** A transaction putting the cursor at the end of the first English sentence of the row at `rowPos`. */
export function toRowTarget(state: EditorState, rowPos: number): Transaction {
  const row = state.doc.nodeAt(rowPos)!;
  const first = row.child(1).child(0);
  const pos = sentenceStart(row, rowPos, 'target', 0) + first.content.size;
  return state.tr.setSelection(TextSelection.create(state.doc, pos)).scrollIntoView();
}

function stepRow(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c) return false;
    const at = neighbourRow(state.doc, { row: c.row, pos: c.rowPos, index: c.rowIndex }, dir);
    if (!at) return false;
    if (dispatch) dispatch(toRowTarget(state, at.pos));
    return true;
  };
}

/** Cursor to the next row's English cell. */
export const nextRowTarget: Command = stepRow(1);
/** Cursor to the previous row's English cell. */
export const previousRowTarget: Command = stepRow(-1);

function edgeRow(which: 'first' | 'last'): Command {
  return (state, dispatch) => {
    const at = rowAt(state.doc, which === 'first' ? 0 : rowCount(state.doc) - 1);
    if (!at) return false;
    if (dispatch) dispatch(toRowTarget(state, at.pos));
    return true;
  };
}

/** Cursor to the first row's English (Ctrl+Home). The editor moves it itself rather than leaving the
 * key to the browser: with row groups skipped off screen (content-visibility), the browser's own
 * document-start/end motion depends on what it has laid out. */
export const firstRowTarget: Command = edgeRow('first');
/** Cursor to the last row's English (Ctrl+End). */
export const lastRowTarget: Command = edgeRow('last');

function stepLow(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    const here = c ? c.rowPos : dir > 0 ? -1 : state.doc.content.size;
    const [from, to] = dir > 0 ? [here + (c ? c.row.nodeSize : 1), state.doc.content.size] : [0, Math.max(0, here)];
    const low = lowConfidenceRows(state, from, to);
    const qa = qaRowPositions(state, from, to);
    // the nearest of both lists in the direction of travel
    const pick = (xs: number[]) => (dir > 0 ? xs[0] : xs[xs.length - 1]);
    const both = [pick(low), pick(qa)].filter((x): x is number => x !== undefined);
    const target = both.length ? (dir > 0 ? Math.min(...both) : Math.max(...both)) : undefined;
    if (target === undefined || target === here) return false;
    if (dispatch) dispatch(toRowTarget(state, target));
    return true;
  };
}

/** Cursor to the next row with low aligner confidence or an open QA finding (F8). */
export const nextLowConfidence: Command = stepLow(1);
/** Cursor to the previous row with low aligner confidence or an open QA finding (Shift-F8). */
export const previousLowConfidence: Command = stepLow(-1);

/** Cursor to the English of row `index` (0-based), scrolled into view; false when there is none. */
/** Like goToRow, for the row whose unit id is `unit` (a find, concordance or QA-report hit); when the id
 * is gone (the sidecar changed), the row at `fallbackIndex` if given. */
export function goToUnit(unit: string, fallbackIndex = -1): Command {
  return (state, dispatch) => {
    return goToRow(rowOfUnit(state.doc, unit)?.index ?? fallbackIndex)(state, dispatch);
  };
}

export function goToRow(index: number): Command {
  return (state, dispatch) => {
    const at = rowAt(state.doc, index);
    if (!at) return false;
    if (dispatch) dispatch(toRowTarget(state, at.pos));
    return true;
  };
}
