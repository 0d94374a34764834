// Sentence alignment of an Arabic document with its English translation.
//
// Methods this builds on, and where their names map onto this code:
// - Gale & Church (1993), "A program for aligning sentences in bilingual corpora", Computational
//   Linguistics 19(1): dynamic programming over link "beads" (here LINK_TYPES: 1-1, 1-2, 2-1, 1-0,
//   0-1, 2-2, ...), each scored by −log P(bead) plus a length term −log P(|δ|), δ the normalised
//   difference between the target length and c × the source length (cost.ts `lengthCost`, with c =
//   `LengthModel.ratio` estimated per document from the Arabic and English character totals, s² =
//   `LengthModel.variance`).
// - Varga et al. (2005), "Parallel corpora for medium density languages" (hunalign): lexical
//   anchors on top of length, here numbers with Arabic-Indic/Persian digits normalised, punctuation,
//   glossary and named-entity pairs (`AlignOptions.anchors`) and transliteration-similar names
//   (translit.ts) — features.ts; and a band around the diagonal of the DP matrix.
// - Thompson & Koehn (2019), "Vecalign: Improved sentence alignment in linear time and space":
//   links up to 1-4/4-1 and 2-2 scored so that merging sentences is not rewarded by itself, and a
//   search whose time and memory are linear in document length. Vecalign gets there by recursive
//   coarse-to-fine refinement; here the band follows the cumulative-length diagonal (`bandCentres`,
//   a cheap stand-in for Vecalign's coarse pass) and is doubled and the DP rerun when the best path
//   touches its edge.
// Confidence is the posterior probability of each link (forward–backward over the same band), so
// a link the model is torn about gets a low value even when it wins.
//
// Preconditions: `fixed` links are monotonic, non-overlapping, with contiguous index ranges inside
// the inputs (checked; a RangeError otherwise). Output: links in order, covering every sentence of
// both sides exactly once, fixed links included unchanged. Deterministic (ties go to the earlier
// link type in LINK_TYPES, then to the earlier predecessor).
import type { AlignOptions, Link } from './types.ts';
import { documentFeatures, UNMATCHED_NUMBER, type DocFeatures } from './features.ts';
import { AnchorScratch, END_GAP, LEX_WEIGHT, LINK_TYPES, lengthCost, lengthModel, logAddCost, type LengthModel } from './cost.ts';
import { LexicalSpace } from './lexical.ts';

export type { AlignOptions, AlignStats, Link, AnchorPair } from './types.ts';

/** Temperature of the posterior (costs divided by it in forward–backward): the model's costs are
 * sharper than its real error rate, so raw posteriors are over-confident. Fitted on the held-out
 * dev split of bench/align-cases.ts (scripts/calibrate-align.ts). */
export const POSTERIOR_TEMPERATURE = 1;
/** Raw posterior at which the calibrated confidence is 0.5, with and without a lexicon: on the
 * dev split, links at or above it are right at least 98 % of the time in every case kind
 * (scripts/calibrate-align.ts found 0.86 and 0.92). With the word list 0.9 is used: at 0.88 the
 * tuning split's literary links at ≥ 0.5 were right 97.8 % of the time, so a margin was added. */
export const CONFIDENT_POSTERIOR = { lexicon: 0.9, none: 0.92 } as const;

/** Monotone, piecewise-linear map of the posterior onto the confidence shown: the calibrated
 * posterior → 0.5, so the review threshold 0.5 means "right at least 98 % of the time" on the dev
 * data. */
export function calibrate(p: number, withLexicon: boolean): number {
  const t = withLexicon ? CONFIDENT_POSTERIOR.lexicon : CONFIDENT_POSTERIOR.none;
  return p < t ? (0.5 * p) / t : 0.5 + (0.5 * (p - t)) / (1 - t);
}

/** Highest confidence of a suspect row (English-only, or untranslated Arabic while English-only
 * rows exist): below the 0.5 review threshold, so F8 and the import summary count it. */
export const SUSPECT_CAP = 0.49;

/** Default initial half-width of the band, in target sentences. */
const DEFAULT_BAND = 16;
/** The band is not widened beyond this many DP cells (memory guard for pathological inputs). */
const MAX_CELLS = 24_000_000;

