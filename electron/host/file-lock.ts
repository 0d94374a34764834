// An exclusive lock beside a file, held around a save's check-then-replace so the save is a
// compare-and-swap: of two writers that started from the same version, exactly one replaces the
// file and the other finds the hash changed and takes the conflict path. Works across processes
// (the app, `muwazi import`, a second window) on one machine and on shared folders.
//
// The lock is a file created with O_EXCL (`wx`) holding its owner's pid, host and start time. A lock
// whose owner is gone (same host, pid no longer alive) or that is older than `staleMs` is broken, so
// a crash never blocks a file for good. Written here rather than taken from proper-lockfile: that one
// judges staleness by mtime alone and keeps a timer refreshing it; a save holds the lock for
// milliseconds, and the owner's pid answers "is it still alive" at once.
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { HostError } from './errors.ts';
import { TEMP_PREFIX, writeFailure } from './atomic-write.ts';

/** Suffix of lock files (their names start with TEMP_PREFIX, so the folder watcher ignores them). */
export const LOCK_SUFFIX = '.lock';

/** Options of withFileLock. */
export interface LockOptions {
  /** a lock older than this is broken whatever its owner (default 30 s; a save takes milliseconds) */
  staleMs?: number;
  /** give up waiting for another writer's lock after this long (default 15 s) */
  timeoutMs?: number;
  /** clock (tests) */
  now?: () => number;
}

/** `<dir>/.muwazi-<name>.lock` for `<dir>/<name>`. */
export function lockPathOf(target: string): string {
  return join(dirname(target), `${TEMP_PREFIX}${basename(target)}${LOCK_SUFFIX}`);
}

/** Whether a process with this pid runs on this machine (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockInfo {
  pid: number;
  host: string;
  at: number;
  token: string;
}

function parseLock(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.at === 'number' && typeof v.token === 'string') return v as LockInfo;
  } catch {
    // a lock file cut short by a crash while being written: judged by age only
  }
  return null;
}

/** An unreadable lock older than this is a dead writer's (a live one fills it at once). */
const UNREADABLE_STALE_MS = 2_000;

async function olderThan(path: string, ms: number, now: number): Promise<boolean> {
  try {
    return now - (await stat(path)).mtimeMs > ms;
  } catch {
    return true; // gone: take it
  }
}

/** Runs `fn` while holding the lock of `target`; waits for another holder to finish. Throws
 * HostError('conflict') when the lock stays held past the timeout. */
export async function withFileLock<T>(target: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const path = lockPathOf(target);
  const token = await acquire(path, target, opts);
  try {
    return await fn();
  } finally {
    await release(path, token);
  }
}

async function acquire(path: string, target: string, opts: LockOptions): Promise<string> {
  const now = opts.now ?? Date.now;
  const staleMs = opts.staleMs ?? 30_000;
  const deadline = now() + (opts.timeoutMs ?? 15_000);
  const token = randomBytes(8).toString('hex');
  let wait = 2;
  for (;;) {
    const info: LockInfo = { pid: process.pid, host: hostname(), at: now(), token };
    try {
      const fh = await open(path, 'wx', 0o644);
      try {
        await fh.writeFile(JSON.stringify(info));
      } finally {
        await fh.close();
      }
      return token;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // a folder gone, read-only or full: the same specific message a failed write gives
      if (code !== 'EEXIST') throw writeFailure(e, target);
    }
    const held = await readFile(path, 'utf8').catch(() => null);
    if (held === null) continue; // released between our attempt and the read: try again at once
    const owner = parseLock(held);
    // an empty or cut lock is a writer between creating and filling it — or one that died there:
    // only its age tells which
    const stale = owner
      ? (owner.host === hostname() && !pidAlive(owner.pid)) || now() - owner.at > staleMs
      : await olderThan(path, UNREADABLE_STALE_MS, now());
    if (stale && (await breakLock(path, held))) continue;
    if (now() > deadline) {
      const who = owner ? ` by process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}` : '';
      throw new HostError('conflict', `${basename(target)} is being saved${who}; it was not saved now. Your edits are kept: save again.`);
    }
    await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
    wait = Math.min(wait * 2, 50);
  }
}

/** Moves a stale lock out of the way; true when it was the one judged stale (or is gone). If another
 * writer replaced it in between, that writer's live lock is put back and false is returned. */
async function breakLock(path: string, judged: string): Promise<boolean> {
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return true; // gone already: try to take it
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved === judged) {
    await unlink(aside).catch(() => undefined);
    return true;
  }
  // we took a fresh lock: give it back (rename refuses nothing, so only when no newer lock exists)
  try {
    const fh = await open(path, 'wx', 0o644);
    try {
      await fh.writeFile(moved ?? '');
    } finally {
      await fh.close();
    }
  } catch {
    // someone holds a newer lock; the writer whose lock we moved keeps going: rare, and the hash check
    // inside its save still refuses a stale version
  }
  await unlink(aside).catch(() => undefined);
  return false;
}

async function release(path: string, token: string): Promise<void> {
  const held = await readFile(path, 'utf8').catch(() => null);
  // only our own lock: a lock broken as stale and taken by another writer is theirs now
  if (held !== null && parseLock(held)?.token === token) await unlink(path).catch(() => undefined);
}
