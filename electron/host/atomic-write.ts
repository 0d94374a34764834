// Atomic file replacement: after a crash or power loss the file is either the old version or the
// new one, never a mix. Steps: write a temporary file in the same folder (rename is only atomic
// within one file system), fsync it, keep the old version as `<file>.bak` (a hard link, so the old
// bytes stay intact while the name moves on; the version before it as `<file>.bak.2`), rename over the target, fsync the folder so the
// rename itself is durable. Any failure removes the temporary file and leaves the target as it was.
import * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { HostError } from './errors.ts';

/** The file operations used, injectable so tests can simulate a full disk or a denied write. */
export interface AtomicFs {
  open: (path: string, flags: string, mode?: number) => Promise<FileHandle>;
  /** writes all of `data` (pieces one after the other) to the open file */
  write: (fh: FileHandle, data: Uint8Array | readonly Uint8Array[]) => Promise<void>;
  /** flushes the file (or folder) to the disk */
  sync: (fh: FileHandle) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  link: (existing: string, newPath: string) => Promise<void>;
  copyFile: (from: string, to: string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
}

export const nodeFs: AtomicFs = {
  open: (p, flags, mode) => fsp.open(p, flags, mode),
  write: async (fh, data) => {
    if (!Array.isArray(data)) return fh.writeFile(data as Uint8Array);
    // one writev (libuv writes every piece, resuming after short writes); checked all the same
    const { bytesWritten } = await fh.writev(data as Uint8Array[]);
    const total = (data as Uint8Array[]).reduce((n, b) => n + b.length, 0);
    if (bytesWritten !== total) throw new Error(`short write: ${bytesWritten} of ${total} bytes`);
  },
  sync: (fh) => fh.sync(),
  rename: fsp.rename,
  link: fsp.link,
  copyFile: (a, b) => fsp.copyFile(a, b),
  unlink: fsp.unlink,
};

/** Options of atomicWriteFile. */
export interface AtomicWriteOptions {
  /** keep the replaced version as `<file>.bak` (default true) */
  backup?: boolean;
  /** file operations to use (default: node:fs); tests inject failures */
  fs?: Partial<AtomicFs>;
  /** flush to disk (default true); off only for throwaway files such as the journal's tests */
  durable?: boolean;
  /**
   * Work to do before the new version takes the target's name, run while the temporary file is
   * being flushed (the disk wait and this CPU work overlap). The save uses it to hash the bytes
   * and note its own write for the folder watcher. A failure here aborts the write like any other.
   */
  beforeRename?: () => void | Promise<void>;
}

/** Prefix and suffix of our temporary files, so the folder watcher can ignore them. */
export const TEMP_PREFIX = '.muwazi-';
export const TEMP_SUFFIX = '.tmp';

/** True for a file name this module and the save lock write transiently (temp files, locks, broken
 * locks) or as side copies (.bak, .bak.2). */
export function isOwnScratchFile(name: string): boolean {
  return (name.startsWith(TEMP_PREFIX) && /\.(tmp|lock|stale)$/.test(name)) || name.endsWith('.bak') || name.endsWith('.bak.2');
}

/** Turns a file-system error into a specific HostError; the message says the file is unchanged. */
export function writeFailure(e: unknown, target: string): HostError {
  if (e instanceof HostError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const name = basename(target);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new HostError('disk-full', `The disk is full: ${name} could not be saved. The file on disk is unchanged; your edits are kept.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new HostError('permission-denied', `Permission denied: ${name} could not be saved in ${dirname(target)}. The file on disk is unchanged; your edits are kept.`);
  }
  if (code === 'ENOENT') return new HostError('not-found', `The folder ${dirname(target)} no longer exists: ${name} could not be saved. Your edits are kept.`);
  const msg = e instanceof Error ? e.message : String(e);
  return new HostError('internal', `Could not save ${name}: ${msg}. The file on disk is unchanged; your edits are kept.`);
}

/** Replaces `target` with `data` (a list: its pieces one after the other) atomically (see the file header). Throws HostError. */
export async function atomicWriteFile(target: string, data: string | Uint8Array | readonly Uint8Array[], options: AtomicWriteOptions = {}): Promise<void> {
  const fs: AtomicFs = { ...nodeFs, ...options.fs };
  const durable = options.durable ?? true;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const dir = dirname(target);
  const tmp = join(dir, `${TEMP_PREFIX}${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  let created = false;
  try {
    const fh = await fs.open(tmp, 'wx', 0o644);
    created = true;
    try {
      await fs.write(fh, bytes);
      const flushed = durable ? fs.sync(fh) : Promise.resolve();
      // both settle before the handle closes, even when one fails
      const [f, b] = await Promise.allSettled([flushed, (async () => options.beforeRename?.())()]);
      if (f.status === 'rejected') throw f.reason;
      if (b.status === 'rejected') throw b.reason;
    } finally {
      await fh.close();
    }
    if (options.backup ?? true) await backup(fs, target);
    await fs.rename(tmp, target);
    created = false;
  } catch (e) {
    if (created) await fs.unlink(tmp).catch(() => undefined);
    throw writeFailure(e, target);
  }
  if (durable) await syncFolder(fs, dir);
}

/** `target` → `target.bak`, the previous .bak moving to `.bak.2` first: a kill at any step leaves the
 * target and at least one older version (a kill between backup and rename used to leave .bak equal
 * to the target, the older version gone). Nothing to do if target is absent. */
async function backup(fs: AtomicFs, target: string): Promise<void> {
  const bak = target + '.bak';
  const tmpBak = join(dirname(target), `${TEMP_PREFIX}${basename(bak)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await fs.link(target, tmpBak);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // first save: no previous version
    // file systems without hard links (FAT, some network shares): copy instead
    try {
      await fs.copyFile(target, tmpBak);
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e2;
    }
  }
  try {
    await fs.rename(bak, bak + '.2').catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e; // no .bak yet
    });
    await fs.rename(tmpBak, bak);
  } catch (e) {
    await fs.unlink(tmpBak).catch(() => undefined);
    throw e;
  }
}

/** fsync a folder so a rename in it survives power loss. Not possible on Windows: ignored there. */
async function syncFolder(fs: AtomicFs, dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await fs.open(dir, 'r');
    await fs.sync(fh);
  } catch {
    // EISDIR/EPERM on Windows, EINVAL on some file systems: the rename is done, durability best effort
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
