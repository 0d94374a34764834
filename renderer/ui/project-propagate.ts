// Entities → Tag all occurrences in project… (issue 15): every name tagged in a report of the folder
// is proposed in every other report as a PENDING suggestion, never a tag. The dialog first asks the
// host for a preview (electron/host/project-propagate.ts, with progress and Cancel on a large
// folder) and lists per report the new suggestions, how many are low confidence and how many carry
// a type conflict, and the reports skipped with why. Apply adds the open report's suggestions
// through the editor (one undo step: Ctrl+Z) and writes every other report's through the host
// (refused when its annotation file changed since the preview), each with an Undo button that puts
// its file back exactly as it was, as project find-and-replace does (renderer/ui/project-find.ts).
import type { TFunction } from 'i18next';
import type { CallResponse, HostBridge } from '../../shared/contract/host.ts';
import type { StoredSuggestion } from '../../shared/model/types.ts';
import { formatNumber } from '../../shared/i18n/numbers.ts';
import { openDialog, type DialogHandle } from './dialog.ts';
import { h, replaceChildren } from './dom.ts';
import { describeFailure } from './errors.ts';

/** What the dialog needs from the app. */
export interface ProjectPropagateDeps {
  host: HostBridge;
  t: TFunction;
  /** the UI language (numbers) */
  lang: string;
  /** the opened folder, or null */
  root: string | null;
  /** the open report (path and display name), or null */
  open: { path: string; name: string } | null;
  /** saves the open report's edits first, so the host reads what the user sees; false when it failed */
  flush(): Promise<boolean>;
  /** adds suggestions to the open report's editor as one undo step; those added (`dryRun`: only says which:
   * the editor may show some already, from the glossary) */
  addToEditor(list: readonly StoredSuggestion[], dryRun?: boolean): StoredSuggestion[];
}

type Preview = CallResponse<'projectPropagatePreview'>;
type Applied = CallResponse<'projectPropagateApply'>['results'][number];

let jobs = 0;

