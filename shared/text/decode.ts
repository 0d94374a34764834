// Decoding report bytes to text. Order of decisions (each one cheap and certain before the
// next, less certain one):
//   1. a BOM (UTF-8, UTF-16LE, UTF-16BE) decides;
//   2. BOM-less UTF-16 is recognised by its byte pattern (one byte of each pair is nearly
//      constant: 0x00 for Latin, 0x06 for Arabic);
//   3. binary files (magic numbers, NUL bytes, dense control characters) are refused;
//   4. strict UTF-8 (valid UTF-8 that is not meant as UTF-8 is vanishingly rare);
//   5. the Arabic legacy code pages windows-1256, ISO-8859-6 and CP720 are all tried and the
//      decoding that reads most like Arabic wins (byte-statistics detectors are unreliable on
//      short Arabic texts; the decoded text tells us more).
// Line endings are never touched: offsets count code points of the text exactly as decoded.
import type { LineEnding } from '../model/types.ts';
import { decodeCp720 } from './cp720.ts';

export interface Decoded {
  /** the decoded text, BOM removed, line endings as in the file */
  text: string;
  /** WHATWG label of the encoding used: utf-8, utf-16le, utf-16be, windows-1256, iso-8859-6, cp720 */
  encoding: string;
  /** whether the file started with a byte-order mark (removed from `text`) */
  bom: boolean;
  /** the line-ending convention found in `text` */
  lineEnding: LineEnding;
}

/** 'binary-file': not text at all; 'unknown-encoding': text, but in no encoding we can read. */
export type DecodeErrorCode = 'binary-file' | 'unknown-encoding';

export class DecodeError extends Error {
  constructor(
    /** machine-readable reason, for the UI and the CLI */
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Line-ending convention of `text` ('mixed' when more than one kind occurs). Linear, no regexes. */
export function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : lf ? 'lf' : 'cr';
}

function done(text: string, encoding: string, bom: boolean): Decoded {
  return { text, encoding, bom, lineEnding: detectLineEnding(text) };
}

/** Well-known binary formats, so the error can say what the file is. */
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a .docx/.xlsx/.odt document)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office document (.doc/.xls)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * Guesses BOM-less UTF-16 from the byte pattern: in UTF-16 text nearly every code unit's high
 * byte is one of a few values (0x00 Latin, 0x06 Arabic, 0x20 punctuation, 0xFB/0xFE Arabic
 * presentation forms), while its low byte varies. Returns the label or null.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length >> 1, 4096);
  if (pairs < 2 || bytes.length % 2 !== 0) return null;
  const common = (b: number) => b === 0x00 || b === 0x06 || b === 0x20 || b === 0xfb || b === 0xfe;
  let le = 0;
  let be = 0;
  let zeroLow = 0;
  let zeroHigh = 0;
  for (let p = 0; p < pairs; p++) {
    const even = bytes[2 * p];
    const odd = bytes[2 * p + 1];
    if (common(odd)) le++;
    if (common(even)) be++;
    if (even === 0) zeroLow++;
    if (odd === 0) zeroHigh++;
  }
  // a real UTF-16 text has at least some NUL high bytes or many 0x06 ones: require 90% common
  // high bytes AND the other side clearly not so constant
  if (le >= 0.9 * pairs && zeroLow < 0.05 * pairs && be < 0.5 * pairs) return 'utf-16le';
  if (be >= 0.9 * pairs && zeroHigh < 0.05 * pairs && le < 0.5 * pairs) return 'utf-16be';
  return null;
}

/** True for C0 controls other than tab, LF, VT, FF, CR, SUB (0x1A, a DOS end-of-file) and ESC. */
function isOddControl(c: number): boolean {
  return c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 0x1a && c !== 0x1b;
}

function refuseBinary(bytes: Uint8Array): void {
  for (const m of MAGIC) {
    if (startsWith(bytes, m.bytes)) throw new DecodeError('binary-file', `This file is ${m.what}, not plain text. Save it as a .txt file (UTF-8) first.`);
  }
  const n = Math.min(bytes.length, 65536);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) throw new DecodeError('binary-file', `This file holds binary data (a NUL byte at offset ${i}), not text.`);
    if (isOddControl(b)) odd++;
  }
  if (odd >= 4 && odd > n * 0.01) {
    throw new DecodeError('binary-file', `This file holds binary data (${odd} control bytes in its first ${n} bytes), not text.`);
  }
}

