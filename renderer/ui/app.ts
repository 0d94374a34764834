// The app shell: menu bar, sidebar, editor area, status bar, and the flows between them (open a
// folder, open a report, save, recover, resolve conflicts, export, import, switch language).
// The editor, the aligner's import and the editor's shortcut list are injected (see main.ts), so
// this module only knows the editor through the small interface below.
import type { i18n as I18n, TFunction } from 'i18next';
import type { CallResponse, Failure, HostBridge, OpenedReport, ReportSummary, Workspace, ExportFormat } from '../../shared/contract/host.ts';
import type { Annotations, TagType } from '../../shared/model/types.ts';
import { sourceSegmentRules } from '../../shared/model/settings.ts';
import { resegmentReport } from '../../shared/align/resegment.ts';
import type { UiLang } from '../../shared/i18n/languages.ts';
import { setUiLanguage } from '../i18n.ts';
import { h, replaceChildren } from './dom.ts';
import { ask, openDialog } from './dialog.ts';
import { MenuBar, type MenuDef } from './menubar.ts';
import { Sidebar } from './sidebar.ts';
import { StatusBar } from './statusbar.ts';
import { SaveController } from './save-controller.ts';
import { describeFailure } from './errors.ts';
import { APP_SHORTCUTS, displayKeys, isAppCommand, matchesKey, type AppCommand } from './commands.ts';
import { askFolderPath, openRecentDialog } from './open-folder-dialog.ts';
import { openExportDialog } from './export-dialog.ts';
import { openImportDialog } from './import-dialog.ts';
import { withProjectSegmentRules, type ProjectImportFn } from './project-import.ts';
import { openMemoryDialog } from './memory-dialog.ts';
import { summaryFromAnnotations } from './report-summary.ts';
import { openShortcuts, type ShortcutRow } from './shortcuts-panel.ts';
import { openAbout } from './about-dialog.ts';
import { warningsPanel } from './warnings-panel.ts';
import { openSettingsDialog } from './settings-dialog.ts';
import { openAgreementDialog } from './agreement-dialog.ts';
import { FindBar, type FindCount, type FindTarget, type ReplaceCount } from './find-bar.ts';
import type { QaHooks } from './qa-panel.ts';
import type { ReviewHooks } from './review-panel.ts';
import { ProjectFindPanel } from './project-find.ts';
import type { SearchOptions } from '../../shared/text/search.ts';
import type { ReportWhere, WorkbenchActions } from './workbench.ts';
import { openConcordanceDialog } from './concordance-dialog.ts';
import { showEdit, type EditInfo } from './edit-notes.ts';
import { installRowStatusTip } from './row-status-tip.ts';
import { askLeaveUnsaved, damagedHash, emptyReportNotice, isEmptyReport, offerRestore, openFailureNotice, readOnlyNotice } from './open-errors.ts';

/** What the shell needs from the editor (renderer/editor/editor.ts's EditorHandle satisfies it;
 * the workbench's actions come with renderer/ui/workbench.ts's wrapper). */
export interface EditorLike extends Partial<WorkbenchActions> {
  getAnnotations(): Annotations;
  setAnnotations(a: Annotations, sourceText?: string): void;
  /** replaces the content as one undoable edit (imports) */
  replaceAnnotations(a: Annotations): void;
  runCommand(name: string): boolean;
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
  focus(): void;
  destroy(): void;
}

/** Creates an editor in `mount` (renderer/editor/editor.ts's createEditor). */
export type EditorFactory = (mount: HTMLElement, init: {
  annotations: Annotations; sourceText: string; tagColors?: Record<string, string>; onChange?: (info: { docChanged: true } & EditInfo) => void;
  /** the report is open read-only (past a damaged annotation file) */
  readOnly?: boolean;
  /** the caret moved (the status bar shows the caret row's status) */
  onSelection?: (info: { status: string | null }) => void;
  /** find's hits changed (renderer/ui/find-bar.ts shows the count) */
  onFind?: (c: FindCount) => void;
  /** the open folder and report (memory lookups) */
  report?: ReportWhere;
}) => EditorLike;

export interface AppOptions {
  host: HostBridge;
  i18n: I18n;
  info: CallResponse<'appInfo'> | null;
  createEditor: EditorFactory;
  /** the aligner's import (shared/align/import.ts); null when not available */
  importTranslation: ProjectImportFn | null;
  /** the editor's shortcuts for the help panel */
  editorShortcuts: () => ShortcutRow[];
  /** editor command names for stepping through low-confidence rows */
  reviewCommands: { next: string; previous: string };
  /** idle time before autosave, ms */
  autosaveMs?: number;
  /** opens the project glossary panel (renderer/ui/glossary-panel.ts, wired in main.ts); absent: the command does nothing */
  openGlossary?: () => Promise<void>;
  /** the QA panel, QA report and export gate (renderer/ui/qa-panel.ts, wired in main.ts); absent: no QA */
  qa?: QaHooks;
  /** review mode (renderer/ui/review-panel.ts, wired in main.ts); absent: no review mode */
  review?: ReviewHooks;
}

