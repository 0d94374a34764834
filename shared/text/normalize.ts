// Normalisation for MATCHING only (search, propagation, glossary, entity keys, alignment anchors,
// memory import). Stored text is never altered: callers match on the normalised text and map hits
// back to the original with the offset map. This module owns every character-folding table of the
// project; other modules pick folds through options, not copies.
//
// Folds, applied per code point (so every output character knows which input code point it came
// from; a whole-string NFKC would mix neighbours and lose that):
//   - NFKC of compatibility characters: Arabic presentation forms (ﻻ → لا, ﺍ → ا), fullwidth
//     and ligature forms, NBSP → space, … → ... (the only folds that may expand one code point
//     into several; the offset map sends each of them back to that code point);
//   - tatweel (ـ) and Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef,
//     Quranic marks) removed;
//   - alef variants أ إ آ ٱ ٲ ٳ → ا and alef maksura ى → ي (unless `strictLetters`); Persian yeh
//     ی and ې → ي; keheh ک → ك;
//   - teh marbuta ة → ه when `taMarbuta` is set;
//   - Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII digits, ٫ → . and ٬ → ,;
//   - upper case → lower case when `lowercase` is set (only where it stays one code unit);
//   - with `names` (entity matching, see NAME_FOLDING): invisible format characters dropped, any
//     combining mark dropped and Latin letters with diacritics folded to their base letter
//     (Erdoğan = Erdogan), curly quotes → straight ones, ، ؛ ؟ → , ; ?, and every run of white space
//     or line breaks → one space.
import { isArabicMark, isInvisible, isLineBreak, isMarkCp, isSpace } from './chars.ts';

/** Which folds to apply beyond the fixed ones listed in the header. */
export interface NormalizeOptions {
  /** fold teh marbuta ة into heh ه (matches "مدرسه" with "مدرسة") */
  taMarbuta?: boolean;
  /** fold upper case to lower case, any script (for English glossaries, search, name keys) */
  lowercase?: boolean;
  /** keep the hamza alefs أ إ آ and alef maksura ى apart from ا and ي (entity propagation
   * searches the spelling variants itself, so that آن "Ann" does not find أن "that") */
  strictLetters?: boolean;
  /** name matching: drop invisible format characters and all combining marks, fold Latin
   * diacritics, straighten quotes and Arabic punctuation, collapse white space to one space */
  names?: boolean;
}

/** The folds entities use for names (glossary keys, grouping, propagation, snapping). */
export const NAME_FOLDING: Readonly<NormalizeOptions> = { taMarbuta: true, lowercase: true, names: true };

/** A normalised text plus its map back to the original. */
export interface NormalizedText {
  /** the normalised text */
  text: string;
  /** code-point length of `text` */
  length: number;
  /**
   * For each UTF-16 unit of `text`, the code-point offset in the original of the code point it
   * came from (hot loops that search `text` with indexOf use this rather than toOriginal).
   */
  origin: Int32Array;
  /** code-point length of the original */
  originalLength: number;
  /**
   * Original code-point offset for normalised code-point offset `i` (0 ≤ i ≤ length). For
   * i < length it is where the input code point that produced output code point i starts;
   * toOriginal(length) is the original length. So a normalised span [a, b) maps to the original
   * span [toOriginal(a), toOriginal(b)), which includes the diacritics removed after its last letter.
   */
  toOriginal: (i: number) => number;
  /** Normalised code-point offset for original code-point offset `j` (0 ≤ j ≤ original length):
   * the first output code point produced at or after input code point j. */
  toNormalized: (j: number) => number;
}

const ALEF = 0x0627;
const YEH = 0x064a;
const SPACE = 0x20;
/** foldCode result: drop the code point */
const DROP = -1;
/** foldCode result: white space (collapsed with its neighbours in `names` mode) */
const WHITE = -2;
/** foldCode result: output `compatCache.get(cp)` folded again (NFKC changed it) */
const COMPAT = -3;

const compatCache = new Map<number, string>();

/** NFKC of one code point, cached (a few thousand distinct characters at most in practice). */
function compat(cp: number): string {
  let out = compatCache.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp).normalize('NFKC');
    if (compatCache.size < 4096) compatCache.set(cp, out);
  }
  return out;
}

/** Folds of the Arabic block U+0600..U+06FF: the output code unit, or DROP. */
function foldArabicBlock(c: number, o: NormalizeOptions): number {
  if (c === 0x0640 || isArabicMark(c)) return DROP; // tatweel, harakat
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: return o.strictLetters ? c : ALEF; // آ أ إ
    case 0x0671: case 0x0672: case 0x0673: return ALEF; // ٱ and rare hamza alefs
    case 0x0649: return o.strictLetters ? c : YEH; // ى
    case 0x06cc: case 0x06d0: return YEH; // ی ې
    case 0x06a9: return 0x0643; // ک → ك
    case 0x0629: return o.taMarbuta ? 0x0647 : c; // ة → ه
    case 0x066b: return 0x2e; // Arabic decimal separator
    case 0x066c: return 0x2c; // Arabic thousands separator
  }
  if (c >= 0x0660 && c <= 0x0669) return 0x30 + c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return 0x30 + c - 0x06f0;
  if (o.names) {
    if (c === 0x060c) return 0x2c; // ،
    if (c === 0x061b) return 0x3b; // ؛
    if (c === 0x061f) return 0x3f; // ؟
    if (c === 0x061c) return DROP; // ALM
  }
  return c;
}

