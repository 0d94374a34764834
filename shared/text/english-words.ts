// The English words a spell checker should look at, with code-point offsets.
//
// Not shared/text/tokenize.ts: that tokenizer keeps what a translator searches for whole
// ("al-Numan", "U.S.", "F16"); a spell checker wants the checkable parts and nothing else:
//   - a word is Latin letters (accents and combining marks included) with inner apostrophes
//     (don't, Jones's, o’clock); quotes around it are not part of it;
//   - a hyphen separates words (well-known → well, known: Hunspell dictionaries list the parts);
//   - skipped whole: anything touching a digit or an underscore (3rd, F16, mp3, snake_case),
//     URLs, e-mail addresses, file and domain names (report.txt, example.com), runs mixing in
//     another script (an Arabic name inside English text is never a word here), ALL-CAPS
//     acronyms (optional) and single letters (optional).
// Pure: the editor's spell plugin and any CLI can use it.

/** One word to check. */
export interface EnglishWord {
  /** the word as written (a typographic apostrophe is kept; see spellingKey) */
  text: string;
  /** code-point offset of its first character */
  start: number;
  /** code-point offset just past it */
  end: number;
}

/** Options of englishWords. */
export interface EnglishWordOptions {
  /** skip words of two or more letters written all in capitals (NATO, UNHCR); default true */
  skipAllCaps?: boolean;
  /** skip words shorter than this many letters; default 2 (single letters are not misspellings) */
  minLength?: number;
}

/** A run of non-space characters (the unit URLs, e-mails and file names are recognised on). */
const CHUNK = /\S+/gu;
/** Letters, marks, digits, underscores and apostrophes: a candidate word and what it touches. */
const RUN = /[\p{L}\p{M}\p{N}_'’]+/gu;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)|^[^@\s]+@[^@\s]+\.[^@\s]+$/iu;
/** A file or domain name: letters/digits, dots between them, a lowercase last label (report.txt). */
const DOTTED_NAME = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.[a-z]{2,10}[.,;:!?)\]"'’”]*$/u;
const NOT_LATIN = /[^\p{Script=Latin}\p{M}'’]/u;
const DIGIT_OR_UNDERSCORE = /[\p{N}_]/u;
const APOSTROPHES = /^['’]+|['’]+$/gu;

/** Code points in text[from, to) (UTF-16 indices). */
function cpCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > from && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

function isAllCaps(word: string): boolean {
  return word.toUpperCase() === word && word.toLowerCase() !== word;
}

/** The English words of `text` to check, in order (see the header for what is skipped). */
export function englishWords(text: string, options: EnglishWordOptions = {}): EnglishWord[] {
  const skipAllCaps = options.skipAllCaps ?? true;
  const minLength = options.minLength ?? 2;
  const out: EnglishWord[] = [];
  // walk UTF-16 indices, counting code points as we go (no OffsetMap needed for a left-to-right pass)
  let cpPos = 0;
  let lastIndex = 0;
  const advance = (i: number) => {
    cpPos += cpCount(text, lastIndex, i);
    lastIndex = i;
    return cpPos;
  };
  for (const chunk of text.matchAll(CHUNK)) {
    const c = chunk[0];
    if (URL_LIKE.test(c) || (c.includes('.') && DOTTED_NAME.test(c))) continue;
    for (const run of c.matchAll(RUN)) {
      let r = run[0];
      if (DIGIT_OR_UNDERSCORE.test(r)) continue;
      // quotes around the word: 'hello' → hello; Jones' → Jones
      const lead = r.length - r.replace(/^['’]+/u, '').length;
      r = r.replace(APOSTROPHES, '');
      if (r === '' || NOT_LATIN.test(r)) continue;
      const letters = [...r.replace(/['’\p{M}]/gu, '')].length;
      if (letters < minLength) continue;
      if (skipAllCaps && letters >= 2 && isAllCaps(r)) continue;
      const from = chunk.index + run.index + lead;
      const start = advance(from);
      const end = start + cpCount(text, from, from + r.length);
      out.push({ text: r, start, end });
    }
  }
  return out;
}

/** The form a dictionary is asked about: typographic apostrophes as ASCII ones (Hunspell's files use '). */
export function spellingKey(word: string): string {
  return word.replace(/’/gu, "'");
}

/**
 * Whether `word` is one of `accepted` (project dictionary, ignored words, names) with the case
 * rules of Hunspell: an accepted lowercase word also accepts its Capitalised and ALL-CAPS forms
 * (sentence starts, headings); an accepted Capitalised word (a name) its ALL-CAPS form; never
 * the reverse (accepting "Paris" does not accept "paris").
 */
export function acceptsWord(accepted: ReadonlySet<string>, word: string): boolean {
  const w = spellingKey(word);
  if (accepted.has(w)) return true;
  const lower = w.toLowerCase();
  const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
  const isCapital = w === capital;
  const caps = isAllCaps(w);
  if ((isCapital || caps) && accepted.has(lower)) return true;
  return caps && accepted.has(capital);
}
