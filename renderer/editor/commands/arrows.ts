// ArrowDown / ArrowUp across rows in the English column (issue 14): on the last line of a row's
// English, ArrowDown goes to the start of the next row's English instead of the browser's choice
// (which lands in the next row's Arabic, the cell below-left); ArrowUp on the first line goes to
// the end of the previous row's English. Elsewhere the keys keep their native line movement.
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { cursorOf, sentenceStart } from './util.ts';
import { neighbourRow } from '../rows.ts';

/** Whether the selection head is inside a sentence (either side). */
export function inSentence(state: EditorState): boolean {
  return !!cursorOf(state)?.side;
}

/** The command for ArrowDown (dir 1) or ArrowUp (dir -1); needs the view to know the caret's line. */
export function arrowToRow(dir: -1 | 1) {
  return (state: EditorState, dispatch?: (tr: Transaction) => void, view?: EditorView): boolean => {
    const c = cursorOf(state);
    if (!c || c.side !== 'target' || !state.selection.empty || !view) return false;
    const cell = c.row.child(1);
    // only from the cell's last (first) sentence, on its last (first) visual line
    if (dir > 0 ? c.sentenceIndex !== cell.childCount - 1 : c.sentenceIndex !== 0) return false;
    if (!view.endOfTextblock(dir > 0 ? 'down' : 'up')) return false;
    const at = neighbourRow(state.doc, { row: c.row, pos: c.rowPos, index: c.rowIndex }, dir);
    if (!at) return false;
    if (dispatch) {
      const { row, pos: rowPos } = at;
      const tcell = row.child(1);
      const i = dir > 0 ? 0 : tcell.childCount - 1;
      const pos = sentenceStart(row, rowPos, 'target', i) + (dir > 0 ? 0 : tcell.child(i).content.size);
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)).scrollIntoView());
    }
    return true;
  };
}
