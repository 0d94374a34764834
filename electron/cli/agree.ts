// `muwazi agree <dirA> <dirB> [--json]` and `muwazi agree [folder] --rev A --rev B [--json]`:
// inter-annotator agreement between two copies of the same reports (two folders, or two git
// revisions of one folder): entity exact-span F1 and token kappa (overall and per type), entity
// link F1, alignment link F1, row status agreement; per report and overall. A table, or JSON.
// Exit 0 with figures, 1 when no report is in both copies, 2 for a usage error.
import type { CliIO } from './main.ts';
import { folderAgreement, revisionAgreement, type AgreementReport } from '../host/agree.ts';
import type { AgreementFigures } from '../../shared/team/agree.ts';

const USAGE = 'usage: muwazi agree <dirA> <dirB> [--json] | agree [folder] --rev A --rev B [--json]';

const num = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/** The human table: one line per report and the overall line, then the per-type figures overall. */
export function formatTable(r: AgreementReport): string {
  const head = ['report', 'entity F1', 'kappa', 'e-link F1', 'align F1', 'status', 'rows'];
  const line = (name: string, f: AgreementFigures) => [name, num(f.entities.f1), num(f.entities.kappa), num(f.entityLinks.f1), num(f.alignment.linkF1), num(f.status.agreement), String(f.status.rows)];
  const rows = [head, ...r.reports.map((x) => line(x.name, x.figures)), line('(all reports)', r.overall)];
  const widths = head.map((_, i) => Math.max(...rows.map((row) => [...row[i]].length)));
  const fmt = (row: string[]) => row.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i] - [...c].length) : c.padStart(widths[i]))).join('  ').trimEnd();
  const out = rows.map(fmt);
  const types = Object.entries(r.overall.entities.byType);
  if (types.length) out.push('', 'per type (all reports): ' + types.map(([t, f]) => `${t} F1 ${num(f.f1)} kappa ${num(f.kappa)}`).join('; '));
  out.push(`mentions: ${r.overall.entities.mentions[0]} and ${r.overall.entities.mentions[1]}; tokens compared: ${r.overall.entities.tokens}`);
  for (const s of r.skipped) out.push(`skipped ${s.name}: ${s.reason}`);
  return out.join('\n') + '\n';
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const positional: string[] = [];
  const revs: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--rev') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) {
        io.err(`muwazi agree: --rev needs a revision\n${USAGE}\n`);
        return 2;
      }
      revs.push(v);
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`muwazi agree: unknown option '${a}'\n${USAGE}\n`);
      return 2;
    } else positional.push(a);
  }
  const byRev = revs.length > 0;
  if (byRev ? revs.length !== 2 || positional.length > 1 : positional.length !== 2) {
    io.err(`muwazi agree: ${byRev ? 'give --rev twice and at most one folder' : 'expected two folders'}\n${USAGE}\n`);
    return 2;
  }
  let r: AgreementReport;
  try {
    r = byRev ? await revisionAgreement(positional[0] ?? '.', revs[0], revs[1]) : await folderAgreement(positional[0], positional[1]);
  } catch (e) {
    io.err(`muwazi agree: ${(e as Error).message}\n`);
    return 2;
  }
  io.out(json ? JSON.stringify(r, null, 2) + '\n' : formatTable(r));
  if (r.reports.length === 0) {
    io.err('muwazi agree: no report has annotations in both copies\n');
    return 1;
  }
  return 0;
}
