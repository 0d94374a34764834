// Row status and confirmation. Status cycles auto → draft → translated → reviewed → auto.
import type { RowAttrs } from '../schema.ts';
import { cursorOf, nextStatus, rowOp, type Command } from './util.ts';

/** Set the cursor's row to `status`. */
export function setStatus(status: RowAttrs['status']): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c || (c.row.attrs as RowAttrs).status === status) return false;
    if (dispatch) dispatch(rowOp(state.tr.setNodeAttribute(c.rowPos, 'status', status)));
    return true;
  };
}

/** Move the cursor's row to the next status in the cycle. */
export const cycleStatus: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c) return false;
  return setStatus(nextStatus((c.row.attrs as RowAttrs).status))(state, dispatch);
};

function setConfirmed(value: boolean): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c || (c.row.attrs as RowAttrs).confirmed === value) return false;
    if (dispatch) dispatch(rowOp(state.tr.setNodeAttribute(c.rowPos, 'confirmed', value)));
    return true;
  };
}

/** Confirm the cursor's row (its link stays fixed when the rest is realigned). */
export const confirmRow: Command = setConfirmed(true);
/** Take the confirmation back. */
export const unconfirmRow: Command = setConfirmed(false);
