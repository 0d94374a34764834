// JSON Lines in the Hugging Face translation style: {"id", "translation": {"ar", "en"}, ...metadata}
// (loads with `datasets.load_dataset("json", ...)`). JSON.stringify escapes line breaks, so each
// record is one line; keys are written in a fixed order for deterministic output.
import { writtenRows, DedupeSet } from './rows.ts';
import { singleFileWriter, type ExportReport, type FormatWriter, type WriterContext } from './writer.ts';

/** One JSONL record. */
export interface JsonlRecord {
  /** `<report>#<unit id>` */
  id: string;
  translation: { ar: string; en: string };
  /** report name */
  report: string;
  /** unit id */
  unit: string;
  status: string;
  /** "n-m" */
  link: string;
}

export function jsonlWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  return singleFileWriter('jsonl', '.jsonl', {
    *report(r: ExportReport) {
      for (const row of writtenRows(r, ctx, dedupe)) {
        const rec: JsonlRecord = {
          id: row.id,
          translation: { ar: row.ar, en: row.en },
          report: row.report,
          unit: row.unit,
          status: row.status,
          link: row.link,
        };
        yield JSON.stringify(rec) + '\n';
      }
    },
  });
}
