// TSV: a header line, then one row per alignment unit. Fields are escaped (\\ \t \n \r), so every
// record is exactly one line and unescapeTsv restores the text.
import { selectRows, DedupeSet } from './rows.ts';
import { escapeTsv } from './text-fields.ts';
import type { Chunk, ExportReport, FormatWriter, WriterContext } from './writer.ts';

/** The TSV columns, in order. */
export const TSV_COLUMNS = ['id', 'ar', 'en', 'status', 'link', 'report'] as const;

export function tsvWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  return {
    format: 'tsv',
    layout: { kind: 'single', ext: '.tsv' },
    header: () => [{ out: '', text: TSV_COLUMNS.join('\t') + '\n' }],
    *report(r: ExportReport): Iterable<Chunk> {
      for (const row of selectRows(r, { ...ctx, dedupe })) {
        ctx.stats.countBidi(row.ar + row.en);
        ctx.stats.rows++;
        yield { out: '', text: [row.id, row.ar, row.en, row.status, row.link, row.report].map(escapeTsv).join('\t') + '\n' };
      }
    },
    footer: () => [],
  };
}
