// The lexical term of the aligner (issue 13): how much an Arabic span and an English span share in
// meaning, through a bilingual word list (assets/lexicon/ar-en.tsv, built from FreeDict's
// Arabic–English dictionary; data loaded at run time, never bundled). In the spirit of Vecalign and
// Bertalign, each sentence is a vector (here sparse, over the document's English word stems, IDF
// weighted) and a span's vector is the sum of its sentences' vectors; the cost uses their cosine,
// normalised by the cosine of unrelated pairs of the same document. Without a lexicon the term is
// zero and the aligner falls back to length and anchors (lower quality).
import { tokenize } from '../text/tokenize.ts';
import { normalizeForMatch } from '../text/normalize.ts';

/** Arabic word keys → English stems. */
export interface Lexicon {
  /** English stems per Arabic headword (folded, proclitics and article removed); read-only: the
   * committed list is served from its index (shared/align/lexicon-index.ts) */
  map: ReadonlyMap<string, string[]>;
  /** English stems per light stem of a headword, for stems that are not headwords themselves
   * (an exact headword always wins: مدرسة "school" must not lend its English to مدرس "teacher") */
  stemmed: ReadonlyMap<string, string[]>;
  /** Arabic headwords read */
  size: number;
}

/** English words too common to say anything about a sentence pair. */
const EN_STOP = new Set(
  ('a an the of to in on at by for from with as and or but nor so if then than that this these those it its is are was were be been being ' +
    'has have had do does did not no he she they we you i his her their our your my me him them us who whom which what when where why how ' +
    'there here also said says will would can could may might shall should must about into over after before up down out off very more most ' +
    'one some any all each other such only own same just').split(' '),
);

/**
 * A light English stemmer: plural, verb and adverb endings (ies, es, s, ing, ed, ly) and a final e,
 * so "villages"/"village", "announced"/"announces" meet. No npm stemmer is installed in this
 * project and none may be added (no network installs): this small suffix stripper is enough for a
 * matching key, it never has to produce a word.
 */
export function stemEnglish(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(sses|xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4 && !/[il]ly$/.test(w)) w = w.slice(0, -2); // not family, fully
  if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1); // stopped → stopp → stop
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

const isAz = (c: number) => c >= 0x61 && c <= 0x7a;

/** The words of a lower-case English text: what /[a-z]+(?:['’][a-z]+)?/g matches, by a scan (no
 * match object or iterator result per word on a cold path). */
export function englishWords(lower: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < lower.length; ) {
    if (!isAz(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < lower.length && isAz(lower.charCodeAt(i))) i++;
    const q = lower.charCodeAt(i);
    if ((q === 0x27 || q === 0x2019) && isAz(lower.charCodeAt(i + 1))) {
      i++;
      while (i < lower.length && isAz(lower.charCodeAt(i))) i++;
    }
    out.push(lower.slice(start, i));
  }
  return out;
}

/** Content-word stems of an English text (`cache`: stems of words seen before, for a document). */
export function englishStems(text: string, cache?: Map<string, string>): string[] {
  const out: string[] = [];
  const words = englishWords(text.toLowerCase());
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (EN_STOP.has(w) || w.length < 2) continue;
    let stem = cache?.get(w);
    if (stem === undefined) {
      stem = stemEnglish(w);
      cache?.set(w, stem);
    }
    out.push(stem);
  }
  return out;
}

/** Proclitic pieces the tokeniser splits off (conjunctions, prepositions, the article). */
const CLITIC = new Set(['و', 'ف', 'ب', 'ك', 'ل', 'ال', 'لل', 'س']);
/** Pronoun and plural/dual suffixes, longest first; stripped while at least 3 letters remain. */
const SUFFIXES = ['هما', 'كما', 'ات', 'ون', 'ين', 'ان', 'ها', 'هم', 'هن', 'كم', 'نا', 'يه', 'ه', 'ي', 'ك'];

/** Lookup keys of one Arabic word (already without proclitics): its folded form, then a light stem
 * (one suffix removed). Folded: harakat and tatweel removed, one alef, ى→ي, ة→ه. */
export function arabicKeys(word: string): string[] {
  const w = normalizeForMatch(word, { taMarbuta: true });
  const keys = [w];
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      keys.push(w.slice(0, -s.length));
      break;
    }
  }
  return keys;
}

/** Arabic content words of a text, proclitics and article split off with the project tokeniser. */
export function arabicWords(text: string): string[] {
  const out: string[] = [];
  let prev = '';
  // indexed loops in this file's hot paths: a one-shot CLI runs them cold, where for…of allocates
  // an iterator result per element
  const tokens = tokenize(text, { lang: 'ar', clitics: true, article: true });
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const p = prev;
    prev = t.text;
    if (t.kind !== 'word' || CLITIC.has(t.text) || !/[\u0621-\u064A]/.test(t.text)) continue;
    // ل + ال is written لل (للأطفال): the tokeniser leaves the article's lam on the word
    out.push(p === 'ل' && t.text.startsWith('ل') && Array.from(t.text).length > 3 ? t.text.slice(1) : t.text);
  }
  return out;
}

