// The host service: ONE implementation of every host call (shared/contract/host.ts), used by the
// Electron IPC handlers and by the browser-mode HTTP server alike. It validates each payload against
// the call's zod schema, confines every path to a folder the user opened (./paths.ts), delegates to
// the plain Node services, and turns expected failures into `{ ok: false, code, message }`.
import type { SaveStamps } from '../../shared/team/provenance.ts';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, sep } from 'node:path';
import type { z } from 'zod';
import {
  hostCalls, type CallName, type CallResponse, type EventName, type ExportSummary, type HostCalls,
  type HostEvents, type OpenedReport, type Result, type Workspace,
} from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { TOOL_VERSION } from '../../shared/model/create.ts';
import { decodeText, DecodeError } from '../../shared/text/decode.ts';
import { HostError, toFailure } from './errors.ts';
import { isInside, OpenedRoots } from './paths.ts';
import * as reportStore from './report-store.ts';
import { prepareSidecarBytes } from './sidecar-bytes.ts';
import * as journal from './journal.ts';
import { runExport } from './export.ts';
import { importMemoryFile } from './import.ts';
import { collectFolderGlossary, exportGlossary, loadGlossary, saveGlossary } from './glossary.ts';
import { watchFolder } from './watch.ts';
import { cleanStaleTemps } from './stale-temps.ts';
import { FolderAccess } from './folder-access.ts';
import { SaveRequestParser } from './save-request.ts';
import { VALIDATED_FILE, validatedSidecars } from './validated-sidecars.ts';
import { exportQaReport, parseCheckList, runQa } from './qa.ts';
import { addDictionaryWord, loadDictionary } from './dictionary.ts';
import { ProjectMemory } from './tm.ts';
import { applyReplace, findInProject, previewReplace, ReplaceUndo } from './project-find.ts';
import { lexiconForPage, loadLexicon, loadWordList } from './lexicon.ts';
import { ProjectLearned } from './learned-lexicon.ts';
import { lexiconEntries, withLearned } from '../../shared/align/learned.ts';
import { ensureSampleProject, readSettings, SAMPLE_DIR_NAME, scanWorkspace, writeSettings, type ReadSummary, type SummaryCounts } from './workspace.ts';
import { sourceSegmentRules } from '../../shared/model/settings.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';
import { restoreOptions, restoreSidecar } from './sidecar-restore.ts';
import { ProjectPropagation } from './project-propagate.ts';
import { currentUserName, readIdentity, writeUserName } from './identity.ts';
import { folderAgreement } from './agree.ts';

/** A request after validation (defaults applied). */
export type ParsedRequest<K extends CallName> = z.output<HostCalls[K]['request']>;

/** Native dialogs; only Electron has them. Absent in browser mode, where the UI asks for a path. */
export interface HostDialogs {
  /** shows a folder picker; the chosen absolute path, or null when cancelled */
  pickFolder(): Promise<string | null>;
}

/** Something that can be stopped (a folder watcher). */
export interface Closable {
  close(): void | Promise<void>;
}

/** The plain Node services the host calls delegate to (injectable for tests). */
export interface HostDeps {
  /** progress of a report for the sidebar */
  readSummary: ReadSummary;
  /** reads and decodes a report with its sidecar (created fresh when absent, segmented with the project's abbreviations) */
  openReport(txtPath: string, opts: { journalDir: string; ignoreSidecar?: boolean; keep?: boolean } & SegmentRules): Promise<OpenedReport>;
  /** writes the sidecar atomically; refuses with 'conflict' when the file on disk is not `expectedSidecarHash` */
  saveReport(txtPath: string, annotations: Annotations, expectedSidecarHash: string | null, opts: { journalDir: string; validated?: boolean; user?: string }): Promise<{ sidecarHash: string; savedAt: string; stamped?: SaveStamps }>;
  /** writes the user's version beside the sidecar ("keep both"); returns the copy's path */
  saveCopy(txtPath: string, annotations: Annotations): Promise<string>;
  /** records unsaved edits for crash recovery */
  writeJournal(txtPath: string, annotations: Annotations, opts: { journalDir: string }): Promise<void>;
  /** forgets the recovery journal of a report */
  discardJournal(txtPath: string, opts: { journalDir: string }): Promise<void>;
  /** runs an export job */
  runExport(req: ParsedRequest<'exportRun'>, opts: { onProgress: (p: { done: number; total: number; current?: string }) => void; signal: AbortSignal; wordList?: ReadonlySet<string> | null }): Promise<ExportSummary>;
  /** watches a workspace folder; `onChange` gets absolute paths */
  watchFolder(root: string, onChange: (path: string, kind: HostEvents['fileChanged']['kind']) => void): Closable | Promise<Closable>;
}

