// The find bar above the editor (Edit → Find…, Ctrl+F; Edit → Replace…, Ctrl+H): a scope ("This
// report" / "All reports"), a search field (dir=auto, so Arabic is typed right to left),
// previous/next, "Match case", "Exact letters" (hamza forms, ى and ة told apart) and "Regular
// expression" (no folding: said beside it), the hit count (or why a pattern is refused) in a polite
// live region, and close. The replace row: a field, Replace (the current hit) and Replace all; what
// a replace did (replaced, Arabic hits skipped, mentions dropped) is announced. Enter / Shift+Enter
// step (in "All reports", Enter searches every report: the results list is the app's), Escape
// closes and hands the keyboard back to the editor with the current hit selected (an entity key
// then tags it). The searching itself is the editor's (plugins/find.ts) and the host's.
import type { TFunction } from 'i18next';
import type { RegexProblem, SearchOptions } from '../../shared/text/search.ts';
import { h, replaceChildren, uid } from './dom.ts';

/** What the bar shows: the editor's find summary (renderer/editor/editor.ts FindSummary). */
export interface FindCount {
  count: number;
  current: number;
  truncated: boolean;
  /** why a regular expression finds nothing (invalid or refused as too slow) */
  problem?: RegexProblem | null;
}

/** What a replace in the open report did (renderer/editor/find-replace.ts ReplaceOutcome). */
export interface ReplaceCount {
  replaced: number;
  skippedArabic: number;
  droppedMentions: number;
}

/** Where the bar searches. */
export type FindScope = 'report' | 'all';

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
  /** replace the current hit (then on to the next) or all hits, English only; absent: no replace */
  replace?(replacement: string, all: boolean): ReplaceCount;
}

/** Scope "All reports": the app searches and replaces across the folder (renderer/ui/project-find.ts). */
export interface ProjectFindTarget {
  find(query: string, options: SearchOptions): void;
  replaceAll(query: string, options: SearchOptions, replacement: string): void;
  /** the scope went back to "This report" or the bar closed */
  clear(): void;
  /** moves the keyboard to the first listed hit; false when none is listed */
  focusResults(): boolean;
}

/** Typing pauses this long before searching a long report again. */
const DEBOUNCE_MS = 120;

export class FindBar {
  readonly el: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly matchCase: HTMLInputElement;
  private readonly exact: HTMLInputElement;
  private readonly regex: HTMLInputElement;
  private readonly scope: HTMLSelectElement;
  private readonly replaceInput: HTMLInputElement;
  private readonly replaceRow: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly note: HTMLElement;
  private readonly message: HTMLElement;
  private readonly countEl: HTMLElement;
  private readonly labels: { el: HTMLElement; key: string }[] = [];
  private readonly buttons: { el: HTMLButtonElement; key: string }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: FindCount = { count: 0, current: -1, truncated: false };

  private lastReplace: ReplaceCount | null = null;

