import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { parseMoses } from '../../../shared/formats/tm-import.ts';
import { selectRows, DedupeSet } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

const reports = [buildAnnotatedReport({ sample: 0 }), buildAnnotatedReport({ sample: 1 })];

test('Moses: two files with the same number of lines, n-m rows joined with a space', () => {
  const { outputs } = exportToStrings('moses', reports, { keepUntranslated: true });
  const expected = reports.flatMap((r) => [...selectRows(r, { options: { keepUntranslated: true }, stats: new ExportStats(), dedupe: new DedupeSet() })]);
  const ar = outputs.ar.split('\n');
  const en = outputs.en.split('\n');
  assert.equal(ar.length, en.length);
  assert.equal(ar.pop(), '');
  assert.equal(en.pop(), '');
  assert.equal(ar.length, expected.length);
  assert.deepEqual(ar, expected.map((r) => r.ar));
  assert.deepEqual(en, expected.map((r) => r.en));
  // the 1-0 row is an empty English line, never a missing one
  assert.ok(en.includes(''));
  assert.deepEqual(parseMoses(outputs.ar, outputs.en), expected.map((r) => ({ ar: r.ar, en: r.en })));
});

test('a line break inside a row becomes a space, with a warning naming the row', () => {
  const r = buildAnnotatedReport({ name: 'nl' });
  r.annotations.targets[0] = { ...r.annotations.targets[0], text: 'first line\r\nsecond\u2028third' };
  const { outputs, stats } = exportToStrings('moses', [r]);
  assert.equal(outputs.en.split('\n')[0], 'first line second third');
  assert.equal(outputs.ar.split('\n').length, outputs.en.split('\n').length);
  assert.match(stats.warnings[0], /report "nl", row 1 \(u1\): line breaks/);
});
