// The load fast path (issue 17 item 2): a sidecar whose hash this app validated skips the schema;
// a hand-edited one (another hash) takes the full check and fails with the specific error; the
// record survives a restart through its file in the app's data folder, and a record written for
// another schema is ignored. A version found consistent with its source (checked against it at
// load, or saved by the app with its segments unchanged since) skips the checks beside that very
// source. Observed through an injected record, never through timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostError } from '../../../electron/host/errors.ts';
import { forgetKnownHashes, openReport, saveReport, sha256, sidecarPath } from '../../../electron/host/report-store.ts';
import { VALIDATED_FILE, ValidatedSidecars } from '../../../electron/host/validated-sidecars.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { SaveRequestParser } from '../../../electron/host/save-request.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

/** A record that counts the loads it let skip the schema. */
class CountingRecord extends ValidatedSidecars {
  trusted = 0;
  override has(hash: string): boolean {
    const known = super.has(hash);
    if (known) this.trusted++;
    return known;
  }
}

async function workspace(fn: (d: { dir: string; txt: string; journalDir: string; a: Annotations }) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-validated-'));
  try {
    const txt = join(dir, 'تقرير ٣.txt');
    await writeFile(txt, TEXT);
    const journalDir = join(dir, 'journal');
    const a = annotate(TEXT);
    a.source = (await openReport(txt, { journalDir, validatedRecord: new ValidatedSidecars() })).annotations.source;
    await fn({ dir, txt, journalDir, a });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const schemaError = (path: string) => (e: unknown) => e instanceof HostError && e.code === 'corrupt-sidecar' && (e.details as { problem?: string; path?: string }).problem === 'schema' && (e.details as { path?: string }).path === path;

test('a sidecar the app wrote loads through the fast path, after a restart too', () =>
  workspace(async ({ txt, journalDir, a }) => {
    const record = new CountingRecord();
    const saved = await saveReport(txt, a, null, { journalDir, validatedRecord: record });
    assert.ok(record.has(saved.sidecarHash));
    record.trusted = 0;
    forgetKnownHashes(); // as after a restart: the file is hashed again
    const opened = await openReport(txt, { journalDir, validatedRecord: record });
    assert.equal(opened.state, 'loaded');
    assert.equal(record.trusted, 1, 'the schema was skipped');
    assert.equal(opened.annotations.mentions.length, a.mentions.length);
    assert.equal(opened.annotations.segments[0].text, a.segments[0].text);
  }));

test('a hash in the record really skips the schema, and the consistency checks still run', () =>
  workspace(async ({ txt, journalDir, a }) => {
    const record = new CountingRecord();
    await saveReport(txt, a, null, { journalDir, validatedRecord: record });
    // a schema violation the consistency checks do not look at (a unit's status)
    const bad = (await readFile(sidecarPath(txt), 'utf8')).replace('"status": "translated"', '"status": "bogus"');
    await writeFile(sidecarPath(txt), bad);
    await assert.rejects(openReport(txt, { journalDir, validatedRecord: record }), schemaError('units[0].status'));
    // the same bytes marked validated (as if this app had written them): the schema is not run
    record.add(sha256(Buffer.from(bad)));
    const opened = await openReport(txt, { journalDir, validatedRecord: record });
    assert.equal(opened.annotations.units[0].status, 'bogus');
    // a consistency problem is caught on the fast path too
    const inconsistent = bad.replace(`"text": "${a.mentions[0].text}"`, '"text": "غيره"');
    assert.notEqual(inconsistent, bad);
    await writeFile(sidecarPath(txt), inconsistent);
    record.add(sha256(Buffer.from(inconsistent)));
    await assert.rejects(openReport(txt, { journalDir, validatedRecord: record }), (e) => e instanceof HostError && e.code === 'corrupt-sidecar' && /does not match/.test(e.message));
  }));

test('a sidecar edited by hand after the app saved it takes the full check and fails with the specific error', () =>
  workspace(async ({ txt, journalDir, a }) => {
    const record = new CountingRecord();
    await saveReport(txt, a, null, { journalDir, validatedRecord: record });
    const json = await readFile(sidecarPath(txt), 'utf8');
    await writeFile(sidecarPath(txt), json.replace(/"end": (\d+)/, '"end": -$1'));
    record.trusted = 0;
    await assert.rejects(openReport(txt, { journalDir, validatedRecord: record }), schemaError('segments[0].end'));
    assert.equal(record.trusted, 0);
    // a valid hand edit loads through the full check, and is then known
    await writeFile(sidecarPath(txt), json.replace('"status": "translated"', '"status": "reviewed"'));
    const opened = await openReport(txt, { journalDir, validatedRecord: record });
    assert.equal(opened.annotations.units[0].status, 'reviewed');
    assert.equal(record.trusted, 0);
    assert.ok(record.has(opened.sidecarHash!));
  }));

test('content found consistent with its source skips the checks beside that source, after a restart too', () =>
  workspace(async ({ txt, journalDir, a }) => {
    const record = new ValidatedSidecars();
    const s1 = await saveReport(txt, a, null, { journalDir, validatedRecord: record });
    // a save outside the app's path (the CLI) vouches for the schema only
    assert.equal(record.isConsistent(s1.sidecarHash), false);
    const opened = await openReport(txt, { journalDir, validatedRecord: record, keep: true });
    assert.equal(record.isConsistent(s1.sidecarHash), true, 'checked against its source at load');
    // the app's next save (one row changed, segments the same objects) is consistent too
    const requests = new SaveRequestParser();
    requests.remember('r.txt', opened.annotations);
    const page = structuredClone(opened.annotations);
    page.units[1].status = 'reviewed';
    const req = requests.parse({ path: 'r.txt', annotations: page, sidecarHash: s1.sidecarHash });
    assert.ok(req.success);
    const s2 = await saveReport(txt, req.data.annotations, s1.sidecarHash, { journalDir, validatedRecord: record, validated: true });
    assert.equal(record.isConsistent(s2.sidecarHash), true, 'vouched for by the incremental check');
    forgetKnownHashes();
    assert.equal((await openReport(txt, { journalDir, validatedRecord: record })).annotations.units[1].status, 'reviewed');
    // the mark really skips the checks: content with a wrong mention text, marked, loads
    const wrong = (await readFile(sidecarPath(txt), 'utf8')).replace(`"text": "${a.mentions[0].text}"`, '"text": "غيره"');
    await writeFile(sidecarPath(txt), wrong);
    record.add(sha256(Buffer.from(wrong)), true);
    assert.equal((await openReport(txt, { journalDir, validatedRecord: record })).annotations.mentions[0].text, 'غيره');
    // without the mark (only the schema vouched for) the checks run and catch it
    const other = new ValidatedSidecars();
    other.add(sha256(Buffer.from(wrong)));
    await assert.rejects(openReport(txt, { journalDir, validatedRecord: other }), (e) => e instanceof HostError && /does not match/.test(e.message));
  }));

test('consistent marks persist with the record and are bounded with it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-validated-rec-'));
  try {
    const file = join(dir, VALIDATED_FILE);
    const h = (n: number) => sha256('نسخة ' + n);
    const r1 = new ValidatedSidecars(3);
    await r1.persistTo(file);
    r1.add(h(0), true);
    r1.add(h(1));
    r1.add(h(1), true); // marked later
    r1.add(h(2), true);
    r1.add(h(2)); // a mark once made stays
    await r1.flushed();
    const r2 = new ValidatedSidecars(3);
    await r2.persistTo(file);
    assert.deepEqual([0, 1, 2].map((n) => r2.isConsistent(h(n))), [true, true, true]);
    r2.add(h(3));
    assert.equal(r2.isConsistent(h(0)), false, 'dropped with its hash');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the record persists in the data folder, bounded, and a record of another schema is ignored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-validated-rec-'));
  try {
    const file = join(dir, VALIDATED_FILE);
    const h = (n: number) => sha256('نسخة ' + n);
    const r1 = new ValidatedSidecars(3);
    await r1.persistTo(file);
    for (let n = 0; n < 5; n++) r1.add(h(n));
    await r1.flushed();
    const r2 = new ValidatedSidecars(3);
    await r2.persistTo(file);
    assert.deepEqual([0, 1, 2, 3, 4].map((n) => r2.has(h(n))), [false, false, true, true, true]);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { schema: string };
    await writeFile(file, JSON.stringify({ ...stored, schema: 'f'.repeat(64) }));
    const r3 = new ValidatedSidecars(3);
    await r3.persistTo(file);
    assert.equal(r3.has(h(4)), false);
    await writeFile(file, '{ not json');
    const r4 = new ValidatedSidecars(3);
    await r4.persistTo(file);
    assert.equal(r4.has(h(4)), false);
    // a data folder that is gone is not created again: the record holds for the run only
    const gone = new ValidatedSidecars(3);
    await gone.persistTo(join(dir, 'gone', VALIDATED_FILE));
    gone.add(h(1));
    await gone.flushed();
    assert.equal(gone.has(h(1)), true);
    await assert.rejects(readFile(join(dir, 'gone', VALIDATED_FILE)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
