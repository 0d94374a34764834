// Find and replace across every report of an opened folder (the find bar's scope "All reports").
// Plain Node. Find searches each sentence as the editor's find does (shared/text/search.ts: the
// Arabic-aware folding, or a regular expression): the Arabic from the sidecar's segments (a report
// without a sidecar: its source, segmented with the project's rules, as opening it would), the
// English from its target sentences. Replace touches ONLY English target sentences, through the
// report store (atomic, conflict-checked by the sidecar's hash): the preview hands out each
// report's hash, applying refuses a report whose sidecar changed since. The previous annotations
// of every replaced report are kept in memory (ReplaceUndo) so each can be restored while its
// sidecar is still the one written. Corrupt sidecars are skipped with a warning naming them.
import { readFile } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import type { Annotations } from '../../shared/model/types.ts';
import { parseAnnotations } from '../../shared/formats/sidecar.ts';
import { compileSearch, isSearchProblem, searchText, type Searcher, type SearchOptions } from '../../shared/text/search.ts';
import { replaceInAnnotations, rowsOf, type ReplaceSample } from '../../shared/text/replace-english.ts';
import { segmentSentences, type SegmentRules } from '../../shared/text/segment.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';
import { HostError } from './errors.ts';
import { readSource, saveReport, sha256, sidecarPath } from './report-store.ts';
import { findReports } from './workspace.ts';

/** What to look for. */
export interface ProjectSearch {
  query: string;
  options: SearchOptions;
}

/** One hit: the row, the side and the sentence it is in (`context`), code points into it. */
export interface ProjectHit {
  /** 0-based row in the report's row order, and its unit id */
  row: number;
  unit: string;
  side: 'ar' | 'en';
  start: number;
  end: number;
  /** the sentence holding the hit */
  context: string;
}

/** The hits of one report. */
export interface ReportHits {
  path: string;
  /** relative to the folder, forward slashes */
  file: string;
  /** hits in this report (all of them, even past the listed ones) */
  count: number;
  hits: ProjectHit[];
}

/** Most hits listed in a find (all reports together); the counts go on. */
export const MAX_LISTED_HITS = 2000;
/** A project search stops after this long (a slow regular expression) and says it was cut short. */
export const PROJECT_BUDGET_MS = 5000;

/** The searcher for a request; HostError('invalid-request') for an invalid or refused pattern or an empty query. */
export function searcherFor(s: ProjectSearch): Searcher {
  const c = compileSearch(s.query, s.options);
  if (isSearchProblem(c)) {
    throw new HostError('invalid-request', c.problem === 'unsafe'
      ? `This regular expression could take very long to run (a repeated group holding a repetition: ${c.message}); rewrite it without the nesting.`
      : `Invalid regular expression: ${c.message}`);
  }
  if (!c) throw new HostError('invalid-request', 'There is nothing to find: the query is empty.');
  return c;
}

const rel = (root: string, p: string) => relative(root, p).split(sep).join('/');

/** A report's sidecar as read: bytes' hash and parsed annotations; null when it has none. */
interface Sidecar {
  hash: string;
  annotations: Annotations;
}

