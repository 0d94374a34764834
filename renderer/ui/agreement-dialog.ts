// File → Agreement…: the figures of `muwazi agree` (shared/team/agree.ts) between the open folder and
// another copy of its reports (a second annotator's). The other copy is named like any folder the
// app opens (folder-access: one chosen before, offered from the recent list, or in browser mode a
// typed path within the rule); the host checks that. A table per report and overall, announced.
import type { TFunction } from 'i18next';
import type { CallResponse, HostBridge } from '../../shared/contract/host.ts';
import { formatNumber } from '../../shared/i18n/numbers.ts';
import type { UiLang } from '../../shared/i18n/languages.ts';
import { h, replaceChildren, uid } from './dom.ts';
import { openDialog } from './dialog.ts';
import { describeFailure } from './errors.ts';

type Report = CallResponse<'agreement'>;
type Figures = Report['overall'];

/** The columns: i18n key and the figure. */
export const AGREEMENT_COLUMNS: { key: string; value: (f: Figures) => number | null }[] = [
  { key: 'team.agree.entityF1', value: (f) => f.entities.f1 },
  { key: 'team.agree.kappa', value: (f) => f.entities.kappa },
  { key: 'team.agree.linkF1', value: (f) => f.alignment.linkF1 },
  { key: 'team.agree.status', value: (f) => f.status.agreement },
];

/** The table's rows as text: one per report, then the overall one (figures to 2 decimals in the UI's digits, — when undefined). */
export function agreementRows(r: Report, t: TFunction, lang: UiLang): string[][] {
  const num = (x: number | null) => (x === null ? t('team.agree.none') : formatNumber(x, lang));
  const row = (name: string, f: Figures) => [name, ...AGREEMENT_COLUMNS.map((c) => num(c.value(f)))];
  return [...r.reports.map((x) => row(x.name, x.figures)), row(t('team.agree.overall'), r.overall)];
}

export interface AgreementDialogOptions {
  t: TFunction;
  host: HostBridge;
  /** the open folder */
  root: string;
  lang: UiLang;
  /** saves the open report first (the comparison reads the files on disk) */
  beforeRun?: () => Promise<boolean>;
}

export function openAgreementDialog(o: AgreementDialogOptions): Promise<void> {
  const { t, host } = o;
  const id = uid('agree');
  const input = h('input', { type: 'text', id: `${id}-other`, dir: 'ltr', spellcheck: 'false', autocomplete: 'off', list: `${id}-recent`, 'data-field': 'other' });
  const recent = h('datalist', { id: `${id}-recent` });
  const status = h('p', { class: 'agree-status', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'agree-results' });
  void host.recentFolders({}).then((r) => {
    if (!r.ok) return;
    const others = r.value.folders.filter((f) => f.path !== o.root);
    replaceChildren(recent, ...others.map((f) => h('option', { value: f.path }, f.name)));
    if (!input.value && others[0]) input.value = others[0].path;
  });

  const run = async () => {
    const other = input.value.trim();
    if (!other) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    const button = dlg.buttons.get('compare');
    if (button) button.disabled = true;
    status.textContent = t('team.agree.running');
    try {
      if (o.beforeRun && !(await o.beforeRun())) return;
      const r = await host.agreement({ root: o.root, other });
      if (!r.ok) {
        status.textContent = describeFailure(t, r);
        return;
      }
      const head = [t('team.agree.report'), ...AGREEMENT_COLUMNS.map((c) => t(c.key))];
      const rows = agreementRows(r.value, t, o.lang);
      replaceChildren(results, h('table', { class: 'agree-table', 'data-agreement': '' },
        h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, ...rows.map((cells, i) => h('tr', i === rows.length - 1 ? { 'data-overall': '' } : {},
          h('th', { scope: 'row', dir: 'auto' }, cells[0]), ...cells.slice(1).map((c) => h('td', {}, c)))))),
        r.value.skipped.length ? h('p', { class: 'hint', dir: 'auto' }, t('team.agree.onlyIn', { names: r.value.skipped.map((s) => s.name).join('، ') })) : null);
      status.textContent = t('team.agree.done', { count: r.value.reports.length });
    } finally {
      if (button) button.disabled = false;
    }
  };

  const dlg = openDialog({
    name: 'agreement',
    title: t('team.agree.title'),
    body: [h('p', { class: 'hint' }, t('team.agree.intro')),
      h('div', { class: 'field' }, h('label', { for: input.id }, t('team.agree.pick')), input, recent), status, results],
    actions: [
      { id: 'compare', label: t('team.agree.compare'), primary: true, onClick: () => void run() },
      { id: 'close', label: t('dialog.close') },
    ],
    cancelId: 'close',
    initialFocus: input,
  });
  return dlg.result.then(() => undefined);
}
