// The glossary panel (Edit → Glossary…, command `glossary`): the project glossary of the open
// folder (host call loadGlossary: muwazi.glossary.tsv merged with every sidecar) as an editable
// grid: Arabic (RTL), English (LTR), type, count, note. Filter (folded: إدلب finds ادلب), only
// inconsistent renderings, add, edit, delete, Save (saveGlossary; the open report's suggestions
// follow at once through setGlossary) and Export as TSV to a chosen .tsv (exportGlossary).
// Keyboard: one tab stop for the grid (roving tabindex); arrows, Home/End, Ctrl+Home/End,
// PageUp/PageDown move; Enter or F2 edits, Enter keeps, Esc cancels, Tab keeps and moves on;
// Delete removes the entry. The pure part (rows, filter, flags) is glossary-model.ts.
import type { TFunction } from 'i18next';
import type { HostBridge } from '../../shared/contract/host.ts';
import { findInconsistencies } from '../../shared/entities/glossary.ts';
import { formatNumber } from '../../shared/i18n/numbers.ts';
import { ask, openDialog, type DialogHandle } from './dialog.ts';
import { h, replaceChildren, uid } from './dom.ts';
import { describeFailure } from './errors.ts';
import { defaultExportOut } from './export-dialog.ts';
import { setGlossary, type EntityContext } from './entity-panel.ts';
import { GlossaryModel, type GlossaryField, type GlossaryRow } from './glossary-model.ts';

/** What the panel needs from the app. */
export interface GlossaryPanelOptions {
  /** translations (current UI language) */
  t: TFunction;
  host: HostBridge;
  /** the open workspace and the glossary the editor uses (renderer/ui/entity-panel.ts) */
  ctx: EntityContext;
}

/** Columns of the grid, in order. */
const COLS = ['flag', 'ar', 'en', 'type', 'count', 'note', 'actions'] as const;
type Col = (typeof COLS)[number];
const EDITABLE = new Set<Col>(['ar', 'en', 'type', 'note']);
/** Rows drawn at once: beyond this the user narrows the filter (keeps the DOM small). */
export const MAX_ROWS = 500;

