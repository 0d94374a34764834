import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cliJson, exportQaReport, qaReportHtml, runQa } from '../../../electron/host/qa.ts';
import { createHostService } from '../../../electron/host/service.ts';
import { withTmp } from '../../fixtures/tmp.ts';
import { writeQaFolder, writeReport } from '../../fixtures/qa-folder.ts';

test('runQa: every report checked, not-started counted, corrupt and newer sidecars skipped with a warning naming the file', async () => {
  await withTmp(async (dir) => {
    await writeQaFolder(dir);
    const r = await runQa(dir);
    assert.equal(r.reports, 2);
    assert.deepEqual(r.notStarted, ['todo.txt']);
    assert.equal(r.warnings.length, 2, r.warnings.join('\n'));
    assert.match(r.warnings[0], /^skipped broken\.txt: .*not valid JSON/);
    assert.match(r.warnings[1], /^skipped future\.txt: .*9\.0/);
    assert.deepEqual(r.findings.map((f) => `${f.file} ${f.row} ${f.check} ${f.severity}`), [
      'sub/numbers.txt 0 number-mismatch error',
      'sub/numbers.txt 1 spacing info',
    ]);
    const f = r.findings[0];
    assert.equal(f.message, 'The Arabic has ٦٧ where the English has 76.');
    assert.equal(f.path, join(dir, 'sub', 'numbers.txt'));
    assert.equal(f.ar, 'قتل ٦٧ شخصا في الهجوم.');
    assert.deepEqual(r.perReport, [{ file: 'clean.txt', findings: 0 }, { file: 'sub/numbers.txt', findings: 2 }]);
    // one report: names relative to the folder given as root
    const one = await runQa(join(dir, 'sub', 'numbers.txt'), { root: dir });
    assert.deepEqual(one.findings.map((x) => x.file), ['sub/numbers.txt', 'sub/numbers.txt']);
  });
});

test('runQa honours the project settings (qa.disabled) and an explicit list of checks overrides them', async () => {
  await withTmp(async (dir) => {
    await writeQaFolder(dir);
    await writeFile(join(dir, 'muwazi.project.json'), JSON.stringify({ format: 'muwazi-project', version: '1.0', tagSet: [{ name: 'PER', color: '#d9480f', key: 'p' }], qa: { disabled: ['spacing'] } }));
    assert.deepEqual((await runQa(dir)).findings.map((f) => f.check), ['number-mismatch']);
    assert.deepEqual((await runQa(dir, { checks: ['spacing'] })).findings.map((f) => f.check), ['spacing']);
  });
});

test('the HTML report: Arabic cells right to left, everything escaped, counts per check and report, Arabic labels', async () => {
  await withTmp(async (dir) => {
    await writeQaFolder(dir);
    const r = await runQa(dir);
    const html = qaReportHtml(r, { lang: 'en' });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
    assert.ok(html.includes('<td dir="rtl" lang="ar">قتل ٦٧ شخصا في الهجوم.</td>'));
    assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt;'));
    assert.ok(!html.includes('<script'), 'no raw markup from the texts');
    assert.ok(html.includes('&lt;الوضع&gt;'));
    assert.ok(html.includes('<td>Numbers <code>number-mismatch</code></td><td>1</td><td>0</td><td>0</td><td>1</td>'));
    assert.ok(html.includes('<tr><td><bdi>sub/numbers.txt</bdi></td><td>2</td></tr>'));
    assert.ok(html.includes('skipped broken.txt'));
    const ar = qaReportHtml(r, { lang: 'ar' });
    assert.match(ar, /<html lang="ar" dir="rtl">/);
    assert.ok(ar.includes('<title>تقرير ضبط الجودة</title>'));
    assert.ok(ar.includes('في النص العربي ٦٧ وفي الإنجليزي 76.'));
  });
});

