// The word list for `muwazi align` and `muwazi import`, from the app's assets folder: found by walking
// up from this module to the folder that holds package.json and assets/ — the same from the sources
// (electron/cli/) and from the bundle (dist/cli.mjs, dist/cli-chunks/). Says so on stderr when the file
// is missing (the commands still run, at lower quality). Inside a project the project's learned list
// (muwazi.learned-lexicon.tsv, refreshed first) is added to it.
//
// `muwazi lexicon --learn <folder> [--json]`: rebuilds the folder's learned list from its reports'
// known rows (confirmed, translated or reviewed) and says what it learned.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../../shared/align/lexical.ts';
import { withLearned } from '../../shared/align/learned.ts';
import { loadLexicon, NO_LEXICON_NOTE } from '../host/lexicon.ts';
import { learnedRootFor } from '../host/project-root.ts';
import type { CliIO } from './main.ts';

/** The app's assets folder: the nearest folder above this module with package.json and assets/. */
export function appAssetsDir(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'assets'))) return join(dir, 'assets');
    if (dirname(dir) === dir) return join(from, '..', '..', 'assets');
  }
}

/** The general word list, plus the learned list of `projectFile`'s project when given (a file
 * inside a project: the nearest folder above it with muwazi.project.json). Never fails for a bad
 * learned list (it is rebuilt). */
export async function cliLexicon(io: CliIO, projectFile?: string): Promise<Lexicon | null> {
  const lexicon = loadLexicon(appAssetsDir());
  if (!lexicon) io.err(NO_LEXICON_NOTE);
  // outside a project the learned-list code (sidecar schemas) is never loaded: start-up time
  if (projectFile === undefined || (await learnedRootFor(projectFile)) === null) return lexicon;
  const { learnedLexiconFor } = await import('../host/learned-lexicon.ts');
  return withLearned(lexicon, await learnedLexiconFor(projectFile));
}

const USAGE = 'usage: muwazi lexicon --learn <folder> [--json]';

export async function run(argv: string[], io: CliIO): Promise<number> {
  let folder: string | null = null;
  let json = false;
  const extra: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--learn') folder = argv[++k] ?? '';
    else if (a.startsWith('--learn=')) folder = a.slice('--learn='.length);
    else if (a === '--json') json = true;
    else if (a.startsWith('-')) {
      io.err(`muwazi lexicon: unknown option '${a}'\n${USAGE}\n`);
      return 2;
    } else extra.push(a);
  }
  if (extra.length) {
    io.err(`muwazi lexicon: unexpected argument '${extra[0]}' (the folder goes after --learn)\n${USAGE}\n`);
    return 2;
  }
  if (!folder) {
    io.err(`muwazi lexicon: --learn needs a folder\n${USAGE}\n`);
    return 2;
  }
  const root = resolve(folder);
  if (!(await stat(root).catch(() => null))?.isDirectory()) {
    io.err(`muwazi lexicon: ${folder} is not a folder\n`);
    return 1;
  }
  const { ProjectLearned } = await import('../host/learned-lexicon.ts');
  const { learned, stats } = await ProjectLearned.load(root, { force: true });
  for (const s of stats.skipped) io.err(`muwazi lexicon: skipped ${s}: its annotation file could not be read\n`);
  if (json) io.out(JSON.stringify({ file: learned.path, reports: stats.reports, rows: stats.rows, words: stats.words, written: stats.written, skipped: stats.skipped }) + '\n');
  else io.out(`Learned ${stats.words} Arabic words from ${stats.rows} known rows in ${stats.reports} reports; ${stats.written ? `wrote ${learned.path}` : 'not written'}\n`);
  if (!stats.written) {
    io.err(`muwazi lexicon: could not write ${learned.path}: ${stats.writeError ?? 'unknown error'}\n`);
    return 1;
  }
  return 0;
}
