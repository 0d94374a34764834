import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { XLIFF2_STATE } from '../../../shared/formats/xliff.ts';
import { decodeEntities } from '../../../shared/formats/tm-import.ts';
import { selectRows, DedupeSet } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';
import { xmllintOk } from '../../fixtures/tools.ts';
import { withTmp } from '../../fixtures/tmp.ts';

const reports = [buildAnnotatedReport({ sample: 2 }), buildAnnotatedReport({ sample: 3 })];
const options = { keepUntranslated: true };
const expected = reports.flatMap((r) => [...selectRows(r, { options, stats: new ExportStats(), dedupe: new DedupeSet() })]);

test('XLIFF 2.1: srcLang/trgLang, one file per report, one unit per row, mapped segment states', () => {
  const xml = exportToStrings('xliff', reports, options).outputs[''];
  assert.match(xml, /<xliff xmlns="urn:oasis:names:tc:xliff:document:2\.0" version="2\.1" srcLang="ar" trgLang="en">/);
  assert.equal((xml.match(/<file /g) ?? []).length, 2);
  const units = [...xml.matchAll(/<unit id="([^"]+)"[\s\S]*?<segment state="(\w+)" subState="muwazi:(\w+)">\s*<source>([^<]*)<\/source>(?:\s*<target>([^<]*)<\/target>)?/g)];
  assert.equal(units.length, expected.length);
  units.forEach((m, i) => {
    const row = expected[i];
    assert.equal(m[1], row.unit);
    assert.equal(m[2], XLIFF2_STATE[row.status]);
    assert.equal(m[3], row.status);
    assert.equal(decodeEntities(m[4]), row.ar);
    assert.equal(decodeEntities(m[5] ?? ''), row.en);
  });
  // the untranslated row has no <target>
  assert.ok(units.some((m) => m[5] === undefined));
});

test('status mapping is the documented one', () => {
  assert.deepEqual(XLIFF2_STATE, { auto: 'initial', draft: 'initial', translated: 'translated', reviewed: 'reviewed' });
});

test('xmllint accepts the XLIFF 2.1 file', async () => {
  await withTmp((dir) => {
    const file = join(dir, 'corpus.xlf');
    writeFileSync(file, exportToStrings('xliff', reports, options).outputs['']);
    xmllintOk(file);
  });
});

test('a report with no exported row gets no empty <file> (XLIFF 2 needs one unit per file)', () => {
  const xml = exportToStrings('xliff', reports, { minStatus: 'reviewed', onlyOneToOne: true }).outputs[''];
  const files = (xml.match(/<file /g) ?? []).length;
  const kept = reports.filter((r) => [...selectRows(r, { options: { minStatus: 'reviewed', onlyOneToOne: true }, stats: new ExportStats() })].length > 0).length;
  assert.equal(files, kept);
});
