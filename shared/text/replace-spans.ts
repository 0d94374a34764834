// Replacing text inside an English sentence while keeping its entity mentions sane. One policy,
// used by the editor (marks) and the host (sidecar mentions) alike:
//   - a replacement outside a mention (before, after, or touching its edge) leaves it, shifted;
//   - a replacement wholly inside a mention (its whole text included) keeps the mention, which now
//     covers the new text: fixing a name's spelling keeps it tagged;
//   - a replacement that straddles a mention's edge (part in, part out) drops the mention: what it
//     would cover is no longer the name that was tagged;
//   - a mention left empty (its whole text replaced by nothing) is dropped.
// Offsets are code points, half-open.
import { OffsetMap, cpLength } from './offsets.ts';

/** One replacement: [start, end) of the old text becomes `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A span carried through the edits (a mention). */
export interface IdSpan {
  id: string;
  start: number;
  end: number;
}

/** What a replacement does to a mention. */
export function mentionKept(m: { start: number; end: number }, e: { start: number; end: number }): boolean {
  const disjoint = e.end <= m.start || e.start >= m.end;
  const inside = e.start >= m.start && e.end <= m.end;
  return disjoint || inside;
}

/**
 * Applies `edits` (sorted, disjoint, in code points of `text`) and carries `spans` through them:
 * the new text, the spans kept (new offsets, ascending as given) and the ids dropped.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[], spans: readonly IdSpan[] = []): { text: string; spans: IdSpan[]; dropped: string[] } {
  const map = new OffsetMap(text);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += map.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += map.slice(at, map.cpLength);
  // the shift of an old offset: the length change of every edit that ends at or before it
  const delta = edits.map((e) => cpLength(e.text) - (e.end - e.start));
  const shiftAt = (pos: number) => {
    let d = 0;
    edits.forEach((e, i) => {
      if (e.end <= pos) d += delta[i];
    });
    return pos + d;
  };
  const kept: IdSpan[] = [];
  const dropped: string[] = [];
  for (const s of spans) {
    if (!edits.every((e) => mentionKept(s, e))) {
      dropped.push(s.id);
      continue;
    }
    // the start moves with the edits before it, the end with those before or inside (edits are non-empty)
    const start = shiftAt(s.start);
    const end = shiftAt(s.end);
    if (end <= start) dropped.push(s.id);
    else kept.push({ id: s.id, start, end });
  }
  return { text: out, spans: kept, dropped };
}
