// The find bar above the editor (Edit → Find…, Ctrl+F): a search field (dir=auto, so Arabic is
// typed right to left), previous/next, "Match case" and "Exact letters" (hamza forms, ى and ة
// told apart), the hit count in a polite live region, and close. Enter / Shift+Enter step,
// Escape closes and hands the keyboard back to the editor with the current hit selected (an
// entity key then tags it). The searching itself is the editor's (plugins/find.ts).
import type { TFunction } from 'i18next';
import type { SearchOptions } from '../../shared/text/search.ts';
import { h, replaceChildren, uid } from './dom.ts';

/** What the bar shows: the editor's find summary (renderer/editor/editor.ts FindSummary). */
export interface FindCount {
  count: number;
  current: number;
  truncated: boolean;
}

/** What the bar drives. */
export interface FindTarget {
  /** set the query and options; returns the new count */
  setFind(query: string, options: SearchOptions): FindCount;
  /** select the current hit without moving on (after typing) */
  showCurrent(): void;
  next(): void;
  previous(): void;
  /** the bar closed: clear the highlights and focus the editor */
  closed(): void;
}

/** Typing pauses this long before searching a long report again. */
const DEBOUNCE_MS = 120;

export class FindBar {
  readonly el: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly matchCase: HTMLInputElement;
  private readonly exact: HTMLInputElement;
  private readonly countEl: HTMLElement;
  private readonly labels: { el: HTMLElement; key: string }[] = [];
  private readonly buttons: { el: HTMLButtonElement; key: string }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: FindCount = { count: 0, current: -1, truncated: false };

  constructor(private t: TFunction, private readonly target: () => FindTarget | null) {
    const id = uid('find');
    this.input = h('input', { id: `${id}-q`, type: 'search', dir: 'auto', autocomplete: 'off', spellcheck: 'false', 'data-find': 'query' });
    this.matchCase = h('input', { id: `${id}-case`, type: 'checkbox', 'data-find': 'match-case' });
    this.exact = h('input', { id: `${id}-exact`, type: 'checkbox', 'data-find': 'exact-letters' });
    this.countEl = h('span', { class: 'find-count', role: 'status', 'aria-live': 'polite', 'data-find': 'count' });
    const label = (forId: string, key: string, cls = '') => {
      const el = h('label', { for: forId, class: cls });
      this.labels.push({ el, key });
      return el;
    };
    const button = (key: string, text: string, action: string, fn: () => void) => {
      const el = h('button', { type: 'button', 'data-find': action }, text);
      el.addEventListener('click', fn);
      this.buttons.push({ el, key });
      return el;
    };
    this.el = h('div', { class: 'find-bar', role: 'search', hidden: true },
      label(this.input.id, 'find.label', 'visually-hidden'), this.input,
      button('find.previous', '↑', 'previous', () => this.step(-1)),
      button('find.next', '↓', 'next', () => this.step(1)),
      this.countEl,
      h('span', { class: 'field-check' }, this.matchCase, label(this.matchCase.id, 'find.matchCase')),
      h('span', { class: 'field-check' }, this.exact, label(this.exact.id, 'find.exactLetters')),
      button('find.close', '✕', 'close', () => this.close()));
    this.input.addEventListener('input', () => this.schedule());
    this.matchCase.addEventListener('change', () => this.search());
    this.exact.addEventListener('change', () => this.search());
    this.input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        // a pending search runs first, so Enter right after typing goes to the first hit
        if (this.timer !== undefined) this.search();
        this.step(ev.shiftKey ? -1 : 1);
      }
    });
    this.el.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        this.close();
      }
    });
    this.setT(t);
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  get query(): string {
    return this.input.value;
  }

  /** Shows the bar with the field focused and selected; `initial` (the editor's selection) replaces the query. */
  open(initial?: string): void {
    this.el.hidden = false;
    if (initial) this.input.value = initial;
    this.input.focus();
    this.input.select();
    this.search();
  }

  /** Steps to the next (1) or previous (-1) hit; opens the bar when closed. */
  step(dir: 1 | -1): void {
    if (!this.isOpen) {
      this.open();
      return;
    }
    const target = this.target();
    if (!target) return;
    if (dir > 0) target.next();
    else target.previous();
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.el.hidden = true;
    this.target()?.closed();
  }

  /** Searches again now (a new report was opened while the bar is open). */
  refresh(): void {
    if (this.isOpen) this.search();
  }

  /** The editor's hits changed (an edit or a step): show the count. */
  update(c: FindCount): void {
    this.last = c;
    this.renderCount();
  }

  setT(t: TFunction): void {
    this.t = t;
    this.el.setAttribute('aria-label', t('find.title'));
    this.input.placeholder = t('find.placeholder');
    for (const { el, key } of this.labels) el.textContent = t(key);
    for (const { el, key } of this.buttons) {
      el.setAttribute('aria-label', t(key));
      el.title = t(key);
    }
    this.renderCount();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(), DEBOUNCE_MS);
  }

  private search(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const target = this.target();
    if (!target) return;
    this.update(target.setFind(this.input.value, { matchCase: this.matchCase.checked, exactLetters: this.exact.checked }));
    target.showCurrent();
  }

  private renderCount(): void {
    const { count, current, truncated } = this.last;
    const t = this.t;
    this.el.dataset.count = String(count);
    if (this.input.value.trim() === '') replaceChildren(this.countEl);
    else if (count === 0) replaceChildren(this.countEl, t('find.none'));
    else replaceChildren(this.countEl, t(truncated ? 'find.positionMore' : 'find.position', { current: current + 1, count }));
    this.input.setAttribute('aria-invalid', String(this.input.value.trim() !== '' && count === 0));
  }
}