/** Parses assets/lexicon/ar-en.tsv (`arabic<TAB>english|english…` per line). */
export function parseLexicon(text: string): Lexicon {
  const map = new Map<string, string[]>();
  let size = 0;
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const words = arabicWords(line.slice(0, tab));
    if (words.length !== 1) continue;
    const stems = new Set<string>();
    for (const en of line.slice(tab + 1).split('|')) for (const s of englishStems(en)) stems.add(s);
    if (!stems.size) continue;
    size++;
    const key = arabicKeys(words[0])[0];
    const old = map.get(key);
    map.set(key, old ? [...new Set([...old, ...stems])] : [...stems]);
  }
  const stemmed = new Map<string, string[]>();
  for (const [key, stems] of map) {
    const stem = arabicKeys(key)[1];
    if (stem === undefined || map.has(stem)) continue;
    const old = stemmed.get(stem);
    stemmed.set(stem, old ? [...new Set([...old, ...stems])] : stems);
  }
  return { map, stemmed, size };
}

/** Translations of an Arabic word: the headword of its folded form, else of its light stem, else
 * a headword sharing its stem. */
function translate(lex: Lexicon, word: string): string[] | undefined {
  const [full, stem] = arabicKeys(word);
  return lex.map.get(full) ?? (stem === undefined ? undefined : lex.map.get(stem)) ?? lex.stemmed.get(full) ?? (stem === undefined ? undefined : lex.stemmed.get(stem));
}

/** Sparse sentence vectors over the document's English stems. */
interface Sparse {
  ids: Int32Array;
  w: Float64Array;
}

/** Builds sparse vectors one at a time in a dense scratch array (no Map per sentence). */
class SparseBuilder {
  private readonly sum: Float64Array;
  /** ids added since the last take, and a stamp per id saying it is among them */
  private readonly touched: Int32Array;
  private readonly stamp: Int32Array;
  private count = 0;
  private gen = 1;

  constructor(size: number) {
    this.sum = new Float64Array(size);
    this.touched = new Int32Array(size);
    this.stamp = new Int32Array(size);
  }

  /** Adds w to component id (the sums run in call order, from 0, as a Map's get ?? 0 would). */
  add(id: number, w: number): void {
    if (this.stamp[id] !== this.gen) {
      this.stamp[id] = this.gen;
      this.sum[id] = 0;
      this.touched[this.count++] = id;
    }
    this.sum[id] += w;
  }

  /** The vector added so far (ids ascending), and a fresh start. */
  take(): Sparse {
    const ids = this.touched.slice(0, this.count).sort();
    const w = Float64Array.from(ids, (id) => this.sum[id]);
    this.count = 0;
    this.gen++;
    return { ids, w };
  }
}

function dot(a: Sparse, b: Sparse): number {
  let s = 0;
  for (let x = 0, y = 0; x < a.ids.length && y < b.ids.length; ) {
    if (a.ids[x] === b.ids[y]) s += a.w[x++] * b.w[y++];
    else if (a.ids[x] < b.ids[y]) x++;
    else y++;
  }
  return s;
}

/** Most pair products cached densely (32 MB); a wider band falls back to the Map. */
const MAX_DENSE = 4_000_000;

/** Lexical similarity of spans of one document. */
export class LexicalSpace {
  private readonly a: Sparse[];
  private readonly e: Sparse[];
  /** squared norms of the sentence vectors */
  private readonly na: Float64Array;
  private readonly ne: Float64Array;
  /** mean of 1 − cos over unrelated sentence pairs (the normaliser, as in Vecalign) */
  readonly baseline: number;
  /** share of Arabic content words the lexicon knows (for reports) */
  readonly coverage: number;
  private readonly cache = new Map<number, number>();
  /** pair products inside the current search band (see `reset`), NaN until computed */
  private dense: { from: Int32Array; width: number; values: Float64Array } | null = null;

