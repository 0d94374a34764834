// The fuzzy-match score of a translation-memory unit against the sentence being translated.
//
// score = 1 − d / max(W(A), W(B)), clamped to [0, 1], where A and B are the two token sequences
// (tokens.ts), W the sum of token weights, and d their weighted Levenshtein distance:
//   - inserting or deleting a token costs its weight: a word or a number 1, a proclitic split off a
//     word (و ف ب ك ل) CLITIC_WEIGHT, so والحكومة against الحكومة costs a clitic, not a word;
//   - substituting equal keys costs 0, one number for another NUMBER_SUBSTITUTION (less than a
//     word: placeables can fix the number when the match is inserted), anything else the larger weight.
// Exactly 1 only for identical folded text (tokens.ts `exact`): two texts whose tokens agree but
// whose punctuation differs score at most NEAR_EXACT. The cost function is symmetric, so is the score.
import type { TmToken } from './tokens.ts';

/** Weight of a proclitic token. */
export const CLITIC_WEIGHT = 0.3;
/** Cost of one number replaced by another. */
export const NUMBER_SUBSTITUTION = 0.35;
/** The highest score of two texts that are not identical once folded. */
export const NEAR_EXACT = 0.99;

/** Token kinds as flags (index arrays store them per token). */
export const WORD = 0;
export const CLITIC = 1;
export const NUMBER = 2;

/** Weight of a token of kind `flag`. */
export function weightOf(flag: number): number {
  return flag === CLITIC ? CLITIC_WEIGHT : 1;
}

/** The kind flag of a token. */
export function flagOf(t: TmToken): number {
  return t.number ? NUMBER : t.clitic ? CLITIC : WORD;
}

/** Sum of weights. */
export function totalWeight(flags: ArrayLike<number>): number {
  let w = 0;
  for (let i = 0; i < flags.length; i++) w += weightOf(flags[i]);
  return w;
}

// one scratch row pair, grown as needed (the score runs on the main thread only)
let prev = new Float64Array(64);
let cur = new Float64Array(64);

/**
 * Weighted Levenshtein distance between token sequences given as interned key ids and kind flags
 * (equal ids = equal keys). O(|A|·|B|) time, O(|B|) space.
 */
export function weightedDistance(aIds: ArrayLike<number>, aFlags: ArrayLike<number>, bIds: ArrayLike<number>, bFlags: ArrayLike<number>): number {
  const n = aIds.length;
  const m = bIds.length;
  if (prev.length < m + 1) {
    prev = new Float64Array(2 * (m + 1));
    cur = new Float64Array(2 * (m + 1));
  }
  let p = prev;
  let c = cur;
  p[0] = 0;
  for (let j = 1; j <= m; j++) p[j] = p[j - 1] + weightOf(bFlags[j - 1]);
  for (let i = 1; i <= n; i++) {
    const ai = aIds[i - 1];
    const af = aFlags[i - 1];
    const aw = weightOf(af);
    c[0] = p[0] + aw;
    for (let j = 1; j <= m; j++) {
      const bf = bFlags[j - 1];
      const bw = weightOf(bf);
      const sub = ai === bIds[j - 1] ? 0 : af === NUMBER && bf === NUMBER ? NUMBER_SUBSTITUTION : aw > bw ? aw : bw;
      let best = p[j - 1] + sub;
      const del = p[j] + aw;
      if (del < best) best = del;
      const ins = c[j - 1] + bw;
      if (ins < best) best = ins;
      c[j] = best;
    }
    const t = p;
    p = c;
    c = t;
  }
  return p[m];
}

/** The score from a distance and the two total weights (see the header); `identical` = exact keys equal. */
export function scoreFromDistance(d: number, wa: number, wb: number, identical: boolean): number {
  if (identical) return 1;
  const w = wa > wb ? wa : wb;
  if (w === 0) return 0;
  const s = 1 - d / w;
  return s <= 0 ? 0 : s > NEAR_EXACT ? NEAR_EXACT : s;
}

/** Interns keys of two token lists into shared ids (for the pure, index-free score). */
function intern(a: readonly TmToken[], b: readonly TmToken[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const id = (k: string) => {
    let v = ids.get(k);
    if (v === undefined) ids.set(k, (v = ids.size));
    return v;
  };
  return [Int32Array.from(a, (t) => id(t.key)), Int32Array.from(b, (t) => id(t.key))];
}

/** The score of two tokenised texts (`exact` keys decide identity). */
export function scoreTokens(a: { tokens: readonly TmToken[]; exact: string }, b: { tokens: readonly TmToken[]; exact: string }): number {
  const [ai, bi] = intern(a.tokens, b.tokens);
  const af = Uint8Array.from(a.tokens, flagOf);
  const bf = Uint8Array.from(b.tokens, flagOf);
  return scoreFromDistance(weightedDistance(ai, af, bi, bf), totalWeight(af), totalWeight(bf), a.exact === b.exact);
}
