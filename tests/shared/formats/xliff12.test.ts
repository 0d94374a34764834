import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { xliff12State } from '../../../shared/formats/xliff12.ts';
import { selectRows, DedupeSet } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';
import { xliff2po, xmllintOk } from '../../fixtures/tools.ts';
import { withTmp } from '../../fixtures/tmp.ts';

const reports = [buildAnnotatedReport({ sample: 4 }), buildAnnotatedReport({ sample: 0, extra: ['نص فيه\u0002 محرف ممنوع.'] })];
const expected = reports.flatMap((r) => [...selectRows(r, { options: {}, stats: new ExportStats(), dedupe: new DedupeSet() })]);

/** msgid/msgstr pairs of a PO file (joined continuation lines, escapes undone). */
function poEntries(po: string): [string, string][] {
  const out: [string, string][] = [];
  const unq = (s: string) => JSON.parse(s) as string;
  for (const block of po.split(/\n\n+/)) {
    const id = /(?:^|\n)msgid ((?:".*"\n?)+)/.exec(block);
    const str = /(?:^|\n)msgstr ((?:".*"\n?)+)/.exec(block);
    if (!id || !str) continue;
    const join = (s: string) => s.trim().split('\n').map(unq).join('');
    const msgid = join(id[1]);
    if (msgid === '') continue; // the header
    out.push([msgid, join(str[1])]);
  }
  return out;
}

test('XLIFF 1.2: a file per report with languages, trans-units with mapped states', () => {
  const { outputs, stats } = exportToStrings('xliff12', reports);
  const xml = outputs[''];
  assert.match(xml, /<xliff version="1\.2" xmlns="urn:oasis:names:tc:xliff:document:1\.2">/);
  assert.equal((xml.match(/<file original="[^"]+" source-language="ar" target-language="en" datatype="plaintext">/g) ?? []).length, 2);
  assert.equal((xml.match(/<trans-unit /g) ?? []).length, expected.length);
  assert.equal((xml.match(/approved="yes"/g) ?? []).length, expected.filter((r) => r.status === 'reviewed').length);
  assert.equal(stats.warnings.length, 1);
  assert.match(stats.warnings[0], /U\+0002/);
});

test('state mapping is the documented one', () => {
  assert.equal(xliff12State('auto', false), 'needs-translation');
  assert.equal(xliff12State('auto', true), 'needs-review-translation');
  assert.equal(xliff12State('draft', true), 'needs-review-translation');
  assert.equal(xliff12State('translated', true), 'translated');
  assert.equal(xliff12State('reviewed', true), 'signed-off');
});

test('xmllint accepts XLIFF 1.2 and xliff2po converts every unit with the right texts', async () => {
  await withTmp((dir) => {
    const file = join(dir, 'corpus.xlf');
    writeFileSync(file, exportToStrings('xliff12', reports).outputs['']);
    xmllintOk(file);
    const po = join(dir, 'corpus.po');
    xliff2po(file, po);
    const entries = poEntries(readFileSync(po, 'utf8'));
    assert.equal(entries.length, expected.length);
    assert.deepEqual(entries, expected.map((r) => [r.ar.replace(/\u0002/g, ''), r.en]));
  });
});
