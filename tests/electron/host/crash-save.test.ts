// Fault injection: a child process saving in a loop is killed with SIGKILL at random moments; the
// sidecar on disk must always be a complete old or new version, never a partial file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parseAnnotations } from '../../../shared/formats/sidecar.ts';
import { cleanStaleTemps } from '../../../electron/host/stale-temps.ts';
import { decodeText } from '../../../shared/text/decode.ts';

const CHILD_SOURCE = fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../../assets/samples/002_0c66251a9b5622f5.txt', import.meta.url));
const RUNS = 50;
const PARALLEL = 4;

/**
 * Starts the saving child; once it has finished its first save (so it is inside the save loop),
 * kills it after `delayMs`. The delay is the random moment of the fault, not a wait for anything.
 * Returns the number of the last save the child reported finished.
 */
function runAndKill(child: string, dir: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, join(dir, 'r.txt'), join(dir, 'journal')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last = 0;
    let buf = '';
    let err = '';
    let armed = false;
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) last = Number(l);
      if (last >= 1 && !armed) {
        armed = true;
        setTimeout(() => p.kill('SIGKILL'), delayMs);
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // 'close', not 'exit': 'close' comes after the child's last stdout lines were read
    p.on('close', (code, signal) => (signal === 'SIGKILL' ? resolve(last) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

test(`SIGKILL during saves, ${RUNS} times: the sidecar is always a whole old or new version`, async (t) => {
  const text = decodeText(await readFile(SAMPLE)).text;
  const dirs: string[] = [];
  // bundled once, so each of the many child processes starts fast (no TypeScript loader)
  const work = await mkdtemp(join(tmpdir(), 'muwazi-crash-bundle-'));
  dirs.push(work);
  const child = join(work, 'save-loop.mjs');
  await build({ entryPoints: [CHILD_SOURCE], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'error' });
  // how the kills landed: before the next save replaced the file, after it, or with its temp file half written
  const seen = { old: 0, new: 0, midWrite: 0 };
  try {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < RUNS; run += PARALLEL) {
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL, RUNS - run) }, async () => {
          const dir = await mkdtemp(join(tmpdir(), 'muwazi-crash-'));
          dirs.push(dir);
          await copyFile(SAMPLE, join(dir, 'r.txt'));
          const last = await runAndKill(child, dir, Math.floor(rand() * 120));
          const json = await readFile(join(dir, 'r.annotations.json'), 'utf8');
          const a = parseAnnotations(json, { text }); // throws on a partial file
          const n = Number(a.modified.replace('version ', ''));
          assert.ok(n === last || n === last + 1, `on disk: version ${n}, last finished save: ${last}`);
          seen[n === last ? 'old' : 'new']++;
          const names = await readdir(dir);
          if (names.some((f) => f.endsWith('.tmp'))) seen.midWrite++;
          for (const bak of ['r.annotations.json.bak', 'r.annotations.json.bak.2']) {
            if (names.includes(bak)) parseAnnotations(await readFile(join(dir, bak), 'utf8'), { text });
          }
          // what the killed writer left (temp files, its lock) is cleaned up: its pid is gone
          await cleanStaleTemps(dir);
          assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.tmp') || f.endsWith('.stale')), []);
        }),
      );
    }
    t.diagnostic(`kills: ${seen.old} left the previous version, ${seen.new} the next one, ${seen.midWrite} interrupted a temp-file write`);
  } finally {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }
});
