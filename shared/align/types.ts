// Public types of the sentence aligner (shared/align), written once.

/**
 * One alignment link: consecutive source sentences matched with consecutive target sentences.
 * Indices are 0-based positions in the arrays given to the aligner, ascending and contiguous.
 * An empty side is a deletion (1-0: source left untranslated) or insertion (0-1).
 */
export interface Link {
  /** source (Arabic) sentence indices, ascending, contiguous; may be empty (0-1 link) */
  src: number[];
  /** target (English) sentence indices, ascending, contiguous; may be empty (1-0 link) */
  tgt: number[];
  /** probability in [0, 1] that this exact link is right (posterior under the aligner's model) */
  confidence: number;
}

import type { Lexicon } from './lexical.ts';

/** A glossary or named-entity pair used as an anchor: Arabic form, English form. */
export type AnchorPair = [ar: string, en: string];

/** Options of alignSentences; every field is optional. */
export interface AlignOptions {
  /** known translation pairs (glossary entries, linked named entities); a pair found on both sides
   * of a link pulls the path towards it */
  anchors?: AnchorPair[];
  /** a bilingual word list (parseLexicon of assets/lexicon/ar-en.tsv) for the lexical term;
   * without it the aligner uses length and anchors only (lower quality) */
  lexicon?: Lexicon;
  /** links that must appear unchanged in the output (confirmed rows); monotonic, non-overlapping,
   * contiguous sides. The rest is aligned in between. */
  fixed?: Link[];
  /** initial half-width of the search band, in target sentences (default 16); widened automatically
   * when the best path touches the band edge */
  band?: number;
  /** compute posterior confidences with a forward–backward pass (default true); when false every
   * link gets a cheaper local score instead */
  posteriors?: boolean;
  /** temperature of the posterior confidences (default: the calibrated POSTERIOR_TEMPERATURE);
   * for the calibration script */
  temperature?: number;
  /** report the raw posterior instead of the calibrated confidence (for the calibration script) */
  rawConfidence?: boolean;
  /** when given, filled in with search statistics */
  stats?: AlignStats;
}

/** Search statistics, filled in when passed as `AlignOptions.stats` (for benchmarks and tests). */
export interface AlignStats {
  /** half-width of the band the final pass used, in target sentences */
  band: number;
  /** DP passes run (1 + number of times the band was widened) */
  passes: number;
  /** DP cells of the final pass ((n + 1) × band rows' width): memory is proportional to this */
  cells: number;
}
