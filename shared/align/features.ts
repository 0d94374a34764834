// Per-sentence features the aligner scores: a length in characters and a set of anchor keys
// (numbers, punctuation, glossary/entity pairs, transliterated names). Keys are interned to small
// integers and only kept when they occur on both sides of the document, so a link's anchor score is
// a cheap intersection of a few integers.
import type { AnchorPair } from './types.ts';
import { arabicNameForms, arabicSkeleton, latinSkeleton } from './translit.ts';
import { asciiDigits, normalizeForMatch } from '../text/normalize.ts';
import { TATWEEL, isArabicMark } from '../text/chars.ts';

/** Anchor key kinds and their weight in nats (how much one shared key lowers a link's cost). */
export const ANCHOR_WEIGHTS = { number: 2.5, glossary: 3, name: 1.2, shortName: 0.4, punct: 0.5 } as const;

/** Cost in nats of a number (2+ digits) that a two-sided link leaves unmatched: evidence that the
 * sentence holding it belongs elsewhere or is untranslated. Single digits are often spelled out in
 * English ("three days" for "٣ أيام"), so they are not counted. */
export const UNMATCHED_NUMBER = 1.0;

/** Features of one side of a document, in flat arrays (one entry per sentence). */
export interface SideFeatures {
  /** sentence lengths in characters (code points, no white space or harakat) */
  len: Float64Array;
  /** keys of sentence i are keys[keyStart[i] .. keyStart[i + 1]) */
  keyStart: Int32Array;
  /** interned anchor keys, a set per sentence */
  keys: Int32Array;
  /** distinct numbers of 2+ digits per sentence, including numbers absent from the other side */
  nums: Int32Array;
}

/** Both sides' features plus the weight of each interned key. */
export interface DocFeatures {
  src: SideFeatures;
  tgt: SideFeatures;
  /** weight in nats of key id k */
  keyWeight: Float64Array;
  /** 1 when key id k is a number of 2+ digits (counted against UNMATCHED_NUMBER) */
  keyIsNumber: Uint8Array;
}

/** Numbers in a text, normalised: ASCII digits, separators removed ("١٬٢٣٤" and "1,234" → "1234"). */
export function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of asciiDigits(text).matchAll(/\d+(?:[.,٫٬]\d+)*/g)) out.push(m[0].replace(/[.,٫٬]/g, ''));
  return out;
}

/** Arabic text folded for substring matching of glossary anchors: no harakat or tatweel, one
 * alef, ى→ي, ة→ه (the text pipeline's normalisation). */
const foldArabic = (text: string): string => normalizeForMatch(text, { taMarbuta: true });

/** Characters that count for length: code points other than white space, harakat and tatweel. */
function charLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === TATWEEL || isArabicMark(c)) continue;
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: its pair was counted once
    if (c >= 0x2000 && c <= 0x200f) continue;
    n++;
  }
  return n;
}

