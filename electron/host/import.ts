// Importing translation files into reports' sidecars (plain Node; used by `muwazi import`). The
// alignment itself is the pure importTranslation of shared/align/import.ts — the same function the
// app's File → Import English translation… calls — and loading/saving goes through the report
// store, so the sidecar written here is exactly what the app would save.
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { importTranslation, type ImportOptions } from '../../shared/align/import.ts';
import { importMemoryPairs, type MemoryImportResult } from '../../shared/align/memory-import.ts';
import type { MemorySource, OpenedReport } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { checkAnnotations } from '../../shared/formats/sidecar.ts';
import { MemoryFormatError, looksLikeTmx, parseMoses, parseTmx, type Pair } from '../../shared/formats/tm-import.ts';
import { DecodeError, decodeText } from '../../shared/text/decode.ts';
import { HostError, toFailure } from './errors.ts';
import { projectSegmentRules } from './project-settings.ts';
import { MAX_SOURCE_BYTES, openReport, readSource, saveReport, sidecarPath } from './report-store.ts';
import { isReportFile } from './workspace.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';

/** The segmentation rules of an import: the options' when given, else the report's project's. */
async function segmentRules(txtPath: string, opts: SegmentRules): Promise<SegmentRules> {
  if (opts.abbreviations !== undefined || opts.exceptions !== undefined) return { abbreviations: opts.abbreviations, exceptions: opts.exceptions };
  return projectSegmentRules(txtPath);
}

/** Options of the file and folder imports. The segmentation rules split the Arabic of a report
 * without a sidecar and the English; when neither list is given, those of the nearest
 * muwazi.project.json at or above the report are used (project-settings.ts; a corrupt one fails
 * the import before anything is written). */
export interface ImportFileOptions extends Pick<ImportOptions, 'threshold' | 'anchors' | 'lexicon'>, SegmentRules {
  /** crash-recovery journal folder of the report store (default: the app's) */
  journalDir?: string;
  /** clock (ISO strings) for timestamps */
  now?: () => string;
}

/** What importing one translation did. */
export interface ImportFileResult {
  /** the report's .txt */
  txtPath: string;
  /** the translation file that was imported */
  translationPath: string;
  /** the sidecar written */
  sidecarPath: string;
  /** English sentences found in the translation */
  sentences: number;
  /** rows after the import */
  rows: number;
  /** rows with English after the import */
  rowsWithEnglish: number;
  /** ids of rows the aligner was unsure about */
  lowConfidence: string[];
  /** English mentions removed with the sentences they were on */
  droppedMentions: number;
  /** set when a translation memory (`<name>.tmx`) was imported instead of a text */
  memory?: MemoryCounts;
  /** set when the source changed since its sidecar was written: what re-anchoring did */
  drift?: DriftSummary;
}

/** What re-anchoring did when a report's source changed since its sidecar was written. */
export interface DriftSummary {
  /** spans that could not be placed in the changed source, kept aside as orphans */
  orphaned: number;
  /** the re-anchoring's messages (changed, added sentences, spans kept aside) */
  warnings: string[];
}

/** The drift of an opened report, or undefined when its source is the one its sidecar was written for. */
function driftOf(opened: OpenedReport): DriftSummary | undefined {
  if (opened.state !== 'drifted') return undefined;
  return { orphaned: opened.warnings.filter((w) => w.code.startsWith('unmapped-')).length, warnings: opened.warnings.map((w) => w.message) };
}

/** Importing a translation into a report with no Arabic would make a row of English alone: refused. */
function refuseEmpty(txtPath: string, opened: OpenedReport): void {
  if (opened.text.trim() === '') {
    throw new HostError('invalid-request', `${basename(txtPath)} is empty (no Arabic text): there is nothing to align a translation with. Nothing was changed.`);
  }
}

/** What a memory import did, in numbers (for summaries). */
export interface MemoryCounts {
  /** pairs read from the memory */
  pairs: number;
  /** rows filled from a memory pair whose Arabic matched */
  matched: number;
  /** rows that received English from the aligner */
  aligned: number;
  /** memory pairs no row used */
  unusedPairs: number;
}

