// Which folders the page may open. A folder is usable only because the user chose it, and only the
// main process (or the browser-mode server) records that choice: the native folder dialog, the
// command line / start-up argument, the sample project. Main keeps those folders as a recent list
// (persisted in the data folder, each with an id), and the page may reopen a folder only by naming
// one of them (by id, or by the path main already granted).
//
// Browser mode has no native dialog: the page's own dialog types a path. There the rule is as narrow
// as still works: a typed folder must lie under the user's home or the system's temporary folder,
// and never in a hidden folder there (~/.ssh, ~/.config, …) nor be a system folder. Electron never
// accepts a typed path it did not grant.
import { mkdir, readFile, realpath } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { atomicWriteFile } from './atomic-write.ts';
import { isInside } from './paths.ts';

/** One folder the user chose, as the recent list keeps it. */
export interface RecentFolder {
  /** opaque id the page uses to reopen it */
  id: string;
  /** real path */
  path: string;
  /** folder name, for display */
  name: string;
  /** ISO time it was last opened */
  openedAt: string;
}

/** Options of FolderAccess. */
export interface FolderAccessOptions {
  mode: 'electron' | 'browser';
  /** the app's data folder (recent-folders.json lives there) */
  dataDir: string;
  /** where typed paths may point in browser mode (defaults: the home and temp folders, real paths) */
  typedRoots?: string[];
  /** clock (tests) */
  now?: () => string;
}

/** How many folders the recent list keeps. */
export const MAX_RECENT = 20;
const RECENT_FILE = 'recent-folders.json';

/** True when a real path is a hidden folder (or inside one) below `root`: ~/.ssh, ~/.config/x. */
function inHiddenFolder(root: string, real: string): boolean {
  return relative(root, real).split(sep).some((part) => part.startsWith('.') && part !== '.');
}

export class FolderAccess {
  private recent: RecentFolder[] = [];
  private loaded: Promise<void> | null = null;
  private typedRoots: string[] = [];

  constructor(private readonly o: FolderAccessOptions) {}

  private get file(): string {
    return join(this.o.dataDir, RECENT_FILE);
  }

  /** Reads the persisted list once; a missing or unreadable file is an empty list. */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      // compared with real paths, so the roots are real too (macOS's /tmp is /private/tmp)
      this.typedRoots = await Promise.all((this.o.typedRoots ?? [homedir(), tmpdir()]).map((r) => realpath(r).catch(() => r)));
      try {
        const v = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
        if (Array.isArray(v)) {
          this.recent = v.filter((r): r is RecentFolder =>
            !!r && typeof r.id === 'string' && typeof r.path === 'string' && typeof r.name === 'string' && typeof r.openedAt === 'string').slice(0, MAX_RECENT);
        }
      } catch {
        this.recent = [];
      }
    })();
    return this.loaded;
  }

  /** Records a folder the user chose (dialog, command line, start-up, sample); returns its entry. */
  async grant(real: string): Promise<RecentFolder> {
    await this.load();
    const old = this.recent.find((r) => r.path === real);
    const entry: RecentFolder = {
      id: old?.id ?? randomBytes(9).toString('base64url'),
      path: real,
      name: basename(real),
      openedAt: (this.o.now ?? (() => new Date().toISOString()))(),
    };
    this.recent = [entry, ...this.recent.filter((r) => r.path !== real)].slice(0, MAX_RECENT);
    try {
      await mkdir(this.o.dataDir, { recursive: true });
      await atomicWriteFile(this.file, JSON.stringify(this.recent, null, 2) + '\n', { backup: false });
    } catch {
      // the grant holds for this run; only the list across runs is lost
    }
    return entry;
  }

  /** The recent list, most recent first. */
  async list(): Promise<RecentFolder[]> {
    await this.load();
    return [...this.recent];
  }

  /** The path of a recent entry by id, or undefined. */
  async pathOf(id: string): Promise<string | undefined> {
    await this.load();
    return this.recent.find((r) => r.id === id)?.path;
  }

  /** Whether the page may open this real folder path: granted before, or (browser mode) a typed path
   * within the narrow rule of the file header. */
  async mayOpen(real: string): Promise<boolean> {
    await this.load();
    if (this.recent.some((r) => r.path === real)) return true;
    if (this.o.mode !== 'browser') return false;
    return this.typedRoots.some((root) => isInside(root, real) && real !== root && !inHiddenFolder(root, real));
  }

  /** Why a typed path was refused, for the user. */
  refusal(path: string): string {
    return this.o.mode === 'browser'
      ? `Muwazi opens a typed folder only inside your home or temporary folder, and never a hidden or system folder: ${path}. Choose a folder there, or start Muwazi with the folder on the command line.`
      : `Muwazi opens only folders you chose: use File → Open Folder… or a recent folder. ${path} was not opened.`;
  }
}
