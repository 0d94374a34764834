// Ignoring a QA check on a row (issue 12): the check id goes into the row's qaIgnore attribute,
// saved as the unit's qaIgnore in the sidecar, so the finding stays ignored after save and reload.
// One attribute step: one undo step, and a row operation (the auto→draft plugin leaves it alone).
import { NO_IGNORES, type RowAttrs } from '../schema.ts';
import { rowOfUnit } from '../rows.ts';
import { rowOp, type Command } from './util.ts';

/** Ignore (`ignored` true) or un-ignore check `check` on the row of unit `unit`; false when the
 * row is not there or already in that state. */
export function setQaIgnore(unit: string, check: string, ignored: boolean): Command {
  return (state, dispatch) => {
    const pos = rowOfUnit(state.doc, unit)?.pos ?? -1;
    if (pos < 0 || unit === '') return false;
    const current = (state.doc.nodeAt(pos)!.attrs as RowAttrs).qaIgnore;
    if (current.includes(check) === ignored) return false;
    const next = ignored ? [...current, check].sort() : current.filter((c) => c !== check);
    if (dispatch) dispatch(rowOp(state.tr.setNodeAttribute(pos, 'qaIgnore', next.length ? next : NO_IGNORES)));
    return true;
  };
}
