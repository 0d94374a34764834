// The row toolbar above the editor: the most frequent row actions (split, merge up, merge down,
// insert a 0-1 row, next status), from the command registry's `toolbar` entries. A roving-tabindex
// toolbar (one Tab stop; Left/Right move, swapped in RTL; Home/End), in the F6 region cycle; each
// button is named by its short visible text; its tooltip gives the full name and the shortcut (also
// in aria-keyshortcuts). A click keeps the
// editor's selection (mousedown does not take focus) and runs the command on the caret's row; a
// command that does not apply there is announced, not silently ignored.
import type { TFunction } from 'i18next';
import { h } from './dom.ts';
import type { CommandRegistry } from './command-registry.ts';

export class RowToolbar {
  readonly el: HTMLElement;
  private readonly live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  private buttons: HTMLButtonElement[] = [];

  constructor(private readonly registry: CommandRegistry) {
    this.el = h('div', { role: 'toolbar', class: 'row-toolbar', 'data-region': 'toolbar', hidden: true });
    this.el.addEventListener('keydown', (ev) => this.onKey(ev));
  }

  /** Rebuilds the buttons in the UI language. */
  render(t: TFunction): void {
    this.el.setAttribute('aria-label', t('commands.toolbar.label'));
    const entries = this.registry.entries().filter((e) => e.toolbar);
    this.buttons = entries.map((e, i) => {
      const item = this.registry.item(e);
      const b = h('button', {
        type: 'button', class: 'row-tool', 'data-command': e.id, tabindex: i === 0 ? 0 : -1,
        // the visible short name is the accessible name; the tooltip (its description) has the full one and the key
        title: item.shortcut ? `${item.label} (${item.shortcut})` : item.label, 'aria-keyshortcuts': item.shortcut || null,
      }, t(`commands.toolbar.${e.id}`));
      b.addEventListener('mousedown', (ev) => ev.preventDefault());
      b.addEventListener('click', () => {
        this.buttons.forEach((x) => (x.tabIndex = x === b ? 0 : -1));
        if (!this.registry.enabled(e.id)) {
          this.live.textContent = t('commands.toolbar.notHere', { name: item.label });
          return;
        }
        this.live.textContent = '';
        this.registry.run(e.id);
      });
      return b;
    });
    this.el.replaceChildren(...this.buttons, this.live);
  }

  /** Shown while a report is open. */
  setVisible(on: boolean): void {
    this.el.hidden = !on;
  }

  focus(): void {
    (this.buttons.find((b) => b.tabIndex === 0) ?? this.buttons[0])?.focus();
  }

  private onKey(ev: KeyboardEvent): void {
    const i = this.buttons.indexOf(ev.target as HTMLButtonElement);
    if (i < 0) return;
    const rtl = getComputedStyle(this.el).direction === 'rtl';
    const n = this.buttons.length;
    const to = ev.key === 'Home' ? 0 : ev.key === 'End' ? n - 1
      : ev.key === (rtl ? 'ArrowLeft' : 'ArrowRight') ? (i + 1) % n
        : ev.key === (rtl ? 'ArrowRight' : 'ArrowLeft') ? (i - 1 + n) % n : -1;
    if (to < 0) return;
    ev.preventDefault();
    this.buttons.forEach((b, j) => (b.tabIndex = j === to ? 0 : -1));
    this.buttons[to].focus();
  }
}
