// XML 1.0 escaping for the XML exports (TMX, XLIFF). Characters XML 1.0 forbids (C0 controls other
// than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates) cannot be written at all, not even as character
// references, so they are removed and counted; the caller turns the count into a warning that
// names the report and row.

/** Matches every code point XML 1.0 does not allow (the `u` flag makes lone surrogates match). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const HAS_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The result of escaping a text for XML. */
export interface Escaped {
  /** the text, safe inside element content and double-quoted attributes */
  xml: string;
  /** the forbidden code points that were removed, as U+XXXX labels, in order */
  removed: string[];
}

/** Label like U+0001 for a code point (a lone surrogate labels itself too). */
export function codePointLabel(ch: string): string {
  return 'U+' + (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Escapes `text` for element content or a double-quoted attribute. CR is written as `&#13;`
 * because XML parsers normalise a literal CR (and CRLF) to LF; tab and LF in attributes would be
 * normalised to spaces, so they are escaped too.
 */
export function escapeXml(text: string): Escaped {
  const removed: string[] = [];
  let clean = text;
  if (HAS_FORBIDDEN.test(text)) {
    clean = text.replace(FORBIDDEN, (ch) => {
      removed.push(codePointLabel(ch));
      return '';
    });
  }
  const xml = clean.replace(/[&<>"\r\t\n]/g, (c) => ESC[c]);
  return { xml, removed };
}

/** Escaping for element content only: LF and tab stay literal (readable output). */
export function escapeXmlText(text: string): Escaped {
  const r = escapeXml(text);
  return { xml: r.xml.replace(/&#10;/g, '\n').replace(/&#9;/g, '\t'), removed: r.removed };
}

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
  '\t': '&#9;',
  '\n': '&#10;',
};

/** Escapes a value we generate ourselves (ids, names): forbidden characters are dropped silently. */
export function attr(text: string): string {
  return escapeXml(text).xml;
}

/** Anything that collects warnings (ExportStats). */
export interface WarningSink {
  warn(message: string): void;
}

/**
 * Escapes a row's text for element content, warning (with `where`, e.g. the report and row) when
 * characters XML 1.0 forbids had to be removed.
 */
export function xmlContent(text: string, sink: WarningSink, where: string): string {
  const r = escapeXmlText(text);
  if (r.removed.length) {
    sink.warn(`${where}: removed ${r.removed.length} character(s) XML 1.0 forbids (${[...new Set(r.removed)].join(', ')})`);
  }
  return r.xml;
}
