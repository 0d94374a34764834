// Sentence segmentation: the one function every caller goes through, so the pipeline can be
// improved without touching callers. Returns half-open spans in CODE POINTS into `text`,
// trimmed of surrounding white space, in order, non-overlapping.
// (Basic version from the skeleton: ends at . ! ? ؟ … and at line breaks. Replaced by the
// text-pipeline work.)
import type { Span } from '../model/types.ts';

export interface SegmentOptions {
  lang: 'ar' | 'en';
  /** extra abbreviations (without final dot) that never end a sentence */
  abbreviations?: string[];
}

export function segmentSentences(text: string, _options: SegmentOptions): Span[] {
  const cps = Array.from(text);
  const spans: Span[] = [];
  let start = -1;
  const isSpace = (c: string) => /\s/u.test(c);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (start < 0) {
      if (!isSpace(c)) start = i;
      continue;
    }
    if (c === '\n' || c === '\r') {
      let end = i;
      while (end > start && isSpace(cps[end - 1])) end--;
      spans.push({ start, end });
      start = -1;
      continue;
    }
    if ('.!?؟…'.includes(c)) {
      let j = i + 1;
      while (j < cps.length && '.!?؟…"\'”»)'.includes(cps[j])) j++;
      if (j >= cps.length || isSpace(cps[j])) {
        spans.push({ start, end: j });
        start = -1;
        i = j - 1;
      }
    }
  }
  if (start >= 0) {
    let end = cps.length;
    while (end > start && isSpace(cps[end - 1])) end--;
    spans.push({ start, end });
  }
  return spans;
}