/** The open report: its editor, its save policy. */
interface Session {
  path: string;
  report: OpenedReport;
  editor: EditorLike;
  saver: SaveController;
  /** true while the app itself replaces the editor's content (not a user edit) */
  replacing: boolean;
}

const LAST_ROOT_KEY = 'muwazi.lastRoot';
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** `<name>.annotations.json` beside `<name>.txt`. */
export function sidecarPathOf(txtPath: string): string {
  return txtPath.replace(/\.txt$/i, '') + '.annotations.json';
}

export class App {
  private t: TFunction;
  private readonly menubar: MenuBar;
  private readonly sidebar: Sidebar;
  private readonly statusbar: StatusBar;
  private readonly main: HTMLElement;
  private readonly notice: HTMLElement;
  /** the page's level-one heading (visually hidden): the window title, for screen-reader navigation */
  private readonly heading = h('h1', { class: 'visually-hidden' });
  private readonly editorMount: HTMLElement;
  private readonly reviewBar: HTMLElement;
  private readonly findBar: FindBar;
  private readonly projectFind: ProjectFindPanel;
  private workspace: Workspace | null = null;
  private session: Session | null = null;
  private opening: Promise<void> | null = null;
  private conflictOpen = false;
  private sourceChangeOpen = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastExport: { format: ExportFormat; scope: 'report' | 'folder' } | undefined;
  private closeAfterSave = false;

  constructor(private readonly o: AppOptions) {
    this.t = o.i18n.t.bind(o.i18n) as TFunction;
    const t = this.t;
    this.menubar = new MenuBar((c) => void this.run(c), t('app.regions.menubar'));
    this.sidebar = new Sidebar(t, (r) => void this.openReport(r));
    this.statusbar = new StatusBar(t, t('app.regions.status'));
    if (o.review) o.review.onConflicts = (n) => this.statusbar.setConflicts(n);
    this.notice = h('div', { class: 'notice-area' });
    this.editorMount = h('div', { class: 'editor-mount' });
    installRowStatusTip(this.editorMount, () => this.t);
    this.reviewBar = h('div', { class: 'review-bar', hidden: true, role: 'toolbar' });
    this.projectFind = new ProjectFindPanel(t, {
      host: o.host,
      root: () => this.workspace?.root ?? null,
      openReport: () => {
        const s = this.session;
        return s ? { path: s.path, name: s.report.name, annotations: () => s.editor.getAnnotations() } : null;
      },
      flush: async () => (this.session ? this.session.saver.flush() : true),
      replaceInEditor: (query, options, replacement) => {
        const editor = this.session?.editor;
        if (!editor?.setFind || !editor.replaceFind) return null;
        this.findBar.update(editor.setFind(query, options));
        return editor.replaceFind(replacement, true);
      },
      openAt: (path, unit) => void this.openReportAt(path, unit),
    });
    this.findBar = new FindBar(t, () => this.findTarget(), () => this.projectFind);
    this.main = h('main', { class: 'editor-area', 'data-region': 'editor', 'aria-label': t('app.regions.editor'), tabindex: -1 }, this.notice, this.reviewBar, this.findBar.el, this.projectFind.el, this.editorMount);
  }

  /** Builds the page and opens the first workspace; sets `<html data-ready="true">` when shown. */
  async start(root: HTMLElement, initialFolder: string | null): Promise<void> {
    const header = h('header', { class: 'app-header' }, this.heading, this.menubar.el);
    root.replaceChildren(header, this.sidebar.el, this.main, this.statusbar.el);
    this.renderTexts();
    this.showEmpty();
    this.installKeys();
    this.installLifecycle();
    this.o.host.on('menu', ({ command }) => {
      if (isAppCommand(command)) void this.run(command);
    });
    this.o.host.on('fileChanged', (p) => void this.onFileChanged(p.path, p.kind));
    void this.o.host.setLanguage({ lang: this.lang });
    await this.openInitialWorkspace(initialFolder);
    document.documentElement.dataset.ready = 'true';
  }

  private get lang(): UiLang {
    return this.o.i18n.language === 'ar' ? 'ar' : 'en';
  }

  // ---- commands ---------------------------------------------------------------------------

