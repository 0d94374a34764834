import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { escapeTsv, unescapeTsv } from '../../../shared/formats/text-fields.ts';
import { TSV_COLUMNS } from '../../../shared/formats/tsv.ts';
import { selectRows } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

test('TSV: header, one line per row, fields escaped and restored by unescapeTsv', () => {
  const r = buildAnnotatedReport({ name: 'tsv' });
  r.annotations.targets[0] = { ...r.annotations.targets[0], text: 'tab\there, newline\nthere, back\\slash, CR\r.' };
  const { outputs } = exportToStrings('tsv', [r]);
  const lines = outputs[''].split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines[0], TSV_COLUMNS.join('\t'));
  const rows = [...selectRows(r, { options: {}, stats: new ExportStats() })];
  assert.equal(lines.length - 1, rows.length);
  lines.slice(1).forEach((line, i) => {
    const f = line.split('\t').map(unescapeTsv);
    assert.equal(f.length, TSV_COLUMNS.length);
    assert.deepEqual(f, [rows[i].id, rows[i].ar, rows[i].en, rows[i].status, rows[i].link, rows[i].report]);
  });
  assert.ok(lines[1].includes('tab\\there, newline\\nthere, back\\\\slash, CR\\r.'));
});

test('property: escapeTsv output has no tab or line break and unescapes to the input', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const e = escapeTsv(s);
      assert.ok(!/[\t\n\r]/.test(e));
      assert.equal(unescapeTsv(e), s);
    }),
  );
});
