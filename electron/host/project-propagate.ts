// "Tag all occurrences" across a project (issue 15), shared by the app (Entities → Tag all
// occurrences in project…) and `muwazi entities <folder> --propagate`. Plain Node.
//   plan:  every report with a sidecar is read once for the project's names (seeds) and its
//          accept/reject history, then each report gets `propagateReport` with the other reports'
//          names as seeds. Nothing is written. Each planned report carries the hash of the sidecar
//          it was planned on; a damaged sidecar, a missing source or unsaved edits in the recovery
//          journal put the report in `problems` (named, never touched). Progress per report, and an
//          AbortSignal stops it between reports.
//   apply: each planned report is read again; one whose sidecar is no longer the planned one is
//          refused ('conflict'), never overwritten; otherwise its new suggestions are appended to the
//          sidecar's `suggestions` as PENDING (never mentions) through saveReport's compare-and-swap.
//          The exact bytes it replaced are kept (PropagationUndo) so "Undo" puts them back
//          byte for byte, only while the sidecar is still the one written.
import { lstat, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import type { Annotations, StoredSuggestion } from '../../shared/model/types.ts';
import { parseAnnotations } from '../../shared/formats/sidecar.ts';
import { propagateReport, projectHistory, seedsOf, toStored, type Seed } from '../../shared/entities/propagate-report.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';
import { atomicWriteFile } from './atomic-write.ts';
import { HostError } from './errors.ts';
import { withFileLock } from './file-lock.ts';
import { isInside } from './paths.ts';
import { rememberOwnWrite } from './own-writes.ts';
import { currentSidecarHash, openReport, saveReport, sha256, sidecarPath } from './report-store.ts';
import { findReports, orphanSidecars } from './workspace.ts';
import { loadGlossary } from './glossary.ts';
import type { Lexicon } from '../../shared/align/lexical.ts';

/** One report's planned suggestions. */
export interface PlannedReport {
  /** absolute path of the .txt */
  path: string;
  /** relative to the folder, forward slashes */
  file: string;
  /** sha256 of the sidecar planned on (null: the open report had none yet) */
  sidecarHash: string | null;
  /** the new suggestions, pending, in report order */
  suggestions: StoredSuggestion[];
  /** of which low confidence (not part of "accept all") */
  low: number;
  /** of which carry a type conflict */
  conflicts: number;
}

/** What a project propagation would write. */
export interface PropagationPlan {
  /** every report with a readable sidecar, in folder order (those with nothing new too), the open one excluded */
  reports: PlannedReport[];
  /** the report open in the app (`open`): planned like the others, applied through the editor */
  open: PlannedReport | null;
  /** reports skipped, with why */
  problems: Array<{ file: string; message: string }>;
  /** reports without a sidecar yet (not started): nothing is written into them */
  notStarted: string[];
}

/** Progress: reports done of total (each report is read, then planned: total is twice the reports). */
export type PropagateProgress = (p: { done: number; total: number; current?: string }) => void;

/** Options of planPropagation. */
export interface PlanOptions extends SegmentRules {
  /** recovery journal folder (default: the app's) */
  journalDir?: string;
  /** the report open in the app (absolute path): planned from its sidecar (or fresh), returned apart */
  open?: string;
  signal?: AbortSignal;
  onProgress?: PropagateProgress;
  /** the app's word list (assets/lexicon): names that are also common words, read as words in the
   * row's English, are held back as low confidence; null/absent = no such check */
  lexicon?: Lexicon | null;
}

/** Identity of a stored span (a suggestion already there is never added twice). */
const spanId = (s: Pick<StoredSuggestion, 'side' | 'sentence' | 'start' | 'end'>) => `${s.side}:${s.sentence}:${s.start}:${s.end}`;

const rel = (root: string, p: string) => relative(root, p).split(sep).join('/');
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new HostError('cancelled', 'Tagging across the project was cancelled; nothing was written.');
}

/** A sidecar's text; a symbolic link to a file outside its folder is refused, as the report store
 * does (its names would otherwise be proposed across the project). */
async function readSidecarText(path: string): Promise<string> {
  if ((await lstat(path)).isSymbolicLink()) {
    const [dir, target] = await Promise.all([realpath(dirname(path)), realpath(path).catch(() => null)]);
    if (target === null || !isInside(dir, target)) throw new HostError('permission-denied', 'it is a link to a file outside the report\'s folder');
  }
  return readFile(path, 'utf8');
}