interface FixedTable {
  links: Link[];
  /** fixed link index holding source sentence i, or -1 */
  lockSrc: Int32Array;
  lockTgt: Int32Array;
  /** largest locked index below i (i in 0..n), or -1 */
  lastLockSrc: Int32Array;
  lastLockTgt: Int32Array;
}

function validateFixed(fixed: Link[], n: number, m: number): FixedTable {
  const lockSrc = new Int32Array(n).fill(-1);
  const lockTgt = new Int32Array(m).fill(-1);
  const links = fixed.map((l) => ({ src: [...l.src], tgt: [...l.tgt], confidence: l.confidence }));
  for (const [k, l] of links.entries()) {
    if (l.src.length === 0 && l.tgt.length === 0) throw new RangeError(`fixed link ${k} is empty`);
    for (const [side, lock, size] of [[l.src, lockSrc, n], [l.tgt, lockTgt, m]] as const) {
      side.forEach((x, q) => {
        if (!Number.isInteger(x) || x < 0 || x >= size) throw new RangeError(`fixed link ${k}: index ${x} is out of range`);
        if (q > 0 && x !== side[q - 1] + 1) throw new RangeError(`fixed link ${k}: indices are not contiguous`);
        if (lock[x] !== -1) throw new RangeError(`fixed link ${k} overlaps fixed link ${lock[x]}`);
        lock[x] = k;
      });
    }
  }
  // monotonic: two-sided links ordered by source must also be ordered by target (one-sided links
  // constrain one side only, and contiguity/overlap is checked above)
  const twoSided = links.filter((l) => l.src.length && l.tgt.length).sort((x, y) => x.src[0] - y.src[0]);
  for (let q = 1; q < twoSided.length; q++) {
    if (twoSided[q].tgt[0] <= twoSided[q - 1].tgt[twoSided[q - 1].tgt.length - 1]) {
      throw new RangeError(`fixed links cross: source ${twoSided[q].src[0]} comes after source ${twoSided[q - 1].src[0]} but its target comes before`);
    }
  }
  const lastLock = (lock: Int32Array) => {
    const out = new Int32Array(lock.length + 1);
    let last = -1;
    for (let i = 0; i <= lock.length; i++) {
      out[i] = last;
      if (i < lock.length && lock[i] !== -1) last = i;
    }
    return out;
  };
  return { links, lockSrc, lockTgt, lastLockSrc: lastLock(lockSrc), lastLockTgt: lastLock(lockTgt) };
}

/**
 * Band centres: for each source prefix i, the target prefix whose share of the English characters
 * matches the source prefix's share of the Arabic characters, piecewise between fixed links (so the
 * band passes through every confirmed row).
 */
function bandCentres(f: DocFeatures, fixed: FixedTable, lm: LengthModel): Int32Array {
  const n = f.src.len.length;
  const m = f.tgt.len.length;
  const cumS = new Float64Array(n + 1);
  const cumT = new Float64Array(m + 1);
  for (let i = 0; i < n; i++) cumS[i + 1] = cumS[i] + f.src.len[i] + 1;
  for (let j = 0; j < m; j++) cumT[j + 1] = cumT[j] + f.tgt.len[j] + 1;
  const points: Array<[number, number]> = [[0, 0]];
  const both = fixed.links.filter((l) => l.src.length && l.tgt.length).sort((a, b) => a.src[0] - b.src[0]);
  for (const l of both) {
    points.push([l.src[0], l.tgt[0]], [l.src[l.src.length - 1] + 1, l.tgt[l.tgt.length - 1] + 1]);
  }
  points.push([n, m]);
  const centre = new Int32Array(n + 1);
  for (let p = 0; p + 1 < points.length; p++) {
    const [a0, b0] = points[p];
    const [a1, b1] = points[p + 1];
    const spanS = cumS[a1] - cumS[a0];
    const spanT = cumT[b1] - cumT[b0];
    let j = b0;
    // after the last confirmed row of a partial document, follow the prior ratio from the start of
    // the stretch and stop at its end (the English may end early), instead of stretching
    const project = lm.partial && p + 2 === points.length;
    for (let i = a0; i <= a1; i++) {
      const want = project
        ? Math.min(cumT[b1], cumT[b0] + (cumS[i] - cumS[a0]) * lm.ratio)
        : cumT[b0] + (spanS > 0 ? ((cumS[i] - cumS[a0]) / spanS) * spanT : 0);
      while (j < b1 && Math.abs(cumT[j + 1] - want) <= Math.abs(cumT[j] - want)) j++;
      centre[i] = i === a1 ? b1 : j;
    }
  }
  return centre;
}