/** Options of `createHostService`. */
export interface HostServiceOptions {
  /** the app's writable data folder (sample project, journals) */
  dataDir: string;
  /** the bundled assets folder (holds samples/) */
  assetsDir: string;
  /** which host runs the service; reported by appInfo */
  mode: 'electron' | 'browser';
  /** native dialogs (Electron only) */
  dialogs?: HostDialogs;
  /** the OS language (Electron: app.getLocale()); defaults to Intl's */
  systemLanguage?: string;
  /** called when the UI language changes (Electron rebuilds its menus) */
  onLanguage?: (lang: 'en' | 'ar', tagSet?: Array<{ name: string; key: string; label?: string }>) => void;
  /** replaces some services (tests) */
  deps?: Partial<HostDeps>;
  /** where a typed folder path may point in browser mode (default: home and temp folders; folder-access.ts) */
  typedRoots?: string[];
}

/** Receives every host event. */
export type EventListener = <E extends EventName>(event: E, payload: HostEvents[E]) => void;

/** The host service: `handle` answers one call; events go to `on` listeners. */
export interface HostService {
  /** answers one host call; never throws */
  handle(name: string, payload: unknown): Promise<Result<unknown>>;
  /** subscribes to host events; returns the unsubscribe function */
  on(listener: EventListener): () => void;
  /** pushes an event to every listener (menu commands come from Electron's menu this way) */
  emit<E extends EventName>(event: E, payload: HostEvents[E]): void;
  /** the folders opened so far */
  readonly roots: OpenedRoots;
  /** opens a folder as if the user had picked it (startup `--open`) */
  openFolder(path: string): Promise<Workspace>;
  /** stops watchers and cancels running exports */
  close(): Promise<void>;
}

/** Largest text file readTextFile decodes (a translation to import). */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** A short, specific description of why a payload failed its schema. */
export function summariseIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `Invalid request: ${parts.join('; ')}${more}`;
}

/** The real services. */
const defaultDeps: HostDeps = {
  readSummary: (p, o): Promise<SummaryCounts> => reportStore.readSummary(p, o),
  openReport: (p, o) => reportStore.openReport(p, o),
  saveReport: (p, a, h, o) => reportStore.saveReport(p, a, h, o),
  saveCopy: (p, a) => reportStore.saveCopy(p, a),
  writeJournal: (p, a, o) => journal.writeJournal(o.journalDir, p, a),
  discardJournal: (p, o) => journal.discardJournal(o.journalDir, p),
  runExport: (req, o) => runExport(req, o),
  watchFolder: (root, onChange) => ({ close: watchFolder(root, onChange) }),
};

