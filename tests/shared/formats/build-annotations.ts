// Kept only as a path: the small-report builder now lives in tests/fixtures/annotated-report.ts
// (one fixture module). New tests import from there; this re-export serves tests that still
// import this path.
export { ENGLISH, NAMES, NOW, SHA, TEXT, annotate, sourceInfo } from '../../fixtures/annotated-report.ts';
