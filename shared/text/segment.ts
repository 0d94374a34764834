// Sentence segmentation: the one function every caller goes through, so the pipeline can be
// improved without touching callers. Returns half-open spans in CODE POINTS into `text`,
// trimmed of surrounding white space, in order, non-overlapping.
//
// A hand-written, single-pass scanner (linear time; no regex runs over the text) tuned for
// scraped Arabic news with English captions (see docs/text-pipeline.md for every rule and the
// reasoning behind it). One rule set serves both languages: the decisions look at the script
// of the words around a full stop, so a Latin caption inside Arabic text is handled as
// English and vice versa. In short:
//   - every line break ends a segment (paragraphs, headlines, captions, sub-headings);
//   - a run of . ! ? ؟ ۔ … (with closing quotes/brackets after it) ends a sentence when white
//     space or the line end follows; "., " (a full stop then a comma: a scraping artefact that
//     joins sentences) ends one too, the comma staying with the first sentence;
//   - no boundary after: ".." (headline "A.. B" style), an ellipsis followed by anything but a
//     capital Latin letter, abbreviations (lists in abbreviations.ts, Arabic single letters
//     and dotted acronyms such as د. أ.د. ص.ب.), Latin initials, list numbers at a segment's
//     start, a full stop followed by a lower-case Latin word;
//   - quotations without a stop: "X" "Y" side by side, or a quoted sentence after a colon or
//     قائلًا, closed before an Arabic word, end a sentence; an attribution after a quotation with
//     its own stop (`"...!" كما أضاف`) does not start one;
//   - transliterated initials (`روي في. واد` = Roe v. Wade) do not end a sentence;
//   - decimals (3.5, ٣٫٥) never split because no space follows their separator;
//   - boilerplate labels ("قد يعجبك أيضا") are cut off as their own segment.
import type { Span } from '../model/types.ts';
import {
  AR_LETTER_INITIALS, AR_LETTER_NAMES, AR_QUOTE_ATTRIBUTION, AR_QUOTE_INTRODUCERS, AR_YEAR_MARKERS, BOILERPLATE, EN_MAYBE_FINAL, EN_NEVER_FINAL,
  EN_SENTENCE_OPENERS,
} from './abbreviations.ts';
import {
  cpAt, isArabicLetter, isArabicMark, isCloser, isDigitCp, isLatinLower, isLatinUpper, isLetterCp, isLineBreak, isMarkCp,
  isOpener, isSpace, isTerminator, prevIndex,
} from './chars.ts';
import { OffsetMap } from './offsets.ts';

export interface SegmentOptions {
  /** language of the text; the rules are script-driven, so this only documents intent today */
  lang: 'ar' | 'en';
  /** extra abbreviations (without final dot) that never end a sentence, e.g. the project's */
  abbreviations?: string[];
  /** exceptions: phrases inside which no sentence ends (`Yahoo! News`, `مَن؟ أنا`), matched
   * case-insensitively with any run of spaces for a space, never across a line break */
  exceptions?: string[];
}

/** The project-configurable part of SegmentOptions (muwazi.project.json: sourceSegmentRules). */
export type SegmentRules = Pick<SegmentOptions, 'abbreviations' | 'exceptions'>;

const NO_EXTRA: ReadonlySet<string> = new Set();

