import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { parseTmx } from '../../../shared/formats/tm-import.ts';
import { selectRows, DedupeSet } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';
import { readTmxWithTranslateToolkit, xmllintOk } from '../../fixtures/tools.ts';
import { withTmp } from '../../fixtures/tmp.ts';

const reports = [buildAnnotatedReport({ sample: 0 }), buildAnnotatedReport({ sample: 1 })];
const expected = reports.flatMap((r) => [...selectRows(r, { options: {}, stats: new ExportStats(), dedupe: new DedupeSet() })]);

test('TMX header carries the required attributes; one tu per unit with ar and en tuv and props', () => {
  const { outputs, stats } = exportToStrings('tmx', reports);
  const xml = outputs[''];
  assert.ok(!xml.startsWith('\uFEFF'));
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/);
  for (const a of ['creationtool="Muwazi"', 'creationtoolversion="0.1.0"', 'segtype="sentence"', 'o-tmf="muwazi"', 'adminlang="en"', 'srclang="ar"', 'datatype="plaintext"']) {
    assert.ok(xml.includes(a), a);
  }
  assert.equal((xml.match(/<tu /g) ?? []).length, expected.length);
  assert.equal(stats.rows, expected.length);
  assert.ok(xml.includes('<prop type="x-link">2-1</prop>'));
  assert.ok(xml.includes('<prop type="x-status">reviewed</prop>'));
  assert.ok(xml.includes(`<prop type="x-report">${reports[0].name}</prop>`));
  // bidi controls are preserved and counted (RLE+PDF in the Arabic, RLM in the English, per report)
  assert.ok(xml.includes('\u202Bأعلنت شركة Google\u202C'));
  assert.equal(stats.bidiControls, 6);
});

test('TMX reads back (our tolerant reader) into exactly the exported pairs', () => {
  const pairs = parseTmx(exportToStrings('tmx', reports).outputs['']);
  assert.deepEqual(pairs, expected.map((r) => ({ ar: r.ar, en: r.en })));
});

test('the same input gives the same bytes (deterministic)', () => {
  assert.equal(exportToStrings('tmx', reports).outputs[''], exportToStrings('tmx', reports).outputs['']);
});

test('xmllint accepts the TMX and translate-toolkit reads every unit with the right texts', async () => {
  await withTmp((dir) => {
    const file = join(dir, 'corpus.tmx');
    writeFileSync(file, exportToStrings('tmx', reports).outputs['']);
    xmllintOk(file);
    const units = readTmxWithTranslateToolkit(file);
    assert.equal(units.length, expected.length);
    assert.deepEqual(units, expected.map((r) => [r.ar, r.en]));
  });
});

test('characters XML 1.0 forbids are removed with a warning naming report and row; file stays valid', async () => {
  const r = buildAnnotatedReport({ name: 'bad', extra: ['سطر فيه محرف\u0001 ممنوع\u0008.'] });
  const { outputs, stats } = exportToStrings('tmx', [r]);
  const xml = outputs[''];
  assert.ok(!/[\u0001\u0008]/.test(xml));
  assert.ok(xml.includes('سطر فيه محرف ممنوع.'));
  assert.equal(stats.warnings.length, 1);
  assert.match(stats.warnings[0], /report "bad", row \d+ \(u\d+\): removed 2 character\(s\) XML 1\.0 forbids \(U\+0001, U\+0008\)/);
  await withTmp((dir) => {
    const file = join(dir, 'bad.tmx');
    writeFileSync(file, xml);
    xmllintOk(file);
    assert.equal(readTmxWithTranslateToolkit(file).length, (xml.match(/<tu /g) ?? []).length);
  });
});
