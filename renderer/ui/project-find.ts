// Find and replace in all reports (the find bar's scope "All reports"): the results list under the
// bar, grouped by report with counts, each hit a button (row, side, the sentence with the hit
// marked) that opens its report at that row; and Replace all across the project: a preview dialog
// first (per report: replacements, Arabic hits skipped, a few before → after lines), then the open
// report is replaced through the editor (one undo step, Ctrl+Z) and every other report through the
// host (atomic, refused when changed since the preview), with an Undo button per report.
import type { TFunction } from 'i18next';
import type { CallResponse, HostBridge } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { compileSearch, isSearchProblem, type SearchOptions } from '../../shared/text/search.ts';
import { PREVIEW_SAMPLES, replaceInAnnotations, type ReplaceSample } from '../../shared/text/replace-english.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';
import { describeFailure } from './errors.ts';
import { openDialog } from './dialog.ts';
import { h, replaceChildren } from './dom.ts';
import type { ProjectFindTarget, ReplaceCount } from './find-bar.ts';

/** What the panel needs from the app. */
export interface ProjectFindDeps {
  host: HostBridge;
  /** the opened folder, or null */
  root(): string | null;
  /** the open report: its path and current annotations, or null */
  openReport(): { path: string; name: string; annotations: () => Annotations } | null;
  /** saves the open report's edits (so the host reads what the user sees); false when it failed */
  flush(): Promise<boolean>;
  /** replaces every hit of `query` in the open report's English through the editor (one undo step) */
  replaceInEditor(query: string, options: SearchOptions, replacement: string): ReplaceCount | null;
  /** opens a report at a row (App.openReportAt) */
  openAt(path: string, unit: string): void;
}

/** Characters of context shown on each side of a hit. */
const CONTEXT = 60;

type FindResponse = CallResponse<'projectFind'>;

export class ProjectFindPanel implements ProjectFindTarget {
  readonly el: HTMLElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLElement;
  /** bumps on every new search, so a slow answer for an older query is dropped */
  private run = 0;

  constructor(private t: TFunction, private readonly d: ProjectFindDeps) {
    this.status = h('p', { class: 'project-find-status', role: 'status', 'aria-live': 'polite', 'data-project-find': 'status' });
    this.list = h('div', { class: 'project-find-list' });
    this.el = h('section', { class: 'project-find', hidden: true, 'data-project-find': 'panel' }, this.status, this.list);
    // Up / Down move between the listed hits (Tab still walks them too)
    this.list.addEventListener('keydown', (ev) => {
      if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
      const hits = [...this.list.querySelectorAll<HTMLButtonElement>('button.project-hit')];
      const i = hits.indexOf(document.activeElement as HTMLButtonElement);
      if (i < 0) return;
      ev.preventDefault();
      hits[Math.max(0, Math.min(hits.length - 1, i + (ev.key === 'ArrowDown' ? 1 : -1)))].focus();
    });
    this.setT(t);
  }

  focusResults(): boolean {
    const first = this.el.hidden ? null : this.list.querySelector<HTMLButtonElement>('button.project-hit');
    first?.focus();
    return !!first;
  }

  setT(t: TFunction): void {
    this.t = t;
    this.el.setAttribute('aria-label', t('find.resultsTitle'));
  }

  clear(): void {
    this.run++;
    this.el.hidden = true;
    delete this.el.dataset.state;
    replaceChildren(this.status);
    replaceChildren(this.list);
  }

  private begin(message: string): number {
    const run = ++this.run;
    this.el.hidden = false;
    this.el.dataset.state = 'busy';
    replaceChildren(this.status, message);
    replaceChildren(this.list);
    return run;
  }

  private fail(message: string, code = ''): void {
    this.el.dataset.state = 'error';
    replaceChildren(this.status, h('span', { class: 'error', role: 'alert', 'data-code': code, dir: 'auto' }, message));
  }

  /** Lists every report's hits. */
  async find(query: string, options: SearchOptions): Promise<void> {
    const root = this.d.root();
    if (!root) return;
    const run = this.begin(this.t('find.searching'));
    await this.d.flush();
    const res = await this.d.host.projectFind({ root, search: { query, options } });
    if (run !== this.run) return;
    if (!res.ok) return this.fail(describeFailure(this.t, res), res.code);
    this.renderResults(res.value);
  }

