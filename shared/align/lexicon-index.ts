// The word list's prebuilt index (assets/lexicon/ar-en.index.tsv, written by
// scripts/build-lexicon-index.ts): the `Lexicon` that parseLexicon derives from ar-en.tsv, stored
// key by key, so loading it is a split per line instead of tokenising, folding and stemming 28,000
// headwords (≈0.3 s of every `muwazi align`). It is derived data under the word list's licence
// (GPL-2+, see assets/lexicon/LICENSE) and is only trusted when its header names this format
// version and the sha256 of the ar-en.tsv it was built from; otherwise callers parse ar-en.tsv.
//
// Format (UTF-8, one record per line, fields separated by a tab):
//   muwazi-lexicon-index <version> <sha256 of ar-en.tsv> <headwords read (Lexicon.size)>
//   h <Arabic key> <English stems separated by spaces>     (Lexicon.map, in insertion order)
//   s <Arabic light stem> <English stems …>                (Lexicon.stemmed, in insertion order)
import type { Lexicon } from './lexical.ts';

/** Bump when parseLexicon's keys or stems change (tokeniser, folding, stemmer), then rerun
 * scripts/build-lexicon-index.ts; tests/shared/align/lexicon-index.test.ts fails until then. */
export const LEXICON_INDEX_VERSION = 1;

const MAGIC = 'muwazi-lexicon-index';

/** The index text of `lex`, parsed from a word list whose sha256 is `sourceSha256`. */
export function serializeLexiconIndex(lex: Lexicon, sourceSha256: string): string {
  const lines = [`${MAGIC}\t${LEXICON_INDEX_VERSION}\t${sourceSha256}\t${lex.size}`];
  for (const [key, stems] of lex.map) lines.push(`h\t${key}\t${stems.join(' ')}`);
  for (const [key, stems] of lex.stemmed) lines.push(`s\t${key}\t${stems.join(' ')}`);
  return lines.join('\n') + '\n';
}

/** The lexicon stored in `text`, or null when the text is not an index of this version built from
 * the word list whose sha256 is `sourceSha256` (stale or foreign: parse the word list instead). */
export function parseLexiconIndex(text: string, sourceSha256: string): Lexicon | null {
  const first = text.indexOf('\n');
  const header = (first < 0 ? text : text.slice(0, first)).split('\t');
  if (header[0] !== MAGIC || header[1] !== String(LEXICON_INDEX_VERSION) || header[2] !== sourceSha256) return null;
  const size = Number(header[3]);
  if (!Number.isInteger(size) || size < 0) return null;
  const map = new Map<string, string[]>();
  const stemmed = new Map<string, string[]>();
  // one pass with indexOf: no array of 40,000 lines, no regular expressions
  for (let at = first + 1; first >= 0 && at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at + 2);
    if (tab < 0 || tab > end || text[at + 1] !== '\t') return null;
    const kind = text[at];
    const into = kind === 'h' ? map : kind === 's' ? stemmed : null;
    if (!into) return null;
    into.set(text.slice(at + 2, tab), text.slice(tab + 1, end).split(' '));
    at = end + 1;
  }
  return { map, stemmed, size };
}
