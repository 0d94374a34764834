// Alignment row operations (issue 7): split a row, merge it with a neighbour, insert an empty
// 0-1 row, leave a source untranslated (1-0). Each replaces the affected rows with rebuilt ones
// in one undoable step; the Arabic text is never changed, only regrouped.
import { TextSelection } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { NO_COMMENTS, NO_IGNORES, type RowAttrs } from '../schema.ts';
import {
  buildRow, cursorOf, manualAttrs, rowOp, minStatus, realTargets, replaceRows, sentenceStart, sentencesOf, STATUS_LOWERED,
  type CellSide, type Command, type Place, type StatusLowered,
} from './util.ts';
import { neighbourRow } from '../rows.ts';

/** Where a given sentence node ended up among `rows` (identity search), as a cursor place. */
export function placeOfNode(rows: PMNode[], node: PMNode | null, side: CellSide, offset: number): Place | null {
  if (!node) return null;
  for (let r = 0; r < rows.length; r++) {
    const cell = rows[r].child(side === 'source' ? 0 : 1);
    for (let i = 0; i < cell.childCount; i++) if (cell.child(i) === node) return { row: r, side, sentence: i, offset };
  }
  return null;
}

/**
 * Split the row at the sentence under the cursor: on the cursor's side the new row starts with
 * that sentence (or after the first one, when the cursor is in the first); the other side is cut
 * at the proportional index, so a 2-2 row becomes two 1-1 rows. Needs two sentences on the
 * cursor's side.
 */
export const splitRow: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c || !c.side) return false;
  const here = c.side === 'source' ? sentencesOf(c.row, 'source') : sentencesOf(c.row, 'target');
  const other = c.side === 'source' ? realTargets(c.row) : sentencesOf(c.row, 'source');
  const n = here.length;
  if (n < 2) return false;
  if (dispatch) {
    const k = c.sentenceIndex > 0 ? c.sentenceIndex : 1;
    const k2 = Math.round((k * other.length) / n);
    const attrs = manualAttrs(c.row, { untranslated: false });
    const [h1, h2, o1, o2] = [here.slice(0, k), here.slice(k), other.slice(0, k2), other.slice(k2)];
    const rows = c.side === 'source'
      // the new lower row starts without the comments and review of the row it came from (they stay above)
      ? [buildRow(attrs, h1, o1), buildRow({ ...attrs, id: '', comments: NO_COMMENTS, reviewed: null }, h2, o2)]
      : [buildRow(attrs, o1, h1), buildRow({ ...attrs, id: '', comments: NO_COMMENTS, reviewed: null }, o2, h2)];
    dispatch(replaceRows(state, c.rowPos, 1, rows, placeOfNode(rows, c.sentence, c.side, c.offset)));
  }
  return true;
};

/** The comments of two merged rows, the lower ones renumbered past the upper ones (ids stay unique in the row). */
function joinComments(upper: RowAttrs['comments'], lower: RowAttrs['comments']): RowAttrs['comments'] {
  if (!lower.length) return upper;
  if (!upper.length) return lower;
  const taken = new Set(upper.map((c) => c.id));
  let n = Math.max(...[...upper, ...lower].map((c) => Number(c.id.replace(/^c/, '')) || 0));
  return [...upper, ...lower.map((c) => (taken.has(c.id) ? { ...c, id: `c${++n}` } : c))];
}

function mergeRows(upper: PMNode, lower: PMNode): PMNode {
  const ua = upper.attrs as RowAttrs;
  const la = lower.attrs as RowAttrs;
  return buildRow(
    // both rows' comments are kept; the upper row's last review stays (review mode shows the merge as a change)
    manualAttrs(upper, { status: minStatus(ua.status, la.status), confirmed: ua.confirmed && la.confirmed, untranslated: false, comments: joinComments(ua.comments, la.comments) }),
    [...sentencesOf(upper, 'source'), ...sentencesOf(lower, 'source')],
    [...realTargets(upper), ...realTargets(lower)],
  );
}

function mergeWith(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c) return false;
    const at = neighbourRow(state.doc, { row: c.row, pos: c.rowPos, index: c.rowIndex }, dir);
    if (!at) return false;
    if (dispatch) {
      const nb = at.row;
      const [upper, lower] = dir < 0 ? [nb, c.row] : [c.row, nb];
      const upperPos = dir < 0 ? at.pos : c.rowPos;
      const merged = mergeRows(upper, lower);
      let place = c.side ? placeOfNode([merged], c.sentence, c.side, c.offset) : null;
      // the cursor was in an empty placeholder that was dropped: go to the end of the English
      place ??= { row: 0, side: 'target', sentence: Number.MAX_SAFE_INTEGER, offset: -1 };
      const tr = replaceRows(state, upperPos, 2, [merged], place);
      const [us, ls, ms] = [(upper.attrs as RowAttrs).status, (lower.attrs as RowAttrs).status, (merged.attrs as RowAttrs).status];
      const higher = us === ms ? ls : us;
      if (higher !== ms) tr.setMeta(STATUS_LOWERED, { from: higher, to: ms } satisfies StatusLowered);
      dispatch(tr);
    }
    return true;
  };
}

/** Merge the cursor's row with the next row. */
export const mergeRowNext: Command = mergeWith(1);
/** Merge the cursor's row with the previous row. */
export const mergeRowPrevious: Command = mergeWith(-1);

const blankAttrs: RowAttrs = { id: '', status: 'auto', origin: 'manual', confidence: null, confirmed: false, untranslated: false, qaIgnore: NO_IGNORES, comments: NO_COMMENTS, reviewed: null };

/** Insert an empty row after the cursor's row, with only an (empty) English sentence: a 0-1 link. */
export const insertTargetRow: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c) return false;
  if (dispatch) {
    const row = buildRow(blankAttrs, [], []);
    const at = c.rowPos + c.row.nodeSize;
    const tr = rowOp(state.tr.insert(at, row));
    tr.setSelection(TextSelection.create(tr.doc, sentenceStart(row, at, 'target', 0)));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/**
 * Leave the row's source untranslated (a 1-0 link): its English sentences move to the start of
 * the next row (a new 0-n row when it is the last), the row keeps only the empty placeholder and
 * is marked `untranslated` (saved as a confirmed unit with no target). Run again to unmark.
 */
export const leaveUntranslated: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c) return false;
  const attrs = c.row.attrs as RowAttrs;
  if (attrs.untranslated) {
    if (dispatch) dispatch(rowOp(state.tr.setNodeAttribute(c.rowPos, 'untranslated', false)));
    return true;
  }
  if (c.row.child(0).childCount === 0) return false;
  if (dispatch) {
    const moved = realTargets(c.row);
    const marked = buildRow(manualAttrs(c.row, { untranslated: true, confirmed: true }), sentencesOf(c.row, 'source'), []);
    const rows = [marked];
    let count = 1;
    if (moved.length) {
      const nb = neighbourRow(state.doc, { row: c.row, pos: c.rowPos, index: c.rowIndex }, 1)?.row ?? null;
      if (nb) {
        rows.push(buildRow(manualAttrs(nb, { untranslated: false }), sentencesOf(nb, 'source'), [...moved, ...realTargets(nb)]));
        count = 2;
      } else {
        rows.push(buildRow(blankAttrs, [], moved));
      }
    }
    const place: Place = c.side === 'source'
      ? { row: 0, side: 'source', sentence: c.sentenceIndex, offset: c.offset }
      : { row: 0, side: 'target', sentence: 0, offset: 0 };
    dispatch(replaceRows(state, c.rowPos, count, rows, place));
  }
  return true;
};