/** Plausibility of `text` as Arabic (or Arabic-and-Latin) text; higher is better. */
export function arabicPlausibility(text: string): { score: number; arabic: number; bad: number; nonAscii: number } {
  let arabic = 0;
  let bad = 0;
  let nonAscii = 0;
  let prevLetter = false;
  let prevArabic = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let letter = false;
    let arab = false;
    if (c >= 0x80) nonAscii++;
    if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a)) {
      arabic++;
      letter = true;
      arab = true;
      // an Arabic letter glued to a Latin one ("cafل") is a mis-decoded accented letter
      if (isAsciiLetter(text.charCodeAt(i - 1)) || isAsciiLetter(text.charCodeAt(i + 1))) bad += 2;
    } else if (c >= 0x064b && c <= 0x0652) {
      // a harakah belongs after a letter (or another harakah, e.g. shadda + fatha)
      if (prevArabic) {
        arabic++;
        arab = true;
        letter = prevLetter;
      } else bad++;
    } else if (c === 0x0640) {
      if (prevLetter) arab = true;
      else bad++;
    } else if (c === 0x060c || c === 0x061b || c === 0x061f) {
      arabic++;
    } else if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) {
      bad += 3;
    } else if ((c >= 0x2500 && c <= 0x25ff) || c === 0x2261 || c === 0x2248 || c === 0x221a || c === 0x207f || c === 0x2219) {
      bad += 2;
    } else if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) {
      // Latin-1 letters: fine in French words, implausible glued to Arabic letters
      bad += prevArabic || isArabicLetterCode(text.charCodeAt(i + 1)) ? 2 : 0.5;
    }
    prevLetter = letter;
    prevArabic = arab;
  }
  return { score: arabic - 3 * bad, arabic, bad, nonAscii };
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isArabicLetterCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a);
}

/** The legacy Arabic code pages we try, in order of preference on a tie. */
const LEGACY = ['windows-1256', 'iso-8859-6', 'cp720'] as const;

function decodeLegacy(bytes: Uint8Array, label: (typeof LEGACY)[number]): string {
  return label === 'cp720' ? decodeCp720(bytes) : new TextDecoder(label).decode(bytes);
}

/** Decodes a report file's bytes; throws DecodeError for binary or unreadable files. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return done(strict('utf-8', bytes.subarray(3)), 'utf-8', true);
  if (startsWith(bytes, [0xff, 0xfe])) return done(strict('utf-16le', bytes.subarray(2)), 'utf-16le', true);
  if (startsWith(bytes, [0xfe, 0xff])) return done(strict('utf-16be', bytes.subarray(2)), 'utf-16be', true);

  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    try {
      const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
      let odd = 0;
      for (let i = 0; i < text.length; i++) if (isOddControl(text.charCodeAt(i)) || text.charCodeAt(i) === 0) odd++;
      if (odd <= text.length * 0.01) return done(text, utf16, false);
    } catch {
      // not valid UTF-16 after all: fall through to the byte-oriented checks
    }
  }

  refuseBinary(bytes);
  try {
    return done(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8', false);
  } catch {
    // not UTF-8: one of the legacy code pages
  }

  let best: { label: (typeof LEGACY)[number]; text: string; p: ReturnType<typeof arabicPlausibility> } | null = null;
  for (const label of LEGACY) {
    const text = decodeLegacy(bytes, label);
    const p = arabicPlausibility(text);
    if (!best || p.score > best.p.score) best = { label, text, p };
  }
  // demand that most non-ASCII characters read as Arabic: otherwise this is some other code
  // page (Cyrillic, Western European, ...) and guessing would silently corrupt the source
  if (!best || best.p.arabic < best.p.nonAscii * 0.6 || best.p.bad > best.p.arabic * 0.1) {
    throw new DecodeError(
      'unknown-encoding',
      'This file is neither UTF-8/UTF-16 nor Arabic text in windows-1256, ISO-8859-6 or CP720. Re-save it as UTF-8 and open it again.',
    );
  }
  return done(best.text, best.label, false);
}

/** Decodes with a BOM-declared encoding; a BOM followed by invalid data is still a clear error. */
function strict(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DecodeError('unknown-encoding', `This file starts with a ${label.toUpperCase()} byte-order mark but its content is not valid ${label.toUpperCase()}.`);
  }
}
