// The project translation memory of an opened folder: every report row with English (read from the
// sidecars) plus the read-only TMX files under the project's `tm/` folder. An index in memory only,
// never written to disk: it is rebuilt from the sidecars and tm/ whenever asked, so it cannot drift.
//
// Built in the background (`ready` false until done); kept up to date per file: a saved report
// replaces its own units (updateReport, from the host's saveReport), a sidecar or TMX changed on
// disk by someone else is read again (fileChanged, from the folder watcher). Bad input never stops
// the build: a corrupt or newer-version sidecar is skipped with a warning naming it, a malformed
// TMX is reported by name and line, a TMX over MAX_TMX_BYTES is refused before it is read.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parseAnnotations } from '../../shared/formats/sidecar.ts';
import { parseTmx } from '../../shared/formats/tm-import.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { decodeText } from '../../shared/text/decode.ts';
import { concordance, type ConcordanceOccurrence, type ConcordanceRow } from '../../shared/tm/concordance.ts';
import { TranslationMemory, type LookupOptions, type TmUnitInput } from '../../shared/tm/memory.ts';
import type { TmLang } from '../../shared/tm/tokens.ts';
import type { TmMatch } from '../../shared/tm/types.ts';
import { reportRows } from '../../shared/tm/units.ts';
import { sidecarPath } from './report-store.ts';
import { findReports, isSkippedDir } from './workspace.ts';

/** The project folder holding imported memories. */
export const TM_DIR = 'tm';
/** Largest TMX file read into the memory (a bigger one is refused with a size message). */
export const MAX_TMX_BYTES = 200 * 1024 * 1024;

/** A path relative to the root, forward slashes. */
function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Line (1-based) of UTF-16 index `at`. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Where a TMX problem is, when the reader's message does not say: the last unit opened, or the end. */
function tmxLine(text: string, message: string): number {
  if (/translation unit/.test(message)) return lineAt(text, Math.max(0, text.lastIndexOf('<tu')));
  if (/<\/tmx> is missing/.test(message)) return lineAt(text, text.length);
  return 1;
}

/** The TMX files under `<root>/tm`, sorted (none when there is no such folder). */
async function findTmx(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of entries) {
      const p = join(dir, d.name);
      if (d.isDirectory() && !isSkippedDir(d.name)) await walk(p);
      else if (d.isFile() && /\.tmx$/i.test(d.name)) out.push(p);
    }
  }
  await walk(join(root, TM_DIR));
  return out.sort();
}

/** Whether `path` is a TMX file of the project's tm/ folder. */
function isProjectTmx(root: string, path: string): boolean {
  const r = rel(root, path);
  return /\.tmx$/i.test(r) && r.startsWith(TM_DIR + '/');
}

/** The report a sidecar belongs to (`x.annotations.json` → `x.txt`). */
function reportOfSidecar(path: string): string {
  return join(dirname(path), basename(path).replace(/\.annotations\.json$/i, '') + '.txt');
}

/** One opened folder's memory (see the header). */
export class ProjectMemory {
  readonly tm = new TranslationMemory();
  /** every row of every report, by the report's absolute path (for the concordance) */
  private readonly rows = new Map<string, ConcordanceRow[]>();
  /** the problem of each file that could not be read, by absolute path */
  private readonly problems = new Map<string, string>();
  /** files updated while the build ran: the build must not put back what it read before */
  private readonly updatedDuringBuild = new Set<string>();
  private building = true;
  /** settles when the first build is done (never rejects) */
  readonly built: Promise<void>;

  private constructor(readonly root: string) {
    this.built = this.build().finally(() => {
      this.building = false;
      this.updatedDuringBuild.clear();
    });
  }

  /** Starts building the memory of `root` (a real path) in the background. */
  static open(root: string): ProjectMemory {
    return new ProjectMemory(root);
  }

  /** Builds and waits (the CLI). */
  static async load(root: string): Promise<ProjectMemory> {
    const m = new ProjectMemory(root);
    await m.built;
    return m;
  }

  /** False while the first build runs. */
  get ready(): boolean {
    return !this.building;
  }

  /** Translation units held. */
  get size(): number {
    return this.tm.size;
  }

