// A way out of a damaged annotation file (issue 14 §4): what can replace it (the two backups every
// save keeps, `.bak` and `.bak.2`, and the recovery journal), each with its date and row count, and
// restoring one. The damaged file is never deleted: it is moved aside as
// `<name>.annotations.damaged-<timestamp>.json` first, so a restore can itself be undone by hand.
import { copyFile, readFile, stat } from 'node:fs/promises';
import { parseAnnotations, serializeAnnotations } from '../../shared/formats/sidecar.ts';
import { atomicWriteFile, writeFailure } from './atomic-write.ts';
import { readJournal } from './journal.ts';
import { sidecarPath } from './report-store.ts';
import { HostError } from './errors.ts';
import { withFileLock } from './file-lock.ts';

/** Where a replacement comes from. */
export type RestoreSource = 'bak' | 'bak2' | 'journal';

/** One replacement on offer. */
export interface RestoreOption {
  source: RestoreSource;
  /** ISO time: the backup file's modification time, or when the journal was written */
  date: string;
  /** its rows (alignment units) */
  rows: number;
}

const backupFile = (txtPath: string, source: 'bak' | 'bak2') => sidecarPath(txtPath) + (source === 'bak' ? '.bak' : '.bak.2');

/** A backup that parses as annotations (schema only: the source may have changed since), or null. */
async function readBackup(path: string): Promise<{ rows: number; date: string } | null> {
  try {
    const [text, st] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { rows: parseAnnotations(text).units.length, date: st.mtime.toISOString() };
  } catch {
    return null;
  }
}

/** The readable backups and the journal of `txtPath`, newest kind first (.bak, .bak.2, journal). */
export async function restoreOptions(txtPath: string, journalDir: string): Promise<RestoreOption[]> {
  const out: RestoreOption[] = [];
  for (const source of ['bak', 'bak2'] as const) {
    const b = await readBackup(backupFile(txtPath, source));
    if (b) out.push({ source, ...b });
  }
  const j = await readJournal(journalDir, txtPath);
  if (j) out.push({ source: 'journal', date: j.written, rows: j.annotations.units.length });
  return out;
}

/** Timestamp usable in a file name: 20240131-142501. */
const stampOf = (iso: string) => iso.replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');

/**
 * Replaces the sidecar of `txtPath` with a backup or the journal's annotations; the file it
 * replaces (damaged) is moved aside first. Returns the path it was moved to (null: there was none).
 * HostError 'not-found' when the chosen source is not there or not readable.
 */
export async function restoreSidecar(txtPath: string, source: RestoreSource, journalDir: string, now: () => string = () => new Date().toISOString()): Promise<string | null> {
  let bytes: string;
  if (source === 'journal') {
    const j = await readJournal(journalDir, txtPath);
    if (!j) throw new HostError('not-found', 'There are no unsaved edits in the recovery journal for this report.');
    bytes = serializeAnnotations(j.annotations);
  } else {
    const path = backupFile(txtPath, source);
    try {
      bytes = await readFile(path, 'utf8');
      parseAnnotations(bytes);
    } catch {
      throw new HostError('not-found', `${path} is missing or cannot be read either.`);
    }
  }
  const sc = sidecarPath(txtPath);
  return withFileLock(sc, async () => {
    let aside: string | null = sc.replace(/\.json$/, `.damaged-${stampOf(now())}.json`);
    try {
      // copied aside, then replaced in place without rotating the backups (they are what the user
      // restores from, and may want to try the other one next)
      await copyFile(sc, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw writeFailure(e, aside);
      aside = null;
    }
    try {
      await atomicWriteFile(sc, bytes, { backup: false });
    } catch (e) {
      throw writeFailure(e, sc);
    }
    return aside;
  });
}

