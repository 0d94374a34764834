// A report's progress for the sidebar, computed from annotations the renderer already holds (after
// a save), so saving never rescans the folder. Counts with shared/model/progress.ts, as the host's
// readSummary does.
import type { ReportSummary } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { progressCounts } from '../../shared/model/progress.ts';

/** `prev` (the sidebar's entry) with its counts taken from `a`; the sidecar exists now. */
export function summaryFromAnnotations(prev: ReportSummary, a: Pick<Annotations, 'units' | 'targets' | 'mentions'>): ReportSummary {
  const next: ReportSummary = { ...prev, ...progressCounts(a), hasAnnotations: true };
  // it was just saved from a working editor: whatever could not be read before is resolved
  delete next.problem;
  return next;
}
