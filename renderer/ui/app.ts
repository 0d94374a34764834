// The app shell: menu bar, sidebar, editor area, status bar, and the flows between them (open a
// folder, switch language, export, import, find, the workbench's commands). Its seams live in their
// own modules: the open report's life in report-session.ts, the menus as data in the command
// registry (command-registry.ts over shared/commands/catalog.ts), keys and F6 regions in
// keys-focus.ts. The editor, the aligner's import and the editor's shortcut list are injected (see
// main.ts), so this module only knows the editor through report-session.ts's EditorLike.
import type { i18n as I18n, TFunction } from 'i18next';
import type { CallResponse, Failure, HostBridge, Workspace, ExportFormat } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { sourceSegmentRules } from '../../shared/model/settings.ts';
import { resegmentReport } from '../../shared/align/resegment.ts';
import type { UiLang } from '../../shared/i18n/languages.ts';
import { setUiLanguage } from '../i18n.ts';
import { h, replaceChildren } from './dom.ts';
import { ask, openDialog } from './dialog.ts';
import { MenuBar } from './menubar.ts';
import { Sidebar } from './sidebar.ts';
import { StatusBar } from './statusbar.ts';
import { describeFailure } from './errors.ts';
import { isAppCommand, type AppCommand } from './commands.ts';
import { CommandRegistry } from './command-registry.ts';
import { entryOf } from '../../shared/commands/catalog.ts';
import { DEFAULT_TAG_SET } from '../../shared/model/schema.ts';
import { openPalette } from './palette.ts';
import { openContextMenu } from './context-menu.ts';
import { RowToolbar } from './row-toolbar.ts';
import { installKeys } from './keys-focus.ts';
import { askFolderPath, openRecentDialog } from './open-folder-dialog.ts';
import { openExportDialog } from './export-dialog.ts';
import { openImportDialog } from './import-dialog.ts';
import { withProjectSegmentRules, type ProjectImportFn } from './project-import.ts';
import { openMemoryDialog } from './memory-dialog.ts';
import { summaryFromAnnotations } from './report-summary.ts';
import { openShortcuts, type ShortcutRow } from './shortcuts-panel.ts';
import { openAbout } from './about-dialog.ts';
import { openSettingsDialog } from './settings-dialog.ts';
import { FindBar, type FindTarget } from './find-bar.ts';
import { openAgreementDialog } from './agreement-dialog.ts';
import type { QaHooks } from './qa-panel.ts';
import { tagAllInProject } from './project-propagate.ts';
import type { ReviewHooks } from './review-panel.ts';
import { ProjectFindPanel } from './project-find.ts';
import { openConcordanceDialog } from './concordance-dialog.ts';
import { installRowStatusTip } from './row-status-tip.ts';
import { ReportSession, type EditorFactory, type Session } from './report-session.ts';

export type { EditorFactory, EditorLike } from './report-session.ts';

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
  /** awaited before each report opens (main.ts loads the project glossary for pre-annotation) */
  beforeOpenReport?: () => Promise<void>;
  /** review mode (renderer/ui/review-panel.ts, wired in main.ts); absent: no review mode */
  review?: ReviewHooks;
}

