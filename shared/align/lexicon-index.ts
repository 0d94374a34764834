// The word list's prebuilt index (assets/lexicon/ar-en.index.tsv, written by
// scripts/build-lexicon-index.ts): the `Lexicon` that parseLexicon derives from ar-en.tsv, stored
// key by key and sorted, so loading it costs one scan for line starts and a lookup is a binary
// search over the text, instead of tokenising, folding and stemming 28,000 headwords (≈0.3 s of
// every `muwazi align`) or building 30,000 arrays that a document looks up a few thousand of. It
// is derived data under the word list's licence (GPL-2+, see assets/lexicon/LICENSE) and is only
// trusted when its header names this format version and the sha256 of the ar-en.tsv it was built
// from; otherwise callers parse ar-en.tsv.
//
// Format (UTF-8, one record per line, fields separated by a tab):
//   muwazi-lexicon-index <version> <sha256 of ar-en.tsv> <headwords read (Lexicon.size)>
//   h <Arabic key> <English stems separated by spaces>     (Lexicon.map, keys sorted)
//   s <Arabic light stem> <English stems …>                (Lexicon.stemmed, keys sorted)
// Keys are sorted by UTF-16 code units (JavaScript's default string order), each kind on its own.
import type { Lexicon } from './lexical.ts';

/** Bump when parseLexicon's keys or stems change (tokeniser, folding, stemmer) or this format
 * does, then rerun scripts/build-lexicon-index.ts; tests/shared/align/lexicon-index.test.ts fails
 * until then. */
export const LEXICON_INDEX_VERSION = 2;

const MAGIC = 'muwazi-lexicon-index';
const TAB = 9;

const byKey = (a: [string, string[]], b: [string, string[]]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The index text of `lex`, parsed from a word list whose sha256 is `sourceSha256`. */
export function serializeLexiconIndex(lex: Lexicon, sourceSha256: string): string {
  const lines = [`${MAGIC}\t${LEXICON_INDEX_VERSION}\t${sourceSha256}\t${lex.size}`];
  for (const [key, stems] of [...lex.map].sort(byKey)) lines.push(`h\t${key}\t${stems.join(' ')}`);
  for (const [key, stems] of [...lex.stemmed].sort(byKey)) lines.push(`s\t${key}\t${stems.join(' ')}`);
  return lines.join('\n') + '\n';
}

/** `key` against the record key that starts at text[at] (and ends at a tab), in code-unit order. */
function compareAt(key: string, text: string, at: number): number {
  for (let k = 0; ; k++) {
    const c = text.charCodeAt(at + k);
    if (k === key.length) return c === TAB ? 0 : -1;
    if (c === TAB) return 1;
    const d = key.charCodeAt(k) - c;
    if (d !== 0) return d;
  }
}

/** Record keys starting at text[a] and text[b] compared, in code-unit order. */
function compareRecords(text: string, a: number, b: number): number {
  for (let k = 0; ; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x === TAB || y === TAB) return x === y ? 0 : x === TAB ? -1 : 1;
    if (x !== y) return x - y;
  }
}

/** A read-only map over one kind of record of the index text: binary search for a key, the stems
 * split on first use (and kept). Iterates in key order. */
class IndexedStems implements ReadonlyMap<string, string[]> {
  private readonly seen = new Map<string, string[] | undefined>();

  /** starts[k]: offset of record k's key in `text` (after "h\t" or "s\t"), records sorted by key */
  constructor(private readonly text: string, private readonly starts: Int32Array) {}

  get size(): number {
    return this.starts.length;
  }

  private find(key: string): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareAt(key, this.text, this.starts[mid]);
      if (c === 0) return mid;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  private stemsOf(k: number): string[] {
    const tab = this.text.indexOf('\t', this.starts[k]);
    const end = this.text.indexOf('\n', tab);
    return this.text.slice(tab + 1, end < 0 ? this.text.length : end).split(' ');
  }

  private keyOf(k: number): string {
    return this.text.slice(this.starts[k], this.text.indexOf('\t', this.starts[k]));
  }

  get(key: string): string[] | undefined {
    let v = this.seen.get(key);
    if (v === undefined && !this.seen.has(key)) {
      const k = this.find(key);
      v = k < 0 ? undefined : this.stemsOf(k);
      this.seen.set(key, v);
    }
    return v;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  *entries(): MapIterator<[string, string[]]> {
    for (let k = 0; k < this.starts.length; k++) {
      const key = this.keyOf(k);
      yield [key, this.get(key)!];
    }
  }

  *keys(): MapIterator<string> {
    for (let k = 0; k < this.starts.length; k++) yield this.keyOf(k);
  }

  *values(): MapIterator<string[]> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, string[]]> {
    return this.entries();
  }

  forEach(fn: (value: string[], key: string, map: ReadonlyMap<string, string[]>) => void): void {
    for (const [key, v] of this.entries()) fn(v, key, this);
  }
}

/** The lexicon stored in `text`, or null when the text is not an index of this version built from
 * the word list whose sha256 is `sourceSha256` (stale, foreign or damaged: parse the list instead). */
export function parseLexiconIndex(text: string, sourceSha256: string): Lexicon | null {
  const first = text.indexOf('\n');
  if (first < 0) return null;
  const header = text.slice(0, first).split('\t');
  if (header[0] !== MAGIC || header[1] !== String(LEXICON_INDEX_VERSION) || header[2] !== sourceSha256) return null;
  const size = Number(header[3]);
  if (!Number.isInteger(size) || size < 0) return null;
  const starts: Record<'h' | 's', number[]> = { h: [], s: [] };
  let kind: 'h' | 's' = 'h';
  for (let at = first + 1; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const k = text[at];
    const tab = text.indexOf('\t', at + 2);
    // records of one kind, then the other; a key, a tab and stems on every line
    if ((k !== 'h' && k !== 's') || (k === 'h' && kind === 's') || text.charCodeAt(at + 1) !== TAB || tab < 0 || tab >= end - 1) return null;
    kind = k;
    const list = starts[k];
    // sorted, or the binary search would miss keys: checked here, once
    if (list.length && compareRecords(text, list[list.length - 1], at + 2) >= 0) return null;
    list.push(at + 2);
    at = end + 1;
  }
  return { map: new IndexedStems(text, Int32Array.from(starts.h)), stemmed: new IndexedStems(text, Int32Array.from(starts.s)), size };
}
