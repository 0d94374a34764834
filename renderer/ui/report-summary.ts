// A report's progress for the sidebar, computed from annotations the renderer already holds (after
// a save), so saving never rescans the folder. Counts as the host's readSummary does
// (electron/host/report-store.ts): rows; rows with at least one non-blank English sentence; mentions.
import type { ReportSummary } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';

/** `prev` (the sidebar's entry) with its counts taken from `a`; the sidecar exists now. */
export function summaryFromAnnotations(prev: ReportSummary, a: Pick<Annotations, 'units' | 'targets' | 'mentions'>): ReportSummary {
  const nonBlank = new Set(a.targets.filter((t) => t.text.trim() !== '').map((t) => t.id));
  const next: ReportSummary = {
    ...prev,
    rows: a.units.length,
    translated: a.units.filter((u) => u.target.some((id) => nonBlank.has(id))).length,
    entities: a.mentions.length,
    hasAnnotations: true,
  };
  // it was just saved from a working editor: whatever could not be read before is resolved
  delete next.problem;
  return next;
}