  private renderResults(r: FindResponse): void {
    const t = this.t;
    const total = r.reports.reduce((n, x) => n + x.count, 0);
    const summary = total ? `${t('find.projectMatches', { count: total })} ${t('find.projectReports', { count: r.reports.length })}` : t('find.projectMatches', { count: 0 });
    replaceChildren(this.status, summary);
    this.el.dataset.state = 'done';
    this.el.dataset.total = String(total);
    const parts: Node[] = [];
    if (r.truncated) parts.push(h('p', { class: 'note', 'data-project-find': 'truncated' }, t('find.truncated')));
    for (const w of r.warnings) parts.push(h('p', { class: 'note warning', 'data-project-find': 'warning', dir: 'auto' }, t('find.skipped', { message: w })));
    for (const rep of r.reports) {
      const items = rep.hits.map((hit) => {
        const b = h('button', { type: 'button', class: 'project-hit', 'data-hit': `${rep.file}#${hit.row}`, 'data-path': rep.path, 'data-unit': hit.unit, 'data-side': hit.side },
          h('span', { class: 'hit-row' }, t('find.row', { row: hit.row + 1 })),
          h('span', { class: 'hit-side' }, hit.side === 'ar' ? t('find.sideAr') : t('find.sideEn')),
          context(hit.context, hit.start, hit.end, hit.side));
        b.addEventListener('click', () => this.d.openAt(rep.path, hit.unit));
        return h('li', {}, b);
      });
      parts.push(h('section', { class: 'project-report', 'data-project-report': rep.file, 'data-count': String(rep.count) },
        h('h3', {}, h('span', { dir: 'auto' }, rep.file), ' — ', t('find.reportMatches', { count: rep.count })),
        h('ul', {}, ...items)));
    }
    replaceChildren(this.list, ...parts);
  }

  /** Replace all across the project: preview, then apply; the results list offers Undo per report. */
  async replaceAll(query: string, options: SearchOptions, replacement: string): Promise<void> {
    const root = this.d.root();
    if (!root) return;
    const t = this.t;
    const run = this.begin(t('find.searching'));
    if (!(await this.d.flush())) return this.fail(t('errors.editsKept'));
    const open = this.d.openReport();
    const res = await this.d.host.projectReplacePreview({ root, search: { query, options }, replacement, exclude: open ? [open.path] : [] });
    if (run !== this.run) return;
    if (!res.ok) return this.fail(describeFailure(t, res), res.code);
    // the open report: previewed from the editor's annotations with the host's own policy
    const searcher = compileSearch(query, options);
    const local = open && searcher && !isSearchProblem(searcher) ? replaceInAnnotations(open.annotations(), searcher, replacement, '') : null;
    const rows: { file: string; count: number; skipped: number; samples: ReplaceSample[]; open: boolean }[] = [];
    if (local?.replacements) rows.push({ file: open!.name, count: local.replacements, skipped: local.skippedArabic, samples: local.samples, open: true });
    for (const p of res.value.reports) rows.push({ file: p.file, count: p.replacements, skipped: p.skippedArabic, samples: p.samples, open: false });
    replaceChildren(this.status);
    this.el.dataset.state = 'preview';
    if (!rows.length) {
      replaceChildren(this.status, t('find.previewNone'));
      this.el.dataset.state = 'done';
      return;
    }
    const body: Node[] = [h('p', {}, t('find.previewIntro'))];
    for (const w of res.value.warnings) body.push(h('p', { class: 'note warning', dir: 'auto' }, t('find.skipped', { message: w })));
    for (const row of rows) {
      const lines = row.samples.map((s) => h('li', { class: 'preview-sample' },
        h('span', { class: 'hit-row' }, t('find.row', { row: s.row + 1 })), ' ',
        h('del', { dir: 'ltr', lang: 'en' }, s.before), ' → ', h('ins', { dir: 'ltr', lang: 'en' }, s.after)));
      // samples are per sentence, at most PREVIEW_SAMPLES: a full list may leave sentences out
      if (row.samples.length === PREVIEW_SAMPLES && row.count > row.samples.length) lines.push(h('li', { class: 'preview-more' }, t('find.previewMore')));
      const notes: string[] = [];
      if (row.open) notes.push(t('find.previewOpen'));
      if (row.skipped) notes.push(t('find.skippedArabic', { count: row.skipped }));
      body.push(h('section', { class: 'preview-report', 'data-preview-report': row.file, 'data-count': String(row.count) },
        h('h3', {}, t('find.previewReport', { file: row.file, count: row.count })),
        ...(notes.length ? [h('p', { class: 'hint' }, notes.join(' · '))] : []),
        h('ul', {}, ...lines)));
    }
    const dlg = openDialog({
      name: 'project-replace',
      title: t('find.previewTitle'),
      body,
      actions: [
        { id: 'apply', label: t('find.apply', { count: rows.length }), primary: true },
        { id: 'cancel', label: t('dialog.cancel') },
      ],
      cancelId: 'cancel',
    });
    if ((await dlg.result) !== 'apply' || run !== this.run) {
      this.clear();
      return;
    }
    await this.apply(root, query, options, replacement, res.value.reports, local?.replacements ? open : null, run);
  }

