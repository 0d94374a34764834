// Folding text for matching names: the same name written with or without harakat, tatweel,
// hamza on the alef, ta marbuta / ha, alef maqsura / ya, Arabic-Indic or Latin digits, any case,
// any run of white space, must compare equal. Folding drops or replaces single code points (never
// expands), so every folded unit maps back to one code point of the original: offsets found in the
// folded text are turned back into code-point offsets of the original with `origin`.
// `strictLetters` keeps the hamza alefs (أ إ آ) and alef maqsura (ى) apart: propagation searches a
// strict text with spelling variants of the name (see propagate.ts), so that آن (Ann) does not find
// أن (that) while إدلب still finds ادلب; keys for grouping forms fold them (the default).
//
// (H1's shared/text/normalize.ts may later offer the same; see docs/entities.md.)

/** A folded text and the way back to the original. */
export interface FoldedText {
  /** the folded text; astral code points stay two UTF-16 units */
  text: string;
  /** for each UTF-16 unit of `text`, the code-point offset in the original of the code point it came from */
  origin: Int32Array;
  /** length of the original in code points (the end offset for a match reaching the end) */
  originLength: number;
}

/** Arabic combining marks (harakat, shadda, sukun, superscript alef, Quranic signs) and Latin combining marks. */
function isMarkCode(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x08d3 && c <= 0x08ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

/** Invisible format characters (ZWJ, ZWNJ, LRM, RLM, bidi embeddings and isolates, BOM) and tatweel. */
function isIgnorableCode(c: number): boolean {
  return c === 0x0640 || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x061c || c === 0x00ad;
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

const ALEF = 0x0627;
const YEH = 0x064a;

/** The folded code unit of one BMP code point, or -1 to drop it. Spaces are handled by the caller. */
function foldCode(c: number, keepCase: boolean, strict: boolean): number {
  if (c < 0x80) return !keepCase && c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (isMarkCode(c) || isIgnorableCode(c)) return -1;
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: return strict ? c : ALEF; // آ أ إ
    case 0x0671: case 0x0672: case 0x0673: return ALEF; // ٱ and rare hamza alefs
    case 0x0649: return strict ? c : YEH; // ى
    case 0x06cc: case 0x06d0: return YEH; // ی ې
    case 0x0629: return 0x0647; // ة → ه
    case 0x06a9: return 0x0643; // ک → ك
    case 0x2018: case 0x2019: case 0x201b: case 0x2032: return 0x27; // '
    case 0x201c: case 0x201d: case 0x201e: case 0x00ab: case 0x00bb: return 0x22; // "
    case 0x060c: return 0x2c; // Arabic comma
    case 0x061b: return 0x3b;
    case 0x061f: return 0x3f;
  }
  if (c >= 0x0660 && c <= 0x0669) return 0x30 + c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return 0x30 + c - 0x06f0;
  if (c >= 0x0600 && c <= 0x06ff) return c;
  const ch = String.fromCharCode(c);
  if (c >= 0x00c0 && c <= 0x024f) {
    // Latin letters with diacritics: Erdoğan matches Erdogan
    const base = ch.normalize('NFD').charAt(0);
    return (keepCase ? base : base.toLowerCase()).charCodeAt(0);
  }
  if (!keepCase) {
    const lower = ch.toLowerCase();
    if (lower.length === 1) return lower.charCodeAt(0);
  }
  return c;
}

/** Options for `fold`. */
export interface FoldOptions {
  /** keep letter case (default: fold Latin, Greek, Cyrillic case) */
  keepCase?: boolean;
  /** keep أ إ آ and ى apart from ا and ي (default: fold them) */
  strictLetters?: boolean;
}

/** Folds `text` for matching (see the header). O(n). */
export function fold(text: string, options: FoldOptions = {}): FoldedText {
  const keepCase = options.keepCase ?? false;
  const strict = options.strictLetters ?? false;
  const units = new Uint16Array(text.length);
  const origin = new Int32Array(text.length);
  let n = 0;
  let cp = 0;
  let lastSpace = false;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // astral: emoji and rare scripts are kept as they are
        units[n] = c;
        origin[n++] = cp;
        units[n] = d;
        origin[n++] = cp;
        i++;
        lastSpace = false;
        continue;
      }
    }
    // fast path: plain Arabic letters (not the ones folded) and ASCII lower case/digits
    if ((c >= 0x0624 && c <= 0x064a && c !== 0x0625 && c !== 0x0629 && c !== 0x0640 && c !== 0x0649) || (c >= 0x61 && c <= 0x7a) || c === 0x0621) {
      units[n] = c;
      origin[n++] = cp;
      lastSpace = false;
      continue;
    }
    if (isSpaceCode(c)) {
      if (!lastSpace) {
        units[n] = 0x20;
        origin[n++] = cp;
        lastSpace = true;
      }
      continue;
    }
    const f = foldCode(c, keepCase, strict);
    if (f < 0) continue;
    units[n] = f;
    origin[n++] = cp;
    lastSpace = false;
  }
  // build the string in chunks (fromCharCode's argument count is limited)
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode(...units.subarray(i, Math.min(n, i + 8192)));
  return { text: out, origin: origin.subarray(0, n), originLength: cp };
}

/** The folded form only (for keys: glossary lookups, grouping), trimmed. */
export function foldKey(text: string, options: FoldOptions = {}): string {
  return fold(text, options).text.trim();
}
