// Evaluation cases for the aligner built from real parallel text (issue 13): NTREX-128 news
// documents and UD PUD sentences (../shared/data, see each SOURCE.md), both 1-1 by construction,
// reshaped the way translators' material differs from news:
// - literary: one Arabic sentence (sometimes two Arabic lines joined) against its English cut at
//   clause boundaries into 3–8 English sentences (1-3 … 1-8 links);
// - unfinished: the English covers only the first half / first third of the report;
// - gap: a block of 3 English lines missing in the middle;
// - shuffled: two adjacent paragraphs (3–5 lines) in the other order in the English (crossing gold
//   links: a monotone aligner cannot get them all, it should at least not be confident about them).
// Documents are split into a tuning split (`bench`, the figures we report and tune on) and a
// held-out `dev` split (every 4th document) used only to calibrate and check the confidence.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest `shared/<sub>` in a folder above the checkout (../shared beside the main checkout,
 * ../../shared beside a worktree). */
export function sharedDir(sub: string): string {
  let dir = fileURLToPath(new URL('..', import.meta.url));
  for (let up = 0; up < 4; up++) {
    dir = dirname(dir);
    if (existsSync(join(dir, 'shared', sub))) return join(dir, 'shared', sub);
  }
  throw new Error(`shared/${sub} not found above the checkout`);
}

const DATA = () => sharedDir('data');

export type Pair = [ar: string, en: string];
export type GoldLink = [number[], number[]];

export interface EvalDoc {
  ar: string[];
  en: string[];
  /** gold links; in `shuffled` they cross */
  gold: GoldLink[];
}

const readLines = (f: string) => readFileSync(join(DATA(), f), 'utf8').split(/\r?\n/);

/** NTREX documents as arrays of (Arabic, English) line pairs. */
export function loadNtrex(): Pair[][] {
  const ar = readLines('ntrex128-ar-en/newstest2019-ref.arb.txt');
  const en = readLines('ntrex128-ar-en/newstest2019-src.eng.txt');
  const ids = readLines('ntrex128-ar-en/DOCUMENT_IDS.tsv');
  const docs: Pair[][] = [];
  let last = '';
  for (let i = 0; i < ids.length; i++) {
    if (!ids[i]) continue;
    if (ids[i] !== last) docs.push([]);
    last = ids[i];
    docs[docs.length - 1].push([ar[i].trim(), en[i].trim()]);
  }
  return docs;
}

/** PUD sentences grouped into reports of consecutive PUD documents, about `size` sentences each
 * (PUD documents hold 1–5 sentences, too short to align on their own). */
export function loadPud(size = 15): Pair[][] {
  const ar = readLines('ud-pud-ar-en/pud.ar.txt');
  const en = readLines('ud-pud-ar-en/pud.en.txt');
  const ids = readLines('ud-pud-ar-en/pud.ids.txt');
  const docs: Pair[][] = [[]];
  let last = '';
  for (let i = 0; i < ids.length; i++) {
    if (!ids[i]) continue;
    const doc = ids[i].slice(0, 6);
    if (doc !== last && docs[docs.length - 1].length >= size) docs.push([]);
    last = doc;
    docs[docs.length - 1].push([ar[i].trim(), en[i].trim()]);
  }
  return docs;
}

/** mulberry32: small seeded PRNG, so every run builds the same evaluation. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tuning split (3 documents in 4) and held-out dev split (every 4th). */
export function split<T>(docs: T[]): { bench: T[]; dev: T[] } {
  return { bench: docs.filter((_, i) => i % 4 !== 3), dev: docs.filter((_, i) => i % 4 === 3) };
}

const oneToOne = (pairs: Pair[]): EvalDoc => ({
  ar: pairs.map((p) => p[0]),
  en: pairs.map((p) => p[1]),
  gold: pairs.map((_, i) => [[i], [i]]),
});

/** A clause boundary: after , ; : or a dash, or before a conjunction/relative. */
const CLAUSE = /(?<=[,;:—–])\s+|\s+(?=(?:and|but|which|who|while|because|after|when|although|though|where|as|so|before|until|whereas)\s)/g;

