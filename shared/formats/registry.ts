// Format name → writer factory: the one place the host and tests get a writer from.
import type { ExportFormat, ExportOptions } from '../contract/host.ts';
import { bratWriter } from './brat.ts';
import { conllWriter } from './conll.ts';
import { jsonlWriter } from './jsonl.ts';
import { mosesWriter } from './moses.ts';
import { spansWriter } from './spans.ts';
import { tmxWriter } from './tmx.ts';
import { tsvWriter } from './tsv.ts';
import { ExportStats, type Chunk, type ExportReport, type FormatWriter, type WriterContext } from './writer.ts';
import { xliffWriter } from './xliff.ts';
import { xliff12Writer } from './xliff12.ts';

const factories: Record<ExportFormat, (ctx: WriterContext) => FormatWriter> = {
  tmx: tmxWriter,
  xliff: xliffWriter,
  xliff12: xliff12Writer,
  moses: mosesWriter,
  tsv: tsvWriter,
  jsonl: jsonlWriter,
  conll: conllWriter,
  brat: bratWriter,
  spans: spansWriter,
};

/** Formats whose rows carry entity spans (the Arabic is never normalised for them). */
export const ENTITY_FORMATS: readonly ExportFormat[] = ['conll', 'brat', 'spans'];

/** A fresh writer (writers keep per-export state such as the dedupe set). */
export function createWriter(format: ExportFormat, ctx: WriterContext): FormatWriter {
  return factories[format](ctx);
}

/** Everything one export produced, held in memory (tests, small single-report exports). */
export interface InMemoryExport {
  /** output key (see Chunk.out) → full text */
  outputs: Record<string, string>;
  stats: ExportStats;
}

/** Runs a whole export in memory. Use the host's streaming runExport for folders. */
export function exportToStrings(format: ExportFormat, reports: Iterable<ExportReport>, options: ExportOptions = {}, normalizeArabic?: (t: string) => string): InMemoryExport {
  const stats = new ExportStats();
  const writer = createWriter(format, { options, stats, normalizeArabic });
  const parts: Record<string, string[]> = {};
  const add = (chunks: Iterable<Chunk>) => {
    for (const c of chunks) (parts[c.out] ??= []).push(c.text);
  };
  add(writer.header());
  for (const r of reports) {
    add(writer.report(r));
    stats.reports++;
  }
  add(writer.footer());
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(parts)) outputs[k] = v.join('');
  return { outputs, stats };
}
