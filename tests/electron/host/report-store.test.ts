import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, readdir, rm, stat, truncate, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostError } from '../../../electron/host/errors.ts';
import { MAX_SOURCE_BYTES, openReport, readSummary, saveCopy, saveReport, sha256, sidecarPath } from '../../../electron/host/report-store.ts';
import { readJournal, writeJournal } from '../../../electron/host/journal.ts';
import { parseAnnotations, serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { stampProvenance } from '../../../shared/team/provenance.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

const NOW = () => '2024-06-01T12:00:00.000Z';

async function workspace(fn: (d: { dir: string; txt: string; journalDir: string }) => Promise<void>, text = TEXT) {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-store-'));
  try {
    const txt = join(dir, 'تقرير ١.txt');
    await writeFile(txt, text);
    await fn({ dir, txt, journalDir: join(dir, 'journal') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const hostError = (code: string, re?: RegExp) => (e: unknown) => e instanceof HostError && e.code === code && (!re || re.test(e.message));

test('sidecarPath: same folder, .txt replaced', () => {
  assert.equal(sidecarPath('/a/b/تقرير.txt'), '/a/b/تقرير.annotations.json');
  assert.equal(sidecarPath('/a/b.c/x.TXT'), '/a/b.c/x.annotations.json');
});

test('a new report is built but not written; save then reopen loads it', () =>
  workspace(async ({ dir, txt, journalDir }) => {
    const r = await openReport(txt, { journalDir, now: NOW });
    assert.equal(r.state, 'new');
    assert.equal(r.sidecarHash, null);
    assert.equal(r.text, TEXT);
    assert.equal(r.annotations.source.sha256, sha256(Buffer.from(TEXT)));
    assert.equal(r.annotations.created, NOW());
    assert.deepEqual(r.annotations.segments.map((s) => new OffsetMap(TEXT).slice(s.start, s.end)), TEXT.split('\n'));
    assert.deepEqual(await readdir(dir), ['تقرير ١.txt']);

    const a = annotate(TEXT);
    a.source = r.annotations.source;
    const saved = await saveReport(txt, a, null, { journalDir, now: NOW, user: 'سلمى' });
    assert.equal(saved.savedAt, NOW());
    const onDisk = await readFile(sidecarPath(txt));
    assert.equal(saved.sidecarHash, sha256(onDisk));
    // the save stamps "modified" with its own time, and provenance (nothing saved before: all of it)
    assert.equal(onDisk.toString(), serializeAnnotations({ ...stampProvenance(null, a, 'سلمى', NOW()), modified: NOW() }));
    const again = await openReport(txt, { journalDir });
    assert.equal(again.state, 'loaded');
    assert.equal(again.sidecarHash, saved.sidecarHash);
    assert.deepEqual(again.annotations, parseAnnotations(onDisk.toString()));
    assert.ok(again.annotations.mentions.every((m) => m.by === 'سلمى' && m.at === NOW()));
    assert.equal(again.recovered, null);
  }));

test('every save stamps "modified" with the save time; "created" stays', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir, now: () => '2024-01-01T00:00:00.000Z' });
    const first = await saveReport(txt, r.annotations, null, { journalDir, now: () => '2024-06-01T12:00:00.000Z' });
    const one = parseAnnotations(await readFile(sidecarPath(txt), 'utf8'));
    assert.equal(one.modified, '2024-06-01T12:00:00.000Z');
    // the renderer sends back what it loaded (its "modified" is the first save's or older)
    await saveReport(txt, r.annotations, first.sidecarHash, { journalDir, now: () => '2024-06-02T08:30:00.000Z' });
    const two = parseAnnotations(await readFile(sidecarPath(txt), 'utf8'));
    assert.equal(two.modified, '2024-06-02T08:30:00.000Z');
    assert.equal(two.created, '2024-01-01T00:00:00.000Z');
  }));

test('conflict: the sidecar changed, appeared or vanished since it was loaded', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    const first = await saveReport(txt, r.annotations, null, { journalDir });
    await assert.rejects(saveReport(txt, r.annotations, null, { journalDir }), hostError('conflict', /changed on disk/));
    const theirs = serializeAnnotations({ ...r.annotations, modified: 'git pull' });
    await writeFile(sidecarPath(txt), theirs);
    await assert.rejects(saveReport(txt, r.annotations, first.sidecarHash, { journalDir }), hostError('conflict', /keep yours, take theirs, or keep both/));
    assert.equal(await readFile(sidecarPath(txt), 'utf8'), theirs); // theirs untouched
    await rm(sidecarPath(txt));
    await assert.rejects(saveReport(txt, r.annotations, first.sidecarHash, { journalDir }), hostError('conflict', /deleted on disk/));
  }));

