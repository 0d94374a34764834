// Translation-memory tokens: the words a fuzzy match compares, each with its folded key and its
// code-point span in the ORIGINAL text (for the diff display and the placeables).
//
// The text is folded twice with normalize.ts: once with `strictLetters` (harakat, tatweel, digits
// and case folded, hamza alefs and ى kept) for tokenising, so the clitic splitter sees the letters
// it was written for, and once fully (also أ إ آ = ا, ى = ي, ة = ه) for the keys. Both folds map one
// input code point to the same number of output units (only the letter chosen differs), so a token's
// UTF-16 range in the first is its key's range in the second. Arabic words are split into proclitics
// (و ف ب ك ل) as tokenize.ts does; punctuation and symbols are not tokens (they never make a
// fuzzy match better or worse, but do keep a match below 1: see score.ts). The identity key
// (`exact`) is the fully folded text with white space collapsed: only texts equal under it score 1.
import { normalizeWithMap, type NormalizeOptions } from '../text/normalize.ts';
import { tokenize, type Token } from '../text/tokenize.ts';

/** Which side of a unit a text is. */
export type TmLang = 'ar' | 'en';

/** One word or number of a text. */
export interface TmToken {
  /** the folded form compared by the score (Arabic: full fold; English: lower case) */
  key: string;
  /** code points into the original text, half-open */
  start: number;
  end: number;
  /** a single-letter Arabic proclitic split off a word (و ف ب ك ل): costs less than a word */
  clitic: boolean;
  /** a number (any digit script); `key` is then its value with ASCII digits, thousands separators removed */
  number: boolean;
}

/** A text's tokens and the key that decides "identical" (score 1). */
export interface TmText {
  tokens: TmToken[];
  /** the folded text (Arabic: the keys' fold; English: lower case), white space collapsed, trimmed */
  exact: string;
}

const TOKENISE: NormalizeOptions = { strictLetters: true, lowercase: true };
const KEYS: NormalizeOptions = { taMarbuta: true, lowercase: true };
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل']);

/** The value of a number token (ASCII digits already): thousands separators dropped, so 1,000 = 1000. */
export function numberValue(folded: string): string {
  return folded.replace(/,/g, '');
}

/** White space runs as one space, trimmed. */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The key that decides identity (score 1): the Arabic keys' fold (the English's: lower case),
 * white space collapsed, trimmed. */
export function exactKey(text: string, lang: TmLang = 'ar'): string {
  return collapse(normalizeWithMap(text, lang === 'ar' ? KEYS : TOKENISE).text);
}

/** Tokens of `text` on side `lang`. */
export function tmTokens(text: string, lang: TmLang): TmText {
  const tok = normalizeWithMap(text, TOKENISE);
  const keys = lang === 'ar' ? normalizeWithMap(text, KEYS).text : tok.text;
  // both folds emit the same code units per input code point, so positions agree (checked here,
  // because a future fold that expands differently must not silently misplace keys)
  const aligned = keys.length === tok.text.length;
  const tokens: TmToken[] = [];
  // tokenize's offsets are code points of tok.text; keys are sliced in UTF-16 units of the same text
  const astral = /[\uD800-\uDBFF]/.test(tok.text);
  const unitOf = astral ? cpToUnitTable(tok.text) : null;
  for (const t of words(tok.text, lang)) {
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    const u0 = unitOf ? unitOf[t.start] : t.start;
    const u1 = unitOf ? unitOf[t.end] : t.end;
    const raw = aligned ? keys.slice(u0, u1) : t.text;
    const number = t.kind === 'number';
    tokens.push({
      key: number ? numberValue(raw) : raw,
      start: tok.toOriginal(t.start),
      end: tok.toOriginal(t.end),
      clitic: lang === 'ar' && !number && raw.length === 1 && PROCLITICS.has(raw),
      number,
    });
  }
  return { tokens, exact: collapse(keys) };
}

/** Words that may start with a proclitic (tokenize.ts splits only these). */
const MAY_HAVE_PROCLITIC = /^[وفبكل]/;

/**
 * tokenize(text, { lang, clitics: lang === 'ar' }), faster: the text is tokenised without clitics
 * and only the words starting with و ف ب ك ل are tokenised again with them (the proclitic split
 * looks at the word alone, so the pieces are the same), which saves most of the splitter's cost.
 */
function words(text: string, lang: TmLang): Token[] {
  const plain = tokenize(text, { lang });
  if (lang !== 'ar') return plain;
  const out: Token[] = [];
  for (const t of plain) {
    if (t.kind !== 'word' || !MAY_HAVE_PROCLITIC.test(t.text)) {
      out.push(t);
      continue;
    }
    for (const p of tokenize(t.text, { lang, clitics: true })) out.push({ ...p, start: t.start + p.start, end: t.start + p.end });
  }
  return out;
}

/** UTF-16 offset of every code-point offset 0..length of `text`. */
function cpToUnitTable(text: string): Int32Array {
  const out: number[] = [];
  for (let u = 0; u < text.length; u++) {
    out.push(u);
    const c = text.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length) {
      const d = text.charCodeAt(u + 1);
      if (d >= 0xdc00 && d <= 0xdfff) u++;
    }
  }
  out.push(text.length);
  return Int32Array.from(out);
}
