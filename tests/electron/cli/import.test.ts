import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { STORY } from '../../shared/align/fixtures.ts';

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

/** A TMX and Moses pair of the sample as translated by `muwazi import` in a scratch folder. */
async function memoryOf(dir: string): Promise<{ tmx: string; ar: string; en: string; rows: string[] }> {
  const scratch = join(dir, 'scratch');
  await mkdir(scratch);
  await copyFile(SAMPLE, join(scratch, 'r.txt'));
  await copyFile(TRANSLATION, join(scratch, 'r.en.txt'));
  assert.equal(await main(['import', join(scratch, 'r.txt'), join(scratch, 'r.en.txt')], capture()), 0);
  const out = join(dir, 'out');
  assert.equal(await main(['export', scratch, '--format', 'tmx', '--out', join(out, 'm.tmx')], capture()), 0);
  assert.equal(await main(['export', scratch, '--format', 'moses', '--out', join(out, 'corpus')], capture()), 0);
  const files = await readdir(out);
  const ar = files.find((f) => f.endsWith('.ar'))!;
  const en = files.find((f) => f.endsWith('.en'))!;
  return { tmx: join(out, 'm.tmx'), ar: join(out, ar), en: join(out, en), rows: rowsOf(JSON.parse(await readFile(join(scratch, 'r.annotations.json'), 'utf8'))) };
}

function rowsOf(a: { units: { target: string[] }[]; targets: { id: string; text: string }[] }): string[] {
  const t = new Map(a.targets.map((x) => [x.id, x.text]));
  return a.units.map((u) => u.target.map((id) => t.get(id)).join(' '));
}

test('import <name.txt> <memory.tmx> seeds the sidecar from the memory and prints a summary', () => withDir(async (dir) => {
  const m = await memoryOf(dir);
  await copyFile(SAMPLE, join(dir, 'r.txt'));
  const io = capture();
  assert.equal(await main(['import', join(dir, 'r.txt'), m.tmx], io), 0, io.stderr());
  assert.match(io.stdout(), /: 6 rows matched exactly from the memory, 0 rows aligned, 0 low-confidence; 6 rows, 6 with English; 6 memory pairs, 0 unused\n$/);
  assert.deepEqual(rowsOf(JSON.parse(await readFile(join(dir, 'r.annotations.json'), 'utf8'))), m.rows);
}));

test('import <name.txt> --moses <ar> <en>: half the memory edited, the rest aligned', () => withDir(async (dir) => {
  const m = await memoryOf(dir);
  await copyFile(SAMPLE, join(dir, 'r.txt'));
  // rows 2, 4, 6 of the Arabic side were re-edited since: they no longer match exactly
  const arLines = (await readFile(m.ar, 'utf8')).split('\n').map((l, i) => (i % 2 && l ? l + ' (محدّث)' : l));
  await writeFile(join(dir, 'edited.ar'), arLines.join('\n'));
  const io = capture();
  assert.equal(await main(['import', join(dir, 'r.txt'), '--moses', join(dir, 'edited.ar'), m.en], io), 0, io.stderr());
  assert.match(io.stdout(), /3 rows matched exactly from the memory, 3 rows aligned/);
  assert.deepEqual(rowsOf(JSON.parse(await readFile(join(dir, 'r.annotations.json'), 'utf8'))), m.rows);
}));

test('import of a malformed TMX fails with the reason and leaves the sidecar alone; bad --moses arguments', () => withDir(async (dir) => {
  const m = await memoryOf(dir);
  await copyFile(SAMPLE, join(dir, 'r.txt'));
  await copyFile(TRANSLATION, join(dir, 'r.en.txt'));
  assert.equal(await main(['import', join(dir, 'r.txt'), join(dir, 'r.en.txt')], capture()), 0);
  const before = await readFile(join(dir, 'r.annotations.json'), 'utf8');
  const tmx = await readFile(m.tmx, 'utf8');
  await writeFile(join(dir, 'cut.tmx'), tmx.slice(0, tmx.lastIndexOf('</tu>')));
  const io = capture();
  assert.equal(await main(['import', join(dir, 'r.txt'), join(dir, 'cut.tmx')], io), 1);
  assert.match(io.stderr(), /cut\.tmx: Not a complete TMX file/);
  assert.equal(await readFile(join(dir, 'r.annotations.json'), 'utf8'), before);
  for (const argv of [['import', 'r.txt', '--moses', 'a.ar'], ['import', '--moses', 'a.ar', 'a.en'], ['import', 'r.txt', 'x.tmx', '--moses', 'a.ar', 'a.en']]) {
    const bad = capture();
    assert.equal(await main(argv, bad), 2, argv.join(' '));
    assert.match(bad.stderr(), /usage: muwazi import/);
  }
}));

test('import --folder takes <name>.tmx beside <name>.txt when there is no <name>.en.txt', () => withDir(async (dir) => {
  const m = await memoryOf(dir);
  const work = join(dir, 'work');
  await mkdir(work);
  await copyFile(SAMPLE, join(work, 'a.txt'));
  await copyFile(TRANSLATION, join(work, 'a.en.txt'));
  await copyFile(SAMPLE, join(work, 'b.txt'));
  await copyFile(m.tmx, join(work, 'b.tmx'));
  const io = capture();
  assert.equal(await main(['import', '--folder', work], io), 0, io.stdout() + io.stderr());
  assert.match(io.stdout(), /a\.txt: 13 English sentences into 6 rows/);
  assert.match(io.stdout(), /b\.txt: 6 rows matched exactly from the memory, 0 rows aligned/);
  assert.match(io.stdout(), /Imported 2 of 2 reports: 12 rows, 12 with English/);
  assert.deepEqual(rowsOf(JSON.parse(await readFile(join(work, 'b.annotations.json'), 'utf8'))), m.rows);
}));

