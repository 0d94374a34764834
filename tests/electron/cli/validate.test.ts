import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../electron/cli/main.ts';
import { openReport, saveReport, sidecarPath } from '../../../electron/host/report-store.ts';
import { serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['validate', ...argv], { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

/** A folder with two valid annotated reports (one in a sub-folder). */
async function project() {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-validate-'));
  const journalDir = join(dir, '.journal');
  const reports = [join(dir, 'أ.txt'), join(dir, 'قسم', 'ب.txt')];
  await mkdir(join(dir, 'قسم'));
  for (const p of reports) {
    await writeFile(p, TEXT);
    const r = await openReport(p, { journalDir });
    await saveReport(p, { ...annotate(TEXT), source: r.annotations.source }, null, { journalDir });
  }
  return { dir, reports };
}

test('valid folder: exit 0 and a one-line summary', async () => {
  const { dir, reports } = await project();
  try {
    const r = await cli(dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, '2 annotation files valid.\n');
    assert.equal((await cli(reports[0])).out, '1 annotation file valid.\n');
    assert.equal((await cli(sidecarPath(reports[1]))).code, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('problems: one precise line per problem, exit 1', async () => {
  const { dir, reports } = await project();
  try {
    const good = JSON.parse(serializeAnnotations({ ...annotate(TEXT) }));
    // a mention whose text no longer matches, and a duplicate id, in the first report
    const a = JSON.parse(await readFile(sidecarPath(reports[0]), 'utf8'));
    a.mentions[0].text = 'محمد';
    a.units[1].id = 'u1';
    await writeFile(sidecarPath(reports[0]), JSON.stringify(a));
    // invalid JSON in the second
    await writeFile(sidecarPath(reports[1]), '{\n  "format": "muwazi-annotations",\n  "version": "1.0"\n  "tool": {}\n}');
    // an orphan sidecar without its source, and a drifted source
    await writeFile(join(dir, 'غائب.annotations.json'), JSON.stringify({ ...good, source: { ...good.source, file: 'غائب.txt' } }));
    const r = await cli(dir);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.ok(lines.includes(`${relative(process.cwd(), join(dir, 'أ.annotations.json'))}: units[1].id: Duplicate id "u1" in units (item 1).`), r.out);
    assert.ok(lines.some((l) => /أ\.annotations\.json: mentions\[0\]\.text: Mention m1: its text "محمد" does not match the source/.test(l)), r.out);
    assert.ok(lines.some((l) => /ب\.annotations\.json: The annotation file is not valid JSON \(line 4, column 3: expected ',' or '}'\)/.test(l)), r.out);
    assert.ok(lines.some((l) => /غائب\.annotations\.json: its source غائب\.txt is missing/.test(l)), r.out);
    assert.equal(lines.at(-1), '3 of 3 annotation files failed validation (4 problems).');

    await writeFile(reports[1], TEXT.replace('الرياض', 'جدة'));
    await writeFile(sidecarPath(reports[1]), serializeAnnotations({ ...annotate(TEXT), source: { ...good.source, file: 'ب.txt', sha256: 'c'.repeat(64) } }));
    const d = await cli(sidecarPath(reports[1]));
    assert.equal(d.code, 1);
    assert.match(d.out, /ب\.annotations\.json: its source ب\.txt changed since the annotations were saved \(sha256 differs\); 1 span\(s\) could not be re-anchored \(m3\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('usage errors and missing paths', async () => {
  assert.equal((await cli()).code, 2);
  assert.match((await cli()).err, /usage: muwazi validate <folder\|file>/);
  const r = await cli('/no/such/folder');
  assert.equal(r.code, 1);
  assert.match(r.err, /no such file or folder/);
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-validate-'));
  try {
    await writeFile(join(dir, 'x.txt'), TEXT);
    const n = await cli(join(dir, 'x.txt'));
    assert.equal(n.code, 1);
    assert.match(n.err, /no annotation file \(x\.annotations\.json\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the real command line: bin/muwazi.mjs validate exits non-zero on a broken file', async () => {
  const { dir, reports } = await project();
  try {
    const bin = fileURLToPath(new URL('../../../bin/muwazi.mjs', import.meta.url));
    const ok = spawnSync(process.execPath, [bin, 'validate', dir], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, '2 annotation files valid.\n');
    await writeFile(sidecarPath(reports[0]), '');
    const bad = spawnSync(process.execPath, [bin, 'validate', dir], { encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /not valid JSON \(the file is empty\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
