// External changes: watches a workspace folder (not single files: editors and git replace files by
// rename, which would orphan a per-file watch) and reports changed reports and sidecars, debounced
// per path. Our own writes are not reported: temporary files and .bak copies by name, the save we
// just did by comparing the file's hash with what saveReport remembers writing.
import { readdirSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isOwnScratchFile } from './atomic-write.ts';
import { isOwnWrite } from './own-writes.ts';
import { sha256 } from './report-store.ts';
import { isSkippedDir } from './workspace.ts';
import { DICTIONARY_FILE } from '../../shared/formats/dictionary.ts';

/** What changed: a report's source text, its annotation file, or anything else in the folder. */
export type ChangeKind = 'source' | 'sidecar' | 'other';

/** Options of watchFolder. */
export interface WatchOptions {
  /** quiet time per path before it is reported (default 200 ms): a save or `git pull` is many events */
  debounceMs?: number;
}


/** The kind of change a file name stands for. */
export function changeKind(name: string): ChangeKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.annotations.json')) return 'sidecar';
  if (lower.endsWith('.txt') && basename(lower) !== DICTIONARY_FILE) return 'source';
  return 'other';
}

/** Names never reported: our temp files, .bak copies, "keep both" copies, editor swap files. */
function ignored(name: string): boolean {
  return isOwnScratchFile(name) || /\.annotations\.mine-[^/\\]*\.json$/.test(name) || name.endsWith('~') || /^\.#|\.sw[px]$/.test(name);
}

async function hashOf(path: string): Promise<string | null> {
  try {
    return sha256(await readFile(path));
  } catch {
    return null; // deleted: that is a change worth reporting
  }
}

/**
 * Watches `root` (recursively where the platform allows) and calls `onChange(absolutePath, kind)`
 * once per burst of changes to a path, in the order the bursts ended. Returns a function that
 * stops watching. Errors of the watcher (folder deleted) stop it quietly.
 */
export function watchFolder(root: string, onChange: (path: string, kind: ChangeKind) => void, options: WatchOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 200;
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;
  // reports go through one chain so they come out in order even though hashing is asynchronous
  let chain: Promise<void> = Promise.resolve();

  const report = (path: string) => {
    timers.delete(path);
    chain = chain.then(async () => {
      if (closed) return;
      const kind = changeKind(path);
      if (kind === 'sidecar' && isOwnWrite(path, await hashOf(path))) return;
      if (!closed) onChange(path, kind);
    });
  };

  const onEvent = (_event: string, filename: string | Buffer | null) => {
    if (closed || !filename) return;
    const rel = filename.toString();
    if (ignored(basename(rel))) return;
    const path = join(root, rel);
    clearTimeout(timers.get(path));
    timers.set(path, setTimeout(() => report(path), debounceMs));
  };

  // macOS and Windows watch a tree natively. Node 20's emulated recursive watch on Linux tracks files
  // by inode and misses writes to a file replaced by rename (our own save, git), so there every
  // folder gets its own plain watcher, which reports any entry changing in it.
  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string, rel: string, recursive: boolean) => {
    if (closed || watchers.has(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, { recursive }, (ev, name) => {
        if (name && !recursive) {
          const r = rel ? join(rel, name.toString()) : name.toString();
          onEvent(ev, r);
          if (ev === 'rename' && !isSkippedDir(name.toString())) addTree(join(root, r), r, true); // maybe a new sub-folder
        } else onEvent(ev, name);
      });
    } catch {
      return; // vanished or unreadable: nothing to watch
    }
    w.on('error', () => {
      w.close();
      watchers.delete(dir);
      if (dir === root) stop();
    });
    watchers.set(dir, w);
  };
  /** Watches `dir` and its sub-folders; `announce`: report the files found (a folder that appeared
   * after watching began may have been filled before its watcher existed). */
  const addTree = (dir: string, rel: string, announce = false) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a file, or gone
    }
    add(dir, rel, false);
    for (const d of entries) {
      const r = rel ? join(rel, d.name) : d.name;
      if (d.isDirectory() && !isSkippedDir(d.name)) addTree(join(dir, d.name), r, announce);
      else if (announce && d.isFile() && !ignored(d.name)) onEvent('rename', r);
    }
  };
  if (process.platform === 'darwin' || process.platform === 'win32') add(root, '', true);
  else addTree(root, '');

  function stop() {
    closed = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    for (const w of watchers.values()) w.close();
    watchers.clear();
  }
  return stop;
}
