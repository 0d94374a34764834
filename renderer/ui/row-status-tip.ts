// The tooltip of a row's status mark (issue 14 §3): pointing at the mark in a row's gutter (its
// inline-start padding, where renderer/editor/editor.css draws ○ ◐ ● ★) shows the status in words.
// The title is set on the editor's mount, outside ProseMirror's DOM (an attribute change inside it
// would make ProseMirror re-read the row); the nearest ancestor's title is what the browser shows.
import type { TFunction } from 'i18next';

/** Whether a pointer at `x` is in the gutter of a row spanning `left`…`right` (`gutter` px wide). */
export function inGutter(x: number, left: number, right: number, rtl: boolean, gutter: number): boolean {
  return rtl ? x <= right && x > right - gutter : x >= left && x < left + gutter;
}

/** Follows the pointer over `mount` and titles it with the status of the row whose mark is under it. */
export function installRowStatusTip(mount: HTMLElement, t: () => TFunction): void {
  let shown = '';
  mount.addEventListener('mousemove', (ev) => {
    const row = (ev.target as Element | null)?.closest?.<HTMLElement>('.muwazi-editor .row');
    let tip = '';
    if (row?.dataset.status) {
      const r = row.getBoundingClientRect();
      const style = getComputedStyle(row);
      const gutter = parseFloat(style.paddingInlineStart) + parseFloat(style.borderInlineStartWidth);
      if (inGutter(ev.clientX, r.left, r.right, style.direction === 'rtl', gutter)) {
        tip = t()('status.rowTip', { status: t()(`status.row.${row.dataset.status}`) });
      }
    }
    if (tip === shown) return;
    shown = tip;
    if (tip) mount.title = tip;
    else mount.removeAttribute('title');
  });
}
