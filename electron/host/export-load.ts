// Reading a report for export exactly as the app opens it: through the report store (source decoded,
// sidecar loaded and checked, or fresh annotations when there is none: then every row is
// untranslated), segmented with the report's project rules (muwazi.project.json at or above it; an
// invalid one fails the export), and without the crash journal: an export writes what is saved.
import { dirname } from 'node:path';
import type { ExportReport } from '../../shared/formats/writer.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';
import { openReport } from './report-store.ts';
import { projectSegmentRules } from './project-settings.ts';

/** The report at `txtPath`, named `name` in the export. Throws HostError when unreadable. */
export async function loadReportForExport(txtPath: string, name: string, rules?: SegmentRules): Promise<ExportReport> {
  const opened = await openReport(txtPath, { ...(rules ?? (await projectSegmentRules(txtPath))), journal: false });
  return { name, text: opened.text, annotations: opened.annotations };
}

/** The segmentation rules of every report's folder, read once per folder before anything is written,
 * so an invalid muwazi.project.json stops the export at once (HostError naming the file). */
export async function exportSegmentRules(reports: readonly string[]): Promise<Map<string, SegmentRules>> {
  const dirs = [...new Set(reports.map((r) => dirname(r)))];
  const rules = await Promise.all(dirs.map((d) => projectSegmentRules(reports.find((r) => dirname(r) === d)!)));
  return new Map(dirs.map((d, i) => [d, rules[i]]));
}