/** Row intervals [lo[i], lo[i] + K) of the band, clamped so that consecutive rows overlap. */
function bandRows(centre: Int32Array, m: number, half: number): { lo: Int32Array; K: number } {
  const n = centre.length - 1;
  const K = Math.min(2 * half + 1, m + 1);
  const lo = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) lo[i] = Math.min(Math.max(0, centre[i] - half), m + 1 - K);
  // (0, 0) and (n, m) inside; each row overlapping the previous one, so a path exists (a row that
  // cannot reach back to 0 leaves the end unreachable, and the caller widens the band)
  lo[0] = 0;
  for (let i = 1; i < n; i++) lo[i] = Math.max(lo[i - 1], Math.min(lo[i], lo[i - 1] + K - 1));
  lo[n] = m + 1 - K;
  for (let i = n - 1; i >= 0; i--) lo[i] = Math.min(lo[i + 1], Math.max(lo[i], lo[i + 1] - (K - 1)));
  return { lo, K };
}

/** The DP over one band. Flat state index s = i*K + (j - lo[i]). */
class BandDP {
  readonly n: number;
  readonly m: number;
  private readonly scratch: AnchorScratch;
  // per-transition scratch filled by `transitions`
  readonly prevBuf = new Int32Array(LINK_TYPES.length + 2);
  readonly costBuf = new Float64Array(LINK_TYPES.length + 2);
  readonly typeBuf = new Int32Array(LINK_TYPES.length + 2);

  // LINK_TYPES copied into typed arrays: the hot loop must not go through module bindings
  private readonly DS = Int32Array.from(LINK_TYPES, (t) => t.ds);
  private readonly DT = Int32Array.from(LINK_TYPES, (t) => t.dt);
  private readonly PRIOR = Float64Array.from(LINK_TYPES, (t) => t.prior);
  /** prefix sums of sentence lengths, so a link's length is one subtraction */
  private readonly cumS: Float64Array;
  private readonly cumT: Float64Array;
  /** prefix sums of numbers per sentence (UNMATCHED_NUMBER) */
  private readonly numS: Float64Array;
  private readonly numT: Float64Array;

  constructor(
    readonly f: DocFeatures,
    readonly lm: LengthModel,
    readonly fixed: FixedTable,
    readonly lo: Int32Array,
    readonly K: number,
    readonly invT = 1,
    readonly lex: LexicalSpace | null = null,
  ) {
    this.n = f.src.len.length;
    this.m = f.tgt.len.length;
    this.scratch = new AnchorScratch(f.keyWeight.length);
    this.cumS = prefixSums(f.src.len);
    this.cumT = prefixSums(f.tgt.len);
    this.numS = prefixSums(f.src.nums);
    this.numT = prefixSums(f.tgt.nums);
  }

  index(i: number, j: number): number {
    const d = j - this.lo[i];
    return d < 0 || d >= this.K ? -1 : i * this.K + d;
  }

  /** Cost of a regular link taking source [s0, s1) and target [t0, t1). */
  linkCost(type: number, s0: number, s1: number, t0: number, t1: number): number {
    if (t0 === t1) {
      // untranslated Arabic: cheap per sentence after the English ends (one link type only there,
      // so the tail has a single path and a clear posterior). Not before it starts: with length
      // alone a late start and an early end look alike, and unfinished translations are the
      // common case.
      if (t0 === this.m) return s1 - s0 === 1 ? END_GAP : Infinity;
      return this.PRIOR[type];
    }
    if (s0 === s1) {
      // English past the end of the Arabic (not before its start: English-only rows at the top
      // are rarer than an English note at the end, and would push confirmed first rows down)
      if (s0 === this.n) return t1 - t0 === 1 ? END_GAP : Infinity;
      return this.PRIOR[type];
    }
    const la = this.cumS[s1] - this.cumS[s0];
    const le = this.cumT[t1] - this.cumT[t0];
    const bonus = this.scratch.shared(this.f, s0, s1, t0, t1);
    const unmatched = this.numS[s1] - this.numS[s0] + this.numT[t1] - this.numT[t0] - 2 * this.scratch.matchedNumbers;
    let cost = this.PRIOR[type] + lengthCost(la, le, this.lm) - bonus + UNMATCHED_NUMBER * unmatched;
    if (this.lex) {
      // word meaning: a bonus growing with the cosine of the two spans (shared/align/lexical.ts)
      cost -= LEX_WEIGHT * this.lex.cos(s0, s1, t0, t1);
    }
    return cost;
  }

