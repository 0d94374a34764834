// Export jobs: one report or a whole folder, in any format, streamed to disk report by report so
// memory stays flat. Output is written into a hidden staging folder beside the destination and
// renamed into place only when everything succeeded: a cancelled or failed export leaves no
// partial files and never clobbers an earlier export.
//
// Output naming (`out` defaults to `<root>/export/`, root = the folder, or the report's folder):
// - `out` is a folder when it exists as one, ends with a path separator, is the default
//   `<root>/export`, or the format is brat;
//   otherwise it is a file name (single-file formats) or a file-name prefix (paired formats).
// - base name in a folder: the report's name for a one-report export, `corpus` for a folder export.
// - tmx → .tmx; xliff, xliff12 → .xlf; tsv → .tsv; jsonl → .jsonl; spans → .spans.jsonl;
//   moses → <prefix>.ar + <prefix>.en; conll → <prefix>.ar.conll + <prefix>.en.conll;
//   brat → <out>/<report>.ar.txt|.ar.ann|.en.txt|.en.ann (reports in subfolders keep them).
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ExportRequestSchema, type ExportRequest, type ExportSummary } from '../../shared/contract/host.ts';
import { createWriter, ENTITY_FORMATS } from '../../shared/formats/registry.ts';
import { normalizeForMatch } from '../../shared/text/normalize.ts';
import { ExportStats, type Chunk, type ExportReport, type Layout } from '../../shared/formats/writer.ts';
import { HostError } from './errors.ts';
import { findReports } from './workspace.ts';
import { exportSegmentRules, loadReportForExport } from './export-load.ts';

/** Progress of a running export: reports done out of total, and the one being written. */
export interface ExportProgress {
  done: number;
  total: number;
  current?: string;
}

/** Callbacks and injections of `runExport`. */
export interface ExportHooks {
  onProgress?: (p: ExportProgress) => void;
  /** aborting removes everything written so far and rejects with HostError('cancelled') */
  signal?: AbortSignal;
  /** reads a report (defaults to the report store: source + sidecar, or fresh annotations) */
  load?: (txtPath: string, name: string) => Promise<ExportReport>;
  /** Arabic normaliser for options.normalizeArabic (defaults to the text pipeline's) */
  normalizeArabic?: (text: string) => string;
  /** the app's word list headwords (electron/host/lexicon.ts loadWordList): CoNLL clitic splitting */
  wordList?: ReadonlySet<string> | null;
}

/** Where each output of a writer goes. */
interface Plan {
  /** staging path (inside the staging folder) → final path, filled as outputs are opened */
  finals: Map<string, string>;
  /** output key of a chunk → final path */
  target(out: string): string;
}