// Sticky scanners (lastIndex in, lastIndex out; `test` allocates no match). LINE_REST: the rest of a
// line (up to a line break, as isLineBreak). PLAIN_RUN: a run of characters segmentLine passes
// over: anything but a terminator (isTerminator), a double quote (isQuote) or a line break.
// Tests compare the classes with chars.ts over every code unit, so they cannot drift apart.
export const LINE_REST = /[^\n\r\x85\u2028\u2029]*/y;
export const PLAIN_RUN = /[^.!?\u061f\u06d4\u2026\u203c\u2047-\u2049\uff01\uff1f\u3002"\u201c\u201d\xab\xbb\n\r\x85\u2028\u2029]*/y;

/** Splits `text` into sentence spans (code points, half-open, trimmed, ordered, disjoint). */
export function segmentSentences(text: string, options: SegmentOptions): Span[] {
  const extra = options.abbreviations?.length ? new Set(options.abbreviations.map((a) => a.replace(/\.$/, '').toLowerCase())) : NO_EXTRA;
  const bounds: number[] = [];
  const n = text.length;
  let ls = 0;
  for (;;) {
    // the line's end found by a native regex scan, not a call per code unit
    LINE_REST.lastIndex = ls;
    LINE_REST.test(text);
    const le = LINE_REST.lastIndex;
    segmentLine(text, ls, le, extra, bounds);
    if (le >= n) break;
    ls = le + (text.charCodeAt(le) === 13 && text.charCodeAt(le + 1) === 10 ? 2 : 1);
  }
  return toCodePointSpans(text, options.exceptions?.length ? applyExceptions(text, bounds, options.exceptions) : bounds);
}

/** Merges the sentences on both sides of every boundary that falls inside an exception phrase.
 * `b` holds UTF-16 [start, end) pairs in order; so do the result's. */
function applyExceptions(text: string, b: number[], exceptions: readonly string[]): number[] {
  const re = exceptionPattern(exceptions);
  if (!re) return b;
  // occurrences as UTF-16 [start, end), in text order (a regex scan, so they never overlap)
  const occ: number[] = [];
  for (const m of text.matchAll(re)) occ.push(m.index, m.index + m[0].length);
  if (occ.length === 0) return b;
  const out: number[] = [b[0], b[1]];
  let k = 0;
  for (let p = 2; p < b.length; p += 2) {
    const start = b[p];
    while (k < occ.length && occ[k + 1] <= start) k += 2;
    // the next sentence starts strictly inside a phrase that began before it: no boundary here
    if (k < occ.length && occ[k] < start) out[out.length - 1] = b[p + 1];
    else out.push(start, b[p + 1]);
  }
  return out;
}

const patternCache = new Map<string, RegExp | null>();

/** One case-insensitive regex for all phrases (longest first, so the longest phrase wins). */
function exceptionPattern(exceptions: readonly string[]): RegExp | null {
  const key = exceptions.join('\n');
  let re = patternCache.get(key);
  if (re !== undefined) return re;
  const alts = exceptions
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .sort((a, b) => b.length - a.length)
    .map((e) => e.split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('[ \\t\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]+'));
  re = alts.length ? new RegExp(alts.join('|'), 'giu') : null;
  if (patternCache.size > 16) patternCache.clear();
  patternCache.set(key, re);
  return re;
}

/** Appends [start, end) UTF-16 pairs for the sentences of the line text[ls, le). */
function segmentLine(text: string, ls: number, le: number, extra: ReadonlySet<string>, out: number[]): void {
  let s = skipSpace(text, ls, le);
  if (s >= le) return;
  s = cutLeadingBoilerplate(text, s, le, out);
  let i = s;
  const q: QuoteState = { straight: 0, open: -1, introduced: false };
  while (i < le) {
    // jump to the next character the rules look at (a terminator or a quote): a native regex
    // scan; the text between them is never looked at one code unit at a time
    PLAIN_RUN.lastIndex = i;
    PLAIN_RUN.test(text);
    i = PLAIN_RUN.lastIndex;
    if (i >= le) break;
    const c = text.charCodeAt(i);
    if (!isTerminator(c)) {
      if (isQuote(c) && quoteEndsSentence(text, s, i, le, q)) {
        out.push(s, i + 1);
        s = skipSpace(text, i + 1, le);
        i = s;
        resetQuotes(q);
        continue;
      }
      i++;
      continue;
    }
    // the run of terminators and closing quotes/brackets, e.g. `?!`, `..."`, `.)`
    let dots = 0;
    let ellipsis = false;
    let other = false;
    let j = i;
    for (; j < le; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x2e) dots++;
      else if (d === 0x2026) ellipsis = true;
      else if (isTerminator(d)) other = true;
      else if (!isCloser(d) && d !== 0x201c) break; // `."“`: a doubled closing quote typed as “
    }
    // the "., " artefact: the comma stays with the sentence it follows
    if (dots > 0 && j < le && (text.charCodeAt(j) === 0x2c || text.charCodeAt(j) === 0x060c) && (j + 1 >= le || isSpace(text.charCodeAt(j + 1)))) j++;
    if (i > s && isBoundary(text, s, i, j, le, dots, ellipsis, other, extra)) {
      out.push(s, j);
      s = skipSpace(text, j, le);
      i = s;
      resetQuotes(q);
    } else {
      for (let k = i; k < j; k++) if (isQuote(text.charCodeAt(k))) trackQuote(text, s, k, q);
      i = j;
    }
  }
  if (s < le) {
    const e = trimEnd(text, s, le);
    const cut = trailingBoilerplate(text, s, e);
    if (cut > s) {
      out.push(s, trimEnd(text, s, cut));
      s = cut;
    }
    out.push(s, e);
  }
}