  /** Runs an app command (menu, native menu, shortcut). */
  async run(c: AppCommand): Promise<void> {
    switch (c) {
      case 'openFolder': return this.openFolder();
      case 'openRecent': {
        const ws = await openRecentDialog(this.t, this.o.host);
        if (ws) await this.openWorkspace({ ok: true, value: ws });
        return;
      }
      case 'openSample': return this.openWorkspace(await this.o.host.openSample({}));
      case 'save': return this.saveNow();
      case 'importTranslation': return this.importTranslation();
      case 'importMemory': return this.importMemory();
      case 'export': return this.exportDialog();
      case 'undo': this.session?.editor.runCommand('undo'); this.session?.editor.focus(); return;
      case 'redo': this.session?.editor.runCommand('redo'); this.session?.editor.focus(); return;
      case 'langEn': return this.setLanguage('en');
      case 'langAr': return this.setLanguage('ar');
      case 'shortcuts': await openShortcuts(this.t, this.o.editorShortcuts(), isMac); return;
      case 'about': await openAbout(this.t, this.o.info); return;
      case 'glossary': await this.o.openGlossary?.(); return;
      case 'settings': return this.projectSettings();
      case 'resegment': return this.resegment();
      case 'find': return this.openFind();
      case 'findNext': return this.findBar.step(1);
      case 'findPrevious': return this.findBar.step(-1);
      case 'insertMatch1': case 'insertMatch2': case 'insertMatch3': case 'insertMatch4': case 'insertMatch5':
        this.session?.editor.insertMatch?.(Number(c.slice(-1)));
        return;
      case 'fillExactMatches': return this.fillExactMatches();
      case 'concordance': return this.concordance();
      case 'qaPanel': return this.o.qa?.toggle();
      case 'reviewMode': return this.o.review?.toggle();
      case 'qaReport': return this.qaReport();
      case 'agreement': return this.agreement();
      case 'replace': return this.openFind(true);
    }
  }

  private async setLanguage(lang: UiLang): Promise<void> {
    await setUiLanguage(this.o.i18n, lang);
    this.t = this.o.i18n.t.bind(this.o.i18n) as TFunction;
    this.renderTexts();
    if (!this.session) this.showEmpty();
    await this.o.host.setLanguage({ lang });
  }

  private menus(): MenuDef[] {
    const t = this.t;
    const k = (keys: string) => displayKeys(keys, isMac);
    return [
      { id: 'file', label: t('menu.file'), entries: [
        { kind: 'item', command: 'openFolder', label: t('menu.openFolder'), shortcut: k('Mod-o') },
        { kind: 'item', command: 'openRecent', label: t('menu.openRecent') },
        { kind: 'item', command: 'openSample', label: t('menu.openSample') },
        { kind: 'separator' },
        { kind: 'item', command: 'save', label: t('menu.save'), shortcut: k('Mod-s') },
        { kind: 'separator' },
        { kind: 'item', command: 'importTranslation', label: t('menu.importTranslation'), shortcut: k('Mod-Shift-i') },
        { kind: 'item', command: 'importMemory', label: t('menu.importMemory') },
        { kind: 'item', command: 'export', label: t('menu.export'), shortcut: k('Mod-e') },
        { kind: 'item', command: 'qaReport', label: t('menu.qaReport') },
        { kind: 'item', command: 'agreement', label: t('menu.agreement') },
        { kind: 'separator' },
        { kind: 'item', command: 'settings', label: t('menu.settings') },
      ] },
      { id: 'edit', label: t('menu.edit'), entries: [
        { kind: 'item', command: 'undo', label: t('menu.undo'), shortcut: k('Mod-z') },
        { kind: 'item', command: 'redo', label: t('menu.redo'), shortcut: k('Mod-Shift-z') },
        { kind: 'separator' },
        { kind: 'item', command: 'find', label: t('menu.find'), shortcut: k('Mod-f') },
        { kind: 'item', command: 'findNext', label: t('menu.findNext'), shortcut: 'F3' },
        { kind: 'item', command: 'findPrevious', label: t('menu.findPrevious'), shortcut: k('Shift-F3') },
        { kind: 'item', command: 'replace', label: t('menu.replace'), shortcut: k('Mod-h') },
        { kind: 'separator' },
        { kind: 'item', command: 'fillExactMatches', label: t('menu.fillExactMatches') },
        { kind: 'item', command: 'concordance', label: t('menu.concordance'), shortcut: k('Mod-Shift-c') },
        { kind: 'separator' },
        { kind: 'item', command: 'glossary', label: t('menu.glossary') },
        { kind: 'separator' },
        { kind: 'item', command: 'resegment', label: t('menu.resegment') },
      ] },
      { id: 'view', label: t('menu.view'), entries: [
        { kind: 'group', label: t('menu.language'), entries: [
          { kind: 'radio', command: 'langEn', label: t('menu.english'), checked: this.lang === 'en', lang: 'en' },
          { kind: 'radio', command: 'langAr', label: t('menu.arabic'), checked: this.lang === 'ar', lang: 'ar' },
        ] },
        { kind: 'separator' },
        { kind: 'item', command: 'qaPanel', label: t('menu.qaPanel'), shortcut: 'F9' },
        { kind: 'item', command: 'reviewMode', label: t('menu.reviewMode') },
      ] },
      { id: 'help', label: t('menu.help'), entries: [
        { kind: 'item', command: 'shortcuts', label: t('menu.shortcuts'), shortcut: 'F1' },
        { kind: 'item', command: 'about', label: t('menu.about') },
      ] },
    ];
  }

