// A workspace is a folder of Arabic `.txt` reports the user opened: listing its reports with their
// progress, reading its project settings, and the writable sample project made from the bundled samples.
import { copyFile, mkdir, readdir, readFile, realpath } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { DEFAULT_TAG_SET, ProjectSettingsSchema } from '../../shared/model/schema.ts';
import type { ProjectSettings } from '../../shared/model/types.ts';
import { serializeSettings, sourceSegmentRules } from '../../shared/model/settings.ts';
import type { ReportSummary, Workspace } from '../../shared/contract/host.ts';
import { atomicWriteFile } from './atomic-write.ts';
import { HostError } from './errors.ts';
import { isInside } from './paths.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';
import { DICTIONARY_FILE } from '../../shared/formats/dictionary.ts';

import { PROJECT_FILE } from './project-root.ts';

export { PROJECT_FILE };
/** Folder under the app data dir holding the writable copy of the samples. */
export const SAMPLE_DIR_NAME = 'sample-project';
/** Folders never scanned for reports (besides hidden ones): dependencies and our own export output. */
const SKIPPED_DIRS = new Set(['node_modules', 'export']);

/** Folders never searched for reports or sidecars nor watched: hidden ones (.git), dependencies, our export output. */
export function isSkippedDir(name: string): boolean {
  return name.startsWith('.') || SKIPPED_DIRS.has(name);
}

/** Progress of one report, as the report store computes it from the sidecar. */
export interface SummaryCounts {
  /** alignment units (rows) */
  rows: number;
  /** rows with an English translation */
  translated: number;
  /** entity mentions on both sides */
  entities: number;
  /** whether `<name>.annotations.json` exists */
  hasAnnotations: boolean;
  /** why the report or its sidecar cannot be opened */
  problem?: string;
}

/** Options of a ReadSummary: the project's segmentation rules, for counting the rows of a report
 * without a sidecar. */
export type SummaryOptions = SegmentRules;

/** Reads the progress of one report; throws when the report or its sidecar cannot be read. */
export type ReadSummary = (txtPath: string, opts?: SummaryOptions) => Promise<SummaryCounts>;

/** Project settings used when a folder has no muwazi.project.json. */
export function defaultSettings(): ProjectSettings {
  return { format: 'muwazi-project', version: '1.0', tagSet: DEFAULT_TAG_SET.map((t) => ({ ...t })), segmentation: { abbreviations: {} } };
}

/** The folder's project settings; defaults when the file is absent; 'corrupt-sidecar' when it is invalid. */
export async function readSettings(root: string): Promise<ProjectSettings> {
  let raw: string;
  try {
    raw = await readFile(join(root, PROJECT_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings();
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new HostError('corrupt-sidecar', `${PROJECT_FILE} is not valid JSON (${(e as Error).message}). Fix or delete it to open this folder.`);
  }
  const parsed = ProjectSettingsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HostError('corrupt-sidecar', `${PROJECT_FILE} does not match the project format: ${issue.path.join('.') || '(root)'}: ${issue.message}. Fix or delete it to open this folder.`);
  }
  return parsed.data;
}

/** Writes the folder's muwazi.project.json atomically (canonical 2-space JSON, shared/model/settings.ts).
 * The settings must be valid already (ValidProjectSettingsSchema). */
export async function writeSettings(root: string, settings: ProjectSettings): Promise<void> {
  await atomicWriteFile(join(root, PROJECT_FILE), serializeSettings(settings));
}

/** A source report file: `.txt` but not an English translation (`*.en.txt`) nor the project dictionary. */
export function isReportFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.txt') && !lower.endsWith('.en.txt') && lower !== DICTIONARY_FILE;
}

/**
 * Absolute paths of every report under `root` (a real path), sorted by relative path. Skips hidden
 * folders, node_modules and export/; follows no symlinked folders (no loops, no escapes) and keeps a
 * symlinked file only when it really lies inside the root.
 */