  /** Fills prevBuf/costBuf/typeBuf with every transition into state (i, j), always in the same
   * order; returns how many. typeBuf holds a LINK_TYPES index, or -1 - k for fixed link k. Without
   * `withCost` only prevBuf/typeBuf are filled (the costs come from the forward pass's cache). */
  transitions(i: number, j: number, withCost = true): number {
    const fx = this.fixed;
    let c = 0;
    const regularSrc = fx.lastLockSrc[i];
    const regularTgt = fx.lastLockTgt[j];
    const { DS, DT, lo, K } = this;
    for (let t = 0; t < DS.length; t++) {
      const pi = i - DS[t];
      const pj = j - DT[t];
      if (pi < 0 || pj < 0 || regularSrc >= pi || regularTgt >= pj) continue;
      const d = pj - lo[pi];
      if (d < 0 || d >= K) continue;
      const p = pi * K + d;
      this.prevBuf[c] = p;
      if (withCost) this.costBuf[c] = this.linkCost(t, pi, i, pj, j);
      this.typeBuf[c++] = t;
    }
    if (i > 0 && fx.lockSrc[i - 1] >= 0) {
      const k = fx.lockSrc[i - 1];
      const l = fx.links[k];
      if (l.src[l.src.length - 1] === i - 1) {
        const tg = l.tgt.length ? l.tgt[l.tgt.length - 1] + 1 : j;
        if (tg === j) {
          const p = this.index(l.src[0], l.tgt.length ? l.tgt[0] : j);
          if (p >= 0) {
            this.prevBuf[c] = p;
            this.costBuf[c] = 0;
            this.typeBuf[c++] = -1 - k;
          }
        }
      }
    }
    if (j > 0 && fx.lockTgt[j - 1] >= 0) {
      const k = fx.lockTgt[j - 1];
      const l = fx.links[k];
      if (l.src.length === 0 && l.tgt[l.tgt.length - 1] === j - 1) {
        const p = this.index(i, l.tgt[0]);
        if (p >= 0) {
          this.prevBuf[c] = p;
          this.costBuf[c] = 0;
          this.typeBuf[c++] = -1 - k;
        }
      }
    }
    return c;
  }

  /** Viterbi plus (optionally) the forward log-sum, in one pass over the band. */
  forward(withSum: boolean): { best: Float64Array; back: Int32Array; backType: Int16Array; alpha: Float64Array | null; cache: Float32Array | null } {
    const size = (this.n + 1) * this.K;
    const best = new Float64Array(size).fill(Infinity);
    const back = new Int32Array(size).fill(-1);
    const backType = new Int16Array(size);
    const alpha = withSum ? new Float64Array(size).fill(Infinity) : null;
    // link costs kept for the backward pass (float32 is plenty for costs of a few dozen nats)
    const W = this.prevBuf.length;
    const cache = withSum ? new Float32Array(size * W) : null;
    best[0] = 0;
    if (alpha) alpha[0] = 0;
    const { prevBuf, costBuf, typeBuf } = this;
    for (let i = 0; i <= this.n; i++) {
      const lo = this.lo[i];
      for (let d = 0; d < this.K; d++) {
        const j = lo + d;
        const s = i * this.K + d;
        if (s === 0) continue;
        const c = this.transitions(i, j);
        let bv = Infinity;
        let bp = -1;
        let bt = 0;
        let amin = Infinity;
        for (let q = 0; q < c; q++) {
          const v = best[prevBuf[q]] + costBuf[q];
          if (v < bv) {
            bv = v;
            bp = prevBuf[q];
            bt = typeBuf[q];
          }
          if (alpha && cache) {
            const tc = costBuf[q] * this.invT; // posteriors are taken at a temperature (calibration)
            cache[s * W + q] = tc;
            const a = alpha[prevBuf[q]] + tc;
            costBuf[q] = a; // reuse: now the forward value through q
            if (a < amin) amin = a;
          }
        }
        best[s] = bv;
        back[s] = bp;
        backType[s] = bt;
        if (alpha && amin < Infinity) {
          let sum = 0;
          for (let q = 0; q < c; q++) sum += Math.exp(amin - costBuf[q]);
          alpha[s] = amin - Math.log(sum);
        }
      }
    }
    return { best, back, backType, alpha, cache };
  }

