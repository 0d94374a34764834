// Snapping a selection to the name it holds: the user drags or double-clicks "بإدلب،" and the
// mention becomes "إدلب". Rules (documented in docs/entities.md, "Snapping"):
//   1. never split a letter from its combining marks, nor a surrogate pair (the span grows to
//      take the whole cluster);
//   2. strip white space, punctuation, quotes and invisible format characters on both edges;
//   3. strip the proclitics glued to the first word (at most one conjunction و/ف and one
//      preposition ب/ك/ل, or لـ with tatweel), only when the rest is evidence-backed (a known
//      name, a word standing on its own in the text, a lexicon word that heads names, the row's
//      English rendering the rest), never merely because a first letter could be a clitic;
//      the article ال is never stripped: it is part of the name as written (القاهرة);
//   4. English: strip a possessive 's / ’s at the end;
//   5. `exact` keeps the selection as made (only rule 1 applies).
import { OffsetMap } from '../text/offsets.ts';
import { TATWEEL, isArabicLetter, isEdgeJunk, isHamzaAlef, isLatinLetterCp, isLetterCp, isMarkCp } from '../text/chars.ts';
import { NAME_FOLDING, nameKey, normalizeForMatch } from '../text/normalize.ts';
import { CLITIC_NAMES, NAME_HEADS } from './clitic-names.ts';
import { arabicSkeleton, latinSkeleton } from '../align/translit.ts';

/** Options for `snapSelection`. */
export interface SnapOptions {
  /** keep the selection exactly as made (modifier key held); only cluster boundaries are fixed */
  exact?: boolean;
  /** known name forms, folded with `nameKey` (glossary and entity forms): a word that is a known
   * name keeps its initial letters, a remainder that is a known name proves a clitic */
  known?: ReadonlySet<string>;
  /** folded words of the whole text (see `wordSet`); built from `text` when absent. Pass a cached
   * set when snapping often in a large text. */
  words?: ReadonlySet<string>;
  /** the row's English: a clitic is stripped when the rest transliterates a capitalised span of it
   * clearly better than the whole word does (وسخالين ↔ Sakhalin) */
  english?: string;
}

/** The folded words of a text, for `SnapOptions.words`. */
export function wordSet(text: string): Set<string> {
  return new Set(normalizeForMatch(text, NAME_FOLDING).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0));
}

/** A cluster: a base code point and the combining marks after it. */
interface Cluster {
  /** the base code point */
  base: string;
  /** code points of the cluster (base + marks) */
  size: number;
}

const TATWEEL_CH = String.fromCharCode(TATWEEL);

/** A letter of any script, tatweel excluded. */
const isLetter = (cp: number) => cp !== TATWEEL && isLetterCp(cp);

/** Proclitic sequences, shortest first (one conjunction, then one preposition). */
const PREFIXES = ['و', 'ف', 'ب', 'ك', 'ل', 'وب', 'وك', 'ول', 'فب', 'فك', 'فل'];

/**
 * Snaps [start, end) (code points into `text`) to the name it holds. Returns null when nothing
 * but junk (spaces, punctuation, clitics) was selected.
 */
export function snapSelection(text: string, start: number, end: number, opts: SnapOptions = {}): { start: number; end: number } | null {
  const map = new OffsetMap(text);
  if (start > end) [start, end] = [end, start];
  start = Math.max(0, Math.min(start, map.cpLength));
  end = Math.max(0, Math.min(end, map.cpLength));
  const at = (i: number): number => map.slice(i, i + 1).codePointAt(0) ?? 0;
  // rule 1: whole clusters
  while (start > 0 && start < map.cpLength && isMarkCp(at(start))) start--;
  while (end < map.cpLength && end > 0 && isMarkCp(at(end))) end++;
  if (opts.exact) return start < end ? { start, end } : null;

  let cliticsDone = false;
  for (;;) {
    const before = [start, end];
    // a mark with no letter before it (after a trimmed quote or space) is junk too
    while (start < end && (isEdgeJunk(at(start)) || (isMarkCp(at(start)) && (start === 0 || !isLetter(at(start - 1)))))) start++;
    while (end > start && isEdgeJunk(at(end - 1))) end--;
    if (start >= end) return null;
    if (!cliticsDone && isArabicLetter(at(start))) {
      cliticsDone = true;
      start += procliticLength(map.slice(start, end), text, opts);
    }
    // rule 4: English possessive
    if (end - start > 2 && (at(end - 2) === 0x27 || at(end - 2) === 0x2019) && (at(end - 1) | 0x20) === 0x73 && isLatinLetterCp(at(end - 3))) end -= 2;
    if (before[0] === start && before[1] === end) return { start, end };
  }
}

