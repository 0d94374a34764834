// The report session: the open report's editor and save policy, and its whole life — open (with a
// damaged annotation file's restore or read-only choice, the recovery journal), mount, close (save
// first, or ask), reload from disk, a conflict with a change on disk (keep mine, take theirs, keep
// both), a changed Arabic source under unsaved edits. Moved out of app.ts (issue 14 §1); the app
// shell gives it its regions and a few hooks (SessionDeps) and reads `current`.
import type { SaveStamps } from '../../shared/team/provenance.ts';
import type { i18n as I18n, TFunction } from 'i18next';
import type { Annotations, StoredSuggestion, TagType } from '../../shared/model/types.ts';
import type { Failure, HostBridge, OpenedReport, ReportSummary, Workspace } from '../../shared/contract/host.ts';
import type { SearchOptions } from '../../shared/text/search.ts';
import { h, replaceChildren } from './dom.ts';
import { ask } from './dialog.ts';
import type { Sidebar } from './sidebar.ts';
import type { StatusBar } from './statusbar.ts';
import { SaveController } from './save-controller.ts';
import type { FindBar, FindCount, ReplaceCount } from './find-bar.ts';
import type { ReportWhere, WorkbenchActions } from './workbench.ts';
import { showEdit, type EditInfo } from './edit-notes.ts';
import { warningsPanel } from './warnings-panel.ts';
import { closeContextMenu } from './context-menu.ts';
import { askLeaveUnsaved, damagedHash, emptyReportNotice, isEmptyReport, offerRestore, openFailureNotice, readOnlyNotice } from './open-errors.ts';

/** What the shell needs from the editor (renderer/editor/editor.ts's EditorHandle satisfies it;
 * the workbench's actions come with renderer/ui/workbench.ts's wrapper). */
export interface EditorLike extends Partial<WorkbenchActions> {
  getAnnotations(): Annotations;
  setAnnotations(a: Annotations, sourceText?: string): void;
  /** replaces the content as one undoable edit (imports) */
  replaceAnnotations(a: Annotations): void;
  runCommand(name: string): boolean;
  /** a catalog command by id, whether it applies, where the caret is, a right-click's caret
   * (EditorHandle.run / canRun / contexts / caretAtPoint; the command registry uses them) */
  run?(id: string): boolean;
  canRun?(id: string): boolean;
  contexts?(): Array<'row' | 'mention'>;
  caretAtPoint?(left: number, top: number): boolean;
  /** applies a new tag set (project settings saved) without reloading */
  setTagSet?(tagSet: TagType[]): void;
  /** find (plugins/find.ts): set the query, '' turns it off */
  setFind?(query: string, options: SearchOptions): FindCount;
  /** replace find's current hit or all hits, English only, one undo step (renderer/editor/find-replace.ts) */
  replaceFind?(replacement: string, all: boolean): ReplaceCount;
  /** puts the caret in a row (by unit id) and scrolls to it; false when there is no such row */
  goToUnit?(unit: string, fallbackIndex?: number): boolean;
  /** the selected text ('' for a cursor), to start a search with */
  selectedText?(): string;
  /** provenance a save stamped (format 1.1), written into the model the next saves start from */
  adoptStamps?(stamped: SaveStamps, at: string): void;
  /** adds pending suggestions as one undo step (project tag-all); those added (`dryRun`: only says which) */
  addSuggestions?(list: readonly StoredSuggestion[], opts?: { dryRun?: boolean }): StoredSuggestion[];
  focus(): void;
  destroy(): void;
}

/** Creates an editor in `mount` (renderer/editor/editor.ts's createEditor). */
export type EditorFactory = (mount: HTMLElement, init: {
  annotations: Annotations; sourceText: string; tagColors?: Record<string, string>; onChange?: (info: { docChanged: true } & EditInfo) => void;
  /** the report is open read-only (past a damaged annotation file) */
  readOnly?: boolean;
  /** the caret moved (the status bar shows the caret row's status) */
  onSelection?: (info: { status: string | null; row: string | null }) => void;
  /** find's hits changed (renderer/ui/find-bar.ts shows the count) */
  onFind?: (c: FindCount) => void;
  /** the open folder and report (memory lookups) */
  report?: ReportWhere;
}) => EditorLike;

