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

test('TSV and Moses warn per row for lone surrogates (UTF-8 writes them as U+FFFD); whole emoji pass silently', () => {
  const r = buildAnnotatedReport({ name: 'surrogates' });
  r.annotations.targets[0] = { ...r.annotations.targets[0], text: 'Half an emoji \uD83D here, a whole one 😀 there.' };
  for (const format of ['tsv', 'moses'] as const) {
    const { stats } = exportToStrings(format, [r]);
    const hits = stats.warnings.filter((w) => /lone surrogate/.test(w));
    assert.equal(hits.length, 1, format);
    assert.match(hits[0], /report "surrogates", row \d+ \(u\d+\): 1 lone surrogate\(s\) .* written as U\+FFFD/);
  }
  const clean = buildAnnotatedReport({ name: 'clean' });
  clean.annotations.targets[0] = { ...clean.annotations.targets[0], text: 'قال 😀 said.' };
  for (const format of ['tsv', 'moses'] as const) assert.deepEqual(exportToStrings(format, [clean]).stats.warnings.filter((w) => /surrogate/.test(w)), []);
});

test('loneSurrogates counts unpaired halves only, in Arabic and mixed text', async () => {
  const { loneSurrogates } = await import('../../../shared/formats/text-fields.ts');
  assert.equal(loneSurrogates('مرحبا 😀'), 0);
  assert.equal(loneSurrogates('مرحبا \uD83D'), 1);
  assert.equal(loneSurrogates('\uDE00 بداية'), 1);
  assert.equal(loneSurrogates('\uDE00\uD83D'), 2); // low before high: both unpaired
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => loneSurrogates(s) === 0));
});
