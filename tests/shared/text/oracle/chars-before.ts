// Character classes on UTF-16 code units, shared by the segmenter and the tokenizer. Hot paths
// test code-unit ranges directly (no per-character regex); the rare non-Latin/non-Arabic cases
// fall back to Unicode property regexes on one character.

const LETTER_RE = /^\p{L}$/u;
const MARK_RE = /^\p{M}$/u;
const DIGIT_RE = /^\p{Nd}$/u;
const LATIN_RE = /^\p{Script=Latin}$/u;
const EDGE_JUNK_RE = /^[\s\p{P}\p{Cf}\p{Zs}]$/u;

/** Horizontal white space, including NBSP and the bidi/format controls that trimming drops. */
export function isSpace(c: number): boolean {
  if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202f) ||
    c === 0x205f || (c >= 0x2066 && c <= 0x2069) || c === 0x3000 || c === 0xfeff || c === 0x061c
  );
}

/** Invisible format characters: ZWSP, ZWNJ, ZWJ, LRM, RLM, bidi embeddings/overrides and isolates,
 * BOM, Arabic letter mark, soft hyphen. Name matching drops them. */
export function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x061c || c === 0x00ad;
}

/** Tatweel (kashida) stretches a letter; it carries no meaning for matching. */
export const TATWEEL = 0x0640;

/** Alef with a hamza or madda (أ إ آ): Arabic words and most transliterated names starting with a
 * vowel carry one, so a clitic letter glued before it is almost surely a clitic. */
export function isHamzaAlef(c: number): boolean {
  return c === 0x0623 || c === 0x0625 || c === 0x0622;
}

/** Line and paragraph separators: LF, CR, NEL, LS, PS. Every one ends a segment. */
export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Arabic-script letter (base Arabic block, supplement, extended-A, presentation forms). */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06fc) ||
    (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08c9) || (c >= 0xfb50 && c <= 0xfdfb) || (c >= 0xfe70 && c <= 0xfefc)
  );
}

/** Arabic combining marks (harakat, shadda, sukun, superscript alef, Quranic marks). */
export function isArabicMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed && c !== 0x06dd && c !== 0x06de) || (c >= 0x08ca && c <= 0x08ff);
}

export function isLatinUpper(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

export function isLatinLower(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** Any letter (code point `cp`, not a code unit). */
export function isLetterCp(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (isArabicLetter(cp) || cp === 0x0640) return true;
  return LETTER_RE.test(String.fromCodePoint(cp));
}

/** A Latin-script letter (basic and accented; code point). */
export function isLatinLetterCp(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LATIN_RE.test(String.fromCodePoint(cp));
}

/**
 * Characters stripped from the edges of a name selection (code point): white space, invisible
 * format characters (RLM, ZWNJ...), punctuation of both scripts and every kind of quote, tatweel.
 * Symbols such as % $ stay: they can be part of a MISC name.
 */
export function isEdgeJunk(cp: number): boolean {
  return cp === TATWEEL || EDGE_JUNK_RE.test(String.fromCodePoint(cp));
}

/** Any combining mark (code point). */
export function isMarkCp(cp: number): boolean {
  if (cp < 0x300) return false;
  if (isArabicMark(cp)) return true;
  return MARK_RE.test(String.fromCodePoint(cp));
}

/** Decimal digit of any script (ASCII, Arabic-Indic, Persian, ...). */
export function isDigitCp(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 && cp <= 0x06f9)) return true;
  return DIGIT_RE.test(String.fromCodePoint(cp));
}

/** Code point at UTF-16 index `i` (a lone surrogate is returned as itself). */
export function cpAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

/** UTF-16 index of the start of the code point that ends just before `i`. */
export function prevIndex(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** Sentence-final punctuation: . ! ? ؟ ۔ … ‼ ⁇ ⁈ ⁉ and fullwidth ！？。 */
export function isTerminator(c: number): boolean {
  return (
    c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x06d4 || c === 0x2026 || c === 0x203c ||
    (c >= 0x2047 && c <= 0x2049) || c === 0xff01 || c === 0xff1f || c === 0x3002
  );
}

/** Characters that close a quotation or bracket and stay with the sentence they end. */
export function isCloser(c: number): boolean {
  return (
    c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || c === 0xbb || c === 0x2019 || c === 0x201d ||
    c === 0x203a || c === 0xfd3e || c === 0xfd3f || c === 0x300d || c === 0x300f
  );
}

/** Characters that open a quotation or bracket (skipped when looking at the next word). */
export function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x7b || c === 0xab || c === 0x2018 || c === 0x201c || c === 0x2039 || c === 0xfd3e || c === 0xfd3f;
}
