// The sentences the entity formats (CoNLL, brat, spans) write: every source segment and target
// sentence of the selected rows, with its mentions as code-point spans relative to the sentence.
// Mentions that do not fit (outside the sentence, text mismatch, overlapping another) are dropped
// with a warning, so every span written slices its sentence to exactly the mention text.
import type { Side } from '../model/types.ts';
import { OffsetMap, cpLength } from '../text/offsets.ts';
import { mentionsBySentence, rowLabel, selectRows, DedupeSet, type ExportRow } from './rows.ts';
import type { ExportReport, WriterContext } from './writer.ts';

/** A mention inside one sentence. */
export interface SentenceSpan {
  /** code points into the sentence text, half-open */
  start: number;
  end: number;
  /** tag type (PER, ORG, ...) */
  label: string;
  /** the mention text (equals the sentence sliced by start/end) */
  text: string;
  /** entity id: mentions of one entity (on either side) share it */
  entity: string;
  /** mention id */
  mention: string;
}

/** One sentence of one side. */
export interface EntitySentence {
  /** `<report>#<segment or target id>` */
  id: string;
  report: string;
  /** segment id (ar) or target sentence id (en) */
  sentence: string;
  lang: Side;
  text: string;
  /** non-overlapping, sorted by start */
  spans: SentenceSpan[];
  /** the row it belongs to */
  row: ExportRow;
}

/**
 * The sentences of a report for `lang`, in row order. Rows are chosen by `selectRows` with the
 * export's options except that rows without English are always kept: entity data is the Arabic
 * side of every row (and the English where present), since an Arabic-only NER annotator has no
 * English at all and would otherwise export nothing. min-status, 1-1 only and dedupe still apply;
 * `dedupe` is that export's shared set.
 */
export function* entitySentences(
  r: ExportReport,
  ctx: WriterContext,
  dedupe: DedupeSet,
  lang: Side | 'both',
  /** count the bidi controls of the sentence texts (false when the format does not write them) */
  countBidi = true,
): Generator<EntitySentence> {
  const by = mentionsBySentence(r.annotations);
  // normalising would move offsets away from the text the mentions slice: never for entities
  const rowCtx = { ...ctx, options: { ...ctx.options, normalizeArabic: false, keepUntranslated: true }, dedupe };
  for (const row of selectRows(r, rowCtx)) {
    ctx.stats.rows++;
    if (lang !== 'en') {
      for (const s of row.segments) {
        yield sentence(r.name, row, 'ar', s.id, s.text, s.start, by.get('ar:' + s.id) ?? [], ctx, countBidi);
      }
    }
    if (lang !== 'ar') {
      for (const t of row.targets) {
        yield sentence(r.name, row, 'en', t.id, t.text, 0, by.get('en:' + t.id) ?? [], ctx, countBidi);
      }
    }
  }
}

function sentence(
  report: string,
  row: ExportRow,
  lang: Side,
  id: string,
  text: string,
  base: number,
  mentions: { id: string; start: number; end: number; text: string; type: string; entity: string }[],
  ctx: WriterContext,
  countBidi: boolean,
): EntitySentence {
  if (countBidi) ctx.stats.countBidi(text);
  const map = new OffsetMap(text);
  const len = cpLength(text);
  const spans: SentenceSpan[] = [];
  let lastEnd = 0;
  for (const m of mentions) {
    const start = m.start - base;
    const end = m.end - base;
    const where = `${rowLabel(row)}, mention ${m.id} "${m.text}"`;
    if (start < 0 || end > len || start >= end) {
      ctx.stats.warn(`${where}: outside its sentence ${id}; left out`);
      continue;
    }
    const slice = map.slice(start, end);
    if (slice !== m.text) {
      ctx.stats.warn(`${where}: the text at its offsets is "${slice}"; left out`);
      continue;
    }
    if (start < lastEnd) {
      ctx.stats.warn(`${where}: overlaps another mention (nested entities cannot be written); left out`);
      continue;
    }
    spans.push({ start, end, label: m.type, text: m.text, entity: m.entity, mention: m.id });
    lastEnd = end;
  }
  return { id: `${report}#${id}`, report, sentence: id, lang, text, spans, row };
}
