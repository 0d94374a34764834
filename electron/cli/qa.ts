// `muwazi qa <folder|file> [--json] [--checks a,b,...] [--fail-on error|warning]`: the QA checks
// (shared/qa) over every report of a folder, or one report, so a delivery script can gate on them.
// --json prints an array of { file, row, check, severity, message, ar, en } (file relative to the
// folder, row 0-based); without it, findings grouped by report with counts per check. Skipped
// reports (corrupt or newer sidecars) are named on stderr. Exit 0 when no finding reaches
// --fail-on (default error), 1 otherwise, 2 on bad usage.
import { QA_CHECKS, SEVERITY_ORDER, type QaCheckId, type QaSeverity } from '../../shared/qa/index.ts';
import { HostError } from '../host/errors.ts';
import { cliJson, countsPerCheck, parseCheckList, reaches, runQa, type QaRunResult } from '../host/qa.ts';
import type { CliIO } from './main.ts';

export const USAGE = `usage: muwazi qa <folder|file> [--json] [--checks a,b,...] [--fail-on error|warning]
  --json              print the findings as a JSON array
  --checks a,b,...    run only these checks (default: all but the project's disabled ones):
                      ${QA_CHECKS.join(', ')}
  --fail-on LEVEL     exit 1 when a finding is at least this serious (error, the default, or warning)
`;

/** The parsed command line. */
export interface QaArgs {
  path: string;
  json: boolean;
  checks?: QaCheckId[];
  failOn: Exclude<QaSeverity, 'info'>;
}

/** Parses argv (after `qa`); a message for a usage error. */
export function parseQaArgs(argv: readonly string[]): QaArgs | { error: string } {
  let json = false;
  let checks: QaCheckId[] | undefined;
  let failOn: QaArgs['failOn'] = 'error';
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | null => (eq > 0 ? a.slice(eq + 1) : (argv[++i] ?? null));
    if (name === '--json' && eq < 0) json = true;
    else if (name === '--checks') {
      const v = value();
      if (v === null || v.trim() === '' || v.startsWith('--')) return { error: '--checks needs a comma-separated list of checks' };
      try {
        checks = parseCheckList(v.split(','));
      } catch (e) {
        return { error: (e as Error).message };
      }
    } else if (name === '--fail-on') {
      const v = value();
      if (v !== 'error' && v !== 'warning') return { error: `--fail-on must be error or warning, not '${v ?? ''}'` };
      failOn = v;
    } else if (a.startsWith('-') && a !== '-') return { error: `unknown option '${a}'` };
    else positional.push(a);
  }
  if (positional.length !== 1) return { error: positional.length ? `expected one folder or file, got ${positional.length}` : 'missing <folder|file>' };
  return { path: positional[0], json, checks, failOn };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** The human-readable listing: findings grouped by report, then counts per check. */
export function formatText(r: QaRunResult): string {
  const lines: string[] = [];
  let file: string | null = null;
  for (const f of r.findings) {
    if (f.file !== file) {
      if (file !== null) lines.push('');
      file = f.file;
      lines.push(`${f.file}`);
    }
    lines.push(`  row ${f.row}  ${f.severity.padEnd(7)}  ${f.check}: ${f.message}`);
  }
  if (r.findings.length) lines.push('');
  const per = countsPerCheck(r.findings);
  if (per.length) {
    const w = Math.max(...per.map((c) => c.check.length));
    for (const c of per) {
      const by = SEVERITY_ORDER.filter((s) => c[s]).map((s) => `${c[s]} ${s}`).join(', ');
      lines.push(`${c.check.padEnd(w)}  ${c.total}  (${by})`);
    }
  }
  const sev = SEVERITY_ORDER.map((s) => `${r.findings.filter((f) => f.severity === s).length} ${s}`).join(', ');
  const notStarted = r.notStarted.length ? `; ${plural(r.notStarted.length, 'report')} not started` : '';
  const skipped = r.warnings.length ? `; ${plural(r.warnings.length, 'warning')}` : '';
  lines.push(`${plural(r.findings.length, 'finding')} (${sev}) in ${plural(r.reports, 'report')}${notStarted}${skipped}`);
  return lines.join('\n') + '\n';
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const args = parseQaArgs(argv);
  if ('error' in args) {
    io.err(`muwazi qa: ${args.error}\n${USAGE}`);
    return 2;
  }
  let result: QaRunResult;
  try {
    result = await runQa(args.path, { checks: args.checks });
  } catch (e) {
    if (e instanceof HostError) {
      io.err(`muwazi qa: ${e.message}\n${e.code === 'not-found' || e.code === 'invalid-request' ? USAGE : ''}`);
      return e.code === 'not-found' || e.code === 'invalid-request' ? 2 : 1;
    }
    throw e;
  }
  for (const w of result.warnings) io.err(`muwazi qa: ${w}\n`);
  io.out(args.json ? JSON.stringify(cliJson(result.findings), null, 2) + '\n' : formatText(result));
  return result.findings.some((f) => reaches(f.severity, args.failOn)) ? 1 : 0;
}
