// Path confinement: the host only touches files under a folder the user opened. Every path from
// the renderer goes through `OpenedRoots.resolve`, which resolves `..` and symlinks (realpath) before
// comparing, so neither `root/../etc` nor a symlink inside the folder pointing out of it gets through.
import { realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HostError } from './errors.ts';

/** True when `child` is `parent` or lies under it (both already real, absolute paths). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The real path of `p`; when `p` does not exist yet (an output file), the real path of its nearest
 * existing ancestor joined with the rest, so a new file is judged by where it would really land.
 */
export async function realpathLoose(p: string): Promise<string> {
  const abs = resolve(p);
  try {
    return await realpath(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const parent = dirname(abs);
    if (parent === abs) return abs;
    return join(await realpathLoose(parent), basename(abs));
  }
}

/** The set of folders the user opened in this session (real paths). */
export class OpenedRoots {
  private readonly roots = new Set<string>();

  /** Registers a folder the user chose; returns its real path. Fails unless it is a directory. */
  async add(folder: string): Promise<string> {
    if (!isAbsolute(folder)) throw new HostError('invalid-request', `The folder path must be absolute: ${folder}`);
    const real = await realpath(folder).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') throw new HostError('not-found', `Folder not found: ${folder}`);
      throw e;
    });
    if (!(await stat(real)).isDirectory()) throw new HostError('invalid-request', `Not a folder: ${folder}`);
    this.roots.add(real);
    return real;
  }

  /** The opened folders, real paths. */
  list(): string[] {
    return [...this.roots];
  }

  /**
   * Resolves a path the renderer sent to its real absolute path, or throws 'outside-workspace'
   * when it does not lie under an opened folder. `..` and symlinks are resolved first.
   */
  async resolve(p: string): Promise<string> {
    if (!isAbsolute(p)) throw new HostError('outside-workspace', `Paths must be absolute and inside an opened folder: ${p}`);
    const real = await realpathLoose(p);
    if (!this.rootOf(real)) throw new HostError('outside-workspace', `This path is outside the folders you opened: ${p}`);
    return real;
  }

  /** The opened folder holding a real path (the deepest one), or undefined. */
  rootOf(real: string): string | undefined {
    let best: string | undefined;
    for (const r of this.roots) if (isInside(r, real) && (!best || r.length > best.length)) best = r;
    return best;
  }
}

/**
 * The app's data folder outside Electron, where Electron's `app.getPath('userData')` would put it,
 * so browser mode and the desktop app share the sample project. MUWAZI_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.MUWAZI_DATA_DIR) return resolve(env.MUWAZI_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Muwazi');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Muwazi');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Muwazi');
}
