// Moses plain-text parallel corpus: two files (Arabic, English) with one row per line, the same
// number of lines. An n-m row is its sentences joined with a space; a line break inside a row is
// replaced by a space (with a warning), so line k of one file always matches line k of the other.
import { rowLabel, writtenRows, DedupeSet } from './rows.ts';
import { oneLine, warnLoneSurrogates } from './text-fields.ts';
import type { Chunk, ExportReport, FormatWriter, WriterContext } from './writer.ts';

export function mosesWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  return {
    format: 'moses',
    layout: { kind: 'pair', suffixes: { ar: '.ar', en: '.en' } },
    header: () => [],
    *report(r: ExportReport): Iterable<Chunk> {
      const ar: string[] = [];
      const en: string[] = [];
      for (const row of writtenRows(r, ctx, dedupe)) {
        const a = oneLine(row.ar);
        const e = oneLine(row.en);
        if (a.changed || e.changed) ctx.stats.warn(`${rowLabel(row)}: line breaks inside the row were replaced by spaces`);
        warnLoneSurrogates(ctx.stats, rowLabel(row), row.ar, row.en);
        ar.push(a.text + '\n');
        en.push(e.text + '\n');
      }
      if (ar.length) {
        yield { out: 'ar', text: ar.join('') };
        yield { out: 'en', text: en.join('') };
      }
    },
    footer: () => [],
  };
}