/** Plans the propagation over every report of `root` (see the header). HostError('cancelled') when aborted. */
export async function planPropagation(root: string, opts: PlanOptions = {}): Promise<PropagationPlan> {
  // an annotation file whose source is missing is a report too: its names count, and it is named as skipped
  const found = { sidecars: [] as string[] };
  const reports = await findReports(root, found);
  const txts = [...reports, ...orphanSidecars(reports, found.sidecars)].sort((a, b) => rel(root, a).localeCompare(rel(root, b), 'en'));
  const total = txts.length * 2;
  let done = 0;
  const step = (current?: string) => opts.onProgress?.({ done: ++done, total, current });
  const plan: PropagationPlan = { reports: [], open: null, problems: [], notStarted: [] };
  // 1. every sidecar once: the project's names and history
  const read: Array<{ txt: string; file: string; annotations: Annotations | null }> = [];
  for (const txt of txts) {
    checkAborted(opts.signal);
    const file = rel(root, txt);
    try {
      const json = await readSidecarText(sidecarPath(txt));
      read.push({ txt, file, annotations: parseAnnotations(json) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        if (txt === opts.open) read.push({ txt, file, annotations: null });
        else plan.notStarted.push(file);
      } else {
        plan.problems.push({ file, message: `${basename(sidecarPath(txt))} cannot be read (${messageOf(e)}); it was left untouched.` });
      }
    }
    step(file);
  }
  // reports not read are not planned either: their second step is done
  done += txts.length - read.length;
  const history = projectHistory(read.flatMap((r) => (r.annotations ? [r.annotations] : [])));
  // the saved glossary only (what the user kept), not every tagged name of the folder: its names are
  // never held back as common words
  const glossary = await loadGlossary(root).then((g) => g.entries, () => []);
  const seeds = new Map<string, Seed[]>(read.map((r) => [r.txt, r.annotations ? seedsOf(r.annotations).map((s) => ({ ...s, entity: null })) : []]));
  // 2. each report against the others' names
  for (const { txt, file } of read) {
    checkAborted(opts.signal);
    try {
      const opened = await openReport(txt, { journalDir: opts.journalDir, abbreviations: opts.abbreviations, exceptions: opts.exceptions, journal: txt !== opts.open });
      if (opened.recovered) throw new Error('it has unsaved edits in the recovery journal; open it in Muwazi and save or discard them first');
      const others = [...seeds].filter(([k]) => k !== txt).flatMap(([, s]) => s);
      const a = opened.annotations;
      const have = new Set((a.suggestions ?? []).map(spanId));
      const fresh = propagateReport(a, opened.text, { seeds: others, history, lexicon: opts.lexicon ?? undefined, glossary }).filter((s) => !have.has(spanId(s)));
      const planned: PlannedReport = {
        path: txt, file, sidecarHash: opened.sidecarHash, suggestions: fresh.map(toStored),
        low: fresh.filter((s) => s.confidence === 'low').length, conflicts: fresh.filter((s) => s.conflict).length,
      };
      if (txt === opts.open) plan.open = planned;
      else plan.reports.push(planned);
    } catch (e) {
      if (e instanceof HostError && e.code === 'cancelled') throw e;
      plan.problems.push({ file, message: messageOf(e) });
    }
    step(file);
  }
  return plan;
}

/** The exact sidecar bytes each applied report had before, for "Undo" per report (this run of the host only). */
export class PropagationUndo {
  private readonly saved = new Map<string, { bytes: Buffer; written: string }>();

  remember(path: string, bytes: Buffer, written: string): void {
    this.saved.set(path, { bytes, written });
  }

  has(path: string): boolean {
    return this.saved.has(path);
  }

  /**
   * Puts back the sidecar of `path` as it was before the propagation, byte for byte, if it is still
   * the one written; HostError('conflict') otherwise (nothing is written), 'not-found' when there is
   * nothing to undo. Returns the restored sidecar's hash.
   */
  async undo(path: string): Promise<string> {
    const s = this.saved.get(path);
    if (!s) throw new HostError('not-found', `There is nothing to undo for ${basename(path)}.`);
    const sc = sidecarPath(path);
    const hash = sha256(s.bytes);
    await withFileLock(sc, async () => {
      if ((await currentSidecarHash(path)) !== s.written) {
        throw new HostError('conflict', `${basename(sc)} was changed after the suggestions were added; it was not restored, so those changes are kept.`);
      }
      await atomicWriteFile(sc, s.bytes, { beforeRename: () => rememberOwnWrite(sc, hash) });
    });
    this.saved.delete(path);
    return hash;
  }
}

/** The outcome of applying the plan to one report. */
export interface AppliedPropagation {
  path: string;
  file: string;
  status: 'written' | 'conflict' | 'failed';
  /** suggestions written */
  suggestions: number;
  /** why it was not written */
  message?: string;
  /** the new sidecar's hash (status 'written') */
  sidecarHash?: string;
}

/**
 * Writes the planned suggestions of each report (see the header). One report failing never
 * stops the others.
 */
export async function applyPropagation(
  planned: readonly PlannedReport[], opts: { journalDir?: string; undo?: PropagationUndo; onProgress?: PropagateProgress } = {},
): Promise<AppliedPropagation[]> {
  const out: AppliedPropagation[] = [];
  for (const p of planned) {
    opts.onProgress?.({ done: out.length, total: planned.length, current: p.file });
    const conflict = { path: p.path, file: p.file, status: 'conflict' as const, suggestions: 0, message: `${p.file} changed on disk since the preview; nothing was added to it.` };
    try {
      if (p.sidecarHash === null) throw new HostError('invalid-request', `${p.file} has no annotation file to add suggestions to.`);
      const bytes = await readFile(sidecarPath(p.path));
      if (sha256(bytes) !== p.sidecarHash) {
        out.push(conflict);
        continue;
      }
      const opened = await openReport(p.path, { journalDir: opts.journalDir });
      if (opened.recovered) throw new Error('it has unsaved edits in the recovery journal; open it in Muwazi and save or discard them first');
      if (opened.sidecarHash !== p.sidecarHash) {
        out.push(conflict);
        continue;
      }
      const a = opened.annotations;
      const have = new Set((a.suggestions ?? []).map(spanId));
      const add = p.suggestions.filter((s) => !have.has(spanId(s)));
      if (add.length === 0) {
        out.push({ path: p.path, file: p.file, status: 'written', suggestions: 0, sidecarHash: p.sidecarHash });
        continue;
      }
      const saved = await saveReport(p.path, { ...a, suggestions: [...(a.suggestions ?? []), ...add] }, p.sidecarHash, { journalDir: opts.journalDir });
      opts.undo?.remember(p.path, bytes, saved.sidecarHash);
      out.push({ path: p.path, file: p.file, status: 'written', suggestions: add.length, sidecarHash: saved.sidecarHash });
    } catch (e) {
      if (e instanceof HostError && e.code === 'conflict') out.push(conflict);
      else out.push({ path: p.path, file: p.file, status: 'failed', suggestions: 0, message: `${p.file}: ${messageOf(e)}` });
    }
  }
  opts.onProgress?.({ done: out.length, total: planned.length });
  return out;
}

/** Most previews kept for apply (a preview is applied once, soon after). */
const KEPT_PREVIEWS = 4;

/** The app's side: previews kept by job id until applied, running previews to cancel, undo. */
export class ProjectPropagation {
  private readonly previews = new Map<string, { root: string; reports: Map<string, PlannedReport> }>();
  private readonly running = new Map<string, AbortController>();
  /** job ids cancelled before their preview started (the two requests can cross) */
  private readonly cancelledEarly = new Set<string>();
  readonly undo = new PropagationUndo();

  /** Plans under `jobId` (cancel with `cancel(jobId)`); the plan is kept for `apply`. */
  async preview(root: string, jobId: string, opts: Omit<PlanOptions, 'signal'>): Promise<PropagationPlan> {
    if (this.running.has(jobId)) throw new HostError('invalid-request', `A preview with id ${jobId} is already running.`);
    const ctl = new AbortController();
    if (this.cancelledEarly.delete(jobId)) ctl.abort();
    this.running.set(jobId, ctl);
    try {
      const plan = await planPropagation(root, { ...opts, signal: ctl.signal });
      this.previews.set(jobId, { root, reports: new Map(plan.reports.map((r) => [r.path, r])) });
      while (this.previews.size > KEPT_PREVIEWS) this.previews.delete(this.previews.keys().next().value!);
      return plan;
    } finally {
      this.running.delete(jobId);
    }
  }

  cancel(jobId: string): void {
    const job = this.running.get(jobId);
    if (job) job.abort();
    else if (!this.previews.has(jobId)) {
      this.cancelledEarly.add(jobId);
      // a bounded list: ids of jobs that never come are dropped oldest first
      while (this.cancelledEarly.size > 16) this.cancelledEarly.delete(this.cancelledEarly.values().next().value!);
    }
  }

  /** Stops every running preview (the host is closing). */
  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }

  /** Applies a kept preview to the given reports (each with the hash the preview handed out). */
  async apply(root: string, jobId: string, reports: readonly { path: string; sidecarHash: string }[], opts: { journalDir?: string; onProgress?: PropagateProgress }): Promise<AppliedPropagation[]> {
    const kept = this.previews.get(jobId);
    if (!kept || kept.root !== root) throw new HostError('not-found', 'This preview is no longer available; preview again.');
    const planned: PlannedReport[] = [];
    for (const r of reports) {
      const p = kept.reports.get(r.path);
      if (!p || p.sidecarHash !== r.sidecarHash) throw new HostError('invalid-request', `Not a report of this preview: ${r.path}`);
      planned.push(p);
    }
    this.previews.delete(jobId);
    return applyPropagation(planned, { journalDir: opts.journalDir, undo: this.undo, onProgress: opts.onProgress });
  }
}
