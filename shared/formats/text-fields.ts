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

/** Matches a UTF-16 surrogate with no partner (half of an emoji cut by a scraper, say). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** How many lone surrogates `text` holds: UTF-8 cannot encode them, so a text file gets U+FFFD instead. */
export function loneSurrogates(text: string): number {
  return text.match(LONE_SURROGATE)?.length ?? 0;
}

/** Warns (with the row's label) when a row's fields hold lone surrogates that UTF-8 output replaces
 * with U+FFFD; the XML formats remove them and warn through xml.ts instead. */
export function warnLoneSurrogates(sink: { warn(message: string): void }, where: string, ...fields: string[]): void {
  const n = fields.reduce((s, f) => s + loneSurrogates(f), 0);
  if (n) sink.warn(`${where}: ${n} lone surrogate(s) (half of a character such as an emoji) written as U+FFFD`);
}
