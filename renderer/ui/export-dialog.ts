// File → Export…: format, scope, options, output path; a progress bar fed by `exportProgress`
// events with Cancel; a summary at the end (files, rows, skipped and why, warnings). The open
// report is saved first, because the export reads what is on disk. With QA (issue 12) the dialog
// shows the open QA errors of its scope and offers to review them before exporting anyway.
import type { TFunction } from 'i18next';
import { ExportFormatSchema, type ExportFormat, type ExportOptions, type ExportSummary, type HostBridge } from '../../shared/contract/host.ts';
import { h, uid } from './dom.ts';
import { openDialog } from './dialog.ts';
import { describeFailure } from './errors.ts';

export interface ExportDialogOptions {
  t: TFunction;
  host: HostBridge;
  /** the workspace root (default output goes to `<root>/export`) */
  root: string;
  /** the open report's .txt path, if any (scope "this report") */
  reportPath: string | null;
  /** saves pending edits first; resolves false when that failed */
  beforeExport: () => Promise<boolean>;
  /** remembered choices from the last export */
  last?: { format: ExportFormat; scope: 'report' | 'folder' };
  /** called with the choices when an export starts */
  remember?: (c: { format: ExportFormat; scope: 'report' | 'folder' }) => void;
  /** the QA gate: open QA errors of a scope (qaRun; `path` for a report, none for the folder; null
   * when QA could not run), and what "Review QA first" does (the dialog closes first) */
  qa?: { errorCount: (path?: string) => Promise<number | null>; review: (scope: 'report' | 'folder') => void };
}

const STATUSES = ['auto', 'draft', 'translated', 'reviewed'] as const;
const BOOL_OPTIONS = ['onlyOneToOne', 'dedupe', 'keepUntranslated', 'normalizeArabic', 'clitics', 'includeUnannotated'] as const;

/** The default output folder for a workspace, `<root>/export` with the root's separator; with
 * `file`, that file inside it (the glossary panel's default). */
export function defaultExportOut(root: string, file?: string): string {
  const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  const dir = root.replace(/[\\/]+$/, '') + sep + 'export';
  return file ? dir + sep + file : dir;
}