test('exportQaReport writes HTML or exactly the CLI JSON, atomically; a wrong extension or a folder is refused', async () => {
  await withTmp(async (dir) => {
    await writeQaFolder(dir);
    const out = join(dir, 'qa', 'report.json');
    await mkdir(join(dir, 'qa'));
    const res = await exportQaReport(dir, out, 'json');
    assert.deepEqual(res, { path: out, findings: 2 });
    assert.deepEqual(JSON.parse(await readFile(out, 'utf8')), cliJson((await runQa(dir)).findings));
    await exportQaReport(dir, join(dir, 'qa.html'), 'html', { lang: 'ar' });
    assert.match(await readFile(join(dir, 'qa.html'), 'utf8'), /<html lang="ar" dir="rtl">/);
    await assert.rejects(exportQaReport(dir, join(dir, 'qa.txt'), 'html'), /\.html/);
    await assert.rejects(exportQaReport(dir, join(dir, 'x.annotations.json'), 'json'), /reserved/);
    await mkdir(join(dir, 'folder.json'));
    await assert.rejects(exportQaReport(dir, join(dir, 'folder.json'), 'json'), /folder/);
    // the dialog's default <root>/export/qa-report.html: the folder is made when missing
    await exportQaReport(dir, join(dir, 'export', 'qa-report.html'), 'html');
    assert.match(await readFile(join(dir, 'export', 'qa-report.html'), 'utf8'), /<html/);
  });
});

test('host calls qaRun and qaExportReport: confined to the opened folder, unknown checks refused', async (t) => {
  await withTmp(async (tmp) => {
    const ws = join(tmp, 'ws');
    await mkdir(ws);
    await writeQaFolder(ws);
    await writeReport(tmp, 'outside.txt', ['قتل ٦٧ شخصا.'], ['76 killed.']);
    const service = createHostService({ dataDir: join(tmp, 'data'), assetsDir: resolve('assets'), mode: 'browser' });
    t.after(() => service.close());
    await service.openFolder(ws);
    const run = await service.handle('qaRun', { root: ws });
    assert.ok(run.ok, JSON.stringify(run));
    const v = run.value as { findings: Array<{ file: string; check: string }>; reports: number; warnings: string[] };
    assert.equal(v.reports, 2);
    assert.equal(v.warnings.length, 2);
    assert.deepEqual(v.findings.map((f) => f.check), ['number-mismatch', 'spacing']);
    assert.deepEqual(run.ok && (run.value as { notStarted: string[] }).notStarted, ['todo.txt']);
    assert.deepEqual(run.ok && (run.value as { perReport: unknown[] }).perReport, [{ file: 'clean.txt', findings: 0 }, { file: 'sub/numbers.txt', findings: 2 }]);
    const one = await service.handle('qaRun', { root: ws, path: join(ws, 'clean.txt') });
    assert.deepEqual(one.ok && (one.value as { findings: unknown[] }).findings, []);
    const bad = await service.handle('qaRun', { root: ws, checks: ['numbers'] });
    assert.deepEqual(!bad.ok && bad.code, 'invalid-request');
    const outsideReport = await service.handle('qaRun', { root: ws, path: join(tmp, 'outside.txt') });
    assert.equal(!outsideReport.ok && outsideReport.code, 'outside-workspace');
    const notOpened = await service.handle('qaRun', { root: tmp });
    assert.equal(!notOpened.ok && notOpened.code, 'outside-workspace');
    const outside = await service.handle('qaExportReport', { root: ws, out: join(tmp, 'qa.html'), format: 'html' });
    assert.equal(!outside.ok && outside.code, 'outside-workspace');
    const escape = await service.handle('qaExportReport', { root: ws, out: join(ws, '..', 'qa.html'), format: 'html' });
    assert.equal(!escape.ok && escape.code, 'outside-workspace');
    const ok = await service.handle('qaExportReport', { root: ws, out: join(ws, 'qa.html'), format: 'html', lang: 'ar' });
    assert.deepEqual(ok.ok && ok.value, { path: join(ws, 'qa.html'), findings: 2 });
    assert.match(await readFile(join(ws, 'qa.html'), 'utf8'), /<td dir="rtl" lang="ar">/);
  });
});
