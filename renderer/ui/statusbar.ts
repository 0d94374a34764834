// The status bar: save state (as text and as `data-state` for tests and styling), the report's
// name, encoding and row count. The save state is a polite live region so screen readers hear
// "Saved" without losing their place.
import type { TFunction } from 'i18next';
import type { Failure } from '../../shared/contract/host.ts';
import { h } from './dom.ts';
import type { SaveState } from './save-controller.ts';
import { describeFailure } from './errors.ts';

/** What the status bar shows about the open report. */
export interface StatusInfo {
  name: string;
  encoding: string;
  rows: number;
}

export class StatusBar {
  readonly el: HTMLElement;
  private readonly saveEl: HTMLElement;
  private readonly nameEl: HTMLElement;
  private readonly encEl: HTMLElement;
  private readonly rowsEl: HTMLElement;
  private readonly rowStatusEl: HTMLElement;
  private readonly noteEl: HTMLElement;
  private readonly conflictsEl: HTMLElement;
  private conflicts = 0;
  private rowStatus: string | null = null;
  private row: string | null = null;
  private state: SaveState | 'none' = 'none';
  private failure: Failure | undefined;
  private info: StatusInfo | null = null;

  constructor(private t: TFunction, label: string) {
    this.saveEl = h('span', { class: 'status-save', role: 'status', 'aria-live': 'polite', 'data-state': 'none', tabindex: -1 });
    this.nameEl = h('span', { class: 'status-name', dir: 'auto' });
    this.encEl = h('span', { class: 'status-encoding' });
    this.rowsEl = h('span', { class: 'status-rows' });
    // the caret row's status in words (the row's gutter mark is a symbol; status never by colour alone)
    this.rowStatusEl = h('span', { class: 'status-row-status' });
    // one-off notes about an edit (a merge that lowered a row's status), read out politely
    this.noteEl = h('span', { class: 'status-note', role: 'status', 'aria-live': 'polite' });
    // open merge conflicts of the report (review mode resolves them; renderer/ui/review-panel.ts)
    this.conflictsEl = h('span', { class: 'status-conflicts', 'data-conflicts': '0' });
    this.el = h('footer', { class: 'statusbar', 'data-region': 'status', 'aria-label': label },
      this.saveEl, this.nameEl, this.encEl, this.rowsEl, this.rowStatusEl, this.conflictsEl, this.noteEl);
  }

  setT(t: TFunction, label: string): void {
    this.t = t;
    this.el.setAttribute('aria-label', label);
    this.render();
  }

  setReport(info: StatusInfo | null): void {
    this.info = info;
    if (!info) this.state = 'none';
    this.render();
  }

  /** The row count after an edit (split, merge): follows the editor at once. */
  setRows(rows: number): void {
    if (!this.info || this.info.rows === rows) return;
    this.info = { ...this.info, rows };
    this.render();
  }

  /** The caret row's status ('auto' … 'reviewed') and unit id, or nulls outside a row. The id is
   * kept as `data-row` so a test (or an assistive script) knows which row the caret is on. */
  setRowStatus(status: string | null, row: string | null = null): void {
    if (this.rowStatus === status && this.row === row) return;
    this.rowStatus = status;
    this.row = row;
    this.render();
  }

  /** The open report's open merge conflicts (0: nothing shown). */
  setConflicts(n: number): void {
    if (this.conflicts === n) return;
    this.conflicts = n;
    this.render();
  }

  /** A note about the last edit ('' clears it). */
  note(text: string): void {
    this.noteEl.textContent = text;
  }

  setSaveState(state: SaveState, failure?: Failure): void {
    this.state = state;
    this.failure = failure;
    this.render();
  }

  /** Marks that the unsaved edits reached the recovery journal (version = the edit count journaled). */
  setJournaled(version: number): void {
    this.saveEl.dataset.journal = String(version);
    this.render();
  }

  focus(): void {
    this.saveEl.focus();
  }

  private render(): void {
    const t = this.t;
    this.saveEl.dataset.state = this.state;
    if (this.state === 'none') this.saveEl.textContent = t('status.noReport');
    else if (this.state === 'error') this.saveEl.textContent = t('status.error', { message: this.failure ? describeFailure(t, this.failure) : '' });
    else this.saveEl.textContent = t(`status.${this.state}`);
    // the journal tooltip in the current language, and only while there are edits not yet saved
    const journaled = this.saveEl.dataset.journal !== undefined && this.state !== 'saved' && this.state !== 'none';
    if (journaled) this.saveEl.title = t('status.journaled');
    else this.saveEl.removeAttribute('title');
    this.nameEl.textContent = this.info?.name ?? '';
    this.encEl.textContent = this.info ? t('status.encoding', { encoding: this.info.encoding }) : '';
    this.rowsEl.textContent = this.info ? t('status.rows', { count: this.info.rows }) : '';
    const rs = this.info ? this.rowStatus : null;
    this.rowStatusEl.dataset.status = rs ?? '';
    this.rowStatusEl.dataset.row = (this.info && this.row) || '';
    this.rowStatusEl.textContent = rs ? t('status.rowStatus', { status: t(`status.row.${rs}`) }) : '';
    const conflicts = this.info ? this.conflicts : 0;
    this.conflictsEl.dataset.conflicts = String(conflicts);
    this.conflictsEl.textContent = conflicts ? t('review.conflicts', { count: conflicts }) : '';
    if (!this.info) this.noteEl.textContent = '';
  }
}
