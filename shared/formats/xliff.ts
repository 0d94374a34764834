// XLIFF 2.1 (OASIS): one <file> per report, one <unit> per alignment unit holding one <segment>.
// Our row status maps onto XLIFF's four segment states, and the exact status is kept in
// subState ("muwazi:<status>") so nothing is lost:
//   auto → initial, draft → initial, translated → translated, reviewed → reviewed.
// ("final" means signed off for merging back, which Muwazi has no status for.)
import type { RowStatus } from '../model/types.ts';
import { rowLabel, writtenRows, DedupeSet } from './rows.ts';
import { singleFileWriter, type ExportReport, type FormatWriter, type WriterContext } from './writer.ts';
import { attr, xmlContent } from './xml.ts';

/** XLIFF 2 segment state for each row status. */
export const XLIFF2_STATE: Record<RowStatus, 'initial' | 'translated' | 'reviewed' | 'final'> = {
  auto: 'initial',
  draft: 'initial',
  translated: 'translated',
  reviewed: 'reviewed',
};

export function xliffWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  let fileNo = 0;
  return singleFileWriter('xliff', '.xlf', {
    header: '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar" trgLang="en">\n',
    *report(r: ExportReport) {
      // XLIFF 2 wants at least one unit per <file>: open it at the first row that passes.
      // File ids are NMTOKENs; the report name goes into `original`.
      let open = false;
      for (const row of writtenRows(r, ctx, dedupe)) {
        if (!open) {
          open = true;
          fileNo++;
          yield `  <file id="f${fileNo}" original="${attr(r.name + '.txt')}">\n`;
        }
        const where = rowLabel(row);
        const target = row.en ? `<target>${xmlContent(row.en, ctx.stats, where)}</target>` : '';
        yield `    <unit id="${attr(row.unit)}" name="${attr(row.id)}">\n` +
          '      <notes>\n' +
          `        <note category="link">${row.link}</note>\n` +
          `        <note category="report">${attr(row.report)}</note>\n` +
          '      </notes>\n' +
          `      <segment state="${XLIFF2_STATE[row.status]}" subState="muwazi:${row.status}">\n` +
          `        <source>${xmlContent(row.ar, ctx.stats, where)}</source>${target ? '\n        ' + target : ''}\n` +
          '      </segment>\n' +
          '    </unit>\n';
      }
      if (open) yield '  </file>\n';
    },
    footer: '</xliff>\n',
  });
}
