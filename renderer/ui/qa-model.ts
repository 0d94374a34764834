// What the QA panel and the QA report dialog show, as plain data (pure; tested in Node): findings
// grouped by check in the checks' stable order, one-line messages through i18next, counts per check
// and per report, and the settings' disabled list.
import type { TFunction } from 'i18next';
import { QA_CHECKS, SEVERITY_ORDER, isQaCheckId, type QaCheckId, type QaSeverity } from '../../shared/qa/types.ts';

/** The fields of a finding the UI reads (QaFinding from the editor, QaFindingJson from the host). */
export interface ShownFinding {
  check: string;
  severity: QaSeverity;
  unit: string;
  row: number;
  messageKey: string;
  params: Record<string, string | number>;
  /** the host's English message (QaFindingJson), used when the key has no translation */
  message?: string;
}

/** One group of the panel: a check and its findings in row order. */
export interface FindingGroup<F extends ShownFinding> {
  check: string;
  /** the most serious severity in the group */
  severity: QaSeverity;
  findings: F[];
}

/** Findings grouped by check, groups in QA_CHECKS order (unknown ids last), rows ascending. */
export function groupByCheck<F extends ShownFinding>(findings: readonly F[]): FindingGroup<F>[] {
  const by = new Map<string, F[]>();
  for (const f of findings) by.set(f.check, [...(by.get(f.check) ?? []), f]);
  const order = (c: string) => (isQaCheckId(c) ? QA_CHECKS.indexOf(c) : QA_CHECKS.length);
  return [...by]
    .sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]))
    .map(([check, list]) => ({
      check,
      severity: SEVERITY_ORDER.find((s) => list.some((f) => f.severity === s)) ?? 'info',
      findings: [...list].sort((a, b) => a.row - b.row),
    }));
}

/** The one-line message of a finding in the UI language (qa.msg.<key>), else the host's English. */
export function findingMessage(t: TFunction, f: ShownFinding): string {
  const key = `qa.msg.${f.messageKey}`;
  const text = t(key, { ...f.params, defaultValue: '' }) as string;
  return text && text !== key ? text : f.message ?? f.messageKey;
}

/** A check's display name (qa.check.<id>), else the id. */
export function checkName(t: TFunction, check: string): string {
  return t(`qa.check.${check}`, { defaultValue: check }) as string;
}

/** Counts of a folder run: per check (QA_CHECKS order) and per report file (most findings first). */
export function folderCounts(findings: ReadonlyArray<{ file: string; path: string; check: string; severity: QaSeverity }>): {
  byCheck: Array<{ check: string; count: number; errors: number }>;
  byReport: Array<{ file: string; path: string; count: number; errors: number }>;
  errors: number;
} {
  const byCheck = new Map<string, { count: number; errors: number }>();
  const byReport = new Map<string, { file: string; path: string; count: number; errors: number }>();
  let errors = 0;
  for (const f of findings) {
    const e = f.severity === 'error' ? 1 : 0;
    errors += e;
    const c = byCheck.get(f.check) ?? { count: 0, errors: 0 };
    byCheck.set(f.check, { count: c.count + 1, errors: c.errors + e });
    const r = byReport.get(f.path) ?? { file: f.file, path: f.path, count: 0, errors: 0 };
    byReport.set(f.path, { ...r, count: r.count + 1, errors: r.errors + e });
  }
  const order = (c: string) => (isQaCheckId(c) ? QA_CHECKS.indexOf(c) : QA_CHECKS.length);
  return {
    byCheck: [...byCheck].map(([check, v]) => ({ check, ...v })).sort((a, b) => order(a.check) - order(b.check)),
    byReport: [...byReport.values()].sort((a, b) => b.count - a.count || a.file.localeCompare(b.file)),
    errors,
  };
}

/** `settings` with `disabled` as its QA checks switched off (no `qa` key when none is: the
 * project file stays as it was for projects that never used it). */
export function withQaDisabled<S extends { qa?: { disabled: string[] } }>(settings: S, disabled: readonly string[]): S {
  const { qa: _old, ...rest } = settings;
  return (disabled.length ? { ...rest, qa: { disabled: QA_CHECKS.filter((c) => disabled.includes(c)) } } : rest) as S;
}

/** The checks switched off in project settings (unknown ids dropped). */
export function disabledChecks(settings: object | null | undefined): QaCheckId[] {
  const qa = (settings as { qa?: { disabled?: unknown } } | null | undefined)?.qa;
  return Array.isArray(qa?.disabled) ? qa.disabled.filter((x): x is QaCheckId => typeof x === 'string' && isQaCheckId(x)) : [];
}