/**
 * Whether the terminator run text[i, j) ends the sentence that started at `s`.
 * `dots`/`ellipsis`/`other` describe the run (full stops, "…", any of ! ? ؟ ۔).
 */
function isBoundary(text: string, s: number, i: number, j: number, le: number, dots: number, ellipsis: boolean, other: boolean, extra: ReadonlySet<string>): boolean {
  if (j >= le) return true; // the line ends here anyway
  const after = text.charCodeAt(j);
  if (!isSpace(after)) return gluedArabicBoundary(text, s, i, j, le, dots, ellipsis, extra);
  const next = nextWordStart(text, j, le);
  if (next >= le) return true;
  const nc = cpAt(text, next);
  if (isLatinLower(nc)) return false; // "e.g. the", `"Why?" he asked`
  // `"...!" كما أضاف`: the Arabic counterpart of `"...!" he added`
  if (isQuote(text.charCodeAt(j - 1)) && AR_QUOTE_ATTRIBUTION.has(bareArabicWordAt(text, next, le))) return false;
  if (other) return true;
  if (ellipsis || dots >= 3) return isLatinUpper(nc); // a pause inside the sentence unless a capital follows
  if (dots === 2) return false; // "A.. B": headline and stylistic pause, not a stop
  return fullStopEnds(text, s, i, next, le, extra);
}

/** A single full stop at text[i] followed by white space; `next` is the next word's start. */
function fullStopEnds(text: string, s: number, i: number, next: number, le: number, extra: ReadonlySet<string>): boolean {
  const ws = wordStartBefore(text, s, i);
  if (ws === i) return true; // after a bracket, quote or other punctuation: `2016).`
  const word = text.slice(ws, i);
  const lower = word.toLowerCase();
  if (extra.has(lower)) return false;
  const first = cpAt(text, ws);
  if (isDigitCp(first)) {
    let d = ws;
    while (d < i && isDigitCp(cpAt(text, d))) d++;
    if (d === i) return !(ws === s && i - ws <= 3); // "1. ..." at the start of a segment is a list number
    return true; // "2017م." and other digit-led words: a year marker ends its clause
  }
  const nextCp = cpAt(text, next);
  if (isArabicLetter(first)) {
    if (word.includes('.')) return false; // أ.د. ص.ب. ق.م.
    if (letterCount(word) === 1) {
      // "2017 م." (year) ends a sentence; "د." "م." before a name do not
      return AR_YEAR_MARKERS.has(word) && precededByNumber(text, s, ws);
    }
    // a Latin letter name after a name and before an Arabic word is a transliterated initial
    // (`روي في. واد` = Roe v. Wade); after another letter name it ends an acronym (`سي إن إن.`)
    if (AR_LETTER_INITIALS.has(word) && isArabicLetter(nextCp) && !AR_LETTER_NAMES.has(wordBefore(text, s, ws))) return false;
    return true;
  }
  if (isLatinUpper(first) || isLatinLower(first)) {
    if (EN_NEVER_FINAL.has(lower)) return false;
    const acronym = isDottedAcronym(lower);
    if (EN_MAYBE_FINAL.has(lower) || acronym) {
      if (isDigitCp(nextCp)) return false;
      return EN_SENTENCE_OPENERS.has(latinWordAt(text, next, le).toLowerCase());
    }
    if (word.length === 1) {
      // an initial ("George W. Bush") is followed by a Latin name; before an Arabic word a
      // capital letter is a grade or a label ending the sentence ("حصلوا على A. يبين")
      if (isLatinUpper(first)) return ws !== s && isArabicLetter(nextCp);
      return !(ws === s); // "a. ..." list item at a segment's start
    }
    return true;
  }
  return true;
}

/** Quotation state of the current segment. */
interface QuoteState {
  /** straight double quotes seen so far (odd = a quotation is open) */
  straight: number;
  /** where the open quotation started, or -1 */
  open: number;
  /** whether the open quotation was introduced like a quoted sentence: after a colon
   * (قال: "...") or a saying participle (قائلًا "...") */
  introduced: boolean;
}

