// File → QA report…: the QA checks over every report of the folder (host call qaRun), with counts
// per check and per report, the reports skipped and why, and each report's findings; a finding
// opens its report at its row. Export HTML… / Export JSON… write the report under the folder
// (qaExportReport, default <root>/export/qa-report.html|json) in the UI language.
import type { TFunction } from 'i18next';
import type { CallResponse, HostBridge } from '../../shared/contract/host.ts';
import type { UiLang } from '../../shared/i18n/languages.ts';
import { h, replaceChildren, uid } from './dom.ts';
import { openDialog } from './dialog.ts';
import { describeFailure } from './errors.ts';
import { defaultExportOut } from './export-dialog.ts';
import { checkName, findingMessage, folderCounts } from './qa-model.ts';

/** Options of openQaReportDialog. */
export interface QaReportDialogOptions {
  t: TFunction;
  host: HostBridge;
  /** the workspace root */
  root: string;
  /** the UI language (the exported HTML's language) */
  lang: UiLang;
  /** saves the open report first (the run reads the sidecars on disk) */
  beforeRun?: () => Promise<boolean>;
  /** opens report `path` at row `row` (the dialog is closed first) */
  openAt: (path: string, row: number) => Promise<void>;
}

/** Findings listed per report in the dialog at most (the exports hold them all). */
const MAX_LISTED = 200;

