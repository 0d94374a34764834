// Help → Keyboard Shortcuts: the app's shortcuts and the editor's (from renderer/editor/keymap.ts),
// as two tables. Keys are shown left-to-right even in the Arabic UI (they name physical keys).
import type { TFunction } from 'i18next';
import { h } from './dom.ts';
import { openDialog } from './dialog.ts';
import { APP_SHORTCUTS, displayKeys } from './commands.ts';

/** One row of the editor's shortcut table. */
export interface ShortcutRow {
  /** ProseMirror key notation, e.g. 'Mod-Enter' */
  keys: string;
  /** what it does, already in the UI language when possible */
  label: string;
}

function table(t: TFunction, caption: string, rows: ShortcutRow[], mac: boolean): HTMLElement {
  return h('table', { class: 'shortcuts' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('shortcuts.key')), h('th', { scope: 'col' }, t('shortcuts.action')))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, h('td', {}, h('kbd', { dir: 'ltr' }, displayKeys(r.keys, mac).replace('<key>', t('shortcuts.tagKey')))), h('td', {}, r.label)))));
}

/** The row status marks the editor shows at each row's inline start (renderer/editor/editor.css). */
export const STATUS_MARKS = { auto: '○', draft: '◐', translated: '●', reviewed: '★' } as const;

/** The legend of the row status marks: mark, name, meaning (status never by colour alone). */
function statusLegend(t: TFunction): HTMLElement {
  return h('table', { class: 'shortcuts status-legend' },
    h('caption', {}, t('shortcuts.legend')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('shortcuts.legendMark')), h('th', { scope: 'col' }, t('shortcuts.legendMeaning')))),
    h('tbody', {}, ...Object.entries(STATUS_MARKS).map(([s, mark]) => h('tr', { 'data-status': s },
      h('td', {}, h('span', { class: 'status-mark', 'data-status': s, 'aria-hidden': 'true' }, mark), ' ', t(`status.row.${s}`)),
      h('td', {}, t(`shortcuts.legendRows.${s}`))))));
}

export function openShortcuts(t: TFunction, editorRows: ShortcutRow[], mac: boolean): Promise<unknown> {
  const appRows = [
    ...APP_SHORTCUTS.map((s) => ({ keys: s.keys, label: t(s.labelKey) })),
    { keys: 'Shift-F6', label: t('shortcuts.cycleRegions') },
    { keys: 'Alt', label: t('shortcuts.menu') },
  ];
  const body: Node[] = [table(t, t('shortcuts.app'), appRows, mac)];
  body.push(editorRows.length ? table(t, t('shortcuts.editor'), editorRows, mac) : h('p', {}, t('shortcuts.none')));
  body.push(statusLegend(t));
  return openDialog({ name: 'shortcuts', title: t('shortcuts.title'), body, scrollable: true, actions: [{ id: 'ok', label: t('dialog.close'), primary: true }] }).result;
}
