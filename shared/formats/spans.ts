// Entity spans as JSON Lines: one record per sentence (both languages), with the offset unit
// declared in every record. Offsets count Unicode code points into `text`, half-open: in Python,
// text[start:end] == span text; in JavaScript use Array.from(text) or shared/text/offsets.ts.
import { OFFSET_UNIT } from '../model/schema.ts';
import { DedupeSet } from './rows.ts';
import { entitySentences, type SentenceSpan } from './entity-sentences.ts';
import { singleFileWriter, type ExportReport, type FormatWriter, type WriterContext } from './writer.ts';

/** One spans JSONL record. */
export interface SpansRecord {
  /** `<report>#<sentence id>` */
  id: string;
  report: string;
  /** segment id (ar) or target sentence id (en) */
  sentence: string;
  /** the alignment unit holding the sentence: ar and en sentences of one unit are translations */
  unit: string;
  lang: 'ar' | 'en';
  text: string;
  /** always "codepoint" */
  offsetUnit: typeof OFFSET_UNIT;
  spans: SentenceSpan[];
}

export function spansWriter(ctx: WriterContext): FormatWriter {
  const dedupe = new DedupeSet();
  return singleFileWriter('spans', '.spans.jsonl', {
    *report(r: ExportReport) {
      for (const s of entitySentences(r, ctx, dedupe, 'both')) {
        const rec: SpansRecord = {
          id: s.id,
          report: s.report,
          sentence: s.sentence,
          unit: s.row.unit,
          lang: s.lang,
          text: s.text,
          offsetUnit: OFFSET_UNIT,
          spans: s.spans.map((x) => ({ start: x.start, end: x.end, label: x.label, text: x.text, entity: x.entity, mention: x.mention })),
        };
        yield JSON.stringify(rec) + '\n';
      }
    },
  });
}
