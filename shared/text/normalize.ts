// Normalisation for MATCHING only (search, propagation, glossary, alignment anchors). Stored
// text is never altered: callers match on the normalised text and map hits back to the
// original with the offset map.
//
// Folds, applied per code point (so every output character knows which input character it came
// from; a whole-string NFKC would mix neighbours and lose that):
//   - NFKC of compatibility characters: Arabic presentation forms (ﻻ → لا, ﺍ → ا), fullwidth
//     and ligature forms, NBSP → space, … → ...
//   - tatweel (ـ) and Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef,
//     Quranic marks) removed;
//   - alef variants أ إ آ ٱ → ا; alef maksura ى → ي; Persian yeh ی → ي and keheh ک → ك;
//   - teh marbuta ة → ه when `taMarbuta` is set;
//   - Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII digits, ٫ → . and ٬ → ,;
//   - ASCII/Latin upper case → lower case when `lowercase` is set.

export interface NormalizeOptions {
  /** fold teh marbuta ة into heh ه (matches "مدرسه" with "مدرسة") */
  taMarbuta?: boolean;
  /** fold Latin letters to lower case (for English glossaries and search) */
  lowercase?: boolean;
}

/** A normalised text plus its map back to the original, all offsets in code points. */
export interface NormalizedText {
  /** the normalised text */
  text: string;
  /** code-point length of `text` */
  length: number;
  /**
   * Original code-point offset for normalised offset `i` (0 ≤ i ≤ length). For i < length it is
   * where the input character that produced output character i starts; toOriginal(length) is the
   * original length. So a normalised span [a, b) maps to the original span
   * [toOriginal(a), toOriginal(b)), which includes the diacritics removed after its last letter.
   */
  toOriginal: (i: number) => number;
  /** Normalised offset for original code-point offset `j` (0 ≤ j ≤ original length): the first
   * output character produced at or after input character j. */
  toNormalized: (j: number) => number;
}

const compatCache = new Map<number, string>();

/** Output for one input code point ('' when the character is dropped). */
function foldCodePoint(cp: number, opts: NormalizeOptions): string {
  if (cp < 0x80) {
    if (opts.lowercase && cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    return String.fromCharCode(cp);
  }
  if (cp >= 0x0600 && cp <= 0x06ff) {
    if (cp === 0x0640) return ''; // tatweel
    if ((cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x06d6 && cp <= 0x06ed && cp !== 0x06dd && cp !== 0x06de)) return '';
    if (cp === 0x0622 || cp === 0x0623 || cp === 0x0625 || cp === 0x0671) return 'ا';
    if (cp === 0x0649 || cp === 0x06cc) return 'ي';
    if (cp === 0x06a9) return 'ك';
    if (cp === 0x0629) return opts.taMarbuta ? 'ه' : 'ة';
    if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(0x30 + cp - 0x0660);
    if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(0x30 + cp - 0x06f0);
    if (cp === 0x066b) return '.';
    if (cp === 0x066c) return ',';
    return String.fromCharCode(cp);
  }
  if (cp >= 0x08ca && cp <= 0x08ff) return ''; // extended Arabic marks
  let out = compatCache.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp).normalize('NFKC');
    if (compatCache.size < 4096) compatCache.set(cp, out);
  }
  const self = String.fromCodePoint(cp);
  if (out === self) return opts.lowercase ? self.toLowerCase() : self;
  // the compatibility decomposition may itself need Arabic folds (ﺃ → أ → ا)
  let folded = '';
  for (const ch of out) folded += foldCodePoint(ch.codePointAt(0) ?? 0, opts);
  return folded;
}

/** Normalises `text` for matching and returns it with offset maps (code points). */
export function normalizeWithMap(text: string, opts: NormalizeOptions = {}): NormalizedText {
  const parts: string[] = [];
  // origin[k] = input code-point index of output code point k
  const origin: number[] = [];
  let inCp = 0;
  for (let u = 0; u < text.length; inCp++) {
    const cp = text.codePointAt(u) ?? 0;
    u += cp > 0xffff ? 2 : 1;
    const out = foldCodePoint(cp, opts);
    if (out.length === 0) continue;
    parts.push(out);
    if (out.length === 1) origin.push(inCp);
    else for (const _ of out) origin.push(inCp);
  }
  const inLength = inCp;
  const length = origin.length;
  const toOriginal = (i: number): number => {
    if (!Number.isInteger(i) || i < 0 || i > length) throw new RangeError(`normalised offset ${i} is outside 0..${length}`);
    return i === length ? inLength : origin[i];
  };
  const toNormalized = (j: number): number => {
    if (!Number.isInteger(j) || j < 0 || j > inLength) throw new RangeError(`original offset ${j} is outside 0..${inLength}`);
    // first output whose origin is ≥ j (origin is non-decreasing)
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (origin[mid] < j) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { text: parts.join(''), length, toOriginal, toNormalized };
}

/** The normalised text alone (for keys and comparisons where no offsets are needed). */
export function normalizeForMatch(text: string, opts: NormalizeOptions = {}): string {
  return normalizeWithMap(text, opts).text;
}