  /** Backward log-sum: beta[s] = −log Σ over paths from s to the end of exp(−cost). */
  backward(cache: Float32Array): Float64Array {
    const W = this.prevBuf.length;
    const size = (this.n + 1) * this.K;
    const beta = new Float64Array(size).fill(Infinity);
    const end = this.index(this.n, this.m);
    beta[end] = 0;
    const { prevBuf } = this;
    for (let i = this.n; i >= 0; i--) {
      const lo = this.lo[i];
      for (let d = this.K - 1; d >= 0; d--) {
        const s = i * this.K + d;
        const bs = beta[s];
        if (bs === Infinity) continue;
        const c = this.transitions(i, lo + d, false);
        for (let q = 0; q < c; q++) {
          const p = prevBuf[q];
          const v = bs + cache[s * W + q];
          const cur = beta[p];
          beta[p] = cur === Infinity ? v : logAddCost(cur, v);
        }
      }
    }
    return beta;
  }

  /** (i, j) of flat state s. */
  state(s: number): [number, number] {
    const i = Math.floor(s / this.K);
    return [i, this.lo[i] + (s - i * this.K)];
  }

  /** true when state s lies on an edge of the band that is not the matrix border. */
  onEdge(s: number): boolean {
    const [i, j] = this.state(s);
    const lo = this.lo[i];
    return (j === lo && lo > 0) || (j === lo + this.K - 1 && j < this.m);
  }
}

function prefixSums(xs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(xs.length + 1);
  for (let i = 0; i < xs.length; i++) out[i + 1] = out[i] + xs[i];
  return out;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let x = a; x < b; x++) out.push(x);
  return out;
}

/** Most source sentences of a two-sided link type (the lexical term is asked only for those). */
const MAX_DS = Math.max(...LINK_TYPES.filter((t) => t.dt > 0).map((t) => t.ds));

/** Target sentences that source sentence i meets in a two-sided link of a band [lo[i], lo[i] + K):
 * the link starts in a row at most MAX_DS − 1 above i and ends in a row at most MAX_DS below (lo is
 * non-decreasing). Only a cache hint for LexicalSpace: pairs outside it are computed as well. */
function pairWindow(lo: Int32Array, K: number, n: number, m: number): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    from[i] = lo[Math.max(0, i - MAX_DS + 1)];
    to[i] = Math.min(m, lo[Math.min(n, i + MAX_DS)] + K - 1);
  }
  return { from, to };
}

/** Relative change of the length ratio that triggers a second alignment pass. */
const RATIO_TOLERANCE = 0.03;

/** English/Arabic character ratio over the links of a path that have both sides (0 if none). */
function linkedRatio(r: Search, f: DocFeatures): number {
  let a = 0;
  let e = 0;
  for (let q = 1; q < r.path.length; q++) {
    const [i0, j0] = r.dp.state(r.path[q - 1]);
    const [i1, j1] = r.dp.state(r.path[q]);
    if (i1 === i0 || j1 === j0) continue;
    for (let i = i0; i < i1; i++) a += f.src.len[i];
    for (let j = j0; j < j1; j++) e += f.tgt.len[j];
  }
  return a > 0 && e > 0 ? e / a : 0;
}

/** Sentences per block at each coarse level, and the size above which a coarse level is used. */
const COARSE_BLOCK = 4;
const COARSE_ABOVE = 1500;

/** The result of one banded search: the DP, its forward tables and the best path (flat states). */
interface Search {
  dp: BandDP;
  fw: ReturnType<BandDP['forward']>;
  path: number[];
  half: number;
  passes: number;
}

/**
 * Runs the banded DP, doubling the band's half-width while the best path touches an edge of the
 * band (or no path fits), up to the full matrix or MAX_CELLS.
 */
