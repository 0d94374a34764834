// Link costs in nats (negative log probabilities, up to a constant): a link-type prior, a
// Gale–Church length term and anchor bonuses. Lower is better.
import type { DocFeatures } from './features.ts';

/** A link type: how many source and target sentences it takes, and its prior cost in nats. */
export interface LinkType {
  /** source sentences taken */
  ds: number;
  /** target sentences taken */
  dt: number;
  /** −log P(type), relative to 1-1 */
  prior: number;
}

/** Cost in nats of each English sentence beyond the first in a 1-n link (and of each Arabic one in
 * an n-1 link beyond the second): about constant per extra sentence, so that a literary 1-6 is
 * not priced out (issue 13: the old 1-4 ceiling with steep priors absorbed the rest with 0-1s). */
export const EXTRA_SENTENCE = 0.8;
/** A run of k untranslated sentences inside the text (k-0 or 0-k, output as k one-sided links)
 * costs GAP_OPEN + GAP_EXTEND × (k − 1): a block missing in the middle is one event, not k. */
export const GAP_OPEN = 4.5;
export const GAP_EXTEND = 1.2;
/** Cost per sentence of a one-sided link before the other side starts or after it ends (an
 * unfinished translation, a preface left untranslated): an end-anchored alignment, so the English
 * of a half-done translation is not spread over the whole report. */
export const END_GAP = 0.6;
/** Weight in nats of the lexical term (shared/align/lexical.ts): a two-sided link's cost is
 * lowered by LEX_WEIGHT × cos. Translations score about 0.15 with this word list and unrelated
 * sentences about 0.01, so a right 1-1 link gains ~3 nats over a wrong one. Tuned on the bench
 * split (10, 20, 40 tried; a centre above 0 only hurt). */
export const LEX_WEIGHT = 20;
/** Longest one-sided run taken as one link type (longer runs chain several). */
export const MAX_RUN = 8;

function linkTypes(): LinkType[] {
  const out: LinkType[] = [{ ds: 1, dt: 1, prior: 0 }];
  for (let k = 2; k <= 8; k++) out.push({ ds: 1, dt: k, prior: 0.8 + EXTRA_SENTENCE * (k - 1) });
  out.push({ ds: 2, dt: 1, prior: 1.8 }, { ds: 1, dt: 0, prior: GAP_OPEN }, { ds: 0, dt: 1, prior: GAP_OPEN });
  out.push({ ds: 3, dt: 1, prior: 3.2 }, { ds: 2, dt: 2, prior: 5.5 });
  for (let k = 3; k <= 4; k++) out.push({ ds: 2, dt: k, prior: 4.0 + EXTRA_SENTENCE * (k - 2) });
  for (let k = 2; k <= MAX_RUN; k++) out.push({ ds: k, dt: 0, prior: GAP_OPEN + GAP_EXTEND * (k - 1) });
  for (let k = 2; k <= 4; k++) out.push({ ds: 0, dt: k, prior: GAP_OPEN + GAP_EXTEND * (k - 1) });
  return out;
}

/** Link types the dynamic programme considers, in tie-break order (earlier wins a tie): 1-1 … 1-8,
 * 2-1 … 2-4, 3-1, and one-sided runs (k-0 up to MAX_RUN, 0-k up to 4) that the aligner reports as
 * k separate 1-0 / 0-1 links. */
export const LINK_TYPES: readonly LinkType[] = linkTypes();

/** Per-document length model (Gale & Church's c and s²). */
export interface LengthModel {
  /** expected target characters per source character (estimated from the document) */
  ratio: number;
  /** variance of target length per expected character */
  variance: number;
  /** true when the document's own ratio was implausible (one side is much shorter: an unfinished
   * translation) and PRIOR_RATIO is used instead; the band then follows the prior, not the totals */
  partial?: boolean;
}

/** English/Arabic character ratio (no white space or harakat) on complete translations: the median
 * document of NTREX-128 is 1.08, of UD PUD 1.19 (10th–90th percentiles 0.98–1.27). */
