// `muwazi tm <folder> --query <text> [--lang ar|en] [--min 0.5] [--limit 5] [--json]`: the project
// memory's best matches for a sentence, best first. `--json` prints an array of
// { score, ar, en, file, row } (file relative to the folder; row 0-based in the report's row order,
// or the unit's index in a tm/ TMX file).
// `muwazi tm <folder> --export <out.tmx>`: the whole project memory as TMX 1.4b.
// Problems met reading the project (a corrupt sidecar, a malformed TMX) go to stderr and are skipped.
// Exit 0; 1 when the folder cannot be read or the file not written; 2 on a usage error.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { memoryToTmx } from '../../shared/tm/tmx-export.ts';
import { atomicWriteFile } from '../host/atomic-write.ts';
import { ProjectMemory } from '../host/tm.ts';
import type { CliIO } from './main.ts';

export const USAGE =
  'usage: muwazi tm <folder> --query <text> [--lang ar|en] [--min 0.5] [--limit 5] [--json]\n' +
  '       muwazi tm <folder> --export <out.tmx>\n';

/** One match as `--json` prints it. */
export interface TmJsonMatch {
  score: number;
  ar: string;
  en: string;
  file: string;
  row: number;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const usage = (why: string) => {
    io.err(`muwazi tm: ${why}\n${USAGE}`);
    return 2;
  };
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        query: { type: 'string' }, export: { type: 'string' }, lang: { type: 'string' }, min: { type: 'string' },
        limit: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
  const v = args.values;
  if (v.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) return usage(args.positionals.length ? 'expected one folder' : 'missing <folder>');
  if ((v.query === undefined) === (v.export === undefined)) return usage('give either --query <text> or --export <out.tmx>');
  if (v.lang !== undefined && v.lang !== 'ar' && v.lang !== 'en') return usage(`--lang is ar or en, not '${v.lang}'`);
  const min = v.min === undefined ? 0.5 : Number(v.min);
  if (!(min >= 0 && min <= 1) || v.min === '') return usage(`--min is a number from 0 to 1, not '${v.min}'`);
  const limit = v.limit === undefined ? 5 : Number(v.limit);
  if (!Number.isInteger(limit) || limit < 1) return usage(`--limit is a whole number from 1, not '${v.limit}'`);
  if (v.export !== undefined && !/\.tmx$/i.test(v.export)) return usage(`the memory is exported as a .tmx file: ${v.export}`);

  const folder = resolve(args.positionals[0]);
  if (!(await stat(folder).catch(() => null))?.isDirectory()) {
    io.err(`muwazi tm: not a folder: ${folder}\n`);
    return 1;
  }
  const memory = await ProjectMemory.load(folder);
  for (const w of memory.warnings()) io.err(`muwazi tm: ${w}\n`);

  if (v.export !== undefined) {
    const out = resolve(v.export);
    const warnings: string[] = [];
    const units = memory.units();
    await mkdir(dirname(out), { recursive: true });
    await atomicWriteFile(out, memoryToTmx(units, { warn: (m) => warnings.push(m) }), { backup: false });
    for (const w of warnings) io.err(`muwazi tm: ${w}\n`);
    io.err(`muwazi tm: wrote ${units.length} translation ${units.length === 1 ? 'unit' : 'units'} to ${out}\n`);
    return 0;
  }
  const matches = memory.lookup(v.query!, { lang: v.lang as 'ar' | 'en' | undefined, min, limit });
  const rows: TmJsonMatch[] = matches.map((m) => ({ score: m.score, ar: m.ar, en: m.en, file: m.origin.file, row: m.origin.row }));
  if (v.json) io.out(JSON.stringify(rows, null, 2) + '\n');
  else if (!rows.length) io.out(`No match of ${Math.round(min * 100)}% or more among ${memory.size} translation units.\n`);
  else {
    io.out(rows.map((m, i) => `${matches[i].origin.kind === 'tmx' ? `${m.file} unit ${m.row}` : `${m.file} row ${m.row}`}  ${Math.floor(m.score * 100)}%\n  ar: ${m.ar}\n  en: ${m.en}\n`).join('\n'));
  }
  return 0;
}
