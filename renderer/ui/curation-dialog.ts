// Curation (issue 18 item 4, INCEpTION-style): the user picks another annotator's copy of the
// project (a second folder, opened through the ordinary folder-access flow, so the host confines
// every path to folders the user chose), the same report is read from it, and the two Arabic entity
// layers are shown side by side per place (shared/review/curation.ts): mine / theirs, "same" or
// "differs" written out. Per place the user keeps mine, takes theirs, keeps both (when they do not
// overlap) or neither; Apply makes it one undoable edit of the open report (commands/review.ts).
import type { TFunction } from 'i18next';
import type { HostBridge, Workspace } from '../../shared/contract/host.ts';
import type { Annotations, Mention } from '../../shared/model/types.ts';
import type { EditorHandle } from '../editor/editor.ts';
import { curationChoices, curationItems, curationMismatch, type CurationChoice, type CurationItem } from '../../shared/review/curation.ts';
import { h, uid } from './dom.ts';
import { ask, openDialog } from './dialog.ts';
import { askFolderPath } from './open-folder-dialog.ts';
import { describeFailure } from './errors.ts';

/** Places drawn at most (each is a small radio group); the rest are left as they are. */
const MAX_ITEMS = 300;

export interface CurationDialogOptions {
  t: TFunction;
  host: HostBridge;
  editor: EditorHandle;
}

/** The other copy's folder: the native picker, else (browser mode) the typed-path dialog. */
async function pickFolder(t: TFunction, host: HostBridge): Promise<Workspace | null> {
  const res = await host.openFolderDialog({});
  if (res.ok) return res.value;
  if (res.code !== 'unavailable') {
    await ask('curation-error', t('review.curation.title'), describeFailure(t, res), [{ id: 'ok', label: t('dialog.ok'), primary: true }], 'ok');
    return null;
  }
  return askFolderPath(t, host);
}

/** The other copy of the open report in `ws`: the report whose source file has the same name. */
export function sameReport(ws: Workspace, mine: Annotations): string | null {
  const file = mine.source.file;
  const hit = ws.reports.find((r) => r.relPath === file) ?? ws.reports.find((r) => r.relPath.endsWith(`/${file}`));
  return hit?.path ?? null;
}

const mentionsText = (ms: readonly Mention[]) => ms.map((m) => `${m.text} (${m.type})`).join('، ');

/** Opens the curation flow for the open report. */
export async function openCurationDialog(o: CurationDialogOptions): Promise<void> {
  const { t, host, editor } = o;
  const mine = editor.getAnnotations();
  const ws = await pickFolder(t, host);
  if (!ws) return;
  const fail = (message: string) => ask('curation-error', t('review.curation.title'), message, [{ id: 'ok', label: t('dialog.ok'), primary: true }], 'ok');
  const path = sameReport(ws, mine);
  if (!path) return void (await fail(t('review.curation.noReport', { file: mine.source.file, folder: ws.name })));
  const res = await host.openReport({ path });
  if (!res.ok) return void (await fail(describeFailure(t, res)));
  const theirs = res.value.annotations;
  if (curationMismatch(mine, theirs)) return void (await fail(t('review.curation.otherSource')));

  const rowOf = new Map<string, number>();
  for (const [id, i] of editor.review.rowIndexes()) rowOf.set(id, i);
  const all = curationItems(mine, theirs);
  const differing = all.filter((i) => !i.agree);
  const shown = differing.slice(0, MAX_ITEMS);
  const picks = new Map<string, CurationChoice>();
  const group = (item: CurationItem): HTMLElement => {
    const name = uid('cur');
    const row = rowOf.get(item.unit);
    const legend = h('legend', {}, row === undefined ? '' : t('review.row', { row: row + 1 }), ' ',
      h('span', { class: 'curation-state', 'data-agree': String(item.agree) }, t(item.agree ? 'review.curation.same' : 'review.curation.differs')));
    const sides = h('div', { class: 'curation-sides' },
      h('div', { class: 'curation-mine' }, h('span', { class: 'review-side-label' }, t('review.curation.mine')), ' ',
        h('bdi', { dir: 'rtl', lang: 'ar' }, mentionsText(item.mine) || t('review.curation.nothing'))),
      h('div', { class: 'curation-theirs' }, h('span', { class: 'review-side-label' }, t('review.curation.theirs')), ' ',
        h('bdi', { dir: 'rtl', lang: 'ar' }, mentionsText(item.theirs) || t('review.curation.nothing'))));
    const radios = curationChoices(item).map((c) => {
      const id = uid('cur-opt');
      const input = h('input', { type: 'radio', name, id, value: c, 'data-choice': c, checked: c === 'mine' });
      input.addEventListener('change', () => picks.set(item.key, c));
      return h('span', { class: 'field-check' }, input, h('label', { for: id }, t(`review.curation.choice.${c}`)));
    });
    return h('fieldset', { class: 'curation-item', 'data-key': item.key, 'data-unit': item.unit }, legend, sides, h('div', { class: 'curation-choices' }, ...radios));
  };
  const summary = h('p', { role: 'status' }, t('review.curation.summary', { count: differing.length, total: all.length, folder: ws.name }));
  const body: Node[] = [summary];
  if (differing.length > shown.length) body.push(h('p', { class: 'hint' }, t('review.curation.more', { count: differing.length - shown.length })));
  body.push(h('div', { class: 'curation-list' }, ...shown.map(group)));
  const dlg = openDialog({
    name: 'curation',
    title: t('review.curation.title'),
    body,
    actions: [
      { id: 'apply', label: t('review.curation.apply'), primary: true },
      { id: 'cancel', label: t('dialog.cancel') },
    ],
  });
  if ((await dlg.result) !== 'apply') return;
  const list = shown.map((item) => ({ item, choice: picks.get(item.key) ?? 'mine' as CurationChoice }));
  const known = mine.entities.map((e) => e.id);
  editor.review.curate(list, known);
  editor.focus();
}
