// XLIFF 1.2 (OASIS), for older CAT tools: one <file> per report, one <trans-unit> per alignment
// unit. Row status → target state (and `approved`):
//   auto → needs-translation when empty, else needs-review-translation;
//   draft → needs-review-translation; translated → translated; reviewed → signed-off, approved="yes".
import type { RowStatus } from '../model/types.ts';
import { rowLabel, writtenRows, DedupeSet } from './rows.ts';
import { singleFileWriter, type ExportReport, type FormatWriter, type WriterContext } from './writer.ts';
import { attr, xmlContent } from './xml.ts';

/** XLIFF 1.2 target state for a row status (and whether the row has English). */
export function xliff12State(status: RowStatus, hasTarget: boolean): string {
  switch (status) {
    case 'auto':
      return hasTarget ? 'needs-review-translation' : 'needs-translation';
    case 'draft':
      return 'needs-review-translation';
    case 'translated':
      return 'translated';
    case 'reviewed':
      return 'signed-off';
  }
}

export function xliff12Writer(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  return singleFileWriter('xliff12', '.xlf', {
    header: '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n',
    *report(r: ExportReport) {
      yield `  <file original="${attr(r.name + '.txt')}" source-language="ar" target-language="en" datatype="plaintext">\n    <body>\n`;
      for (const row of writtenRows(r, ctx, dedupe)) {
        const where = rowLabel(row);
        const approved = row.status === 'reviewed' ? ' approved="yes"' : '';
        yield `      <trans-unit id="${attr(row.id)}" resname="${attr(row.unit)}"${approved}>\n` +
          `        <source xml:lang="ar">${xmlContent(row.ar, ctx.stats, where)}</source>\n` +
          `        <target xml:lang="en" state="${xliff12State(row.status, row.en !== '')}">${xmlContent(row.en, ctx.stats, where)}</target>\n` +
          `        <note from="muwazi">status ${row.status}; link ${row.link}; report ${attr(row.report)}</note>\n` +
          '      </trans-unit>\n';
      }
      yield '    </body>\n  </file>\n';
    },
    footer: '</xliff>\n',
  });
}