/** `<name>.en.txt`: the translation file the folder import looks for beside `<name>.txt`. */
export const TRANSLATION_SUFFIX = '.en.txt';

/** Largest translation memory file read (TMX or one side of a Moses corpus): memories hold many
 * documents, so more than a report, but the whole file is decoded in memory. */
export const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

/** Reads and decodes a translation file (or, with `what`, a memory file); HostError on every bad input. */
export async function readTranslation(path: string, what = 'translation file', limit = MAX_SOURCE_BYTES): Promise<string> {
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new HostError('not-found', `${path} is a folder, not a ${what}.`);
    if (st.size > limit) throw new HostError('too-large', `${basename(path)} is larger than ${limit} bytes.`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof HostError) throw e;
    const f = toFailure(e);
    throw new HostError(f.code, f.code === 'not-found' ? `The ${what} ${path} was not found.` : f.message);
  }
  try {
    return decodeText(bytes).text;
  } catch (e) {
    if (e instanceof DecodeError) throw new HostError(e.code, `${basename(path)}: ${e.message}`);
    throw e;
  }
}

/**
 * Imports `translationPath` into the report `txtPath`: opens the report (creating its annotations
 * if it has none), aligns, and saves the sidecar. Refuses (HostError 'conflict') when the app's
 * recovery journal holds unsaved edits for the report, since saving would discard them.
 */
export async function importTranslationFile(txtPath: string, translationPath: string, opts: ImportFileOptions = {}): Promise<ImportFileResult> {
  const translation = await readTranslation(translationPath);
  const rules = await segmentRules(txtPath, opts);
  const now = opts.now ?? (() => new Date().toISOString());
  const opened = await openReport(txtPath, { journalDir: opts.journalDir, now, ...rules });
  if (opened.recovered) {
    throw new HostError('conflict', `${basename(txtPath)} has unsaved edits in Muwazi's recovery journal; open it in Muwazi and save or discard them first. Nothing was changed.`);
  }
  refuseEmpty(txtPath, opened);
  const r = importTranslation(opened.annotations, opened.text, translation, { threshold: opts.threshold, anchors: opts.anchors, lexicon: opts.lexicon, ...rules, now: now() });
  await saveReport(txtPath, r.annotations, opened.sidecarHash, { journalDir: opts.journalDir, now });
  const drift = driftOf(opened);
  return {
    ...(drift ? { drift } : {}),
    txtPath,
    translationPath,
    sidecarPath: sidecarPath(txtPath),
    sentences: r.sentences,
    rows: r.annotations.units.length,
    rowsWithEnglish: r.rowsWithEnglish,
    lowConfidence: r.lowConfidence,
    droppedMentions: r.droppedMentions.length,
  };
}

/** A report and its translation found by the folder import. */
export interface TranslationPair {
  /** the report's .txt */
  txtPath: string;
  /** its `<name>.en.txt`, or when there is none its `<name>.tmx` (a translation memory) */
  translationPath: string;
}

/**
 * Every `<name>.txt` under `dir` (recursively, hidden folders skipped) with a `<name>.en.txt` or a
 * `<name>.tmx` beside it (the text wins when both exist: it is the report's whole translation),
 * sorted by path. `*.en.txt` files are never taken as reports themselves.
 */
export async function findTranslationPairs(dir: string): Promise<TranslationPair[]> {
  const out: TranslationPair[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') await walk(join(d, e.name));
        continue;
      }
      if (!e.isFile() || !isReportFile(e.name)) continue;
      const stem = e.name.slice(0, -'.txt'.length);
      const tr = [stem + TRANSLATION_SUFFIX, stem + MEMORY_SUFFIX].find((n) => names.has(n));
      if (tr) out.push({ txtPath: join(d, e.name), translationPath: join(d, tr) });
    }
  };
  await walk(dir);
  return out.sort((a, b) => (a.txtPath < b.txtPath ? -1 : a.txtPath > b.txtPath ? 1 : 0));
}

/** A report the folder import could not import, and why. */
export interface ImportFailure {
  txtPath: string;
  /** contract error code (not-found, corrupt-sidecar, conflict, ...) */
  code: string;
  /** what went wrong, for the user */
  message: string;
}

