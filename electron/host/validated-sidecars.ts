// Sidecar versions this app has validated, by content hash (issue 17 item 2). Loading a sidecar
// whose sha256 is in the record skips the zod schema (the content is byte for byte one that passed
// it); any other file, a hand-edited one included, takes the full check. The consistency checks
// (offsets, ids, references, texts against the source) run on every load either way.
//
// A hash names content, not a file, so the record is safe to share between reports and folders and
// to keep across runs: it is persisted (best effort, off the save's critical path) in the app's
// data folder beside recent-folders.json, never in the user's project, so reopening a report after
// a restart is fast too (the file is hashed once, ~25 ms for 12 MB, against ~40 ms of schema).
// The record is tied to the schema that validated it: a fingerprint of the annotation schema is
// stored with it, and a record written by another schema is ignored.
//
// A hash may also be marked consistent: that content passed every consistency check against the
// source whose sha256 it names (source.sha256). Loading it beside that very source skips the checks
// too (the checks are a function of the two contents; CHECKS_VERSION, in the fingerprint, changes
// when they do). Saves mark what check-since.ts vouches for (rows' segments unchanged since a
// version checked against that source); loads mark what they checked against it.
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { AnnotationsSchema, FORMAT_VERSION } from '../../shared/model/schema.ts';

/** File name of the persisted record in the app's data folder. */
export const VALIDATED_FILE = 'validated-sidecars.json';
const RECORD_FORMAT = 'muwazi-validated-sidecars';
const HASH = /^[0-9a-f]{64}$/;

/** Raise when shared/formats/sidecar.ts checkAnnotations checks something new: consistent marks
 * made by older checks are then ignored. */
const CHECKS_VERSION = 1;

let fingerprint: string | undefined;
/** sha256 of the annotation schema (as JSON Schema), format version and checks' version, computed once. */
export function schemaFingerprint(): string {
  fingerprint ??= createHash('sha256')
    .update(FORMAT_VERSION + '\n' + CHECKS_VERSION + '\n' + JSON.stringify(z.toJSONSchema(AnnotationsSchema, { io: 'input', unrepresentable: 'any' })))
    .digest('hex');
  return fingerprint;
}

/** The most recent validated hashes (insertion order = age), optionally persisted to `file`. */
export class ValidatedSidecars {
  private readonly hashes = new Set<string>();
  /** the hashes (of `hashes`) whose content is consistent with the source it names */
  private readonly consistent = new Set<string>();
  private file: string | null = null;
  private loading: Promise<void> | null = null;
  private writing: Promise<void> | null = null;
  private dirty = false;

  /** `max`: how many hashes are kept (a few hundred reports' recent versions). */
  constructor(private readonly max = 512) {}

  /** Persists the record to `file` from now on, after merging what it already holds. */
  persistTo(file: string): Promise<void> {
    this.file = file;
    this.loading = this.read(file);
    return this.loading;
  }

  private async read(file: string): Promise<void> {
    try {
      const v = JSON.parse(await readFile(file, 'utf8')) as { format?: unknown; schema?: unknown; hashes?: unknown; consistent?: unknown };
      if (v?.format !== RECORD_FORMAT || v.schema !== schemaFingerprint() || !Array.isArray(v.hashes)) return;
      const mine = [...this.hashes];
      this.hashes.clear();
      for (const h of [...v.hashes, ...mine]) if (typeof h === 'string' && HASH.test(h)) this.remember(h);
      if (Array.isArray(v.consistent)) for (const h of v.consistent) if (typeof h === 'string' && this.hashes.has(h)) this.consistent.add(h);
    } catch {
      // absent or unreadable: start empty (loads take the full check until saves refill it)
    }
  }

  /** Waits until a persisted record has been read (a load right after start-up can then use it). */
  async ready(): Promise<void> {
    await this.loading;
  }

  /** Whether content with this sha256 passed the schema in this app. */
  has(hash: string): boolean {
    return this.hashes.has(hash);
  }

  /** Whether content with this sha256 passed the schema and every check against the source it names. */
  isConsistent(hash: string): boolean {
    return this.consistent.has(hash);
  }

  /** Records that content with this sha256 passed the schema (`consistent`: and the checks
   * against the source it names; a mark once made stays). */
  add(hash: string, consistent = false): void {
    if (consistent && !this.consistent.has(hash) && this.hashes.has(hash)) {
      this.consistent.add(hash);
      if (this.file) this.persist();
    }
    if (this.hashes.has(hash)) {
      this.hashes.delete(hash); // most recent last
      this.hashes.add(hash);
      return;
    }
    this.remember(hash);
    if (consistent) this.consistent.add(hash);
    if (this.file) this.persist();
  }

  /** Forgets every hash (tests, bench); the persisted file is rewritten on the next add. */
  clear(): void {
    this.hashes.clear();
    this.consistent.clear();
  }

  private remember(hash: string): void {
    this.hashes.add(hash);
    while (this.hashes.size > this.max) {
      const old = this.hashes.values().next().value as string;
      this.hashes.delete(old);
      this.consistent.delete(old);
    }
  }

  /** Writes the record (temporary file + rename; no fsync: losing it only costs one slow load).
   * Writes never overlap: adds during a write are picked up by one more write after it. */
  private persist(): void {
    this.dirty = true;
    if (this.writing) return;
    this.writing = (async () => {
      await this.loading;
      while (this.dirty && this.file) {
        this.dirty = false;
        const file = this.file;
        const tmp = `${file}.${process.pid}.tmp`;
        try {
          // the data folder is not created here: the app makes it at start, and a folder that is
          // gone (a test's, removed) must not come back
          await writeFile(tmp, JSON.stringify({ format: RECORD_FORMAT, schema: schemaFingerprint(), hashes: [...this.hashes], consistent: [...this.consistent] }) + '\n');
          await rename(tmp, file);
        } catch {
          // the record holds for this run
        }
      }
      this.writing = null;
    })();
  }

  /** Resolves when no write is pending (tests). */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }
}

/** The host process's record (report-store uses it unless given another). */
export const validatedSidecars = new ValidatedSidecars();
