// Removes what a killed save left behind: our own temporary files
// (`.muwazi-<name>.<pid>.<12 hex>.tmp`, written by atomic-write.ts) and broken-lock leftovers
// (`.muwazi-<name>.lock.<pid>.<8 hex>.stale`), when their writer is gone or they are older than a few
// minutes. Only names of exactly that pattern are touched; nothing else in the folder ever is.
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pidAlive } from './file-lock.ts';

/** Our temp-file and stale-lock names, with the writer's pid in group 1. */
const OWN_SCRATCH = /^\.muwazi-.+\.(\d+)\.(?:[0-9a-f]{12}\.tmp|[0-9a-f]{8}\.stale)$/;

/** A leftover older than this is removed even when its pid is alive (pids are reused). */
export const STALE_TEMP_MS = 5 * 60_000;

/** Options of cleanStaleTemps. */
export interface CleanOptions {
  maxAgeMs?: number;
  now?: () => number;
}

/** Removes stale leftovers of our own saves in one folder (not its subfolders); returns their names.
 * A folder that cannot be read is left alone. */
export async function cleanStaleTemps(dir: string, opts: CleanOptions = {}): Promise<string[]> {
  const now = (opts.now ?? Date.now)();
  const maxAge = opts.maxAgeMs ?? STALE_TEMP_MS;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = OWN_SCRATCH.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const p = join(dir, name);
    try {
      const st = await stat(p);
      if (!st.isFile()) continue;
      const old = now - st.mtimeMs > maxAge;
      // a live writer other than us may be mid-save; our own live pid is this process, whose saves
      // remove their temp files themselves, so only age removes those
      const ownerGone = pid !== process.pid && !pidAlive(pid);
      if (!old && !ownerGone) continue;
      await unlink(p);
      removed.push(name);
    } catch {
      // vanished meanwhile (its save finished) or not ours to remove: leave it
    }
  }
  return removed;
}

const lastCleaned = new Map<string, number>();

/** cleanStaleTemps at most once a minute per folder (before saves: a readdir per keystroke-save is waste). */
export async function cleanStaleTempsThrottled(dir: string, opts: CleanOptions = {}): Promise<void> {
  const now = (opts.now ?? Date.now)();
  const last = lastCleaned.get(dir);
  if (last !== undefined && now - last < 60_000) return;
  lastCleaned.set(dir, now);
  await cleanStaleTemps(dir, opts);
}
