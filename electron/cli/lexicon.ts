// The word list for `muwazi align` and `muwazi import`, from the app's assets folder: found by walking
// up from this module to the folder that holds package.json and assets/ — the same from the sources
// (electron/cli/) and from the bundle (dist/cli.mjs, dist/cli-chunks/). Says so on stderr when the file
// is missing (the commands still run, at lower quality).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../../shared/align/lexical.ts';
import { loadLexicon, NO_LEXICON_NOTE } from '../host/lexicon.ts';
import type { CliIO } from './main.ts';

/** The app's assets folder: the nearest folder above this module with package.json and assets/. */
export function appAssetsDir(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'assets'))) return join(dir, 'assets');
    if (dirname(dir) === dir) return join(from, '..', '..', 'assets');
  }
}

export function cliLexicon(io: CliIO): Lexicon | null {
  const lexicon = loadLexicon(appAssetsDir());
  if (!lexicon) io.err(NO_LEXICON_NOTE);
  return lexicon;
}