/** Punctuation that translators carry across: question, exclamation, parentheses, quotes, colon. */
function punctKeys(text: string): string[] {
  const out: string[] = [];
  if (/[?؟]/.test(text)) out.push('p?');
  if (text.includes('!')) out.push('p!');
  if (/[()]/.test(text)) out.push('p(');
  if (/["“”«»]/.test(text)) out.push('p"');
  if (text.includes(':')) out.push('p:');
  return out;
}

/** Capitalised English words that are not names. */
const EN_STOP = new Set(
  ('the this that these those there then than he she it its they them their we our you your his her i ' +
    'in on at by of to for from with as and but or nor so yet if when while after before since until ' +
    'however although though because also mr mrs ms dr said says according monday tuesday wednesday ' +
    'thursday friday saturday sunday january february march april may june july august september ' +
    'october november december a an what who which where why how not no all some many most more one')
    .split(' '),
);


/** Skeleton keys of one Arabic word, memoised per document (news vocabulary repeats a lot). */
function arabicWordKeys(word: string, cache: Map<string, string[]>): string[] {
  let keys = cache.get(word);
  if (!keys) {
    const set = new Set<string>();
    for (const form of arabicNameForms(word)) {
      const sk = arabicSkeleton(form);
      if (sk.length >= 2) set.add('t' + sk);
    }
    keys = [...set];
    cache.set(word, keys);
  }
  return keys;
}

/** A code unit of an Arabic word for name keys: letters U+0621–064A and U+0671–06D3, harakat
 * U+064B–065F, superscript alef U+0670, tatweel U+0640 (all in the BMP). */
const isArWordUnit = (c: number) => (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;

/** The maximal runs of Arabic word units in `text`, in order (a scan, not a regular expression:
 * no match object per word). */
export function arabicRuns(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isArWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isArWordUnit(text.charCodeAt(i))) i++;
    out.push(text.slice(start, i));
  }
  return out;
}

function arabicNameKeys(text: string, cache: Map<string, string[]>): string[] {
  const out = new Set<string>();
  // indexed loops in this file's hot paths: a one-shot CLI runs them cold, where for…of allocates
  // an iterator result per element
  const words = arabicRuns(text);
  for (let q = 0; q < words.length; q++) {
    const keys = arabicWordKeys(words[q], cache);
    for (let k = 0; k < keys.length; k++) out.add(keys[k]);
  }
  return [...out];
}

const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** What /[A-Za-z][A-Za-z'’]*\/g matches in `text`, by a scan (no match object per word). */
export function latinRuns(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (!isLatin(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    for (let c = text.charCodeAt(i); i < text.length && (isLatin(c) || c === 0x27 || c === 0x2019); c = text.charCodeAt(++i));
    out.push(text.slice(start, i));
  }
  return out;
}

function englishNameKeys(text: string, cache: Map<string, string[]>): string[] {
  const out = new Set<string>();
  const words = latinRuns(text);
  for (let q = 0; q < words.length; q++) {
    const w = words[q];
    if (w[0] < 'A' || w[0] > 'Z' || w.length < 3) continue;
    // memoised per document, as the Arabic side: names and capitalised words repeat
    let keys = cache.get(w);
    if (!keys) {
      const sk = EN_STOP.has(w.toLowerCase()) ? '' : latinSkeleton(w.replace(/['’]s$/, ''));
      keys = sk.length >= 2 ? ['t' + sk] : [];
      cache.set(w, keys);
    }
    for (let k = 0; k < keys.length; k++) out.add(keys[k]);
  }
  return [...out];
}

/** Raw (uninterned) key sets of one sentence. */
function sentenceKeys(text: string, side: 'ar' | 'en', anchors: AnchorPair[], folded: string[], cache: Map<string, string[]>): string[] {
  const keys = new Set<string>();
  const nums = numbersIn(text);
  for (let q = 0; q < nums.length; q++) keys.add('n' + nums[q]);
  const puncts = punctKeys(text);
  for (let q = 0; q < puncts.length; q++) keys.add(puncts[q]);
  if (anchors.length) {
    const hay = side === 'ar' ? foldArabic(text) : text.toLowerCase();
    for (let k = 0; k < anchors.length; k++) if (folded[k] && hay.includes(folded[k])) keys.add('g' + k);
  }
  const names = side === 'ar' ? arabicNameKeys(text, cache) : englishNameKeys(text, cache);
  for (let q = 0; q < names.length; q++) keys.add(names[q]);
  return [...keys];
}

function weightOf(key: string): number {
  switch (key[0]) {
    case 'n': return ANCHOR_WEIGHTS.number;
    case 'g': return ANCHOR_WEIGHTS.glossary;
    case 'p': return ANCHOR_WEIGHTS.punct;
    default: return key.length <= 3 ? ANCHOR_WEIGHTS.shortName : ANCHOR_WEIGHTS.name;
  }
}

const isLongNumber = (key: string) => key[0] === 'n' && key.length >= 3;

function documentFrequency(raw: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (let q = 0; q < raw.length; q++) {
    const keys = raw[q];
    for (let x = 0; x < keys.length; x++) df.set(keys[x], (df.get(keys[x]) ?? 0) + 1);
  }
  return df;
}

/** Features of both sides. Keys occurring on one side only are dropped (they can never match). */
export function documentFeatures(src: string[], tgt: string[], anchors: AnchorPair[] = []): DocFeatures {
  const arForms = anchors.map(([ar]) => foldArabic(ar.trim()));
  const enForms = anchors.map(([, en]) => en.trim().toLowerCase());
  const cache = new Map<string, string[]>();
  const srcRaw = src.map((s) => sentenceKeys(s, 'ar', anchors, arForms, cache));
  const tgtRaw = tgt.map((s) => sentenceKeys(s, 'en', anchors, enForms, cache));
  const dfSrc = documentFrequency(srcRaw);
  const dfTgt = documentFrequency(tgtRaw);
  // a key is kept when it occurs on both sides; a name skeleton also needs similar frequencies on
  // both sides (a common Arabic word whose skeleton collides with a rare English name is noise)
  const shared = new Set<string>();
  for (const [k, a] of dfSrc) {
    const e = dfTgt.get(k);
    if (e === undefined) continue;
    if (k[0] === 't' && (a > 2 * e + 1 || e > 2 * a + 1)) continue;
    shared.add(k);
  }
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const intern = (k: string) => {
    let id = ids.get(k);
    if (id === undefined) {
      id = weights.length;
      ids.set(k, id);
      weights.push(weightOf(k));
    }
    return id;
  };
  const side = (texts: string[], raw: string[][]): SideFeatures => {
    const len = new Float64Array(texts.length);
    const keyStart = new Int32Array(texts.length + 1);
    const nums = new Int32Array(texts.length);
    const keys: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      len[i] = charLength(texts[i]);
      const ks = raw[i];
      for (let q = 0; q < ks.length; q++) if (isLongNumber(ks[q])) nums[i]++;
      keyStart[i] = keys.length;
      for (let q = 0; q < ks.length; q++) if (shared.has(ks[q])) keys.push(intern(ks[q]));
    }
    keyStart[texts.length] = keys.length;
    return { len, keyStart, keys: Int32Array.from(keys), nums };
  };
  const srcSide = side(src, srcRaw);
  const tgtSide = side(tgt, tgtRaw);
  const keyIsNumber = new Uint8Array(weights.length);
  for (const [k, id] of ids) keyIsNumber[id] = isLongNumber(k) ? 1 : 0;
  return { src: srcSide, tgt: tgtSide, keyWeight: Float64Array.from(weights), keyIsNumber };
}
