// The in-page menu bar (ARIA menubar pattern): works in browser mode and mirrors the native menu in
// Electron. Keyboard: F10 or a lone Alt focuses it; Left/Right move between menus (swapped in RTL);
// Enter, Space or Down open a menu; Up/Down/Home/End move inside it; Enter activates; Esc closes
// (and leaves the bar, returning focus where it was). Items are greyed out (aria-disabled) when
// their command does not apply, asked again each time a menu opens.
import { h, uid } from './dom.ts';

/** One entry of a menu. */
export type MenuEntry =
  | { kind: 'item'; command: string; label: string; shortcut?: string; disabled?: boolean }
  | { kind: 'radio'; command: string; label: string; checked: boolean; lang?: string }
  | { kind: 'group'; label: string; entries: MenuEntry[] }
  | { kind: 'separator' };

/** A top-level menu. */
export interface MenuDef {
  id: string;
  label: string;
  entries: MenuEntry[];
}

export class MenuBar {
  readonly el: HTMLElement;
  private buttons: HTMLButtonElement[] = [];
  private menus: HTMLElement[] = [];
  private open = -1;
  private returnFocus: HTMLElement | null = null;

  /** `enabled(command)`: whether an item applies now (absent: all do) */
  constructor(private readonly onCommand: (c: string) => void, label: string, private readonly enabled?: (command: string) => boolean) {
    this.el = h('div', { role: 'menubar', class: 'menubar', 'aria-label': label, 'data-region': 'menubar' });
    this.el.addEventListener('keydown', (ev) => this.onKey(ev));
    this.el.addEventListener('focusout', (ev) => {
      if (!this.el.contains(ev.relatedTarget as Node | null)) this.closeMenu(false);
    });
  }

  /** Rebuilds the bar (after a language change). */
  render(defs: MenuDef[], label: string): void {
    this.el.setAttribute('aria-label', label);
    this.closeMenu(false);
    this.buttons = [];
    this.menus = [];
    this.el.replaceChildren();
    defs.forEach((d, i) => {
      const menuId = uid('menu');
      const btn = h('button', {
        type: 'button', role: 'menuitem', class: 'menubar-item', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
        'aria-controls': menuId, tabindex: i === 0 ? 0 : -1, 'data-menu': d.id,
      }, d.label);
      btn.addEventListener('click', () => (this.open === i ? this.closeMenu(true) : this.openMenu(i, false)));
      btn.addEventListener('mouseenter', () => {
        if (this.open >= 0 && this.open !== i) this.openMenu(i, false);
      });
      const menu = h('div', { role: 'menu', id: menuId, class: 'menu', 'aria-label': d.label, hidden: true });
      this.fill(menu, d.entries);
      const wrap = h('div', { class: 'menubar-slot' }, btn, menu);
      this.buttons.push(btn);
      this.menus.push(menu);
      this.el.append(wrap);
    });
  }

  /** Moves focus to the bar, remembering where it came from. */
  focus(): void {
    if (!this.el.contains(document.activeElement)) this.returnFocus = document.activeElement as HTMLElement | null;
    (this.buttons.find((b) => b.tabIndex === 0) ?? this.buttons[0])?.focus();
  }

  private fill(menu: HTMLElement, entries: MenuEntry[]): void {
    for (const e of entries) {
      if (e.kind === 'separator') menu.append(h('div', { role: 'separator', class: 'menu-sep' }));
      else if (e.kind === 'group') {
        const gid = uid('grp');
        const g = h('div', { role: 'group', 'aria-labelledby': gid, class: 'menu-group' }, h('div', { id: gid, class: 'menu-group-label', 'aria-hidden': 'true' }, e.label));
        this.fill(g, e.entries);
        menu.append(g);
      } else {
        const isRadio = e.kind === 'radio';
        const item = h('button', {
          type: 'button', role: isRadio ? 'menuitemradio' : 'menuitem', class: 'menu-item', tabindex: -1,
          'data-command': e.command, 'aria-checked': isRadio ? String(e.checked) : null,
          'aria-disabled': e.kind === 'item' && e.disabled ? 'true' : null,
          'aria-keyshortcuts': e.kind === 'item' && e.shortcut ? e.shortcut : null,
        }, h('span', { class: 'menu-label', lang: isRadio ? e.lang : null }, e.label), e.kind === 'item' && e.shortcut ? h('span', { class: 'menu-shortcut', dir: 'ltr' }, e.shortcut) : null);
        item.addEventListener('click', () => {
          if (item.getAttribute('aria-disabled') === 'true') return;
          this.closeMenu(false);
          this.leave();
          this.onCommand(e.command);
        });
        menu.append(item);
      }
    }
  }

