// A way out of every error on opening or leaving a report (issue 14 §4):
//   - a report that cannot be opened says so once, in the editor area, and the "Opening…" notice
//     goes (no modal to dismiss, nothing stuck);
//   - an empty or whitespace-only report says "this report is empty" instead of opening a blank row;
//   - a damaged annotation file offers its backups (.bak, .bak.2) and the recovery journal, each with
//     its date and row count, or leaving it closed; never a loop;
//   - leaving a report whose save failed names the reason and the choices with verbs.
import type { TFunction } from 'i18next';
import type { Failure, HostBridge } from '../../shared/contract/host.ts';
import { numberLocale } from '../../shared/i18n/numbers.ts';
import { h } from './dom.ts';
import { ask } from './dialog.ts';
import { describeFailure } from './errors.ts';

/** A date for the UI language (Arabic-Indic digits in Arabic). */
export function formatDate(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(numberLocale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** The one message for a report that could not be opened, with what to do about it. */
export function openFailureNotice(t: TFunction, name: string, f: Pick<Failure, 'code' | 'message'>, sourceMissing = false): HTMLElement {
  if (sourceMissing) {
    return h('div', { class: 'open-failure', role: 'alert', 'data-code': 'source-missing' },
      h('p', { class: 'error', dir: 'auto' }, t('sidebar.sourceMissingHelp', { file: `${name}.txt`, sidecar: `${name}.annotations.json` })));
  }
  const what = f.code === 'binary-file' ? t('errors.binaryReport', { name }) : describeFailure(t, f);
  return h('div', { class: 'open-failure', role: 'alert', 'data-code': f.code },
    h('p', { class: 'error', dir: 'auto' }, what),
    f.code === 'binary-file' ? null : h('p', { class: 'hint' }, t('errors.openAnother')));
}

/** Whether an opened report holds no text to translate. */
export function isEmptyReport(text: string): boolean {
  return text.trim() === '';
}

/** The notice for an empty report. */
export function emptyReportNotice(t: TFunction, name: string): HTMLElement {
  return h('div', { class: 'open-failure', role: 'status', 'data-code': 'empty-report' }, h('p', { dir: 'auto' }, t('errors.emptyReport', { name })));
}

/**
 * A damaged annotation file: asks whether to restore a backup or the journal (each named with its
 * date and rows), open the report read-only, or leave it closed. Returns 'restored' when a file was
 * restored (open it again), 'readOnly' to open it without its annotations and without saving, or null.
 */
export async function offerRestore(o: { t: TFunction; lang: string; host: Pick<HostBridge, 'sidecarRestoreOptions' | 'restoreSidecar'>; path: string; name: string; failure: Failure }): Promise<'restored' | 'readOnly' | null> {
  const { t } = o;
  const listed = await o.host.sidecarRestoreOptions({ path: o.path });
  const options = listed.ok ? listed.value.options : [];
  const body = [
    h('p', { dir: 'auto' }, t('recovery.damaged', { name: o.name })),
    h('p', { class: 'hint', dir: 'auto' }, o.failure.message),
    h('p', {}, options.length ? t('recovery.damagedChoose') : t('recovery.damagedNone')),
  ];
  const actions = options.map((opt, i) => ({
    id: `restore-${opt.source}`,
    label: t(`recovery.restore_${opt.source}`, { date: formatDate(opt.date, o.lang), count: opt.rows }),
    primary: i === 0,
  }));
  actions.push({ id: 'read-only', label: t('recovery.openReadOnly'), primary: false });
  actions.push({ id: 'close', label: t('recovery.leaveClosed'), primary: options.length === 0 });
  const choice = await ask('damaged', t('recovery.damagedTitle'), body, actions, 'close');
  if (choice === 'read-only') return 'readOnly';
  const opt = options.find((x) => `restore-${x.source}` === choice);
  if (!opt) return null;
  const res = await o.host.restoreSidecar({ path: o.path, source: opt.source });
  if (!res.ok) {
    await ask('error', t('errors.title'), describeFailure(t, res), [{ id: 'ok', label: t('dialog.close'), primary: true }], 'ok');
    return null;
  }
  return 'restored';
}

/** The note above a report opened read-only past its damaged annotation file. */
export function readOnlyNotice(t: TFunction, name: string): HTMLElement {
  return h('p', { class: 'note', role: 'status', 'data-read-only': 'true', dir: 'auto' }, t('recovery.readOnly', { name }));
}

/** Leaving a report whose last save failed: stay, or leave with the edits kept in the journal. */
export async function askLeaveUnsaved(t: TFunction, failure: Failure | undefined): Promise<boolean> {
  const reason = failure ? describeFailure(t, failure) : t('errors.unknownReason');
  const choice = await ask('unsaved', t('errors.notSavedTitle'), [
    h('p', { dir: 'auto', 'data-reason': failure?.code ?? 'unknown' }, t('status.error', { message: reason })),
    h('p', {}, t('errors.editsKept')),
  ], [
    { id: 'stay', label: t('errors.stay'), primary: true },
    { id: 'leave', label: t('errors.leave') },
  ], 'stay');
  return choice === 'leave';
}

/** The hash of a damaged annotation file from openReport's failure (the host puts it in the
 * details), so "replace it with mine" can save against it; null when it is not that failure. */
export function damagedHash(f: Failure): string | null {
  if (f.code !== 'corrupt-sidecar') return null;
  const d = f.details as { sidecarHash?: unknown } | undefined;
  return typeof d?.sidecarHash === 'string' ? d.sidecarHash : null;
}