/** The open report: its editor, its save policy. */
export interface Session {
  path: string;
  report: OpenedReport;
  editor: EditorLike;
  saver: SaveController;
  /** true while the app itself replaces the editor's content (not a user edit) */
  replacing: boolean;
}

/** `<name>.annotations.json` beside `<name>.txt`. */
export function sidecarPathOf(txtPath: string): string {
  return txtPath.replace(/\.txt$/i, '') + '.annotations.json';
}

/** What the session needs from the app shell. */
export interface SessionDeps {
  host: HostBridge;
  i18n: I18n;
  createEditor: EditorFactory;
  autosaveMs?: number;
  /** the UI's translation function now */
  t: () => TFunction;
  workspace: () => Workspace | null;
  /** the shell's regions: notices above the editor, the editor's mount, the editor area */
  notice: HTMLElement;
  editorMount: HTMLElement;
  main: HTMLElement;
  statusbar: StatusBar;
  sidebar: Sidebar;
  findBar: FindBar;
  showError: (f: Pick<Failure, 'code' | 'message'>) => void;
  updateTitle: () => void;
  /** this report's progress from what was just saved (the sidebar) */
  updateSummary: (path: string, a: Annotations) => void;
  /** the folder's list is rescanned soon */
  scheduleRefresh: () => void;
  hideReview: () => void;
  toolbarVisible: (on: boolean) => void;
  /** the window waits for this save to close */
  closeAfterSave: () => boolean;
  /** awaited before each report opens (main.ts loads the project glossary for pre-annotation) */
  beforeOpenReport?: () => Promise<void>;
}

export class ReportSession {
  /** the open report, or null */
  current: Session | null = null;
  private opening: Promise<void> | null = null;
  private conflictOpen = false;
  private sourceChangeOpen = false;
  private readonly notice: HTMLElement;
  private readonly editorMount: HTMLElement;
  private readonly main: HTMLElement;
  private readonly statusbar: StatusBar;
  private readonly sidebar: Sidebar;
  private readonly findBar: FindBar;

  constructor(private readonly d: SessionDeps) {
    ({ notice: this.notice, editorMount: this.editorMount, main: this.main, statusbar: this.statusbar, sidebar: this.sidebar, findBar: this.findBar } = d);
  }

  private get t(): TFunction {
    return this.d.t();
  }

  private get workspace(): Workspace | null {
    return this.d.workspace();
  }

  async openReport(r: ReportSummary): Promise<void> {
    if (this.current?.path === r.path) return this.current.editor.focus();
    if (this.opening) await this.opening;
    this.opening = this.doOpenReport(r).finally(() => (this.opening = null));
    return this.opening;
  }

  private async doOpenReport(r: ReportSummary): Promise<void> {
    if (!(await this.closeSession())) return;
    this.sidebar.setCurrent(r.path);
    this.main.dataset.report = r.path;
    this.main.dataset.reportState = 'loading';
    replaceChildren(this.notice, h('p', { class: 'hint' }, this.t('editor.loading', { name: r.name })));
    await this.d.beforeOpenReport?.();
    let res = await this.d.host.openReport({ path: r.path });
    let readOnly = false;
    // a damaged annotation file: restore a backup or the journal and open again (once), or open read-only
    if (!res.ok && res.code === 'corrupt-sidecar') {
      const way = await offerRestore({ t: this.t, lang: this.d.i18n.language, host: this.d.host, path: r.path, name: r.name, failure: res });
      if (way) res = await this.d.host.openReport({ path: r.path, ...(way === 'readOnly' ? { ignoreSidecar: true } : {}) });
      if (way === 'restored') this.d.scheduleRefresh();
      readOnly = way === 'readOnly';
    }
    if (!res.ok || isEmptyReport(res.value.text)) {
      // said once, in place of "Opening…"
      this.main.dataset.reportState = res.ok ? 'empty' : 'error';
      replaceChildren(this.notice, res.ok ? emptyReportNotice(this.t, res.value.name) : openFailureNotice(this.t, r.name, res, r.sourceMissing));
      this.statusbar.setReport(null);
      return;
    }
    const report = res.value;
    let annotations = report.annotations;
    let restored = false;
    if (report.recovered) {
      const choice = await ask('recovery', this.t('recovery.title'), this.t('recovery.body', { name: report.name }), [
        { id: 'restore', label: this.t('recovery.restore'), primary: true },
        { id: 'discard', label: this.t('recovery.discard') },
      ], 'restore');
      if (choice === 'discard') await this.d.host.discardJournal({ path: r.path });
      else {
        annotations = report.recovered;
        restored = true;
      }
    }
    this.notice.replaceChildren();
    this.mountSession(report, annotations, readOnly);
    // restored edits are unsaved edits: mark them so they are autosaved like any other
    if (restored) this.current!.saver.changed();
  }

