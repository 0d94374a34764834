// Reading a report for export through the report store (source decoded, sidecar loaded and
// checked, or fresh annotations when there is none: then every row is untranslated).
import type { ExportReport } from '../../shared/formats/writer.ts';
import { openReport } from './report-store.ts';

/** The report at `txtPath`, named `name` in the export. Throws HostError when unreadable. */
export async function loadReportForExport(txtPath: string, name: string): Promise<ExportReport> {
  const opened = await openReport(txtPath);
  return { name, text: opened.text, annotations: opened.annotations };
}
