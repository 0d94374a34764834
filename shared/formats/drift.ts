// Source drift: re-anchoring spans when the source text changed (placeholder: maps through the
// common prefix and suffix only; the full diff-based version replaces it).
import type { Annotations, SourceInfo } from '../model/types.ts';

/** A segment or mention that could not be mapped onto the new text. */
export interface Unmapped {
  /** which list it came from */
  kind: 'segment' | 'mention';
  /** its id */
  id: string;
  /** its text in the old source */
  text: string;
  /** why, for the user */
  reason: string;
}

/** What reanchor returns. */
export interface ReanchorResult {
  /** the annotations fitted to the new text (unmapped items moved to `orphans`) */
  annotations: Annotations;
  /** everything that could not be mapped */
  unmapped: Unmapped[];
  /** messages for the user */
  warnings: { code: string; message: string }[];
}

export function reanchor(a: Annotations, newText: string, source?: Partial<SourceInfo>): ReanchorResult {
  const oldCps: (string | null)[] = new Array(a.source.length).fill(null);
  for (const s of a.segments) Array.from(s.text).forEach((c, i) => (oldCps[s.start + i] = c));
  const newCps = Array.from(newText);
  let p = 0;
  while (p < oldCps.length && p < newCps.length && oldCps[p] === newCps[p]) p++;
  let q = 0;
  while (q < oldCps.length - p && q < newCps.length - p && oldCps[oldCps.length - 1 - q] === newCps[newCps.length - 1 - q]) q++;
  const shift = newCps.length - oldCps.length;
  const map = (x: number, isEnd: boolean): number | null => (isEnd ? x <= p : x < p) ? x : x >= oldCps.length - q ? x + shift : null;
  const unmapped: Unmapped[] = [];
  const orphans = [...(a.orphans ?? [])];
  const segments = [];
  for (const s of a.segments) {
    const st = map(s.start, false);
    const en = map(s.end, true);
    if (st === null || en === null || (s.start >= p && s.end <= oldCps.length - q && s.start < s.end && false)) {
      unmapped.push({ kind: 'segment', id: s.id, text: s.text, reason: 'its text changed' });
      orphans.push({ kind: 'segment', sourceSha256: a.source.sha256, reason: 'its text changed', segment: s });
    } else segments.push({ ...s, start: st, end: en });
  }
  const kept = new Set(segments.map((s) => s.id));
  const mentions = [];
  for (const m of a.mentions) {
    if (m.side === 'en') { mentions.push(m); continue; }
    const st = map(m.start, false);
    const en = map(m.end, true);
    if (st === null || en === null || !kept.has(m.sentence)) {
      unmapped.push({ kind: 'mention', id: m.id, text: m.text, reason: 'its text changed' });
      orphans.push({ kind: 'mention', sourceSha256: a.source.sha256, reason: 'its text changed', mention: m });
    } else mentions.push({ ...m, start: st, end: en });
  }
  const units = a.units.map((u) => ({ ...u, source: u.source.filter((id) => kept.has(id)) })).filter((u) => u.source.length || u.target.length);
  const annotations: Annotations = { ...a, source: { ...a.source, ...source, length: newCps.length }, segments, mentions, units, ...(orphans.length ? { orphans } : {}) };
  const warnings = unmapped.map((u) => ({ code: 'unmapped-' + u.kind, message: `The source changed: ${u.kind} ${u.id} ("${u.text}") could not be placed in the new text (${u.reason}); it was kept aside.` }));
  return { annotations, unmapped, warnings };
}
