// Suggesting the English span for a tagged Arabic mention: within the row's English sentence,
// the spans that render it best, ranked. Two signals: a rendering the project glossary already
// knows for this Arabic form (score 1), and transliteration similarity of capitalised word spans
// (shared/align/translit.ts: إدلب ↔ Idlib, أردوغان ↔ Erdogan, دمشق ↔ Damascus).
import { translitSimilarity } from '../align/translit.ts';
import type { Span } from '../model/types.ts';
import { cpLength, OffsetMap } from '../text/offsets.ts';
import { findOccurrences } from './propagate.ts';

/** A proposed English span. */
export interface EnglishCandidate {
  /** code points into the English sentence, half-open */
  start: number;
  end: number;
  /** the span's text */
  text: string;
  /** in [0, 1]; glossary renderings score 1 */
  score: number;
  /** why it was proposed */
  reason: 'glossary' | 'transliteration';
}

/** Options for `suggestEnglishSpans`. */
export interface SuggestOptions {
  /** English renderings of this Arabic form known from the glossary, most used first */
  renderings?: readonly string[];
  /** spans already tagged in the sentence: candidates overlapping them are left out */
  taken?: readonly Span[];
  /** candidates scoring below are dropped (default 0.6) */
  minScore?: number;
  /** at most this many candidates (default 5) */
  limit?: number;
}

/** Lower-case words allowed inside a name (al-Assad, Bashar al Assad, Abu Bakr...). */
const NAME_PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'bin', 'ibn', 'bint', 'abu', 'de', 'la', 'von', 'van', 'der', 'of']);
/** Lower-case words a span never starts or ends with. */
const EDGE_STOPWORDS = new Set(['of', 'the', 'and', 'in', 'on', 'at', 'to', 'for', 'a', 'an', 'by', 'from', 'with']);
/** Romanised article prefixes, compared with and without (al-Raqqa ↔ الرقة). */
const ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an)[-‐ ]/i;

interface Word {
  /** code points into the sentence */
  start: number;
  end: number;
  text: string;
}

/** Words of an English sentence (letters/digits with inner hyphens and apostrophes), possessive 's cut. */
function words(map: OffsetMap): Word[] {
  const out: Word[] = [];
  for (const m of map.text.matchAll(/[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*/gu)) {
    const start = map.toCodePoint(m.index);
    let text = m[0];
    if (/['’]s$/u.test(text)) text = text.slice(0, -2);
    out.push({ start, end: start + cpLength(text), text });
  }
  return out;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w) || /^\p{N}/u.test(w);

/** Ranked English spans in `enSentence` for the Arabic mention text `ar`. */
export function suggestEnglishSpans(ar: string, enSentence: string, opts: SuggestOptions = {}): EnglishCandidate[] {
  const minScore = opts.minScore ?? 0.6;
  const taken = opts.taken ?? [];
  const free = (s: number, e: number) => !taken.some((t) => t.start < e && s < t.end);
  const best = new Map<string, EnglishCandidate>();
  const offer = (c: EnglishCandidate) => {
    if (c.score < minScore || !free(c.start, c.end)) return;
    const k = c.start + ':' + c.end;
    const prev = best.get(k);
    if (!prev || prev.score < c.score) best.set(k, c);
  };
  for (const r of opts.renderings ?? []) {
    for (const o of findOccurrences([{ key: '', text: enSentence }], r, { clitics: false })) {
      offer({ start: o.start, end: o.end, text: o.text, score: 1, reason: 'glossary' });
    }
  }
  const map = new OffsetMap(enSentence);
  const ws = words(map);
  const arWords = ar.trim().split(/\s+/).length;
  const maxLen = Math.min(arWords + 2, 5);
  for (let i = 0; i < ws.length; i++) {
    for (let j = i; j < ws.length && j - i < maxLen; j++) {
      // a span never crosses punctuation: only white space between its words
      if (j > i && map.slice(ws[j - 1].end, ws[j].start).trim() !== '') break;
      const first = ws[i].text;
      const last = ws[j].text;
      if (EDGE_STOPWORDS.has(first.toLowerCase()) || EDGE_STOPWORDS.has(last.toLowerCase())) continue;
      const inner = ws.slice(i, j + 1);
      const capitalised = inner.every((w) => isCapitalised(w.text) || NAME_PARTICLES.has(w.text.toLowerCase().split(/[-‐]/)[0]));
      if (!isCapitalised(first) && !ARTICLE.test(first)) {
        if (j > i) continue;
      }
      const text = map.slice(ws[i].start, ws[j].end);
      let sim = translitSimilarity(ar, text);
      const bare = text.replace(ARTICLE, '');
      if (bare !== text) sim = Math.max(sim, translitSimilarity(ar, bare));
      // names are capitalised in English; a lower-case span is a weak candidate
      const score = sim * (capitalised ? 1 : 0.7);
      offer({ start: ws[i].start, end: ws[j].end, text, score: round(score), reason: 'transliteration' });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.end - a.start) - (b.end - b.start) || a.start - b.start)
    .slice(0, opts.limit ?? 5);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
