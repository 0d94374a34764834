// What every export format implements, and the running tally a folder export keeps. A writer is
// fed one report at a time and returns text chunks tagged with the output they belong to, so the
// host can stream a whole folder to disk with flat memory.
import type { ExportFormat, ExportOptions } from '../contract/host.ts';
import type { Annotations } from '../model/types.ts';

/** One report as the exporters see it. */
export interface ExportReport {
  /** the report's name: its file name without `.txt` (unique within an export) */
  name: string;
  /** the decoded source text; side 'ar' mention offsets are code points into it */
  text: string;
  annotations: Annotations;
}

/**
 * A piece of output. `out` names the output it belongs to:
 * - '' for single-file formats (tmx, xliff, xliff12, tsv, jsonl, spans);
 * - 'ar' or 'en' for paired formats (moses, conll);
 * - a relative file name for per-report files (brat: `<name>.ar.txt`, `<name>.ar.ann`, ...).
 */
export interface Chunk {
  out: string;
  text: string;
}

/** How a format lays its output out on disk (see electron/host/export.ts for the file names). */
export type Layout =
  /** one file */
  | { kind: 'single'; ext: string }
  /** one file per language, same line structure, named `<prefix><suffix>` */
  | { kind: 'pair'; suffixes: { ar: string; en: string } }
  /** a folder of per-report files; each report's files are complete when its chunks end */
  | { kind: 'folder' };

/** Settings shared by all writers. */
export interface WriterContext {
  options: ExportOptions;
  stats: ExportStats;
  /** Arabic normaliser applied to exported Arabic text when options.normalizeArabic is set */
  normalizeArabic?: (text: string) => string;
  /** headwords of the app's word list (wordListWords): known words for Arabic clitic splitting */
  wordList?: ReadonlySet<string>;
}

/** An export format: header, then each report in order, then footer. Pure and deterministic. */
export interface FormatWriter {
  format: ExportFormat;
  layout: Layout;
  header(): Chunk[];
  report(r: ExportReport): Iterable<Chunk>;
  footer(): Chunk[];
}

/** Fixed text of a single-file format around the reports' text. */
export interface SingleFileParts {
  /** written once before the first report (even when no row passes) */
  header?: string;
  /** written once after the last report */
  footer?: string;
  /** the text of one report, in pieces */
  report(r: ExportReport): Iterable<string>;
}

/** A writer for a format that writes one file: every chunk goes to output ''. */
export function singleFileWriter(format: ExportFormat, ext: string, parts: SingleFileParts): FormatWriter {
  const fixed = (text: string | undefined): Chunk[] => (text ? [{ out: '', text }] : []);
  return {
    format,
    layout: { kind: 'single', ext },
    header: () => fixed(parts.header),
    *report(r: ExportReport): Iterable<Chunk> {
      for (const text of parts.report(r)) yield { out: '', text };
    },
    footer: () => fixed(parts.footer),
  };
}

/** Why a row was left out of an export. */
export type SkipReason =
  | 'untranslated'
  | 'below-min-status'
  | 'not-one-to-one'
  | 'duplicate'
  | 'no-source'
  | 'broken-reference'
  /** a whole report (entity formats, folder export): no entity was ever tagged in it, so all-O data
   * would teach a model that its names are not names; kept with includeUnannotated */
  | 'unannotated-report';

/** At most this many warnings are kept; the rest are counted in one final warning. */
const MAX_WARNINGS = 500;

/** Running totals of an export, turned into the contract's ExportSummary at the end. */
export class ExportStats {
  /** rows (or entity sentences) written */
  rows = 0;
  /** reports processed */
  reports = 0;
  /** bidi control characters (ALM, LRM, RLM, embeddings, overrides, isolates) written unchanged */
  bidiControls = 0;
  /** reason → rows skipped for it */
  readonly skipped = new Map<SkipReason, number>();
  private readonly warningList: string[] = [];
  private extraWarnings = 0;

  skip(reason: SkipReason): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  warn(message: string): void {
    if (this.warningList.length < MAX_WARNINGS) this.warningList.push(message);
    else this.extraWarnings++;
  }

  /** Counts the bidi controls in text that is written out. */
  countBidi(text: string): void {
    const m = text.match(BIDI_CONTROLS);
    if (m) this.bidiControls += m.length;
  }

  /** Warnings in the order they happened (plus a count of those over the cap). */
  get warnings(): string[] {
    return this.extraWarnings ? [...this.warningList, `… and ${this.extraWarnings} more warnings`] : [...this.warningList];
  }

  /** Skipped rows by reason, sorted by reason for deterministic output. */
  get skippedList(): { reason: string; count: number }[] {
    return [...this.skipped.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([reason, count]) => ({ reason, count }));
  }
}

/** U+061C ALM, U+200E LRM, U+200F RLM, U+202A–U+202E embeddings/overrides, U+2066–U+2069 isolates. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
