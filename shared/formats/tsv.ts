// TSV: a header line, then one row per alignment unit. Fields are escaped (\\ \t \n \r), so every
// record is exactly one line and unescapeTsv restores the text.
import { rowLabel, writtenRows, DedupeSet } from './rows.ts';
import { escapeTsv, warnLoneSurrogates } from './text-fields.ts';
import { singleFileWriter, type ExportReport, type FormatWriter, type WriterContext } from './writer.ts';

/** The TSV columns, in order. */
export const TSV_COLUMNS = ['id', 'ar', 'en', 'status', 'link', 'report'] as const;

export function tsvWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  return singleFileWriter('tsv', '.tsv', {
    header: TSV_COLUMNS.join('\t') + '\n',
    *report(r: ExportReport) {
      for (const row of writtenRows(r, ctx, dedupe)) {
        warnLoneSurrogates(ctx.stats, rowLabel(row), row.ar, row.en);
        yield [row.id, row.ar, row.en, row.status, row.link, row.report].map(escapeTsv).join('\t') + '\n';
      }
    },
  });
}
