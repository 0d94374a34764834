// Longest common subsequence by Eugene W. Myers, "An O(ND) Difference Algorithm and Its
// Variations" (Algorithmica 1, 1986), in its linear-space form (section 4b): find the "middle
// snake" of an optimal edit path by running the greedy search forward from the start and backward
// from the end at once, then recurse on the two halves. Time O((N+M)·D), space O(N+M).
//
// Names follow the paper: N and M are the lengths of A and B, D the number of edits (insertions
// plus deletions), k = x − y a diagonal, V[k] the furthest x reached on diagonal k, a "snake" a
// run of diagonal moves (matches). Like jest's diff-sequences, the core sees only indices: the
// caller supplies `isCommon(aIndex, bIndex)` and receives runs of matches in order, so any
// element type (code points, words, lines) and any match relation can be diffed.

/** Called for each run of `length` matches starting at A[aStart] and B[bStart], in increasing order. */
export type FoundSubsequence = (length: number, aStart: number, bStart: number) => void;

/** Thrown when the inputs differ by more than `maxEdits`: the caller falls back to a coarser answer. */
export class DiffTooLargeError extends Error {
  constructor(readonly maxEdits: number) {
    super(`the texts differ by more than ${maxEdits} edits`);
    this.name = 'DiffTooLargeError';
  }
}

/** Options of diffSequences. */
export interface DiffOptions {
  /** give up (DiffTooLargeError) when an optimal script needs more than this many edits; default unlimited */
  maxEdits?: number;
}

/**
 * Reports a longest common subsequence of A (length aLength) and B (length bLength) through
 * `found`. Preconditions: lengths are non-negative integers; `isCommon(i, j)` is defined for
 * 0 ≤ i < aLength, 0 ≤ j < bLength and has no side effects.
 */
export function diffSequences(
  aLength: number,
  bLength: number,
  isCommon: (aIndex: number, bIndex: number) => boolean,
  found: FoundSubsequence,
  options: DiffOptions = {},
): void {
  const maxEdits = options.maxEdits ?? Infinity;
  // runs are reported as they are discovered, in order, so adjacent runs are merged first
  let runA = 0;
  let runB = 0;
  let runLen = 0;
  const emit = (len: number, a: number, b: number) => {
    if (len <= 0) return;
    if (runLen > 0 && runA + runLen === a && runB + runLen === b) {
      runLen += len;
      return;
    }
    if (runLen > 0) found(runLen, runA, runB);
    runA = a;
    runB = b;
    runLen = len;
  };

  // Explicit stack instead of recursion: subproblems are [aStart, aEnd, bStart, bEnd], processed
  // left to right so matches come out in order; a 'snake' entry emits a run between two halves.
  type Task = { kind: 'range'; a0: number; a1: number; b0: number; b1: number } | { kind: 'snake'; len: number; a: number; b: number };
  const stack: Task[] = [{ kind: 'range', a0: 0, a1: aLength, b0: 0, b1: bLength }];
  let topLevel = true;
  while (stack.length) {
    const t = stack.pop()!;
    if (t.kind === 'snake') {
      emit(t.len, t.a, t.b);
      continue;
    }
    let { a0, a1, b0, b1 } = t;
    // common prefix
    const p0a = a0;
    const p0b = b0;
    while (a0 < a1 && b0 < b1 && isCommon(a0, b0)) {
      a0++;
      b0++;
    }
    // common suffix (emitted after the middle)
    let sLen = 0;
    while (a1 > a0 && b1 > b0 && isCommon(a1 - 1, b1 - 1)) {
      a1--;
      b1--;
      sLen++;
    }
    const suffix: Task = { kind: 'snake', len: sLen, a: a1, b: b1 };
    emit(a0 - p0a, p0a, p0b);
    if (a0 === a1 || b0 === b1) {
      emit(suffix.len, suffix.a, suffix.b);
      topLevel = false;
      continue;
    }
    const snake = middleSnake(a0, a1, b0, b1, isCommon, topLevel ? maxEdits : Infinity);
    topLevel = false;
    // process in order: left half, snake, right half, suffix (stack is LIFO)
    stack.push(suffix);
    stack.push({ kind: 'range', a0: snake.xEnd, a1, b0: snake.yEnd, b1 });
    stack.push({ kind: 'snake', len: snake.xEnd - snake.xStart, a: snake.xStart, b: snake.yStart });
    stack.push({ kind: 'range', a0, a1: snake.xStart, b0, b1: snake.yStart });
  }
  if (runLen > 0) found(runLen, runA, runB);
}

interface Snake {
  xStart: number;
  yStart: number;
  xEnd: number;
  yEnd: number;
}

/**
 * The middle snake of an optimal path from (a0, b0) to (a1, b1). Both ends are known to differ
 * (the caller stripped common prefix and suffix), so D ≥ 2 and the halves are strictly smaller.
 */
function middleSnake(a0: number, a1: number, b0: number, b1: number, isCommon: (i: number, j: number) => boolean, maxEdits: number): Snake {
  const N = a1 - a0;
  const M = b1 - b0;
  const delta = N - M;
  const odd = (delta & 1) !== 0;
  const dMax = Math.ceil((N + M) / 2);
  const limit = Math.min(dMax, maxEdits === Infinity ? dMax : Math.ceil(maxEdits / 2) + 1);
  const size = 2 * limit + 3;
  const off = limit + 1;
  // vf[k+off]: furthest x (relative to a0) on diagonal k going forward from the start;
  // vr[k+off]: furthest x' on reverse diagonal k' = x' − y', where x' = N − x and y' = M − y
  const vf = new Int32Array(size);
  const vr = new Int32Array(size);
  vf[off + 1] = 0;
  vr[off + 1] = 0;
  for (let d = 0; d <= limit; d++) {
    if (2 * d - 1 > maxEdits) throw new DiffTooLargeError(maxEdits);
    // forward step d
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && vf[off + k - 1] < vf[off + k + 1]) ? vf[off + k + 1] : vf[off + k - 1] + 1;
      let y = x - k;
      const xs = x;
      const ys = y;
      while (x < N && y < M && isCommon(a0 + x, b0 + y)) {
        x++;
        y++;
      }
      vf[off + k] = x;
      const kr = delta - k;
      if (odd && kr >= -(d - 1) && kr <= d - 1 && x + vr[off + kr] >= N) {
        return { xStart: a0 + xs, yStart: b0 + ys, xEnd: a0 + x, yEnd: b0 + y };
      }
    }
    // reverse step d
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && vr[off + k - 1] < vr[off + k + 1]) ? vr[off + k + 1] : vr[off + k - 1] + 1;
      let y = x - k;
      const xs = x;
      const ys = y;
      while (x < N && y < M && isCommon(a1 - 1 - x, b1 - 1 - y)) {
        x++;
        y++;
      }
      vr[off + k] = x;
      const kf = delta - k;
      if (!odd && kf >= -d && kf <= d && x + vf[off + kf] >= N) {
        // the reverse snake in forward coordinates
        return { xStart: a1 - x, yStart: b1 - y, xEnd: a1 - xs, yEnd: b1 - ys };
      }
    }
  }
  throw new DiffTooLargeError(maxEdits);
}
