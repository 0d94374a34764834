import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';

const SAMPLE = new URL('../../../assets/samples/004_1019a7c50d6a06a0.txt', import.meta.url);
const TRANSLATION = new URL('../../fixtures/align/004_1019a7c50d6a06a0.en.txt', import.meta.url);

function capture(isTTY = false): CliIO & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return { out: (s) => { o += s; }, err: (s) => { e += s; }, isTTY, stdout: () => o, stderr: () => e };
}

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-import-'));
  const saved = process.env.MUWAZI_DATA_DIR;
  process.env.MUWAZI_DATA_DIR = join(dir, '.data'); // keep the journal out of the user's folder
  try { await fn(dir); } finally {
    if (saved === undefined) delete process.env.MUWAZI_DATA_DIR; else process.env.MUWAZI_DATA_DIR = saved;
    await rm(dir, { recursive: true, force: true });
  }
}

test('import <name.txt> <translation.txt> writes the sidecar', () => withDir(async (dir) => {
  await copyFile(SAMPLE, join(dir, 'r.txt'));
  await copyFile(TRANSLATION, join(dir, 'english.txt'));
  const io = capture();
  assert.equal(await main(['import', join(dir, 'r.txt'), join(dir, 'english.txt')], io), 0, io.stderr());
  assert.match(io.stdout(), /13 English sentences into 6 rows, 6 with English, 0 low-confidence/);
  const sidecar = JSON.parse(await readFile(join(dir, 'r.annotations.json'), 'utf8'));
  assert.equal(sidecar.units.length, 6);
  assert.equal(sidecar.targets.length, 13);
}));

test('import --folder: every <name>.txt with <name>.en.txt, progress on a TTY, summary, exit 1 on a failure', () => withDir(async (dir) => {
  await copyFile(SAMPLE, join(dir, 'a.txt'));
  await copyFile(TRANSLATION, join(dir, 'a.en.txt'));
  await mkdir(join(dir, 'sub'));
  await copyFile(SAMPLE, join(dir, 'sub', 'b.txt'));
  await copyFile(TRANSLATION, join(dir, 'sub', 'b.en.txt'));
  await copyFile(SAMPLE, join(dir, 'no-translation.txt'));
  // a report whose sidecar is corrupt fails with a reason; the others are still imported
  await copyFile(SAMPLE, join(dir, 'c.txt'));
  await copyFile(TRANSLATION, join(dir, 'c.en.txt'));
  await writeFile(join(dir, 'c.annotations.json'), '{ not json');
  const io = capture(true);
  assert.equal(await main(['import', '--folder', dir], io), 1);
  assert.match(io.stderr(), /\[#+ *\] 3\/3/);
  assert.match(io.stdout(), /Imported 2 of 3 reports: 12 rows, 12 with English, 0 low-confidence rows\./);
  assert.match(io.stdout(), /Failed \(1\):\n {2}c\.txt: .+\[corrupt-sidecar\]/);
  assert.equal(JSON.parse(await readFile(join(dir, 'sub', 'b.annotations.json'), 'utf8')).units.length, 6);
  await assert.rejects(readFile(join(dir, 'no-translation.annotations.json')));
  await assert.rejects(readFile(join(dir, 'a.en.annotations.json')));
  // not a TTY: no progress bar
  await rm(join(dir, 'c.annotations.json'));
  const quiet = capture(false);
  assert.equal(await main(['import', '--folder', dir], quiet), 0, quiet.stdout());
  assert.equal(quiet.stderr(), '');
}));

test('import: bad arguments, empty folder', () => withDir(async (dir) => {
  const io = capture();
  assert.equal(await main(['import', 'one.txt'], io), 2);
  const io2 = capture();
  assert.equal(await main(['import', '--folder', dir], io2), 1);
  assert.match(io2.stderr(), /no <name>\.txt with a <name>\.en\.txt/);
  const io3 = capture();
  assert.equal(await main(['import', join(dir, 'x.txt'), join(dir, 'y.txt')], io3), 1);
  assert.match(io3.stderr(), /not found/);
}));
