// The sidebar: the open folder's reports with their progress. Up/Down move between reports,
// Enter or a click opens one. A report that cannot be read shows why (and still opens, so the
// editor can show the specific error).
import type { TFunction } from 'i18next';
import type { ReportSummary, Workspace } from '../../shared/contract/host.ts';
import { h } from './dom.ts';

export class Sidebar {
  readonly el: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly list: HTMLElement;
  private workspace: Workspace | null = null;
  private current: string | null = null;
  /** each report's entry, kept across renders: a refresh (a save, a file changed on disk) updates
   * the entries in place, so a click whose mousedown came before it still lands on its button */
  private readonly entries = new Map<string, { li: HTMLElement; btn: HTMLButtonElement; report: ReportSummary }>();

  constructor(private t: TFunction, private readonly onOpen: (r: ReportSummary) => void) {
    this.heading = h('h2', { class: 'sidebar-title', id: 'sidebar-title' });
    this.list = h('ul', { class: 'report-list', 'aria-labelledby': 'sidebar-title' });
    this.el = h('nav', { class: 'sidebar', 'data-region': 'sidebar', 'aria-labelledby': 'sidebar-title' }, this.heading, this.list);
    this.list.addEventListener('keydown', (ev) => this.onKey(ev));
  }

  setT(t: TFunction): void {
    this.t = t;
    this.render();
  }

  /** Shows a workspace (or none). */
  show(ws: Workspace | null): void {
    this.workspace = ws;
    this.render();
  }

  /** Marks the open report. */
  setCurrent(path: string | null): void {
    this.current = path;
    for (const b of this.list.querySelectorAll<HTMLButtonElement>('button.report')) {
      if (b.dataset.path === path) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  }

  /** Updates one report's progress after a save (without a rescan). */
  update(summary: ReportSummary): void {
    if (!this.workspace) return;
    this.workspace = { ...this.workspace, reports: this.workspace.reports.map((r) => (r.path === summary.path ? summary : r)) };
    this.render();
  }

  /** Focuses the open report's entry (or the first), for F6. */
  focus(): void {
    const buttons = [...this.list.querySelectorAll<HTMLButtonElement>('button.report')];
    (buttons.find((b) => b.dataset.path === this.current) ?? buttons[0] ?? this.heading)?.focus();
  }

  private render(): void {
    const t = this.t;
    const ws = this.workspace;
    this.heading.textContent = ws ? (ws.isSample ? `${t('sidebar.title')} · ${t('sidebar.sample')}` : `${t('sidebar.title')} · ${ws.name}`) : t('sidebar.title');
    this.heading.tabIndex = -1;
    if (ws) this.heading.title = ws.root;
    const focusedPath = (document.activeElement as HTMLElement | null)?.dataset?.path;
    if (!ws || ws.reports.length === 0) {
      this.entries.clear();
      this.list.replaceChildren(h('li', { class: 'sidebar-note' }, t(ws ? 'sidebar.empty' : 'sidebar.noWorkspace')));
      return;
    }
    const wanted: HTMLElement[] = [];
    for (const r of ws.reports) {
      const pct = r.rows ? Math.round((100 * r.translated) / r.rows) : 0;
      const btn = h('button', {
        type: 'button', class: 'report', 'data-path': r.path, 'data-name': r.name, tabindex: -1,
        'aria-current': r.path === this.current ? 'true' : null,
        'data-problem': r.problem ? 'true' : null,
        'data-rows': r.rows, 'data-translated': r.translated, 'data-entities': r.entities,
      },
      h('span', { class: 'report-name', dir: 'auto' }, r.relPath || r.name),
      h('span', { class: 'report-progress', title: t('sidebar.rowsHint') }, t('sidebar.rows', { count: r.rows, translated: r.translated })),
      h('span', { class: 'report-bar', 'aria-hidden': 'true' }, h('span', { class: 'report-bar-fill', style: null, 'data-pct': pct })),
      h('span', { class: 'report-entities', title: t('sidebar.mentionsHint') }, t('sidebar.mentions', { count: r.entities })),
      r.sourceMissing
        ? h('span', { class: 'report-problem', role: 'note', 'data-source-missing': 'true' }, t('sidebar.sourceMissing', { file: `${r.name}.txt` }))
        : r.problem ? h('span', { class: 'report-problem', role: 'note' }, t('sidebar.problem', { problem: r.problem })) : null);
      // the fill width is set through the CSSOM (CSP forbids style attributes in markup, not CSSOM)
      const fill = btn.querySelector<HTMLElement>('.report-bar-fill')!;
      fill.style.inlineSize = `${pct}%`;
      wanted.push(this.entry(r, btn));
    }
    const keep = new Set(ws.reports.map((r) => r.path));
    for (const path of [...this.entries.keys()]) if (!keep.has(path)) this.entries.delete(path);
    const now = [...this.list.children];
    if (now.length !== wanted.length || now.some((el, i) => el !== wanted[i])) this.list.replaceChildren(...wanted);
    const buttons = [...this.list.querySelectorAll<HTMLButtonElement>('button.report')];
    // roving tabindex: one tab stop for the list, on the open report
    (buttons.find((b) => b.dataset.path === this.current) ?? buttons[0])?.setAttribute('tabindex', '0');
    if (focusedPath) buttons.find((b) => b.dataset.path === focusedPath)?.focus();
  }

  /** The report's list item: the existing one updated to `fresh` (same button element), or a new one. */
  private entry(r: ReportSummary, fresh: HTMLButtonElement): HTMLElement {
    const had = this.entries.get(r.path);
    if (!had) {
      const item = { li: h('li', {}, fresh), btn: fresh, report: r };
      fresh.addEventListener('click', () => this.onOpen(item.report));
      this.entries.set(r.path, item);
      return item.li;
    }
    had.report = r;
    for (const a of [...had.btn.attributes]) if (!fresh.hasAttribute(a.name)) had.btn.removeAttribute(a.name);
    for (const a of [...fresh.attributes]) if (had.btn.getAttribute(a.name) !== a.value) had.btn.setAttribute(a.name, a.value);
    had.btn.replaceChildren(...fresh.childNodes);
    return had.li;
  }

  private onKey(ev: KeyboardEvent): void {
    const buttons = [...this.list.querySelectorAll<HTMLButtonElement>('button.report')];
    const i = buttons.indexOf(ev.target as HTMLButtonElement);
    if (i < 0) return;
    let j = -1;
    if (ev.key === 'ArrowDown') j = Math.min(buttons.length - 1, i + 1);
    else if (ev.key === 'ArrowUp') j = Math.max(0, i - 1);
    else if (ev.key === 'Home') j = 0;
    else if (ev.key === 'End') j = buttons.length - 1;
    if (j < 0) return;
    ev.preventDefault();
    buttons.forEach((b, k) => (b.tabIndex = k === j ? 0 : -1));
    buttons[j].focus();
  }
}
