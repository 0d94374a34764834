// Source drift: the `.txt` changed after its annotations were written (a corrected typo, an added
// paragraph). Every span is re-anchored on the new text by diffing the old text against it; what
// maps cleanly is kept, what does not is moved to `orphans` and reported. Nothing is dropped.
//
// The old text is rebuilt from the stored segment texts at their offsets (the sidecar keeps them
// for this); what lay between segments (white space, usually) is unknown and is stood for by a
// "gap" that matches any run of white space. The diff runs on words first (Myers, shared/diff),
// then on code points inside each changed region, so a one-word fix in a long report costs little.
//
// Rules: a segment keeps its place if any of its code points survive (its span runs from the first
// to the last surviving one, widened over new letters touching it); when its text changed, its row
// goes back to 'draft' (the translation needs a look). A mention survives only if all its code
// points survive contiguously: its text is unchanged by construction. New text between segments
// becomes new segments (and rows), or joins a neighbour when it continues that sentence.
import type { AlignmentUnit, Annotations, Mention, Orphan, SourceInfo, SourceSegment, Span } from '../model/types.ts';
import { idAllocator } from '../model/ids.ts';
import { OffsetMap } from '../text/offsets.ts';
import { segmentSentences, type SegmentRules } from '../text/segment.ts';
import { DiffTooLargeError, diffSequences } from '../diff/myers.ts';

/** A segment or mention that could not be mapped onto the new text (it is kept in `orphans`). */
export interface Unmapped {
  /** which list it came from */
  kind: 'segment' | 'mention';
  /** its id */
  id: string;
  /** its text in the old source */
  text: string;
  /** its span in the OLD source text (code points) */
  start: number;
  end: number;
  /** why, for the user */
  reason: string;
}

/** What reanchor returns. */
export interface ReanchorResult {
  /** the annotations fitted to the new text; unmapped items are appended to `orphans` */
  annotations: Annotations;
  /** every segment and mention that could not be mapped */
  unmapped: Unmapped[];
  /** ids of segments that were kept but whose text changed (their rows went back to 'draft') */
  changed: string[];
  /** ids of segments created for new text */
  added: string[];
  /** messages for the user, one per unmapped item plus summaries */
  warnings: { code: string; message: string }[];
}

/** Options of reanchor; the segmentation rules (the project's, sourceSegmentRules) split new text. */
export interface ReanchorOptions extends SegmentRules {
  /** work budget: roughly the largest (length × edits) product tried before falling back to
   * mapping the unchanged start and end only (default 1e8, about a second) */
  budget?: number;
}

