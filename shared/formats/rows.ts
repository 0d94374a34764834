// Annotations → export rows: one row per alignment unit, in unit order, with the options applied
// (status floor, 1-1 only, dedupe, untranslated rows). Every format goes through `selectRows`, so
// filtering and the skipped-row tally are the same everywhere.
import type { ExportOptions } from '../contract/host.ts';
import type { AlignmentUnit, Annotations, Mention, RowStatus, SourceSegment, TargetSentence } from '../model/types.ts';
import { OffsetMap } from '../text/offsets.ts';
import type { ExportReport, ExportStats, WriterContext } from './writer.ts';

/** One alignment unit, ready to write. */
export interface ExportRow {
  /** stable id: `<report>#<unit id>` */
  id: string;
  /** report name */
  report: string;
  /** the unit id (u12) */
  unit: string;
  /** 1-based row number in the editor */
  index: number;
  /** the Arabic source segments joined with a space (normalised when the option is set) */
  ar: string;
  /** the English target sentences joined with a space ('' when untranslated) */
  en: string;
  status: RowStatus;
  /** link type "n-m": source segment count, target sentence count */
  link: string;
  /** the source segments, in order (their `text` is the sliced source, never normalised) */
  segments: SourceSegment[];
  /** the target sentences, in order */
  targets: TargetSentence[];
}

/** Row statuses from least to most finished. */
export const STATUS_ORDER: readonly RowStatus[] = ['auto', 'draft', 'translated', 'reviewed'];

/** Where a row lives, for warnings: `report "x", row 3 (u3)`. */
export function rowLabel(row: Pick<ExportRow, 'report' | 'index' | 'unit'>): string {
  return `report "${row.report}", row ${row.index} (${row.unit})`;
}

/** Keys of the rows already written, for `dedupe` across a whole folder export. */
export class DedupeSet {
  private readonly seen = new Set<string>();
  /** true the first time a (ar, en) pair is seen */
  add(ar: string, en: string): boolean {
    const key = ar + '\u0000' + en;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

/** Options of `selectRows` beyond the user's ExportOptions. */
export interface SelectContext {
  options: ExportOptions;
  stats: ExportStats;
  /** shared across the reports of one export when options.dedupe is set */
  dedupe?: DedupeSet;
  /** applied to `ar` when options.normalizeArabic is set (parallel formats only) */
  normalizeArabic?: (text: string) => string;
}

/** The rows of one report that pass the options, in order; skipped rows are tallied in stats. */
export function* selectRows(report: ExportReport, ctx: SelectContext): Generator<ExportRow> {
  const a = report.annotations;
  const map = new OffsetMap(report.text);
  const segs = new Map(a.segments.map((s) => [s.id, s]));
  const tgts = new Map(a.targets.map((t) => [t.id, t]));
  const floor = ctx.options.minStatus ? STATUS_ORDER.indexOf(ctx.options.minStatus) : 0;
  let index = 0;
  for (const unit of a.units) {
    index++;
    const row = buildRow(report, unit, index, segs, tgts, map, ctx);
    if (typeof row === 'string') {
      ctx.stats.skip(row);
      continue;
    }
    if (STATUS_ORDER.indexOf(row.status) < floor) ctx.stats.skip('below-min-status');
    else if (ctx.options.onlyOneToOne && row.link !== '1-1') ctx.stats.skip('not-one-to-one');
    else if (!row.en.trim() && !ctx.options.keepUntranslated) ctx.stats.skip('untranslated');
    else if (ctx.options.dedupe && ctx.dedupe && !ctx.dedupe.add(row.ar, row.en)) ctx.stats.skip('duplicate');
    else yield row;
  }
}

/** The rows a parallel format writes (`selectRows` with the export's shared dedupe set), each
 * counted in stats as written, with its bidi controls. */
export function* writtenRows(report: ExportReport, ctx: WriterContext, dedupe: DedupeSet): Generator<ExportRow> {
  for (const row of selectRows(report, { ...ctx, dedupe })) {
    ctx.stats.countBidi(row.ar + row.en);
    ctx.stats.rows++;
    yield row;
  }
}

function buildRow(
  report: ExportReport,
  unit: AlignmentUnit,
  index: number,
  segs: Map<string, SourceSegment>,
  tgts: Map<string, TargetSentence>,
  map: OffsetMap,
  ctx: SelectContext,
): ExportRow | 'no-source' | 'broken-reference' {
  const label = `report "${report.name}", row ${index} (${unit.id})`;
  if (unit.source.length === 0) return 'no-source';
  const segments: SourceSegment[] = [];
  for (const id of unit.source) {
    const s = segs.get(id);
    if (!s || s.end > map.cpLength || s.start > s.end) {
      ctx.stats.warn(`${label}: source segment ${id} is missing or outside the text; row skipped`);
      return 'broken-reference';
    }
    // the source text is authoritative; the stored copy is only a check
    segments.push({ ...s, text: map.slice(s.start, s.end) });
  }
  const targets: TargetSentence[] = [];
  for (const id of unit.target) {
    const t = tgts.get(id);
    if (!t) {
      ctx.stats.warn(`${label}: target sentence ${id} is missing; row skipped`);
      return 'broken-reference';
    }
    targets.push(t);
  }
  let ar = segments.map((s) => s.text.trim()).filter(Boolean).join(' ');
  if (ctx.options.normalizeArabic && ctx.normalizeArabic) ar = ctx.normalizeArabic(ar);
  const en = targets.map((t) => t.text.trim()).filter(Boolean).join(' ');
  return {
    id: `${report.name}#${unit.id}`,
    report: report.name,
    unit: unit.id,
    index,
    ar,
    en,
    status: unit.status,
    link: `${segments.length}-${targets.length}`,
    segments,
    targets,
  };
}

/** Mentions grouped by the sentence (segment or target id) holding them, each list by start. */
export function mentionsBySentence(a: Annotations): Map<string, Mention[]> {
  const by = new Map<string, Mention[]>();
  for (const m of a.mentions) {
    const key = m.side + ':' + m.sentence;
    const list = by.get(key);
    if (list) list.push(m);
    else by.set(key, [m]);
  }
  for (const list of by.values()) list.sort((x, y) => x.start - y.start || y.end - x.end);
  return by;
}