export const PRIOR_RATIO = 1.12;
/** A document ratio outside these bounds means one side is incomplete (0.9: below every complete
 * PUD document and all but 10 % of NTREX; a report 5/6 translated has about 0.83). */
const RATIO_MIN = 0.9;
const RATIO_MAX = 1.5;

/** Estimates the English/Arabic character ratio from the document itself, falling back to the
 * prior when the totals say that one side is incomplete. */
export function lengthModel(f: DocFeatures, variance = 2.5): LengthModel {
  let a = 0;
  let e = 0;
  for (const l of f.src.len) a += l;
  for (const l of f.tgt.len) e += l;
  const ratio = a > 0 && e > 0 ? e / a : 1;
  if (a > 0 && e > 0 && (ratio < RATIO_MIN || ratio > RATIO_MAX)) return { ratio: PRIOR_RATIO, variance, partial: true };
  return { ratio, variance };
}

/** −log erfc(x) for x ≥ 0, without underflow (Numerical Recipes' erfcc in log form, |rel err| < 1.2e-7). */
export function negLogErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return -Math.log(t) + x * x - poly;
}

/** −log(e^−a + e^−b) for finite costs a, b: min − log(1 + e^−|a−b|), the backward pass's streaming
 * log-add. Past a gap of 40 nats the correction (< 4.3e-18) is below half an ulp of any |min| ≥ 1,
 * so the subtraction gives min itself: returned without the two calls, bit for bit the same. */
export function logAddCost(a: number, b: number): number {
  const gap = a > b ? a - b : b - a;
  const min = a < b ? a : b;
  if (gap > 40 && (min >= 1 || min <= -1)) return min;
  return Math.min(a, b) - Math.log1p(Math.exp(-gap));
}

/** Gale–Church length cost: −log P(|δ| ≥ observed), δ the normalised length difference. */
export function lengthCost(la: number, le: number, m: LengthModel): number {
  const expected = la * m.ratio;
  const delta = Math.abs(le - expected) / Math.sqrt(m.variance * (expected + le) * 0.5 + 1);
  return negLogErfc(delta / Math.SQRT2);
}

/** Reusable scratch space for anchor matching: a count per key id, valid while its stamp is current. */
export class AnchorScratch {
  private count: Int32Array;
  private stamp: Int32Array;
  private gen = 0;
  /** numbers (2+ digits) matched by the last call of `shared` */
  matchedNumbers = 0;

  constructor(keyCount: number) {
    this.count = new Int32Array(keyCount);
    this.stamp = new Int32Array(keyCount);
  }

  /** Sum of weights of keys shared between source sentences [s0, s1) and target sentences [t0, t1),
   * as a multiset intersection (a key counts at most as often as it occurs on the rarer side).
   * O(keys on both sides). */
  shared(f: DocFeatures, s0: number, s1: number, t0: number, t1: number): number {
    const a0 = f.src.keyStart[s0];
    const a1 = f.src.keyStart[s1];
    const b0 = f.tgt.keyStart[t0];
    const b1 = f.tgt.keyStart[t1];
    this.matchedNumbers = 0;
    if (a0 === a1 || b0 === b1) return 0;
    const gen = ++this.gen;
    const { count, stamp } = this;
    const skeys = f.src.keys;
    const tkeys = f.tgt.keys;
    for (let a = a0; a < a1; a++) {
      const k = skeys[a];
      if (stamp[k] !== gen) {
        stamp[k] = gen;
        count[k] = 1;
      } else count[k]++;
    }
    let sum = 0;
    let numbers = 0;
    for (let b = b0; b < b1; b++) {
      const k = tkeys[b];
      if (stamp[k] === gen && count[k] > 0) {
        count[k]--;
        sum += f.keyWeight[k];
        numbers += f.keyIsNumber[k];
      }
    }
    this.matchedNumbers = numbers;
    return sum;
  }
}
