// Moved paragraphs (issue 13): when the English has a paragraph in another place (two paragraphs
// swapped), a monotone alignment can follow only one of them; the other shows up as a run of
// untranslated Arabic rows (1-0) and, elsewhere, a run of English-only rows (0-1). This pass pairs
// such runs: the Arabic run and the English run are aligned with each other on their own, and when
// that sub-alignment holds (every link two-sided, the word lists agree), its links replace both
// runs. The result is no longer monotone in the English (that is the point: the English goes to
// the rows it translates) and is ordered by Arabic; every sentence is still covered exactly once.
// Moved links are capped below 0.5 so they are always reviewed. Fixed links are never touched.
import { alignSentences } from './aligner.ts';
import { LexicalSpace } from './lexical.ts';
import type { AlignOptions, Link } from './types.ts';

/** Options of placeMovedBlocks. */
export interface MovedOptions extends Pick<AlignOptions, 'lexicon' | 'anchors' | 'fixed'> {
  /** shortest run (sentences on each side) considered a moved paragraph (default 2) */
  minRun?: number;
  /** lowest mean confidence of the sub-alignment's links (default 0.6) */
  minConfidence?: number;
  /** lowest lexical cosine of the two runs, when a word list is given (default 0.05) */
  minCosine?: number;
}

/** Runs of each side considered (the longest): at most MAX_RUNS² sub-alignments per document. */
export const MAX_RUNS = 12;

/** Highest confidence a moved link is given: moved rows are always reviewed. */
export const MOVED_CONFIDENCE = 0.49;

interface Run {
  /** first and one-past-last sentence index on its side */
  from: number;
  to: number;
}

/** Maximal runs of one-sided, unfixed links of one side ('src': 1-0, 'tgt': 0-1). */
function runs(links: Link[], side: 'src' | 'tgt', fixed: Set<string>, minRun: number): Run[] {
  const out: Run[] = [];
  let cur: Run | null = null;
  for (const l of links) {
    const one = side === 'src' ? l.tgt.length === 0 && l.src.length === 1 : l.src.length === 0 && l.tgt.length === 1;
    if (one && !fixed.has(key(l))) {
      const i = l[side][0];
      if (cur && cur.to === i) cur.to++;
      else {
        if (cur) out.push(cur);
        cur = { from: i, to: i + 1 };
      }
    } else if (cur) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out.filter((r) => r.to - r.from >= minRun);
}

const key = (l: Link) => l.src.join(',') + '|' + l.tgt.join(',');
const range = (r: Run) => Array.from({ length: r.to - r.from }, (_, k) => r.from + k);

/** `links` (from alignSentences on `src`, `tgt`) with moved paragraphs placed (see the header). */
export function placeMovedBlocks(src: string[], tgt: string[], links: Link[], opts: MovedOptions = {}): Link[] {
  const minRun = opts.minRun ?? 2;
  const fixed = new Set((opts.fixed ?? []).map(key));
  // the longest runs of each side only: every pair is a sub-alignment, so their number is bounded
  const longest = (rs: Run[]) => rs.sort((x, y) => y.to - y.from - (x.to - x.from) || x.from - y.from).slice(0, MAX_RUNS);
  const arRuns = longest(runs(links, 'src', fixed, minRun));
  const enRuns = longest(runs(links, 'tgt', fixed, minRun));
  if (!arRuns.length || !enRuns.length) return links;
  const space = opts.lexicon ? new LexicalSpace(src, tgt, opts.lexicon) : null;
  const movedSrc = new Set<number>();
  const movedTgt = new Set<number>();
  const added: Link[] = [];
  const usedEn = new Set<Run>();
  for (const a of arRuns) {
    let best: { run: Run; links: Link[]; score: number } | null = null;
    for (const e of enRuns) {
      if (usedEn.has(e)) continue;
      const sub = alignSentences(src.slice(a.from, a.to), tgt.slice(e.from, e.to), { lexicon: opts.lexicon, anchors: opts.anchors });
      if (sub.some((l) => !l.src.length || !l.tgt.length)) continue;
      const mean = sub.reduce((s, l) => s + l.confidence, 0) / sub.length;
      if (mean < (opts.minConfidence ?? 0.6)) continue;
      const cos = space ? space.cos(a.from, a.to, e.from, e.to) / space.baseline : 1;
      if (space && cos < (opts.minCosine ?? 0.05)) continue;
      if (!best || mean * cos > best.score) best = { run: e, links: sub, score: mean * cos };
    }
    if (!best) continue;
    usedEn.add(best.run);
    for (const i of range(a)) movedSrc.add(i);
    for (const j of range(best.run)) movedTgt.add(j);
    for (const l of best.links) {
      added.push({
        src: l.src.map((i) => a.from + i),
        tgt: l.tgt.map((j) => best.run.from + j),
        confidence: Math.min(MOVED_CONFIDENCE, l.confidence),
      });
    }
  }
  if (!added.length) return links;
  const kept = links.filter((l) => !(l.src.length === 1 && l.tgt.length === 0 && movedSrc.has(l.src[0])) && !(l.src.length === 0 && l.tgt.length === 1 && movedTgt.has(l.tgt[0])));
  // by Arabic; English-only links stay after the Arabic link they followed
  const out: Link[] = [];
  const bySrc = [...added].sort((x, y) => x.src[0] - y.src[0]);
  let k = 0;
  for (const l of kept) {
    if (l.src.length) while (k < bySrc.length && bySrc[k].src[0] < l.src[0]) out.push(bySrc[k++]);
    out.push(l);
  }
  while (k < bySrc.length) out.push(bySrc[k++]);
  return out;
}
