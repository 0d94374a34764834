// Numbers that differ between the query and a match, and OmegaT-style "placeable" numbers: the
// match's English with the match's numbers replaced by the query's, where that is safe.
//
// Numbers compare by value across digit scripts (٣٬٥٠٠ = 3,500 = 3500: tokens.ts folds them). The
// numbers only in the query and those only in the match are paired in order of appearance. A pair
// is replaced when the match's number occurs exactly once in the match's source and exactly once in
// its English; the English keeps its own digit script. Any pair that cannot be placed (a number on
// one side only, or an ambiguous one) makes the whole placement null: a half-fixed sentence would
// look right and be wrong.
import { asciiDigits } from '../text/normalize.ts';
import { cpSlice } from '../text/offsets.ts';
import { tokenize } from '../text/tokenize.ts';
import { numberValue, type TmToken } from './tokens.ts';

/** A number whose value differs: as written in the query and in the match (null: none there). */
export interface NumberDifference {
  query: string | null;
  match: string | null;
}

/** Numbers of the query and of the match that the other side lacks (multiset difference), paired in order. */
export function numberDifferences(queryText: string, query: readonly TmToken[], matchText: string, match: readonly TmToken[]): NumberDifference[] {
  const qn = query.filter((t) => t.number);
  const mn = match.filter((t) => t.number);
  if (!qn.length && !mn.length) return [];
  const onlyIn = (xs: TmToken[], ys: TmToken[]) => {
    const left = new Map<string, number>();
    for (const y of ys) left.set(y.key, (left.get(y.key) ?? 0) + 1);
    return xs.filter((x) => {
      const k = left.get(x.key) ?? 0;
      if (k > 0) left.set(x.key, k - 1);
      return k === 0;
    });
  };
  const q = onlyIn(qn, mn);
  const m = onlyIn(mn, qn);
  const out: NumberDifference[] = [];
  for (let k = 0; k < Math.max(q.length, m.length); k++) {
    out.push({
      query: q[k] ? cpSlice(queryText, q[k].start, q[k].end) : null,
      match: m[k] ? cpSlice(matchText, m[k].start, m[k].end) : null,
    });
  }
  return out;
}

/** ASCII digits and Latin separators (٫ → . and ٬ → ,). */
function latinSeparators(written: string): string {
  return asciiDigits(written).replace(/\u066B/g, '.').replace(/\u066C/g, ',');
}

/** A number's value for comparison: latinSeparators, thousands separators dropped. */
function valueOf(written: string): string {
  return numberValue(latinSeparators(written));
}

/** Writes the ASCII digits of `value` in the digit script of `like` (Arabic-Indic, Persian or ASCII). */
function inScriptOf(value: string, like: string): string {
  const base = /[\u0660-\u0669]/.test(like) ? 0x0660 : /[\u06F0-\u06F9]/.test(like) ? 0x06f0 : 0x30;
  return value.replace(/[0-9]/g, (d) => String.fromCharCode(base + d.charCodeAt(0) - 0x30));
}

/**
 * The match's English with each differing number replaced by the query's, or null when nothing
 * differs or a replacement is not safe (see the header).
 */
export function placeNumbers(diffs: readonly NumberDifference[], match: readonly TmToken[], en: string): string | null {
  if (!diffs.length) return null;
  const enNumbers = tokenize(en, { lang: 'en' }).filter((t) => t.kind === 'number');
  const edits: { start: number; end: number; text: string }[] = [];
  for (const d of diffs) {
    if (d.query === null || d.match === null) return null;
    const v = valueOf(d.match);
    if (match.filter((t) => t.number && t.key === v).length !== 1) return null;
    const inEn = enNumbers.filter((t) => valueOf(t.text) === v);
    if (inEn.length !== 1) return null;
    const target = inEn[0];
    // the query's number as written (Arabic separators as Latin), in the English number's digit script
    edits.push({ start: target.start, end: target.end, text: inScriptOf(latinSeparators(d.query), target.text) });
  }
  edits.sort((a, b) => b.start - a.start);
  const cps = Array.from(en);
  for (const e of edits) cps.splice(e.start, e.end - e.start, e.text);
  return cps.join('');
}
