// A panel above the editor listing what openReport could not do cleanly: for a drifted source,
// the spans that could not be re-anchored; otherwise the host's warnings. Dismissable, never modal:
// the user keeps working and the items stay listed until dismissed.
import type { TFunction } from 'i18next';
import type { OpenedReport } from '../../shared/contract/host.ts';
import { h } from './dom.ts';

export function warningsPanel(t: TFunction, r: Pick<OpenedReport, 'name' | 'state' | 'warnings'>, onDismiss: () => void): HTMLElement | null {
  if (r.state !== 'drifted' && r.warnings.length === 0) return null;
  const drifted = r.state === 'drifted';
  const title = drifted ? t('drift.title') : t('drift.warnings', { name: r.name });
  const list = h('ul', { class: 'warnings-list' }, ...r.warnings.map((w) => h('li', { 'data-code': w.code, dir: 'auto' }, w.message)));
  const close = h('button', { type: 'button', class: 'warnings-close' }, t('dialog.close'));
  const panel = h('section', { class: 'warnings', role: 'region', 'aria-label': title, 'data-drifted': drifted ? 'true' : null },
    h('h2', {}, title),
    drifted ? h('p', {}, r.warnings.length ? t('drift.body') : t('drift.none')) : null,
    drifted ? h('p', { class: 'hint' }, t('drift.count', { count: r.warnings.length })) : null,
    list,
    close);
  close.addEventListener('click', () => {
    panel.remove();
    onDismiss();
  });
  return panel;
}
