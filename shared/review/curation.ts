// Curation (INCEpTION-style, issue 18 item 4): two annotators' entity layers over the same Arabic
// source, compared mention by mention, and the user's pick per place. A "place" (CurationItem) is a
// cluster of Arabic mentions from either copy whose spans overlap, so each place is decided once and
// the result never has two mentions on one character (the editor's rule). English-side mentions are
// not curated: the two copies' English usually differs, so their offsets do not compare. Pure.
import type { Annotations, Mention } from '../model/types.ts';

/** One place where either copy has a mention. */
export interface CurationItem {
  /** stable within one comparison: `start:end` of the cluster */
  key: string;
  /** my unit (row) holding the place, '' when my segments do not cover it */
  unit: string;
  /** the cluster's span, code points into the source text */
  start: number;
  end: number;
  mine: Mention[];
  theirs: Mention[];
  /** both copies have the same spans with the same types here */
  agree: boolean;
}

export type CurationChoice = 'mine' | 'theirs' | 'both' | 'neither';

const sig = (ms: readonly Mention[]) => ms.map((m) => `${m.start}:${m.end}:${m.type}`).sort().join(' ');

/** Why two copies cannot be curated together, or null when they can. */
export function curationMismatch(mine: Annotations, theirs: Annotations): 'source' | null {
  return mine.source.sha256 === theirs.source.sha256 ? null : 'source';
}

/** The places of the two copies' Arabic mentions, in source order. */
export function curationItems(mine: Annotations, theirs: Annotations): CurationItem[] {
  const all = [
    ...mine.mentions.filter((m) => m.side === 'ar').map((m) => ({ m, mine: true })),
    ...theirs.mentions.filter((m) => m.side === 'ar').map((m) => ({ m, mine: false })),
  ].sort((a, b) => a.m.start - b.m.start || a.m.end - b.m.end);
  const unitOfSeg = new Map<string, string>();
  for (const u of mine.units) for (const s of u.source) unitOfSeg.set(s, u.id);
  const segs = [...mine.segments].sort((a, b) => a.start - b.start);
  const unitAt = (pos: number) => {
    const seg = segs.find((s) => s.start <= pos && pos < s.end);
    return seg ? unitOfSeg.get(seg.id) ?? '' : '';
  };
  const out: CurationItem[] = [];
  let cur: CurationItem | null = null;
  for (const { m, mine: isMine } of all) {
    if (!cur || m.start >= cur.end) {
      cur = { key: '', unit: unitAt(m.start), start: m.start, end: m.end, mine: [], theirs: [], agree: false };
      out.push(cur);
    }
    cur.end = Math.max(cur.end, m.end);
    (isMine ? cur.mine : cur.theirs).push(m);
  }
  for (const it of out) {
    it.key = `${it.start}:${it.end}`;
    it.agree = sig(it.mine) === sig(it.theirs);
  }
  return out;
}

const overlaps = (a: Mention, b: Mention) => a.start < b.end && b.start < a.end;

/** The choices that make sense at a place: "both" only where no mention of mine overlaps one of theirs. */
export function curationChoices(item: CurationItem): CurationChoice[] {
  const both = item.mine.length > 0 && item.theirs.length > 0 && !item.mine.some((a) => item.theirs.some((b) => overlaps(a, b)));
  return ['mine', 'theirs', ...(both ? ['both' as const] : []), 'neither'];
}

/** The Arabic mentions a place keeps under `choice` (mine keep their ids and entities; theirs are new to my copy). */
export function curatedMentions(item: CurationItem, choice: CurationChoice): { keep: Mention[]; add: Mention[] } {
  switch (choice) {
    case 'mine': return { keep: item.mine, add: [] };
    case 'theirs': return { keep: [], add: item.theirs };
    case 'both': return curationChoices(item).includes('both') ? { keep: item.mine, add: item.theirs } : { keep: item.mine, add: [] };
    case 'neither': return { keep: [], add: [] };
  }
}
