// The project's learned word list (issue 13, item 2), stored in `muwazi.learned-lexicon.tsv` beside
// muwazi.project.json (shared/align/learned-file.ts has the format). Derived data: each report's
// known rows (confirmed, translated or reviewed) are read from its sidecar and kept as keys with the
// sidecar's hash, so a refresh reads every sidecar but tokenises only those whose hash changed; the
// table is recounted from the keys (learned.ts). A missing, corrupt or unwritable file is never an
// error: it is rebuilt (or the table lives in memory only). Plain Node.
//
// The app keeps one per opened folder (service.ts): a refresh in the background on open (and on
// opening it again, and when the folder watcher sees a sidecar change), and each save replaces
// that report's rows (written only when its known rows changed). The CLI refreshes
// before `muwazi align`/`muwazi import` and rebuilds from scratch with `muwazi lexicon --learn`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LEARNED_LEXICON_FILE, parseLearnedFile, serializeLearnedFile, type LearnedFile } from '../../shared/align/learned-file.ts';
import { knownPairs, learnFromKeys, rowKeys, type RowKeys } from '../../shared/align/learned.ts';
import type { Lexicon } from '../../shared/align/lexical.ts';
import { parseAnnotations } from '../../shared/formats/sidecar.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { atomicWriteFile } from './atomic-write.ts';
import { rememberOwnWrite } from './own-writes.ts';
import { sha256, sidecarPath } from './report-store.ts';
import { findReports, relPath } from './workspace.ts';
import { learnedRootFor } from './project-root.ts';

export { learnedRootFor };

export { LEARNED_LEXICON_FILE };

/** What a refresh did. */
export interface LearnedStats {
  /** reports with a readable sidecar */
  reports: number;
  /** reports read and tokenised again (their sidecar changed, or the file was missing, corrupt or ignored) */
  recounted: number;
  /** known rows counted */
  rows: number;
  /** Arabic words in the learned table (counted by `load`, for the CLI; the app counts lazily) */
  words?: number;
  /** whether the stored file was missing or corrupt when the refresh began */
  rebuilt: boolean;
  /** the file was written (false: nothing changed, or writing failed) */
  written: boolean;
  /** why writing failed (the table is still used, from memory) */
  writeError?: string;
  /** sidecars that could not be read (skipped), by path relative to the project */
  skipped: string[];
}

const keysOf = (a: Annotations): RowKeys[] => knownPairs(a).map(([ar, en]) => rowKeys(ar, en)).filter(([as, es]) => as.length > 0 && es.length > 0);
const sameRows = (x: RowKeys[], y: RowKeys[]) => JSON.stringify(x) === JSON.stringify(y);

/** The learned word list of one project folder (see the header). */
export class ProjectLearned {
  private file: LearnedFile = new Map();
  private table: Lexicon | null = null;
  /** work runs one step at a time, in order */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(readonly root: string) {}

  /** The file's path. */
  get path(): string {
    return join(this.root, LEARNED_LEXICON_FILE);
  }

  /** Starts refreshing the folder's list in the background (the app, on opening a folder). */
  static open(root: string): ProjectLearned {
    const p = new ProjectLearned(root);
    // derived data: a failed refresh leaves the list as it was, it never reaches the user
    void p.refresh().catch(() => undefined);
    return p;
  }

