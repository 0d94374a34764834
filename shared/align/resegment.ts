// Re-segmenting a report that already has work in it (after the project's abbreviations changed):
// the Arabic is split into sentences again, and the rows, translations and mentions are carried
// over so that nothing the user made is lost.
//
//   - Manual segments (origin 'manual': the user's split and merge) are kept exactly, ids included
//     (shared/text/segment.ts resegmentPreservingManual); only the text between them is re-split.
//   - A new span equal to an old segment's span IS that segment: id, fields and row unchanged.
//   - Changed regions: old segments, the new spans overlapping them and the rows holding them form
//     connected groups (union-find). A group's rows become one row holding all its new segments and
//     all their English, in order ("joined", never dropped), or, when none of them had English, one
//     row per new segment (ready to translate). Its status is the lowest of the old rows' statuses.
//     An English-only row between two rows of one changed group is joined into it too.
//   - A new boundary never cuts an Arabic mention: the spans it would cut are joined again. Every
//     Arabic mention is re-attached to the segment that contains it; English mentions, targets and
//     entities are untouched. English-only rows (no Arabic) keep their place.
import type { AlignmentUnit, Annotations, RowStatus, SourceSegment } from '../model/types.ts';
import { idAllocator } from '../model/ids.ts';
import { OffsetMap } from '../text/offsets.ts';
import { resegmentPreservingManual, type SegmentRules } from '../text/segment.ts';

/** Options of resegmentReport: the project's abbreviations and exceptions
 * (shared/model/settings.ts sourceSegmentRules). */
export type ResegmentOptions = SegmentRules;

/** What resegmentReport did. */
export interface ResegmentResult {
  /** the new annotations (the input is not modified) */
  annotations: Annotations;
  /** false when the segmentation came out the same (annotations are then the input's content) */
  changed: boolean;
  /** old segments that were replaced (split, merged or moved) */
  removedSegments: number;
  /** new segments that took their place */
  addedSegments: number;
  /** rows before and after */
  rowsBefore: number;
  rowsAfter: number;
}

const STATUS_RANK: Record<RowStatus, number> = { auto: 0, draft: 1, translated: 2, reviewed: 3 };

/** A span of the new segmentation, before it gets an id. */
interface NewSpan {
  start: number;
  end: number;
  origin: 'auto' | 'manual';
}

/** Tiny union-find over integer nodes. */
function unionFind(n: number) {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  return { find, union };
}

/** New spans with every span an Arabic mention would straddle joined (and stretched over a mention
 * that lies partly in white space), so each mention lies inside one segment. */
function glueMentions(spans: NewSpan[], mentions: { start: number; end: number }[]): NewSpan[] {
  if (mentions.length === 0) return spans;
  type Item = { start: number; end: number; span: NewSpan | null };
  const items: Item[] = [...spans.map((s) => ({ start: s.start, end: s.end, span: s })), ...mentions.map((m) => ({ start: m.start, end: m.end, span: null }))];
  items.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: NewSpan[] = [];
  let cur: { start: number; end: number; parts: NewSpan[] } | null = null;
  const flush = () => {
    if (!cur) return;
    const only = cur.parts.length === 1 ? cur.parts[0] : null;
    out.push(only && only.start === cur.start && only.end === cur.end ? only : { start: cur.start, end: cur.end, origin: 'auto' });
  };
  for (const it of items) {
    if (cur && it.start < cur.end) {
      cur.end = Math.max(cur.end, it.end);
      if (it.span) cur.parts.push(it.span);
      continue;
    }
    flush();
    cur = { start: it.start, end: it.end, parts: it.span ? [it.span] : [] };
  }
  flush();
  return out;
}

/**
 * Re-runs sentence segmentation over `sourceText` (the text `a`'s offsets point into) with the
 * given abbreviations and exceptions, keeping manual segments, unchanged segments with their rows, every English
 * sentence and every mention (see the file header). Pure; `a` is not modified.
 */
