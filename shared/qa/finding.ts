// The one way a check builds a finding from its row (so every check fills the same fields).
import type { QaCheckId, QaFinding, QaRow, QaSeverity } from './types.ts';

/** A finding of `check` in `row`; the message is `qa.msg.<messageKey>` with `params`. */
export function finding(row: QaRow, check: QaCheckId, severity: QaSeverity, messageKey: string, params: Record<string, string | number> = {}): QaFinding {
  return { check, severity, unit: row.unit, row: row.row, messageKey, params, ar: row.ar, en: row.en };
}
