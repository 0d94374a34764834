// `muwazi export <folder|file> --format FMT [--out PATH] [options]`: the same export job as the
// app's File → Export… (electron/host/export.ts). A progress bar goes to stderr only when it is a
// terminal; the summary line goes to stdout; warnings go to stderr. Exit 0 on success, 1 on a
// failed export, 2 on a usage error, 130 when interrupted (Ctrl+C removes partial output).
import { resolve, sep } from 'node:path';
import { ExportFormatSchema, type ExportFormat, type ExportOptions, type ExportSummary } from '../../shared/contract/host.ts';
import { STATUS_ORDER } from '../../shared/formats/rows.ts';
import { HostError } from '../host/errors.ts';
import { runExport, type ExportHooks } from '../host/export.ts';
import { loadWordList } from '../host/lexicon.ts';
import { appAssetsDir } from './lexicon.ts';
import { countsPerCheck, reaches, runQa } from '../host/qa.ts';
import type { CliIO } from './main.ts';

/** Why the export is refused (QA findings at `level` or worse remain, with counts per check), or null. */
export async function qaGate(path: string, level: 'error' | 'warning'): Promise<string | null> {
  const r = await runQa(path);
  const blocking = r.findings.filter((f) => reaches(f.severity, level));
  if (blocking.length === 0) return null;
  const per = countsPerCheck(blocking).map((c) => `${c.check} ${c.total}`).join(', ');
  return `not exported: ${blocking.length} QA finding${blocking.length === 1 ? '' : 's'} at level ${level} or above remain (${per}); run muwazi qa ${JSON.stringify(path)} to see them`;
}

export const USAGE = `usage: muwazi export <folder|file> --format ${ExportFormatSchema.options.join('|')} [--out PATH] [options]
  --out PATH            output file, prefix (moses, conll) or folder; default <folder>/export/
  --min-status S        keep rows with status at least S (${STATUS_ORDER.join(' < ')})
  --only-1-1            keep only one-to-one links
  --dedupe              drop repeated (Arabic, English) pairs
  --keep-untranslated   keep rows without English (parallel formats; conll, brat, spans always do)
  --normalize-arabic    normalise the Arabic text (parallel formats only)
  --clitics             split Arabic clitics (conll)
  --include-unannotated also write reports with no tagged entity (conll, brat, spans; left out by default)
  --qa-fail-on LEVEL    refuse to export while QA findings at this level remain (error or warning; see muwazi qa)
`;

/** Parsed command line of `muwazi export`. */
export interface ExportArgs {
  path: string;
  format: ExportFormat;
  out?: string;
  options: ExportOptions;
  /** refuse to export while QA findings reach this level (`--qa-fail-on`) */
  qaFailOn?: 'error' | 'warning';
}

