// Scrolling to a selection only when it is out of sight. ProseMirror's tr.scrollIntoView() reads
// the layout right after the view wrote the DOM (a forced synchronous layout, 10+ ms on a
// 10,000-row report); most entity actions select text already on screen. A command marks its
// transaction with scrollIfHidden(tr); the editor's dispatch (renderer/editor/editor.ts) checks,
// BEFORE the view writes anything (layout still clean, so the read is cheap), whether the target
// is visible and asks ProseMirror to scroll only when it is not.
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** Transaction meta: scroll the new selection into view unless it is visible already. */
export const SCROLL_IF_HIDDEN = 'muwazi-scroll-if-hidden';

/** Marks `tr`: scroll to its selection only when that is out of sight. */
export function scrollIfHidden(tr: Transaction): Transaction {
  return tr.setMeta(SCROLL_IF_HIDDEN, true);
}

/** The nearest ancestor of `el` that scrolls, or null (the document scrolls). */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/** Whether document positions from..to of the view's current document are on screen. */
export function isVisible(view: EditorView, from: number, to: number): boolean {
  const size = view.state.doc.content.size;
  if (from < 0 || to > size) return false;
  let a: { top: number; bottom: number };
  let b: { top: number; bottom: number };
  try {
    a = view.coordsAtPos(from);
    b = view.coordsAtPos(to);
  } catch {
    return false;
  }
  const parent = scrollParent(view.dom);
  const box = parent ? parent.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  return a.top >= top && b.bottom <= bottom;
}

/** Before `view` applies `tr`: turns a scrollIfHidden mark into tr.scrollIntoView() when the
 * target is out of sight. Call it first thing in dispatchTransaction. */
export function resolveScroll(view: EditorView, tr: Transaction): void {
  if (!tr.getMeta(SCROLL_IF_HIDDEN) || tr.scrolledIntoView) return;
  const { from, to } = tr.selection;
  // positions of the new selection in the current document (entity actions change marks only)
  const map = tr.mapping.invert();
  if (!isVisible(view, map.map(from, 1), map.map(to, -1))) tr.scrollIntoView();
}
