// Two real processes save the same sidecar many times from the same starting versions: every save
// reported successful must be in the final file (no lost update), because a save's hash check and
// rename happen under one lock (electron/host/file-lock.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { withTmp } from '../../fixtures/tmp.ts';

const CHILD_SOURCE = fileURLToPath(new URL('./fixtures/race-save.ts', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../../assets/samples/000_48f48287e09c6a5a.txt', import.meta.url));
const SAVES = 120;

interface Writer { proc: ChildProcess; ready: Promise<void>; done: Promise<string[]> }

function startWriter(child: string, dir: string, label: string): Writer {
  const proc = spawn(process.execPath, [child, join(dir, 'r.txt'), join(dir, 'journal'), label, String(SAVES)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  // 'close', not 'exit': the last stdout lines are read before it fires
  const done = new Promise<string[]>((resolve, reject) => proc.on('close', (code) => {
    if (code !== 0) reject(new Error(`writer ${label} exited ${code}: ${err}`));
    else resolve(out.split('\n').filter((l) => l.startsWith('saved ')).map((l) => l.slice(6)));
  }));
  return { proc, ready, done };
}

test(`two processes race ${SAVES} saves each on one sidecar: no reported save is lost`, () =>
  withTmp(async (dir) => {
    await copyFile(SAMPLE, join(dir, 'r.txt'));
    const child = join(dir, 'race-save.mjs');
    await build({ entryPoints: [CHILD_SOURCE], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'error' });
    const writers = [startWriter(child, dir, 'أ'), startWriter(child, dir, 'b')];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.proc.stdin!.write('go\n');
    const saved = (await Promise.all(writers.map((w) => w.done))).flat();
    assert.equal(saved.length, 2 * SAVES, 'every marker was saved once (conflicts were retried)');
    const final = JSON.parse(await readFile(join(dir, 'r.annotations.json'), 'utf8')) as { raceLog: string[] };
    const kept = new Set(final.raceLog);
    const lost = saved.filter((m) => !kept.has(m));
    assert.deepEqual(lost, [], `lost updates: ${lost.length}`);
    assert.equal(final.raceLog.length, 2 * SAVES, 'no marker twice');
    // nothing of the writers is left behind: no temp file, no lock
    assert.deepEqual((await readdir(dir)).filter((n) => n.startsWith('.muwazi-')), []);
  }));
