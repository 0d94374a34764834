// The bundled command line (dist/cli.mjs, scripts/cli-build.mjs) must behave exactly as the sources
// do: for each command, the same stdout, stderr, exit code and written files, byte for byte, on the
// sample reports (Arabic, emoji, Arabic-Indic digits). The bundle is built here into a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { cliBuildOptions } from '../../scripts/cli-build.mjs';
import { withTmp } from '../fixtures/tmp.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const samples = join(repo, 'assets', 'samples');

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs node with `cmd` in the repository (where `--import tsx` resolves), data folder in `dir`. */
function run(cmd: string[], dir: string): Run {
  const r = spawnSync(process.execPath, cmd, { cwd: repo, encoding: 'utf8', env: { ...process.env, MUWAZI_DATA_DIR: join(dir, '.data') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('dist/cli.mjs gives byte-identical output, exit codes and files to the TypeScript sources', { timeout: 600_000 }, () =>
  withTmp(async (dir) => {
    // built inside the checkout, as dist/cli.mjs is: the bundle finds the app's assets (the word list) above itself
    const bundleDir = join(repo, 'dist', `.cli-test-${process.pid}`);
    const bundle = join(bundleDir, 'cli.mjs');
    await build({ ...cliBuildOptions(bundle), logLevel: 'error' });
    try {
      await compare(dir, bundle);
    } finally {
      await rm(bundleDir, { recursive: true, force: true });
    }
  }));

async function compare(dir: string, bundle: string): Promise<void> {
  {
    const ws = join(dir, 'ws');
    await mkdir(ws);
    for (const f of await readdir(samples)) await copyFile(join(samples, f), join(ws, f));
    await copyFile(join(repo, 'tests/fixtures/align/004_1019a7c50d6a06a0.en.txt'), join(ws, '004_1019a7c50d6a06a0.en.txt'));
    const sources = ['--import', 'tsx', join(repo, 'electron/cli/run.ts')];
    const first = join(ws, '000_48f48287e09c6a5a.txt');
    // one import by the sources gives the folder a sidecar with English for qa, tm, concordance, export
    const imported = run([...sources, 'import', '--folder', ws], dir);
    assert.equal(imported.code, 0, imported.stderr);
    const cases: string[][] = [
      ['--help'],
      ['no-such-command'],
      ['segment', first],
      ['segment', first, '--json'],
      ['tokenize', first, '--json', '--clitics'],
      ['align', join(ws, '004_1019a7c50d6a06a0.txt'), join(ws, '004_1019a7c50d6a06a0.en.txt'), '--json'],
      ['validate', ws],
      ['entities', ws, '--json'],
      ['qa', ws, '--json'],
      ['qa', ws, '--fail-on', 'warning'],
      ['tm', ws, '--query', 'النظام يبدأ هجوماً برياً', '--json'],
      ['concordance', ws, 'إدلب', '--json'],
      ['segment', first, '--lang', 'fr'],
    ];
    for (const c of cases) {
      const a = run([...sources, ...c], dir);
      const b = run([bundle, ...c], dir);
      assert.deepEqual(b, a, c.join(' '));
    }
    // commands that write files: the same bytes
    // conll writes <prefix>.ar.conll and <prefix>.en.conll
    for (const [format, ext] of [['tmx', '.tmx'], ['tsv', '.tsv'], ['conll', '']] as const) {
      const outA = join(dir, `a${ext}`);
      const outB = join(dir, `b${ext}`);
      const a = run([...sources, 'export', ws, '--format', format, '--out', outA, '--keep-untranslated'], dir);
      const b = run([bundle, 'export', ws, '--format', format, '--out', outB, '--keep-untranslated'], dir);
      assert.equal(b.code, a.code, format);
      assert.equal(b.stdout.replaceAll(outB, 'OUT'), a.stdout.replaceAll(outA, 'OUT'), format);
      const names = format === 'conll' ? ['.ar.conll', '.en.conll'].map((x) => [outA + x, outB + x]) : [[outA, outB]];
      for (const [x, y] of names) assert.equal(await readFile(y, 'utf8'), await readFile(x, 'utf8'), `${format} ${x}`);
    }
  }
}