/** Clusters of the first word of `s` (letters with their marks, tatweel included as a base). */
function firstWord(s: string): Cluster[] {
  const out: Cluster[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (isMarkCp(c) && out.length > 0) out[out.length - 1].size++;
    else if (isLetterCp(c)) out.push({ base: ch, size: 1 }); // tatweel included
    else break;
  }
  return out;
}

/**
 * How many code points of proclitics begin `sel` (0 when none or unsure). A proclitic is stripped
 * only when the remainder is itself evidence-backed, never merely because the first letter could
 * be a clitic (كاليفورنيا, فالنسيا, كوفي, بطولة, كوما keep every letter). Evidence, in order:
 * the word is a known name (keep); the remainder is a known name (strip); the remainder, three
 * letters or more and not a function word (وفي, وما), occurs on its own in the text (strip); the
 * remainder starts with the article ال and does not end in a bare alef (foreign names such as
 * فالنسيا look like ف + النسيا), or is لـ / a quote, or starts with a hamza alef (strip).
 */
function procliticLength(sel: string, text: string, opts: SnapOptions): number {
  const word = firstWord(sel);
  const letters = word.map((c) => c.base);
  const wordKey = nameKey(letters.join(''));
  const known = opts.known;
  const isKnown = (k: string) => CLITIC_NAMES.has(k) || (known?.has(k) ?? false);
  if (isKnown(wordKey) || isKnown(nameKey(sel))) return 0;
  const restOfSel = sel.slice(word.reduce((n, c) => n + c.base.length, 0));
  const candidates: Array<{ p: number; size: number; rest: string[] }> = [];
  for (const p of PREFIXES) {
    if (letters.slice(0, p.length).join('') !== p) continue;
    let size = 0;
    for (let i = 0; i < p.length; i++) size += word[i].size;
    const rest = letters.slice(p.length);
    // لـ: the tatweel belongs to the clitic
    if (rest[0] === TATWEEL_CH) {
      let k = 0;
      while (rest[k] === TATWEEL_CH) size += word[p.length + k++].size;
      return size;
    }
    candidates.push({ p: p.length, size, rest });
  }
  if (candidates.length === 0) return 0;
  // a clitic glued to a quote or punctuation: ل"حزب الله"
  for (const c of candidates) if (c.rest.length === 0 && restOfSel.length > 0) return c.size;
  const words = opts.words ?? wordSet(text);
  for (const c of candidates) {
    const r = nameKey(c.rest.join(''));
    if (r.length >= 2 && (isKnown(r) || isKnown(nameKey(c.rest.join('') + restOfSel)))) return c.size;
  }
  // the row's English renders the whole word (فالينتينو ↔ Valentino, فورد ↔ Ford even when ورد
  // stands alone in the text): keep it
  const selLetters = [...nameKey(sel)].filter((ch) => isArabicLetter(ch.codePointAt(0) ?? 0));
  if (opts.english && (englishRendersWhole(letters, opts.english) || (selLetters.length > letters.length && englishRendersWhole(selLetters, opts.english)))
    && !candidates.some((c) => englishRendersRest(letters, c.rest, opts.english!))) return 0;
  for (const c of candidates) {
    const r = nameKey(c.rest.join(''));
    if (r.length >= 3 && words.has(r) && !FUNCTION_WORDS.has(r)) return c.size;
  }
  // a doubled و: the first is the conjunction (ووهان, a name, is known above)
  if (letters[0] === 'و' && letters[1] === 'و' && letters.length >= 5) return word[0].size;
  // a lexicon word that heads names (جامعة, هيئة, جنوب, حزيران): بجامعة كارولينا
  for (const c of candidates) if (NAME_HEADS.has(nameKey(c.rest.join('')))) return c.size;
  // the English of the row renders the rest, not the whole word
  if (opts.english) for (const c of candidates) if (englishRendersRest(letters, c.rest, opts.english)) return c.size;
  // structural evidence, longest prefix first (وبالقاهرة strips وب)
  for (const c of [...candidates].reverse()) {
    const r = c.rest;
    // (after ف ك ب a final bare alef marks a foreign name: فالنسيا; after و the article is usual: والنمسا)
    // (a stem of two letters after the article looks like a name more often: بالين is Palin)
    const afterWaw = c.p === 1 && letters[0] === 'و';
    if ((r.length >= 5 || (afterWaw && r.length >= 4)) && r[0] === 'ا' && r[1] === 'ل' && (r[r.length - 1] !== 'ا' || afterWaw)) return c.size;
    // لل: the preposition ل before the article, whose alef is dropped (للأمم → لأمم)
    if (c.p >= 1 && letters[c.p - 1] === 'ل' && r[0] === 'ل' && r.length >= 3) return c.size;
    if (r.length >= 3 && isHamzaAlef(r[0].charCodeAt(0))) return c.size;
  }
  return 0;
}