function search(f: DocFeatures, lm: LengthModel, fixed: FixedTable, centre: Int32Array, half: number, withSum: boolean, invT = 1, lex: LexicalSpace | null = null): Search {
  const n = f.src.len.length;
  const m = f.tgt.len.length;
  for (let passes = 1; ; passes++) {
    const { lo, K } = bandRows(centre, m, half);
    lex?.reset(lex && pairWindow(lo, K, n, m));
    const dp = new BandDP(f, lm, fixed, lo, K, invT, lex);
    const fw = dp.forward(withSum);
    const end = dp.index(n, m);
    const canWiden = K < m + 1 && (n + 1) * Math.min(4 * half + 1, m + 1) <= MAX_CELLS;
    let hit = fw.best[end] === Infinity;
    const path: number[] = [];
    if (!hit) {
      for (let s = end; s > 0; s = fw.back[s]) {
        path.push(s);
        if (dp.onEdge(s)) hit = true;
      }
      path.push(0);
    }
    if (hit && canWiden) {
      half *= 2;
      continue;
    }
    if (fw.best[end] === Infinity) throw new Error('alignSentences: no alignment fits in memory (inputs too large)');
    return { dp, fw, path: path.reverse(), half, passes };
  }
}

/** Features of blocks of `b` consecutive sentences (lengths summed, keys concatenated). */
function blockFeatures(f: DocFeatures, b: number): DocFeatures {
  const side = (x: DocFeatures['src']): DocFeatures['src'] => {
    const n = x.len.length;
    const g = Math.ceil(n / b);
    const len = new Float64Array(g);
    const nums = new Int32Array(g);
    const keyStart = new Int32Array(g + 1);
    for (let k = 0; k < g; k++) {
      for (let i = k * b; i < Math.min(n, (k + 1) * b); i++) {
        len[k] += x.len[i];
        nums[k] += x.nums[i];
      }
      keyStart[k] = x.keyStart[k * b];
    }
    keyStart[g] = x.keyStart[n];
    return { len, keyStart, keys: x.keys, nums };
  };
  return { src: side(f.src), tgt: side(f.tgt), keyWeight: f.keyWeight, keyIsNumber: f.keyIsNumber };
}

/** Centres that follow a coarse alignment of blocks (Vecalign's coarse-to-fine idea): the
 * cumulative-length diagonal drifts by about √n sentences on long documents, the coarse path does not. */
function coarseCentres(f: DocFeatures, lm: LengthModel, half: number): Int32Array {
  const n = f.src.len.length;
  const m = f.tgt.len.length;
  const coarse = blockFeatures(f, COARSE_BLOCK);
  const noFixed = validateFixed([], coarse.src.len.length, coarse.tgt.len.length);
  const centre0 = centresFor(coarse, lm, noFixed, half);
  const { dp, path } = search(coarse, lm, noFixed, centre0, half, false);
  // path points in sentence coordinates, then linear interpolation for every source prefix
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of path) {
    const [i, j] = dp.state(s);
    xs.push(Math.min(n, i * COARSE_BLOCK));
    ys.push(Math.min(m, j * COARSE_BLOCK));
  }
  const centre = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i <= n; i++) {
    // k: the last path point at or before source prefix i
    while (k + 1 < xs.length && xs[k + 1] <= i) k++;
    const k1 = Math.min(k + 1, xs.length - 1);
    const x0 = xs[k];
    const x1 = xs[k1];
    centre[i] = x1 > x0 ? Math.round(ys[k] + ((i - x0) / (x1 - x0)) * (ys[k1] - ys[k])) : ys[k];
  }
  centre[n] = m;
  return centre;
}

/** Band centres for a problem: fixed links and the length diagonal on small inputs, the coarse
 * path on large inputs without two-sided fixed links. */
function centresFor(f: DocFeatures, lm: LengthModel, fixed: FixedTable, half: number): Int32Array {
  const big = Math.min(f.src.len.length, f.tgt.len.length) > COARSE_ABOVE;
  // one-sided fixed links (e.g. empty lines) do not pin the diagonal; two-sided ones do
  const pinned = fixed.links.some((l) => l.src.length > 0 && l.tgt.length > 0);
  return big && !pinned ? coarseCentres(f, lm, half) : bandCentres(f, fixed, lm);
}