  private mountSession(report: OpenedReport, annotations: Annotations, readOnly = false): void {
    const t = this.t;
    this.editorMount.replaceChildren();
    const tagColors = Object.fromEntries((this.workspace?.settings.tagSet ?? []).map((g) => [g.name, g.color]));
    let session: Session | null = null;
    let editor: EditorLike;
    try {
      editor = this.d.createEditor(this.editorMount, {
        annotations,
        sourceText: report.text,
        tagColors,
        onChange: (info) => {
          if (session && !session.replacing) session.saver.changed();
          showEdit(this.statusbar, this.t, info);
        },
        onSelection: (info) => this.statusbar.setRowStatus(info.status, info.row),
        readOnly,
        onFind: (c) => this.findBar.update(c),
        report: this.workspace ? { root: this.workspace.root, path: report.path } : undefined,
      });
    } catch (e) {
      this.main.dataset.reportState = 'error';
      replaceChildren(this.notice, h('p', { class: 'error', role: 'alert' }, t('editor.unavailable', { message: e instanceof Error ? e.message : String(e) })));
      return;
    }
    const saver = new SaveController({
      path: report.path,
      sidecarHash: report.sidecarHash,
      getAnnotations: () => editor.getAnnotations(),
      host: this.d.host,
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      autosaveMs: this.d.autosaveMs,
      onState: (s, f) => {
        this.statusbar.setSaveState(s, f);
        if (s === 'conflict') void this.resolveConflict();
        if (s === 'saved' && this.d.closeAfterSave()) window.close();
      },
      onJournal: (v) => this.statusbar.setJournaled(v),
      // this report's progress from what was just saved: no folder rescan per save
      onSaved: (a, saved) => {
        // the provenance the host stamped: the editor's model carries it from now on
        if (saved.stamped) editor.adoptStamps?.(saved.stamped, saved.savedAt);
        this.d.updateSummary(report.path, a);
      },
    });
    session = { path: report.path, report, editor, saver, replacing: false };
    this.current = session;
    this.statusbar.setReport({ name: report.name, encoding: report.annotations.source.encoding, rows: annotations.units.length });
    this.statusbar.setSaveState('saved');
    const panel = warningsPanel(t, report, () => this.current?.editor.focus());
    if (panel) this.notice.append(panel);
    if (readOnly) this.notice.append(readOnlyNotice(t, report.name));
    this.main.dataset.reportState = 'open';
    this.d.toolbarVisible(true);
    this.d.updateTitle();
    // an open find bar searches the newly opened report too
    this.findBar.refresh();
  }

  /** Saves and closes the open report; false (and the report stays open) when the save failed and
   * the user chose to stay. */
  async closeSession(): Promise<boolean> {
    const s = this.current;
    if (!s) return true;
    const ok = await s.saver.flush();
    if (!ok && s.saver.dirty && !(await askLeaveUnsaved(this.t, s.saver.lastFailure))) return false;
    s.saver.dispose();
    s.editor.destroy();
    this.current = null;
    this.editorMount.replaceChildren();
    this.notice.replaceChildren();
    this.statusbar.setReport(null);
    this.d.hideReview();
    this.d.toolbarVisible(false);
    closeContextMenu();
    delete this.main.dataset.reportState;
    this.d.updateTitle();
    return true;
  }