test('import over a source changed since its sidecar prints the drift (orphans named) and --strict exits 1', () => withDir(async (dir) => {
  await copyFile(SAMPLE, join(dir, 'r.txt'));
  await copyFile(TRANSLATION, join(dir, 'english.txt'));
  assert.equal(await main(['import', join(dir, 'r.txt'), join(dir, 'english.txt')], capture()), 0);
  // tag the first word of the second sentence, then delete that sentence from the source
  const scPath = join(dir, 'r.annotations.json');
  const sc = JSON.parse(await readFile(scPath, 'utf8'));
  const seg = sc.segments[1];
  const word = Array.from(seg.text as string).join('').split(/\s/)[0];
  const len = Array.from(word).length;
  sc.entities.push({ id: 'e1', type: 'LOC' });
  sc.mentions.push({ id: 'm1', side: 'ar', sentence: seg.id, start: seg.start, end: seg.start + len, text: word, type: 'LOC', entity: 'e1' });
  await writeFile(scPath, JSON.stringify(sc));
  const source = await readFile(join(dir, 'r.txt'), 'utf8');
  assert.ok(source.includes(seg.text));
  await writeFile(join(dir, 'r.txt'), source.replace(seg.text, ''));
  let io = capture();
  assert.equal(await main(['import', join(dir, 'r.txt'), join(dir, 'english.txt')], io), 0, io.stderr());
  assert.match(io.stdout(), /the source changed since its annotations were saved; spans were re-anchored to the new text, [1-9]\d* kept aside as orphans/);
  assert.ok(io.stdout().includes(word), 'the orphaned mention is named');
  // same again: the sidecar is now written for the changed source, so no drift, exit 0 even with --strict
  io = capture();
  assert.equal(await main(['import', join(dir, 'r.txt'), join(dir, 'english.txt'), '--strict'], io), 0, io.stderr());
  assert.doesNotMatch(io.stdout(), /source changed/);
  // change the source once more: --strict counts the drift in the exit status
  await writeFile(join(dir, 'r.txt'), (await readFile(join(dir, 'r.txt'), 'utf8')) + '\nجملة جديدة في آخر التقرير.\n');
  io = capture();
  assert.equal(await main(['import', join(dir, 'r.txt'), join(dir, 'english.txt'), '--strict'], io), 1);
  assert.match(io.stdout(), /source changed/);
}));

test('import into an empty or whitespace-only report is refused with a message; nothing is written', () => withDir(async (dir) => {
  await writeFile(join(dir, 'فارغ.txt'), ' \n\t\n');
  await copyFile(TRANSLATION, join(dir, 'english.txt'));
  const io = capture();
  assert.equal(await main(['import', join(dir, 'فارغ.txt'), join(dir, 'english.txt')], io), 1);
  assert.match(io.stderr(), /فارغ\.txt is empty \(no Arabic text\): there is nothing to align a translation with\. Nothing was changed\./);
  assert.deepEqual((await readdir(dir)).filter((n) => n !== '.data').sort(), ['english.txt', 'فارغ.txt'].sort());
}));

test('import --help prints the usage and exits 0', async () => {
  const io = capture();
  assert.equal(await main(['import', '--help'], io), 0);
  assert.match(io.stdout(), /^usage: muwazi import/);
});

test('import an unfinished translation: the untranslated tail stays untranslated, the summary counts the low-confidence rows', () => withDir(async (dir) => {
  await writeFile(join(dir, 'story.txt'), STORY.map((p) => p[0]).join('\n') + '\n');
  // the translator stopped after 7 of 16 sentences
  await writeFile(join(dir, 'story.en.txt'), STORY.slice(0, 7).map((p) => p[1]).join(' ') + '\n');
  const io = capture();
  assert.equal(await main(['import', join(dir, 'story.txt'), join(dir, 'story.en.txt')], io), 0, io.stderr());
  const sidecar = JSON.parse(await readFile(join(dir, 'story.annotations.json'), 'utf8'));
  const text = new Map<string, string>(sidecar.targets.map((t: { id: string; text: string }) => [t.id, t.text]));
  assert.deepEqual(sidecar.units.map((u: { target: string[] }) => u.target.map((id) => text.get(id))), STORY.map((p, i) => (i < 7 ? [p[1]] : [])));
  assert.ok(sidecar.units.slice(7).every((u: { status: string }) => u.status === 'auto'));
  // the summary's count and ids are exactly the rows stored with confidence under 0.5
  const low = sidecar.units.filter((u: { confidence: number }) => u.confidence < 0.5).map((u: { id: string }) => u.id);
  const listed = low.length ? ` \\(${low.join(', ')}\\)` : '';
  assert.match(io.stdout(), new RegExp(`: 7 English sentences into 16 rows, 7 with English, ${low.length} low-confidence${listed}\\n$`));
  assert.doesNotMatch(io.stderr(), /word list/, 'the committed word list was used');
}));
