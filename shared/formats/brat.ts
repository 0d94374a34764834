// brat standoff: per report and side, `<name>.<lang>.txt` (one sentence per line) and
// `<name>.<lang>.ann`. brat's offsets are Python string indices, i.e. Unicode CODE POINTS (not
// UTF-16 units, not bytes), half-open: text[start:end] is the mention. Line breaks inside a
// sentence become spaces one for one, so offsets are unchanged. Each text-bound annotation
// (T) gets an AnnotatorNotes line (#) naming its entity id, which links mentions across sides.
import type { Side } from '../model/types.ts';
import { cpLength } from '../text/offsets.ts';
import { DedupeSet } from './rows.ts';
import { entitySentences } from './entity-sentences.ts';
import type { Chunk, ExportReport, FormatWriter, WriterContext } from './writer.ts';

/** Every line-breaking character, replaced one for one by a space in brat text. */
const BREAK = /[\r\n\u000B\u000C\u0085\u2028\u2029]/g;

export function bratWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  return {
    format: 'brat',
    layout: { kind: 'folder' },
    header: () => [],
    *report(r: ExportReport): Iterable<Chunk> {
      const txt: Record<Side, string[]> = { ar: [], en: [] };
      const ann: Record<Side, string[]> = { ar: [], en: [] };
      const offset: Record<Side, number> = { ar: 0, en: 0 };
      const count: Record<Side, number> = { ar: 0, en: 0 };
      for (const s of entitySentences(r, ctx, dedupe, 'both')) {
        const base = offset[s.lang];
        const line = s.text.replace(BREAK, ' ');
        txt[s.lang].push(line + '\n');
        for (const sp of s.spans) {
          const n = ++count[s.lang];
          const text = sp.text.replace(BREAK, ' ');
          ann[s.lang].push(`T${n}\t${sp.label} ${base + sp.start} ${base + sp.end}\t${text}\n`);
          ann[s.lang].push(`#${n}\tAnnotatorNotes T${n}\tentity ${sp.entity}\n`);
        }
        offset[s.lang] = base + cpLength(line) + 1;
      }
      // always write all four files, so every report has a complete brat document per side
      for (const lang of ['ar', 'en'] as const) {
        yield { out: `${r.name}.${lang}.txt`, text: txt[lang].join('') };
        yield { out: `${r.name}.${lang}.ann`, text: ann[lang].join('') };
      }
    },
    footer: () => [],
  };
}