  private renderTexts(): void {
    const t = this.t;
    this.menubar.render(this.menus(), t('app.regions.menubar'));
    this.sidebar.setT(t);
    this.statusbar.setT(t, t('app.regions.status'));
    this.main.setAttribute('aria-label', t('app.regions.editor'));
    this.renderReviewBar();
    this.findBar.setT(t);
    this.projectFind.setT(t);
    this.updateTitle();
  }

  private updateTitle(): void {
    document.title = this.session ? this.t('app.titleWith', { name: this.session.report.name }) : this.t('app.title');
    this.heading.textContent = document.title;
  }

  // ---- workspace ----------------------------------------------------------------------------

  private async openInitialWorkspace(folder: string | null): Promise<void> {
    let remembered: string | null = null;
    try {
      remembered = localStorage.getItem(LAST_ROOT_KEY);
    } catch {
      // no storage: start on the sample project
    }
    for (const path of [folder, remembered]) {
      if (!path) continue;
      const res = await this.o.host.openFolder({ path });
      if (res.ok) return this.openWorkspace(res);
      if (path === folder) this.showError(res);
    }
    await this.openWorkspace(await this.o.host.openSample({}));
  }

  private async openFolder(): Promise<void> {
    const res = await this.o.host.openFolderDialog({});
    if (res.ok) {
      if (res.value) await this.openWorkspace({ ok: true, value: res.value });
      return;
    }
    if (res.code !== 'unavailable') return this.showError(res);
    const ws = await askFolderPath(this.t, this.o.host, this.workspace && !this.workspace.isSample ? this.workspace.root : '');
    if (ws) await this.openWorkspace({ ok: true, value: ws });
  }

  private async openWorkspace(res: { ok: true; value: Workspace } | Failure): Promise<void> {
    if (!res.ok) return this.showError(res);
    if (!(await this.closeSession())) return;
    this.workspace = res.value;
    try {
      if (!res.value.isSample) localStorage.setItem(LAST_ROOT_KEY, res.value.root);
      else localStorage.removeItem(LAST_ROOT_KEY);
    } catch {
      // not remembered; nothing else depends on it
    }
    this.sidebar.show(res.value);
    this.sidebar.setCurrent(null);
    this.showEmpty();
  }