  /** Refreshes (or, with `force`, rebuilds from the sidecars alone) and waits (the CLI). */
  static async load(root: string, opts: { force?: boolean } = {}): Promise<{ learned: ProjectLearned; stats: LearnedStats }> {
    const p = new ProjectLearned(root);
    const stats = await p.refresh(opts);
    return { learned: p, stats: { ...stats, words: p.lexicon().size } };
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A refresh queued and not started yet: later requests join it (a `git pull` is many events). */
  private refreshQueued = false;

  /** Refreshes soon (a sidecar changed on disk, the folder was opened again), once for a burst. */
  refreshSoon(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    void this.enqueue(() => {
      this.refreshQueued = false;
      return this.doRefresh({});
    }).catch(() => undefined);
  }

  /** Reads the stored file, then every report's sidecar; tokenises the reports whose sidecar hash
   * differs from the stored one; writes the file when anything changed. Never throws for a bad file. */
  refresh(opts: { force?: boolean } = {}): Promise<LearnedStats> {
    return this.enqueue(() => this.doRefresh(opts));
  }

  private async doRefresh(opts: { force?: boolean }): Promise<LearnedStats> {
    const text = await readFile(this.path, 'utf8').catch(() => null);
    const stored = opts.force || text === null ? null : parseLearnedFile(text);
    const rebuilt = stored === null;
    // a missing or corrupt file is written again; the keys already in memory need no new tokenising
    const before = stored ?? (opts.force ? new Map() : this.file);
    const next: LearnedFile = new Map();
    const skipped: string[] = [];
    let recounted = 0;
    let reports: string[] = [];
    try {
      reports = await findReports(this.root);
    } catch {
      // an unreadable folder: nothing to learn from
    }
    for (const txt of reports) {
      const rel = relPath(this.root, txt);
      let bytes: Buffer;
      try {
        bytes = await readFile(sidecarPath(txt));
      } catch {
        continue; // no sidecar: no rows yet
      }
      const hash = sha256(bytes);
      const old = before.get(rel);
      if (old && old.hash === hash) {
        next.set(rel, old);
        continue;
      }
      try {
        next.set(rel, { hash, rows: keysOf(parseAnnotations(bytes.toString('utf8'))) });
        recounted++;
      } catch {
        skipped.push(rel);
      }
    }
    const changed = rebuilt || next.size !== before.size || recounted > 0;
    this.file = next;
    this.table = null;
    // a folder with nothing learned gets no file of ours (unless asked, or one is there to repair)
    const wanted = opts.force || text !== null || this.rowCount() > 0;
    const w = changed && wanted ? await this.write() : { written: false };
    return { reports: next.size, recounted, rows: this.rowCount(), rebuilt, skipped, ...w };
  }

  /** A report was saved (its new annotations and sidecar hash): its rows replace the stored ones;
   * the file is written only when its known rows changed (a new hash alone is caught by the next
   * refresh, which then only finds the rows equal). */
  updateReport(txtPath: string, annotations: Annotations, hash: string): Promise<void> {
    return this.enqueue(async () => {
      const rel = relPath(this.root, txtPath);
      const rows = keysOf(annotations);
      const old = this.file.get(rel);
      this.file.set(rel, { hash, rows });
      if (old && sameRows(old.rows, rows)) return;
      this.table = null;
      await this.write();
    });
  }

  /** Resolves when every queued refresh and update is done. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** The learned table now (recounted from the stored keys when they changed). */
  lexicon(): Lexicon {
    if (!this.table) {
      const rows = (function* (file: LearnedFile) { for (const r of file.values()) yield* r.rows; })(this.file);
      this.table = learnFromKeys(rows);
    }
    return this.table;
  }

  /** The table once queued work is done (the app's import asks for it). */
  async current(): Promise<Lexicon> {
    await this.idle();
    return this.lexicon();
  }

  private rowCount(): number {
    let n = 0;
    for (const r of this.file.values()) n += r.rows.length;
    return n;
  }

  private async write(): Promise<{ written: boolean; writeError?: string }> {
    const text = serializeLearnedFile(this.file);
    try {
      // not an external change for the folder watcher
      rememberOwnWrite(this.path, sha256(text));
      await atomicWriteFile(this.path, text, { backup: false, durable: false });
      return { written: true };
    } catch (e) {
      return { written: false, writeError: e instanceof Error ? e.message : String(e) };
    }
  }
}

/** The learned table of `file`'s project, refreshed first; null outside a project. */
export async function learnedLexiconFor(file: string): Promise<Lexicon | null> {
  const root = await learnedRootFor(file);
  if (root === null) return null;
  return (await ProjectLearned.load(root)).learned.lexicon();
}