/** The fold of one code point: an output BMP code unit, DROP, WHITE or COMPAT. */
function foldCode(cp: number, o: NormalizeOptions): number {
  if (cp < 0x80) {
    if (o.names && (cp === SPACE || (cp >= 0x09 && cp <= 0x0d))) return WHITE;
    return o.lowercase && cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  }
  if (cp >= 0x0600 && cp <= 0x06ff) return foldArabicBlock(cp, o);
  if (isArabicMark(cp)) return DROP; // extended Arabic marks
  if (o.names) {
    if (isInvisible(cp)) return DROP;
    if (isSpace(cp) || isLineBreak(cp)) return WHITE;
    if (isMarkCp(cp)) return DROP;
    switch (cp) {
      case 0x2018: case 0x2019: case 0x201b: case 0x2032: return 0x27; // '
      case 0x201c: case 0x201d: case 0x201e: case 0xab: case 0xbb: return 0x22; // "
    }
    if (cp >= 0xc0 && cp <= 0x024f) {
      // Latin letters with diacritics: Erdoğan matches Erdogan
      const base = String.fromCharCode(cp).normalize('NFD').charCodeAt(0);
      return o.lowercase ? lower(base) : base;
    }
  }
  // astral code points (emoji) and everything NFKC changes go through the string path
  if (cp > 0xffff) return COMPAT;
  const nfkc = compat(cp);
  if (nfkc.length !== 1 || nfkc.charCodeAt(0) !== cp) return COMPAT;
  return o.lowercase ? lower(cp) : cp;
}

/** Lower case of a BMP code unit when it is one code unit, else the unit itself. */
function lower(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

/** The output being built: code units and, for each, the input code point it came from. */
class Output {
  units: Uint16Array;
  origin: Int32Array;
  n = 0;
  /** surrogate pairs written so far (output code points = n - astral) */
  astral = 0;
  /** the last unit written is a collapsed space (`names` mode) */
  lastSpace = false;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.origin = new Int32Array(capacity);
  }

  /** Makes room for `extra` more units. */
  reserve(extra: number): void {
    if (this.n + extra <= this.units.length) return;
    const size = Math.max(this.units.length * 2, this.n + extra);
    const u = new Uint16Array(size);
    u.set(this.units.subarray(0, this.n));
    this.units = u;
    const o = new Int32Array(size);
    o.set(this.origin.subarray(0, this.n));
    this.origin = o;
  }

  push(unit: number, from: number): void {
    this.reserve(1);
    const n = this.n;
    if (unit >= 0xdc00 && unit <= 0xdfff && n > 0 && this.units[n - 1] >= 0xd800 && this.units[n - 1] <= 0xdbff) this.astral++;
    this.units[n] = unit;
    this.origin[n] = from;
    this.n = n + 1;
  }

  /** One input code point; a compatibility character is emitted as each code point of its NFKC. */
  emit(cp: number, from: number, opts: NormalizeOptions): void {
    const f = foldCode(cp, opts);
    if (f >= 0) {
      this.push(f, from);
      this.lastSpace = false;
    } else if (f === WHITE) {
      if (!this.lastSpace) this.push(SPACE, from);
      this.lastSpace = true;
    } else if (f === COMPAT) {
      const out = compat(cp);
      if (out.codePointAt(0) === cp) {
        // astral and unchanged (NFKC is idempotent, so a second round never lands here for BMP)
        for (let k = 0; k < out.length; k++) this.push(out.charCodeAt(k), from);
        this.lastSpace = false;
      } else {
        for (const ch of out) this.emit(ch.codePointAt(0) ?? 0, from, opts);
      }
    }
  }
}

/** Code points below this are folded through a per-options table (ASCII, Latin-1, Arabic block). */
const TABLE_END = 0x0700;
const tables = new Map<number, Int32Array>();

/** foldCode of every code point below TABLE_END for these options (built once per combination). */
function tableFor(o: NormalizeOptions): Int32Array {
  const key = (o.taMarbuta ? 1 : 0) | (o.lowercase ? 2 : 0) | (o.strictLetters ? 4 : 0) | (o.names ? 8 : 0);
  let t = tables.get(key);
  if (!t) {
    t = new Int32Array(TABLE_END);
    for (let c = 0; c < TABLE_END; c++) t[c] = foldCode(c, o);
    tables.set(key, t);
  }
  return t;
}

