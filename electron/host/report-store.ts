// The report store: opening a report (source + sidecar + journal), saving its annotations, and the
// cheap summary the sidebar shows. Plain Node; every expected failure is a HostError with a code
// from the contract and a message that says what happened to the user's data (nothing is lost).
import { createHash } from 'node:crypto';
import { lstat, open, readFile, realpath, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OpenedReport } from '../../shared/contract/host.ts';
import { createAnnotations } from '../../shared/model/create.ts';
import type { Annotations, SourceInfo } from '../../shared/model/types.ts';
import { AnnotationsSchema } from '../../shared/model/schema.ts';
import { progressCounts, type ProgressCounts } from '../../shared/model/progress.ts';
import { DecodeError, decodeText, type Decoded } from '../../shared/text/decode.ts';
import { segmentSentences, type SegmentRules } from '../../shared/text/segment.ts';
import { cpLength } from '../../shared/text/offsets.ts';
import { SidecarError, checkAnnotations, parseAnnotations, serializeAnnotations } from '../../shared/formats/sidecar.ts';
import { reanchor } from '../../shared/formats/drift.ts';
import { atomicWriteFile, writeFailure, type AtomicFs } from './atomic-write.ts';
import { defaultJournalDir, discardJournal, readJournal } from './journal.ts';
import { HostError } from './errors.ts';
import { rememberOwnWrite } from './own-writes.ts';
import { withFileLock } from './file-lock.ts';
import { isInside } from './paths.ts';
import { cleanStaleTempsThrottled } from './stale-temps.ts';
import { newStamps, stampProvenance, type SaveStamps } from '../../shared/team/provenance.ts';
import { currentUserName } from './identity.ts';
import { previousSaved, rememberLoaded, rememberSaved } from './last-saved.ts';
import { validatedSidecars, type ValidatedSidecars } from './validated-sidecars.ts';
import { sidecarBytes } from './sidecar-bytes.ts';
import { checkAnnotationsSince, checkLoaded, consistentWithSource, knownConsistent } from '../../shared/formats/check-since.ts';

import { MAX_SOURCE_BYTES, tooLargeMessage } from './limits.ts';

export { MAX_SOURCE_BYTES, tooLargeMessage };

/** `x.txt` → `x.annotations.json` in the same folder (any final extension is replaced). */
export function sidecarPath(txtPath: string): string {
  const name = basename(txtPath);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return join(dirname(txtPath), stem + '.annotations.json');
}

