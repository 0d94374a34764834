// Moving between rows: the next/previous row's English cell (Tab / Shift-Tab) and the
// next/previous low-confidence row.
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { lowConfidenceRows } from '../plugins/low-confidence.ts';
import { cursorOf, sentenceStart, type Command } from './util.ts';

/** A transaction putting the cursor at the end of the first English sentence of the row at `rowPos`. */
function toRowTarget(state: EditorState, rowPos: number): Transaction {
  const row = state.doc.nodeAt(rowPos)!;
  const first = row.child(1).child(0);
  const pos = sentenceStart(row, rowPos, 'target', 0) + first.content.size;
  return state.tr.setSelection(TextSelection.create(state.doc, pos)).scrollIntoView();
}

function stepRow(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c) return false;
    const index = c.rowIndex + dir;
    if (index < 0 || index >= state.doc.childCount) return false;
    if (dispatch) {
      const pos = dir > 0 ? c.rowPos + c.row.nodeSize : c.rowPos - state.doc.child(index).nodeSize;
      dispatch(toRowTarget(state, pos));
    }
    return true;
  };
}

/** Cursor to the next row's English cell. */
export const nextRowTarget: Command = stepRow(1);
/** Cursor to the previous row's English cell. */
export const previousRowTarget: Command = stepRow(-1);

function stepLow(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    const here = c ? c.rowPos : dir > 0 ? -1 : state.doc.content.size;
    const rows = dir > 0
      ? lowConfidenceRows(state, here + (c ? c.row.nodeSize : 1))
      : lowConfidenceRows(state, 0, Math.max(0, here));
    const target = dir > 0 ? rows[0] : rows[rows.length - 1];
    if (target === undefined || target === here) return false;
    if (dispatch) dispatch(toRowTarget(state, target));
    return true;
  };
}

/** Cursor to the next row with low aligner confidence. */
export const nextLowConfidence: Command = stepLow(1);
/** Cursor to the previous row with low aligner confidence. */
export const previousLowConfidence: Command = stepLow(-1);
