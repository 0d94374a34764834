// `muwazi segment <file> [--lang ar|en] [--json] [--no-project]`: prints the file's sentences, one
// per line, or with --json an array of {start, end, text} (code points into the decoded file text).
// A file inside a project (muwazi.project.json in its folder or one above) is segmented with the
// project's abbreviations and exceptions, as the app would; --no-project ignores them.
import { readFile, stat } from 'node:fs/promises';
import { decodeText, DecodeError } from '../../shared/text/decode.ts';
import { guessLanguage } from '../../shared/text/script.ts';
import { segmentSentences, type SegmentRules } from '../../shared/text/segment.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';
import { toFailure } from '../host/errors.ts';
import { MAX_SOURCE_BYTES, tooLargeMessage } from '../host/limits.ts';
import type { CliIO } from './main.ts';

/** Parsed arguments shared by the segment and tokenize commands. */
export interface TextCommandArgs {
  /** the input file */
  file: string;
  /** explicit language, or undefined to guess from the script */
  lang?: 'ar' | 'en';
  /** print JSON instead of plain lines */
  json: boolean;
  /** tokenize only: split Arabic clitics */
  clitics: boolean;
  /** use the abbreviations of the file's project (false with --no-project) */
  project: boolean;
}

/** Parses `<file> [--lang ar|en] [--json] [--clitics] [--no-project]`; returns an error message on bad input. */
export function parseTextArgs(argv: string[], allowClitics: boolean): TextCommandArgs | string {
  const args: TextCommandArgs = { file: '', json: false, clitics: false, project: true };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--json') args.json = true;
    else if (a === '--no-project') args.project = false;
    else if (a === '--clitics' && allowClitics) args.clitics = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? argv[++k] : a.slice('--lang='.length);
      if (v !== 'ar' && v !== 'en') return `--lang must be 'ar' or 'en' (got '${v ?? ''}')`;
      args.lang = v;
    } else if (a.startsWith('-')) return `unknown option '${a}'`;
    else if (args.file) return `only one file, please (got '${args.file}' and '${a}')`;
    else args.file = a;
  }
  if (!args.file) return 'missing <file>';
  return args;
}

/** Reads and decodes a text file; on failure writes a clear message and returns null. Files over the
 * report limit are refused with the store's message before anything is read (a 100 MB file once
 * took 538 MB of memory here). */
export async function readTextFile(file: string, io: CliIO, command: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_SOURCE_BYTES) {
      io.err(`muwazi ${command}: ${tooLargeMessage(file, size)}\n`);
      return null;
    }
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    io.err(`muwazi ${command}: cannot read '${file}': ${why}\n`);
    return null;
  }
  try {
    return decodeText(bytes).text;
  } catch (e) {
    if (e instanceof DecodeError) {
      io.err(`muwazi ${command}: cannot read '${file}' as text (${e.code}): ${e.message}\n`);
      return null;
    }
    throw e;
  }
}

/** The segmentation rules (abbreviations and exceptions) of `file`'s project (none outside one or
 * when `use` is false); on a corrupt settings file writes a clear message and returns null. */
export async function cliSegmentRules(file: string, use: boolean, io: CliIO, command: string): Promise<SegmentRules | null> {
  if (!use) return {};
  try {
    // loaded here: the settings schema is not needed by `align --presegmented` (start-up time)
    const { projectSegmentRules } = await import('../host/project-settings.ts');
    return await projectSegmentRules(file);
  } catch (e) {
    io.err(`muwazi ${command}: ${toFailure(e).message} (--no-project ignores it)\n`);
    return null;
  }
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseTextArgs(argv, false);
  if (typeof args === 'string') {
    io.err(`muwazi segment: ${args}\nusage: muwazi segment <file> [--lang ar|en] [--json] [--no-project]\n`);
    return 2;
  }
  const text = await readTextFile(args.file, io, 'segment');
  if (text === null) return 1;
  const rules = await cliSegmentRules(args.file, args.project, io, 'segment');
  if (rules === null) return 1;
  const spans = segmentSentences(text, { lang: args.lang ?? guessLanguage(text), ...rules });
  const map = new OffsetMap(text);
  if (args.json) {
    io.out(JSON.stringify(spans.map((s) => ({ start: s.start, end: s.end, text: map.slice(s.start, s.end) })), null, 2) + '\n');
  } else {
    io.out(spans.map((s) => map.slice(s.start, s.end) + '\n').join(''));
  }
  return 0;
}
