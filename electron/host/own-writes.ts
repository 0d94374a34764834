// Files this process wrote recently, by path and content hash, so the folder watcher does not
// report our own saves as external changes (the hash comparison still catches a real change
// that lands right after our save).
import { resolve } from 'node:path';

/** How long a remembered write is kept: long enough for slow watchers, short enough to stay small. */
const KEEP_MS = 60_000;

const recent = new Map<string, { hash: string; at: number }[]>();

/** Notes that we are about to write `hash` to `path`. */
export function rememberOwnWrite(path: string, hash: string, now = Date.now()): void {
  const key = resolve(path);
  const list = (recent.get(key) ?? []).filter((w) => now - w.at < KEEP_MS);
  list.push({ hash, at: now });
  recent.set(key, list.slice(-8));
}

/** True when `path` now holds bytes with `hash` that we wrote ourselves recently. */
export function isOwnWrite(path: string, hash: string | null, now = Date.now()): boolean {
  if (hash === null) return false;
  const list = recent.get(resolve(path));
  return !!list?.some((w) => w.hash === hash && now - w.at < KEEP_MS);
}
