// `muwazi lexicon --learn` and the learned list in `muwazi align` / `muwazi import` inside a project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { LEARNED_LEXICON_FILE } from '../../../shared/align/learned-file.ts';
import { parseAnnotations } from '../../../shared/formats/sidecar.ts';
import { withTmp } from '../../fixtures/tmp.ts';
import { PROBE_AR, writeLearnedProject } from '../host/learned-fixture.ts';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return { out: (s) => { o += s; }, err: (s) => { e += s; }, isTTY: false, stdout: () => o, stderr: () => e };
}

/** The English sentences of Arabic row 1 in `muwazi align --json` output. */
async function row1(args: string[]): Promise<number[]> {
  const io = capture();
  assert.equal(await main(['align', ...args, '--presegmented', '--json'], io), 0, io.stderr());
  const links = JSON.parse(io.stdout()) as Array<[number[], number[], number]>;
  // every line of both sides exactly once, in order
  assert.deepEqual(links.flatMap(([a]) => a), [0, 1, 2]);
  assert.deepEqual(links.flatMap(([, e]) => e), [0, 1, 2, 3]);
  return links.find(([a]) => a.includes(1))![1];
}

test('lexicon --learn writes the project\'s list; align inside the project uses it and places the row its term decides', () => withTmp(async (dir) => {
  await writeLearnedProject(dir);
  const files = [join(dir, 'probe.txt'), join(dir, 'probe.en.txt')];
  // outside the project (--no-project): length alone puts the shorter "florp" sentence on row 1
  assert.deepEqual(await row1([...files, '--no-project']), [1]);
  const io = capture();
  assert.equal(await main(['lexicon', '--learn', dir, '--json'], io), 0, io.stderr());
  const stats = JSON.parse(io.stdout());
  assert.equal(stats.reports, 1);
  assert.equal(stats.rows, 2);
  assert.ok(stats.words >= 1);
  const text = await readFile(join(dir, LEARNED_LEXICON_FILE), 'utf8');
  assert.match(text, /^# Muwazi learned word list: DERIVED DATA, safe to delete/);
  assert.match(text, /^report\tnews\/known\.txt\t[0-9a-f]{64}$/m);
  // inside the project the learned pair الكحلوم/vespid moves row 1 to its translation
  assert.deepEqual(await row1(files), [2]);
}));

test('align inside a project without the file builds it; a corrupt file is rebuilt, never an error', () => withTmp(async (dir) => {
  await writeLearnedProject(dir);
  const files = [join(dir, 'probe.txt'), join(dir, 'probe.en.txt')];
  assert.deepEqual(await row1(files), [2], 'missing: learned on the spot');
  assert.match(await readFile(join(dir, LEARNED_LEXICON_FILE), 'utf8'), /\nrow\t/);
  await writeFile(join(dir, LEARNED_LEXICON_FILE), 'garbage\u0000\nrow\tx\n');
  assert.deepEqual(await row1(files), [2], 'corrupt: rebuilt');
  assert.match(await readFile(join(dir, LEARNED_LEXICON_FILE), 'utf8'), /^muwazi-learned-lexicon\t1$/m);
}));

test('import inside the project: the learned pair decides which English sentence the row gets', () => withTmp(async (dir) => {
  await writeLearnedProject(dir);
  const io = capture();
  assert.equal(await main(['import', join(dir, 'probe.txt'), join(dir, 'probe.en.txt')], io), 0, io.stderr());
  const a = parseAnnotations(await readFile(join(dir, 'probe.annotations.json'), 'utf8'));
  const seg1 = a.segments.find((s) => s.text === PROBE_AR[1])!;
  const row = a.units.find((u) => u.source.includes(seg1.id))!;
  assert.deepEqual(row.target.map((id) => a.targets.find((t) => t.id === id)!.text), ['The vespid appeared near the old bridge on Sunday morning in front of reporters.']);
}));

test('lexicon: bad arguments', async () => {
  const io = capture();
  assert.equal(await main(['lexicon'], io), 2);
  assert.match(io.stderr(), /--learn needs a folder/);
  const io2 = capture();
  assert.equal(await main(['lexicon', '--learn', '/no/such/folder/muwazi'], io2), 1);
  assert.match(io2.stderr(), /is not a folder/);
  const io3 = capture();
  assert.equal(await main(['lexicon', '--frob'], io3), 2);
});
