// What the words around one occurrence say about it (issue 15, defect 6: suggestions a user can
// accept all at once). Each is a grammatical signal a careful annotator uses, not a word list:
//   - `adjectiveUse`: a definite nisba (الكاريبي, العثمانية) right after a definite word
//     (البحر الكاريبي, للبحر الكاريبي) agrees with it as an adjective: the name is the two words
//     together (the Caribbean Sea), so the nisba alone is not the name there. After an indefinite
//     word in construct (مياه الكاريبي, منطقة الكاريبي) it is the name;
//   - `nunated`: an occurrence ending in tanween (مقدونياً) where the name has none: foreign
//     names are diptotes and take no tanween, an adjective or adverb in the accusative does
//     (جيشاً مقدونياً "a Macedonian army");
//   - `countedUnit`: a name counted by a number (42 مليون يورو, 500 يورو) whose row's English
//     writes the word after the same number in lower case (42 million euros): a unit of measure
//     or currency, not a name (10 حزيران ↔ 10 June stays a name);
import { asciiDigits, nameKey } from '../text/normalize.ts';

/** Relative pronouns and other function words that begin with the article's letters. */
const NOT_DEFINITE_NOUNS: ReadonlySet<string> = new Set(['الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي', 'اللائي', 'الا', 'الي', 'الان', 'الآن'].map((w) => nameKey(w)));

/** A single definite word ending in the nisba suffix ي / ية (folded: ه): الكاريبي, العثمانية. */
export function isDefiniteNisba(name: string): boolean {
  const k = nameKey(name);
  return !/\s/u.test(k) && k.startsWith('ال') && [...k].length >= 5 && /(?:ي|يه)$/u.test(k);
}

/** The word is definite: ال after at most و/ف and one of ب/ك, or ل + the article (لل). */
function isDefiniteWord(word: string): boolean {
  let w = nameKey(word);
  if (NOT_DEFINITE_NOUNS.has(w)) return false;
  if (/^[وف]/u.test(w) && [...w].length > 3) w = w.slice(1);
  if (w.startsWith('لل') && [...w].length > 3) return true;
  if (/^[بك]/u.test(w) && w.slice(1).startsWith('ال')) w = w.slice(1);
  return w.startsWith('ال') && [...w].length > 3 && !NOT_DEFINITE_NOUNS.has(w);
}

/**
 * The occurrence `name` (the matched text, without clitics) preceded by `before` (the source text
 * up to the occurrence) is an attributive adjective: a definite nisba right after a definite word,
 * separated by one space only (no clitic glued to it, no punctuation between).
 */
export function adjectiveUse(before: string, name: string): boolean {
  if (!isDefiniteNisba(name)) return false;
  const m = /(\S+) $/u.exec(before);
  // an opening quote or bracket before the word is no break ("للبحر الكاريبي"), anything after it is
  const word = m?.[1].replace(/^[\p{Ps}\p{Pi}"'«]+/u, '');
  if (!word || /[\p{P}\p{S}\d]/u.test(word)) return false;
  return isDefiniteWord(word);
}

/** Fathatan with the final alef (اً or ًا, also on ى): the accusative tanween of a word. Other
 * tanween (محمدٌ in a fully vocalised text) is a triptote Arabic name's own case ending. */
const ACCUSATIVE_TANWEEN = /(?:[اى]\u064B|\u064B[اى])$/u;

/** The occurrence ends in the accusative tanween and the name as tagged does not (مقدونياً,
 * مقدونيًا for مقدونيا). */
export function nunated(occurrence: string, name: string): boolean {
  return ACCUSATIVE_TANWEEN.test(occurrence.trimEnd()) && !ACCUSATIVE_TANWEEN.test(name.trimEnd());
}

/** Arabic and English scale words between a number and what it counts. */
const AR_SCALE = '(?:مليون|ملايين|مليار|مليارات|ألف|آلاف|الف|الاف|ترليون|تريليون)';
const EN_SCALE = new Set(['million', 'millions', 'billion', 'billions', 'thousand', 'thousands', 'trillion', 'hundred']);
/** English words after a number that say nothing about the counted word. */
const EN_FUNCTION = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'from', 'with', 'as', 'was', 'is', 'were', 'are', 'when', 'after', 'before', 'per', 'percent', 'years', 'year', 'times', 'people']);

/** Digits of a number as written in either script, separators dropped (1,335 = ١٬٣٣٥ = 1335). */
function digitsOf(n: string): string {
  return asciiDigits(n).replace(/[,.\u066B\u066C\s]/gu, '');
}

/**
 * The occurrence follows a number (`before`: the source text up to it), maybe with a scale word
 * (42 مليون يورو), and the row's English (`english`) writes that number followed by a lower-case
 * content word (42 million euros): the name is counted, a unit. Null-safe: no number, no English
 * number or a capitalised word there (10 June) → false.
 */
export function countedUnit(before: string, english: string): boolean {
  // a number ends in a digit: "1839, the" is a year and a clause, not 1839 things
  const m = new RegExp(`([\\d\\u0660-\\u0669\\u06F0-\\u06F9](?:[\\d\\u0660-\\u0669\\u06F0-\\u06F9,.\\u066B\\u066C]*[\\d\\u0660-\\u0669\\u06F0-\\u06F9])?)\\s+(?:${AR_SCALE}\\s+)?$`, 'u').exec(before);
  if (!m) return false;
  const n = digitsOf(m[1]);
  if (!n) return false;
  for (const e of english.matchAll(/(\d(?:[\d,.]*\d)?)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/gu)) {
    if (digitsOf(e[1]) !== n) continue;
    let word = e[2];
    if (EN_SCALE.has(word.toLowerCase()) && e[3]) word = e[3];
    if (/^\p{Ll}/u.test(word) && !EN_FUNCTION.has(word.toLowerCase()) && !EN_SCALE.has(word.toLowerCase())) return true;
  }
  return false;
}

/** The text after an occurrence (`after`) starts with one space and a definite word: the name
 * heads a phrase (العصر البرونزي, البحر المتوسط). */
export function followedByDefinite(after: string): boolean {
  const m = /^ ([^\s\p{P}\p{S}\d]+)/u.exec(after);
  return m !== null && isDefiniteWord(m[1]);
}