/** Normalises `text` for matching and returns it with its offset map (see NormalizedText). O(n). */
export function normalizeWithMap(text: string, opts: NormalizeOptions = {}): NormalizedText {
  const len = text.length;
  const table = tableFor(opts);
  const out = new Output(len + 8);
  // the hot loop works on locals, synced with `out` around the slow path
  let units = out.units;
  let origin = out.origin;
  let n = 0;
  let lastSpace = false;
  let cp = 0;
  for (let u = 0; u < len; u++, cp++) {
    const c = text.charCodeAt(u);
    // fast path: the table (the buffer always has room for the rest of the input: only the
    // slow path can expand)
    const f = c < TABLE_END ? table[c] : COMPAT;
    if (f >= 0) {
      units[n] = f;
      origin[n++] = cp;
      lastSpace = false;
    } else if (f === DROP) {
      continue;
    } else if (f === WHITE) {
      if (!lastSpace) {
        units[n] = SPACE;
        origin[n++] = cp;
        lastSpace = true;
      }
    } else {
      // the slow path: one code point through foldCode (a surrogate pair is one code point)
      let code = c;
      if (c >= 0xd800 && c <= 0xdbff && u + 1 < len && text.charCodeAt(u + 1) >= 0xdc00 && text.charCodeAt(u + 1) <= 0xdfff) {
        code = ((c - 0xd800) << 10) + (text.charCodeAt(++u) - 0xdc00) + 0x10000;
      }
      out.n = n;
      out.lastSpace = lastSpace;
      out.emit(code, cp, opts);
      out.reserve(len - u + 8);
      units = out.units;
      origin = out.origin;
      n = out.n;
      lastSpace = out.lastSpace;
    }
  }
  out.n = n;
  return withMap(unitsToString(out.units, n), out.origin.subarray(0, n), cp, out.astral);
}

/** The string of the first `n` code units (fromCharCode's argument count is limited: chunks).
 * `apply` takes the typed array as it is; a spread (`...units`) walks it through the iterator
 * protocol, 15× slower (issue 17: most of find's first query). */
function unitsToString(units: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return out;
}

/** Adds the code-point maps to a normalised text (unit offsets = code points when nothing is astral). */
function withMap(text: string, origin: Int32Array, originalLength: number, astral: number): NormalizedText {
  const length = text.length - astral;
  // normalised code point → its first UTF-16 unit, only needed when the output has astral characters
  let cpUnit: Int32Array | null = null;
  const unitOf = (i: number): number => {
    if (astral === 0) return i;
    if (!cpUnit) {
      cpUnit = new Int32Array(length);
      for (let u = 0, k = 0; u < text.length; u++, k++) {
        cpUnit[k] = u;
        const c = text.charCodeAt(u);
        const d = text.charCodeAt(u + 1);
        if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) u++;
      }
    }
    return cpUnit[i];
  };
  const toOriginal = (i: number): number => {
    if (!Number.isInteger(i) || i < 0 || i > length) throw new RangeError(`normalised offset ${i} is outside 0..${length}`);
    return i === length ? originalLength : origin[unitOf(i)];
  };
  const toNormalized = (j: number): number => {
    if (!Number.isInteger(j) || j < 0 || j > originalLength) throw new RangeError(`original offset ${j} is outside 0..${originalLength}`);
    // first output code point whose origin is ≥ j (origin is non-decreasing)
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (origin[unitOf(mid)] < j) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { text, length, origin, originalLength, toOriginal, toNormalized };
}

/** The normalised text alone (for keys and comparisons where no offsets are needed). */
export function normalizeForMatch(text: string, opts: NormalizeOptions = {}): string {
  // text every unit of which folds to itself (most Arabic words: no hamza alef, ى, ة or harakat)
  // is its own normal form: no offset map built for it
  const table = tableFor(opts);
  let same = true;
  for (let u = 0; u < text.length && same; u++) {
    const c = text.charCodeAt(u);
    same = c < TABLE_END && table[c] === c;
  }
  return same ? text : normalizeWithMap(text, opts).text;
}

/** The key under which spellings of one name compare equal (NAME_FOLDING, trimmed): glossary
 * lookups, grouping entities, known-name sets. `strictLetters` keeps hamza alefs and ى apart. */
export function nameKey(text: string, opts: { strictLetters?: boolean } = {}): string {
  return normalizeForMatch(text, opts.strictLetters ? { ...NAME_FOLDING, strictLetters: true } : NAME_FOLDING).trim();
}

/** Arabic-Indic (U+0660..) and Persian (U+06F0..) digits → ASCII, nothing else touched (numbers
 * compared across languages by the aligner). */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String.fromCharCode(0x30 + ((d.charCodeAt(0) - 0x0660) % 0x90)));
}

/** Tatweel and Arabic combining marks removed, nothing else touched (letter skeletons, lengths). */
export function stripArabicMarks(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0640 || isArabicMark(c)) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
