// Crash-recovery journal: the renderer sends unsaved edits here about a second after each change;
// a successful save or an explicit discard clears them. One file per report in the app's data
// folder, named by a hash of the report's absolute path (paths can be long or hold characters the
// data folder's file system rejects). Written atomically, so a crash mid-write keeps the previous entry.
import { createHash } from 'node:crypto';
import { readFile, mkdir, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AnnotationsSchema } from '../../shared/model/schema.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { atomicWriteFile } from './atomic-write.ts';
import { defaultDataDir } from './paths.ts';

const JOURNAL_FORMAT = 'muwazi-journal';

/** One journal entry. */
export interface JournalEntry {
  /** absolute path of the report's .txt */
  path: string;
  /** ISO time the entry was written */
  written: string;
  /** the unsaved annotations */
  annotations: Annotations;
}

/**
 * The default journal folder: `$MUWAZI_JOURNAL_DIR`, else `journal/` in the app data folder
 * (`$MUWAZI_DATA_DIR`, else the platform's per-user folder for "Muwazi", which is where Electron's
 * `app.getPath('userData')` points; paths.ts defaultDataDir). The Electron main process passes its own folder explicitly.
 */
export function defaultJournalDir(): string {
  if (process.env.MUWAZI_JOURNAL_DIR) return process.env.MUWAZI_JOURNAL_DIR;
  return join(defaultDataDir(), 'journal');
}

/** The journal file of a report. */
export function journalPath(journalDir: string, txtPath: string): string {
  const key = createHash('sha256').update(resolve(txtPath)).digest('hex').slice(0, 32);
  return join(journalDir, key + '.journal.json');
}

/** Records unsaved edits of `txtPath`. `now` is injectable for tests. */
export async function writeJournal(journalDir: string, txtPath: string, annotations: Annotations, now: () => string = () => new Date().toISOString()): Promise<void> {
  await mkdir(journalDir, { recursive: true });
  const entry = { format: JOURNAL_FORMAT, path: resolve(txtPath), written: now(), annotations };
  await atomicWriteFile(journalPath(journalDir, txtPath), JSON.stringify(entry), { backup: false });
}

/**
 * The journal entry of `txtPath`, or null when there is none. An unreadable or invalid entry (a
 * journal from a crashed older build, say) also gives null: it cannot be offered for restore.
 */
export async function readJournal(journalDir: string, txtPath: string): Promise<JournalEntry | null> {
  let text: string;
  try {
    text = await readFile(journalPath(journalDir, txtPath), 'utf8');
  } catch {
    return null;
  }
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (raw.format !== JOURNAL_FORMAT || raw.path !== resolve(txtPath) || typeof raw.written !== 'string') return null;
    const r = AnnotationsSchema.safeParse(raw.annotations);
    return r.success ? { path: raw.path, written: raw.written, annotations: r.data } : null;
  } catch {
    return null;
  }
}

/** Removes the journal entry of `txtPath` (no error when there is none). */
export async function discardJournal(journalDir: string, txtPath: string): Promise<void> {
  await unlink(journalPath(journalDir, txtPath)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}