function resetQuotes(q: QuoteState): void {
  q.straight = 0;
  q.open = -1;
  q.introduced = false;
}

/** Double quotation marks: straight, curly, guillemets. */
function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb;
}

/** Updates the quote state for the quote at text[k]; returns true when it closes a quotation. */
function trackQuote(text: string, s: number, k: number, q: QuoteState): boolean {
  const c = text.charCodeAt(k);
  const opening = c === 0x22 ? straightOpens(text, s, k, q) : c === 0x201c || c === 0xab || (c === 0x201d && q.open < 0);
  if (c === 0x22) q.straight++;
  if (opening) {
    let p = k;
    while (p > s && isSpace(text.charCodeAt(p - 1))) p--;
    q.open = k;
    q.introduced = p > s && (text.charCodeAt(p - 1) === 0x3a || AR_QUOTE_INTRODUCERS.has(bareArabic(text, wordStartBefore(text, s, p), p)));
    return false;
  }
  return true;
}

/** Whether the straight quote at text[k] opens a quotation. Its shape decides when clear
 * (after a space or colon and glued to a word: opens; glued to a word and before a space:
 * closes), so
 * a pairing lost to a typo or to a quotation opened with a curly quote (`قائلة”أريد ..."`)
 * does not flip every later quote; otherwise the count of straight quotes does. */
