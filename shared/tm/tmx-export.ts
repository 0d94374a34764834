// The project memory as TMX 1.4b (`muwazi tm <folder> --export`): one <tu> per unit, Arabic then
// English, its origin as user-defined "x-" props. No creation date, so the same memory always gives
// the same bytes. Escaping is the exports' (formats/xml.ts): characters XML 1.0 forbids are removed
// with a warning naming the unit.
import { TOOL_VERSION } from '../model/create.ts';
import { attr, xmlContent, type WarningSink } from '../formats/xml.ts';
import type { TmUnitInput } from './memory.ts';

/** The TMX document of `units`, in their order. */
export function memoryToTmx(units: Iterable<TmUnitInput>, sink: WarningSink): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n' +
      `  <header creationtool="Muwazi" creationtoolversion="${attr(TOOL_VERSION)}" segtype="sentence" o-tmf="muwazi" adminlang="en" srclang="ar" datatype="plaintext"/>\n` +
      '  <body>\n',
  ];
  for (const u of units) {
    const o = u.origin;
    const where = `${o.file}, ${o.kind === 'report' ? 'row' : 'unit'} ${o.row + 1}`;
    out.push(
      '    <tu>\n' +
        `      <prop type="x-origin">${o.kind}</prop>\n` +
        `      <prop type="x-file">${attr(o.file)}</prop>\n` +
        `      <prop type="x-row">${o.row}</prop>\n` +
        `      <tuv xml:lang="ar"><seg>${xmlContent(u.ar, sink, where)}</seg></tuv>\n` +
        `      <tuv xml:lang="en"><seg>${xmlContent(u.en, sink, where)}</seg></tuv>\n` +
        '    </tu>\n',
    );
  }
  out.push('  </body>\n</tmx>\n');
  return out.join('');
}
