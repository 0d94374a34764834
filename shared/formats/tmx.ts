// TMX 1.4b (https://www.gala-global.org/tmx-14b): one <tu> per alignment unit, Arabic then English
// <tuv>, our metadata as <prop> elements with user-defined "x-" types. No creation date, so the
// same annotations always give the same bytes.
import { TOOL_VERSION } from '../model/create.ts';
import { rowLabel, writtenRows, DedupeSet } from './rows.ts';
import { singleFileWriter, type ExportReport, type FormatWriter, type WriterContext } from './writer.ts';
import { attr, xmlContent } from './xml.ts';

export function tmxWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  return singleFileWriter('tmx', '.tmx', {
    header:
      '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n' +
      `  <header creationtool="Muwazi" creationtoolversion="${attr(TOOL_VERSION)}" segtype="sentence" o-tmf="muwazi" adminlang="en" srclang="ar" datatype="plaintext"/>\n` +
      '  <body>\n',
    *report(r: ExportReport) {
      for (const row of writtenRows(r, ctx, dedupe)) {
        const where = rowLabel(row);
        yield `    <tu tuid="${attr(row.id)}">\n` +
          `      <prop type="x-status">${row.status}</prop>\n` +
          `      <prop type="x-link">${row.link}</prop>\n` +
          `      <prop type="x-report">${attr(row.report)}</prop>\n` +
          `      <tuv xml:lang="ar"><seg>${xmlContent(row.ar, ctx.stats, where)}</seg></tuv>\n` +
          `      <tuv xml:lang="en"><seg>${xmlContent(row.en, ctx.stats, where)}</seg></tuv>\n` +
          '    </tu>\n';
      }
    },
    footer: '  </body>\n</tmx>\n',
  });
}