/** What the folder import did. */
export interface FolderImportSummary {
  /** reports imported, in path order */
  imported: ImportFileResult[];
  /** reports that failed, with reasons */
  failures: ImportFailure[];
}

/** Imports every pair under `dir` (a `<name>.tmx` as a memory), one report at a time; one failure
 * does not stop the others. */
export async function importFolder(
  dir: string,
  opts: ImportFileOptions & { onProgress?: (done: number, total: number, current: string) => void } = {},
): Promise<FolderImportSummary> {
  const st = await stat(dir).catch(() => null);
  if (!st || !st.isDirectory()) throw new HostError('not-found', `${dir} is not a folder.`);
  const pairs = await findTranslationPairs(dir);
  const summary: FolderImportSummary = { imported: [], failures: [] };
  for (const [k, p] of pairs.entries()) {
    opts.onProgress?.(k, pairs.length, basename(p.txtPath));
    try {
      summary.imported.push(
        p.translationPath.endsWith(MEMORY_SUFFIX)
          ? memoryAsFileResult(await saveMemoryImport(p.txtPath, { kind: 'tmx', path: p.translationPath }, opts), p.translationPath)
          : await importTranslationFile(p.txtPath, p.translationPath, opts),
      );
    } catch (e) {
      const f = toFailure(e);
      summary.failures.push({ txtPath: p.txtPath, code: f.code, message: f.message });
    }
  }
  opts.onProgress?.(pairs.length, pairs.length, '');
  return summary;
}


// ---------------------------------------------------------------------------------------------
// Translation memories (TMX, Moses): seed a report's translations

/** `<name>.tmx`: the memory the folder import also looks for beside `<name>.txt`. */
export const MEMORY_SUFFIX = '.tmx';

/** Whether a file is a TMX memory: a `.tmx` name, or XML that opens a <tmx> element. */
export async function isTmxFile(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith('.tmx')) return true;
  let head: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      head = Buffer.alloc(8192);
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return false; // unreadable: the plain-text import reports why
  }
  // UTF-16 memories are common (Trados): decode the head by its BOM
  const enc = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  return looksLikeTmx(new TextDecoder(enc).decode(head));
}

/** Where a memory file names it, for messages. */
export function memoryLabel(m: MemorySource): string {
  return m.kind === 'tmx' ? basename(m.path) : `${basename(m.ar)} + ${basename(m.en)}`;
}

/** Reads a memory's pairs. HostError 'invalid-memory' (file left alone) when it is not a readable
 * TMX, the Moses files are not parallel, or it holds no Arabic–English pair. */
export async function readMemory(m: MemorySource): Promise<Pair[]> {
  let pairs: Pair[];
  try {
    if (m.kind === 'tmx') {
      pairs = parseTmx(await readTranslation(m.path, 'memory file', MAX_MEMORY_BYTES));
    } else {
      const [ar, en] = [await readTranslation(m.ar, 'Arabic corpus file', MAX_MEMORY_BYTES), await readTranslation(m.en, 'English corpus file', MAX_MEMORY_BYTES)];
      pairs = parseMoses(ar, en);
    }
  } catch (e) {
    if (e instanceof MemoryFormatError) throw new HostError('invalid-memory', `${memoryLabel(m)}: ${e.message}`);
    throw e;
  }
  if (!pairs.some((p) => p.ar.trim() && p.en.trim())) {
    throw new HostError('invalid-memory', `${memoryLabel(m)} holds no Arabic–English pair${m.kind === 'tmx' ? ' (no <tu> with both an Arabic and an English <seg>)' : ''}.`);
  }
  return pairs;
}

/** Options of the memory imports. */
export interface MemoryFileOptions extends ImportFileOptions {
  /** import into these annotations (the editor's current state) instead of the saved sidecar; they
   * must fit the report's source text */
  annotations?: Annotations;
}

/** What importing a memory into one report did (the pure result's counts, and where). */
export interface MemoryFileResult extends Omit<MemoryImportResult, 'annotations'> {
  /** the report's .txt */
  txtPath: string;
  /** the memory imported */
  memory: MemorySource;
  /** rows after the import */
  rows: number;
  /** rows with English after the import */
  rowsWithEnglish: number;
}

