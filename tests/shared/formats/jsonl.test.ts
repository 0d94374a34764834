import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import type { JsonlRecord } from '../../../shared/formats/jsonl.ts';
import { selectRows } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

test('JSONL in the Hugging Face translation shape, one record per line, metadata alongside', () => {
  const r = buildAnnotatedReport();
  const { outputs } = exportToStrings('jsonl', [r]);
  const lines = outputs[''].trimEnd().split('\n');
  const rows = [...selectRows(r, { options: {}, stats: new ExportStats() })];
  assert.equal(lines.length, rows.length);
  const recs = lines.map((l) => JSON.parse(l) as JsonlRecord);
  assert.deepEqual(Object.keys(recs[0]), ['id', 'translation', 'report', 'unit', 'status', 'link']);
  recs.forEach((rec, i) => {
    assert.deepEqual(rec.translation, { ar: rows[i].ar, en: rows[i].en });
    assert.equal(rec.id, rows[i].id);
    assert.equal(rec.link, rows[i].link);
  });
  assert.ok(recs.some((x) => x.translation.ar.includes('🙂') && x.translation.ar.includes('٣')));
  assert.ok(recs.some((x) => x.translation.ar.includes('\u202B')));
});