function straightOpens(text: string, s: number, k: number, q: QuoteState): boolean {
  const spaceBefore = k === s || isSpace(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 0x3a; // `قال:" ...`
  const spaceAfter = k + 1 >= text.length || isSpace(text.charCodeAt(k + 1)) || isLineBreak(text.charCodeAt(k + 1));
  if (spaceBefore !== spaceAfter) return spaceBefore;
  return q.straight % 2 === 0;
}

/**
 * Quotations that end a sentence without a full stop, common in translated news:
 *   `... "X" "Y ...`: one quotation closes and another opens with nothing joining them: a
 *   boundary between them unless both are short terms (`"منهار" "وفي صدمة"`);
 *   `قال: "X" وأضاف ...` / `قائلًا "X" وأضاف`: a quoted sentence (introduced by a colon or a
 *   saying participle), closed, then an Arabic word that is not an attribution (`كما`,
 *   `قائلًا`) nor a conjunction joining another quotation (`و"...`).
 * Quotations of fewer than four words are terms, not sentences.
 * Called for every quote character outside terminator runs.
 */
function quoteEndsSentence(text: string, s: number, i: number, le: number, q: QuoteState): boolean {
  const open = q.open;
  const introduced = q.introduced;
  const closes = trackQuote(text, s, i, q);
  if (closes) {
    q.open = -1;
    q.introduced = false;
  }
  // the shape of a closing quote: glued to the word before, white space after
  if (i + 1 >= le || !isSpace(text.charCodeAt(i + 1)) || i === s || isSpace(text.charCodeAt(i - 1))) return false;
  const k = skipSpace(text, i + 1, le);
  if (k >= le) return false;
  const nc = text.charCodeAt(k);
  const closedWords = closes && open >= 0 ? wordsBetween(text, open + 1, i, Infinity) : 0;
  if (isQuote(nc) && k + 1 < le && !isSpace(text.charCodeAt(k + 1))) {
    // the shape alone says close-then-open, even when straight quotes lost their pairing
    return closedWords >= 4 || wordsBetween(text, k + 1, le, 4) >= 4;
  }
  if (!closes || open < 0 || closedWords < 4 || !introduced || !isArabicLetter(nc)) return false;
  if (AR_QUOTE_ATTRIBUTION.has(bareArabicWordAt(text, k, le))) return false;
  // `و"إذا ...` / `أو "...`: a conjunction adding another quotation to the same sentence
  let w = k;
  while (w < le && isArabicLetter(text.charCodeAt(w))) w++;
  return !(w - k <= 2 && (isQuote(text.charCodeAt(w)) || (isSpace(text.charCodeAt(w)) && isQuote(text.charCodeAt(skipSpace(text, w, le))))));
}

/** Words in text[a, b) up to the first quote character, counting at most `max`. */
function wordsBetween(text: string, a: number, b: number, max: number): number {
  let words = 0;
  let inWord = false;
  for (let p = a; p < b && words < max; p++) {
    const c = text.charCodeAt(p);
    if (isQuote(c) || isLineBreak(c)) break;
    if (isSpace(c)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

/** The Arabic letters of the word starting at `k`, harakat and tatweel dropped ("قائلًا" → "قائلا"). */
function bareArabicWordAt(text: string, k: number, le: number): string {
  let e = k;
  while (e < le && e - k < 24 && (isArabicLetter(text.charCodeAt(e)) || isArabicMark(text.charCodeAt(e)) || text.charCodeAt(e) === 0x640)) e++;
  return bareArabic(text, k, e);
}

/** text[a, b) without Arabic marks and tatweel; "" if it holds anything but Arabic letters. */
function bareArabic(text: string, a: number, b: number): string {
  let out = '';
  for (let p = a; p < b; p++) {
    const c = text.charCodeAt(p);
    if (isArabicLetter(c)) out += text[p];
    else if (!isArabicMark(c) && c !== 0x640) return '';
  }
  return out;
}

/** The word (as wordStartBefore delimits it) that ends before `ws`, skipping white space. */
function wordBefore(text: string, s: number, ws: number): string {
  let k = ws;
  while (k > s && isSpace(text.charCodeAt(k - 1))) k--;
  return text.slice(wordStartBefore(text, s, k), k);
}

/** A full stop or ?/! glued to the next word ("انتهى.وقال"): split only between Arabic words of
 * some length, so abbreviations (د.محمد) and Latin tokens (aljazeera.net, 3.5) stay whole. */
function gluedArabicBoundary(text: string, s: number, i: number, j: number, le: number, dots: number, ellipsis: boolean, extra: ReadonlySet<string>): boolean {
  if (ellipsis || dots > 1 || j !== i + 1) return false;
  if (!isArabicLetter(text.charCodeAt(j))) return false;
  const ws = wordStartBefore(text, s, i);
  const word = text.slice(ws, i);
  if (word.includes('.') || extra.has(word) || letterCount(word) < 3 || !isArabicLetter(text.charCodeAt(ws))) return false;
  let k = j;
  while (k < le && (isArabicLetter(text.charCodeAt(k)) || isArabicMark(text.charCodeAt(k)))) k++;
  return letterCount(text.slice(j, k)) >= 2;
}

/** Start of the word (letters, marks, digits, tatweel, inner dots) ending at `i`. */
function wordStartBefore(text: string, s: number, i: number): number {
  let k = i;
  const limit = Math.max(s, i - 40);
  while (k > limit) {
    const p = prevIndex(text, k);
    const cp = cpAt(text, p);
    if (cp === 0x2e) {
      // an inner dot only if a letter precedes it (U.S, أ.د), never a leading one
      if (p > limit && isLetterCp(cpAt(text, prevIndex(text, p)))) {
        k = p;
        continue;
      }
      break;
    }
    if (isLetterCp(cp) || isMarkCp(cp) || isDigitCp(cp)) k = p;
    else break;
  }
  return k;
}

function letterCount(word: string): number {
  let n = 0;
  for (const ch of word) if (isLetterCp(ch.codePointAt(0) ?? 0) && ch !== 'ـ') n++;
  return n;
}

/** "u.s", "a.m": single letters joined by dots. */
function isDottedAcronym(lower: string): boolean {
  if (lower.length < 3) return false;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (k % 2 === 0 ? !(c >= 0x61 && c <= 0x7a) : c !== 0x2e) return false;
  }
  return true;
}

/** Whether the token before `ws` (skipping spaces) is a number: "2017 م." */
function precededByNumber(text: string, s: number, ws: number): boolean {
  let k = ws;
  while (k > s && isSpace(text.charCodeAt(k - 1))) k--;
  return k > s && isDigitCp(cpAt(text, prevIndex(text, k)));
}

/** The run of Latin letters starting at `k`. */
function latinWordAt(text: string, k: number, le: number): string {
  let e = k;
  while (e < le && (isLatinUpper(text.charCodeAt(e)) || isLatinLower(text.charCodeAt(e)))) e++;
  return text.slice(k, e);
}

/** First character of the next word after `j`: skips white space and opening quotes/brackets. */
function nextWordStart(text: string, j: number, le: number): number {
  let k = j;
  while (k < le && (isSpace(text.charCodeAt(k)) || isOpener(text.charCodeAt(k)))) k++;
  return k;
}

function skipSpace(text: string, k: number, le: number): number {
  while (k < le && isSpace(text.charCodeAt(k))) k++;
  return k;
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Label text without final punctuation, for comparing with BOILERPLATE. */
function bareLabel(text: string, s: number, e: number): string {
  while (e > s && (isTerminator(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 0x3a)) e--;
  return text.slice(s, trimEnd(text, s, e));
}

/** A line that starts with a boilerplate label followed by more text: the label becomes its own
 * segment. Returns where the rest starts. */
function cutLeadingBoilerplate(text: string, s: number, le: number, out: number[]): number {
  for (const label of BOILERPLATE) {
    if (!text.startsWith(label, s)) continue;
    let e = s + label.length;
    if (e < le && isLetterCp(cpAt(text, e))) continue; // only a whole-word match
    while (e < le && (isTerminator(text.charCodeAt(e)) || text.charCodeAt(e) === 0x3a)) e++;
    const rest = skipSpace(text, e, le);
    if (rest >= le) return s; // the whole line is the label: one segment anyway
    out.push(s, e);
    return rest;
  }
  return s;
}

/** If text[s, e) ends with a boilerplate label after other text, where the label starts; else s. */
function trailingBoilerplate(text: string, s: number, e: number): number {
  const bare = bareLabel(text, s, e);
  for (const label of BOILERPLATE) {
    if (bare.length > label.length && bare.endsWith(label)) {
      const at = s + bare.length - label.length;
      if (isSpace(text.charCodeAt(at - 1)) || isTerminator(text.charCodeAt(at - 1))) return at;
    }
  }
  return s;
}

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** Converts ascending UTF-16 boundary pairs to code-point spans in one pass. */
function toCodePointSpans(text: string, b: number[]): Span[] {
  const spans: Span[] = [];
  if (!HAS_SURROGATE.test(text)) {
    // one code point per UTF-16 unit: the offsets are already code points
    for (let k = 0; k < b.length; k += 2) if (b[k] < b[k + 1]) spans.push({ start: b[k], end: b[k + 1] });
    return spans;
  }
  let u = 0;
  let cp = 0;
  const advance = (target: number) => {
    while (u < target) {
      const c = text.charCodeAt(u);
      u += c >= 0xd800 && c <= 0xdbff && u + 1 < text.length && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      cp++;
    }
  };
  for (let k = 0; k < b.length; k += 2) {
    if (b[k] >= b[k + 1]) continue;
    advance(b[k]);
    const start = cp;
    advance(b[k + 1]);
    spans.push({ start, end: cp });
  }
  return spans;
}

/** A segment from an earlier segmentation, with its origin ('manual' = the user's split/merge). */
export interface PreviousSegment {
  /** code points into the same text */
  start: number;
  end: number;
  /** 'manual' segments are kept exactly; 'auto' ones (or absent) are recomputed */
  origin?: 'auto' | 'manual';
}

/** A segment of a re-segmentation: a span plus where it came from. */
export interface ResegmentedSpan extends Span {
  /** 'manual' when carried over unchanged from a manual segment, else 'auto' */
  origin: 'auto' | 'manual';
}

/**
 * Re-segments `text` while keeping the user's manual segments: every valid manual span
 * (inside the text, not overlapping an earlier kept one) is kept verbatim, and only the text
 * between them is segmented again. Use after changing options (e.g. new abbreviations).
 */
export function resegmentPreservingManual(text: string, previous: readonly PreviousSegment[], options: SegmentOptions): ResegmentedSpan[] {
  const map = new OffsetMap(text);
  const manual = previous.filter((p) => p.origin === 'manual' && p.start >= 0 && p.end <= map.cpLength && p.start < p.end).sort((a, b) => a.start - b.start);
  const out: ResegmentedSpan[] = [];
  let cursor = 0;
  const autoUntil = (end: number) => {
    if (end <= cursor) return;
    const part = map.slice(cursor, end);
    for (const sp of segmentSentences(part, options)) out.push({ start: cursor + sp.start, end: cursor + sp.end, origin: 'auto' });
  };
  for (const m of manual) {
    if (m.start < cursor) continue; // overlaps a kept manual segment: the earlier one wins
    autoUntil(m.start);
    out.push({ start: m.start, end: m.end, origin: 'manual' });
    cursor = m.end;
  }
  autoUntil(map.cpLength);
  return out;
}
