// Public types of the QA checks (issue 12): one finding per problem in a row, with a stable check id
// users can switch off (Project Settings → QA) or ignore per row (unit.qaIgnore in the sidecar).
// Pure: used by the editor's QA panel, the folder report, the CLI (`muwazi qa`) and the export gate.
import type { GlossaryEntry } from '../entities/glossary.ts';

/** Every check family, by its stable id (the CLI's `--checks`, the sidecar's `qaIgnore`, settings). */
export const QA_CHECKS = [
  'number-mismatch',
  'entity-missing',
  'untranslated',
  'source-copied',
  'inconsistent-translation',
  'punctuation',
  'spacing',
  'length',
  'entity-type-conflict',
] as const;

export type QaCheckId = (typeof QA_CHECKS)[number];

export type QaSeverity = 'error' | 'warning' | 'info';

/** Severities from most to least serious (`--fail-on warning` fails on error and warning). */
export const SEVERITY_ORDER: readonly QaSeverity[] = ['error', 'warning', 'info'];

/** One problem found in one row. */
export interface QaFinding {
  check: QaCheckId;
  severity: QaSeverity;
  /** the row's alignment unit id (u12) */
  unit: string;
  /** 0-based row index in the report's row (unit) order */
  row: number;
  /** i18n key of the message under `qa.msg.` in shared/i18n/{en,ar}.json (e.g. 'numberMissingEn') */
  messageKey: string;
  /** interpolation values of the message (numbers as strings as written in the text); the UI shows
   * t(`qa.msg.${messageKey}`, params), the CLI and reports render the English from the same en.json */
  params: Record<string, string | number>;
  /** the row's Arabic (source segments joined with a space) */
  ar: string;
  /** the row's English (target sentences joined with a space) */
  en: string;
}

/** One row as the checks see it (built from a sidecar by the runner, or from the editor's row node). */
export interface QaRow {
  /** the alignment unit id (u12) */
  unit: string;
  /** 0-based row index in the report's row order */
  row: number;
  /** Arabic source segments joined with a space ('' for a 0-1 row) */
  ar: string;
  /** English target sentences joined with a space ('' when untranslated) */
  en: string;
  /** the row's Arabic mentions, each with the English renderings its entity has in the report
   * (entity.en and the texts of the entity's English mentions anywhere in the report), for entity-missing */
  mentions: ReadonlyArray<{ text: string; type: string; renderings: readonly string[] }>;
  /** check ids the user ignored for this row (unit.qaIgnore) */
  qaIgnore?: readonly string[];
}

/** What the checks may use beyond the report itself. */
export interface QaContext {
  /** the project glossary (entity-missing's glossary terms) */
  glossary?: readonly GlossaryEntry[];
  /** checks switched off (project settings or the CLI's --checks) */
  disabled?: readonly QaCheckId[];
}

export function isQaCheckId(s: string): s is QaCheckId {
  return (QA_CHECKS as readonly string[]).includes(s);
}