/**
 * True when a capitalised word of `english` has the consonant skeleton of `rest` (shared/align/
 * translit.ts) and none has the whole word's: بفرانكو ↔ Franco. The skeleton drops و (w), so
 * after و the English word must not begin with w/v/o/u (وليد ↔ Walid keeps its و).
 */
/** The consonant skeleton of an Arabic word, تش (ch) as one sound: ريتشارد ↔ Richard. */
const skeleton = (ar: string) => arabicSkeleton(ar).replace(/tx/g, 'x');

/** True when a capitalised word of `english` has the whole word's consonant skeleton and the
 * word does not begin with و (whose skeleton is empty). */
function englishRendersWhole(letters: string[], english: string): boolean {
  const sk = skeleton(letters.join(''));
  return letters[0] !== 'و' && sk.length >= 3 && (english.match(/\p{Lu}[\p{L}\p{M}'’]*/gu) ?? []).some((w) => latinSkeleton(w) === sk);
}

function englishRendersRest(letters: string[], rest: string[], english: string): boolean {
  const restSk = skeleton(rest.join(''));
  if (restSk.length < 2) return false;
  const wholeSk = skeleton(letters.join(''));
  const words = english.match(/\p{Lu}[\p{L}\p{M}'’]*/gu) ?? [];
  if (wholeSk === restSk) {
    // only a lone و leaves the skeleton as it is (k+k merging, كيغالي, proves nothing)
    if (letters.length - rest.length !== 1 || letters[0] !== 'و') return false;
    return words.some((w) => latinSkeleton(w) === restSk && !/^[wvou]/i.test(w));
  }
  if (words.some((w) => latinSkeleton(w) === wholeSk)) return false;
  // a rest starting with و against an English W/V: the skeleton dropped both (فورتمبيرغ ↔ Württemberg)
  return words.some((w) => latinSkeleton(w) === restSk && !(rest[0] === 'و' && /^[wv]/i.test(w)));
}

/** Function words (folded) that begin with a proclitic letter: a remainder equal to one of them
 * is no evidence (كوفي is not ك + وفي, كوما not ك + وما). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  ['وفي', 'وما', 'ولا', 'ومن', 'وهو', 'وهي', 'وقد', 'وكان', 'ولم', 'ولن', 'وعن', 'وإن', 'وأن', 'فما', 'فلا', 'فقد', 'فهو', 'فيه', 'فيها', 'فيما', 'بما', 'لما', 'كما', 'لها', 'لهم', 'بها', 'بهم', 'منه', 'عنه', 'الذي', 'التي', 'ذلك', 'هذا', 'هذه', 'كانت', 'ليس', 'بين', 'بعد', 'قبل', 'حتى', 'على', 'إلى', 'عند']
    .map((w) => nameKey(w)),
);
