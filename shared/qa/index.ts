// QA checks (issue 12): the public API used by the editor's QA panel, the host's folder report,
// the CLI (`muwazi qa`) and the export gate. One module per check family; see docs/qa.md.
export { checkAcrossRows, checkRow, checkReport, checkProject, qaMessage, sortFindings } from './runner.ts';
export { checkEntityTypes } from './entity-types.ts';
export { checkConsistency } from './consistency.ts';
export { qaRowsOf } from './rows.ts';
export { QA_CHECKS, SEVERITY_ORDER, isQaCheckId } from './types.ts';
export type { QaCheckId, QaContext, QaFinding, QaRow, QaSeverity } from './types.ts';
