// The store's fast paths: a save that skips the schema for already-validated annotations, the known
// hash of the sidecar version we last wrote or read (the conflict check without reading 10 MB),
// and hashing while the disk flushes. Each must keep its guarantee: same bytes, the consistency
// checks, conflict detection for every kind of change on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostError } from '../../../electron/host/errors.ts';
import { currentSidecarHash, forgetKnownHashes, openReport, saveReport, sha256, sidecarPath } from '../../../electron/host/report-store.ts';
import { isOwnWrite } from '../../../electron/host/own-writes.ts';
import { serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import { stampProvenance } from '../../../shared/team/provenance.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

async function workspace(fn: (d: { dir: string; txt: string; journalDir: string; a: Annotations }) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-store-fast-'));
  try {
    const txt = join(dir, 'تقرير ٢.txt');
    await writeFile(txt, TEXT);
    const journalDir = join(dir, 'journal');
    const a = annotate(TEXT);
    a.source = (await openReport(txt, { journalDir })).annotations.source;
    a.modified = NOW(); // a save stamps "modified" with its clock (NOW below): same bytes as `a`
    await fn({ dir, txt, journalDir, a });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const NOW = () => '2024-06-01T12:00:00.000Z';
const conflict = (e: unknown) => e instanceof HostError && e.code === 'conflict';


test('validated: same bytes as a full save, and the consistency checks still run', () =>
  workspace(async ({ txt, journalDir, a }) => {
    const parsed = AnnotationsSchema.parse(a) as Annotations;
    const s1 = await saveReport(txt, parsed, null, { journalDir, validated: true, now: NOW, user: 'ليلى' });
    const fast = await readFile(sidecarPath(txt), 'utf8');
    const s2 = await saveReport(txt, a, s1.sidecarHash, { journalDir, now: NOW, user: 'ليلى' });
    assert.equal(await readFile(sidecarPath(txt), 'utf8'), fast);
    assert.equal(s1.sidecarHash, s2.sidecarHash);
    assert.equal(fast, serializeAnnotations(stampProvenance(null, a, 'ليلى', NOW())));

    const broken = structuredClone(parsed);
    broken.mentions[0].text = 'محمد';
    await assert.rejects(saveReport(txt, broken, s2.sidecarHash, { journalDir, validated: true, now: NOW }), (e) => e instanceof HostError && e.code === 'invalid-request' && /does not match/.test(e.message));
    assert.equal(await readFile(sidecarPath(txt), 'utf8'), fast);
  }));

test('the hash returned by a save and by a load is the hash of the bytes on disk, with or without a known hash', () =>
  workspace(async ({ txt, journalDir, a }) => {
    const saved = await saveReport(txt, a, null, { journalDir, now: NOW });
    const bytes = await readFile(sidecarPath(txt));
    assert.equal(saved.sidecarHash, sha256(bytes));
    assert.ok(isOwnWrite(sidecarPath(txt), saved.sidecarHash), 'noted for the watcher');
    assert.equal((await openReport(txt, { journalDir })).sidecarHash, saved.sidecarHash);
    assert.equal(await currentSidecarHash(txt), saved.sidecarHash);
    forgetKnownHashes();
    assert.equal((await openReport(txt, { journalDir })).sidecarHash, saved.sidecarHash);
    forgetKnownHashes();
    assert.equal(await currentSidecarHash(txt), saved.sidecarHash);
    // a load remembers the hash too: the next save does not need to read the file
    forgetKnownHashes();
    const opened = await openReport(txt, { journalDir });
    await saveReport(txt, { ...opened.annotations, modified: '2024-07-01T00:00:00.000Z' }, opened.sidecarHash, { journalDir, now: NOW });
  }));

test('conflict detection: every change on disk after a save is seen (same-size rewrite in place, rename, deletion)', () =>
  workspace(async ({ dir, txt, journalDir, a }) => {
    const sc = sidecarPath(txt);
    const flip = (s: string) => s.replace('"status": "translated"', '"status": "TRANSLATED"'); // same size

    // in-place rewrite of the same size, on the same inode (the timestamps are set apart
    // explicitly: two writes within one clock tick are the one case no stat can tell apart)
    let saved = await saveReport(txt, a, null, { journalDir, now: NOW });
    const before = await stat(sc);
    const fh = await open(sc, 'r+');
    const text = flip(await readFile(sc, 'utf8'));
    await fh.write(text, 0, 'utf8');
    await fh.close();
    await utimes(sc, before.atime, new Date(before.mtimeMs - 5000));
    const after = await stat(sc);
    assert.equal(after.size, before.size);
    assert.equal(after.ino, before.ino);
    await assert.rejects(saveReport(txt, a, saved.sidecarHash, { journalDir, now: NOW }), conflict);
    assert.equal(await readFile(sc, 'utf8'), text, 'theirs untouched');

    // replaced by rename (git, editors): new inode
    forgetKnownHashes();
    saved = await saveReport(txt, a, sha256(Buffer.from(text)), { journalDir, now: NOW });
    const theirs = join(dir, 'theirs.json');
    await writeFile(theirs, flip(await readFile(sc, 'utf8')));
    await rename(theirs, sc);
    await assert.rejects(saveReport(txt, a, saved.sidecarHash, { journalDir, now: NOW }), conflict);

    // the same bytes put back under a new inode: not a conflict (the hash decides, not the inode)
    const ours = serializeAnnotations(a);
    await writeFile(theirs, ours);
    await rename(theirs, sc);
    const again = await saveReport(txt, a, sha256(Buffer.from(ours)), { journalDir, now: NOW });
    assert.equal(again.sidecarHash, sha256(Buffer.from(ours)));

    // deleted
    await rm(sc);
    await assert.rejects(saveReport(txt, a, again.sidecarHash, { journalDir, now: NOW }), conflict);
  }));

test('a failed save leaves the file, its known hash and the folder as they were', () =>
  workspace(async ({ dir, txt, journalDir, a }) => {
    const saved = await saveReport(txt, a, null, { journalDir, now: NOW });
    const edited = { ...a, modified: '2024-08-01T00:00:00.000Z' };
    const full = Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
    await assert.rejects(saveReport(txt, edited, saved.sidecarHash, { journalDir, fs: { sync: async () => { throw full; } } }), (e) => e instanceof HostError && e.code === 'disk-full');
    assert.equal(await currentSidecarHash(txt), saved.sidecarHash);
    assert.deepEqual((await readdir(dir)).filter((n) => n.startsWith('.muwazi-')), []);
    // and the next save still goes through with the old expected hash
    await saveReport(txt, edited, saved.sidecarHash, { journalDir, now: NOW });
  }));