  private async apply(
    root: string, query: string, options: SearchOptions, replacement: string,
    reports: CallResponse<'projectReplacePreview'>['reports'], open: { name: string } | null, run: number,
  ): Promise<void> {
    const t = this.t;
    const items: Node[] = [];
    let replaced = 0;
    if (open) {
      const r = this.d.replaceInEditor(query, options, replacement);
      replaced += r?.replaced ?? 0;
      items.push(h('li', { 'data-applied-report': open.name, 'data-status': 'replaced', 'data-open': 'true' },
        t('find.appliedReport', { file: open.name, count: r?.replaced ?? 0 }), ' · ', t('find.previewOpen')));
    }
    if (reports.length) {
      const res = await this.d.host.projectReplaceApply({ root, search: { query, options }, replacement, reports: reports.map((r) => ({ path: r.path, sidecarHash: r.sidecarHash })) });
      if (run !== this.run) return;
      if (!res.ok) return this.fail(describeFailure(t, res), res.code);
      for (const r of res.value.results) {
        items.push(this.appliedItem(r));
        replaced += r.replacements;
      }
    }
    this.el.dataset.state = 'applied';
    replaceChildren(this.status, t('find.replaced', { count: replaced }));
    replaceChildren(this.list, h('ul', { class: 'applied-list' }, ...items));
  }

  /** One report's outcome, with its Undo button when it was replaced. */
  private appliedItem(r: CallResponse<'projectReplaceApply'>['results'][number]): HTMLElement {
    const t = this.t;
    if (r.status !== 'replaced') {
      return h('li', { 'data-applied-report': r.file, 'data-status': r.status, class: 'warning', dir: 'auto' },
        r.status === 'conflict' ? t('find.conflict', { file: r.file }) : (r.message ?? r.file));
    }
    const li = h('li', { 'data-applied-report': r.file, 'data-status': 'replaced' }, h('span', { dir: 'auto' }, t('find.appliedReport', { file: r.file, count: r.replacements })));
    if (r.replacements > 0) {
      const undo = h('button', { type: 'button', 'data-action': 'undo-replace', 'aria-label': t('find.undoReport', { file: r.file }) }, t('find.undo'));
      const note = h('span', { class: 'undo-note', role: 'status', 'aria-live': 'polite' });
      undo.addEventListener('click', async () => {
        undo.disabled = true;
        const res = await this.d.host.projectReplaceUndo({ path: r.path });
        if (res.ok) {
          li.dataset.status = 'undone';
          replaceChildren(note, t('find.undone', { file: r.file }));
          undo.remove();
        } else {
          li.dataset.status = 'undo-refused';
          replaceChildren(note, t('find.undoRefused', { file: r.file, message: describeFailure(t, res) }));
        }
      });
      li.append(' ', undo, ' ', note);
    }
    return li;
  }
}

/** The sentence around a hit, the hit marked; direction by side. */
function context(text: string, start: number, end: number, side: 'ar' | 'en'): HTMLElement {
  const map = new OffsetMap(text);
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(map.cpLength, end + CONTEXT);
  return h('span', { class: 'hit-context', dir: side === 'ar' ? 'rtl' : 'ltr', lang: side },
    (from > 0 ? '…' : '') + map.slice(from, start), h('mark', {}, map.slice(start, end)), map.slice(end, to) + (to < map.cpLength ? '…' : ''));
}
