import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockPathOf, pidAlive, withFileLock } from '../../../electron/host/file-lock.ts';
import { HostError } from '../../../electron/host/errors.ts';
import { withTmp } from '../../fixtures/tmp.ts';

/** The pid of a process that has exited (so certainly not alive now, barring reuse within the test). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

test('the lock lives beside the file under our scratch prefix, and is gone after the work', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'تقرير.annotations.json');
    assert.equal(lockPathOf(f), join(dir, '.muwazi-تقرير.annotations.json.lock'));
    const seen = await withFileLock(f, async () => readdir(dir));
    assert.deepEqual(seen, ['.muwazi-تقرير.annotations.json.lock']);
    assert.deepEqual(await readdir(dir), []);
  }));

test('a second holder waits until the first releases (work never overlaps)', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const firstIn = new Promise<void>((r) => (entered = r));
    const first = withFileLock(f, async () => {
      events.push('first in');
      entered();
      await held;
      events.push('first out');
    });
    await firstIn;
    const second = withFileLock(f, async () => void events.push('second in'));
    // the second is polling for the lock now; it cannot get in before the first lets go
    await new Promise<void>((r) => setImmediate(r));
    events.push('release');
    release();
    await Promise.all([first, second]);
    assert.deepEqual(events, ['first in', 'release', 'first out', 'second in']);
  }));

test('the lock is released when the work throws', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    await assert.rejects(withFileLock(f, async () => { throw new Error('بوم'); }), /بوم/);
    assert.deepEqual(await readdir(dir), []);
  }));

test("a crashed writer's lock (its pid is gone) is broken at once", () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    const pid = deadPid();
    assert.equal(pidAlive(pid), false);
    await writeFile(lockPathOf(f), JSON.stringify({ pid, host: hostname(), at: Date.now(), token: 'x' }));
    assert.equal(await withFileLock(f, async () => 'ok', { timeoutMs: 60_000 }), 'ok');
    assert.deepEqual(await readdir(dir), []);
  }));

test('a live owner past staleMs is broken; before it, waiting ends in a specific conflict', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    const lock = JSON.stringify({ pid: process.pid, host: hostname(), at: 1_000, token: 'other' });
    await writeFile(lockPathOf(f), lock);
    let t = 1_500;
    const now = () => (t += 10_000);
    // live owner, young lock, deadline passed → refused, the lock left alone
    await assert.rejects(
      withFileLock(f, async () => 'never', { now: () => 2_000, staleMs: 60_000, timeoutMs: -1 }),
      (e: unknown) => e instanceof HostError && e.code === 'conflict' && new RegExp(`a\\.json is being saved by process ${process.pid}`).test(e.message),
    );
    assert.deepEqual(await readdir(dir), ['.muwazi-a.json.lock']);
    // the same lock judged by a clock far ahead: stale, broken, taken
    assert.equal(await withFileLock(f, async () => 'taken', { now, staleMs: 5_000 }), 'taken');
    assert.deepEqual(await readdir(dir), []);
  }));

test('an empty lock (a writer between creating and filling it) is respected while young, broken when old', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    await writeFile(lockPathOf(f), '');
    await assert.rejects(withFileLock(f, async () => 'never', { timeoutMs: -1 }), (e: unknown) => e instanceof HostError && e.code === 'conflict');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPathOf(f), old, old);
    assert.equal(await withFileLock(f, async () => 'ok'), 'ok');
  }));

test('a folder that does not exist gives the specific not-found message, not a raw errno', () =>
  withTmp(async (dir) => {
    await assert.rejects(withFileLock(join(dir, 'missing', 'a.json'), async () => 'x'), (e: unknown) => e instanceof HostError && e.code === 'not-found');
  }));
