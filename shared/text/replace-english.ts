// Replacing in the English of a report's annotations (find and replace across the project): every
// hit of a searcher in the English target sentences is replaced, the Arabic is only counted (it is
// never modified). Mentions follow ./replace-spans.ts. Pure: the host applies it to sidecars, the
// renderer previews the open report with it (the editor then replaces with the same policy).
import type { Annotations } from '../model/types.ts';
import { searchText, type Searcher } from './search.ts';
import { regexReplacement } from './search-regex.ts';
import { applyTextEdits, type TextEdit } from './replace-spans.ts';
import { OffsetMap } from './offsets.ts';

/** Before → after lines a preview shows per report. */
export const PREVIEW_SAMPLES = 3;

/** Row index of every segment and target id. */
export function rowsOf(a: Annotations): Map<string, number> {
  const m = new Map<string, number>();
  a.units.forEach((u, i) => {
    for (const id of u.source) m.set(id, i);
    for (const id of u.target) m.set(id, i);
  });
  return m;
}

/** One before → after line of a preview. */
export interface ReplaceSample {
  row: number;
  before: string;
  after: string;
}

/** What replacing does to one report's annotations. */
export interface ReplacedAnnotations {
  annotations: Annotations;
  /** English hits replaced */
  replacements: number;
  /** Arabic hits left alone */
  skippedArabic: number;
  /** English mentions dropped (a replacement straddled their edge) */
  droppedMentions: number;
  samples: ReplaceSample[];
}

/**
 * Replaces every hit in the English target sentences of `a` (pure; `a` is not changed). Mentions
 * follow shared/text/replace-spans.ts (kept outside or wholly inside a replacement, dropped when
 * straddled); entities and everything else are left as they are.
 */
export function replaceInAnnotations(a: Annotations, searcher: Searcher, template: string, modified: string): ReplacedAnnotations {
  const rows = rowsOf(a);
  let replacements = 0;
  let skippedArabic = 0;
  const dropped = new Set<string>();
  const moved = new Map<string, { start: number; end: number; text: string }>();
  const samples: ReplaceSample[] = [];
  for (const s of a.segments) if (rows.has(s.id)) skippedArabic += searchText(s.text, searcher).length;
  const targets = a.targets.map((t) => {
    const spans = searchText(t.text, searcher);
    if (!spans.length) return t;
    const edits: TextEdit[] = [];
    for (const sp of spans) {
      const by = searcher.kind === 'regex' ? regexReplacement(t.text, sp, searcher.regex, template) : template;
      if (by !== null) edits.push({ ...sp, text: by });
    }
    const mentions = a.mentions.filter((m) => m.side === 'en' && m.sentence === t.id);
    const r = applyTextEdits(t.text, edits, mentions);
    for (const id of r.dropped) dropped.add(id);
    const map = new OffsetMap(r.text);
    for (const m of r.spans) moved.set(m.id, { start: m.start, end: m.end, text: map.slice(m.start, m.end) });
    replacements += edits.length;
    if (samples.length < PREVIEW_SAMPLES && r.text !== t.text) samples.push({ row: rows.get(t.id) ?? -1, before: t.text, after: r.text });
    return { ...t, text: r.text };
  });
  if (!replacements) return { annotations: a, replacements, skippedArabic, droppedMentions: 0, samples };
  const mentions = a.mentions.filter((m) => !dropped.has(m.id)).map((m) => {
    const n = moved.get(m.id);
    return n ? { ...m, ...n } : m;
  });
  return { annotations: { ...a, targets, mentions, modified }, replacements, skippedArabic, droppedMentions: dropped.size, samples };
}