export async function findReports(root: string, found?: { sidecars: string[] }): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const d of entries) {
      if (d.name.startsWith('.')) continue;
      const p = join(dir, d.name);
      if (d.isDirectory()) {
        if (!isSkippedDir(d.name)) await walk(p);
      } else if (found && d.isFile() && d.name.endsWith(SIDECAR_SUFFIX)) {
        found.sidecars.push(p);
      } else if (isReportFile(d.name)) {
        if (d.isFile()) out.push(p);
        else if (d.isSymbolicLink()) {
          const real = await realpath(p).catch(() => null);
          if (real && isInside(root, real)) out.push(p);
        }
      }
    }
  }
  await walk(root);
  return out.sort((a, b) => relPath(root, a).localeCompare(relPath(root, b), 'en'));
}

/** `p` relative to `root` with forward slashes (the sidebar's and the reports' file names). */
export function relPath(root: string, p: string): string {
  return relative(root, p).split(sep).join('/');
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Options of `scanWorkspace`. */
export interface ScanOptions {
  /** progress of one report (the report store's readSummary) */
  readSummary: ReadSummary;
  /** true for the sample project */
  isSample: boolean;
}

/** The workspace at `root` (a real path): its reports with their progress and its settings. */
export async function scanWorkspace(root: string, opts: ScanOptions): Promise<Workspace> {
  const settings = await readSettings(root);
  const found = { sidecars: [] as string[] };
  const files = await findReports(root, found);
  const rules = sourceSegmentRules(settings);
  const reports = await mapLimit(files, 8, async (path): Promise<ReportSummary> => {
    const base = { path, relPath: relPath(root, path), name: basename(path).replace(/\.txt$/i, '') };
    try {
      const s = await opts.readSummary(path, rules);
      return { ...base, rows: s.rows, translated: s.translated, entities: s.entities, hasAnnotations: s.hasAnnotations, ...(s.problem ? { problem: s.problem } : {}) };
    } catch (e) {
      // One unreadable report must not hide the others: the sidebar shows the problem.
      return { ...base, rows: 0, translated: 0, entities: 0, hasAnnotations: false, problem: e instanceof Error ? e.message : String(e) };
    }
  });
  const orphans = await mapLimit(orphanSidecars(files, found.sidecars), 8, async (txt): Promise<ReportSummary> => {
    const base = { path: txt, relPath: relPath(root, txt), name: basename(txt).replace(/\.txt$/i, ''), hasAnnotations: true, sourceMissing: true };
    const s = await opts.readSummary(txt, rules).catch(() => null);
    return { ...base, rows: s?.rows ?? 0, translated: s?.translated ?? 0, entities: s?.entities ?? 0, problem: `${basename(txt)} is missing` };
  });
  reports.push(...orphans);
  reports.sort((a, b) => a.relPath.localeCompare(b.relPath, 'en'));
  return { root, name: basename(root), isSample: opts.isSample, reports, settings };
}

const SIDECAR_SUFFIX = '.annotations.json';

/** The .txt paths of annotation files whose report is not there (issue 14 §4: listed, not hidden). */
export function orphanSidecars(reports: readonly string[], sidecars: readonly string[]): string[] {
  const have = new Set(reports.map((r) => r.replace(/\.txt$/i, '').toLowerCase()));
  return sidecars.map((s) => s.slice(0, -SIDECAR_SUFFIX.length)).filter((b) => !have.has(b.toLowerCase())).map((b) => b + '.txt');
}

/**
 * The writable sample project: `<dataDir>/sample-project`, filled from `<assetsDir>/samples/*.txt`
 * when it does not exist yet or holds no report (first run, or the user emptied it). Existing files
 * are never overwritten, so the user's work on the samples survives; the bundled copies are only read.
 */
export async function ensureSampleProject(dataDir: string, assetsDir: string): Promise<string> {
  const dir = join(dataDir, SAMPLE_DIR_NAME);
  await mkdir(dir, { recursive: true });
  const real = await realpath(dir);
  if ((await findReports(real)).length > 0) return real;
  const src = join(assetsDir, 'samples');
  const names = (await readdir(src)).filter(isReportFile).sort();
  if (names.length === 0) throw new HostError('not-found', `No sample reports found in ${src}.`);
  for (const n of names) await copyFile(join(src, n), join(real, n));
  return real;
}
