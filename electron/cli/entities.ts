// `muwazi entities <folder> [--json] [--glossary-tsv <out>]`: the folder's entities (grouped across
// reports by type and main form), with mention counts, Arabic and English forms and the reports
// they appear in, then Arabic names rendered in more than one way. Reads the sidecars only.
// Unreadable sidecars are reported on stderr and skipped. `--glossary-tsv` also writes the project
// glossary (muwazi.glossary.tsv merged with the sidecars, as the app shows it) to a .tsv file,
// atomically; stdout is unchanged by it. Exit 0, 1 when the folder or the file cannot be read or
// written, 2 on a usage error. `--propagate [--dry-run]` writes suggestions across the project
// instead (electron/cli/entities-propagate.ts).
import { resolve } from 'node:path';
import { findInconsistencies, type Inconsistency } from '../../shared/entities/glossary.ts';
import { summarizeEntities, type EntitySummary, type FormCount } from '../../shared/entities/summary.ts';
import { collectFolderGlossary, exportGlossary } from '../host/glossary.ts';
import { runPropagate } from './entities-propagate.ts';
import type { CliIO } from './main.ts';

export const USAGE = 'usage: muwazi entities <folder> [--json] [--glossary-tsv <out.tsv>]\n       muwazi entities <folder> --propagate [--dry-run] [--json]\n';

/** The JSON printed by `--json`. */
export interface EntitiesOutput {
  /** absolute path of the folder */
  folder: string;
  /** reports found / with a readable sidecar */
  reports: number;
  annotated: number;
  entities: EntitySummary[];
  /** Arabic forms with several English renderings (from the sidecars and the saved glossary) */
  inconsistent: Inconsistency[];
  /** sidecars that could not be read */
  problems: Array<{ report: string; message: string }>;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const json = argv.includes('--json');
  // --glossary-tsv takes the next argument as its value (also --glossary-tsv=<out>)
  let tsvOut: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--glossary-tsv') {
      tsvOut = argv[++i];
      if (tsvOut === undefined || tsvOut === '') {
        io.err('muwazi entities: --glossary-tsv needs a file name\n' + USAGE);
        return 2;
      }
    } else if (a.startsWith('--glossary-tsv=')) tsvOut = a.slice('--glossary-tsv='.length);
    else rest.push(a);
  }
  const propagate = rest.includes('--propagate');
  const dryRun = rest.includes('--dry-run');
  const allowed = new Set(propagate ? ['--json', '--propagate', '--dry-run'] : ['--json']);
  const bad = rest.find((a) => a.startsWith('-') && !allowed.has(a)) ?? (propagate && tsvOut !== undefined ? '--glossary-tsv' : undefined);
  const positional = rest.filter((a) => !a.startsWith('-'));
  if (bad || positional.length !== 1) {
    io.err((bad ? `muwazi entities: unknown option '${bad}'\n` : positional.length ? 'muwazi entities: expected one folder\n' : 'muwazi entities: missing <folder>\n') + USAGE);
    return 2;
  }
  if (tsvOut !== undefined && !/\.tsv$/i.test(tsvOut)) {
    io.err(`muwazi entities: the glossary is written as a .tsv file: ${tsvOut}\n` + USAGE);
    return 2;
  }
  if (propagate) return runPropagate(positional[0], { json, dryRun }, io);
  const folder = resolve(positional[0]);
  const { entries, folder: anns, problems: tsvProblems } = await collectFolderGlossary(folder);
  if (tsvOut !== undefined) {
    const out = resolve(tsvOut);
    try {
      const n = await exportGlossary(folder, out, entries);
      io.err(`muwazi entities: wrote ${n} glossary ${n === 1 ? 'pair' : 'pairs'} to ${out}\n`);
    } catch (e) {
      io.err(`muwazi entities: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  }
  const output: EntitiesOutput = {
    folder,
    reports: anns.reports.length + anns.unannotated.length + anns.problems.length,
    annotated: anns.reports.length,
    entities: summarizeEntities(anns.reports),
    inconsistent: findInconsistencies(entries),
    problems: anns.problems,
  };
  for (const p of anns.problems) io.err(`muwazi entities: skipped ${p.report}: ${p.message}\n`);
  for (const p of tsvProblems) io.err(`muwazi entities: muwazi.glossary.tsv: ${p.message}\n`);
  io.out(json ? JSON.stringify(output, null, 2) + '\n' : formatText(output));
  return 0;
}

const forms = (fs: FormCount[]) => (fs.length ? fs.map((f) => `${f.form} (${f.count})`).join(', ') : '—');
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The human-readable listing: one line per entity, then the inconsistent renderings. */
export function formatText(o: EntitiesOutput): string {
  const lines = [`${o.entities.length} ${o.entities.length === 1 ? 'entity' : 'entities'} in ${plural(o.annotated, 'annotated report')} (of ${o.reports}) in ${o.folder}`];
  const width = Math.max(4, ...o.entities.map((e) => e.type.length));
  for (const e of o.entities) {
    lines.push(`${e.type.padEnd(width)}  ${forms(e.ar)}  ↔  ${forms(e.en)}  ·  ${plural(e.mentions, 'mention')} (ar ${e.arMentions}, en ${e.enMentions})  ·  ${e.reports.join(', ')}`);
  }
  if (o.inconsistent.length) {
    lines.push('', 'Inconsistent renderings:');
    for (const i of o.inconsistent) lines.push(`${i.type.padEnd(width)}  ${i.ar}  →  ${i.renderings.map((r) => `${r.en} (${r.count})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
