// Line-oriented formats (Moses, TSV) cannot hold a line break inside a field. These helpers say
// what we do instead, in one place.

/** `text` on one line: each line break (CRLF, CR, LF, VT, FF, NEL, LINE/PARAGRAPH
 * SEPARATOR) and the run of white space around it becomes one space. */
export function oneLine(text: string): { text: string; changed: boolean } {
  if (!/[\r\n\u000B\u000C\u0085\u2028\u2029]/.test(text)) return { text, changed: false };
  return { text: text.replace(/\s*(?:\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029])\s*/g, ' '), changed: true };
}

/** TSV field escaping: backslash, tab, LF and CR become \\ \t \n \r (reversible). */
export function escapeTsv(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Inverse of escapeTsv. */
export function unescapeTsv(field: string): string {
  return field.replace(/\\([\\tnr])/g, (_, c: string) => (c === '\\' ? '\\' : c === 't' ? '\t' : c === 'n' ? '\n' : '\r'));
}
