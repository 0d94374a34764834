// Row status and confirmation. Status cycles auto → draft → translated → auto: a row becomes
// `reviewed` only by Accept in review mode (commands/review.ts acceptRow), which also records what
// was accepted; every other way to set it is refused and announced (issue 18 item 4).
import type { RowAttrs } from '../schema.ts';
import { cursorOf, nextStatus, rowOp, type Command } from './util.ts';
import { reviewRefused } from '../plugins/review.ts';

/** Set the cursor's row to `status` (never `reviewed`: refused, see the header). */
export function setStatus(status: RowAttrs['status']): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c || (c.row.attrs as RowAttrs).status === status) return false;
    if (status === 'reviewed') {
      if (dispatch) reviewRefused(state, 'outsideReview');
      return false;
    }
    if (dispatch) dispatch(rowOp(state.tr.setNodeAttribute(c.rowPos, 'status', status)));
    return true;
  };
}

/** Move the cursor's row to the next status in the cycle; `reviewed` is passed over (and the user
 * told why), so translated → auto. */
export const cycleStatus: Command = (state, dispatch) => {
  const c = cursorOf(state);
  if (!c) return false;
  let next = nextStatus((c.row.attrs as RowAttrs).status);
  if (next === 'reviewed') {
    if (dispatch) reviewRefused(state, 'outsideReview');
    next = nextStatus(next);
  }
  return setStatus(next)(state, dispatch);
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