  private items(i: number): HTMLButtonElement[] {
    return [...this.menus[i].querySelectorAll<HTMLButtonElement>('.menu-item')];
  }

  private openMenu(i: number, focusLast: boolean | null): void {
    if (!this.el.contains(document.activeElement)) this.returnFocus = document.activeElement as HTMLElement | null;
    if (this.open >= 0 && this.open !== i) this.closeMenu(false);
    this.open = i;
    this.setRoving(i);
    this.buttons[i].setAttribute('aria-expanded', 'true');
    if (this.enabled) {
      for (const item of this.menus[i].querySelectorAll<HTMLElement>('.menu-item[role="menuitem"]')) {
        if (this.enabled(item.dataset.command!)) item.removeAttribute('aria-disabled');
        else item.setAttribute('aria-disabled', 'true');
      }
    }
    this.menus[i].hidden = false;
    const items = this.items(i);
    if (focusLast === null) this.buttons[i].focus();
    else (focusLast ? items[items.length - 1] : items[0])?.focus();
  }

  private closeMenu(focusButton: boolean): void {
    if (this.open < 0) return;
    const i = this.open;
    this.open = -1;
    this.buttons[i].setAttribute('aria-expanded', 'false');
    this.menus[i].hidden = true;
    if (focusButton) this.buttons[i].focus();
  }

  private setRoving(i: number): void {
    this.buttons.forEach((b, j) => (b.tabIndex = j === i ? 0 : -1));
  }

  /** Leaves the bar: focus goes back where it was before the menu was entered. */
  private leave(): void {
    const r = this.returnFocus;
    this.returnFocus = null;
    if (r && r.isConnected && !this.el.contains(r)) r.focus();
  }

  private onKey(ev: KeyboardEvent): void {
    const rtl = getComputedStyle(this.el).direction === 'rtl';
    const next = rtl ? 'ArrowLeft' : 'ArrowRight';
    const prev = rtl ? 'ArrowRight' : 'ArrowLeft';
    const target = ev.target as HTMLElement;
    const inMenu = target.classList.contains('menu-item');
    const bi = inMenu ? this.open : this.buttons.indexOf(target as HTMLButtonElement);
    if (bi < 0) return;
    const n = this.buttons.length;
    let handled = true;
    if (ev.key === next || ev.key === prev) {
      const j = (bi + (ev.key === next ? 1 : -1) + n) % n;
      if (inMenu || this.open >= 0) this.openMenu(j, false);
      else {
        this.setRoving(j);
        this.buttons[j].focus();
      }
    } else if (!inMenu && (ev.key === 'ArrowDown' || ev.key === 'Enter' || ev.key === ' ')) {
      this.openMenu(bi, false);
    } else if (!inMenu && ev.key === 'ArrowUp') {
      this.openMenu(bi, true);
    } else if (inMenu && (ev.key === 'ArrowDown' || ev.key === 'ArrowUp' || ev.key === 'Home' || ev.key === 'End')) {
      const items = this.items(bi);
      const k = items.indexOf(target as HTMLButtonElement);
      const to = ev.key === 'Home' ? 0 : ev.key === 'End' ? items.length - 1 : (k + (ev.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[to]?.focus();
    } else if (ev.key === 'Escape') {
      if (this.open >= 0) this.closeMenu(true);
      else this.leave();
    } else if (ev.key === 'Tab') {
      this.closeMenu(false);
      handled = false;
    } else handled = false;
    if (handled) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  }
}
