// `muwazi tokenize <file> [--lang ar|en] [--clitics] [--json] [--no-project]`: prints each
// sentence's tokens separated by spaces, one sentence per line, or with --json one array of
// {start, end, text, kind} (code points into the decoded file text). Sentences are split with the
// abbreviations and exceptions of the file's project, as `muwazi segment` does (--no-project ignores them).
import { guessLanguage } from '../../shared/text/script.ts';
import { segmentSentences } from '../../shared/text/segment.ts';
import { tokenize, type Token } from '../../shared/text/tokenize.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';
import { cliSegmentRules, parseTextArgs, readTextFile } from './segment.ts';
import type { CliIO } from './main.ts';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = parseTextArgs(argv, true);
  if (typeof args === 'string') {
    io.err(`muwazi tokenize: ${args}\nusage: muwazi tokenize <file> [--lang ar|en] [--clitics] [--json] [--no-project]\n`);
    return 2;
  }
  const text = await readTextFile(args.file, io, 'tokenize');
  if (text === null) return 1;
  const rules = await cliSegmentRules(args.file, args.project, io, 'tokenize');
  if (rules === null) return 1;
  const lang = args.lang ?? guessLanguage(text);
  const map = new OffsetMap(text);
  // tokenise sentence by sentence (line breaks and sentence ends are natural token breaks
  // anyway), shifting offsets back onto the whole file
  const sentences: Token[][] = segmentSentences(text, { lang, ...rules }).map((s) =>
    tokenize(map.slice(s.start, s.end), { lang, clitics: args.clitics }).map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start })),
  );
  if (args.json) {
    io.out(JSON.stringify(sentences.flat().map((t) => ({ start: t.start, end: t.end, text: t.text, kind: t.kind })), null, 2) + '\n');
  } else {
    io.out(sentences.map((ts) => ts.map((t) => t.text).join(' ') + '\n').join(''));
  }
  return 0;
}