/** English sentence cut at clause boundaries into pieces of at least 3 words, each made a sentence. */
export function clauses(en: string): string[] {
  const raw = en.split(CLAUSE).map((s) => s.trim()).filter(Boolean);
  const out: string[] = [];
  for (const piece of raw) {
    if (out.length && (piece.split(/\s+/).length < 3 || out[out.length - 1].split(/\s+/).length < 3)) out[out.length - 1] += ' ' + piece;
    else out.push(piece);
  }
  if (out.length > 1 && out[out.length - 1].split(/\s+/).length < 3) out[out.length - 2] += ' ' + out.pop()!;
  return out.map((s) => {
    let t = s.replace(/[,;:—–]$/, '').trim();
    t = t[0].toUpperCase() + t.slice(1);
    return /[.!?"”’)]$/.test(t) ? t : t + '.';
  });
}

/** Arabic lines joined into one sentence: every line's final full stop becomes an Arabic comma. */
const joinArabic = (lines: string[]) => lines.map((l, k) => (k < lines.length - 1 ? l.replace(/[.。]\s*$/, '،') : l)).join(' ');

/** Literary-like: at a rate, 1–3 consecutive pairs become one Arabic sentence against 3–8 English clauses. */
export function literary(pairs: Pair[], rand: () => number, rate = 0.5): EvalDoc {
  const doc: EvalDoc = { ar: [], en: [], gold: [] };
  for (let i = 0; i < pairs.length; ) {
    if (rand() < rate) {
      const want = 3 + Math.floor(rand() * 6); // 3..8 English sentences
      let take = 1;
      let pieces = clauses(pairs[i][1]);
      while (pieces.length < want && take < 3 && i + take < pairs.length) {
        take++;
        pieces = pairs.slice(i, i + take).flatMap((p) => clauses(p[1]));
      }
      while (pieces.length > want) {
        // merge the shortest neighbouring pair of pieces
        let best = 0;
        for (let k = 1; k + 1 < pieces.length; k++) if (pieces[k].length + pieces[k + 1].length < pieces[best].length + pieces[best + 1].length) best = k;
        pieces.splice(best, 2, pieces[best].replace(/\.$/, ',') + ' ' + pieces[best + 1][0].toLowerCase() + pieces[best + 1].slice(1));
      }
      if (pieces.length >= 3) {
        doc.gold.push([[doc.ar.length], pieces.map((_, k) => doc.en.length + k)]);
        doc.ar.push(joinArabic(pairs.slice(i, i + take).map((p) => p[0])));
        doc.en.push(...pieces);
        i += take;
        continue;
      }
    }
    doc.gold.push([[doc.ar.length], [doc.en.length]]);
    doc.ar.push(pairs[i][0]);
    doc.en.push(pairs[i][1]);
    i++;
  }
  return doc;
}

/** The English stops after the first `share` of the lines: the rest of the Arabic is untranslated. */
export function unfinished(pairs: Pair[], share: number): EvalDoc {
  const keep = Math.max(1, Math.ceil(pairs.length * share));
  return {
    ar: pairs.map((p) => p[0]),
    en: pairs.slice(0, keep).map((p) => p[1]),
    gold: pairs.map((_, i) => [[i], i < keep ? [i] : []]),
  };
}

/** `size` consecutive English lines missing in the middle (documents of 8+ lines). */
export function gap(pairs: Pair[], size = 3): EvalDoc {
  const from = Math.floor((pairs.length - size) / 2);
  const doc: EvalDoc = { ar: pairs.map((p) => p[0]), en: [], gold: [] };
  for (let i = 0; i < pairs.length; i++) {
    if (i >= from && i < from + size) doc.gold.push([[i], []]);
    else { doc.gold.push([[i], [doc.en.length]]); doc.en.push(pairs[i][1]); }
  }
  return doc;
}

/** Paragraphs of 3–5 lines; two adjacent ones in the middle swapped in the English. */
export function shuffled(pairs: Pair[], rand: () => number): EvalDoc {
  const paras: number[][] = [];
  for (let i = 0; i < pairs.length; ) {
    const k = Math.min(3 + Math.floor(rand() * 3), pairs.length - i);
    paras.push(Array.from({ length: k }, (_, q) => i + q));
    i += k;
  }
  if (paras.length >= 2) {
    const p = Math.floor(rand() * (paras.length - 1));
    [paras[p], paras[p + 1]] = [paras[p + 1], paras[p]];
  }
  const enOrder = paras.flat();
  const posOf = new Map(enOrder.map((line, j) => [line, j]));
  return {
    ar: pairs.map((p) => p[0]),
    en: enOrder.map((i) => pairs[i][1]),
    gold: pairs.map((_, i) => [[i], [posOf.get(i)!]]),
  };
}

/** Every case kind for a set of documents (seeded). */
export function buildCases(docs: Pair[][], seed: number): Record<string, EvalDoc[]> {
  const r = rng(seed);
  return {
    clean: docs.map(oneToOne),
    literary: docs.map((d) => literary(d, r)),
    unfinished_half: docs.map((d) => unfinished(d, 1 / 2)),
    unfinished_third: docs.map((d) => unfinished(d, 1 / 3)),
    gap3: docs.filter((d) => d.length >= 8).map((d) => gap(d, 3)),
    shuffled: docs.filter((d) => d.length >= 8).map((d) => shuffled(d, r)),
  };
}

const key = (l: GoldLink) => l[0].join(',') + '|' + l[1].join(',');

/** A link as the aligners give it, with a confidence (hunalign: its own score, not a probability). */
export interface ScoredLink {
  src: number[];
  tgt: number[];
  confidence: number;
}

/** Raw counts of one document, summed by `summarise`. */
export interface Counts {
  hits: number;
  nGold: number;
  nPred: number;
  enRight: number;
  nEn: number;
  wrongConfident: number;
  nWrong: number;
  confident: number;
}

export function count(doc: EvalDoc, links: ScoredLink[], threshold = 0.5): Counts {
  const goldKeys = new Set(doc.gold.map(key));
  const goldSrcOfEn = new Map<number, string>();
  for (const g of doc.gold) for (const j of g[1]) goldSrcOfEn.set(j, g[0].join(','));
  const c: Counts = { hits: 0, nGold: doc.gold.length, nPred: links.length, enRight: 0, nEn: doc.en.length, wrongConfident: 0, nWrong: 0, confident: 0 };
  for (const l of links) {
    const right = goldKeys.has(key([l.src, l.tgt]));
    if (right) c.hits++;
    else c.nWrong++;
    if (l.confidence >= threshold) { c.confident++; if (!right) c.wrongConfident++; }
    // an English sentence is in its own row when its row holds exactly the gold Arabic
    for (const j of l.tgt) if (goldSrcOfEn.get(j) === l.src.join(',')) c.enRight++;
  }
  return c;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Strict F1, English sentences in their own row, wrong-yet-confident (of all links and of the
 * wrong ones), precision of the confident links. */
export function summarise(all: Counts[]) {
  const s = all.reduce((a, c) => {
    for (const k of Object.keys(a) as Array<keyof Counts>) a[k] += c[k];
    return a;
  }, { hits: 0, nGold: 0, nPred: 0, enRight: 0, nEn: 0, wrongConfident: 0, nWrong: 0, confident: 0 });
  const p = s.hits / Math.max(1, s.nPred);
  const r = s.hits / Math.max(1, s.nGold);
  return {
    strictF1: r3(p + r ? (2 * p * r) / (p + r) : 0),
    enOwnRow: r3(s.enRight / Math.max(1, s.nEn)),
    wrongConfident: r3(s.wrongConfident / Math.max(1, s.nPred)),
    wrongConfidentOfWrong: r3(s.wrongConfident / Math.max(1, s.nWrong)),
    precisionConfident: r3((s.confident - s.wrongConfident) / Math.max(1, s.confident)),
    links: s.nPred,
  };
}