test('keep both: saveCopy writes <name>.annotations.mine-<timestamp>.json and never overwrites', () =>
  workspace(async ({ dir, txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    const p1 = await saveCopy(txt, r.annotations, { now: NOW });
    const p2 = await saveCopy(txt, r.annotations, { now: NOW });
    assert.equal(p1, join(dir, 'تقرير ١.annotations.mine-20240601-120000.json'));
    assert.equal(p2, join(dir, 'تقرير ١.annotations.mine-20240601-120000-2.json'));
    assert.deepEqual(parseAnnotations(await readFile(p1, 'utf8')), r.annotations);
  }));

test('journal: unsaved edits newer than the sidecar are offered, then cleared by a save', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    const saved = await saveReport(txt, r.annotations, null, { journalDir });
    const edited = { ...annotate(TEXT), source: r.annotations.source };
    await writeJournal(journalDir, txt, edited);
    const again = await openReport(txt, { journalDir });
    assert.equal(serializeAnnotations(again.recovered!), serializeAnnotations(edited));
    assert.equal(again.state, 'loaded'); // the sidecar itself is what is loaded
    await saveReport(txt, edited, saved.sidecarHash, { journalDir });
    assert.equal(await readJournal(journalDir, txt), null);
    assert.equal((await openReport(txt, { journalDir })).recovered, null);
  }));

test('journal: not offered when older than the sidecar or identical to it', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    await writeJournal(journalDir, txt, r.annotations);
    assert.equal((await openReport(txt, { journalDir })).recovered, null, 'identical to the fresh annotations');
    const edited = { ...annotate(TEXT), source: r.annotations.source };
    await writeJournal(journalDir, txt, edited, () => '2000-01-01T00:00:00.000Z');
    await saveReport(txt, r.annotations, null, { journalDir: join(journalDir, 'other') });
    assert.equal((await openReport(txt, { journalDir })).recovered, null, 'older than the sidecar');
    // with no sidecar at all, any differing journal is newer
    await rm(sidecarPath(txt));
    assert.notEqual((await openReport(txt, { journalDir })).recovered, null);
  }));

test('journal: an entry equal to the saved file but for the provenance the save stamped is not offered', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    const edited = { ...annotate(TEXT), source: r.annotations.source };
    await saveReport(txt, edited, null, { journalDir, user: 'سلمى', now: () => '2024-06-01T12:00:00.000Z' });
    // the editor's copy, journaled after the save landed, lacks the stamps the save wrote
    await writeJournal(journalDir, txt, edited, () => '2030-01-01T00:00:00.000Z');
    assert.equal((await openReport(txt, { journalDir })).recovered, null);
    // a real edit on top is still offered
    const more = { ...edited, targets: edited.targets.map((t, i) => (i === 0 ? { ...t, text: t.text + ' — مُراجَع' } : t)) };
    await writeJournal(journalDir, txt, more, () => '2030-01-01T00:00:00.000Z');
    assert.deepEqual((await openReport(txt, { journalDir })).recovered?.targets, more.targets);
  }));

test('journal: still offered after the user put an older version of the file back by hand (its "modified" is older than the journal)', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    await saveReport(txt, r.annotations, null, { journalDir, now: () => '2024-01-01T00:00:00.000Z' });
    const backup = await readFile(sidecarPath(txt), 'utf8');
    const edited = { ...annotate(TEXT), source: r.annotations.source };
    await writeJournal(journalDir, txt, edited, () => '2024-06-01T00:00:00.000Z');
    // the file is damaged, then restored by hand from the backup: a new mtime, the old content
    await writeFile(sidecarPath(txt), '{ broken');
    await writeFile(sidecarPath(txt), backup);
    const again = await openReport(txt, { journalDir });
    assert.notEqual(again.recovered, null, 'the unsaved edits are offered');
    assert.deepEqual(again.recovered!.targets, edited.targets);
  }));