/** Creates the host service (one per app run or per test). */
export function createHostService(opts: HostServiceOptions): HostService {
  const deps: HostDeps = { ...defaultDeps, ...opts.deps };
  const roots = new OpenedRoots();
  const access = new FolderAccess({ mode: opts.mode, dataDir: opts.dataDir, typedRoots: opts.typedRoots });
  const journalDir = join(opts.dataDir, 'journal');
  const saveRequests = new SaveRequestParser();
  // validated sidecar hashes persist beside recent-folders.json: reopening after a restart is fast too
  void validatedSidecars.persistTo(join(opts.dataDir, VALIDATED_FILE));
  const listeners = new Set<EventListener>();
  const jobs = new Map<string, AbortController>();
  let watcher: { root: string; handle: Closable } | null = null;
  /** the project translation memory of each opened folder (built in the background on open) */
  const memories = new Map<string, ProjectMemory>();
  /** the learned word list of each opened folder (issue 13; refreshed in the background on open) */
  const learned = new Map<string, ProjectLearned>();
  const replaceUndo = new ReplaceUndo();
  const propagation = new ProjectPropagation();

  const emit = <E extends EventName>(event: E, payload: HostEvents[E]) => {
    for (const l of [...listeners]) {
      try {
        l(event, payload);
      } catch {
        // a broken listener (closed connection) must not stop the others
      }
    }
  };

  async function watch(root: string): Promise<void> {
    if (watcher?.root === root) return;
    await watcher?.handle.close();
    watcher = null;
    const handle = await deps.watchFolder(root, (path, kind) => {
      void memories.get(root)?.fileChanged(path);
      if (kind === 'sidecar') learned.get(root)?.refreshSoon();
      emit('fileChanged', { path, kind });
    });
    watcher = { root, handle };
  }

  /** Whether a real path is the sample project (opened through openSample or by its path). */
  async function isSampleRoot(root: string): Promise<boolean> {
    return root === (await realpath(join(opts.dataDir, SAMPLE_DIR_NAME)).catch(() => null));
  }

  /** Opens a folder the user chose (dialog, command line, start-up, sample, or a check passed): it joins
   * the recent list. */
  async function open(folder: string): Promise<Workspace> {
    const root = await roots.add(folder);
    await access.grant(root);
    const ws = await scanWorkspace(root, { readSummary: deps.readSummary, isSample: await isSampleRoot(root) });
    // a folder not watched until now may have changed unseen: its memory is built afresh (not awaited)
    if (watcher?.root !== root || !memories.has(root)) memories.set(root, ProjectMemory.open(root));
    // opened again: its sidecars may have changed unseen (only changed ones are read again)
    const known = learned.get(root);
    if (known) known.refreshSoon();
    else learned.set(root, ProjectLearned.open(root));
    await watch(root);
    // what killed saves left behind (our own temp files only): one readdir per folder of reports
    await Promise.all([...new Set([root, ...ws.reports.map((r) => dirname(r.path))])].map((d) => cleanStaleTemps(d)));
    return ws;
  }

  async function readText(real: string): Promise<{ text: string; encoding: string }> {
    const st = await stat(real);
    if (!st.isFile()) throw new HostError('not-found', `Not a file: ${real}`);
    if (st.size > MAX_TEXT_BYTES) throw new HostError('too-large', `This file is ${Math.round(st.size / 1048576)} MB; the limit is ${MAX_TEXT_BYTES / 1048576} MB.`);
    try {
      const d = decodeText(await readFile(real));
      return { text: d.text, encoding: d.encoding };
    } catch (e) {
      if (e instanceof DecodeError) throw new HostError(e.code, e.message);
      throw e;
    }
  }

  /** The real path of a folder the page names (to judge it before opening). */
  async function realFolder(path: string): Promise<string> {
    if (!isAbsolute(path)) throw new HostError('invalid-request', `The folder path must be absolute: ${path}`);
    return realpath(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') throw new HostError('not-found', `Folder not found: ${path}`);
      throw e;
    });
  }

  /** The real path of a folder the user opened (not merely a path inside one). */
  async function openedRoot(path: string): Promise<string> {
    const real = await roots.resolve(path);
    if (!roots.list().includes(real)) throw new HostError('outside-workspace', `Not an opened folder: ${path}`);
    return real;
  }

  /** The real path of a report (.txt) under the opened folder `root`, never its sidecar. */
  async function reportOf(root: string, path: string): Promise<string> {
    const real = await roots.resolve(path);
    if (!isInside(root, real) || !/\.txt$/i.test(real)) throw new HostError('outside-workspace', `Not a report of ${root}: ${path}`);
    return real;
  }

  /** The memory of an opened folder (started now if the folder was opened before it existed). */
  async function memoryOf(path: string): Promise<ProjectMemory> {
    const root = await openedRoot(path);
    let m = memories.get(root);
    if (!m) memories.set(root, (m = ProjectMemory.open(root)));
    return m;
  }

  const impl: { [K in CallName]: (req: ParsedRequest<K>) => Promise<CallResponse<K>> } = {
    appInfo: async () => ({
      version: TOOL_VERSION,
      mode: opts.mode,
      systemLanguage: opts.systemLanguage ?? Intl.DateTimeFormat().resolvedOptions().locale,
      dataDir: opts.dataDir,
    }),
    openFolderDialog: async () => {
      if (!opts.dialogs) throw new HostError('unavailable', 'There is no folder dialog in browser mode: type the folder path instead.');
      const picked = await opts.dialogs.pickFolder();
      return picked === null ? null : open(picked);
    },
    openFolder: async (req) => {
      // the page names a path: only one the user chose before, or a typed one within browser mode's rule
      const real = await realFolder(req.path);
      if (!(await access.mayOpen(real))) throw new HostError('forbidden', access.refusal(req.path));
      return open(real);
    },
    recentFolders: async () => ({ folders: await access.list() }),
    openRecent: async (req) => {
      const path = await access.pathOf(req.id);
      if (!path) throw new HostError('not-found', 'That folder is no longer in the recent list.');
      return open(path);
    },
    openSample: async () => {
      return open(await ensureSampleProject(opts.dataDir, opts.assetsDir));
    },
    listReports: async (req) => {
      const real = await roots.resolve(req.root);
      if (!roots.list().includes(real)) throw new HostError('outside-workspace', `Not an opened folder: ${req.root}`);
      return scanWorkspace(real, { readSummary: deps.readSummary, isSample: await isSampleRoot(real) });
    },
    openReport: async (req) => {
      const path = await roots.resolve(req.path);
      // a new report is segmented with its project's abbreviations and exceptions (muwazi.project.json, read fresh)
      const rules = sourceSegmentRules(await readSettings(roots.rootOf(path)!));
      // keep: the annotations go to the page as a copy and are never changed here (the next save's base)
      const opened = await deps.openReport(path, { journalDir, keep: true, ...rules, ...(req.ignoreSidecar ? { ignoreSidecar: true } : {}) });
      // the next save validates only what changed since this version: one read from a sidecar
      // (it passed the schema, or its hash is in the record of validated ones)
      if (opened.state === 'loaded') {
        saveRequests.remember(req.path, opened.annotations);
        // and its unchanged rows' bytes are ready before the first save (after this answer is sent)
        setImmediate(() => prepareSidecarBytes(reportStore.sidecarPath(path), opened.annotations));
      }
      return opened;
    },
    // the request was validated against the contract above: the store need not run the schema again
    saveReport: async (req) => {
      const path = await roots.resolve(req.path);
      const saved = await deps.saveReport(path, req.annotations, req.sidecarHash, { journalDir, validated: true, user: await currentUserName(opts.dataDir) });
      // the saved rows replace that report's units in its folder's memory (no rebuild)
      memories.get(roots.rootOf(path)!)?.updateReport(path, req.annotations);
      // and its known rows replace its evidence in the folder's learned word list (in the background)
      void learned.get(roots.rootOf(path)!)?.updateReport(path, req.annotations, saved.sidecarHash).catch(() => undefined);
      return saved;
    },
    saveCopy: async (req) => {
      // the copy goes beside the report, so the report must lie under an opened folder
      const path = await roots.resolve(req.path);
      if (!/\.txt$/i.test(path)) throw new HostError('invalid-request', `Not a report (.txt): ${req.path}`);
      return { path: await deps.saveCopy(path, req.annotations) };
    },
    writeJournal: async (req) => {
      await deps.writeJournal(await roots.resolve(req.path), req.annotations, { journalDir });
      return {};
    },
    discardJournal: async (req) => {
      await deps.discardJournal(await roots.resolve(req.path), { journalDir });
      return {};
    },
    sidecarRestoreOptions: async (req) => {
      const path = await roots.resolve(req.path);
      if (!/\.txt$/i.test(path)) throw new HostError('invalid-request', `Not a report (.txt): ${req.path}`);
      return { options: await restoreOptions(path, journalDir) };
    },
    restoreSidecar: async (req) => {
      const path = await roots.resolve(req.path);
      if (!/\.txt$/i.test(path)) throw new HostError('invalid-request', `Not a report (.txt): ${req.path}`);
      return { aside: await restoreSidecar(path, req.source, journalDir) };
    },
    exportRun: async (req) => {
      const path = await roots.resolve(req.path);
      // Output stays inside the workspace too; by default its export/ folder. A trailing separator
      // marks a folder for the exporter, so it survives the path resolution.
      const folderMark = req.out && /[\\/]$/.test(req.out) ? sep : '';
      const out = req.out ? (await roots.resolve(req.out)) + folderMark : join(roots.rootOf(path)!, 'export') + sep;
      if (jobs.has(req.jobId)) throw new HostError('invalid-request', `An export with id ${req.jobId} is already running.`);
      const ctl = new AbortController();
      jobs.set(req.jobId, ctl);
      try {
        return await deps.runExport({ ...req, path, out }, {
          signal: ctl.signal,
          onProgress: (p) => emit('exportProgress', { jobId: req.jobId, ...p }),
          wordList: req.format === 'conll' && req.options?.clitics ? loadWordList(opts.assetsDir) : undefined,
        });
      } catch (e) {
        if (ctl.signal.aborted && !(e instanceof HostError)) throw new HostError('cancelled', 'The export was cancelled.');
        throw e;
      } finally {
        jobs.delete(req.jobId);
      }
    },
    exportCancel: async (req) => {
      jobs.get(req.jobId)?.abort();
      return {};
    },
    agreement: async (req) => {
      // the second copy is opened only as a folder may be: chosen before, or typed within the rule
      const root = await openedRoot(req.root);
      const other = await realFolder(req.other);
      if (!(await access.mayOpen(other))) throw new HostError('forbidden', access.refusal(req.other));
      return folderAgreement(root, other);
    },
    userName: async () => readIdentity(opts.dataDir),
    setUserName: async (req) => {
      await writeUserName(opts.dataDir, req.name);
      return readIdentity(opts.dataDir);
    },
    setLanguage: async (req) => {
      opts.onLanguage?.(req.lang, req.tagSet);
      return {};
    },
    readTextFile: async (req) => readText(await roots.resolve(req.path)),
    importMemory: async (req) => {
      // the report and every memory file must lie under an opened folder
      const path = await roots.resolve(req.path);
      const memory = req.memory.kind === 'tmx'
        ? { kind: 'tmx' as const, path: await roots.resolve(req.memory.path) }
        : { kind: 'moses' as const, ar: await roots.resolve(req.memory.ar), en: await roots.resolve(req.memory.en) };
      // the opened folder's segmentation rules, as openReport uses (a report without a sidecar is segmented)
      const rules = sourceSegmentRules(await readSettings(roots.rootOf(path)!));
      const lexicon = withLearned(loadLexicon(opts.assetsDir), await learned.get(roots.rootOf(path)!)?.current());
      const r = await importMemoryFile(path, memory, { journalDir, annotations: req.annotations, lexicon, ...rules });
      return {
        annotations: r.annotations, pairs: r.pairs, matched: r.matched, aligned: r.aligned, lowConfidence: r.lowConfidence,
        unusedPairs: r.unusedPairs, alignedPairs: r.alignedPairs, mergedRows: r.mergedRows, droppedMentions: r.droppedMentions,
        rows: r.rows, rowsWithEnglish: r.rowsWithEnglish,
      };
    },
    loadGlossary: async (req) => {
      const root = await openedRoot(req.root);
      const [collected, saved] = await Promise.all([collectFolderGlossary(root), loadGlossary(root)]);
      return { entries: collected.entries, problems: collected.problems.map((p) => ({ line: p.line, message: p.message })), exists: saved.exists };
    },
    saveSettings: async (req) => {
      const root = await openedRoot(req.root);
      await writeSettings(root, req.settings);
      return scanWorkspace(root, { readSummary: deps.readSummary, isSample: await isSampleRoot(root) });
    },
    saveGlossary: async (req) => {
      await saveGlossary(await openedRoot(req.root), req.entries);
      return {};
    },
    exportGlossary: async (req) => {
      // the output may go to any opened folder (realpath-checked like every path)
      const root = await openedRoot(req.root);
      const out = await roots.resolve(req.out);
      return { path: out, entries: await exportGlossary(root, out, req.entries) };
    },
    loadDictionary: async (req) => loadDictionary(await openedRoot(req.root)),
    loadLexicon: async () => lexiconForPage(opts.assetsDir),
    learnedLexicon: async (req) => {
      const root = await openedRoot(req.root);
      let l = learned.get(root);
      if (!l) learned.set(root, (l = ProjectLearned.open(root)));
      return { entries: lexiconEntries(await l.current()) };
    },
    addDictionaryWord: async (req) => ({ words: await addDictionaryWord(await openedRoot(req.root), req.word) }),
    // issue 11: the project translation memory (./tm.ts)
    tmLookup: async (req) => {
      const memory = await memoryOf(req.root);
      const exclude = req.exclude ? { path: await roots.resolve(req.exclude.path), unit: req.exclude.unit } : undefined;
      const matches = memory.lookup(req.text, { lang: req.lang, min: req.min, limit: req.limit, exclude });
      return { matches, units: memory.size, ready: memory.ready, warnings: memory.warnings() };
    },
    tmExactMany: async (req) => {
      const memory = await memoryOf(req.root);
      return { matches: memory.exactMany(req.texts, req.path ? await roots.resolve(req.path) : undefined) };
    },
    concordance: async (req) => (await memoryOf(req.root)).concordance(req.term, { lang: req.lang, limit: req.limit }),
    qaRun: async (req) => {
      // one report (under the opened folder) or the whole folder; file names relative to the folder
      const root = await openedRoot(req.root);
      const target = req.path ? await roots.resolve(req.path) : root;
      if (roots.rootOf(target) !== root) throw new HostError('outside-workspace', `Not inside the folder ${req.root}: ${req.path}`);
      const r = await runQa(target, { root, checks: req.checks ? parseCheckList(req.checks) : undefined });
      return { findings: r.findings, reports: r.reports, warnings: r.warnings, notStarted: r.notStarted, perReport: r.perReport };
    },
    qaExportReport: async (req) => {
      const root = await openedRoot(req.root);
      return exportQaReport(root, await roots.resolve(req.out), req.format, { lang: req.lang });
    },
    projectFind: async (req) => {
      const root = await openedRoot(req.root);
      return findInProject(root, req.search, { limit: req.limit, rules: sourceSegmentRules(await readSettings(root)) });
    },
    projectReplacePreview: async (req) => {
      const root = await openedRoot(req.root);
      const exclude = await Promise.all((req.exclude ?? []).map((p) => roots.resolve(p)));
      return previewReplace(root, req.search, req.replacement, { exclude });
    },
    projectReplaceApply: async (req) => {
      const root = await openedRoot(req.root);
      const reports = [];
      for (const r of req.reports) {
        // every report lies under THIS folder and is a report (.txt), never the sidecar itself
        const path = await roots.resolve(r.path);
        if (!isInside(root, path) || !/\.txt$/i.test(path)) throw new HostError('outside-workspace', `Not a report of ${req.root}: ${r.path}`);
        reports.push({ path, sidecarHash: r.sidecarHash });
      }
      return { results: await applyReplace(root, req.search, req.replacement, reports, { journalDir, undo: replaceUndo }) };
    },
    projectReplaceUndo: async (req) => ({ sidecarHash: await replaceUndo.undo(await roots.resolve(req.path), { journalDir }) }),
    projectPropagatePreview: async (req) => {
      const root = await openedRoot(req.root);
      const open = req.open ? await reportOf(root, req.open) : undefined;
      const plan = await propagation.preview(root, req.jobId, {
        journalDir, open, ...sourceSegmentRules(await readSettings(root)), lexicon: loadLexicon(opts.assetsDir),
        onProgress: (p) => emit('propagateProgress', { jobId: req.jobId, ...p }),
      });
      const counts = (r: { path: string; file: string; suggestions: unknown[]; low: number; conflicts: number }) => ({ path: r.path, file: r.file, suggestions: r.suggestions.length, low: r.low, conflicts: r.conflicts });
      return {
        reports: plan.reports.map((r) => ({ ...counts(r), sidecarHash: r.sidecarHash ?? '' })),
        open: plan.open ? { ...counts(plan.open), list: plan.open.suggestions } : null,
        problems: plan.problems, notStarted: plan.notStarted,
      };
    },
    projectPropagateCancel: async (req) => {
      propagation.cancel(req.jobId);
      return {};
    },
    projectPropagateApply: async (req) => {
      const root = await openedRoot(req.root);
      const reports = [];
      for (const r of req.reports) reports.push({ path: await reportOf(root, r.path), sidecarHash: r.sidecarHash });
      return { results: await propagation.apply(root, req.jobId, reports, { journalDir, onProgress: (p) => emit('propagateProgress', { jobId: req.jobId, ...p }) }) };
    },
    projectPropagateUndo: async (req) => ({ sidecarHash: await propagation.undo.undo(await roots.resolve(req.path)) }),
  };

  return {
    roots,
    emit,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openFolder: (path) => open(path),
    async handle(name, payload) {
      if (!Object.prototype.hasOwnProperty.call(hostCalls, name)) {
        return { ok: false, code: 'invalid-request', message: `Unknown host call: ${String(name).slice(0, 64)}` };
      }
      const call = name as CallName;
      const parsed = call === 'saveReport' ? saveRequests.parse(payload) : hostCalls[call].request.safeParse(payload ?? {});
      if (!parsed.success) return { ok: false, code: 'invalid-request', message: summariseIssues(parsed.error) };
      try {
        const run = impl[call] as (req: unknown) => Promise<unknown>;
        return { ok: true, value: await run(parsed.data) };
      } catch (e) {
        return toFailure(e);
      }
    },
    async close() {
      for (const c of jobs.values()) c.abort();
      propagation.cancelAll();
      await watcher?.handle.close();
      watcher = null;
      listeners.clear();
      // learned word lists being written finish first (nothing is left half-written behind us)
      await Promise.all([...learned.values()].map((l) => l.idle()));
    },
  };
}