/** sha256 of bytes or text (UTF-8), lowercase hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function ioError(e: unknown, path: string, what: string): HostError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return new HostError('permission-denied', `Permission denied: cannot read ${what} ${path}.`);
  if (code === 'EISDIR') return new HostError('not-found', `${path} is a folder, not ${what}.`);
  if (code === 'ENOENT') return new HostError('not-found', `${what} ${path} was not found.`);
  return new HostError('internal', `Cannot read ${what} ${path}: ${e instanceof Error ? e.message : String(e)}.`);
}

/** The source as bytes and decoded text, with its hash; throws HostError for every bad input. */
export async function readSource(txtPath: string): Promise<{ bytes: Buffer; decoded: Decoded; sha256: string }> {
  let size: number;
  try {
    const st = await stat(txtPath);
    if (st.isDirectory()) throw new HostError('not-found', `${txtPath} is a folder, not a report.`);
    size = st.size;
  } catch (e) {
    if (e instanceof HostError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new HostError('source-missing', `The source file ${basename(txtPath)} is missing (${txtPath}); its annotations, if any, are untouched.`);
    throw ioError(e, txtPath, 'the report');
  }
  if (size > MAX_SOURCE_BYTES) throw new HostError('too-large', tooLargeMessage(txtPath, size), { size, limit: MAX_SOURCE_BYTES });
  let bytes: Buffer;
  try {
    bytes = await readFile(txtPath);
  } catch (e) {
    throw ioError(e, txtPath, 'the report');
  }
  let decoded: Decoded;
  try {
    decoded = decodeText(bytes);
  } catch (e) {
    if (e instanceof DecodeError) throw new HostError(e.code, `${basename(txtPath)}: ${e.message}`);
    throw e;
  }
  return { bytes, decoded, sha256: sha256(bytes) };
}

/** What tells one version of a file from another without reading it. */
interface FileIdentity {
  /** inode: a file replaced by rename (git, editors, our saves) has a new one */
  ino: number;
  size: number;
  mtimeMs: number;
  /** also moves on chmod, link and in-place writes */
  ctimeMs: number;
}

const identityOf = (st: FileIdentity): FileIdentity => ({ ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });
const sameIdentity = (x: FileIdentity, y: FileIdentity) => x.ino === y.ino && x.size === y.size && x.mtimeMs === y.mtimeMs && x.ctimeMs === y.ctimeMs;

// The hash of the sidecar version we last wrote or read whole, with that version's identity: while
// the file on disk keeps the identity, its hash is known without reading and hashing 10 MB again
// (the conflict check of every save, reopening a report). Any change of inode, size, mtime or
// ctime falls back to reading. Not caught: an in-place rewrite of the same size within one
// timestamp tick of our own write (and on the same inode), which no stat-based check can see.
const knownHashes = new Map<string, FileIdentity & { hash: string }>();

/** Forgets every known sidecar hash, so the next load or save reads and hashes the file (bench, tests). */
export function forgetKnownHashes(): void {
  knownHashes.clear();
}

/** A sidecar that is a symbolic link to a file outside its report's folder is never read: the page
 * could otherwise read any JSON file the user can, and the parse error would describe it. */
async function refuseOutsideLink(path: string): Promise<void> {
  let link = false;
  try {
    link = (await lstat(path)).isSymbolicLink();
  } catch {
    return; // absent or unreadable: the read says which
  }
  if (!link) return;
  const [dir, target] = await Promise.all([realpath(dirname(path)), realpath(path).catch(() => null)]);
  if (target === null || !isInside(dir, target)) {
    throw new HostError('permission-denied', `${basename(path)} is a link to a file outside the report's folder; it was not read. Replace the link with the file itself.`);
  }
}

/** The sidecar's bytes, or null when it does not exist. `identity` is set when the file did not change while it was read. */
async function readSidecarBytes(path: string): Promise<{ bytes: Buffer; identity: FileIdentity | null; mtimeMs: number } | null> {
  await refuseOutsideLink(path);
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw ioError(e, path, 'the annotation file');
  }
  try {
    // stat through the open handle, before and after: the identity belongs to the bytes read
    const before = await fh.stat();
    const bytes = await fh.readFile();
    const after = await fh.stat();
    const stable = sameIdentity(before, after) && after.size === bytes.length;
    return { bytes, identity: stable ? identityOf(after) : null, mtimeMs: after.mtimeMs };
  } catch (e) {
    throw ioError(e, path, 'the annotation file');
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** sha256 of sidecar bytes just read: the known hash when the identity matches, else computed (and remembered). */
function sidecarBytesHash(path: string, r: { bytes: Buffer; identity: FileIdentity | null }): string {
  const known = knownHashes.get(path);
  if (r.identity && known && sameIdentity(known, r.identity)) return known.hash;
  const hash = sha256(r.bytes);
  if (r.identity) knownHashes.set(path, { ...r.identity, hash });
  return hash;
}

/** The sidecar's text and bytes hash, or null when it does not exist. */
async function readSidecar(path: string): Promise<{ json: string; hash: string; mtimeMs: number } | null> {
  const r = await readSidecarBytes(path);
  return r ? { json: r.bytes.toString('utf8'), hash: sidecarBytesHash(path, r), mtimeMs: r.mtimeMs } : null;
}

/** The hash of the sidecar on disk (null: absent), known without reading when the file is untouched. */
async function sidecarHashOnDisk(path: string): Promise<string | null> {
  const known = knownHashes.get(path);
  if (known) {
    try {
      if (sameIdentity(known, await stat(path))) return known.hash;
    } catch {
      // gone or unreadable: reading says which
    }
  }
  const r = await readSidecarBytes(path);
  return r ? sidecarBytesHash(path, r) : null;
}

/** sha256 of the sidecar on disk now, or null when absent. */
export async function currentSidecarHash(txtPath: string): Promise<string | null> {
  return sidecarHashOnDisk(sidecarPath(txtPath));
}

function sidecarFailure(e: unknown, path: string, sidecarHash?: string): never {
  if (e instanceof SidecarError) {
    throw new HostError(e.code, `${basename(path)}: ${e.message}${e.code === 'corrupt-sidecar' ? ' The file was left untouched.' : ''}`, {
      // the damaged file's hash: "replace it with mine" saves against it (issue 14 §4)
      ...(sidecarHash ? { sidecarHash } : {}),
      problem: e.problem,
      path: e.path,
      line: e.line,
      column: e.column,
      problems: e.problems,
    });
  }
  throw e;
}

/** Options of openReport; the segmentation rules (the project's, muwazi.project.json) split a new
 * report and new text found when re-anchoring a drifted one. */
export interface OpenOptions extends SegmentRules {
  /** crash-recovery journal folder (default: defaultJournalDir()) */
  journalDir?: string;
  /** clock for the timestamps of a new sidecar (ISO string) */
  now?: () => string;
  /** false: do not look for unsaved edits in the journal (exports read what is saved, nothing else) */
  journal?: boolean;
  /** true: do not read the sidecar (read-only past a damaged one); no journal either */
  ignoreSidecar?: boolean;
  /** the record of validated sidecar hashes (default: the host process's, validatedSidecars) */
  validatedRecord?: ValidatedSidecars;
  /**
   * true: the caller never mutates the returned annotations (the host service, which sends copies
   * to the page). The store then keeps them, not the file's text, as the version the next save is
   * stamped and checked against: unchanged rows are the same objects, so the first save after
   * opening takes the incremental paths (check-since.ts) and parses nothing.
   */
  keep?: boolean;
}

function sourceInfoOf(txtPath: string, decoded: Decoded, hash: string, text: string): SourceInfo {
  return {
    file: basename(txtPath),
    sha256: hash,
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEnding: decoded.lineEnding,
    length: cpLength(text),
    language: 'ar',
  };
}

/**
 * Opens a report: decodes the source, loads and checks its sidecar (or builds a fresh one without
 * writing it), re-anchors the spans when the source changed since the sidecar was written
 * (state 'drifted', with warnings naming what could not be mapped), and offers unsaved edits from
 * the journal in `recovered`. Throws HostError.
 */
export async function openReport(txtPath: string, opts: OpenOptions = {}): Promise<OpenedReport> {
  const now = opts.now ?? (() => new Date().toISOString());
  const scPath = sidecarPath(txtPath);
  // both files read at once; a problem with the source is the one reported first
  const [src, sc] = await Promise.allSettled([readSource(txtPath), opts.ignoreSidecar ? Promise.resolve(null) : readSidecar(scPath)]);
  if (src.status === 'rejected') throw src.reason;
  if (sc.status === 'rejected') throw sc.reason;
  const { decoded, sha256: hash } = src.value;
  const sidecar = sc.value;
  const text = decoded.text;
  const info = sourceInfoOf(txtPath, decoded, hash, text);
  const warnings: { code: string; message: string }[] = [];
  let annotations: Annotations;
  let state: OpenedReport['state'];
  if (!sidecar) {
    annotations = createAnnotations(info, text, segmentSentences(text, { lang: 'ar', abbreviations: opts.abbreviations, exceptions: opts.exceptions }), now());
    state = 'new';
  } else {
    let stored: Annotations;
    // a version this app validated (wrote or loaded) skips the schema; anything else, a
    // hand-edited file included, takes the full check (validated-sidecars.ts)
    const record = opts.validatedRecord ?? validatedSidecars;
    await record.ready();
    const known = record.has(sidecar.hash);
    try {
      stored = parseAnnotations(sidecar.json, undefined, { check: false, schema: !known });
    } catch (e) {
      sidecarFailure(e, scPath, sidecar.hash);
    }
    if (!known) record.add(sidecar.hash);
    // checked once: against the source when it is the one the sidecar was written for, else
    // structurally (re-anchoring needs a consistent file); not at all when this very content
    // was found consistent with this very source before (validated-sidecars.ts)
    const same = stored.source.sha256 === hash;
    if (same && record.isConsistent(sidecar.hash)) knownConsistent(stored);
    else {
      const problems = checkLoaded(stored, same ? { text } : undefined);
      if (problems.length) sidecarFailure(new SidecarError(problems), scPath, sidecar.hash);
      if (same) record.add(sidecar.hash, true);
    }
    rememberLoaded(scPath, sidecar.hash, opts.keep && same ? { model: stored } : { json: sidecar.json });
    if (same) {
      annotations = stored;
      state = 'loaded';
    } else {
      const r = reanchor(stored, text, info, { abbreviations: opts.abbreviations, exceptions: opts.exceptions });
      annotations = r.annotations;
      state = 'drifted';
      warnings.push(...r.warnings);
    }
  }
  const recovered = opts.journal === false || opts.ignoreSidecar
    ? null
    : await recoverJournal(opts.journalDir ?? defaultJournalDir(), txtPath, annotations, sidecar?.mtimeMs ?? null, text, info, warnings, { abbreviations: opts.abbreviations, exceptions: opts.exceptions });
  return { path: txtPath, name: basename(txtPath), text, annotations, state, sidecarHash: sidecar?.hash ?? null, warnings, recovered };
}

/** Journaled edits newer than the sidecar and different from it, fitted to the current source; else null. */
async function recoverJournal(
  journalDir: string,
  txtPath: string,
  current: Annotations,
  sidecarMtimeMs: number | null,
  text: string,
  info: SourceInfo,
  warnings: { code: string; message: string }[],
  rules: SegmentRules,
): Promise<Annotations | null> {
  const entry = await readJournal(journalDir, txtPath);
  if (!entry) return null;
  const written = Date.parse(entry.written);
  // older than the file: someone saved since, unless the file's own "modified" (stamped by every
  // save) is older than the journal, as when the user put a backup back by hand
  if (sidecarMtimeMs !== null && !(written >= sidecarMtimeMs) && !(written >= Date.parse(current.modified))) return null;
  let a = entry.annotations;
  if (a.source.sha256 !== info.sha256) {
    const r = reanchor(a, text, info, rules);
    a = r.annotations;
    for (const w of r.warnings) warnings.push({ code: 'recovered-' + w.code, message: `Unsaved edits: ${w.message}` });
  } else if (checkAnnotations(a, { text }).length) {
    warnings.push({ code: 'journal-invalid', message: 'Unsaved edits were found but do not fit the source; they were not offered.' });
    return null;
  }
  // timestamps alone are no edit (a new report's are the time it was opened), nor is provenance: the
  // journal holds what the editor had, and the save that stamped `by`/`at` into the file may not have
  // reached the editor before the entry was written. Items equal but for stamps take the file's.
  const same = (x: Annotations) => serializeAnnotations({ ...x, created: '', modified: '' });
  if (same(stampProvenance(current, a, '', '')) === same(current)) return null;
  return a;
}

/** `text` as UTF-8. Buffer.from measures the text, then encodes it; writing into a buffer of the
 * largest possible size (3 bytes per UTF-16 unit) encodes once, twice as fast on 10 MB. */
function utf8(text: string): Buffer {
  const buf = Buffer.allocUnsafe(text.length * 3);
  return buf.subarray(0, buf.write(text, 'utf8'));
}

/** Options of saveReport. */
export interface SaveOptions {
  /** journal folder to clear on success (default: defaultJournalDir()) */
  journalDir?: string;
  /** clock for savedAt */
  now?: () => string;
  /** file operations (tests inject failures: full disk, denied write) */
  fs?: Partial<AtomicFs>;
  /**
   * true: `annotations` are AnnotationsSchema's output already (the host service validates every
   * request against the contract), so the schema is not run a second time. The consistency
   * checks always run. Leave unset for anything not parsed by the schema. Validated annotations
   * must never be mutated after the save: the store compares the next save with them by identity
   * (check-since.ts, sidecar-bytes.ts) and freezes their row objects to make that hold.
   */
  validated?: boolean;
  /** the user name provenance is stamped with (default: identity.ts's currentUserName()). The
   * report store remembers the saved model to stamp the next save against: do not mutate
   * `annotations` after saving them (take a copy to edit further). */
  user?: string;
  /** where the written version's hash is recorded as validated (default: validatedSidecars) */
  validatedRecord?: ValidatedSidecars;
}

/**
 * Saves annotations atomically as the report's sidecar (previous version kept as .bak). Refuses
 * with 'conflict' when the sidecar on disk is no longer the one the caller loaded
 * (`expectedSidecarHash`, null = expected absent); refuses invalid annotations. On success clears
 * the report's journal and returns the new file's hash. On failure the file on disk is unchanged.
 */
export async function saveReport(
  txtPath: string,
  annotations: Annotations,
  expectedSidecarHash: string | null,
  opts: SaveOptions = {},
): Promise<{ sidecarHash: string; savedAt: string; stamped: SaveStamps }> {
  // every save stamps "modified" (the renderer's copy keeps the time it was loaded)
  const savedAt = (opts.now ?? (() => new Date().toISOString()))();
  const scPath = sidecarPath(txtPath);
  // provenance (who changed what) against the file this save replaces; a stale expectation fails
  // the compare-and-swap below, so stamping against it does no harm
  const [user, prev] = await Promise.all([opts.user ?? currentUserName(), previousSaved(scPath, expectedSidecarHash)]);
  const stamped = { ...stampProvenance(prev, annotations, user, savedAt), modified: savedAt };
  const checked = checkedAnnotations(stamped, opts.validated, prev);
  // validated annotations are the host's own objects, never mutated after a save: the bytes of
  // rows unchanged since the last save are reused (sidecar-bytes.ts); anything else is encoded whole
  const bytes = opts.validated ? sidecarBytes(scPath, checked) : [utf8(serializeAnnotations(checked))];
  // check and replace under one lock: a compare-and-swap across processes (file-lock.ts)
  const hash = await withFileLock(scPath, async () => {
    await cleanStaleTempsThrottled(dirname(scPath));
    return writeIfUnchanged(scPath, bytes, expectedSidecarHash, opts, !!opts.validated && consistentWithSource(checked));
  });
  rememberSaved(scPath, hash, stamped);
  await discardJournal(opts.journalDir ?? defaultJournalDir(), txtPath).catch(() => undefined);
  return { sidecarHash: hash, savedAt, stamped: newStamps(annotations, stamped, user, savedAt) };
}

/** The compare-and-swap itself (the caller holds the sidecar's lock); returns the new file's hash. */
async function writeIfUnchanged(scPath: string, bytes: readonly Buffer[], expectedSidecarHash: string | null, opts: SaveOptions, consistent: boolean): Promise<string> {
  const actual = await sidecarHashOnDisk(scPath);
  if (actual !== expectedSidecarHash) {
    throw new HostError(
      'conflict',
      actual === null
        ? `${basename(scPath)} was deleted on disk since it was opened. Your edits are kept; choose to save them again or keep both.`
        : `${basename(scPath)} was changed on disk since it was opened (another program or a sync). Your edits are kept: keep yours, take theirs, or keep both.`,
      { expected: expectedSidecarHash, actual },
    );
  }
  let hash = '';
  knownHashes.delete(scPath);
  await atomicWriteFile(scPath, bytes, {
    fs: opts.fs,
    // hashed while the disk flushes the temporary file; noted before the rename, which is when
    // the folder watcher can see the new version
    beforeRename: () => {
      const h = createHash('sha256');
      for (const b of bytes) h.update(b);
      hash = h.digest('hex');
      rememberOwnWrite(scPath, hash);
    },
  });
  // the bytes come from annotations that passed the schema (the contract's or checkedAnnotations');
  // `consistent`: and the checks against their source (check-since.ts vouches)
  (opts.validatedRecord ?? validatedSidecars).add(hash, consistent);
  try {
    knownHashes.set(scPath, { ...identityOf(await stat(scPath)), hash });
  } catch {
    // nothing known: the next save reads the file
  }
  return hash;
}

/** Annotations that passed the schema and the consistency checks; HostError('invalid-request')
 * naming the problem otherwise. `validated`: the schema already ran on `annotations` (see SaveOptions.validated). */
function checkedAnnotations(annotations: Annotations, validated = false, prev: Annotations | null = null): Annotations {
  let a = annotations;
  if (!validated) {
    const r = AnnotationsSchema.safeParse(annotations);
    if (!r.success) {
      const i = r.error.issues[0];
      throw new HostError('invalid-request', `Not saved: the annotations are invalid at ${i.path.join('.') || '(root)'}: ${i.message}. Your edits are kept in memory and in the journal.`);
    }
    a = r.data;
  }
  // validated annotations are never mutated after a save, so what is unchanged since the version
  // saved before (the same objects) needs no check again (check-since.ts)
  const problems = validated ? checkAnnotationsSince(prev, a) : checkAnnotations(a);
  if (problems.length) {
    throw new HostError('invalid-request', `Not saved: ${problems[0].message} Your edits are kept in memory and in the journal.`, { problems });
  }
  return a;
}

/** Timestamp usable in a file name on every platform: 20240131-142501. */
function fileStamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '').replace('T', '-').replace(/Z$/, '');
}