  async saveNow(): Promise<void> {
    const s = this.current;
    if (!s) return;
    if (s.saver.state === 'conflict') return this.resolveConflict();
    await s.saver.flush();
  }

  /** Replaces the editor's content from disk (take theirs / silent reload). */
  async reloadFromDisk(s: Session, opened?: Awaited<ReturnType<HostBridge['openReport']>>): Promise<boolean> {
    // `opened`: the caller's answer for this report already (no second read)
    const res = opened ?? (await this.d.host.openReport({ path: s.path }));
    if (!res.ok) {
      this.d.showError(res);
      return false;
    }
    if (this.current !== s) return false;
    s.replacing = true;
    try {
      // the source may have changed too (re-anchored by the host): the editor gets the new text
      s.editor.setAnnotations(res.value.annotations, res.value.text);
    } finally {
      s.replacing = false;
    }
    s.report = res.value;
    s.saver.adopt(res.value.sidecarHash, true);
    this.statusbar.setReport({ name: res.value.name, encoding: res.value.annotations.source.encoding, rows: res.value.annotations.units.length });
    const panel = warningsPanel(this.t, res.value, () => this.current?.editor.focus());
    this.notice.replaceChildren();
    if (panel) this.notice.append(panel);
    this.main.dataset.reloads = String(Number(this.main.dataset.reloads ?? 0) + 1);
    return true;
  }

  /** The sidecar changed on disk under our edits: keep mine, take theirs, or keep both. */
  async resolveConflict(): Promise<void> {
    const s = this.current;
    if (!s || this.conflictOpen) return;
    this.conflictOpen = true;
    try {
      const host = this.d.host;
      // no autosave while the user decides (the status bar shows the conflict)
      s.saver.markConflict();
      // the file on disk may be damaged: then there is no "theirs" to take, only mine to save over it
      const disk = await host.openReport({ path: s.path });
      const damaged = !disk.ok ? damagedHash(disk) : null;
      const actions = damaged
        ? [{ id: 'mine', label: this.t('conflict.replaceDamaged'), primary: true }]
        : [{ id: 'mine', label: this.t('conflict.keepMine'), primary: true }, { id: 'theirs', label: this.t('conflict.takeTheirs') }];
      if (!damaged && typeof host.saveCopy === 'function') actions.push({ id: 'both', label: this.t('conflict.keepBoth') });
      actions.push({ id: 'later', label: this.t('conflict.decideLater'), primary: false });
      const body = damaged && !disk.ok
        ? [h('p', {}, this.t('conflict.damagedBody', { name: s.report.name })), h('p', { class: 'hint', dir: 'auto' }, disk.message)]
        : [h('p', {}, this.t('conflict.body', { name: s.report.name }))];
      if (actions.some((a) => a.id === 'both')) body.push(h('p', { class: 'hint' }, this.t('conflict.keepBothNote')));
      const choice = await ask(damaged ? 'conflict-damaged' : 'conflict', this.t(damaged ? 'conflict.damagedTitle' : 'conflict.title'), body, actions, 'later');
      // a save still on its way ends in this same conflict; let it land before acting on the choice
      await s.saver.idle();
      if (this.current !== s) return;
      if (choice === 'mine') {
        // overwrite: learn the hash now on disk, then save ours against it
        const res = damaged ? null : await this.d.host.openReport({ path: s.path });
        if (res && !res.ok) return this.d.showError(res);
        s.saver.adopt(res ? res.value.sidecarHash : damaged, false);
        this.conflictOpen = false;
        await s.saver.flush();
      } else if (choice === 'theirs' || choice === 'both') {
        let copyPath: string | null = null;
        if (choice === 'both' && host.saveCopy) {
          // my version goes to disk first: if that fails nothing is replaced
          const copy = await host.saveCopy({ path: s.path, annotations: s.editor.getAnnotations() });
          if (!copy.ok) return this.d.showError(copy);
          copyPath = copy.value.path;
        }
        if (await this.reloadFromDisk(s)) await this.d.host.discardJournal({ path: s.path });
        if (copyPath) this.notice.prepend(h('p', { class: 'note', role: 'status', 'data-copy': copyPath }, this.t('conflict.keepBothDone', { path: copyPath })));
      }
      // Esc: stay in the conflict state; Save asks again
    } finally {
      this.conflictOpen = false;
    }
  }

