// `muwazi entities <folder> --propagate [--dry-run] [--json]`: "tag all occurrences" across the
// project. Every name tagged in any report of the folder is searched in every report that has a
// sidecar (shared/entities/propagate-report.ts: longer names win, type conflicts flagged, common
// words and names the project keeps rejecting held back as low confidence, rejected suggestions
// never proposed again), and the new suggestions are written into each sidecar's `suggestions`
// array as pending (never as mentions: the user accepts them in the editor). Each report is saved
// through the report store's saveReport, a compare-and-swap under the sidecar's lock, so a sidecar
// changed meanwhile is reported, not overwritten; a report with unsaved edits in the app's recovery
// journal is skipped. --dry-run counts without writing. Exit 0, 1 when the folder cannot be read.
import { resolve } from 'node:path';
import { applyPropagation, planPropagation } from '../host/project-propagate.ts';
import { loadLexicon } from '../host/lexicon.ts';
import { appAssetsDir } from './lexicon.ts';
import type { CliIO } from './main.ts';

/** One report's result. */
export interface PropagateReportResult {
  /** path relative to the folder (forward slashes) */
  report: string;
  /** new suggestions (written, or that would be with --dry-run) */
  suggestions: number;
  /** of which low confidence (not part of "accept all") */
  low: number;
  /** of which carry a type conflict */
  conflicts: number;
}

/** The JSON printed by `--propagate --json`. */
export interface PropagateOutput {
  /** absolute path of the folder */
  folder: string;
  dryRun: boolean;
  /** reports with a sidecar, in folder order (those with no new suggestion too) */
  reports: PropagateReportResult[];
  /** sum of `suggestions` */
  total: number;
  /** reports skipped: unreadable sidecar, unsaved edits in the recovery journal, changed on disk */
  problems: Array<{ report: string; message: string }>;
}

export async function runPropagate(folderArg: string, opts: { json: boolean; dryRun: boolean }, io: CliIO): Promise<number> {
  const folder = resolve(folderArg);
  let plan;
  try {
    // the app's code path (electron/host/project-propagate.ts): plan, then write unless --dry-run
    const lexicon = loadLexicon(appAssetsDir());
    if (!lexicon) io.err('note: the word list assets/lexicon/ar-en.tsv was not found: names that are also common words are not held back\n');
    plan = await planPropagation(folder, { lexicon });
  } catch (e) {
    io.err(`muwazi entities: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const out: PropagateOutput = { folder, dryRun: opts.dryRun, reports: [], total: 0, problems: plan.problems.map((p) => ({ report: p.file, message: p.message })) };
  const failed = new Set<string>();
  if (!opts.dryRun) {
    for (const r of await applyPropagation(plan.reports.filter((p) => p.suggestions.length))) {
      if (r.status === 'written') continue;
      failed.add(r.file);
      out.problems.push({ report: r.file, message: r.message ?? r.status });
    }
  }
  for (const p of plan.reports) {
    if (failed.has(p.file)) continue;
    out.reports.push({ report: p.file, suggestions: p.suggestions.length, low: p.low, conflicts: p.conflicts });
    out.total += p.suggestions.length;
  }
  for (const p of out.problems) io.err(`muwazi entities: skipped ${p.report}: ${p.message}\n`);
  io.out(opts.json ? JSON.stringify(out, null, 2) + '\n' : formatPropagate(out));
  return 0;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The human-readable listing: one line per report, then the total. */
export function formatPropagate(o: PropagateOutput): string {
  const lines = o.reports.map((r) => `${r.report}: ${plural(r.suggestions, 'suggestion')} (${r.low} low confidence, ${plural(r.conflicts, 'type conflict')})`);
  lines.push(`${plural(o.total, 'suggestion')} ${o.dryRun ? 'would be written (dry run: nothing written)' : 'written'} in ${plural(o.reports.length, 'report')} of ${o.folder}`);
  return lines.join('\n') + '\n';
}
