// The project dictionary `muwazi.dictionary.txt`: words the English spell check accepts in this
// project, shared by a team through the project folder.
//
// Format: UTF-8, one word a line, LF line ends, sorted (case-insensitively, then by code point)
// so two translators adding words at once touch different lines and a version-control merge
// rarely conflicts. Reading is lenient: a BOM, CRLF, blank lines, `#` comments and duplicates are
// accepted (the file is written back clean on the next addition); a line that is not a word (it
// holds a space or a control character, or is too long) is reported and left out. A word is what
// the spell check's tokenizer yields (shared/text/english-words.ts), so a phrase could never match
// and is refused. Case is kept: "Muwazi" accepts Muwazi and MUWAZI, "jihadist" also Jihadist.

/** File name of the project dictionary in a workspace folder. */
export const DICTIONARY_FILE = 'muwazi.dictionary.txt';
/** Longest word, in code points. */
export const MAX_WORD_LENGTH = 100;
/** Most words a dictionary may hold (a bigger file is refused, not half-read). */
export const MAX_WORDS = 100_000;
/** Largest file read, in bytes. */
export const MAX_DICTIONARY_BYTES = 4 * 1024 * 1024;

/** A line that could not be read as a word. */
export interface DictionaryProblem {
  /** 1-based line number */
  line: number;
  message: string;
}

/** Why `word` cannot be a dictionary word, or null when it can. */
export function dictionaryWordProblem(word: string): string | null {
  if (word.length === 0) return 'The word is empty.';
  if ([...word].length > MAX_WORD_LENGTH) return `The word is longer than ${MAX_WORD_LENGTH} characters.`;
  if (/[\s\p{Cc}\p{Cf}]/u.test(word)) return 'A dictionary word holds no spaces, line breaks or control characters.';
  if (word.startsWith('#')) return 'A dictionary word cannot start with #.';
  return null;
}

/** The words of a dictionary file (deduplicated, in file order) and the lines left out. */
export function parseDictionary(text: string): { words: string[]; problems: DictionaryProblem[] } {
  const words: string[] = [];
  const seen = new Set<string>();
  const problems: DictionaryProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const problem = dictionaryWordProblem(line);
    if (problem) problems.push({ line: i + 1, message: problem });
    else if (!seen.has(line)) {
      seen.add(line);
      words.push(line);
    }
  });
  return { words, problems };
}

/** Dictionary order: case-insensitive, then by code point (stable across machines and locales). */
export function compareWords(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The file text for `words`: deduplicated, sorted, one a line, LF, a final newline. */
export function serializeDictionary(words: readonly string[]): string {
  const sorted = [...new Set(words)].sort(compareWords);
  return sorted.length ? sorted.join('\n') + '\n' : '';
}
