// Aligner quality and speed (issue 7). Quality: NTREX-128 news documents (1-1 by construction)
// perturbed with a seeded RNG — consecutive lines merged on one side to make 1-2, 2-1, 1-3, 3-1
// (and 1-4 in the literary-like setting) links, lines dropped on one side to make 1-0 and 0-1 —
// then realigned and scored with strict link F1 (a link counts only if both sides match exactly, as
// in the Vecalign and Bleualign evaluations) and lax F1 (a link counts if it overlaps a gold link on
// both sides). For reference, hunalign's published strict F1 on Arabic–English: 0.58 on legal text,
// 0.05 on literary text full of 1-n links (we cannot run hunalign here). Speed: 10,000 × 10,000
// sentences built from NTREX, and the heap + typed-array delta at 2,500 / 5,000 / 10,000 sentences
// to show memory growing linearly.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { alignSentences, type AlignStats, type Link } from '../shared/align/aligner.ts';

const DATA = new URL('../../shared/data/ntrex128-ar-en/', import.meta.url);

/** The NTREX documents as arrays of (Arabic, English) line pairs. */
export function loadNtrex(): Array<Array<[string, string]>> {
  const read = (f: string) => readFileSync(new URL(f, DATA), 'utf8').split(/\r?\n/);
  const ar = read('newstest2019-ref.arb.txt');
  const en = read('newstest2019-src.eng.txt');
  const ids = read('DOCUMENT_IDS.tsv');
  const docs: Array<Array<[string, string]>> = [];
  let last = '';
  for (let i = 0; i < ids.length; i++) {
    if (!ids[i]) continue;
    if (ids[i] !== last) docs.push([]);
    last = ids[i];
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

/** A perturbation recipe: at each line, with probability `rate`, apply one of the weighted ops. */
export interface Perturbation {
  rate: number;
  /** [ar lines, en lines] taken into one gold link, with relative weights; [1,0]/[0,1] drop a side */
  ops: Array<{ ar: number; en: number; weight: number }>;
}

export const NEWS_OPS: Perturbation['ops'] = [
  { ar: 1, en: 2, weight: 3 },
  { ar: 2, en: 1, weight: 3 },
  { ar: 1, en: 3, weight: 1 },
  { ar: 3, en: 1, weight: 1 },
  { ar: 1, en: 0, weight: 1 },
  { ar: 0, en: 1, weight: 1 },
];

export const LITERARY_OPS: Perturbation['ops'] = [
  { ar: 1, en: 2, weight: 4 },
  { ar: 1, en: 3, weight: 3 },
  { ar: 1, en: 4, weight: 2 },
  { ar: 2, en: 1, weight: 3 },
  { ar: 3, en: 1, weight: 1 },
  { ar: 2, en: 2, weight: 1 },
  { ar: 1, en: 0, weight: 1 },
  { ar: 0, en: 1, weight: 1 },
];

export interface EvalDoc {
  ar: string[];
  en: string[];
  gold: Array<[number[], number[]]>;
}

/**
 * One perturbed document. An op with ar=a, en=e consumes max(a, e, 1) consecutive line pairs: the
 * Arabic side keeps `a` sentences made by joining those lines' Arabic into `a` groups (same for
 * English), so `a`-`e` is the gold link (e.g. 3 pairs → 1 Arabic sentence + 3 English = 1-3).
 */
export function perturb(pairs: Array<[string, string]>, p: Perturbation, rand: () => number): EvalDoc {
  const doc: EvalDoc = { ar: [], en: [], gold: [] };
  const total = p.ops.reduce((s, o) => s + o.weight, 0);
  const group = (lines: string[], k: number): string[] => {
    if (k === 0) return [];
    const out: string[] = [];
    for (let g = 0; g < k; g++) out.push(lines.slice(Math.floor((g * lines.length) / k), Math.floor(((g + 1) * lines.length) / k)).join(' '));
    return out;
  };
  for (let i = 0; i < pairs.length; ) {
    let op = { ar: 1, en: 1 };
    if (rand() < p.rate) {
      let r = rand() * total;
      for (const o of p.ops) if ((r -= o.weight) < 0) { op = o; break; }
    }
    const take = Math.min(Math.max(op.ar, op.en, 1), pairs.length - i);
    if (take < Math.max(op.ar, op.en)) op = { ar: 1, en: 1 };
    const chunk = pairs.slice(i, i + take);
    const a = group(chunk.map((c) => c[0]), op.ar === 0 ? 0 : Math.min(op.ar, take));
    const e = group(chunk.map((c) => c[1]), op.en === 0 ? 0 : Math.min(op.en, take));
    doc.gold.push([a.map((_, k) => doc.ar.length + k), e.map((_, k) => doc.en.length + k)]);
    doc.ar.push(...a);
    doc.en.push(...e);
    i += take;
  }
  return doc;
}

const key = (l: [number[], number[]]) => l[0].join(',') + '|' + l[1].join(',');

/** Strict and lax counts for one document. */
export function score(gold: Array<[number[], number[]]>, pred: Array<[number[], number[]]>) {
  const goldKeys = new Set(gold.map(key));
  const strictHits = pred.filter((l) => goldKeys.has(key(l))).length;
  // lax: a link is right when it shares a sentence with a gold link on every non-empty side
  const overlaps = (x: [number[], number[]], y: [number[], number[]]) =>
    (x[0].length === 0) === (y[0].length === 0) && (x[1].length === 0) === (y[1].length === 0) &&
    (x[0].length === 0 || x[0].some((s) => y[0].includes(s))) && (x[1].length === 0 || x[1].some((t) => y[1].includes(t)));
  const laxP = pred.filter((l) => gold.some((g) => overlaps(l, g))).length;
  const laxR = gold.filter((g) => pred.some((l) => overlaps(l, g))).length;
  return { strictHits, laxP, laxR, nGold: gold.length, nPred: pred.length };
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Strict/lax precision, recall, F1 over a set of documents, plus confidence on right vs wrong links. */
export function evaluate(docs: EvalDoc[]) {
  let hits = 0, laxP = 0, laxR = 0, nGold = 0, nPred = 0;
  let confRight = 0, nRight = 0, confWrong = 0, nWrong = 0;
  for (const d of docs) {
    const links: Link[] = alignSentences(d.ar, d.en);
    const pred = links.map((l) => [l.src, l.tgt] as [number[], number[]]);
    const s = score(d.gold, pred);
    hits += s.strictHits; laxP += s.laxP; laxR += s.laxR; nGold += s.nGold; nPred += s.nPred;
    const goldKeys = new Set(d.gold.map(key));
    for (const l of links) {
      if (goldKeys.has(key([l.src, l.tgt]))) { confRight += l.confidence; nRight++; }
      else { confWrong += l.confidence; nWrong++; }
    }
  }
  const sp = hits / nPred, sr = hits / nGold, lp = laxP / nPred, lr = laxR / nGold;
  return {
    strictF1: r3(f1(sp, sr)), strictP: r3(sp), strictR: r3(sr), laxF1: r3(f1(lp, lr)),
    goldLinks: nGold, nonOneToOneGold: docs.reduce((s, d) => s + d.gold.filter((g) => g[0].length !== 1 || g[1].length !== 1).length, 0),
    meanConfidenceRight: r3(confRight / Math.max(1, nRight)), meanConfidenceWrong: r3(confWrong / Math.max(1, nWrong)),
  };
}

/** `n` line pairs cycled from NTREX. */
function longPairs(pairs: Array<[string, string]>, n: number): Array<[string, string]> {
  return Array.from({ length: n }, (_, i) => pairs[i % pairs.length]);
}

/** A long document of `n` 1-1 line pairs cycled from NTREX. */
function longDoc(pairs: Array<[string, string]>, n: number): { ar: string[]; en: string[] } {
  const ar: string[] = [];
  const en: string[] = [];
  for (let i = 0; i < n; i++) {
    ar.push(pairs[i % pairs.length][0]);
    en.push(pairs[i % pairs.length][1]);
  }
  return { ar, en };
}

/** A callable gc() without --expose-gc on the command line (bench/run.ts starts node plainly). */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function memNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export async function run(): Promise<Record<string, unknown>> {
  const docs = loadNtrex();
  const quality: Record<string, unknown> = {};
  for (const rate of [0, 0.1, 0.2, 0.3, 0.5]) {
    const rand = rng(7 + Math.round(rate * 100));
    quality[`news_rate_${rate}`] = evaluate(docs.map((d) => perturb(d, { rate, ops: NEWS_OPS }, rand)));
  }
  for (const rate of [0.4, 0.6]) {
    const rand = rng(1000 + Math.round(rate * 100));
    quality[`literary_rate_${rate}`] = evaluate(docs.map((d) => perturb(d, { rate, ops: LITERARY_OPS }, rand)));
  }
  const all = docs.flat();
  // speed: warm up once, then time the 10k × 10k alignment (best of 3; wall and CPU time, since
  // other processes may share the machine)
  const warm = longDoc(all, 500);
  alignSentences(warm.ar, warm.en);
  const big = longDoc(all, 10_000);
  const times: number[] = [];
  const cpu: number[] = [];
  let bigLinks: Link[] = [];
  const bigStats = {} as AlignStats;
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    bigLinks = alignSentences(big.ar, big.en, { stats: bigStats });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const identity: Array<[number[], number[]]> = big.ar.map((_, i) => [[i], [i]]);
  const bigScore = score(identity, bigLinks.map((l) => [l.src, l.tgt]));
  // a 10k document with 10 % perturbation (1-n links and gaps shift the path off the index diagonal)
  const bigPert = perturb(longPairs(all, 10_000), { rate: 0.1, ops: NEWS_OPS }, rng(99));
  const tp = performance.now();
  const bigPertEval = evaluate([bigPert]);
  const perturbedMs = performance.now() - tp;
  // memory: DP cells of the final band (exact, linear by construction) and the heap + typed-array
  // growth right after the call, from a collected heap
  const gc = gcFunction();
  const memory: Record<string, unknown> = {};
  for (const n of [2_500, 5_000, 10_000]) {
    const d = longDoc(all, n);
    const stats = {} as AlignStats;
    gc();
    const before = memNow();
    const links = alignSentences(d.ar, d.en, { stats });
    const after = memNow();
    memory[`n_${n}`] = { mbDelta: Math.round(((after - before) / 1e6) * 10) / 10, dpCells: stats.cells, band: stats.band, passes: stats.passes };
    if (links.length === 0) throw new Error('no links');
  }
  return {
    quality,
    hunalignReference: { legalStrictF1: 0.58, literaryStrictF1: 0.05, note: 'published figures; hunalign not run here' },
    speed: {
      sentences: '10000 x 10000 (1-1, NTREX cycled)',
      ms: Math.round(Math.min(...times)),
      cpuMs: Math.round(Math.min(...cpu)),
      allRunsMs: times.map(Math.round),
      target: 2000,
      band: bigStats,
      strictF1: r3(f1(bigScore.strictHits / bigScore.nPred, bigScore.strictHits / bigScore.nGold)),
      perturbed10k: { ms: Math.round(perturbedMs), sizes: [bigPert.ar.length, bigPert.en.length], ...bigPertEval },
    },
    memory: { ...memory, note: 'mbDelta: heapUsed + arrayBuffers right after the call minus before it (after a GC); dpCells: cells of the final banded DP' },
  };
}
