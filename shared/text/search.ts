// Find in a report: Arabic-aware literal search. Text and query are folded the same way
// (normalize.ts, names mode: harakat and tatweel ignored, أ إ آ ٱ = ا, ى = ي, ة = ه, Arabic-Indic
// digits = ASCII, presentation forms = letters, any run of white space = one space) and hits are
// mapped back to the ORIGINAL text, so the span covers the letters as written, harakat included.
// Offsets are Unicode code points, half-open, into the text searched. With `regex` the query is a
// JavaScript regular expression on the original text instead (./search-regex.ts; no folding).
import type { Span } from '../model/types.ts';
import { normalizeWithMap, type NormalizedText, type NormalizeOptions } from './normalize.ts';
import { findRegex, isRegexProblem, prepareRegex, type PreparedRegex, type RegexProblem } from './search-regex.ts';

/** How to compare. Both off by default: the forgiving search a translator expects. */
export interface SearchOptions {
  /** Latin upper and lower case differ */
  matchCase?: boolean;
  /** hamza alefs (أ إ آ), alef maksura (ى) and teh marbuta (ة) are told apart from ا, ي and ه */
  exactLetters?: boolean;
  /** the query is a JavaScript regular expression (`u` flag; `i` unless matchCase), matched on the
   * original text: no folding, exactLetters does not apply */
  regex?: boolean;
}

/** A query folded once, for searching many texts (one per sentence). */
export interface PreparedQuery {
  /** the folded query (never empty) */
  key: string;
  /** the folding used for it and for every text it is searched in */
  fold: NormalizeOptions;
}

/** The folding for `opts`. */
function foldingFor(opts: SearchOptions): NormalizeOptions {
  return { names: true, lowercase: !opts.matchCase, strictLetters: !!opts.exactLetters, taMarbuta: !opts.exactLetters };
}

/** Folds `query` for searching; null when nothing is left to look for (empty, or only harakat). */
export function prepareQuery(query: string, opts: SearchOptions = {}): PreparedQuery | null {
  const fold = foldingFor(opts);
  // outer white space is not part of what the user looks for (a trailing space typed by accident)
  const key = normalizeWithMap(query.trim(), fold).text;
  return key === '' || key === ' ' ? null : { key, fold };
}

/**
 * Every non-overlapping occurrence of `query` in `text`, left to right, as code-point spans of the
 * original text. A span never cuts a surrogate pair and keeps the combining marks after its last
 * letter; a hit on part of a ligature (ﻻ) covers the whole ligature. `limit` caps the count.
 */
export function findInText(text: string, query: PreparedQuery | null, limit = Infinity): Span[] {
  if (!query || text === '') return [];
  return findInFolded(normalizeWithMap(text, query.fold), query, limit);
}

/** findInText on a text folded already with `query.fold` (callers that cache the folding). */
export function findInFolded(n: NormalizedText, query: PreparedQuery, limit = Infinity): Span[] {
  const hay = n.text;
  const key = query.key;
  const out: Span[] = [];
  for (let i = hay.indexOf(key); i >= 0 && out.length < limit; i = hay.indexOf(key, i + key.length)) {
    const j = i + key.length; // UTF-16 end in the folded text
    const start = n.origin[i];
    const last = n.origin[j - 1];
    // the end is where the next input code point that produced output starts: past the rest of a
    // ligature the hit ends inside of, and past the harakat, tatweel or invisible characters
    // dropped after the last letter (they belong to it)
    let k = j;
    while (k < hay.length && n.origin[k] <= last) k++;
    const end = k < hay.length ? n.origin[k] : n.originalLength;
    out.push({ start, end });
  }
  return out;
}

/** Convenience: prepare and find in one call. */
export function findAll(text: string, query: string, opts: SearchOptions = {}, limit = Infinity): Span[] {
  return findInText(text, prepareQuery(query, opts), limit);
}

/** A query ready to search many texts with: literal (folded) or a regular expression. */
export type Searcher = { kind: 'text'; query: PreparedQuery } | { kind: 'regex'; regex: PreparedRegex };

/** The searcher for `query` with `opts`: null when there is nothing to look for, a RegexProblem
 * when a regular expression is invalid or refused as too slow. Never throws. */
export function compileSearch(query: string, opts: SearchOptions = {}): Searcher | RegexProblem | null {
  if (opts.regex) {
    const r = prepareRegex(query, !!opts.matchCase);
    return r === null || isRegexProblem(r) ? r : { kind: 'regex', regex: r };
  }
  const q = prepareQuery(query, opts);
  return q && { kind: 'text', query: q };
}

/** Whether compileSearch refused the query. */
export function isSearchProblem(x: Searcher | RegexProblem | null): x is RegexProblem {
  return x !== null && 'problem' in x;
}

/** Every hit of a searcher in `text` (code-point spans, non-overlapping, left to right). */
export function searchText(text: string, s: Searcher, limit = Infinity): Span[] {
  return s.kind === 'regex' ? findRegex(text, s.regex, limit) : findInText(text, s.query, limit);
}

export type { PreparedRegex, RegexProblem };
