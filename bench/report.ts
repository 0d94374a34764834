// How every bench prints a figure (issue 17 item 6): the figure beside its baseline measured in the
// same run and its target, with the median of the paired ratios. Pairs come from interleaved runs
// (ours, baseline, baseline, ours, …: the order alternates so neither side always runs first, on
// a warm or a cold cache), so a burst of load from other work hits both sides of a pair alike and
// the ratio stays readable on a busy machine where absolute times do not.

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** Rounded to `digits` decimals (figures, not measurements: no false precision). */
export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Wall time of one call in ms (awaited when it returns a promise). */
export async function timeMs(f: () => unknown): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** `runs` pairs of (ours, baseline) wall times in ms, interleaved; even pairs run ours first, odd ones the baseline. */
export async function paired(runs: number, ours: () => unknown, baseline: () => unknown): Promise<{ ours: number[]; baseline: number[] }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (r % 2 === 0) {
      a.push(await timeMs(ours));
      b.push(await timeMs(baseline));
    } else {
      b.push(await timeMs(baseline));
      a.push(await timeMs(ours));
    }
  }
  return { ours: a, baseline: b };
}

/** A target on the figure itself (`≤ 100 ms`) or on the ratio to the baseline (`≤ 2× bare node`, `≥ 1.0×`). */
export type Target = { max: number } | { min: number } | { maxRatio: number } | { minRatio: number };

/** One printed figure. */
export interface Figure {
  /** median of our runs, in `unit` */
  value: number;
  unit: string;
  /** what the baseline is and its median, measured in the same run */
  baseline: { what: string; value: number };
  /** median of the per-pair ratios ours / baseline (not the ratio of the medians) */
  pairedRatio: number;
  /** the target, in words */
  target: string;
  /** whether the median (or the paired ratio, for a ratio target) meets it */
  met: boolean;
  runs: number;
}

function targetText(t: Target, unit: string, baseline: string): string {
  if ('max' in t) return `≤ ${t.max} ${unit}`;
  if ('min' in t) return `≥ ${t.min} ${unit}`;
  if ('maxRatio' in t) return `≤ ${t.maxRatio}× ${baseline}`;
  return `≥ ${t.minRatio}× ${baseline}`;
}

/** The figure for paired samples (same length, pair i measured together). */
export function figure(opts: { unit: string; ours: readonly number[]; baseline: readonly number[]; baselineWhat: string; target: Target; digits?: number }): Figure {
  const { ours, baseline, target } = opts;
  if (ours.length !== baseline.length || ours.length === 0) throw new Error('figure: ours and baseline must be paired samples');
  const d = opts.digits ?? 1;
  const value = median(ours);
  const pairedRatio = median(ours.map((x, i) => x / baseline[i]));
  const met = 'max' in target ? value <= target.max : 'min' in target ? value >= target.min : 'maxRatio' in target ? pairedRatio <= target.maxRatio : pairedRatio >= target.minRatio;
  return {
    value: round(value, d),
    unit: opts.unit,
    baseline: { what: opts.baselineWhat, value: round(median(baseline), d) },
    pairedRatio: round(pairedRatio, 3),
    target: targetText(target, opts.unit, opts.baselineWhat),
    met,
    runs: ours.length,
  };
}