  constructor(src: string[], tgt: string[], lex: Lexicon) {
    const vocab = new Map<string, number>();
    const df: number[] = [];
    // a document repeats its words: stem and look up each distinct word once
    const stemOf = new Map<string, string>();
    const enStems = tgt.map((t) => englishStems(t, stemOf));
    for (let q = 0; q < enStems.length; q++) {
      new Set(enStems[q]).forEach((s) => {
        let id = vocab.get(s);
        if (id === undefined) { id = df.length; vocab.set(s, id); df.push(0); }
        df[id]++;
      });
    }
    const m = Math.max(1, tgt.length);
    const idf = df.map((d) => Math.log(1 + m / d));
    const idfUnseen = Math.log(1 + m);
    const acc = new SparseBuilder(df.length);
    this.e = enStems.map((stems) => {
      for (let q = 0; q < stems.length; q++) { const id = vocab.get(stems[q])!; acc.add(id, idf[id]); }
      return acc.take();
    });
    this.ne = Float64Array.from(this.e, (v) => dot(v, v));
    let known = 0;
    let words = 0;
    const unseen: number[] = [];
    // per distinct Arabic word: its translations as (stem id, weight) in the list's order, and how
    // many of them the English never uses (each adds (idfUnseen / t.length)² to the norm)
    const translations = new Map<string, { ids: number[]; w: number[]; unseen: number; part: number } | null>();
    this.a = src.map((s) => {
      let extra = 0;
      const ws = arabicWords(s);
      for (let q = 0; q < ws.length; q++) {
        const word = ws[q];
        words++;
        let tr = translations.get(word);
        if (tr === undefined) {
          const t = translate(lex, word);
          tr = t ? { ids: [], w: [], unseen: 0, part: (idfUnseen / t.length) ** 2 } : null;
          if (t && tr) {
            for (let x = 0; x < t.length; x++) {
              const id = vocab.get(t[x]);
              if (id === undefined) tr.unseen++;
              else { tr.ids.push(id); tr.w.push(idf[id] / t.length); }
            }
          }
          translations.set(word, tr);
        }
        if (!tr) continue;
        known++;
        // an Arabic word spreads one unit of weight over its candidate translations
        for (let k = 0; k < tr.unseen; k++) extra += tr.part;
        for (let k = 0; k < tr.ids.length; k++) acc.add(tr.ids[k], tr.w[k]);
      }
      unseen.push(extra);
      return acc.take();
    });
    this.na = Float64Array.from(this.a, (v, i) => dot(v, v) + unseen[i]);
    this.coverage = words ? known / words : 0;
    // unrelated pairs: each Arabic sentence against English sentences far from its position
    let sum = 0;
    let count = 0;
    const n = src.length;
    if (n > 1 && tgt.length > 1) {
      for (let i = 0; i < n; i++) {
        for (const off of [0.37, 0.61]) {
          const j = (Math.round((i / n) * tgt.length + off * tgt.length)) % tgt.length;
          sum += 1 - this.cos(i, i + 1, j, j + 1);
          count++;
        }
      }
    }
    this.cache.clear();
    this.baseline = count ? Math.max(0.05, sum / count) : 1;
  }

  private pair(i: number, j: number): number {
    const dense = this.dense;
    if (dense) {
      const k = j - dense.from[i];
      if (k >= 0 && k < dense.width) {
        const slot = i * dense.width + k;
        let d = dense.values[slot];
        if (d !== d) {
          d = dot(this.a[i], this.e[j]);
          dense.values[slot] = d;
        }
        return d;
      }
    }
    const key = i * 1_048_576 + j;
    let d = this.cache.get(key);
    if (d === undefined) {
      d = dot(this.a[i], this.e[j]);
      this.cache.set(key, d);
    }
    return d;
  }

  /** Cosine of source sentences [s0, s1) and target sentences [t0, t1) (span vectors summed; the
   * norms treat a span's sentences as orthogonal). 0 when either side has no known word. */
  cos(s0: number, s1: number, t0: number, t1: number): number {
    let na = 0;
    let ne = 0;
    for (let i = s0; i < s1; i++) na += this.na[i];
    for (let j = t0; j < t1; j++) ne += this.ne[j];
    if (na === 0 || ne === 0) return 0;
    let d = 0;
    for (let i = s0; i < s1; i++) for (let j = t0; j < t1; j++) d += this.pair(i, j);
    return d / Math.sqrt(na * ne);
  }

  /** Forget cached pair products (between search passes, to bound memory). With the search's
   * band (source sentence i pairs with targets [from[i], to[i])), the pairs inside it are
   * cached in one flat array instead of a Map: a DP asks for each pair dozens of times, and a Map of
   * a few hundred thousand numeric keys cost more than the products. Pairs outside still work. */
  reset(band?: { from: Int32Array; to: Int32Array }): void {
    this.cache.clear();
    this.dense = null;
    if (!band) return;
    let width = 0;
    for (let i = 0; i < band.from.length; i++) width = Math.max(width, band.to[i] - band.from[i]);
    if (width * band.from.length > MAX_DENSE) return;
    this.dense = { from: band.from, width, values: new Float64Array(width * band.from.length).fill(NaN) };
  }
}