const TERMINAL = /[.!?؟…]["'”»)]*$/u;
const SPACE = /\s/u;

interface Token {
  /** first code point (old or new text) */
  start: number;
  /** code points (empty for a gap) */
  cps: string[];
  /** 'gap': unknown old text between segments, matches any white space */
  kind: 'word' | 'space' | 'gap';
  /** joined text, for comparison */
  text: string;
}

function tokenize(cps: string[], start: number, out: Token[]): void {
  let i = 0;
  while (i < cps.length) {
    const sp = SPACE.test(cps[i]);
    let j = i + 1;
    while (j < cps.length && SPACE.test(cps[j]) === sp) j++;
    const part = cps.slice(i, j);
    out.push({ start: start + i, cps: part, kind: sp ? 'space' : 'word', text: part.join('') });
    i = j;
  }
}

/**
 * Maps each old code point to its place in the new text (−1: gone). `oldSegs` are the stored
 * segments sorted by start; `oldLength` is the stored source length.
 */
function mapCodePoints(oldSegs: SourceSegment[], oldLength: number, newCps: string[], budget: number): { oldToNew: Int32Array; coarse: boolean } {
  const oldTokens: Token[] = [];
  let pos = 0;
  for (const s of oldSegs) {
    if (s.start > pos) oldTokens.push({ start: pos, cps: [], kind: 'gap', text: '' });
    const cps = Array.from(s.text).slice(0, Math.max(0, s.end - s.start));
    tokenize(cps, s.start, oldTokens);
    pos = Math.max(pos, s.end);
  }
  if (oldLength > pos) oldTokens.push({ start: pos, cps: [], kind: 'gap', text: '' });
  const newTokens: Token[] = [];
  tokenize(newCps, 0, newTokens);

  const oldToNew = new Int32Array(oldLength).fill(-1);
  const tokenEq = (i: number, j: number) => {
    const a = oldTokens[i];
    const b = newTokens[j];
    return a.kind === 'gap' ? b.kind === 'space' : a.kind === b.kind && a.text === b.text;
  };
  const matched: [number, number, number][] = [];
  let coarse = false;
  const maxEdits = (n: number, m: number) => Math.max(1000, Math.floor(budget / Math.max(1, n + m)));
  try {
    diffSequences(oldTokens.length, newTokens.length, tokenEq, (len, i, j) => matched.push([len, i, j]), { maxEdits: maxEdits(oldTokens.length, newTokens.length) });
  } catch (e) {
    if (!(e instanceof DiffTooLargeError)) throw e;
    // too different to diff within budget: keep only the unchanged start and end
    coarse = true;
    matched.length = 0;
    let p = 0;
    while (p < oldTokens.length && p < newTokens.length && tokenEq(p, p)) p++;
    let q = 0;
    while (q < oldTokens.length - p && q < newTokens.length - p && tokenEq(oldTokens.length - 1 - q, newTokens.length - 1 - q)) q++;
    if (p) matched.push([p, 0, 0]);
    if (q) matched.push([q, oldTokens.length - q, newTokens.length - q]);
  }

  const mapToken = (a: Token, b: Token) => {
    for (let k = 0; k < a.cps.length; k++) oldToNew[a.start + k] = b.start + k;
  };
  // refine a changed region (old tokens [i0, i1), new tokens [j0, j1)) code point by code point
  const refine = (i0: number, i1: number, j0: number, j1: number) => {
    if (i0 >= i1 || j0 >= j1 || coarse) return;
    const oldIdx: number[] = [];
    const oldCh: string[] = [];
    for (let i = i0; i < i1; i++) {
      const t = oldTokens[i];
      t.cps.forEach((c, k) => {
        oldIdx.push(t.start + k);
        oldCh.push(c);
      });
    }
    const newStart = newTokens[j0].start;
    const newEnd = newTokens[j1 - 1].start + newTokens[j1 - 1].cps.length;
    if (!oldCh.length) return;
    try {
      diffSequences(
        oldCh.length,
        newEnd - newStart,
        (i, j) => oldCh[i] === newCps[newStart + j],
        (len, i, j) => {
          for (let k = 0; k < len; k++) oldToNew[oldIdx[i + k]] = newStart + j + k;
        },
        { maxEdits: maxEdits(oldCh.length, newEnd - newStart) },
      );
    } catch (e) {
      if (!(e instanceof DiffTooLargeError)) throw e;
      // this region stays unmapped: its spans become orphans
    }
  };
  let pi = 0;
  let pj = 0;
  for (const [len, i, j] of matched) {
    refine(pi, i, pj, j);
    for (let k = 0; k < len; k++) mapToken(oldTokens[i + k], newTokens[j + k]);
    pi = i + len;
    pj = j + len;
  }
  refine(pi, oldTokens.length, pj, newTokens.length);
  return { oldToNew, coarse };
}

/**
 * Re-anchors `a` (written for an older source) on `newText`. `source` overrides fields of the
 * sidecar's source info (hash, encoding, ...); its length is always set from `newText`. Pure.
 */
export function reanchor(a: Annotations, newText: string, source: Partial<SourceInfo> = {}, options: ReanchorOptions = {}): ReanchorResult {
  const newMap = new OffsetMap(newText);
  const newCps = Array.from(newText);
  const oldSegs = [...a.segments].sort((x, y) => x.start - y.start || x.end - y.end);
  const { oldToNew, coarse } = mapCodePoints(oldSegs, a.source.length, newCps, options.budget ?? 1e8);
  const taken = new Uint8Array(newCps.length);
  for (const j of oldToNew) if (j >= 0) taken[j] = 1;

  const unmapped: Unmapped[] = [];
  const orphans: Orphan[] = [...(a.orphans ?? [])];
  const oldSha = a.source.sha256;
  const changed: string[] = [];

  // segments, in old order (= new order: the mapping is monotonic)
  const segs: SourceSegment[] = [];
  let floor = 0;
  for (const s of oldSegs) {
    let first = -1;
    let last = -1;
    for (let k = s.start; k < s.end && k < oldToNew.length; k++) {
      const j = oldToNew[k];
      if (j >= 0) {
        if (first < 0) first = j;
        last = j;
      }
    }
    if (first < 0) {
      const reason = s.start === s.end ? 'it was empty' : 'its text was deleted or rewritten';
      unmapped.push({ kind: 'segment', id: s.id, text: s.text, start: s.start, end: s.end, reason });
      orphans.push({ kind: 'segment', sourceSha256: oldSha, reason, segment: s });
      continue;
    }
    let start = first;
    let end = last + 1;
    // widen over new letters glued to the segment (a word edited at its edge)
    while (start > floor && !taken[start - 1] && !SPACE.test(newCps[start - 1])) start--;
    while (end < newCps.length && !taken[end] && !SPACE.test(newCps[end])) end++;
    for (let k = start; k < end; k++) taken[k] = 1;
    floor = end;
    const text = newMap.slice(start, end);
    if (text !== s.text) changed.push(s.id);
    segs.push({ ...s, start, end, text });
  }

  // new text between kept segments: new segments, or the continuation of a neighbour
  const ids = [...a.segments.map((s) => s.id), ...orphans.flatMap((o) => (o.kind === 'segment' ? [o.segment.id] : []))];
  const nextSeg = idAllocator('s', ids);
  const added: SourceSegment[] = [];
  const gaps: Span[] = [];
  let gp = 0;
  for (const s of segs) {
    if (s.start > gp) gaps.push({ start: gp, end: s.start });
    gp = s.end;
  }
  if (newCps.length > gp) gaps.push({ start: gp, end: newCps.length });
  const segEndingAt = new Map<number, SourceSegment>(); // the segment before each gap
  const segStartingAt = new Map<number, SourceSegment>(); // the segment after each gap
  for (const s of segs) {
    segEndingAt.set(s.end, s);
    segStartingAt.set(s.start, s);
  }
  for (const g of gaps) {
    const gapText = newMap.slice(g.start, g.end);
    if (!/\S/u.test(gapText)) continue;
    const pieces = segmentSentences(gapText, { lang: 'ar', abbreviations: options.abbreviations, exceptions: options.exceptions }).map((p) => ({ start: p.start + g.start, end: p.end + g.start }));
    const prev = g.start > 0 ? segEndingAt.get(g.start) : undefined;
    const next = segStartingAt.get(g.end);
    const noBreak = (from: number, to: number) => !/[\n\r]/.test(newMap.slice(from, to));
    if (pieces.length && prev && !TERMINAL.test(prev.text) && noBreak(prev.end, pieces[0].start)) {
      const p = pieces.shift()!;
      prev.end = p.end;
      prev.text = newMap.slice(prev.start, prev.end);
      if (!changed.includes(prev.id)) changed.push(prev.id);
    }
    if (pieces.length && next && !TERMINAL.test(newMap.slice(pieces[pieces.length - 1].start, pieces[pieces.length - 1].end)) && noBreak(pieces[pieces.length - 1].end, next.start)) {
      const p = pieces.pop()!;
      next.start = p.start;
      next.text = newMap.slice(next.start, next.end);
      if (!changed.includes(next.id)) changed.push(next.id);
    }
    for (const p of pieces) added.push({ id: nextSeg(), start: p.start, end: p.end, text: newMap.slice(p.start, p.end), origin: 'auto' });
  }

  // mentions on the Arabic side
  const segById = new Map(segs.map((s) => [s.id, s]));
  const mentions: Mention[] = [];
  for (const m of a.mentions) {
    if (m.side === 'en') {
      mentions.push(m);
      continue;
    }
    let reason: string | null = null;
    let start = -1;
    const seg = segById.get(m.sentence);
    if (!seg) reason = 'its sentence was deleted or rewritten';
    else {
      start = m.start < oldToNew.length ? oldToNew[m.start] : -1;
      for (let k = m.start; k < m.end; k++) {
        const j = k < oldToNew.length ? oldToNew[k] : -1;
        if (j < 0 || j !== start + (k - m.start)) {
          reason = 'its text was edited';
          break;
        }
      }
    }
    if (reason === null && seg && (start < seg.start || start + (m.end - m.start) > seg.end)) reason = 'it no longer lies in its sentence';
    if (reason !== null) {
      unmapped.push({ kind: 'mention', id: m.id, text: m.text, start: m.start, end: m.end, reason });
      orphans.push({ kind: 'mention', sourceSha256: oldSha, reason, mention: m });
    } else mentions.push({ ...m, start, end: start + (m.end - m.start) });
  }

  // rows: drop lost segments, send changed rows back to draft, insert rows for new segments
  const keptIds = new Set(segs.map((s) => s.id));
  const changedSet = new Set(changed);
  const nextUnit = idAllocator('u', a.units.map((u) => u.id));
  const units: AlignmentUnit[] = [];
  const pending = [...added];
  const flushBefore = (pos: number) => {
    while (pending.length && pending[0].start < pos) {
      const s = pending.shift()!;
      units.push({ id: nextUnit(), source: [s.id], target: [], status: 'auto', origin: 'segmenter', confirmed: false });
    }
  };
  for (const u of a.units) {
    const source = u.source.filter((id) => keptIds.has(id));
    if (source.length === 0 && u.target.length === 0) continue; // only held lost segments: they are orphans now
    const pos = source.length ? Math.min(...source.map((id) => segById.get(id)!.start)) : -1;
    if (pos >= 0) flushBefore(pos);
    const touched = source.some((id) => changedSet.has(id)) || source.length !== u.source.length;
    const status = touched && (u.status === 'translated' || u.status === 'reviewed') ? 'draft' : u.status;
    units.push({ ...u, source, status });
  }
  flushBefore(Infinity);

  const segments = [...segs, ...added].sort((x, y) => x.start - y.start);
  const annotations: Annotations = {
    ...a,
    source: { ...a.source, ...source, length: newCps.length },
    segments,
    units,
    mentions,
    ...(orphans.length ? { orphans } : {}),
  };
  const warnings: { code: string; message: string }[] = [];
  if (coarse) warnings.push({ code: 'drift-coarse', message: 'The source changed too much to compare in detail: only its unchanged beginning and end were matched.' });
  for (const u of unmapped) {
    const what = u.kind === 'segment' ? `Sentence ${u.id}` : `Entity mention ${u.id}`;
    warnings.push({ code: 'unmapped-' + u.kind, message: `${what} "${short(u.text)}" could not be placed in the changed source (${u.reason}); it was kept aside with the orphans.` });
  }
  if (changed.length) warnings.push({ code: 'segments-changed', message: `The source text changed in ${changed.length} sentence(s) (${changed.join(', ')}); their rows were set back to draft for review.` });
  if (added.length) warnings.push({ code: 'segments-added', message: `${added.length} new sentence(s) in the source were added as new rows (${added.map((s) => s.id).join(', ')}).` });
  return { annotations, unmapped, changed, added: added.map((s) => s.id), warnings };
}

function short(text: string): string {
  const cps = Array.from(text);
  return cps.length > 40 ? cps.slice(0, 40).join('') + '…' : text;
}