/** Opens the glossary panel; resolves when it is closed. */
export async function openGlossaryPanel(o: GlossaryPanelOptions): Promise<void> {
  const { t, host, ctx } = o;
  const root = ctx.root;
  if (!root) {
    await ask('glossary', t('glossary.title'), t('glossary.noFolder'), [{ id: 'ok', label: t('dialog.close'), primary: true }], 'ok');
    return;
  }
  const loaded = await host.loadGlossary({ root });
  if (!loaded.ok) {
    await ask('glossary', t('glossary.title'), describeFailure(t, loaded), [{ id: 'ok', label: t('dialog.close'), primary: true }], 'ok');
    return;
  }
  const model = new GlossaryModel(loaded.value.entries);
  const lang = document.documentElement.lang || 'en';
  const num = (n: number) => formatNumber(n, lang);

  // ---- controls ----
  const fid = uid('gl');
  const filter = h('input', { type: 'search', id: `${fid}-filter`, class: 'gl-filter', placeholder: t('glossary.filterHint'), autocomplete: 'off', spellcheck: 'false', dir: 'auto' });
  const only = h('input', { type: 'checkbox', id: `${fid}-only`, class: 'gl-only' });
  const addBtn = h('button', { type: 'button', 'data-action': 'add' }, t('glossary.add'));
  const status = h('p', { class: 'gl-status', role: 'status' });
  const message = h('p', { class: 'gl-message', role: 'status', 'aria-live': 'polite' });
  const keysHint = h('p', { class: 'hint', id: `${fid}-keys` }, t('glossary.keys'));
  const types = h('datalist', { id: `${fid}-types` }, ...ctx.tagSet.map((g) => h('option', { value: g.name })));
  const headRow = h('tr', { role: 'row', 'aria-rowindex': 1 }, ...COLS.map((c) => h('th', { role: 'columnheader', scope: 'col', 'data-col': c }, t(`glossary.col.${c}`))));
  const body = h('tbody', {});
  const table = h('table', { class: 'gl-table', role: 'grid', 'aria-label': t('glossary.title'), 'aria-describedby': keysHint.id, 'aria-colcount': COLS.length }, h('thead', {}, headRow), body);
  const out = h('input', { type: 'text', id: `${fid}-out`, name: 'out', dir: 'ltr', spellcheck: 'false', autocomplete: 'off' });
  // `<root>/export/muwazi.glossary.tsv`
  out.value = defaultExportOut(root, 'muwazi.glossary.tsv');
  const exportBtn = h('button', { type: 'button', 'data-action': 'export' }, t('glossary.export'));
  const problems = loaded.value.problems.length
    ? h('p', { class: 'gl-problems', role: 'alert' }, t('glossary.problems', { count: loaded.value.problems.length }), h('br', {}), loaded.value.problems.slice(0, 5).map((p) => p.message).join(' '))
    : null;

  // ---- grid state ----
  let visible: GlossaryRow[] = [];
  let active: { row: number; col: number } = { row: 0, col: 1 };
  let editing: { id: number; col: Col; input: HTMLInputElement; td: HTMLTableCellElement } | null = null;
  /** set while an Esc keypress belongs to a cell edit, so the dialog does not close on it */
  let swallowCancel = false;

  const cellOf = (row: number, col: number) => body.querySelector<HTMLTableCellElement>(`tr[data-index="${row}"] > td[data-col="${COLS[col]}"]`);

  function renderStatus(): void {
    const shown = Math.min(visible.length, MAX_ROWS);
    const parts = [t('glossary.entries', { count: model.entries().length }), t('glossary.showing', { shown }), t('glossary.inconsistentCount', { count: findInconsistencies(model.entries()).length })];
    if (model.dirty) parts.push(t('glossary.unsavedMark'));
    status.textContent = parts.join(' · ');
    dlg.el.dataset.dirty = String(model.dirty);
    dlg.el.dataset.entries = String(model.entries().length);
  }

  function render(): void {
    visible = model.filter({ query: filter.value, onlyInconsistent: only.checked });
    const flags = model.inconsistent();
    const rows = visible.slice(0, MAX_ROWS).map((r, i) => {
      const e = r.entry;
      const flag = flags.get(r.id);
      const cell = (col: Col, content: Node | string, attrs: Record<string, string> = {}) =>
        h('td', { role: 'gridcell', tabindex: -1, 'data-col': col, 'aria-readonly': EDITABLE.has(col) ? null : 'true', ...attrs }, content);
      const del = h('button', { type: 'button', tabindex: -1, class: 'gl-delete', 'data-action': 'delete', 'aria-label': t('glossary.deleteEntry', { ar: e.ar, en: e.en }) }, t('glossary.delete'));
      del.addEventListener('click', () => removeRow(r.id, i));
      return h('tr', { role: 'row', 'data-index': i, 'data-row-id': r.id, 'aria-rowindex': i + 2, class: flag ? 'gl-inconsistent' : null, 'data-inconsistent': flag ? 'true' : null },
        cell('flag', flag ? h('span', { class: 'gl-flag', 'data-flag': 'inconsistent', title: t('glossary.inconsistent', { renderings: flag.join(', ') }) }, '⚠ ', t('glossary.inconsistentFlag'), h('span', { class: 'gl-also' }, t('glossary.inconsistent', { renderings: flag.join(', ') }))) : ''),
        cell('ar', e.ar, { dir: 'rtl', lang: 'ar' }),
        cell('en', e.en, { dir: 'ltr', lang: 'en' }),
        cell('type', e.type, { dir: 'ltr' }),
        cell('count', num(e.count)),
        cell('note', e.note ?? '', { dir: 'auto' }),
        cell('actions', del),
      );
    });
    if (rows.length === 0) {
      replaceChildren(body, h('tr', { role: 'row' }, h('td', { class: 'hint', colspan: COLS.length, role: 'gridcell' }, model.rows.length ? t('glossary.noMatch') : t('glossary.empty'))));
    } else if (visible.length > MAX_ROWS) {
      replaceChildren(body, ...rows, h('tr', { role: 'row' }, h('td', { class: 'hint', colspan: COLS.length, role: 'gridcell' }, t('glossary.truncated', { shown: num(MAX_ROWS) }))));
    } else replaceChildren(body, ...rows);
    table.setAttribute('aria-rowcount', String(Math.min(visible.length, MAX_ROWS) + 1));
    active.row = Math.max(0, Math.min(active.row, rows.length - 1));
    const cur = cellOf(active.row, active.col);
    if (cur) cur.tabIndex = 0;
    renderStatus();
  }

  /** Moves the grid's focus (and its single tab stop) to a cell. */
  function focusCell(row: number, col: number): void {
    const count = Math.min(visible.length, MAX_ROWS);
    if (count === 0) return;
    const prev = cellOf(active.row, active.col);
    if (prev) prev.tabIndex = -1;
    active = { row: Math.max(0, Math.min(row, count - 1)), col: Math.max(0, Math.min(col, COLS.length - 1)) };
    const td = cellOf(active.row, active.col);
    if (!td) return;
    td.tabIndex = 0;
    td.focus();
    td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  function startEdit(row: number, col: number, initial?: string): void {
    const r = visible[row];
    const c = COLS[col];
    if (!r || !EDITABLE.has(c)) return;
    const td = cellOf(row, col);
    if (!td) return;
    const field = c as GlossaryField;
    const input = h('input', {
      type: 'text', class: 'gl-edit', 'aria-label': t(`glossary.col.${c}`), autocomplete: 'off', spellcheck: 'false',
      dir: c === 'ar' ? 'rtl' : c === 'note' ? 'auto' : 'ltr', lang: c === 'ar' ? 'ar' : c === 'note' ? null : 'en', list: c === 'type' ? types.id : null,
    });
    input.value = initial ?? r.entry[field] ?? '';
    editing = { id: r.id, col: c, input, td };
    td.replaceChildren(input);
    input.focus();
    if (initial === undefined) input.select();
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        endEdit(true);
      } else if (ev.key === 'Escape') {
        // the cell edit takes the Esc: the dialog stays open
        ev.preventDefault();
        ev.stopPropagation();
        swallowCancel = true;
        endEdit(false);
      } else if (ev.key === 'Tab') {
        ev.preventDefault();
        endEdit(true, ev.shiftKey ? -1 : 1);
      }
    });
    input.addEventListener('blur', () => {
      if (editing?.input === input) endEdit(true, 0, false);
    });
  }

  /** Ends the cell edit: keeps it (commit) or not; then focuses the cell `move` columns on. */
  function endEdit(commit: boolean, move = 0, refocus = true): void {
    const e = editing;
    if (!e) return;
    editing = null;
    if (commit) model.update(e.id, e.col as GlossaryField, e.input.value);
    const id = e.id;
    render();
    // the edited row may have left the filter; then the focus stays at the same index
    const i = visible.findIndex((r) => r.id === id);
    if (i >= 0) active.row = i;
    if (refocus) focusCell(active.row, active.col + move);
  }

  function removeRow(id: number, index: number): void {
    if (!model.remove(id)) return;
    render();
    if (visible.length) focusCell(index, active.col);
    else filter.focus();
  }

  function addRow(): void {
    // an empty row would not pass a filter: clear it so the new row shows
    filter.value = '';
    only.checked = false;
    model.add();
    render();
    active = { row: 0, col: COLS.indexOf('ar') };
    focusCell(0, COLS.indexOf('ar'));
    startEdit(0, COLS.indexOf('ar'));
  }

  // ---- events ----
  body.addEventListener('keydown', (ev) => {
    if (editing || ev.target instanceof HTMLInputElement) return;
    const rtl = getComputedStyle(table).direction === 'rtl';
    const { row, col } = active;
    const page = 10;
    let handled = true;
    switch (ev.key) {
      case 'ArrowDown': focusCell(row + 1, col); break;
      case 'ArrowUp': focusCell(row - 1, col); break;
      case 'ArrowRight': focusCell(row, col + (rtl ? -1 : 1)); break;
      case 'ArrowLeft': focusCell(row, col + (rtl ? 1 : -1)); break;
      case 'Home': focusCell(ev.ctrlKey ? 0 : row, 0); break;
      case 'End': focusCell(ev.ctrlKey ? visible.length - 1 : row, COLS.length - 1); break;
      case 'PageDown': focusCell(row + page, col); break;
      case 'PageUp': focusCell(row - page, col); break;
      case 'Enter':
      case 'F2':
        if (COLS[col] === 'actions' && ev.key === 'Enter') removeRow(visible[row].id, row);
        else startEdit(row, col);
        break;
      case 'Delete':
        if (visible[row]) removeRow(visible[row].id, row);
        break;
      default:
        handled = false;
    }
    if (handled) ev.preventDefault();
  });
  body.addEventListener('click', (ev) => {
    const td = (ev.target as HTMLElement).closest('td[data-col]');
    const tr = td?.closest('tr[data-index]');
    if (!td || !tr || editing?.td === td) return;
    focusCell(Number((tr as HTMLElement).dataset.index), COLS.indexOf((td as HTMLElement).dataset.col as Col));
  });
  body.addEventListener('dblclick', (ev) => {
    const td = (ev.target as HTMLElement).closest('td[data-col]');
    const tr = td?.closest('tr[data-index]');
    if (td && tr && !editing) startEdit(Number((tr as HTMLElement).dataset.index), COLS.indexOf((td as HTMLElement).dataset.col as Col));
  });
  filter.addEventListener('input', () => {
    active.row = 0;
    render();
  });
  only.addEventListener('change', () => {
    active.row = 0;
    render();
  });
  addBtn.addEventListener('click', addRow);

  async function save(): Promise<void> {
    if (editing) endEdit(true, 0, false);
    const entries = model.entries();
    dlg.buttons.get('save')!.disabled = true;
    try {
      const res = await host.saveGlossary({ root: root!, entries });
      if (!res.ok) {
        message.textContent = describeFailure(t, res);
        dlg.el.dataset.saved = 'false';
        return;
      }
      model.markSaved();
      setGlossary(ctx, entries);
      message.textContent = t('glossary.saved', { count: entries.length });
      dlg.el.dataset.saved = 'true';
      renderStatus();
    } finally {
      dlg.buttons.get('save')!.disabled = false;
    }
  }

  async function exportTsv(): Promise<void> {
    if (editing) endEdit(true, 0, false);
    exportBtn.disabled = true;
    try {
      const res = await host.exportGlossary({ root: root!, out: out.value.trim(), entries: model.entries() });
      if (!res.ok) {
        message.textContent = describeFailure(t, res);
        dlg.el.dataset.exported = 'false';
        return;
      }
      message.textContent = t('glossary.exported', { count: res.value.entries, path: res.value.path });
      dlg.el.dataset.exported = 'true';
    } finally {
      exportBtn.disabled = false;
    }
  }
  exportBtn.addEventListener('click', () => void exportTsv());

  async function tryClose(): Promise<void> {
    if (editing) endEdit(true, 0, false);
    if (model.dirty) {
      const choice = await ask('glossary-unsaved', t('glossary.unsavedTitle'), t('glossary.unsaved'), [
        { id: 'keep', label: t('glossary.keepEditing'), primary: true },
        { id: 'discard', label: t('glossary.discard') },
      ], 'keep');
      if (choice !== 'discard') return;
    }
    dlg.close('close');
  }

  const dlg: DialogHandle = openDialog({
    name: 'glossary',
    title: t('glossary.title'),
    body: ([
      h('p', { class: 'hint' }, t('glossary.intro')),
      problems,
      h('div', { class: 'gl-toolbar' },
        h('label', { for: filter.id }, t('glossary.filter')), filter,
        h('label', { class: 'field-check' }, only, t('glossary.onlyInconsistent')),
        addBtn),
      status,
      h('div', { class: 'gl-table-wrap' }, table, types),
      keysHint,
      h('div', { class: 'field field-inline gl-export' }, h('label', { for: out.id }, t('glossary.exportPath')), out, exportBtn),
      message,
    ] as Array<HTMLElement | null>).filter((n): n is HTMLElement => n !== null),
    actions: [
      { id: 'save', label: t('glossary.save'), primary: true, onClick: () => void save() },
      { id: 'close', label: t('glossary.close'), onClick: () => void tryClose() },
    ],
    initialFocus: filter,
    cancelId: 'close',
  });
  // Esc: first ends a cell edit; with unsaved changes it asks before closing. Capture listeners
  // on the target run before the dialog's own (which would close at once).
  dlg.el.addEventListener('cancel', (ev) => {
    if (swallowCancel || model.dirty || editing) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      if (!swallowCancel) void tryClose();
    }
    swallowCancel = false;
  }, { capture: true });
  dlg.el.addEventListener('keyup', () => (swallowCancel = false));
  render();
  await dlg.result;
}
