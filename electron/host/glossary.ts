// The folder's project glossary, `muwazi.glossary.tsv` beside `muwazi.project.json`: loading,
// saving (atomically), and gathering entities from every report's sidecar. TSV, not JSON, so a
// translator can open and edit it in a spreadsheet (format: docs/entities.md, "Glossary").
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parseAnnotations } from '../../shared/formats/sidecar.ts';
import {
  collectRenderings, glossaryFromTsv, glossaryToTsv, mergeGlossary, type AnnotatedReport, type GlossaryEntry, type TsvProblem,
} from '../../shared/entities/glossary.ts';
import { atomicWriteFile } from './atomic-write.ts';
import { HostError } from './errors.ts';
import { sidecarPath } from './report-store.ts';
import { findReports } from './workspace.ts';

/** File name of the glossary in a workspace folder. */
export const GLOSSARY_FILE = 'muwazi.glossary.tsv';

/** The glossary read from a folder. */
export interface LoadedGlossary {
  /** entries in file order ([] when there is no glossary file yet) */
  entries: GlossaryEntry[];
  /** lines that could not be read (they are dropped on the next save: the caller should say so) */
  problems: TsvProblem[];
  /** whether the file exists */
  exists: boolean;
}

/** Reads `<folder>/muwazi.glossary.tsv`. */
export async function loadGlossary(folder: string): Promise<LoadedGlossary> {
  let text: string;
  try {
    text = await readFile(join(folder, GLOSSARY_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [], exists: false };
    throw e;
  }
  return { ...glossaryFromTsv(text), exists: true };
}

/** Writes the glossary atomically (temp file, fsync, rename). Throws HostError. */
export async function saveGlossary(folder: string, entries: readonly GlossaryEntry[]): Promise<void> {
  await atomicWriteFile(join(folder, GLOSSARY_FILE), glossaryToTsv(entries));
}

/** The annotated reports of a folder, and the sidecars that could not be read. */
export interface FolderAnnotations {
  /** reports that have a readable sidecar, by relative path (forward slashes) */
  reports: AnnotatedReport[];
  /** reports without a sidecar yet */
  unannotated: string[];
  /** sidecars that could not be read, with why */
  problems: Array<{ report: string; message: string }>;
}

/** Reads every report's sidecar under `folder` (the sources are not decoded: mentions carry their text). */
export async function readFolderAnnotations(folder: string): Promise<FolderAnnotations> {
  let root: string;
  try {
    root = await realpath(folder);
  } catch {
    throw new HostError('not-found', `The folder ${folder} does not exist.`);
  }
  const out: FolderAnnotations = { reports: [], unannotated: [], problems: [] };
  for (const txt of await findReports(root)) {
    const report = relative(root, txt).split(sep).join('/');
    let json: string;
    try {
      json = await readFile(sidecarPath(txt), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') out.unannotated.push(report);
      else out.problems.push({ report, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    try {
      out.reports.push({ report, annotations: parseAnnotations(json) });
    } catch (e) {
      out.problems.push({ report, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/**
 * The saved glossary refreshed from every sidecar in the folder (see mergeGlossary). Not written
 * back: call saveGlossary when the user keeps it.
 */
export async function collectFolderGlossary(folder: string): Promise<{ entries: GlossaryEntry[]; folder: FolderAnnotations; problems: TsvProblem[] }> {
  const [saved, anns] = await Promise.all([loadGlossary(folder), readFolderAnnotations(folder)]);
  return { entries: mergeGlossary(saved.entries, collectRenderings(anns.reports)), folder: anns, problems: saved.problems };
}

/**
 * Writes the glossary as TSV to `out` (atomically; missing folders are created): `entries` when
 * given (what the user sees in the panel, saved or not), else the folder's glossary refreshed from
 * its sidecars. `out` must end in .tsv and must not be a folder, so a report, a sidecar or the
 * project file can never be overwritten by an export. Confinement to an opened folder is the
 * caller's (host service). Returns how many entries were written.
 */
export async function exportGlossary(folder: string, out: string, entries?: readonly GlossaryEntry[]): Promise<number> {
  if (!/\.tsv$/i.test(out)) throw new HostError('invalid-request', `The glossary is exported as a .tsv file: ${out}`);
  const st = await stat(out).catch(() => null);
  if (st?.isDirectory()) throw new HostError('invalid-request', `This is a folder, not a file: ${out}`);
  const list = entries ?? (await collectFolderGlossary(folder)).entries;
  await mkdir(dirname(out), { recursive: true });
  await atomicWriteFile(out, glossaryToTsv(list), { backup: false });
  return list.length;
}
