// `muwazi entities <folder> --propagate [--dry-run] [--json]`: "tag all occurrences" across the
// project. Every name tagged in any report of the folder is searched in every report that has a
// sidecar (shared/entities/propagate-report.ts: longer names win, type conflicts flagged, common
// words and names the project keeps rejecting held back as low confidence, rejected suggestions
// never proposed again), and the new suggestions are written into each sidecar's `suggestions`
// array as pending (never as mentions: the user accepts them in the editor). Each report is saved
// through the report store's saveReport, a compare-and-swap under the sidecar's lock, so a sidecar
// changed meanwhile is reported, not overwritten; a report with unsaved edits in the app's recovery
// journal is skipped. --dry-run counts without writing. Exit 0, 1 when the folder cannot be read.
// The app's word list (assets/lexicon) holds back names that are also common words where the row's
// English reads them as the word; the names of the folder's saved glossary never are.
import { join, resolve } from 'node:path';
import { propagateReport, projectHistory, seedsOf, toStored, type RankedSuggestion, type Seed } from '../../shared/entities/propagate-report.ts';
import type { StoredSuggestion } from '../../shared/model/types.ts';
import { loadGlossary, readFolderAnnotations } from '../host/glossary.ts';
import { loadLexicon } from '../host/lexicon.ts';
import { appAssetsDir } from './lexicon.ts';
import { openReport, saveReport } from '../host/report-store.ts';
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

/** Identity of a stored span (a suggestion already there is never added twice). */
const spanId = (s: Pick<StoredSuggestion, 'side' | 'sentence' | 'start' | 'end'>) => `${s.side}:${s.sentence}:${s.start}:${s.end}`;

export async function runPropagate(folderArg: string, opts: { json: boolean; dryRun: boolean }, io: CliIO): Promise<number> {
  const folder = resolve(folderArg);
  let anns;
  try {
    anns = await readFolderAnnotations(folder);
  } catch (e) {
    io.err(`muwazi entities: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const history = projectHistory(anns.reports.map((r) => r.annotations));
  const lexicon = loadLexicon(appAssetsDir());
  if (!lexicon) io.err('note: the word list assets/lexicon/ar-en.tsv was not found: names that are also common words are not held back\n');
  // the saved glossary only (what the user kept), not every tagged name of the folder
  const glossary = await loadGlossary(folder).then((g) => g.entries, () => []);
  const seeds = new Map<string, Seed[]>(anns.reports.map((r) => [r.report, seedsOf(r.annotations).map((s) => ({ ...s, entity: null }))]));
  const out: PropagateOutput = { folder, dryRun: opts.dryRun, reports: [], total: 0, problems: [...anns.problems] };
  for (const { report } of anns.reports) {
    const txtPath = join(folder, ...report.split('/'));
    try {
      const opened = await openReport(txtPath);
      if (opened.recovered) throw new Error('it has unsaved edits in the recovery journal; open it in Muwazi and save or discard them first');
      const others = [...seeds].filter(([k]) => k !== report).flatMap(([, s]) => s);
      const a = opened.annotations;
      const have = new Set((a.suggestions ?? []).map(spanId));
      const fresh: RankedSuggestion[] = propagateReport(a, opened.text, { seeds: others, history, lexicon, glossary }).filter((s) => !have.has(spanId(s)));
      const result: PropagateReportResult = { report, suggestions: fresh.length, low: fresh.filter((s) => s.confidence === 'low').length, conflicts: fresh.filter((s) => s.conflict).length };
      if (fresh.length && !opts.dryRun) {
        await saveReport(txtPath, { ...a, suggestions: [...(a.suggestions ?? []), ...fresh.map(toStored)] }, opened.sidecarHash);
      }
      out.reports.push(result);
      out.total += fresh.length;
    } catch (e) {
      out.problems.push({ report, message: e instanceof Error ? e.message : String(e) });
    }
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