/**
 * Aligns source sentences `src` (Arabic) with target sentences `tgt` (English). Returns links in
 * order covering every sentence of both sides exactly once (an empty side is a 1-0 or 0-1 link),
 * each with a confidence in [0, 1]; `opts.fixed` links appear unchanged.
 */
export function alignSentences(src: string[], tgt: string[], opts: AlignOptions = {}): Link[] {
  const n = src.length;
  const m = tgt.length;
  const fixed = validateFixed(opts.fixed ?? [], n, m);
  const f = documentFeatures(src, tgt, opts.anchors ?? []);
  let lm = lengthModel(f);
  let half = Math.max(opts.band ?? DEFAULT_BAND, 2);
  const centre = centresFor(f, lm, fixed, half);
  // the band must be wide enough for the steepest stretch of its centre line
  for (let i = 0; i < n; i++) half = Math.max(half, centre[i + 1] - centre[i] + 2);
  if (n === 0) half = m;
  const withPosteriors = opts.posteriors !== false;
  const invT = 1 / (opts.temperature ?? POSTERIOR_TEMPERATURE);
  const lex = opts.lexicon && n > 0 && m > 0 ? new LexicalSpace(src, tgt, opts.lexicon) : null;
  let result = search(f, lm, fixed, centre, half, withPosteriors, invT, lex);
  // Gale & Church estimate c from aligned text: the whole-document ratio is skewed by untranslated
  // sentences (one dropped sentence in a short report moves it by 20 %), so re-estimate it from the
  // links that have both sides and realign once when it moved noticeably.
  const refined = linkedRatio(result, f);
  let passes = result.passes;
  if (refined > 0 && Math.abs(refined / lm.ratio - 1) > RATIO_TOLERANCE) {
    lm = { ...lm, ratio: refined };
    result = search(f, lm, fixed, centre, half, withPosteriors, invT, lex);
    passes += result.passes;
  }
  const { dp, fw, path, half: used } = result;
  if (opts.stats) Object.assign(opts.stats, { band: used, passes, cells: (n + 1) * dp.K });
  const beta = fw.cache ? dp.backward(fw.cache) : null;
  const end = path[path.length - 1];
  const Z = fw.alpha ? fw.alpha[end] : 0;
  // English with no Arabic is rare in a translation and usually belongs elsewhere (a sentence the
  // model could not place, or a paragraph moved); while such rows exist, untranslated Arabic rows
  // may be where it belongs: all of them are flagged for review
  let orphanEnglish = false;
  for (let q = 1; q < path.length; q++) {
    if (fw.backType[path[q]] < 0) continue;
    if (dp.state(path[q])[0] === dp.state(path[q - 1])[0]) orphanEnglish = true;
  }
  const links: Link[] = [];
  for (let q = 1; q < path.length; q++) {
    const s = path[q];
    const p = path[q - 1];
    const type = fw.backType[s];
    if (type < 0) {
      const l = fixed.links[-1 - type];
      links.push({ src: [...l.src], tgt: [...l.tgt], confidence: l.confidence });
      continue;
    }
    const [i0, j0] = dp.state(p);
    const [i1, j1] = dp.state(s);
    const cost = fw.best[s] - fw.best[p];
    let confidence: number;
    if (fw.alpha && beta) confidence = Math.exp(-(fw.alpha[p] + cost * invT + beta[s] - Z));
    else confidence = Math.exp(-Math.max(0, cost));
    confidence = Math.min(1, Math.max(0, confidence));
    if (!opts.rawConfidence) confidence = calibrate(confidence, lex !== null);
    if (i0 === i1 || (j0 === j1 && orphanEnglish)) confidence = Math.min(confidence, opts.rawConfidence ? 0 : SUSPECT_CAP);
    confidence = Math.round(confidence * 1000) / 1000;
    // a one-sided run (k-0, 0-k) is k rows, each untranslated
    if (j0 === j1 && i1 - i0 > 1) for (let i = i0; i < i1; i++) links.push({ src: [i], tgt: [], confidence });
    else if (i0 === i1 && j1 - j0 > 1) for (let j = j0; j < j1; j++) links.push({ src: [], tgt: [j], confidence });
    else links.push({ src: range(i0, i1), tgt: range(j0, j1), confidence });
  }
  return links;
}