test('journal: edits survive a failed save (disk full), and the sidecar is unchanged', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    const saved = await saveReport(txt, r.annotations, null, { journalDir });
    const before = await readFile(sidecarPath(txt), 'utf8');
    const edited = { ...annotate(TEXT), source: r.annotations.source };
    await writeJournal(journalDir, txt, edited);
    const full = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    await assert.rejects(saveReport(txt, edited, saved.sidecarHash, { journalDir, fs: { write: full } }), hostError('disk-full', /unchanged; your edits are kept/));
    assert.equal(await readFile(sidecarPath(txt), 'utf8'), before);
    assert.ok(await readJournal(journalDir, txt));
    const reopened = await openReport(txt, { journalDir });
    assert.equal(serializeAnnotations(reopened.recovered!), serializeAnnotations(edited));
  }));

test('source drift on open: re-anchored, state drifted, warnings name what was lost', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    const a = { ...annotate(TEXT), source: r.annotations.source };
    const saved = await saveReport(txt, a, null, { journalDir });
    const newText = 'عاجل: ' + TEXT.replace('الرياض', 'جدة');
    await writeFile(txt, newText);
    const d = await openReport(txt, { journalDir });
    assert.equal(d.state, 'drifted');
    assert.equal(d.sidecarHash, saved.sidecarHash);
    assert.equal(d.annotations.source.sha256, sha256(Buffer.from(newText)));
    assert.ok(d.warnings.some((w) => w.code === 'unmapped-mention' && w.message.includes('الرياض')));
    assert.deepEqual(d.annotations.orphans?.map((o) => o.kind === 'mention' && o.mention.text), ['الرياض']);
    const map = new OffsetMap(newText);
    for (const m of d.annotations.mentions) if (m.side === 'ar') assert.equal(map.slice(m.start, m.end), m.text);
    // the re-anchored file saves and then loads cleanly
    await saveReport(txt, d.annotations, d.sidecarHash, { journalDir });
    assert.equal((await openReport(txt, { journalDir })).state, 'loaded');
  }));

test('bad sidecars: invalid JSON, newer version, bad offsets, duplicate ids; the file is left as is', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    const good = JSON.parse(serializeAnnotations({ ...annotate(TEXT), source: r.annotations.source }));
    const cases: [string, string, RegExp][] = [
      ['{"format": "muwazi-annotations",\n  "version": 1.0.0}', 'corrupt-sidecar', /not valid JSON \(line 2, column 17/],
      [JSON.stringify({ ...good, version: '2.0' }), 'newer-version', /newer Muwazi/],
      [JSON.stringify({ ...good, segments: good.segments.map((s: { end: number }, i: number) => (i === 2 ? { ...s, end: 10_000 } : s)) }), 'corrupt-sidecar', /past the end of the source/],
      [JSON.stringify({ ...good, mentions: [...good.mentions, good.mentions[0]] }), 'corrupt-sidecar', /Duplicate id "m1" in mentions/],
    ];
    for (const [json, code, re] of cases) {
      await writeFile(sidecarPath(txt), json);
      await assert.rejects(openReport(txt, { journalDir }), hostError(code, re));
      assert.equal(await readFile(sidecarPath(txt), 'utf8'), json);
      const s = await readSummary(txt);
      assert.ok(s.problem && re.test(s.problem), s.problem);
    }
  }));

test('bad sources: missing, binary, too large, a folder', () =>
  workspace(async ({ dir, txt, journalDir }) => {
    await assert.rejects(openReport(join(dir, 'غائب.txt'), { journalDir }), hostError('source-missing', /غائب\.txt is missing/));
    const bin = join(dir, 'image.txt');
    await writeFile(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    await assert.rejects(openReport(bin, { journalDir }), hostError('binary-file', /image\.txt: /));
    const big = join(dir, 'big.txt');
    await writeFile(big, '');
    await truncate(big, 100 * 1024 * 1024); // sparse: no 100 MB written
    await assert.rejects(openReport(big, { journalDir }), (e: unknown) => hostError('too-large', /big\.txt is 100\.0 MiB; the limit is 32\.0 MiB/)(e) && (e as HostError).details !== undefined);
    assert.equal((await stat(big)).size > MAX_SOURCE_BYTES, true);
    await assert.rejects(openReport(dir, { journalDir }), hostError('not-found', /is a folder/));
    assert.ok(txt);
  }));

test('permission denied reading the source', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('running as root: file permissions do not deny reads (the write side is covered by injected EACCES)');
    return;
  }
  await workspace(async ({ txt, journalDir }) => {
    await chmod(txt, 0o000);
    await assert.rejects(openReport(txt, { journalDir }), hostError('permission-denied', /Permission denied/));
  });
});