const counts = (txtPath: string, memory: MemorySource, r: MemoryImportResult): MemoryFileResult => {
  const { annotations, ...rest } = r;
  return { ...rest, txtPath, memory, rows: annotations.units.length, rowsWithEnglish: annotations.units.filter((u) => u.target.length > 0).length };
};

/**
 * Seeds the report `txtPath` from a memory and returns the new annotations WITHOUT saving (the app
 * applies them as one editor change, undoable). Starts from `opts.annotations` when given (checked
 * against the source: HostError 'invalid-request' when they do not fit), else from the saved sidecar
 * (or a fresh one). Confirmed rows and rows with English are untouched.
 */
export async function importMemoryFile(txtPath: string, memory: MemorySource, opts: MemoryFileOptions = {}): Promise<MemoryFileResult & { annotations: Annotations }> {
  const pairs = await readMemory(memory);
  const rules = await segmentRules(txtPath, opts);
  const now = opts.now ?? (() => new Date().toISOString());
  let start: Annotations;
  let text: string;
  if (opts.annotations) {
    text = (await readSource(txtPath)).decoded.text;
    const problems = checkAnnotations(opts.annotations, { text });
    if (problems.length) throw new HostError('invalid-request', `The annotations do not fit ${basename(txtPath)}: ${problems[0].path}: ${problems[0].message}`);
    start = opts.annotations;
  } else {
    const opened = await openReport(txtPath, { journalDir: opts.journalDir, now, ...rules });
    text = opened.text;
    start = opened.annotations;
  }
  const r = importMemoryPairs(start, text, pairs, { threshold: opts.threshold, anchors: opts.anchors, lexicon: opts.lexicon, ...rules, now: now() });
  return { ...counts(txtPath, memory, r), annotations: r.annotations };
}

/** What `saveMemoryImport` wrote. */
export interface MemorySaveResult extends MemoryFileResult {
  /** the sidecar written */
  sidecarPath: string;
  /** set when the source changed since its sidecar was written */
  drift?: DriftSummary;
}

/**
 * Seeds the report from a memory and saves the sidecar through the report store, as
 * importTranslationFile does (`muwazi import <name.txt> <memory.tmx>`). Refuses (HostError
 * 'conflict') when the recovery journal holds unsaved edits for the report. Nothing is written when
 * the memory cannot be read.
 */
export async function saveMemoryImport(txtPath: string, memory: MemorySource, opts: ImportFileOptions = {}): Promise<MemorySaveResult> {
  const pairs = await readMemory(memory);
  const rules = await segmentRules(txtPath, opts);
  const now = opts.now ?? (() => new Date().toISOString());
  const opened = await openReport(txtPath, { journalDir: opts.journalDir, now, ...rules });
  if (opened.recovered) {
    throw new HostError('conflict', `${basename(txtPath)} has unsaved edits in Muwazi's recovery journal; open it in Muwazi and save or discard them first. Nothing was changed.`);
  }
  refuseEmpty(txtPath, opened);
  const r = importMemoryPairs(opened.annotations, opened.text, pairs, { threshold: opts.threshold, anchors: opts.anchors, lexicon: opts.lexicon, ...rules, now: now() });
  await saveReport(txtPath, r.annotations, opened.sidecarHash, { journalDir: opts.journalDir, now });
  const drift = driftOf(opened);
  return { ...counts(txtPath, memory, r), sidecarPath: sidecarPath(txtPath), ...(drift ? { drift } : {}) };
}

/** A memory import in the shape of a text import, for the folder summary. */
export function memoryAsFileResult(r: MemorySaveResult, translationPath: string): ImportFileResult {
  return {
    txtPath: r.txtPath,
    translationPath,
    sidecarPath: r.sidecarPath,
    sentences: 0,
    rows: r.rows,
    rowsWithEnglish: r.rowsWithEnglish,
    lowConfidence: r.lowConfidence,
    droppedMentions: r.droppedMentions,
    memory: { pairs: r.pairs, matched: r.matched.length, aligned: r.aligned.length, unusedPairs: r.unusedPairs },
    ...(r.drift ? { drift: r.drift } : {}),
  };
}