  /** Named problems met reading the project (sorted by file). */
  warnings(): string[] {
    return [...this.problems.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, m]) => m);
  }

  private async build(): Promise<void> {
    let reports: string[] = [];
    try {
      reports = await findReports(this.root);
    } catch (e) {
      this.problems.set(this.root, `The folder could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const txt of reports) {
      if (this.updatedDuringBuild.has(txt)) continue;
      const read = await this.readReport(txt);
      if (!this.updatedDuringBuild.has(txt)) this.applyReport(txt, read);
    }
    for (const tmx of await findTmx(this.root)) {
      if (this.updatedDuringBuild.has(tmx)) continue;
      const units = await this.readTmx(tmx);
      if (!this.updatedDuringBuild.has(tmx)) this.tm.setGroup(tmx, units);
    }
  }

  /** A report's annotations from its sidecar: null when it has none, a message when unreadable. */
  private async readReport(txt: string): Promise<Annotations | null | { problem: string }> {
    let json: string;
    try {
      json = await readFile(sidecarPath(txt), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return { problem: e instanceof Error ? e.message : String(e) };
    }
    try {
      return parseAnnotations(json);
    } catch (e) {
      return { problem: e instanceof Error ? e.message : String(e) };
    }
  }

  private applyReport(txt: string, read: Annotations | null | { problem: string }): void {
    const file = rel(this.root, txt);
    if (read && 'problem' in read) {
      // the units read before (if any) are dropped too: they no longer match the file on disk
      this.problems.set(txt, `Skipped ${file}: its annotation file could not be read (${read.problem})`);
      this.tm.removeGroup(txt);
      this.rows.delete(txt);
      return;
    }
    this.problems.delete(txt);
    if (!read) {
      this.tm.removeGroup(txt);
      this.rows.delete(txt);
      return;
    }
    const { rows, units } = reportRows(read, file, txt);
    this.rows.set(txt, rows);
    this.tm.setGroup(txt, units);
  }

  private async readTmx(path: string): Promise<TmUnitInput[]> {
    const file = rel(this.root, path);
    this.problems.delete(path);
    try {
      const st = await stat(path);
      if (st.size > MAX_TMX_BYTES) {
        this.problems.set(path, `Skipped ${file}: it is ${Math.round(st.size / 1048576)} MB; a project memory file may be at most ${MAX_TMX_BYTES / 1048576} MB (split it, or import it into a report instead).`);
        return [];
      }
      const text = decodeText(await readFile(path)).text;
      try {
        return parseTmx(text).map((p, row) => ({ ar: p.ar, en: p.en, origin: { kind: 'tmx' as const, file, row } }));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const where = /line \d+/.test(message) ? '' : `, line ${tmxLine(text, message)}`;
        this.problems.set(path, `Skipped ${file}${where}: ${message}`);
        return [];
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      this.problems.set(path, `Skipped ${file}: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
  }

  /** A report was saved through the app: its rows and units become these (no rebuild). */
  updateReport(txt: string, annotations: Annotations): void {
    if (this.building) this.updatedDuringBuild.add(txt);
    this.applyReport(txt, annotations);
  }

  /** A file changed on disk (folder watcher): a sidecar or a tm/ TMX is read again. */
  async fileChanged(path: string): Promise<void> {
    if (/\.annotations\.json$/i.test(path)) {
      const txt = reportOfSidecar(path);
      if (this.building) this.updatedDuringBuild.add(txt);
      this.applyReport(txt, await this.readReport(txt));
    } else if (isProjectTmx(this.root, path)) {
      if (this.building) this.updatedDuringBuild.add(path);
      this.tm.setGroup(path, await this.readTmx(path));
    }
  }

  /** Best matches for `text`; `exclude` leaves out one report row (path = the report's absolute path). */
  lookup(text: string, opts: Omit<LookupOptions, 'exclude'> & { exclude?: { path: string; unit: string } } = {}): TmMatch[] {
    const ex = opts.exclude;
    return this.tm.lookup(text, { ...opts, exclude: ex ? (u, group) => group === ex.path && u.unit === ex.unit : undefined });
  }

  /** An exact match per text (null when none); rows of report `path` (absolute) are left out. */
  exactMany(texts: readonly string[], path?: string): (TmMatch | null)[] {
    const exclude = path ? (_u: TmUnitInput, group: string) => group === path : undefined;
    return texts.map((t) => this.tm.exact(t, exclude));
  }

  /** Every report row holding `term`, reports in path order. */
  concordance(term: string, opts: { lang?: TmLang; limit?: number } = {}): { hits: ConcordanceOccurrence[]; truncated: boolean } {
    const files = [...this.rows.keys()].sort((a, b) => rel(this.root, a).localeCompare(rel(this.root, b), 'en'));
    const rows = this.rows;
    function* all(): Generator<ConcordanceRow> {
      for (const f of files) yield* rows.get(f) ?? [];
    }
    return concordance(all(), term, opts);
  }

  /** Every unit, reports first (by path, row order), then TMX files (by path, unit order). */
  units(): TmUnitInput[] {
    const out = [...this.tm.entries()].map((e) => e.unit);
    return out.sort((a, b) => (a.origin.kind !== b.origin.kind ? (a.origin.kind === 'report' ? -1 : 1) : a.origin.file.localeCompare(b.origin.file, 'en') || a.origin.row - b.origin.row));
  }
}