export function resegmentReport(a: Annotations, sourceText: string, options: ResegmentOptions = {}): ResegmentResult {
  const map = new OffsetMap(sourceText);
  const oldSegs = [...a.segments].sort((x, y) => x.start - y.start || x.end - y.end);
  const arMentions = a.mentions.filter((m) => m.side === 'ar');
  const spans = glueMentions(
    resegmentPreservingManual(sourceText, oldSegs, { lang: 'ar', abbreviations: options.abbreviations, exceptions: options.exceptions }),
    [...arMentions].sort((x, y) => x.start - y.start),
  );

  // nodes: old segments [0, O), new spans [O, O+N), units [O+N, O+N+U)
  const O = oldSegs.length;
  const N = spans.length;
  const uf = unionFind(O + N + a.units.length);
  const unitOfSeg = new Map<string, number>();
  a.units.forEach((u, ui) => u.source.forEach((id) => unitOfSeg.set(id, ui)));
  oldSegs.forEach((s, i) => {
    const ui = unitOfSeg.get(s.id);
    if (ui !== undefined) uf.union(i, O + N + ui);
  });
  // old and new spans overlapping (both sorted and disjoint: one sweep)
  const sameAs = new Int32Array(N).fill(-1);
  const oldKept = new Uint8Array(O);
  for (let i = 0, j = 0; i < O && j < N;) {
    const s = oldSegs[i];
    const t = spans[j];
    if (s.start === t.start && s.end === t.end) {
      sameAs[j] = i;
      oldKept[i] = 1;
    }
    if (s.start < t.end && t.start < s.end) uf.union(i, O + j);
    if (s.end <= t.end) i++;
    else j++;
  }

  // the final segments: unchanged ones are the old objects, the rest get new ids
  const nextSeg = idAllocator('s', [...a.segments.map((s) => s.id), ...(a.orphans ?? []).flatMap((o) => (o.kind === 'segment' ? [o.segment.id] : []))]);
  const segments: SourceSegment[] = spans.map((sp, j) => (sameAs[j] >= 0 ? oldSegs[sameAs[j]]
    : { id: nextSeg(), start: sp.start, end: sp.end, text: map.slice(sp.start, sp.end), origin: sp.origin }));

  // groups: which old and new segments and which units belong together; a group is changed
  // unless each of its old segments survived as is and each new span is one of them
  interface Group { news: number[]; units: number[]; changed: boolean; start: number }
  const groups = new Map<number, Group>();
  const group = (node: number, start: number): Group => {
    const r = uf.find(node);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { news: [], units: [], changed: false, start }));
    g.start = Math.min(g.start, start);
    return g;
  };
  oldSegs.forEach((s, i) => {
    const g = group(i, s.start);
    if (!oldKept[i]) g.changed = true;
  });
  spans.forEach((sp, j) => {
    const g = group(O + j, sp.start);
    g.news.push(j);
    if (sameAs[j] < 0) g.changed = true;
  });
  a.units.forEach((u, ui) => {
    if (u.source.length) group(O + N + ui, Number.POSITIVE_INFINITY).units.push(ui);
  });
  // an English-only row between two rows of the same changed group joins it, so the English
  // stays in its order when those rows become one
  const groupOfUnit = (ui: number) => groups.get(uf.find(O + N + ui))!;
  const joined = new Set<number>();
  let prevGroup: Group | null = null;
  let pending: number[] = [];
  a.units.forEach((u, ui) => {
    if (u.source.length === 0) {
      pending.push(ui);
      return;
    }
    const g = groupOfUnit(ui);
    if (g === prevGroup && g.changed && pending.length) {
      for (const p of pending) joined.add(p);
      g.units.push(...pending);
      g.units.sort((x, y) => x - y);
    }
    pending = [];
    prevGroup = g;
  });

  const nextUnit = idAllocator('u', a.units.map((u) => u.id));
  const rowsOf = (g: Group): AlignmentUnit[] => {
    if (!g.changed) return g.units.map((ui) => ({ ...a.units[ui], source: a.units[ui].source.map((id) => id) }));
    const olds = g.units.map((ui) => a.units[ui]);
    const source = g.news.map((j) => segments[j].id);
    const target = olds.flatMap((u) => u.target);
    const status = olds.reduce<RowStatus>((lo, u) => (STATUS_RANK[u.status] < STATUS_RANK[lo] ? u.status : lo), olds.length ? 'reviewed' : 'auto');
    if (target.length === 0) {
      // nothing translated here: one fresh row per sentence, reusing the old rows' ids in order
      const ids = olds.map((u) => u.id);
      return source.map((id, k) => ({ id: ids[k] ?? nextUnit(), source: [id], target: [], status: olds.length ? status : 'auto', origin: 'segmenter', confirmed: false }));
    }
    const first = olds[0];
    const row: AlignmentUnit = { ...first, source, target, status, confirmed: olds.every((u) => u.confirmed) };
    delete row.confidence; // the aligner's confidence was for the old rows
    return [row];
  };

  // document order: rows in the old order, a group at its first row; groups without an old row
  // (text no old segment covered) go before the first group that starts after them
  const units: AlignmentUnit[] = [];
  const emitted = new Set<Group>();
  const fresh = [...groups.values()].filter((g) => g.units.length === 0 && g.news.length > 0).sort((x, y) => x.start - y.start);
  let f = 0;
  const emit = (g: Group) => {
    while (f < fresh.length && fresh[f].start < g.start) units.push(...rowsOf(fresh[f++]));
    emitted.add(g);
    units.push(...rowsOf(g));
  };
  a.units.forEach((u, ui) => {
    if (u.source.length === 0) {
      if (!joined.has(ui)) units.push(u);
      return;
    }
    const g = groupOfUnit(ui);
    if (!emitted.has(g)) emit(g);
  });
  while (f < fresh.length) units.push(...rowsOf(fresh[f++]));

  // Arabic mentions: the segment containing them (segments are sorted and disjoint)
  const segFor = (start: number): SourceSegment => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid].start <= start) lo = mid;
      else hi = mid - 1;
    }
    return segments[lo];
  };
  const mentions = a.mentions.map((m) => {
    if (m.side !== 'ar') return m;
    const s = segFor(m.start);
    return s.id === m.sentence ? m : { ...m, sentence: s.id };
  });

  const changed = [...groups.values()].some((g) => g.changed);
  const kept = oldKept.reduce((n, k) => n + k, 0);
  return {
    annotations: changed ? { ...a, segments, units, mentions } : a,
    changed,
    removedSegments: O - kept,
    addedSegments: N - kept,
    rowsBefore: a.units.length,
    rowsAfter: changed ? units.length : a.units.length,
  };
}
