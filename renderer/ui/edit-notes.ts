// What the status bar says after an edit (issue 14 §2/§3): the row count follows a split or a
// merge at once, and a merge that lowered a row's status says so (a merged row is only as done as
// its least done part; the user must not lose a review silently).
import type { TFunction } from 'i18next';
import type { StatusBar } from './statusbar.ts';

/** What the editor's onChange tells (renderer/editor/editor.ts ChangeInfo). */
export interface EditInfo {
  rows?: number;
  statusLowered?: { from: string; to: string };
}

/** The note for an edit, or '' when there is nothing to say. */
export function editNote(t: TFunction, info: EditInfo): string {
  const s = info.statusLowered;
  return s ? t('status.statusLowered', { from: t(`status.row.${s.from}`), to: t(`status.row.${s.to}`) }) : '';
}

/** Updates the status bar after an edit: the row count, and the note (cleared by the next edit). */
export function showEdit(bar: StatusBar, t: TFunction, info: EditInfo): void {
  if (info.rows !== undefined) bar.setRows(info.rows);
  bar.note(editNote(t, info));
}
