// A report's rows as the project memory sees them: each row's Arabic (its source segments' texts
// joined with a space) and English (its target sentences' texts joined with a space), as the
// exports join them (shared/formats/rows.ts). Every row is searchable by the concordance; a row with
// English is also a translation unit.
import type { Annotations } from '../model/types.ts';
import type { ConcordanceRow } from './concordance.ts';
import type { TmUnitInput } from './memory.ts';

/** The rows of a report and the translation units among them. */
export interface ReportRows {
  /** every row with Arabic, in row order */
  rows: ConcordanceRow[];
  /** the rows with English */
  units: TmUnitInput[];
}

const joined = (texts: string[]) => texts.map((t) => t.trim()).filter(Boolean).join(' ');

/** Rows and units of one report; `file` is its path relative to the project, `path` its absolute path. */
export function reportRows(a: Annotations, file: string, path: string): ReportRows {
  const segs = new Map(a.segments.map((s) => [s.id, s.text]));
  const tgts = new Map(a.targets.map((t) => [t.id, t.text]));
  const rows: ConcordanceRow[] = [];
  const units: TmUnitInput[] = [];
  a.units.forEach((u, row) => {
    const ar = joined(u.source.map((id) => segs.get(id) ?? ''));
    const en = joined(u.target.map((id) => tgts.get(id) ?? ''));
    if (!ar && !en) return;
    rows.push({ file, path, row, unit: u.id, ar, en });
    if (ar && en) units.push({ ar, en, origin: { kind: 'report', file, row }, unit: u.id });
  });
  return { rows, units };
}