  constructor(private t: TFunction, private readonly target: () => FindTarget | null, private readonly project: () => ProjectFindTarget | null = () => null) {
    const id = uid('find');
    this.input = h('input', { id: `${id}-q`, type: 'search', dir: 'auto', autocomplete: 'off', spellcheck: 'false', 'data-find': 'query' });
    this.matchCase = h('input', { id: `${id}-case`, type: 'checkbox', 'data-find': 'match-case' });
    this.exact = h('input', { id: `${id}-exact`, type: 'checkbox', 'data-find': 'exact-letters' });
    this.regex = h('input', { id: `${id}-regex`, type: 'checkbox', 'data-find': 'regex', 'aria-describedby': `${id}-note` });
    this.note = h('p', { id: `${id}-note`, class: 'find-note', hidden: true });
    this.scope = h('select', { id: `${id}-scope`, 'data-find': 'scope' }, h('option', { value: 'report' }), h('option', { value: 'all' }));
    this.replaceInput = h('input', { id: `${id}-r`, type: 'text', dir: 'auto', autocomplete: 'off', spellcheck: 'false', 'data-find': 'replacement' });
    this.message = h('span', { class: 'find-message', role: 'status', 'aria-live': 'polite', 'data-find': 'message' });
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
    // a button that shows its label as text (replace, replace all)
    const textButton = (key: string, action: string, fn: () => void) => {
      const el = h('button', { type: 'button', 'data-find': action });
      el.addEventListener('click', fn);
      this.labels.push({ el, key });
      return el;
    };
    this.toggle = button('find.toggleReplace', '⇄', 'toggle-replace', () => this.showReplace(this.replaceRow.hidden));
    this.toggle.setAttribute('aria-expanded', 'false');
    this.replaceRow = h('div', { class: 'find-replace-row', hidden: true },
      label(this.replaceInput.id, 'find.replaceLabel', 'visually-hidden'), this.replaceInput,
      textButton('find.replace', 'replace', () => this.replace(false)),
      textButton('find.replaceAll', 'replace-all', () => this.replace(true)),
      this.message);
    this.el = h('div', { class: 'find-bar', role: 'search', hidden: true },
      h('div', { class: 'find-row' },
        this.toggle,
        label(this.scope.id, 'find.scope', 'visually-hidden'), this.scope,
        label(this.input.id, 'find.label', 'visually-hidden'), this.input,
        button('find.previous', '↑', 'previous', () => this.step(-1)),
        button('find.next', '↓', 'next', () => this.step(1)),
        this.countEl,
        h('span', { class: 'field-check' }, this.matchCase, label(this.matchCase.id, 'find.matchCase')),
        h('span', { class: 'field-check' }, this.exact, label(this.exact.id, 'find.exactLetters')),
        h('span', { class: 'field-check' }, this.regex, label(this.regex.id, 'find.regex')),
        button('find.close', '✕', 'close', () => this.close())),
      this.replaceRow,
      this.note);
    this.input.addEventListener('input', () => this.schedule());
    this.matchCase.addEventListener('change', () => this.search());
    this.exact.addEventListener('change', () => this.search());
    this.regex.addEventListener('change', () => {
      // folding does not apply to a regular expression: exact letters has no meaning there
      this.exact.disabled = this.regex.checked;
      this.note.hidden = !this.regex.checked;
      this.search();
    });
    this.scope.addEventListener('change', () => this.setScope(this.scope.value === 'all' ? 'all' : 'report'));
    this.input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        // a pending search runs first, so Enter right after typing goes to the first hit
        if (this.timer !== undefined) this.search();
        if (this.currentScope === 'all' && !ev.shiftKey) this.findInProject();
        else this.step(ev.shiftKey ? -1 : 1);
      } else if (ev.key === 'ArrowDown' && this.currentScope === 'all' && this.project()?.focusResults()) {
        // down from the field into the list of every report's hits
        ev.preventDefault();
      }
    });
    this.replaceInput.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        // Enter replaces the current hit, Ctrl+Enter replaces all (as the buttons)
        this.replace(ev.ctrlKey || ev.metaKey);
      }
    });
    this.el.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        this.close();
      }
    });
    this.el.dataset.scope = 'report';
    this.setT(t);
  }

  /** The scope chosen in the bar. */
  get currentScope(): FindScope {
    return this.scope.value === 'all' ? 'all' : 'report';
  }

  private setScope(scope: FindScope): void {
    this.scope.value = scope;
    this.el.dataset.scope = scope;
    this.input.title = scope === 'all' ? this.t('find.search') : '';
    if (scope !== 'all') this.project()?.clear();
    this.search();
  }

  /** The options ticked in the bar. */
  get options(): SearchOptions {
    return { matchCase: this.matchCase.checked, exactLetters: this.exact.checked && !this.regex.checked, regex: this.regex.checked };
  }

  /** Shows or hides the replace row. */
  showReplace(on: boolean): void {
    this.replaceRow.hidden = !on;
    this.el.setAttribute('aria-label', this.t(on ? 'find.titleReplace' : 'find.title'));
    this.toggle.setAttribute('aria-expanded', String(on));
    this.el.dataset.replace = String(on);
  }

  /** Edit → Replace… (Ctrl+H): the bar with the replace row; the replace field is focused when a query is there. */
  openReplace(initial?: string): void {
    this.showReplace(true);
    this.open(initial);
    if (this.input.value.trim() !== '') {
      this.replaceInput.focus();
      this.replaceInput.select();
    }
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
    // no report open: only "All reports" has anything to search
    if (!this.target() && this.project()) this.setScope('all');
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
    this.project()?.clear();
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
    this.el.setAttribute('aria-label', t(this.replaceRow.hidden ? 'find.title' : 'find.titleReplace'));
    this.input.title = this.currentScope === 'all' ? t('find.search') : '';
    this.input.placeholder = t('find.placeholder');
    for (const { el, key } of this.labels) el.textContent = t(key);
    this.replaceInput.placeholder = t('find.replacePlaceholder');
    this.note.textContent = t('find.regexNote');
    const [report, all] = [...this.scope.options];
    report.textContent = t('find.scopeReport');
    all.textContent = t('find.scopeAll');
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
    this.lastReplace = null;
    replaceChildren(this.message);
    const target = this.target();
    if (!target) {
      // no report open: only "All reports" has anything to search
      this.last = { count: 0, current: -1, truncated: false };
      this.renderCount();
      return;
    }
    this.update(target.setFind(this.input.value, this.options));
    target.showCurrent();
  }

  /** Enter in "All reports": the app lists every report's hits. */
  private findInProject(): void {
    const q = this.input.value;
    if (q.trim() === '' || this.last.problem) return;
    this.project()?.find(q, this.options);
  }

  private replace(all: boolean): void {
    if (this.timer !== undefined) this.search();
    const q = this.input.value;
    if (q.trim() === '' || this.last.problem) return;
    if (all && this.currentScope === 'all') {
      this.project()?.replaceAll(q, this.options, this.replaceInput.value);
      return;
    }
    const r = this.target()?.replace?.(this.replaceInput.value, all);
    if (!r) return;
    this.lastReplace = r;
    this.renderMessage();
  }

  private renderMessage(): void {
    const r = this.lastReplace;
    if (!r) return replaceChildren(this.message);
    const t = this.t;
    const parts = [r.replaced ? t('find.replaced', { count: r.replaced }) : t('find.nothingReplaced')];
    if (r.skippedArabic) parts.push(t('find.skippedArabic', { count: r.skippedArabic }));
    if (r.droppedMentions) parts.push(t('find.droppedMentions', { count: r.droppedMentions }));
    this.message.dataset.replaced = String(r.replaced);
    this.message.dataset.skipped = String(r.skippedArabic);
    replaceChildren(this.message, parts.join(' · '));
  }

  private renderCount(): void {
    const { count, current, truncated, problem } = this.last;
    const t = this.t;
    this.el.dataset.count = String(count);
    // nothing typed, or nothing to count in (no report open: the all-reports list has the counts)
    const empty = this.input.value.trim() === '' || !this.target();
    if (empty) replaceChildren(this.countEl);
    else if (problem) replaceChildren(this.countEl, t(problem.problem === 'unsafe' ? 'find.regexUnsafe' : 'find.regexInvalid', { message: problem.message }));
    else if (count === 0) replaceChildren(this.countEl, t('find.none'));
    else replaceChildren(this.countEl, t(truncated ? 'find.positionMore' : 'find.position', { current: current + 1, count }));
    this.el.dataset.problem = problem?.problem ?? '';
    this.input.setAttribute('aria-invalid', String(!empty && (count === 0 || !!problem)));
    this.renderMessage();
  }
}
