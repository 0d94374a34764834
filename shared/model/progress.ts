// A report's progress counts, shared by the host's readSummary (from the sidecar on disk) and the
// renderer's summaryFromAnnotations (from the annotations it just saved), so the sidebar counts the
// same way whichever side computed them.
import type { Annotations } from './types.ts';

/** Progress of one report. */
export interface ProgressCounts {
  /** alignment units (rows) */
  rows: number;
  /** rows with at least one non-blank English sentence */
  translated: number;
  /** entity mentions on both sides */
  entities: number;
}

/** Rows, rows with at least one non-blank English sentence, and mentions of `a`. */
export function progressCounts(a: Pick<Annotations, 'units' | 'targets' | 'mentions'>): ProgressCounts {
  const nonBlank = new Set(a.targets.filter((t) => t.text.trim() !== '').map((t) => t.id));
  return {
    rows: a.units.length,
    translated: a.units.filter((u) => u.target.some((id) => nonBlank.has(id))).length,
    entities: a.mentions.length,
  };
}
