// JSON Lines in the Hugging Face translation style: {"id", "translation": {"ar", "en"}, ...metadata}
// (loads with `datasets.load_dataset("json", ...)`). JSON.stringify escapes line breaks, so each
// record is one line; keys are written in a fixed order for deterministic output.
import { selectRows, DedupeSet } from './rows.ts';
import type { Chunk, ExportReport, FormatWriter, WriterContext } from './writer.ts';

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
  return {
    format: 'jsonl',
    layout: { kind: 'single', ext: '.jsonl' },
    header: () => [],
    *report(r: ExportReport): Iterable<Chunk> {
      for (const row of selectRows(r, { ...ctx, dedupe })) {
        ctx.stats.countBidi(row.ar + row.en);
        ctx.stats.rows++;
        const rec: JsonlRecord = {
          id: row.id,
          translation: { ar: row.ar, en: row.en },
          report: row.report,
          unit: row.unit,
          status: row.status,
          link: row.link,
        };
        yield { out: '', text: JSON.stringify(rec) + '\n' };
      }
    },
    footer: () => [],
  };
}