/** Runs an export; resolves with its summary. Throws HostError for expected failures. */
export async function runExport(request: ExportRequest, hooks: ExportHooks = {}): Promise<ExportSummary> {
  const req = ExportRequestSchema.parse(request);
  const { signal } = hooks;
  const info = await stat(req.path).catch(() => null);
  if (!info) throw new HostError('not-found', `Nothing to export: ${req.path} does not exist.`);
  const single = info.isFile();
  const root = single ? dirname(req.path) : req.path;
  const reports = single ? [req.path] : await findReports(req.path);
  if (!single && reports.length === 0) throw new HostError('not-found', `No reports (.txt files) in ${req.path}.`);

  const stats = new ExportStats();
  const normalize = hooks.normalizeArabic ?? ((t: string) => normalizeForMatch(t));
  if (req.options.normalizeArabic && ENTITY_FORMATS.includes(req.format)) {
    stats.warn(`normalizeArabic does not apply to ${req.format}: entity offsets must slice the original text`);
  }
  const writer = createWriter(req.format, { options: req.options, stats, normalizeArabic: normalize, wordList: hooks.wordList ?? undefined });
  const defaultOut = join(root, 'export');
  const out = req.out ?? defaultOut;
  const base = single ? reportName(root, req.path) : 'corpus';
  // the default export/ folder is a folder even before it exists (callers may pass it explicitly)
  const plan = await planOutputs(writer.layout, resolve(out) === resolve(defaultOut) ? defaultOut + sep : out, base);
  // the project rules first: an invalid muwazi.project.json fails before any file is written
  const rules = hooks.load ? null : await exportSegmentRules(reports);
  const load = hooks.load ?? ((p: string, n: string) => loadReportForExport(p, n, rules?.get(dirname(p))));

  const destDir = writer.layout.kind === 'folder' ? out : dirname(plan.target(writer.layout.kind === 'pair' ? 'ar' : ''));
  await mkdir(destDir, { recursive: true });
  const staging = await mkdtemp(join(destDir, '.muwazi-export-'));
  const streams = new Map<string, WriteStream>();
  const checkCancel = () => {
    if (signal?.aborted) throw new HostError('cancelled', 'The export was cancelled; no files were written.');
  };

  try {
    const write = async (chunks: Iterable<Chunk>) => {
      for (const c of chunks) {
        checkCancel();
        let ws = streams.get(c.out);
        if (!ws) {
          const final = plan.target(c.out);
          const tmp = join(staging, relative(destDir, final));
          await mkdir(dirname(tmp), { recursive: true });
          plan.finals.set(tmp, final);
          ws = createWriteStream(tmp, { encoding: 'utf8' });
          streams.set(c.out, ws);
        }
        if (c.text && !ws.write(c.text)) await once(ws, 'drain');
      }
    };
    // header opens the main outputs even when no row passes, so the files always exist
    await write(writer.header());
    if (writer.layout.kind === 'pair') await write([{ out: 'ar', text: '' }, { out: 'en', text: '' }]);
    if (writer.layout.kind === 'single') await write([{ out: '', text: '' }]);
    hooks.onProgress?.({ done: 0, total: reports.length });
    for (let i = 0; i < reports.length; i++) {
      checkCancel();
      const path = reports[i];
      const name = reportName(root, path);
      hooks.onProgress?.({ done: i, total: reports.length, current: name });
      let report: ExportReport;
      try {
        report = await load(path, name);
      } catch (e) {
        if (single) throw e;
        stats.warn(`report "${name}" was left out: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      // a folder's never-annotated reports would be all-O training data: left out unless asked for
      if (!single && ENTITY_FORMATS.includes(req.format) && !req.options.includeUnannotated && report.annotations.mentions.length === 0) {
        stats.skip('unannotated-report');
        continue;
      }
      await write(writer.report(report));
      stats.reports++;
      if (writer.layout.kind === 'folder') await closeAll(streams);
    }
    await write(writer.footer());
    await closeAll(streams);
    checkCancel();
    hooks.onProgress?.({ done: reports.length, total: reports.length });
    for (const [tmp, final] of plan.finals) {
      await mkdir(dirname(final), { recursive: true });
      await rename(tmp, final);
    }
  } catch (e) {
    for (const ws of streams.values()) ws.destroy();
    throw e;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return {
    files: [...plan.finals.values()].sort(),
    reports: stats.reports,
    rows: stats.rows,
    skipped: stats.skippedList,
    warnings: stats.warnings,
    bidiControls: stats.bidiControls,
  };
}

/** A report's name: its path relative to the root, forward slashes, without `.txt`. */
export function reportName(root: string, txtPath: string): string {
  const rel = relative(root, txtPath).split(sep).join('/');
  return (rel || basename(txtPath)).replace(/\.txt$/i, '');
}

async function planOutputs(layout: Layout, out: string, base: string): Promise<Plan> {
  const finals = new Map<string, string>();
  if (layout.kind === 'folder') return { finals, target: (o) => join(out, ...o.split('/')) };
  const isDir = /[\\/]$/.test(out) || (await stat(out).then((s) => s.isDirectory(), () => false));
  if (layout.kind === 'single') {
    const file = isDir ? join(out, base + layout.ext) : out;
    return { finals, target: () => file };
  }
  const prefix = isDir ? join(out, base) : out;
  return { finals, target: (o) => prefix + layout.suffixes[o === 'en' ? 'en' : 'ar'] };
}

async function closeAll(streams: Map<string, WriteStream>): Promise<void> {
  const all = [...streams.values()];
  streams.clear();
  await Promise.all(
    all.map(
      (ws) =>
        new Promise<void>((resolve, reject) => {
          ws.once('error', reject);
          ws.end(() => resolve());
        }),
    ),
  );
}
