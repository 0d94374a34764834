// Character classes the entity code needs: Arabic letters and marks, proclitics, and the
// punctuation and quotes that snapping strips. One code point at a time (strings of length 1 or 2).

/** Arabic combining marks (harakat, shadda, sukun, superscript alef, Quranic marks) and any other \p{M}. */
export function isMark(ch: string): boolean {
  return /^\p{M}$/u.test(ch);
}

/** Tatweel (kashida) stretches a letter; it carries no meaning for matching. */
export const TATWEEL = '\u0640';

/** A letter of any script (Arabic, Latin, ...), tatweel excluded. */
export function isLetter(ch: string): boolean {
  return ch !== TATWEEL && /^\p{L}$/u.test(ch);
}

/** A letter or a digit (any script): what a word is made of. */
export function isWordChar(ch: string): boolean {
  return /^[\p{L}\p{N}]$/u.test(ch) && ch !== TATWEEL;
}

/** An Arabic letter (U+0620..U+064A, U+066E..U+06D3 and the extended block letters). */
export function isArabicLetter(ch: string): boolean {
  return /^[\u0620-\u063f\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc\u06ff\u0750-\u077f]$/u.test(ch);
}

/** A Latin letter (basic and accented). */
export function isLatinLetter(ch: string): boolean {
  return /^\p{Script=Latin}$/u.test(ch);
}

/** Conjunctions that attach to the next word. */
export const CONJUNCTIONS = ['و', 'ف'];
/** Prepositions (and the comparative ك) that attach to the next word. */
export const PREPOSITIONS = ['ب', 'ك', 'ل'];

/** Alef with a hamza or madda: Arabic words (and most transliterated names) starting with a vowel
 * are written with one, so a clitic letter right before it is almost surely a clitic. */
export const HAMZA_ALEFS = ['أ', 'إ', 'آ'];

/**
 * Characters stripped from the edges of a selection: white space, invisible format characters
 * (RLM, ZWNJ...), punctuation of both scripts and every kind of quote. Symbols such as % $ stay:
 * they can be part of a MISC name.
 */
export function isEdgeJunk(ch: string): boolean {
  return /^[\s\p{P}\p{Cf}\p{Zs}]$/u.test(ch) || ch === TATWEEL;
}
