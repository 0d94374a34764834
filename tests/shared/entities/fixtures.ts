// Small annotated reports for the entity tests: Arabic source text, one segment per line, each
// row linked to the English sentence given for it.
import { createAnnotations } from '../../../shared/model/create.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { cpLength } from '../../../shared/text/offsets.ts';

/** An annotated report: the source is the Arabic lines joined by '\n', row i gets English line i. */
export function makeReport(arLines: string[], enLines: string[] = [], file = 'r.txt'): { text: string; annotations: Annotations } {
  const text = arLines.join('\n');
  const spans: Array<{ start: number; end: number }> = [];
  let pos = 0;
  for (const line of arLines) {
    const n = cpLength(line);
    spans.push({ start: pos, end: pos + n });
    pos += n + 1;
  }
  const a = createAnnotations(
    { file, sha256: '0'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' },
    text,
    spans,
    '2024-01-01T00:00:00.000Z',
  );
  a.targets = enLines.map((t, i) => ({ id: 't' + (i + 1), text: t }));
  a.units = a.units.map((u, i) => ({ ...u, target: i < enLines.length ? ['t' + (i + 1)] : [] }));
  return { text, annotations: a };
}

/** Code-point offset of the `nth` (0-based) occurrence of `needle` in `text`. */
export function cpIndexOf(text: string, needle: string, nth = 0): number {
  let u = -1;
  for (let i = 0; i <= nth; i++) {
    u = text.indexOf(needle, u + 1);
    if (u < 0) throw new Error(`"${needle}" not found ${nth + 1} times`);
  }
  return cpLength(text.slice(0, u));
}
