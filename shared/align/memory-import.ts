// Seeding a report's translations from a translation memory (TMX or Moses pairs): rows whose Arabic
// is in the memory take its English; the English the memory holds near those pairs but that matched
// no row is aligned into the rows still untranslated by importTranslation, the same aligner the
// plain-text import uses. Used by `muwazi import <name.txt> <memory.tmx>` and the host's
// importMemory call (whose result the app applies as one editor change).
//
// Rows that already have English are kept as they are, confirmed or not: a memory seeds, it never
// replaces a translation. (importTranslation rebuilds every unconfirmed row, so those rows are pinned
// as confirmed for the aligner pass and unpinned afterwards.)
import type { Annotations } from '../model/types.ts';
import { seedFromPairsDetailed, type Pair } from '../formats/tm-import.ts';
import { importTranslation, type ImportOptions } from './import.ts';

/** Options of importMemoryPairs. */
export interface MemoryImportOptions extends ImportOptions {
  /** normaliser for the second matching pass (see SeedOptions.normalize; null: exact only) */
  normalize?: ((text: string) => string) | null;
}

/** What a memory import did. */
export interface MemoryImportResult {
  /** the new annotations (valid under AnnotationsSchema) */
  annotations: Annotations;
  /** pairs read from the memory */
  pairs: number;
  /** ids of rows filled from a memory pair whose Arabic matched exactly (or after normalisation) */
  matched: string[];
  /** ids of rows that received English from the aligner, in row order */
  aligned: string[];
  /** ids of aligner rows whose confidence is below the threshold, in row order */
  lowConfidence: string[];
  /** memory pairs no row used (other documents, or Arabic that differs) */
  unusedPairs: number;
  /** unused pairs whose English was handed to the aligner (the rest are too far from the matches) */
  alignedPairs: number;
  /** rows merged into a neighbour because their joined Arabic matched one memory unit */
  mergedRows: number;
  /** English mentions removed with replaced English sentences (only on unconfirmed rows without English, so normally 0) */
  droppedMentions: number;
}

/**
 * Seeds `annotations` from memory `pairs`, then aligns the nearby unused English into the rows still
 * untranslated. Confirmed rows and rows with English are untouched. Pure; input not mutated.
 */
export function importMemoryPairs(annotations: Annotations, sourceText: string, pairs: Pair[], opts: MemoryImportOptions = {}): MemoryImportResult {
  let lowConfidence: string[] = [];
  let droppedMentions = 0;
  let aligned: string[] = [];
  const seeded = seedFromPairsDetailed(annotations, sourceText, pairs, {
    normalize: opts.normalize,
    align: (a, text, english) => {
      // pin rows that have English (seeded ones are confirmed already) so the aligner keeps them
      const pinned = new Set(a.units.filter((u) => !u.confirmed && u.target.length > 0).map((u) => u.id));
      const pinnedA: Annotations = { ...a, units: a.units.map((u) => (pinned.has(u.id) ? { ...u, confirmed: true } : u)) };
      const r = importTranslation(pinnedA, text, english, { ...opts, now: undefined });
      // importTranslation returns kept rows as the same objects; new ones are rebuilt from links
      const kept = new Set(pinnedA.units);
      aligned = r.annotations.units.filter((u) => !kept.has(u) && u.target.length > 0).map((u) => u.id);
      lowConfidence = r.lowConfidence;
      droppedMentions = r.droppedMentions.length;
      return { ...r.annotations, units: r.annotations.units.map((u) => (pinned.has(u.id) ? { ...u, confirmed: false } : u)) };
    },
  });
  return {
    annotations: opts.now ? { ...seeded.annotations, modified: opts.now } : seeded.annotations,
    pairs: pairs.length,
    matched: seeded.matched,
    aligned,
    lowConfidence,
    unusedPairs: seeded.unusedPairs.length,
    alignedPairs: seeded.alignedPairs.length,
    mergedRows: seeded.mergedAway.length,
    droppedMentions,
  };
}
