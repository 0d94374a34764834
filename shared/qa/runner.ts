// Runs the checks: one row (the editor re-checks only the edited row), one report, or a project
// (row checks per report plus consistency across every report). Findings come in a fixed order:
// file, row, then the check's place in QA_CHECKS, then the order the check produced them.
import type { Annotations } from '../model/types.ts';
import { checkConsistency } from './consistency.ts';
import { checkEntities } from './entities.ts';
import { checkEntityTypes } from './entity-types.ts';
import { checkLength } from './length.ts';
import { checkNumbers } from './numbers.ts';
import { checkPunctuation } from './punctuation.ts';
import { qaRowsOf } from './rows.ts';
import { checkSpacing } from './spacing.ts';
import { checkSourceCopied, checkUntranslated } from './untranslated.ts';
import { QA_CHECKS, type QaCheckId, type QaContext, type QaFinding, type QaRow } from './types.ts';

/** The row-local checks, by id (inconsistent-translation needs every row: checkConsistency). */
const ROW_CHECKS: ReadonlyArray<[QaCheckId, (row: QaRow, ctx: QaContext) => QaFinding[]]> = [
  ['number-mismatch', checkNumbers],
  ['entity-missing', checkEntities],
  ['untranslated', checkUntranslated],
  ['source-copied', checkSourceCopied],
  ['punctuation', checkPunctuation],
  ['spacing', checkSpacing],
  ['length', checkLength],
];

/** Every row-local finding of `row`, without the checks it ignores or the context disables. */
export function checkRow(row: QaRow, ctx: QaContext): QaFinding[] {
  const out: QaFinding[] = [];
  for (const [id, check] of ROW_CHECKS) {
    if (ctx.disabled?.includes(id) || row.qaIgnore?.includes(id)) continue;
    out.push(...check(row, ctx));
  }
  return out;
}

const checkRank = new Map<string, number>(QA_CHECKS.map((c, i) => [c, i]));

/** Sorts findings by file, row and check (stable: a check's own order is kept). */
export function sortFindings<F extends QaFinding & { file?: string }>(findings: F[]): F[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) =>
      (x.f.file ?? '') < (y.f.file ?? '') ? -1 : (x.f.file ?? '') > (y.f.file ?? '') ? 1
        : x.f.row - y.f.row || (checkRank.get(x.f.check)! - checkRank.get(y.f.check)!) || x.i - y.i)
    .map((x) => x.f);
}

/** The checks that compare rows (inconsistent-translation, entity-type-conflict) over the rows given. */
export function checkAcrossRows<R extends QaRow & { file?: string }>(rows: ReadonlyArray<R>, ctx: QaContext): Array<QaFinding & { file?: string }> {
  return [...checkConsistency(rows, ctx), ...checkEntityTypes(rows, ctx)];
}

/** Every finding of one report (its rows, and the checks across its rows). */
export function checkReport(a: Annotations, ctx: QaContext): QaFinding[] {
  const rows = qaRowsOf(a);
  return sortFindings([...rows.flatMap((r) => checkRow(r, ctx)), ...checkAcrossRows(rows, ctx)]);
}

/** Every finding of a project: each report's rows, and the checks across all reports' rows. */
export function checkProject(reports: ReadonlyArray<{ file: string; annotations: Annotations }>, ctx: QaContext): Array<QaFinding & { file: string }> {
  const out: Array<QaFinding & { file: string }> = [];
  const all: Array<QaRow & { file: string }> = [];
  for (const { file, annotations } of reports) {
    for (const r of qaRowsOf(annotations)) {
      all.push({ ...r, file });
      for (const f of checkRow(r, ctx)) out.push({ ...f, file });
    }
  }
  for (const f of checkAcrossRows(all, ctx)) out.push(f as QaFinding & { file: string });
  return sortFindings(out);
}

/** A finding's message in the UI language: `t` is i18next's (or any) translate function. */
export function qaMessage(f: Pick<QaFinding, 'messageKey' | 'params'>, t: (key: string, params: Record<string, unknown>) => string): string {
  return t(`qa.msg.${f.messageKey}`, f.params);
}