export function openQaReportDialog(o: QaReportDialogOptions): Promise<void> {
  const { t, host } = o;
  const id = uid('qa-report');
  const status = h('p', { class: 'qa-report-status', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { class: 'qa-report-progress', 'aria-label': t('qaPanel.report.running') });
  const results = h('div', { class: 'qa-report-results' });
  const out = h('input', { type: 'text', id: `${id}-out`, dir: 'ltr', spellcheck: 'false', autocomplete: 'off', 'data-field': 'out' });
  const exported = h('p', { class: 'qa-report-exported', role: 'status', 'aria-live': 'polite' });
  out.value = defaultExportOut(o.root, 'qa-report.html');
  let format: 'html' | 'json' = 'html';
  let running = false;
  let jump: { path: string; row: number } | null = null;

  const dlg = openDialog({
    name: 'qa-report',
    title: t('qaPanel.report.title'),
    body: [status, progress, results,
      h('div', { class: 'field' }, h('label', { for: out.id }, t('qaPanel.report.out')), out), exported],
    actions: [
      { id: 'html', label: t('qaPanel.report.exportHtml'), onClick: () => void exportAs('html') },
      { id: 'json', label: t('qaPanel.report.exportJson'), onClick: () => void exportAs('json') },
      { id: 'rerun', label: t('qaPanel.report.rerun'), onClick: () => void run() },
      { id: 'close', label: t('dialog.close'), primary: true },
    ],
    cancelId: 'close',
  });

  const busy = (on: boolean) => {
    running = on;
    progress.hidden = !on;
    results.setAttribute('aria-busy', String(on));
    for (const b of ['html', 'json', 'rerun']) dlg.buttons.get(b)!.disabled = on;
  };

  async function run(): Promise<void> {
    if (running) return;
    busy(true);
    dlg.el.dataset.qaState = 'running';
    status.textContent = t('qaPanel.report.running');
    results.replaceChildren();
    try {
      if (o.beforeRun && !(await o.beforeRun())) {
        status.textContent = t('errors.editsKept');
        dlg.el.dataset.qaState = 'error';
        return;
      }
      const res = await host.qaRun({ root: o.root });
      if (!res.ok) {
        status.textContent = describeFailure(t, res);
        dlg.el.dataset.qaState = 'error';
        return;
      }
      show(res.value);
      dlg.el.dataset.qaState = 'done';
    } finally {
      busy(false);
    }
  }

  function show(r: CallResponse<'qaRun'>): void {
    const c = folderCounts(r.findings);
    dlg.el.dataset.findings = String(r.findings.length);
    dlg.el.dataset.errors = String(c.errors);
    status.textContent = r.findings.length
      ? t('qaPanel.report.summary', { count: r.findings.length, reports: t('qaPanel.report.reports', { count: r.reports }) })
      : t('qaPanel.report.clean', { reports: t('qaPanel.report.reports', { count: r.reports }) });
    const perCheck = h('table', { class: 'qa-report-checks' },
      h('caption', {}, t('qaPanel.report.byCheck')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('qaPanel.report.check')), h('th', { scope: 'col' }, t('qaPanel.report.findings')), h('th', { scope: 'col' }, t('qaPanel.report.errors')))),
      h('tbody', {}, ...c.byCheck.map((x) => h('tr', { 'data-check': x.check },
        h('td', {}, checkName(t, x.check)), h('td', {}, t('qaPanel.number', { n: x.count })), h('td', {}, t('qaPanel.number', { n: x.errors }))))));
    const perReport = h('div', { class: 'qa-report-files' }, h('h3', {}, t('qaPanel.report.byReport')),
      ...c.byReport.map((x) => {
        const list = r.findings.filter((f) => f.path === x.path).sort((a, b) => a.row - b.row);
        const items = list.slice(0, MAX_LISTED).map((f) => {
          const b = h('button', { type: 'button', class: 'qa-item', 'data-row': f.row, 'data-check': f.check, 'data-severity': f.severity },
            h('span', { class: 'qa-sev', 'data-severity': f.severity }, t(`qa.severity.${f.severity}`)),
            h('span', { class: 'qa-row' }, t('qaPanel.row', { row: f.row + 1 })),
            h('span', { class: 'qa-check' }, checkName(t, f.check)),
            h('span', { class: 'qa-msg', dir: 'auto' }, findingMessage(t, f)));
          b.addEventListener('click', () => {
            jump = { path: f.path, row: f.row };
            dlg.close('open');
          });
          return h('li', {}, b);
        });
        if (list.length > MAX_LISTED) items.push(h('li', { class: 'hint' }, t('qaPanel.report.more', { count: list.length - MAX_LISTED })));
        return h('details', { class: 'qa-report-file', 'data-file': x.file },
          h('summary', {}, h('span', { dir: 'ltr' }, x.file), ' — ', t('qaPanel.report.fileCount', { count: x.count, errors: x.errors })),
          h('ul', {}, ...items));
      }));
    // reports checked without findings, and reports not started (no sidecar: nothing to check)
    const listed = new Set(c.byReport.map((x) => x.file));
    const clean = (r.perReport ?? []).filter((x) => x.findings === 0 && !listed.has(x.file));
    if (clean.length) perReport.append(h('p', { class: 'hint', 'data-clean': clean.length }, t('qaPanel.report.cleanReports', { count: clean.length })));
    const notStarted = r.notStarted ?? [];
    if (notStarted.length) perReport.append(h('p', { class: 'hint', 'data-not-started': notStarted.length }, t('qaPanel.report.notStarted', { count: notStarted.length })));
    const warnings = r.warnings.length
      ? [h('h3', {}, t('qaPanel.report.warnings')), h('ul', { class: 'qa-report-warnings' }, ...r.warnings.map((w) => h('li', { dir: 'auto' }, w)))]
      : [];
    replaceChildren(results, ...(r.findings.length ? [perCheck] : []), perReport, ...warnings);
    const first = results.querySelector<HTMLElement>('summary');
    (first ?? dlg.buttons.get('close')!).focus();
  }

  async function exportAs(f: 'html' | 'json'): Promise<void> {
    if (running) return;
    // the default name follows the format unless the user typed another
    const def = (x: 'html' | 'json') => defaultExportOut(o.root, `qa-report.${x}`);
    if (out.value.trim() === def(format) || out.value.trim() === '') out.value = def(f);
    format = f;
    busy(true);
    dlg.el.dataset.exportState = 'running';
    exported.textContent = t('qaPanel.report.exporting');
    try {
      if (o.beforeRun && !(await o.beforeRun())) return;
      const res = await host.qaExportReport({ root: o.root, out: out.value.trim(), format: f, lang: o.lang });
      if (res.ok) {
        exported.textContent = t('qaPanel.report.exported', { path: res.value.path, count: res.value.findings });
        exported.dataset.path = res.value.path;
        dlg.el.dataset.exportState = 'done';
      } else {
        exported.textContent = describeFailure(t, res);
        dlg.el.dataset.exportState = 'error';
      }
    } finally {
      busy(false);
    }
  }

  void run();
  return dlg.result.then(async () => {
    if (jump) await o.openAt(jump.path, jump.row);
  });
}