test('saving invalid annotations is refused with the reason, nothing written', () =>
  workspace(async ({ txt, journalDir }) => {
    const r = await openReport(txt, { journalDir });
    const bad = structuredClone(r.annotations);
    bad.units[0].source = ['s404'];
    await assert.rejects(saveReport(txt, bad, null, { journalDir }), hostError('invalid-request', /segment "s404", which does not exist/));
    await assert.rejects(stat(sidecarPath(txt)), { code: 'ENOENT' });
  }));

test('readSummary: rows, translated rows, mentions; without a sidecar the rows opening would create', () =>
  workspace(async ({ txt, journalDir }) => {
    assert.deepEqual(await readSummary(txt), { rows: 3, translated: 0, entities: 0, hasAnnotations: false });
    const r = await openReport(txt, { journalDir });
    const a = { ...annotate(TEXT), source: r.annotations.source };
    a.targets[1].text = '  ';
    a.mentions = a.mentions.filter((m) => m.sentence !== 't2');
    await saveReport(txt, a, null, { journalDir });
    assert.deepEqual(await readSummary(txt), { rows: 3, translated: 2, entities: a.mentions.length, hasAnnotations: true });
    // the summary does not need the source
    await rm(txt);
    assert.equal((await readSummary(txt)).rows, 3);
  }));

test('a CRLF windows-1256 source round-trips with code-point offsets', () =>
  workspace(async ({ dir, journalDir }) => {
    const txt = join(dir, 'legacy.txt');
    // 'مرحبا بكم.\r\nشكرا.' in windows-1256
    const bytes = Buffer.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7, 0x20, 0xc8, 0xdf, 0xe3, 0x2e, 0x0d, 0x0a, 0xd4, 0xdf, 0xd1, 0xc7, 0x2e]);
    const fh = await open(txt, 'w');
    await fh.write(bytes);
    await fh.close();
    const r = await openReport(txt, { journalDir });
    assert.equal(r.annotations.source.encoding, 'windows-1256');
    assert.equal(r.annotations.source.lineEnding, 'crlf');
    assert.deepEqual(r.annotations.segments.map((s) => s.text), ['مرحبا بكم.', 'شكرا.']);
    const saved = await saveReport(txt, r.annotations, null, { journalDir });
    assert.equal((await openReport(txt, { journalDir })).sidecarHash, saved.sidecarHash);
  }));

test('a sidecar that is a link to a file outside the report\'s folder is refused unread; a link inside the folder is followed', async () => {
  const { mkdir, symlink } = await import('node:fs/promises');
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-link-'));
  try {
    const ws = join(dir, 'مشروع');
    await mkdir(ws);
    const txt = join(ws, 'خبر.txt');
    await writeFile(txt, TEXT);
    // outside: some private JSON of the user's
    await writeFile(join(dir, 'secret.json'), '{"token": "s3cret-value"}');
    await symlink(join(dir, 'secret.json'), sidecarPath(txt));
    await assert.rejects(openReport(txt, { journalDir: join(dir, 'j') }), (e: unknown) =>
      e instanceof HostError && e.code === 'permission-denied' && /link to a file outside the report's folder; it was not read/.test(e.message) && !/s3cret|token/.test(e.message));
    // inside the folder: followed as before
    await rm(sidecarPath(txt));
    const a = annotate(TEXT);
    await writeFile(join(ws, 'real.json'), serializeAnnotations(a));
    await symlink(join(ws, 'real.json'), sidecarPath(txt));
    const opened = await openReport(txt, { journalDir: join(dir, 'j') });
    assert.notEqual(opened.sidecarHash, null, 'the linked sidecar was read');
    assert.notEqual(opened.state, 'new');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