/**
 * "Keep both": writes the user's version beside the sidecar as
 * `<name>.annotations.mine-<timestamp>.json` (never overwriting an existing file), and returns its path.
 */
export async function saveCopy(txtPath: string, annotations: Annotations, opts: SaveOptions = {}): Promise<string> {
  const json = serializeAnnotations(checkedAnnotations(annotations));
  const stamp = fileStamp((opts.now ?? (() => new Date().toISOString()))());
  const base = sidecarPath(txtPath).replace(/\.json$/, '');
  for (let n = 1; ; n++) {
    const p = `${base}.mine-${stamp}${n > 1 ? '-' + n : ''}.json`;
    try {
      await stat(p);
      continue;
    } catch {
      // free name
    }
    try {
      await atomicWriteFile(p, json, { backup: false, fs: opts.fs });
    } catch (e) {
      throw writeFailure(e, p);
    }
    return p;
  }
}

/** Progress figures of a report for the sidebar. */
export interface ReportSummaryCounts extends ProgressCounts {
  /** whether the sidecar exists */
  hasAnnotations: boolean;
  /** why the report or its sidecar cannot be opened, for the sidebar */
  problem?: string;
}

/**
 * Cheap summary: reads only the sidecar (schema-checked, not against the source). Without a sidecar,
 * the rows are what opening would create (the source is decoded and segmented). Never throws for
 * a bad file: the problem is returned.
 */
export async function readSummary(txtPath: string, opts: SegmentRules = {}): Promise<ReportSummaryCounts> {
  let sidecar: { json: string } | null;
  try {
    // no hash: the summary does not need one
    const r = await readSidecarBytes(sidecarPath(txtPath));
    sidecar = r && { json: r.bytes.toString('utf8') };
  } catch (e) {
    return { rows: 0, translated: 0, entities: 0, hasAnnotations: true, problem: e instanceof Error ? e.message : String(e) };
  }
  if (!sidecar) {
    try {
      const { decoded } = await readSource(txtPath);
      return { rows: segmentSentences(decoded.text, { lang: 'ar', ...opts }).length, translated: 0, entities: 0, hasAnnotations: false };
    } catch (e) {
      return { rows: 0, translated: 0, entities: 0, hasAnnotations: false, problem: e instanceof Error ? e.message : String(e) };
    }
  }
  let a: Annotations;
  try {
    a = parseAnnotations(sidecar.json);
  } catch (e) {
    return { rows: 0, translated: 0, entities: 0, hasAnnotations: true, problem: `${basename(sidecarPath(txtPath))}: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ...progressCounts(a), hasAnnotations: true };
}
