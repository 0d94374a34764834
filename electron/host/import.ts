// Importing translation files into reports' sidecars (plain Node; used by `muwazi import`). The
// alignment itself is the pure importTranslation of shared/align/import.ts — the same function the
// app's File → Import English translation… calls — and loading/saving goes through the report
// store, so the sidecar written here is exactly what the app would save.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { importTranslation, type ImportOptions } from '../../shared/align/import.ts';
import { DecodeError, decodeText } from '../../shared/text/decode.ts';
import { HostError, toFailure } from './errors.ts';
import { MAX_SOURCE_BYTES, openReport, saveReport, sidecarPath } from './report-store.ts';

/** Options of the file and folder imports. */
export interface ImportFileOptions extends Pick<ImportOptions, 'threshold' | 'anchors' | 'abbreviations'> {
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
}

/** `<name>.en.txt`: the translation file the folder import looks for beside `<name>.txt`. */
export const TRANSLATION_SUFFIX = '.en.txt';

/** Reads and decodes a translation file; HostError on every bad input. */
export async function readTranslation(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new HostError('not-found', `${path} is a folder, not a translation file.`);
    if (st.size > MAX_SOURCE_BYTES) throw new HostError('too-large', `${basename(path)} is larger than ${MAX_SOURCE_BYTES} bytes.`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof HostError) throw e;
    const f = toFailure(e);
    throw new HostError(f.code, f.code === 'not-found' ? `The translation file ${path} was not found.` : f.message);
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
  const now = opts.now ?? (() => new Date().toISOString());
  const opened = await openReport(txtPath, { journalDir: opts.journalDir, now });
  if (opened.recovered) {
    throw new HostError('conflict', `${basename(txtPath)} has unsaved edits in Muwazi's recovery journal; open it in Muwazi and save or discard them first. Nothing was changed.`);
  }
  const r = importTranslation(opened.annotations, opened.text, translation, { ...opts, now: now() });
  await saveReport(txtPath, r.annotations, opened.sidecarHash, { journalDir: opts.journalDir, now });
  return {
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
  /** its `<name>.en.txt` */
  translationPath: string;
}

/**
 * Every `<name>.txt` under `dir` (recursively, hidden folders skipped) with a `<name>.en.txt` beside
 * it, sorted by path. `*.en.txt` files are never taken as reports themselves.
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
      if (!e.isFile() || !e.name.toLowerCase().endsWith('.txt') || e.name.toLowerCase().endsWith(TRANSLATION_SUFFIX)) continue;
      const tr = e.name.slice(0, -'.txt'.length) + TRANSLATION_SUFFIX;
      if (names.has(tr)) out.push({ txtPath: join(d, e.name), translationPath: join(d, tr) });
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

/** Imports every pair under `dir`, one report at a time; one failure does not stop the others. */
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
      summary.imported.push(await importTranslationFile(p.txtPath, p.translationPath, opts));
    } catch (e) {
      const f = toFailure(e);
      summary.failures.push({ txtPath: p.txtPath, code: f.code, message: f.message });
    }
  }
  opts.onProgress?.(pairs.length, pairs.length, '');
  return summary;
}