/** Parses argv (after `export`); returns a message for a usage error. */
export function parseExportArgs(argv: string[]): ExportArgs | { error: string } {
  const options: ExportOptions = {};
  let format: string | undefined;
  let out: string | undefined;
  let qaFailOn: ExportArgs['qaFailOn'];
  const positional: string[] = [];
  type Flag = 'onlyOneToOne' | 'dedupe' | 'keepUntranslated' | 'normalizeArabic' | 'clitics' | 'includeUnannotated';
  const flags: Record<string, Flag> = {
    '--only-1-1': 'onlyOneToOne',
    '--dedupe': 'dedupe',
    '--keep-untranslated': 'keepUntranslated',
    '--normalize-arabic': 'normalizeArabic',
    '--clitics': 'clitics',
    '--include-unannotated': 'includeUnannotated',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
      return v;
    };
    try {
      if (name === '--format') format = value();
      else if (name === '--out') out = value();
      else if (name === '--qa-fail-on') {
        const v = value();
        if (v !== 'error' && v !== 'warning') return { error: `--qa-fail-on must be error or warning, not '${v}'` };
        qaFailOn = v;
      }
      else if (name === '--min-status') {
        const s = value();
        if (!(STATUS_ORDER as readonly string[]).includes(s)) return { error: `--min-status must be one of ${STATUS_ORDER.join(', ')}, not '${s}'` };
        options.minStatus = s as ExportOptions['minStatus'];
      } else if (name in flags && eq < 0) options[flags[name]] = true;
      else if (a.startsWith('-') && a !== '-') return { error: `unknown option '${a}'` };
      else positional.push(a);
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  if (positional.length !== 1) return { error: positional.length ? `expected one folder or file, got ${positional.length}` : 'missing <folder|file>' };
  if (!format) return { error: '--format is required' };
  const f = ExportFormatSchema.safeParse(format);
  if (!f.success) return { error: `unknown format '${format}' (use ${ExportFormatSchema.options.join(', ')})` };
  // resolve() drops a trailing separator, which is what tells the exporter "a folder" (newdir/)
  const outPath = out === undefined ? undefined : resolve(out) + (/[\\/]$/.test(out) ? sep : '');
  return { path: resolve(positional[0]), format: f.data, out: outPath, options, ...(qaFailOn ? { qaFailOn } : {}) };
}

/** One line: what was written, what was skipped and why. */
export function summaryLine(s: ExportSummary): string {
  const skipped = s.skipped.length ? `; skipped ${s.skipped.map((x) => `${x.count} ${x.reason}`).join(', ')}` : '';
  const bidi = s.bidiControls ? `; ${s.bidiControls} bidi control characters preserved` : '';
  const warn = s.warnings.length ? `; ${s.warnings.length} warning${s.warnings.length === 1 ? '' : 's'}` : '';
  return `exported ${s.rows} row${s.rows === 1 ? '' : 's'} from ${s.reports} report${s.reports === 1 ? '' : 's'}${skipped}${bidi}${warn} → ${s.files.join(', ')}\n`;
}

export async function run(argv: string[], io: CliIO, hooks: Pick<ExportHooks, 'signal' | 'load'> = {}): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const args = parseExportArgs(argv);
  if ('error' in args) {
    io.err(`muwazi export: ${args.error}\n${USAGE}`);
    return 2;
  }
  if (args.qaFailOn) {
    // the gate: QA with the project's checks; nothing is written while findings at that level remain
    const gate = await qaGate(args.path, args.qaFailOn).catch((e: unknown) => (e instanceof HostError ? e.message : Promise.reject(e)));
    if (gate !== null) {
      io.err(`muwazi export: ${gate}\n`);
      return 1;
    }
  }
  const ctl = new AbortController();
  if (hooks.signal?.aborted) ctl.abort();
  else hooks.signal?.addEventListener('abort', () => ctl.abort(), { once: true });
  const onSigint = () => ctl.abort();
  process.once('SIGINT', onSigint);
  let barShown = false;
  try {
    const summary = await runExport(
      { path: args.path, format: args.format, out: args.out, options: args.options, jobId: 'cli' },
      {
        signal: ctl.signal,
        load: hooks.load,
        // the word list (≈ 0.2 s to read) only where clitics are split
        wordList: args.format === 'conll' && args.options.clitics ? loadWordList(appAssetsDir()) : undefined,
        onProgress: io.isTTY
          ? (p) => {
              barShown = true;
              io.err('\r' + progressBar(p.done, p.total, p.current));
            }
          : undefined,
      },
    );
    if (barShown) io.err('\r\x1b[K');
    for (const w of summary.warnings) io.err(`warning: ${w}\n`);
    io.out(summaryLine(summary));
    return 0;
  } catch (e) {
    if (barShown) io.err('\r\x1b[K');
    if (e instanceof HostError) {
      io.err(`muwazi export: ${e.message}\n`);
      return e.code === 'cancelled' ? 130 : 1;
    }
    const err = e as NodeJS.ErrnoException;
    const where = err.path ? ` (${err.path})` : '';
    io.err(`muwazi export: ${err.code ? `${err.code}${where}: ` : ''}${err.message ?? String(e)}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** `[#####.....]  12/100  name`, fitted to 80 columns. */
export function progressBar(done: number, total: number, current?: string): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const label = current ? '  ' + current : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${label}`.slice(0, 79).padEnd(79);
}
