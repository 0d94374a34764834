// Concordance: every row holding a word or phrase, found as the editor's find finds it
// (shared/text/search.ts: harakat, tatweel, hamza/alef, ى/ي, ة/ه and digit scripts ignored, so a
// term inside a clitic-joined word, والحكومة for الحكومة, is found too). Offsets are code points
// into that side's row text (the row's sentences joined with a space).
import { findInText, prepareQuery } from '../text/search.ts';
import { cpSlice } from '../text/offsets.ts';
import type { TmLang } from './tokens.ts';

/** A row that can be searched. */
export interface ConcordanceRow {
  file: string;
  path: string;
  row: number;
  unit: string;
  ar: string;
  en: string;
}

/** One occurrence (the contract's ConcordanceHit). */
export interface ConcordanceOccurrence extends ConcordanceRow {
  side: TmLang;
  start: number;
  end: number;
  text: string;
}

/** The occurrences of `term` in `rows`, in row order, Arabic before English within a row (only
 * `lang` when given); at most `limit`, `truncated` when more exist. */
export function concordance(rows: Iterable<ConcordanceRow>, term: string, opts: { lang?: TmLang; limit?: number } = {}): { hits: ConcordanceOccurrence[]; truncated: boolean } {
  const q = prepareQuery(term);
  const limit = opts.limit ?? 500;
  const hits: ConcordanceOccurrence[] = [];
  if (!q) return { hits, truncated: false };
  const sides: TmLang[] = opts.lang ? [opts.lang] : ['ar', 'en'];
  for (const r of rows) {
    for (const side of sides) {
      const text = r[side];
      for (const span of findInText(text, q)) {
        if (hits.length >= limit) return { hits, truncated: true };
        hits.push({ ...r, side, start: span.start, end: span.end, text: cpSlice(text, span.start, span.end) });
      }
    }
  }
  return { hits, truncated: false };
}