/** Runs the whole flow: preview (cancellable), then apply and per-report undo in the same dialog. */
export async function tagAllInProject(d: ProjectPropagateDeps): Promise<void> {
  const t = d.t;
  const num = (n: number) => formatNumber(n, d.lang);
  const status = h('p', { class: 'ptag-status', role: 'status', 'aria-live': 'polite', 'data-ptag': 'status' });
  const progress = h('progress', { class: 'ptag-progress', 'aria-label': t('projectTagAll.progressLabel'), max: 1 });
  const result = h('div', { class: 'ptag-result' });
  const jobId = `ptag-${Date.now().toString(36)}-${++jobs}`;
  let phase: 'preview' | 'ready' | 'applying' | 'done' = 'preview';
  let preview: Preview | null = null;

  const dlg: DialogHandle = openDialog({
    name: 'project-tag-all',
    title: t('projectTagAll.title'),
    body: [h('p', { class: 'hint' }, t('projectTagAll.intro')), h('div', { class: 'ptag-progress-row' }, progress, status), result],
    actions: [
      { id: 'apply', label: t('projectTagAll.apply'), primary: true, onClick: () => void apply() },
      { id: 'cancel', label: t('dialog.cancel') },
    ],
    cancelId: 'cancel',
  });
  const applyBtn = dlg.buttons.get('apply')!;
  const cancelBtn = dlg.buttons.get('cancel')!;
  applyBtn.disabled = true;
  cancelBtn.focus();
  dlg.el.dataset.state = 'preview';
  const setPhase = (p: typeof phase) => {
    phase = p;
    dlg.el.dataset.state = p;
  };
  // while suggestions are being written the dialog stays (its list is where the Undo buttons appear)
  dlg.el.addEventListener('cancel', (ev) => {
    if (phase !== 'applying') return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
  }, { capture: true });
  // Esc or Cancel while the preview runs stops the host's work too
  void dlg.result.then(() => {
    if (phase === 'preview') void d.host.projectPropagateCancel({ jobId });
  });

  if (!d.root) {
    progress.hidden = true;
    replaceChildren(status, t('projectTagAll.noFolder'));
    return;
  }
  replaceChildren(status, t('projectTagAll.flushing'));
  if (!(await d.flush())) {
    progress.hidden = true;
    replaceChildren(status, h('span', { class: 'error', role: 'alert' }, t('errors.editsKept')));
    setPhase('done');
    return;
  }
  replaceChildren(status, t('projectTagAll.reading', { done: 0, total: 0 }));
  const off = d.host.on('propagateProgress', (p) => {
    if (p.jobId !== jobId || (phase !== 'preview' && phase !== 'applying')) return;
    progress.hidden = false;
    progress.max = Math.max(1, p.total);
    progress.value = p.done;
    // the live region speaks at most every tenth of the way (a screen reader cannot keep up with each report)
    const step = Math.max(1, Math.round(p.total / 10));
    if (p.done % step === 0 || p.done === p.total) replaceChildren(status, t(phase === 'preview' ? 'projectTagAll.reading' : 'projectTagAll.writing', { done: p.done, total: p.total }));
  });
  void dlg.result.then(off);
  const res = await d.host.projectPropagatePreview({ root: d.root, jobId, ...(d.open ? { open: d.open.path } : {}) });
  if (phase !== 'preview') return; // closed meanwhile
  progress.hidden = true;
  if (!res.ok) {
    setPhase('done');
    replaceChildren(status, h('span', { class: 'error', role: 'alert', 'data-code': res.code, dir: 'auto' }, res.code === 'cancelled' ? t('projectTagAll.cancelled') : describeFailure(t, res)));
    return;
  }
  preview = res.value;
  if (preview.open) {
    // the open report: what its editor would add (glossary suggestions may cover some spans already)
    const list = d.addToEditor(preview.open.list, true);
    preview = { ...preview, open: { ...preview.open, list, suggestions: list.length, low: list.filter((x) => x.confidence === 'low').length, conflicts: list.filter((x) => x.conflict).length } };
  }
  showPreview(preview);

  function showPreview(p: Preview): void {
    const all = [...(p.open ? [{ ...p.open, open: true }] : []), ...p.reports.map((r) => ({ ...r, open: false }))];
    const total = all.reduce((n, r) => n + r.suggestions, 0);
    // reports with nothing new are only counted (a large folder would list hundreds of zeros); the open one is always shown
    const rows = all.filter((r) => r.suggestions > 0 || r.open);
    const withNew = all.filter((r) => r.suggestions > 0).length;
    const unchanged = all.length - rows.length;
    const parts: Node[] = [];
    if (rows.length) {
      const body = rows.map((r) => h('tr', { 'data-ptag-report': r.file, 'data-suggestions': String(r.suggestions), 'data-low': String(r.low), 'data-conflicts': String(r.conflicts), ...(r.open ? { 'data-open': 'true' } : {}) },
        h('th', { scope: 'row' }, h('span', { dir: 'auto' }, r.file), r.open ? h('span', { class: 'hint' }, ` (${t('projectTagAll.openNote')})`) : ''),
        h('td', {}, num(r.suggestions)), h('td', {}, num(r.low)), h('td', {}, num(r.conflicts))));
      parts.push(h('div', { class: 'ptag-table-wrap', tabindex: 0, role: 'region', 'aria-label': t('projectTagAll.tableLabel') },
        h('table', { class: 'ptag-table' },
          h('thead', {}, h('tr', {}, ...['report', 'suggestions', 'low', 'conflicts'].map((k) => h('th', { scope: 'col' }, t(`projectTagAll.${k}`))))),
          h('tbody', {}, ...body))));
    }
    if (unchanged) parts.push(h('p', { class: 'hint', 'data-ptag': 'unchanged' }, t('projectTagAll.unchanged', { count: unchanged })));
    parts.push(...problemsOf(p));
    replaceChildren(result, ...parts);
    setPhase('ready');
    if (total === 0) {
      replaceChildren(status, t('projectTagAll.none'));
      applyBtn.hidden = true;
      cancelBtn.textContent = t('projectTagAll.close');
      cancelBtn.focus();
      return;
    }
    replaceChildren(status, t('projectTagAll.total', { count: total, reports: withNew }));
    applyBtn.disabled = false;
    applyBtn.focus();
  }

  function problemsOf(p: Preview): Node[] {
    const out: Node[] = p.problems.map((x) => h('p', { class: 'note warning', 'data-ptag': 'problem', dir: 'auto' }, t('projectTagAll.skipped', { file: x.file, message: x.message })));
    if (p.notStarted.length) out.push(h('p', { class: 'hint', 'data-ptag': 'not-started' }, t('projectTagAll.notStarted', { count: p.notStarted.length })));
    return out;
  }

  async function apply(): Promise<void> {
    if (phase !== 'ready' || !preview) return;
    setPhase('applying');
    applyBtn.disabled = true;
    cancelBtn.disabled = true;
    replaceChildren(status, t('projectTagAll.applying'));
    const items: HTMLElement[] = [];
    let added = 0;
    if (preview.open && preview.open.list.length) {
      const n = d.addToEditor(preview.open.list).length;
      added += n;
      items.push(h('li', { 'data-applied-report': preview.open.file, 'data-status': 'written', 'data-open': 'true' },
        h('span', { dir: 'auto' }, t('projectTagAll.written', { file: preview.open.file, count: n })), ' · ', t('projectTagAll.openNote')));
    }
    const targets = preview.reports.filter((r) => r.suggestions > 0);
    if (targets.length) {
      const res = await d.host.projectPropagateApply({ root: d.root!, jobId, reports: targets.map((r) => ({ path: r.path, sidecarHash: r.sidecarHash })) });
      if (!res.ok) {
        setPhase('done');
        cancelBtn.disabled = false;
        progress.hidden = true;
        replaceChildren(status, h('span', { class: 'error', role: 'alert', 'data-code': res.code, dir: 'auto' }, describeFailure(t, res)));
        return;
      }
      for (const r of res.value.results) {
        items.push(appliedItem(r));
        added += r.status === 'written' ? r.suggestions : 0;
      }
    }
    setPhase('done');
    cancelBtn.disabled = false;
    progress.hidden = true;
    replaceChildren(status, t('projectTagAll.done', { count: added }));
    replaceChildren(result, h('ul', { class: 'applied-list' }, ...items), ...problemsOf(preview));
    applyBtn.hidden = true;
    cancelBtn.textContent = t('projectTagAll.close');
    (result.querySelector<HTMLButtonElement>('button[data-action="undo-tag-all"]') ?? cancelBtn).focus();
  }

  /** One report's outcome, with its Undo button when suggestions were written. */
  function appliedItem(r: Applied): HTMLElement {
    if (r.status !== 'written') {
      return h('li', { 'data-applied-report': r.file, 'data-status': r.status, class: 'warning', dir: 'auto' },
        r.status === 'conflict' ? t('projectTagAll.conflict', { file: r.file }) : (r.message ?? r.file));
    }
    const li = h('li', { 'data-applied-report': r.file, 'data-status': 'written' }, h('span', { dir: 'auto' }, t('projectTagAll.written', { file: r.file, count: r.suggestions })));
    if (r.suggestions > 0) {
      const undo = h('button', { type: 'button', 'data-action': 'undo-tag-all', 'aria-label': t('projectTagAll.undoReport', { file: r.file }) }, t('projectTagAll.undo'));
      const note = h('span', { class: 'undo-note', role: 'status', 'aria-live': 'polite' });
      undo.addEventListener('click', async () => {
        undo.disabled = true;
        const res = await d.host.projectPropagateUndo({ path: r.path });
        if (res.ok) {
          li.dataset.status = 'undone';
          replaceChildren(note, t('projectTagAll.undone', { file: r.file }));
          // focus stays in the list: on the next Undo, else on Close
          const next = [...result.querySelectorAll<HTMLButtonElement>('button[data-action="undo-tag-all"]')].find((b) => b !== undo && !b.disabled);
          undo.remove();
          (next ?? cancelBtn).focus();
        } else {
          li.dataset.status = 'undo-refused';
          undo.disabled = false;
          replaceChildren(note, t('projectTagAll.undoRefused', { file: r.file, message: describeFailure(t, res) }));
        }
      });
      li.append(' ', undo, ' ', note);
    }
    return li;
  }
}
