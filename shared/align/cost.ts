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

/** Link types the dynamic programme considers, in tie-break order (earlier wins a tie). */
export const LINK_TYPES: readonly LinkType[] = [
  { ds: 1, dt: 1, prior: 0 },
  { ds: 1, dt: 2, prior: 2.2 },
  { ds: 2, dt: 1, prior: 2.2 },
  { ds: 1, dt: 0, prior: 4.5 },
  { ds: 0, dt: 1, prior: 4.5 },
  { ds: 1, dt: 3, prior: 3.6 },
  { ds: 3, dt: 1, prior: 3.6 },
  { ds: 2, dt: 2, prior: 4.4 },
  { ds: 1, dt: 4, prior: 5.0 },
  { ds: 4, dt: 1, prior: 5.0 },
  { ds: 2, dt: 3, prior: 6.0 },
  { ds: 3, dt: 2, prior: 6.0 },
];

/** Per-document length model (Gale & Church's c and s²). */
export interface LengthModel {
  /** expected target characters per source character (estimated from the document) */
  ratio: number;
  /** variance of target length per expected character */
  variance: number;
}

/** Estimates the English/Arabic character ratio from the document itself. */
export function lengthModel(f: DocFeatures, variance = 2.5): LengthModel {
  let a = 0;
  let e = 0;
  for (const l of f.src.len) a += l;
  for (const l of f.tgt.len) e += l;
  return { ratio: a > 0 && e > 0 ? e / a : 1, variance };
}

/** −log erfc(x) for x ≥ 0, without underflow (Numerical Recipes' erfcc in log form, |rel err| < 1.2e-7). */
export function negLogErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return -Math.log(t) + x * x - poly;
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
