// The aligner's Arabic→English word list (assets/lexicon/ar-en.tsv: FreeDict/Arabeyes, GPL-2+,
// kept apart from the MIT code as data): read from disk at run time, parsed once per path. When
// the file is missing the aligner runs on length and anchors only (lower quality), and callers say
// so. The prebuilt index beside it (ar-en.index.tsv, shared/align/lexicon-index.ts) is loaded
// instead of parsing the list when it was built from this very list (sha256) by this format
// version; a missing or stale index only costs time (≈0.3 s).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLexicon, type Lexicon } from '../../shared/align/lexical.ts';
import { parseLexiconIndex } from '../../shared/align/lexicon-index.ts';
import { wordListWords } from '../../shared/text/tokenize.ts';

/** The file's name under the assets folder. */
export const LEXICON_FILE = join('lexicon', 'ar-en.tsv');
/** Its prebuilt index (scripts/build-lexicon-index.ts). */
export const LEXICON_INDEX_FILE = join('lexicon', 'ar-en.index.tsv');

/** sha256 of the list's bytes (or of a text, UTF-8), lowercase hex: what the index records. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The prebuilt index beside the word list whose `bytes` (read from `assetsDir`) were read, with the
 * lexicon it loads, when it was built from these very bytes by this format version; else null.
 * The bytes are hashed as read: decoding 0.9 MB of Arabic only to hash it again cost more than
 * the hash. */
function matchingIndex(assetsDir: string, bytes: Buffer): { index: string; sha256: string; lexicon: Lexicon } | null {
  let index: string;
  try {
    index = readFileSync(join(assetsDir, LEXICON_INDEX_FILE), 'utf8');
  } catch {
    return null; // no index: the list is parsed
  }
  const hash = sha256(bytes);
  const lexicon = parseLexiconIndex(index, hash);
  return lexicon ? { index, sha256: hash, lexicon } : null;
}

/** The word list's `bytes`: from its index when that matches, else parsed. */
function lexiconOf(assetsDir: string, bytes: Buffer): Lexicon {
  return matchingIndex(assetsDir, bytes)?.lexicon ?? parseLexicon(bytes.toString('utf8'));
}

const cache = new Map<string, Lexicon | null>();

/** The lexicon under `assetsDir`, or null when it is absent or unreadable. */
export function loadLexicon(assetsDir: string): Lexicon | null {
  const path = join(assetsDir, LEXICON_FILE);
  if (!cache.has(path)) {
    let lex: Lexicon | null = null;
    try {
      lex = lexiconOf(assetsDir, readFileSync(path));
      if (lex.size === 0) lex = null;
    } catch {
      lex = null;
    }
    cache.set(path, lex);
  }
  return cache.get(path)!;
}

const words = new Map<string, ReadonlySet<string> | null>();

/** The word list's Arabic headwords (skeletons) for clitic splitting in exports, or null when the
 * file is absent or unreadable. Parsed once per path. */
export function loadWordList(assetsDir: string): ReadonlySet<string> | null {
  const path = join(assetsDir, LEXICON_FILE);
  if (!words.has(path)) {
    let set: ReadonlySet<string> | null = null;
    try {
      set = wordListWords(readFileSync(path, 'utf8'));
      if (set.size === 0) set = null;
    } catch {
      set = null;
    }
    words.set(path, set);
  }
  return words.get(path)!;
}

/** What the page is sent to build its word list: the prebuilt index with the list's sha256 when
 * the index matches the list (the page then loads it in ≈ 10 ms instead of parsing the list for
 * 0.3–0.7 s on its main thread), else the list's text; `{ text: null }` when there is no list. */
export function lexiconForPage(assetsDir: string): { text: string | null; index?: string; sha256?: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(assetsDir, LEXICON_FILE));
  } catch {
    return { text: null };
  }
  const m = matchingIndex(assetsDir, bytes);
  if (m) return { text: null, index: m.index, sha256: m.sha256 };
  return { text: bytes.toString('utf8') };
}

/** What the CLI prints (stderr) when it aligns without the word list. */
export const NO_LEXICON_NOTE = `note: the word list ${join('assets', LEXICON_FILE)} was not found: aligning on sentence length, numbers and names only (lower quality; see docs/alignment.md)\n`;