  /** Rescans the folder (debounced): only for changes made outside the app; our own saves update
   * their report's entry directly (see onSaved). */
  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(async () => {
      this.refreshTimer = null;
      if (!this.workspace) return;
      const res = await this.o.host.listReports({ root: this.workspace.root });
      if (res.ok && this.workspace && res.value.root === this.workspace.root) {
        this.workspace = res.value;
        this.sidebar.show(res.value);
        this.sidebar.setCurrent(this.session?.path ?? null);
      }
    }, 400);
  }

  // ---- reports ------------------------------------------------------------------------------

  private async openReport(r: ReportSummary): Promise<void> {
    if (this.session?.path === r.path) return this.session.editor.focus();
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
    let res = await this.o.host.openReport({ path: r.path });
    let readOnly = false;
    // a damaged annotation file: restore a backup or the journal and open again (once), or open read-only
    if (!res.ok && res.code === 'corrupt-sidecar') {
      const way = await offerRestore({ t: this.t, lang: this.o.i18n.language, host: this.o.host, path: r.path, name: r.name, failure: res });
      if (way) res = await this.o.host.openReport({ path: r.path, ...(way === 'readOnly' ? { ignoreSidecar: true } : {}) });
      if (way === 'restored') this.scheduleRefresh();
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
      if (choice === 'discard') await this.o.host.discardJournal({ path: r.path });
      else {
        annotations = report.recovered;
        restored = true;
      }
    }
    this.notice.replaceChildren();
    this.mountSession(report, annotations, readOnly);
    // restored edits are unsaved edits: mark them so they are autosaved like any other
    if (restored) this.session!.saver.changed();
  }

  private mountSession(report: OpenedReport, annotations: Annotations, readOnly = false): void {
    const t = this.t;
    this.editorMount.replaceChildren();
    const tagColors = Object.fromEntries((this.workspace?.settings.tagSet ?? []).map((g) => [g.name, g.color]));
    let session: Session | null = null;
    let editor: EditorLike;
    try {
      editor = this.o.createEditor(this.editorMount, {
        annotations,
        sourceText: report.text,
        tagColors,
        onChange: (info) => {
          if (session && !session.replacing) session.saver.changed();
          showEdit(this.statusbar, this.t, info);
        },
        onSelection: (info) => this.statusbar.setRowStatus(info.status),
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
      host: this.o.host,
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      autosaveMs: this.o.autosaveMs,
      onState: (s, f) => {
        this.statusbar.setSaveState(s, f);
        if (s === 'conflict') void this.resolveConflict();
        if (s === 'saved' && this.closeAfterSave) window.close();
      },
      onJournal: (v) => this.statusbar.setJournaled(v),
      // this report's progress from what was just saved: no folder rescan per save
      onSaved: (a) => this.updateSummary(report.path, a),
    });
    session = { path: report.path, report, editor, saver, replacing: false };
    this.session = session;
    this.statusbar.setReport({ name: report.name, encoding: report.annotations.source.encoding, rows: annotations.units.length });
    this.statusbar.setSaveState('saved');
    const panel = warningsPanel(t, report, () => this.session?.editor.focus());
    if (panel) this.notice.append(panel);
    if (readOnly) this.notice.append(readOnlyNotice(t, report.name));
    this.main.dataset.reportState = 'open';
    this.updateTitle();
    // an open find bar searches the newly opened report too
    this.findBar.refresh();
  }

  /** Edit → Find… (Ctrl+F) / Replace… (Ctrl+H): the find bar, started with the selected text when
   * it is short. Without an open report only "All reports" can search. */
  private openFind(replace = false): void {
    const editor = this.session?.editor;
    if (!editor?.setFind && !this.workspace) return;
    const sel = editor?.selectedText?.() ?? '';
    const initial = sel && sel.length <= 100 && !/[\n\r]/.test(sel) ? sel : undefined;
    if (replace) this.findBar.openReplace(initial);
    else this.findBar.open(initial);
  }

  /** Opens a report of the folder and puts the caret in one of its rows (a project find, concordance or
   * QA-report hit): by unit id, else by 0-based row index. */
  async openReportAt(path: string, unit: string, row = -1): Promise<void> {
    const r = this.workspace?.reports.find((x) => x.path === path);
    if (!r) return;
    await this.openReport(r);
    const editor = this.session?.path === path ? this.session.editor : null;
    if (editor?.goToUnit?.(unit, row)) editor.focus();
  }

  /** The open editor as the find bar's target; null without a report or find support. */
  private findTarget(): FindTarget | null {
    const editor = this.session?.editor;
    if (!editor?.setFind) return null;
    const setFind = editor.setFind.bind(editor);
    return {
      setFind,
      showCurrent: () => void editor.runCommand('findCurrent'),
      next: () => void editor.runCommand('findNext'),
      previous: () => void editor.runCommand('findPrevious'),
      replace: editor.replaceFind ? (r, all) => editor.replaceFind!(r, all) : undefined,
      closed: () => {
        setFind('', {});
        editor.focus();
      },
    };
  }

  /** Edit → Fill Exact Matches: rows without English get their 100% memory match (one undo step, status auto). */
  private async fillExactMatches(): Promise<void> {
    const s = this.session;
    if (!s?.editor.fillExactMatches) {
      await ask('notice', this.t('workbench.fill.title'), this.t('workbench.fill.noEditor'), [{ id: 'ok', label: this.t('dialog.close'), primary: true }]);
      return;
    }
    const res = await s.editor.fillExactMatches();
    if (this.session !== s) return;
    this.notice.querySelector('[data-filled]')?.remove();
    this.notice.prepend(res.ok
      ? h('p', { class: 'note', role: 'status', 'data-filled': res.value.filled },
        res.value.untranslated ? this.t('workbench.fill.done', { count: res.value.filled }) : this.t('workbench.fill.nothing'))
      : h('p', { class: 'error', role: 'alert', 'data-filled': 'error' }, this.t('workbench.fill.error', { message: describeFailure(this.t, res) })));
    s.editor.focus();
  }

  /** Edit → Concordance… (Ctrl+Shift+C): the dialog, then the chosen report opened at the chosen row. */
  private async concordance(): Promise<void> {
    const ws = this.workspace;
    if (!ws) {
      await ask('notice', this.t('workbench.concordance.title'), this.t('workbench.concordance.noWorkspace'), [{ id: 'ok', label: this.t('dialog.close'), primary: true }]);
      return;
    }
    const sel = this.session?.editor.selectedText?.() ?? '';
    const hit = await openConcordanceDialog({ t: this.t, host: this.o.host, root: ws.root, term: sel.length <= 200 && !/[\n\r]/.test(sel) ? sel : '' });
    if (hit) await this.openReportAt(hit.path, hit.unit, hit.row);
  }

  /** Updates one report's sidebar entry from annotations the renderer holds. */
  private updateSummary(path: string, a: Annotations): void {
    const ws = this.workspace;
    const prev = ws?.reports.find((r) => r.path === path);
    if (!ws || !prev) return;
    const next = summaryFromAnnotations(prev, a);
    this.workspace = { ...ws, reports: ws.reports.map((r) => (r.path === path ? next : r)) };
    this.sidebar.update(next);
  }

  /** Saves and closes the open report; false (and the report stays open) when the save failed and
   * the user chose to stay. */
  private async closeSession(): Promise<boolean> {
    const s = this.session;
    if (!s) return true;
    const ok = await s.saver.flush();
    if (!ok && s.saver.dirty && !(await askLeaveUnsaved(this.t, s.saver.lastFailure))) return false;
    s.saver.dispose();
    s.editor.destroy();
    this.session = null;
    this.editorMount.replaceChildren();
    this.notice.replaceChildren();
    this.statusbar.setReport(null);
    this.hideReview();
    delete this.main.dataset.reportState;
    this.updateTitle();
    return true;
  }

  private async saveNow(): Promise<void> {
    const s = this.session;
    if (!s) return;
    if (s.saver.state === 'conflict') return this.resolveConflict();
    await s.saver.flush();
  }

  /** Replaces the editor's content from disk (take theirs / silent reload). */
  private async reloadFromDisk(s: Session): Promise<boolean> {
    const res = await this.o.host.openReport({ path: s.path });
    if (!res.ok) {
      this.showError(res);
      return false;
    }
    if (this.session !== s) return false;
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
    const panel = warningsPanel(this.t, res.value, () => this.session?.editor.focus());
    this.notice.replaceChildren();
    if (panel) this.notice.append(panel);
    this.main.dataset.reloads = String(Number(this.main.dataset.reloads ?? 0) + 1);
    return true;
  }

  /** The sidecar changed on disk under our edits: keep mine, take theirs, or keep both. */
  private async resolveConflict(): Promise<void> {
    const s = this.session;
    if (!s || this.conflictOpen) return;
    this.conflictOpen = true;
    try {
      const host = this.o.host;
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
      if (this.session !== s) return;
      if (choice === 'mine') {
        // overwrite: learn the hash now on disk, then save ours against it
        const res = damaged ? null : await this.o.host.openReport({ path: s.path });
        if (res && !res.ok) return this.showError(res);
        s.saver.adopt(res ? res.value.sidecarHash : damaged, false);
        this.conflictOpen = false;
        await s.saver.flush();
      } else if (choice === 'theirs' || choice === 'both') {
        let copyPath: string | null = null;
        if (choice === 'both' && host.saveCopy) {
          // my version goes to disk first: if that fails nothing is replaced
          const copy = await host.saveCopy({ path: s.path, annotations: s.editor.getAnnotations() });
          if (!copy.ok) return this.showError(copy);
          copyPath = copy.value.path;
        }
        if (await this.reloadFromDisk(s)) await this.o.host.discardJournal({ path: s.path });
        if (copyPath) this.notice.prepend(h('p', { class: 'note', role: 'status', 'data-copy': copyPath }, this.t('conflict.keepBothDone', { path: copyPath })));
      }
      // Esc: stay in the conflict state; Save asks again
    } finally {
      this.conflictOpen = false;
    }
  }

  private async onFileChanged(path: string, kind: 'source' | 'sidecar' | 'other'): Promise<void> {
    if (kind !== 'other') this.scheduleRefresh();
    const s = this.session;
    if (!s || kind === 'other') return;
    const mine = kind === 'sidecar' ? path === sidecarPathOf(s.path) || path === s.path : path === s.path;
    if (!mine) return;
    // our own sidecar write; the hash check on save catches the rest (a source is never ours)
    if (kind === 'sidecar' && s.saver.state === 'saving') return;
    if (!s.saver.dirty) {
      const res = await this.o.host.openReport({ path: s.path });
      // unchanged (our own save) → nothing to do
      if (res.ok && res.value.sidecarHash === s.saver.sidecarHash && kind === 'sidecar') return;
      await this.reloadFromDisk(s);
    } else if (kind === 'sidecar') {
      await this.resolveConflict();
    } else {
      await this.resolveSourceChange();
    }
  }

  /** The Arabic source changed on disk under unsaved edits: save them, then reload and let the
   * host re-anchor them to the new text (what cannot be mapped is listed); or keep working and
   * reload later from the notice. Either way nothing is lost: the edits stay in the editor and the
   * journal until they are saved. */
  private async resolveSourceChange(): Promise<void> {
    const s = this.session;
    if (!s || this.sourceChangeOpen) return;
    this.sourceChangeOpen = true;
    try {
      const choice = await ask('sourceChanged', this.t('sourceChanged.title'), this.t('sourceChanged.body', { name: s.report.name }), [
        { id: 'reload', label: this.t('sourceChanged.reload'), primary: true },
        { id: 'later', label: this.t('sourceChanged.later') },
      ], 'later');
      if (this.session !== s) return;
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
    if (this.session !== s) return;
    if (!ok || s.saver.dirty) {
      replaceChildren(this.notice, h('p', { class: 'error', role: 'alert' }, this.t('sourceChanged.notSaved')));
      return;
    }
    await this.reloadFromDisk(s);
  }

  // ---- dialogs ------------------------------------------------------------------------------

  private async exportDialog(): Promise<void> {
    if (!this.workspace) return;
    const root = this.workspace.root;
    await openExportDialog({
      t: this.t,
      host: this.o.host,
      root: this.workspace.root,
      reportPath: this.session?.path ?? null,
      beforeExport: async () => (this.session ? this.session.saver.flush() : true),
      last: this.lastExport,
      remember: (c) => (this.lastExport = c),
      qa: this.o.qa && {
        errorCount: (path) => this.o.qa!.errorCount(root, path),
        // a report's errors are reviewed in the panel, a folder's in the QA report
        review: (scope) => (scope === 'report' && this.session ? this.o.qa!.show() : void this.qaReport()),
      },
    });
  }

  /** File → QA report…: the folder's findings; one opens its report at its row. */
  private async qaReport(): Promise<void> {
    const ws = this.workspace;
    if (!ws || !this.o.qa) return;
    await this.o.qa.reportDialog({
      root: ws.root,
      lang: this.lang,
      beforeRun: async () => (this.session ? this.session.saver.flush() : true),
      openAt: (path, row) => this.openReportAt(path, '', row),
    });
  }

  /** File → Agreement…: this folder against another copy of its reports. */
  private async agreement(): Promise<void> {
    const ws = this.workspace;
    if (!ws) return;
    await openAgreementDialog({ t: this.t, host: this.o.host, root: ws.root, lang: this.lang, beforeRun: async () => (this.session ? this.session.saver.flush() : true) });
  }

  private async importTranslation(): Promise<void> {
    const s = this.session;
    if (!s) {
      await ask('notice', this.t('import.title'), this.t('import.noEditor'), [{ id: 'ok', label: this.t('dialog.close'), primary: true }]);
      return;
    }
    if (!this.o.importTranslation) {
      await ask('notice', this.t('import.title'), this.t('import.unavailable'), [{ id: 'ok', label: this.t('dialog.close'), primary: true }]);
      return;
    }
    const outcome = await openImportDialog({
      t: this.t,
      host: this.o.host,
      importFn: withProjectSegmentRules(this.o.importTranslation, () => this.workspace?.settings),
      current: () => ({ annotations: s.editor.getAnnotations(), sourceText: s.report.text }),
      // one undoable edit (Ctrl+Z restores the rows from before); onChange marks it unsaved
      apply: (a) => this.replaceContent(s, a),
    });
    if (outcome?.review && outcome.lowConfidence.length) this.showReview();
    else s.editor.focus();
  }

  /** File → Import Translation Memory…: a TMX file or a Moses pair seeds the open report. */
  private async importMemory(): Promise<void> {
    const s = this.session;
    if (!s) {
      await ask('notice', this.t('memory.title'), this.t('import.noEditor'), [{ id: 'ok', label: this.t('dialog.close'), primary: true }]);
      return;
    }
    const outcome = await openMemoryDialog({
      t: this.t,
      host: this.o.host,
      reportPath: s.path,
      current: () => s.editor.getAnnotations(),
      apply: (a) => this.replaceContent(s, a),
    });
    if (this.session !== s) return;
    if (outcome?.review && outcome.result.lowConfidence.length) this.showReview();
    else s.editor.focus();
  }

  /** File → Project Settings…: edit and save the folder's tag set and abbreviations; the open editor
   * takes the new tag set at once. */
  private async projectSettings(): Promise<void> {
    const ws = this.workspace;
    if (!ws) return;
    const saved = await openSettingsDialog({ t: this.t, host: this.o.host, workspace: ws });
    if (!saved || this.workspace?.root !== saved.root) return;
    this.workspace = saved;
    this.sidebar.show(saved);
    this.sidebar.setCurrent(this.session?.path ?? null);
    this.session?.editor.setTagSet?.(saved.settings.tagSet);
    this.session?.editor.focus();
  }

  /** Edit → Re-segment Report: the open report's Arabic split again with the project's abbreviations
   * (shared/align/resegment.ts), as one undoable edit. */
  private async resegment(): Promise<void> {
    const s = this.session;
    if (!s) {
      await ask('notice', this.t('resegment.title'), this.t('import.noEditor'), [{ id: 'ok', label: this.t('dialog.close'), primary: true }]);
      return;
    }
    const r = resegmentReport(s.editor.getAnnotations(), s.report.text, sourceSegmentRules(this.workspace?.settings));
    if (r.changed) this.replaceContent(s, r.annotations);
    const note = h('p', { class: 'note', role: 'status', 'data-resegmented': r.changed ? 'changed' : 'unchanged' },
      r.changed ? this.t('resegment.done', { before: r.rowsBefore, after: r.rowsAfter }) : this.t('resegment.unchanged'));
    this.notice.querySelector('[data-resegmented]')?.remove();
    this.notice.prepend(note);
    s.editor.focus();
  }

  /** An import's result replaces the editor's content as one undoable edit, saved like any edit. */
  private replaceContent(s: Session, a: Annotations): void {
    if (this.session !== s) return;
    s.editor.replaceAnnotations(a);
    // the editor's onChange already marked it; this covers an import that changed nothing visible
    s.saver.changed();
    this.statusbar.setReport({ name: s.report.name, encoding: s.report.annotations.source.encoding, rows: a.units.length });
  }

  private showReview(): void {
    this.reviewBar.hidden = false;
    this.renderReviewBar();
    this.session?.editor.runCommand(this.o.reviewCommands.next);
    this.session?.editor.focus();
  }

  private hideReview(): void {
    this.reviewBar.hidden = true;
  }

  private renderReviewBar(): void {
    const t = this.t;
    const b = (label: string, fn: () => void) => {
      const el = h('button', { type: 'button' }, label);
      el.addEventListener('click', fn);
      return el;
    };
    this.reviewBar.setAttribute('aria-label', t('import.review'));
    replaceChildren(this.reviewBar,
      b(t('review.previous'), () => this.session?.editor.runCommand(this.o.reviewCommands.previous) && this.session.editor.focus()),
      b(t('review.next'), () => this.session?.editor.runCommand(this.o.reviewCommands.next) && this.session.editor.focus()),
      b(t('review.done'), () => {
        this.hideReview();
        this.session?.editor.focus();
      }));
  }

  private showError(f: Pick<Failure, 'code' | 'message'>): void {
    const msg = describeFailure(this.t, f);
    openDialog({
      name: 'error',
      title: this.t('errors.title'),
      body: [h('p', { 'data-code': f.code, dir: 'auto' }, msg)],
      actions: [{ id: 'ok', label: this.t('dialog.close'), primary: true }],
    });
  }

  private showEmpty(): void {
    if (this.session) return;
    replaceChildren(this.notice, h('p', { class: 'empty-hint' }, this.workspace ? this.t('editor.empty') : this.t('sidebar.noWorkspace')));
  }

  // ---- keyboard and lifecycle -----------------------------------------------------------------

  private installKeys(): void {
    let altAlone = false;
    window.addEventListener('keydown', (ev) => {
      altAlone = ev.key === 'Alt' && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
      if (document.querySelector('dialog[open]')) return; // a modal owns the keyboard
      if (ev.key === 'F6') {
        ev.preventDefault();
        this.cycleRegion(ev.shiftKey ? -1 : 1);
        return;
      }
      for (const s of APP_SHORTCUTS) {
        if (s.command === 'cycleRegions' || !matchesKey(ev, s.keys, isMac)) continue;
        ev.preventDefault();
        ev.stopPropagation();
        if (s.command === 'menu') this.menubar.focus();
        else void this.run(s.command);
        return;
      }
    }, true);
    window.addEventListener('keyup', (ev) => {
      if (ev.key === 'Alt' && altAlone && !document.querySelector('dialog[open]')) {
        ev.preventDefault();
        this.menubar.focus();
      }
      altAlone = false;
    }, true);
  }

  /** F6: menu bar → reports → editor → status bar (Shift+F6 backwards). */
  private cycleRegion(step: number): void {
    const regions = [
      { el: this.menubar.el, focus: () => this.menubar.focus() },
      { el: this.sidebar.el, focus: () => this.sidebar.focus() },
      { el: this.main, focus: () => (this.session ? this.session.editor.focus() : this.main.focus()) },
      { el: this.statusbar.el, focus: () => this.statusbar.focus() },
    ];
    const active = document.activeElement;
    const i = regions.findIndex((r) => r.el.contains(active));
    const next = regions[((i < 0 ? -1 : i) + step + regions.length) % regions.length];
    next.focus();
  }

  private installLifecycle(): void {
    window.addEventListener('blur', () => void this.session?.saver.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void this.session?.saver.flush();
    });
    window.addEventListener('beforeunload', (ev) => {
      const s = this.session;
      if (!s?.saver.dirty || this.closeAfterSave) return;
      // Save now; the edits are in the journal already (within a second of typing). In Electron,
      // hold the close and close again once saved; a browser shows its "leave page?" prompt.
      void s.saver.flush();
      if (this.o.info?.mode === 'electron') this.closeAfterSave = true;
      ev.preventDefault();
      ev.returnValue = '';
    });
  }
}
