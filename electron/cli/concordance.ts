// `muwazi concordance <folder> <term> [--lang ar|en] [--json]`: every row of the folder's reports
// holding a word or phrase, found as the editor's find finds it (harakat, hamza forms, ى/ي, ة/ه and
// digit scripts ignored; inside clitic-joined words too). Without --lang both sides are searched.
// `--json` prints an array of { file, row, side, start, end, text, ar, en }: offsets in code points
// into that side's text (the row's sentences joined with a space), text = that slice.
// Exit 0; 1 when the folder cannot be read; 2 on a usage error.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ProjectMemory } from '../host/tm.ts';
import type { CliIO } from './main.ts';

export const USAGE = 'usage: muwazi concordance <folder> <term> [--lang ar|en] [--json]\n';

/** One occurrence as `--json` prints it. */
export interface ConcordanceJsonHit {
  file: string;
  row: number;
  side: 'ar' | 'en';
  start: number;
  end: number;
  text: string;
  ar: string;
  en: string;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const usage = (why: string) => {
    io.err(`muwazi concordance: ${why}\n${USAGE}`);
    return 2;
  };
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  const [dir, term, ...extra] = args.positionals;
  if (!dir) return usage('missing <folder>');
  if (!term?.trim()) return usage('missing <term>');
  if (extra.length) return usage('expected a folder and one term (quote a phrase)');
  const lang = args.values.lang;
  if (lang !== undefined && lang !== 'ar' && lang !== 'en') return usage(`--lang is ar or en, not '${lang}'`);
  const folder = resolve(dir);
  if (!(await stat(folder).catch(() => null))?.isDirectory()) {
    io.err(`muwazi concordance: not a folder: ${folder}\n`);
    return 1;
  }
  const memory = await ProjectMemory.load(folder);
  for (const w of memory.warnings()) if (!w.startsWith('Skipped tm/')) io.err(`muwazi concordance: ${w}\n`);
  const { hits } = memory.concordance(term, { lang, limit: Infinity });
  const out: ConcordanceJsonHit[] = hits.map((h) => ({ file: h.file, row: h.row, side: h.side, start: h.start, end: h.end, text: h.text, ar: h.ar, en: h.en }));
  if (args.values.json) io.out(JSON.stringify(out, null, 2) + '\n');
  else if (!out.length) io.out(`No row holds "${term}".\n`);
  else {
    io.out(out.map((h) => {
      const cps = Array.from(h[h.side]);
      // the row's text on that side with the occurrence between brackets
      const line = cps.slice(0, h.start).join('') + '[' + h.text + ']' + cps.slice(h.end).join('');
      return `${h.file} row ${h.row} (${h.side}): ${line}`;
    }).join('\n') + '\n');
  }
  return 0;
}
