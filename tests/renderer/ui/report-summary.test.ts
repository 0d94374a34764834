import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summaryFromAnnotations } from '../../../renderer/ui/report-summary.ts';
import type { ReportSummary } from '../../../shared/contract/host.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { cpLength, OffsetMap } from '../../../shared/text/offsets.ts';

// harakat, an emoji, Latin and Arabic-Indic digits
const S1 = 'قالَ المرصدُ إنّ ٦٧ مقاتلاً قُتلوا.';
const S2 = 'وأكّدت وكالة Reuters 😀 الخبرَ.';
const S3 = 'وانتهى الاجتماع.';
const TEXT = `${S1} ${S2} ${S3}`;

test('the sidebar summary after a save counts rows, translated rows (non-blank English) and mentions like the host', () => {
  const map = new OffsetMap(TEXT);
  const span = (s: string) => ({ start: map.toCodePoint(TEXT.indexOf(s)), end: map.toCodePoint(TEXT.indexOf(s) + s.length) });
  const a = createAnnotations({ file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'none', length: cpLength(TEXT), language: 'ar' },
    TEXT, [span(S1), span(S2), span(S3)], '2024-01-01T00:00:00Z');
  assert.equal(map.slice(a.segments[1].start, a.segments[1].end), S2);
  a.targets = [{ id: 't1', text: 'The Observatory said 67 fighters were killed.' }, { id: 't2', text: '   ' }];
  a.units[0].target = ['t1'];
  a.units[1].target = ['t2']; // blank English is not a translation
  const r = span('Reuters');
  a.mentions = [{ id: 'm1', side: 'ar', sentence: a.segments[1].id, start: r.start, end: r.end, text: 'Reuters', type: 'ORG', entity: 'e1' }];
  const prev: ReportSummary = { path: '/w/r.txt', relPath: 'r.txt', name: 'r.txt', rows: 0, translated: 0, entities: 0, hasAnnotations: false, problem: 'was unreadable' };
  const next = summaryFromAnnotations(prev, a);
  assert.deepEqual(next, { path: '/w/r.txt', relPath: 'r.txt', name: 'r.txt', rows: 3, translated: 1, entities: 1, hasAnnotations: true });
  assert.equal(prev.problem, 'was unreadable', 'the previous entry is not mutated');
});
