// Scoring for segmentation and tokenisation benchmarks (bench/text.bench.ts) and tests:
// boundary precision/recall/F1 and exact-span F1, all on code-point offsets.
import type { Span } from '../model/types.ts';
import { cpLength } from './offsets.ts';

/** Precision, recall and F1 with the counts they come from. */
export interface Prf {
  /** tp / (tp + fp); 1 when nothing was predicted */
  precision: number;
  /** tp / (tp + fn); 1 when there was nothing to find */
  recall: number;
  /** harmonic mean of precision and recall */
  f1: number;
  /** true positives */
  tp: number;
  /** false positives */
  fp: number;
  /** false negatives */
  fn: number;
}

/** P/R/F1 from counts. */
export function prfFromCounts(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** P/R/F1 of predicted items against gold items (sets of numbers or span keys). */
export function prf<T>(gold: Iterable<T>, predicted: Iterable<T>): Prf {
  const g = new Set(gold);
  const p = new Set(predicted);
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return prfFromCounts(tp, p.size - tp, g.size - tp);
}

/** Sum of several Prf counts (micro average). */
export function addPrf(parts: Prf[]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of parts) {
    tp += p.tp;
    fp += p.fp;
    fn += p.fn;
  }
  return prfFromCounts(tp, fp, fn);
}

/** Sentence boundaries of a segmentation: the start of every span but the first. Starts (not
 * ends) are compared so trailing white space or a trailing comma cannot change the score. */
export function boundaries(spans: readonly Span[]): number[] {
  return spans.slice(1).map((s) => s.start);
}

/** Boundary P/R/F1 of a predicted segmentation against a gold one. */
export function boundaryPrf(gold: readonly Span[], predicted: readonly Span[]): Prf {
  return prf(boundaries(gold), boundaries(predicted));
}

/** P/R/F1 over every sentence start, the first included: each text adds one boundary that is
 * always found. The NTREX figure for Intl.Segmenter (0.965) is this count; boundaryPrf
 * (inner boundaries only) is the stricter one. */
export function sentenceStartPrf(gold: readonly Span[], predicted: readonly Span[]): Prf {
  return prf(gold.map((s) => s.start), predicted.map((s) => s.start));
}

/** Exact-span P/R/F1 (e.g. tokens): a predicted span counts only if both ends match. */
export function spanPrf(gold: readonly Span[], predicted: readonly Span[]): Prf {
  const key = (s: Span) => `${s.start}:${s.end}`;
  return prf(gold.map(key), predicted.map(key));
}

/**
 * Locates `pieces` (sentences or tokens, in order) in `text` and returns their code-point
 * spans. Only white space may lie between pieces; returns null if a piece is not found there.
 */
export function locatePieces(text: string, pieces: readonly string[]): Span[] | null {
  const spans: Span[] = [];
  let u = 0; // UTF-16 cursor
  let cp = 0; // code points before the cursor
  for (const piece of pieces) {
    while (u < text.length && /\s/u.test(text[u])) {
      u++;
      cp++;
    }
    if (!text.startsWith(piece, u)) return null;
    const len = cpLength(piece);
    spans.push({ start: cp, end: cp + len });
    u += piece.length;
    cp += len;
  }
  return spans;
}

/** Sentence spans from `Intl.Segmenter` (the ICU baseline), trimmed, in code points. */
export function intlSentenceSpans(text: string, locale: string): Span[] {
  const seg = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const spans: Span[] = [];
  let cp = 0;
  for (const { segment } of seg.segment(text)) {
    const len = cpLength(segment);
    const lead = cpLength(segment) - cpLength(segment.replace(/^\s+/u, ''));
    const trail = cpLength(segment) - cpLength(segment.replace(/\s+$/u, ''));
    if (lead < len) spans.push({ start: cp + lead, end: cp + len - trail });
    cp += len;
  }
  return spans;
}
