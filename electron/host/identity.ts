// The user's name, for provenance (format 1.1: who changed a row's status, a mention, a link).
// App-level, not per project: set once in the Settings dialog and kept in the app's data folder
// (preferences.json, beside recent-folders.json), so the desktop app, browser mode and the CLI
// (which finds the same folder through defaultDataDir) stamp with one name. Until the user sets
// one it is the OS account name. MUWAZI_USER overrides both (scripts, CI).
import { mkdir, readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { atomicWriteFile } from './atomic-write.ts';
import { defaultDataDir } from './paths.ts';

const PREFS_FILE = 'preferences.json';
/** Longest name kept (the sidecar schema's limit). */
export const MAX_USER_NAME = 200;

/** The OS account name, or "unknown" where the OS has none (a container without a passwd entry). */
export function osUserName(env: NodeJS.ProcessEnv = process.env): string {
  try {
    const name = userInfo().username.trim();
    if (name) return name.slice(0, MAX_USER_NAME);
  } catch {
    // no passwd entry: fall through to the environment
  }
  return (env.USER ?? env.USERNAME ?? '').trim().slice(0, MAX_USER_NAME) || 'unknown';
}

/** The name the user set (undefined when none, or the file is unreadable). */
async function storedName(dataDir: string): Promise<string | undefined> {
  try {
    const v = JSON.parse(await readFile(join(dataDir, PREFS_FILE), 'utf8')) as { userName?: unknown };
    return typeof v.userName === 'string' && v.userName.trim() ? v.userName.trim().slice(0, MAX_USER_NAME) : undefined;
  } catch {
    return undefined;
  }
}

/** What the Settings dialog shows: the name in use, and whether it is the OS default. */
export async function readIdentity(dataDir = defaultDataDir(), env: NodeJS.ProcessEnv = process.env): Promise<{ name: string; isDefault: boolean }> {
  const override = env.MUWAZI_USER?.trim();
  if (override) return { name: override.slice(0, MAX_USER_NAME), isDefault: false };
  const stored = await storedName(dataDir);
  return stored ? { name: stored, isDefault: false } : { name: osUserName(env), isDefault: true };
}

/** The name provenance is stamped with. */
export async function currentUserName(dataDir = defaultDataDir(), env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return (await readIdentity(dataDir, env)).name;
}

/** Stores the user's name; an empty one goes back to the OS default. Other preferences are kept. */
export async function writeUserName(dataDir: string, name: string): Promise<void> {
  const file = join(dataDir, PREFS_FILE);
  let prefs: Record<string, unknown> = {};
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) prefs = v as Record<string, unknown>;
  } catch {
    // none yet, or unreadable: start afresh
  }
  const trimmed = name.trim().slice(0, MAX_USER_NAME);
  if (trimmed) prefs.userName = trimmed;
  else delete prefs.userName;
  await mkdir(dataDir, { recursive: true });
  await atomicWriteFile(file, JSON.stringify(prefs, null, 2) + '\n', { backup: false });
}
