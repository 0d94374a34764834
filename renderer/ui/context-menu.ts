// The editor's context menu (right-click, the context-menu key or Shift+F10 on a sentence or a
// mention): the registry's commands that apply there, each with its shortcut. ARIA menu pattern,
// like the menu bar's and the spelling menu's (same classes): focus on the first enabled item;
// Up/Down/Home/End move; Enter or Space runs; Escape, Tab or a click elsewhere closes it and gives
// focus back. It takes the page's direction (mirrored in the Arabic UI). On a misspelt word the
// spelling menu opens instead, with these commands below its suggestions (spell-menu.ts).
import { h, uid } from './dom.ts';
import type { CommandItem } from './command-registry.ts';

/** Where to show a menu: a box in the viewport (a word, the caret, the mouse). */
export interface Anchor {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A menu item element for a command (shared with the spelling menu). */
export function commandItem(c: CommandItem, activate: () => void): HTMLButtonElement {
  const b = h('button', {
    type: 'button', role: 'menuitem', class: 'menu-item', tabindex: -1, 'data-command': c.id,
    'aria-disabled': c.enabled ? null : 'true', 'aria-keyshortcuts': c.shortcut || null,
  }, h('span', { class: 'menu-label' }, c.label), c.shortcut ? h('span', { class: 'menu-shortcut', dir: 'ltr' }, c.shortcut) : null);
  b.addEventListener('click', () => {
    if (b.getAttribute('aria-disabled') !== 'true') activate();
  });
  return b;
}

/** Places a floating menu below `anchor` (above when there is no room), clamped to the viewport,
 * at its inline start (the right edge in RTL). CSSOM only: the CSP blocks style attributes. */
export function placeMenu(el: HTMLElement, anchor: Anchor): void {
  const box = el.getBoundingClientRect();
  const rtl = el.dir === 'rtl';
  let left = rtl ? anchor.right - box.width : anchor.left;
  left = Math.max(4, Math.min(left, window.innerWidth - box.width - 4));
  let top = anchor.bottom + 2;
  if (top + box.height > window.innerHeight - 4) top = Math.max(4, anchor.top - box.height - 2);
  el.style.setProperty('left', `${left}px`);
  el.style.setProperty('top', `${top}px`);
}

/** Arrow keys, Home/End, Escape and Tab inside a floating menu; `close` gives focus back. */
export function menuKeys(el: HTMLElement, close: () => void): (step: number | 'first' | 'last') => void {
  const move = (step: number | 'first' | 'last') => {
    const list = [...el.querySelectorAll<HTMLButtonElement>('.menu-item:not([aria-disabled="true"])')];
    if (!list.length) return;
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    const next = step === 'first' ? 0 : step === 'last' ? list.length - 1 : (i + step + list.length) % list.length;
    list[next].focus();
  };
  el.addEventListener('keydown', (ev) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1), ArrowUp: () => move(-1), Home: () => move('first'), End: () => move('last'), Escape: close, Tab: close,
    };
    const k = keys[ev.key];
    if (!k) return;
    ev.preventDefault();
    ev.stopPropagation();
    k();
  });
  return move;
}

/** Shows `el` as a floating menu at `anchor` (the context menu and the spelling menu alike):
 * placed, driven by menuKeys, closed by Esc, Tab or a mousedown outside it — then `closed` is called
 * (focus back to the editor). Returns `close` (which does not call `closed`) and the focus mover. */
export function popUpMenu(el: HTMLElement, anchor: Anchor, closed: () => void): { close: () => void; move: (step: number | 'first' | 'last') => void } {
  document.body.append(el);
  placeMenu(el, anchor);
  const outside = (ev: MouseEvent) => {
    if (!el.contains(ev.target as Node)) {
      close();
      closed();
    }
  };
  const close = () => {
    if (!el.isConnected) return;
    el.remove();
    document.removeEventListener('mousedown', outside, true);
  };
  const move = menuKeys(el, () => {
    close();
    closed();
  });
  document.addEventListener('mousedown', outside, true);
  return { close, move };
}

let current: { close: () => void } | null = null;

/** Opens the context menu (closing any other one). `run` gets the chosen id; `closed` is called
 * whenever it closes (focus the editor). Returns the menu element. */
export function openContextMenu(o: { label: string; items: CommandItem[]; anchor: Anchor; run: (id: string) => void; closed: () => void }): HTMLElement {
  current?.close();
  let close = () => {};
  const labelId = uid('ctx-menu');
  const el = h('div', { role: 'menu', class: 'menu context-menu', 'aria-labelledby': labelId, dir: document.documentElement.dir || 'ltr' },
    h('div', { id: labelId, class: 'visually-hidden' }, o.label),
    ...o.items.map((c) => commandItem(c, () => {
      close();
      o.closed();
      o.run(c.id);
    })));
  const shown = popUpMenu(el, o.anchor, o.closed);
  close = shown.close;
  current = shown;
  shown.move('first');
  // nothing enabled: focus the menu itself so Esc still works
  if (!el.contains(document.activeElement)) {
    el.tabIndex = -1;
    el.focus();
  }
  return el;
}

/** Closes the context menu, if any (the editor went away). */
export function closeContextMenu(): void {
  current?.close();
}