  async onFileChanged(path: string, kind: 'source' | 'sidecar' | 'other'): Promise<void> {
    if (kind !== 'other') this.d.scheduleRefresh();
    const s = this.current;
    if (!s || kind === 'other') return;
    const mine = kind === 'sidecar' ? path === sidecarPathOf(s.path) || path === s.path : path === s.path;
    if (!mine) return;
    // our own sidecar write; the hash check on save catches the rest (a source is never ours)
    if (kind === 'sidecar' && s.saver.state === 'saving') return;
    let opened: Awaited<ReturnType<HostBridge['openReport']>> | undefined;
    if (kind === 'sidecar') {
      // the file is still the version this session holds (our own save, or a late event for a change
      // made before the report was opened) → nothing to do
      const held = s.saver.sidecarHash;
      opened = await this.d.host.openReport({ path: s.path });
      if (opened.ok && opened.value.sidecarHash === s.saver.sidecarHash) return;
      // a save began or landed while the file was read (the user chose in a conflict dialog, say):
      // what was read is already stale, and the save's own compare-and-swap catches a real conflict
      if (this.current !== s || s.saver.state === 'saving' || s.saver.sidecarHash !== held) return;
    }
    if (!s.saver.dirty) await this.reloadFromDisk(s, opened);
    else if (kind === 'sidecar') await this.resolveConflict();
    else await this.resolveSourceChange();
  }

  /** The Arabic source changed on disk under unsaved edits: save them, then reload and let the
   * host re-anchor them to the new text (what cannot be mapped is listed); or keep working and
   * reload later from the notice. Either way nothing is lost: the edits stay in the editor and the
   * journal until they are saved. */
  private async resolveSourceChange(): Promise<void> {
    const s = this.current;
    if (!s || this.sourceChangeOpen) return;
    this.sourceChangeOpen = true;
    try {
      const choice = await ask('sourceChanged', this.t('sourceChanged.title'), this.t('sourceChanged.body', { name: s.report.name }), [
        { id: 'reload', label: this.t('sourceChanged.reload'), primary: true },
        { id: 'later', label: this.t('sourceChanged.later') },
      ], 'later');
      if (this.current !== s) return;
      if (choice === 'reload') await this.saveAndReload(s);
      else this.showSourceChangedNotice(s);
    } finally {
      this.sourceChangeOpen = false;
    }
  }

  private showSourceChangedNotice(s: Session): void {
    const button = h('button', { type: 'button', 'data-action': 'reload-source' }, this.t('sourceChanged.reloadNow'));
    button.addEventListener('click', () => void this.saveAndReload(s));
    replaceChildren(this.notice, h('div', { class: 'note source-changed', role: 'status', 'data-source-changed': 'true' },
      h('p', {}, this.t('sourceChanged.notice', { name: s.report.name })), button));
  }

  /** Saves the edits (against the old source: the sidecar records its hash), then reopens: the host
   * re-anchors the saved spans to the new text. A failed save reloads nothing. */
  private async saveAndReload(s: Session): Promise<void> {
    const ok = await s.saver.flush();
    if (this.current !== s) return;
    if (!ok || s.saver.dirty) {
      replaceChildren(this.notice, h('p', { class: 'error', role: 'alert' }, this.t('sourceChanged.notSaved')));
      return;
    }
    await this.reloadFromDisk(s);
  }
}
