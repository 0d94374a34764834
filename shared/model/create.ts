// Building a fresh annotation file for a source that has none yet.
import { FORMAT_NAME, FORMAT_VERSION, OFFSET_UNIT } from './schema.ts';
import type { Annotations, SourceInfo, Span } from './types.ts';
import { OffsetMap } from '../text/offsets.ts';

export const TOOL_NAME = 'muwazi';
export const TOOL_VERSION = '0.1.0';

/**
 * A new annotation file: one source segment per span (code points into `text`), one alignment
 * unit per segment, no translation yet. `now` is injected so output is deterministic in tests.
 */
export function createAnnotations(source: SourceInfo, text: string, spans: Span[], now: string): Annotations {
  const map = new OffsetMap(text);
  const segments = spans.map((s, i) => ({
    id: 's' + (i + 1),
    start: s.start,
    end: s.end,
    text: map.slice(s.start, s.end),
    origin: 'auto' as const,
  }));
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    offsetUnit: OFFSET_UNIT,
    source,
    target: { language: 'en' },
    created: now,
    modified: now,
    segments,
    targets: [],
    units: segments.map((s, i) => ({
      id: 'u' + (i + 1),
      source: [s.id],
      target: [],
      status: 'auto' as const,
      origin: 'segmenter' as const,
      confirmed: false,
    })),
    entities: [],
    mentions: [],
  };
}