export function openExportDialog(o: ExportDialogOptions): Promise<ExportSummary | null> {
  const { t, host } = o;
  const fid = uid('exp');
  const format = h('select', { id: `${fid}-format`, name: 'format' });
  for (const f of ExportFormatSchema.options) format.append(h('option', { value: f }, t(`export.formats.${f}`)));
  format.value = o.last?.format ?? 'tmx';

  const scopeReport = h('input', { type: 'radio', name: `${fid}-scope`, value: 'report', id: `${fid}-sr`, disabled: !o.reportPath });
  const scopeFolder = h('input', { type: 'radio', name: `${fid}-scope`, value: 'folder', id: `${fid}-sf` });
  const wantReport = (o.last?.scope ?? 'report') === 'report' && !!o.reportPath;
  scopeReport.checked = wantReport;
  scopeFolder.checked = !wantReport;

  const minStatus = h('select', { id: `${fid}-min`, name: 'minStatus' }, h('option', { value: '' }, t('export.statuses.any')));
  for (const s of STATUSES) minStatus.append(h('option', { value: s }, t(`export.statuses.${s}`)));
  const checks = new Map<string, HTMLInputElement>();
  const optionRows = BOOL_OPTIONS.map((k) => {
    const box = h('input', { type: 'checkbox', id: `${fid}-${k}`, name: k });
    checks.set(k, box);
    return h('div', { class: 'field-check' }, box, h('label', { for: `${fid}-${k}` }, t(`export.${k}`)));
  });
  const defOut = defaultExportOut(o.root);
  const out = h('input', { type: 'text', id: `${fid}-out`, name: 'out', dir: 'ltr', spellcheck: 'false', autocomplete: 'off' });
  out.value = defOut;

  const progress = h('progress', { class: 'export-progress', 'aria-label': t('export.progressLabel'), max: 1, value: 0, hidden: true });
  const progressText = h('span', { class: 'export-progress-text', 'aria-live': 'polite' });
  const summary = h('div', { class: 'export-summary', 'data-export-summary': '', 'aria-live': 'polite' });
  const qaLine = h('p', { class: 'export-qa-text', role: 'status', 'aria-live': 'polite' });
  const qaGate = h('div', { class: 'export-qa', 'data-export-qa': '', hidden: !o.qa }, qaLine);

  const form = h('form', { class: 'form export-form' },
    h('div', { class: 'field' }, h('label', { for: format.id }, t('export.format')), format),
    h('fieldset', { class: 'field' }, h('legend', {}, t('export.scope')),
      h('div', { class: 'field-check' }, scopeReport, h('label', { for: scopeReport.id }, t('export.scopeReport'))),
      h('div', { class: 'field-check' }, scopeFolder, h('label', { for: scopeFolder.id }, t('export.scopeFolder')))),
    h('fieldset', { class: 'field' }, h('legend', {}, t('export.options')),
      h('div', { class: 'field' }, h('label', { for: minStatus.id }, t('export.minStatus')), minStatus),
      ...optionRows),
    h('div', { class: 'field' }, h('label', { for: out.id }, t('export.out')), out),
    qaGate,
    h('div', { class: 'export-status' }, progress, progressText),
    summary);

  let jobId: string | null = null;
  let running = false;
  let last: ExportSummary | null = null;
  const dlg = openDialog({
    name: 'export',
    title: t('export.title'),
    body: [form],
    initialFocus: format,
    actions: [
      { id: 'run', label: t('export.run'), primary: true, onClick: () => void run() },
      ...(o.qa ? [{ id: 'review-qa', label: t('qaPanel.gate.review') }] : []),
      { id: 'cancel', label: t('export.cancel'), onClick: () => void cancel() },
      { id: 'close', label: t('dialog.close') },
    ],
    cancelId: 'close',
  });
  dlg.buttons.get('cancel')!.hidden = true;
  const reviewQa = dlg.buttons.get('review-qa');
  if (reviewQa) reviewQa.hidden = true;
  /** The open QA errors of the chosen scope (the open report saved first: QA reads the disk). */
  let qaAsked = 0;
  const checkQa = async () => {
    if (!o.qa) return;
    const ask = ++qaAsked;
    const scope = scopeReport.checked ? 'report' : 'folder';
    qaGate.dataset.qaState = 'running';
    qaLine.textContent = t('qaPanel.gate.checking');
    const saved = await o.beforeExport();
    const n = saved ? await o.qa.errorCount(scope === 'report' && o.reportPath ? o.reportPath : undefined) : null;
    if (ask !== qaAsked) return; // the scope changed meanwhile
    qaGate.dataset.qaState = 'done';
    qaGate.dataset.qaErrors = n === null ? '' : String(n);
    qaLine.textContent = n === null ? t('qaPanel.gate.unavailable')
      : n === 0 ? t('qaPanel.gate.clean')
        : t(scope === 'report' ? 'qaPanel.gate.errorsReport' : 'qaPanel.gate.errorsFolder', { count: n });
    if (reviewQa) reviewQa.hidden = !n;
  };
  scopeReport.addEventListener('change', () => void checkQa());
  scopeFolder.addEventListener('change', () => void checkQa());
  void checkQa();
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run();
  });
  const off = host.on('exportProgress', (p) => {
    if (p.jobId !== jobId) return;
    progress.max = Math.max(1, p.total);
    progress.value = p.done;
    progressText.textContent = t('export.progress', { done: p.done, total: p.total }) + (p.current ? ` · ${p.current}` : '');
  });

  async function cancel(): Promise<void> {
    if (jobId) await host.exportCancel({ jobId });
  }

  async function run(): Promise<void> {
    if (running) return;
    running = true;
    const scope = scopeReport.checked ? 'report' : 'folder';
    const fmt = format.value as ExportFormat;
    o.remember?.({ format: fmt, scope });
    summary.replaceChildren();
    dlg.el.dataset.exportState = 'running';
    dlg.buttons.get('run')!.disabled = true;
    dlg.buttons.get('cancel')!.hidden = false;
    progress.hidden = false;
    progress.removeAttribute('value'); // indeterminate until the first event
    progressText.textContent = t('export.running');
    try {
      if (!(await o.beforeExport())) {
        // the save failed: the export would read stale data; the status bar says why
        summary.append(h('p', { class: 'error', role: 'alert' }, t('errors.editsKept')));
        dlg.el.dataset.exportState = 'error';
        return;
      }
      const options: ExportOptions = {};
      if (minStatus.value) options.minStatus = minStatus.value as ExportOptions['minStatus'];
      for (const [k, box] of checks) if (box.checked) (options as Record<string, boolean>)[k] = true;
      jobId = `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const outValue = out.value.trim();
      const res = await host.exportRun({
        path: scope === 'report' && o.reportPath ? o.reportPath : o.root,
        format: fmt,
        // the default stays the host's own default (<root>/export), which may not exist yet
        out: outValue && outValue !== defOut ? outValue : undefined,
        options,
        jobId,
      });
      if (res.ok) {
        last = res.value;
        showSummary(res.value);
        dlg.el.dataset.exportState = 'done';
      } else {
        const msg = res.code === 'cancelled' ? t('export.cancelled') : describeFailure(t, res);
        summary.append(h('p', { class: res.code === 'cancelled' ? 'note' : 'error', role: 'alert' }, msg));
        dlg.el.dataset.exportState = res.code === 'cancelled' ? 'cancelled' : 'error';
      }
    } finally {
      jobId = null;
      running = false;
      progress.hidden = true;
      progressText.textContent = '';
      dlg.buttons.get('run')!.disabled = false;
      dlg.buttons.get('cancel')!.hidden = true;
    }
  }

  function showSummary(s: ExportSummary): void {
    summary.append(
      h('h3', {}, t('export.done')),
      h('p', {}, t('export.files', { count: s.files.length })),
      h('ul', { class: 'export-files' }, ...s.files.map((f) => h('li', { dir: 'ltr', 'data-file': f }, f))),
      h('p', {}, t('export.rows', { count: s.rows }) + ' ' + t('export.reports', { count: s.reports })),
    );
    if (s.skipped.length) summary.append(h('ul', { class: 'export-skipped' }, ...s.skipped.map((k) => h('li', { 'data-reason': k.reason }, t('export.skipped', { count: k.count, reason: t(`export.skipReason.${k.reason}`, { defaultValue: k.reason }) })))));
    if (s.warnings.length) summary.append(h('h4', {}, t('export.warnings')), h('ul', { class: 'export-warnings' }, ...s.warnings.map((w) => h('li', { dir: 'auto' }, w))));
    dlg.buttons.get('close')!.focus();
  }

  return dlg.result.then(async (id) => {
    if (jobId) await host.exportCancel({ jobId });
    off();
    if (id === 'review-qa') o.qa?.review(scopeReport.checked ? 'report' : 'folder');
    return last;
  });
}
