// The word list for `muwazi align` and `muwazi import`: the CLI runs from the checkout's sources
// (bin/muwazi.mjs through tsx), so the assets folder is found beside them. Says so on stderr when
// the file is missing (the commands still run, at lower quality).
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../../shared/align/lexical.ts';
import { loadLexicon, NO_LEXICON_NOTE } from '../host/lexicon.ts';
import type { CliIO } from './main.ts';

export function cliLexicon(io: CliIO): Lexicon | null {
  const lexicon = loadLexicon(fileURLToPath(new URL('../../assets', import.meta.url)));
  if (!lexicon) io.err(NO_LEXICON_NOTE);
  return lexicon;
}
