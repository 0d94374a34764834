// Code-point offsets. The model stores offsets in Unicode code points (see shared/model/schema.ts);
// JS strings index UTF-16 code units. These helpers are the only place the two meet.

/** Number of code points in `text`. */
export function cpLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Converts between code-point and UTF-16 offsets in one text. Build once per text
 * (O(n)), then each conversion is O(1) (cp→utf16) or O(log n) (utf16→cp).
 */
export class OffsetMap {
  /** UTF-16 offsets of every astral (surrogate-pair) code point, ascending; empty for BMP-only text. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly cpLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
    this.utf16Length = text.length;
    this.cpLength = text.length - this.astral.length;
  }

  /** UTF-16 offset of code-point offset `cp` (0 ≤ cp ≤ cpLength). */
  toUtf16(cp: number): number {
    if (cp < 0 || cp > this.cpLength || !Number.isInteger(cp)) {
      throw new RangeError(`code-point offset ${cp} is outside 0..${this.cpLength}`);
    }
    // each astral code point before the target adds one extra UTF-16 unit; astral[k] - k is the
    // code-point index of the k-th astral char
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }

  /** Code-point offset of UTF-16 offset `u`. An offset inside a surrogate pair is an error. */
  toCodePoint(u: number): number {
    if (u < 0 || u > this.utf16Length || !Number.isInteger(u)) {
      throw new RangeError(`UTF-16 offset ${u} is outside 0..${this.utf16Length}`);
    }
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && this.astral[lo - 1] + 1 === u) {
      throw new RangeError(`UTF-16 offset ${u} falls inside a surrogate pair`);
    }
    return u - lo;
  }

  /** The text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** `text` sliced by code-point offsets (builds a map: use OffsetMap for repeated slicing). */
export function cpSlice(text: string, start: number, end: number): string {
  return new OffsetMap(text).slice(start, end);
}