/** Reads a report's sidecar; null when absent; HostError('corrupt-sidecar' …) when unreadable. */
async function readSidecar(txt: string): Promise<Sidecar | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(sidecarPath(txt));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new HostError('internal', `${basename(sidecarPath(txt))}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return { hash: sha256(bytes), annotations: parseAnnotations(bytes.toString('utf8')) };
  } catch (e) {
    throw new HostError('corrupt-sidecar', `${basename(sidecarPath(txt))}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The sentences of a report to search: Arabic segments and English targets, with their rows. */
function* sentencesOf(a: Annotations): Generator<{ side: 'ar' | 'en'; id: string; text: string; row: number; unit: string }> {
  const rows = rowsOf(a);
  for (const s of a.segments) {
    const row = rows.get(s.id);
    if (row !== undefined) yield { side: 'ar', id: s.id, text: s.text, row, unit: a.units[row].id };
  }
  for (const t of a.targets) {
    const row = rows.get(t.id);
    if (row !== undefined) yield { side: 'en', id: t.id, text: t.text, row, unit: a.units[row].id };
  }
}

/** Options of findInProject. */
export interface ProjectFindOptions {
  /** most hits listed (default MAX_LISTED_HITS) */
  limit?: number;
  /** segmentation rules for reports without a sidecar (the project's) */
  rules?: SegmentRules;
  /** clock (ms) for the time budget */
  now?: () => number;
}

/**
 * Every hit in every report of `root` (a real, opened folder), grouped by report in path order,
 * hits in row order (Arabic before English within a row). `truncated`: more hits than listed, or
 * the time budget ran out (the counts then cover the reports searched).
 */
export async function findInProject(root: string, search: ProjectSearch, opts: ProjectFindOptions = {}): Promise<{ reports: ReportHits[]; warnings: string[]; truncated: boolean }> {
  const searcher = searcherFor(search);
  const limit = opts.limit ?? MAX_LISTED_HITS;
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + PROJECT_BUDGET_MS;
  const reports: ReportHits[] = [];
  const warnings: string[] = [];
  let listed = 0;
  let truncated = false;
  for (const txt of await findReports(root)) {
    if (now() > deadline) {
      truncated = true;
      break;
    }
    const file = rel(root, txt);
    let a: Annotations | null;
    try {
      a = (await readSidecar(txt))?.annotations ?? null;
    } catch (e) {
      warnings.push(`${file}: skipped, ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const hits: ProjectHit[] = [];
    let count = 0;
    /** searches one sentence; false once the time budget is spent (the clock is read per sentence) */
    const take = (side: 'ar' | 'en', text: string, row: number, unit: string): boolean => {
      if (now() > deadline) {
        truncated = true;
        return false;
      }
      for (const s of searchText(text, searcher)) {
        count++;
        if (listed < limit) {
          hits.push({ row, unit, side, start: s.start, end: s.end, context: text });
          listed++;
        } else truncated = true;
      }
      return true;
    };
    if (a) {
      for (const s of sentencesOf(a)) if (!take(s.side, s.text, s.row, s.unit)) break;
    } else {
      // no sidecar: the Arabic as opening the report would segment it (createAnnotations: row i is u<i+1>)
      let text: string;
      try {
        text = (await readSource(txt)).decoded.text;
      } catch (e) {
        warnings.push(`${file}: skipped, ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      const map = new OffsetMap(text);
      segmentSentences(text, { lang: 'ar', ...opts.rules }).every((sp, i) => take('ar', map.slice(sp.start, sp.end), i, `u${i + 1}`));
    }
    hits.sort((x, y) => x.row - y.row || (x.side === y.side ? 0 : x.side === 'ar' ? -1 : 1));
    if (count) reports.push({ path: txt, file, count, hits });
  }
  return { reports, warnings, truncated };
}

/** One report of a replace preview. */
export interface PreviewReport {
  path: string;
  file: string;
  /** the sidecar's hash now: send it back to apply (a report changed in between is refused) */
  sidecarHash: string;
  replacements: number;
  skippedArabic: number;
  droppedMentions: number;
  samples: ReplaceSample[];
}

/** What a replace across the folder would do, per report with English to replace; nothing is written. */
export async function previewReplace(root: string, search: ProjectSearch, template: string, opts: { exclude?: readonly string[] } = {}): Promise<{ reports: PreviewReport[]; warnings: string[] }> {
  const searcher = searcherFor(search);
  const reports: PreviewReport[] = [];
  const warnings: string[] = [];
  for (const txt of await findReports(root)) {
    if (opts.exclude?.includes(txt)) continue;
    const file = rel(root, txt);
    let sc: Sidecar | null;
    try {
      sc = await readSidecar(txt);
    } catch (e) {
      warnings.push(`${file}: skipped, ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    // no sidecar: no English to replace
    if (!sc) continue;
    const r = replaceInAnnotations(sc.annotations, searcher, template, '');
    if (r.replacements) reports.push({ path: txt, file, sidecarHash: sc.hash, replacements: r.replacements, skippedArabic: r.skippedArabic, droppedMentions: r.droppedMentions, samples: r.samples });
  }
  return { reports, warnings };
}

/** The previous annotations of each replaced report, for "Undo" per report (this run of the host only). */
export class ReplaceUndo {
  private readonly saved = new Map<string, { previous: Annotations; written: string }>();

  remember(path: string, previous: Annotations, written: string): void {
    this.saved.set(path, { previous, written });
  }

  has(path: string): boolean {
    return this.saved.has(path);
  }

  /**
   * Restores the report's annotations from before the replace, if its sidecar is still the one the
   * replace wrote; HostError('conflict') otherwise (nothing is written), 'not-found' when there is
   * nothing to undo. Returns the restored sidecar's hash.
   */
  async undo(path: string, opts: { journalDir: string }): Promise<string> {
    const s = this.saved.get(path);
    if (!s) throw new HostError('not-found', `There is no replace to undo for ${basename(path)}.`);
    try {
      const r = await saveReport(path, s.previous, s.written, { journalDir: opts.journalDir });
      this.saved.delete(path);
      return r.sidecarHash;
    } catch (e) {
      if (e instanceof HostError && e.code === 'conflict') {
        throw new HostError('conflict', `${basename(sidecarPath(path))} was changed after the replace; it was not restored, so those changes are kept.`);
      }
      throw e;
    }
  }
}

/** The outcome of applying a replace to one report. */
export interface AppliedReport {
  path: string;
  file: string;
  status: 'replaced' | 'conflict' | 'failed';
  replacements: number;
  /** why it was not replaced */
  message?: string;
  /** the new sidecar's hash (status 'replaced') */
  sidecarHash?: string;
}

/**
 * Replaces in the given reports (from a preview): each is read again, refused as 'conflict' when
 * its sidecar is not the previewed one, replaced and saved atomically against that hash; the
 * previous annotations go to `undo`. One report failing never stops the others.
 */
export async function applyReplace(
  root: string, search: ProjectSearch, template: string, reports: readonly { path: string; sidecarHash: string }[],
  opts: { journalDir: string; undo: ReplaceUndo; now?: () => string },
): Promise<AppliedReport[]> {
  const searcher = searcherFor(search);
  const out: AppliedReport[] = [];
  for (const { path, sidecarHash } of reports) {
    const file = rel(root, path);
    try {
      const sc = await readSidecar(path);
      if (!sc || sc.hash !== sidecarHash) {
        out.push({ path, file, status: 'conflict', replacements: 0, message: `${file} changed on disk since the preview; it was not replaced.` });
        continue;
      }
      const r = replaceInAnnotations(sc.annotations, searcher, template, (opts.now ?? (() => new Date().toISOString()))());
      if (!r.replacements) {
        out.push({ path, file, status: 'replaced', replacements: 0, sidecarHash });
        continue;
      }
      const saved = await saveReport(path, r.annotations, sidecarHash, { journalDir: opts.journalDir });
      opts.undo.remember(path, sc.annotations, saved.sidecarHash);
      out.push({ path, file, status: 'replaced', replacements: r.replacements, sidecarHash: saved.sidecarHash });
    } catch (e) {
      const conflict = e instanceof HostError && e.code === 'conflict';
      out.push({ path, file, status: conflict ? 'conflict' : 'failed', replacements: 0, message: conflict ? `${file} changed on disk since the preview; it was not replaced.` : `${file}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return out;
}