const LAST_ROOT_KEY = 'muwazi.lastRoot';
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

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
  /** every command: menus, context menu, palette, toolbar (renderer/ui/command-registry.ts) */
  readonly commands: CommandRegistry;
  private readonly toolbar: RowToolbar;
  private readonly projectFind: ProjectFindPanel;
  private workspace: Workspace | null = null;
  /** the open report's life: open, mount, close, reload, conflict, source change */
  private readonly reports: ReportSession;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private lastExport: { format: ExportFormat; scope: 'report' | 'folder' } | undefined;
  private closeAfterSave = false;

  constructor(private readonly o: AppOptions) {
    this.t = o.i18n.t.bind(o.i18n) as TFunction;
    const t = this.t;
    this.commands = new CommandRegistry({
      t: () => this.t,
      tagSet: () => this.workspace?.settings.tagSet?.length ? this.workspace.settings.tagSet : DEFAULT_TAG_SET,
      mac: isMac,
      lang: () => this.lang,
      runApp: (id) => (isAppCommand(id) ? this.run(id) : undefined),
      editor: () => {
        const ed = this.session?.editor;
        return ed?.run && ed.canRun && ed.contexts
          ? { run: (id) => ed.run!(id), canRun: (id) => ed.canRun!(id), contexts: () => ed.contexts!(), focus: () => ed.focus() }
          : null;
      },
    });
    this.menubar = new MenuBar((c) => this.runById(c), t('app.regions.menubar'), (c) => this.commands.enabled(c));
    this.toolbar = new RowToolbar(this.commands);
    this.sidebar = new Sidebar(t, (r) => void this.reports.openReport(r));
    this.statusbar = new StatusBar(t, t('app.regions.status'));
    if (o.review) o.review.onConflicts = (n) => this.statusbar.setConflicts(n);
    this.notice = h('div', { class: 'notice-area' });
    this.editorMount = h('div', { class: 'editor-mount' });
    installRowStatusTip(this.editorMount, () => this.t);
    this.installContextMenu();
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
    this.main = h('main', { class: 'editor-area', 'data-region': 'editor', 'aria-label': t('app.regions.editor'), tabindex: -1 }, this.notice, this.reviewBar, this.toolbar.el, this.findBar.el, this.projectFind.el, this.editorMount);
    this.reports = new ReportSession({
      host: o.host, i18n: o.i18n, createEditor: o.createEditor, autosaveMs: o.autosaveMs,
      t: () => this.t, workspace: () => this.workspace,
      notice: this.notice, editorMount: this.editorMount, main: this.main, statusbar: this.statusbar, sidebar: this.sidebar, findBar: this.findBar,
      showError: (f) => this.showError(f), updateTitle: () => this.updateTitle(), updateSummary: (p, a) => this.updateSummary(p, a),
      scheduleRefresh: () => this.scheduleRefresh(), hideReview: () => this.hideReview(), toolbarVisible: (on) => this.toolbar.setVisible(on),
      closeAfterSave: () => this.closeAfterSave, beforeOpenReport: o.beforeOpenReport,
    });
  }

  /** Builds the page and opens the first workspace; sets `<html data-ready="true">` when shown. */
  async start(root: HTMLElement, initialFolder: string | null): Promise<void> {
    const header = h('header', { class: 'app-header' }, this.heading, this.menubar.el);
    root.replaceChildren(header, this.sidebar.el, this.main, this.statusbar.el);
    this.renderTexts();
    this.showEmpty();
    installKeys({
      regions: () => [
        { el: this.menubar.el, focus: () => this.menubar.focus() },
        { el: this.sidebar.el, focus: () => this.sidebar.focus() },
        { el: this.toolbar.el, shown: () => !this.toolbar.el.hidden, focus: () => this.toolbar.focus() },
        { el: this.main, focus: () => (this.session ? this.session.editor.focus() : this.main.focus()) },
        { el: this.statusbar.el, focus: () => this.statusbar.focus() },
      ],
      focusMenu: () => this.menubar.focus(),
      contextMenu: () => this.contextMenuAtCaret(),
      run: (c) => void this.run(c),
      mac: isMac,
    });
    this.installLifecycle();
    this.o.host.on('menu', ({ command }) => this.runById(command));
    this.o.host.on('fileChanged', (p) => void this.reports.onFileChanged(p.path, p.kind));
    void this.syncMenus();
    await this.openInitialWorkspace(initialFolder);
    document.documentElement.dataset.ready = 'true';
  }

  /** the open report, or null */
  private get session(): Session | null {
    return this.reports.current;
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
      case 'save': return this.reports.saveNow();
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
      case 'tagAllInProject': return this.tagAllInProject();
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
      case 'palette': return this.palette();
    }
  }

  /** Entities → Tag all occurrences in project… (renderer/ui/project-propagate.ts). */
  private async tagAllInProject(): Promise<void> {
    const s = this.session;
    await tagAllInProject({
      host: this.o.host, t: this.t, lang: this.lang, root: this.workspace?.root ?? null,
      open: s ? { path: s.path, name: s.report.name } : null,
      flush: async () => (s ? s.saver.flush() : true),
      addToEditor: (list, dryRun) => s?.editor.addSuggestions?.(list, { dryRun }) ?? [],
    });
  }

  /** Runs any command by id (menu bar, native menu, palette): app commands here, the editor's
   * through the registry. */
  runById(id: string): void {
    if (isAppCommand(id) && entryOf(id)?.scope !== 'editor') void this.run(id);
    else this.commands.run(id);
  }

  /** View → Command Palette… (Ctrl+Shift+P): every command by name, in English or Arabic. */
  private async palette(): Promise<void> {
    const en = this.o.i18n.getFixedT('en');
    const ar = this.o.i18n.getFixedT('ar');
    await openPalette(this.t, this.commands.paletteItems(en as TFunction, ar as TFunction), (id) => this.runById(id));
  }

  /** Right-click (or the context-menu key) in the editor: the caret goes where the click was, then
   * the spelling menu (a misspelt word, commands below it) or the context menu opens. */
  private installContextMenu(): void {
    // capture: before the spell plugin looks at the caret's word
    this.editorMount.addEventListener('contextmenu', (ev) => {
      if (ev.button === 2) this.session?.editor.caretAtPoint?.(ev.clientX, ev.clientY);
    }, true);
    this.editorMount.addEventListener('contextmenu', (ev) => {
      if (ev.defaultPrevented || !this.session) return; // the spelling menu took it
      const anchor = ev.button === 2 ? { left: ev.clientX, right: ev.clientX, top: ev.clientY, bottom: ev.clientY } : caretBox();
      if (this.openContextMenu(anchor)) ev.preventDefault();
    });
  }

  /** Shift+F10: as the context-menu key does, through the page's contextmenu event. */
  private contextMenuAtCaret(): void {
    const dom = this.editorMount.querySelector('.muwazi-editor');
    if (!dom || !dom.contains(document.activeElement)) return;
    const box = caretBox();
    dom.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 0, clientX: box.left, clientY: box.bottom }));
  }

  private openContextMenu(anchor: { left: number; right: number; top: number; bottom: number }): boolean {
    const items = this.commands.contextItems();
    if (!items.length) return false;
    openContextMenu({ label: this.t('commands.context.label'), items, anchor, run: (id) => this.runById(id), closed: () => this.session?.editor.focus() });
    return true;
  }

  private async setLanguage(lang: UiLang): Promise<void> {
    await setUiLanguage(this.o.i18n, lang);
    this.t = this.o.i18n.t.bind(this.o.i18n) as TFunction;
    this.renderTexts();
    if (!this.session) this.showEmpty();
    await this.syncMenus();
  }

  private renderTexts(): void {
    const t = this.t;
    this.menubar.render(this.commands.menus(), t('app.regions.menubar'));
    this.toolbar.render(t);
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
    if (!(await this.reports.closeSession())) return;
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
    void this.syncMenus();
  }

  /** The project's tag set changed (another folder, settings saved) or the language did: the
   * Entities menus (in-window and native) list its types. */
  private async syncMenus(): Promise<void> {
    this.menubar.render(this.commands.menus(), this.t('app.regions.menubar'));
    const tagSet = this.workspace?.settings.tagSet?.map(({ name, key, label }) => ({ name, key, ...(label !== undefined ? { label } : {}) }));
    const res = await this.o.host.setLanguage({ lang: this.lang, ...(tagSet?.length ? { tagSet } : {}) });
    // a tag set the host refuses must not keep the menu in the old language
    if (!res.ok && tagSet?.length) await this.o.host.setLanguage({ lang: this.lang });
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
    await this.reports.openReport(r);
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
    void this.syncMenus();
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

/** The caret's box in the viewport (the context menu's anchor from the keyboard). */
function caretBox(): { left: number; right: number; top: number; bottom: number } {
  const sel = document.getSelection();
  const r = sel && sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : null;
  return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : { left: 8, right: 8, top: 8, bottom: 8 };
}
