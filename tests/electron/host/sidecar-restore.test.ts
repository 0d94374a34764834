// A damaged annotation file's way out: the backups and the journal on offer with their date and
// row count; restoring one keeps the damaged file aside and gives a report that opens again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReport, saveReport, sidecarPath } from '../../../electron/host/report-store.ts';
import { writeJournal } from '../../../electron/host/journal.ts';
import { restoreOptions, restoreSidecar } from '../../../electron/host/sidecar-restore.ts';
import { HostError } from '../../../electron/host/errors.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

async function withReport(fn: (d: { dir: string; txt: string; journalDir: string }) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-restore-'));
  try {
    const txt = join(dir, 'تقرير ٣.txt');
    await writeFile(txt, TEXT);
    await fn({ dir, txt, journalDir: join(dir, 'journal') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('a damaged sidecar: .bak, .bak.2 and the journal are offered with date and rows; restoring keeps the damaged file aside', () =>
  withReport(async ({ dir, txt, journalDir }) => {
    const a = annotate(TEXT);
    a.source = (await openReport(txt, { journalDir })).annotations.source;
    let h = (await saveReport(txt, a, null, { journalDir })).sidecarHash;
    h = (await saveReport(txt, { ...a, targets: a.targets.map((t) => ({ ...t, text: t.text + ' (2)' })) }, h, { journalDir })).sidecarHash;
    await saveReport(txt, { ...a, targets: a.targets.map((t) => ({ ...t, text: t.text + ' (3)' })) }, h, { journalDir });
    await writeJournal(journalDir, txt, a, () => '2024-06-01T12:00:00.000Z');
    await writeFile(sidecarPath(txt), '{ "format": "muwazi-annotations", ');
    await assert.rejects(openReport(txt, { journalDir }), (e) => e instanceof HostError && e.code === 'corrupt-sidecar');

    // read-only past it: fresh rows from the source, no journal, the damaged file not read
    const ro = await openReport(txt, { journalDir, ignoreSidecar: true });
    assert.deepEqual([ro.state, ro.sidecarHash, ro.recovered], ['new', null, null]);
    assert.equal(ro.annotations.units.length, a.units.length);

    const options = await restoreOptions(txt, journalDir);
    assert.deepEqual(options.map((o) => `${o.source}:${o.rows}`), ['bak:' + a.units.length, 'bak2:' + a.units.length, 'journal:' + a.units.length]);
    assert.ok(options.every((o) => !Number.isNaN(Date.parse(o.date))));
    assert.equal(options[2].date, '2024-06-01T12:00:00.000Z');

    const aside = await restoreSidecar(txt, 'bak', journalDir, () => '2024-06-02T08:00:00.000Z');
    assert.equal(aside, sidecarPath(txt).replace(/\.json$/, '.damaged-20240602-080000.json'));
    assert.equal(await readFile(aside!, 'utf8'), '{ "format": "muwazi-annotations", ');
    const opened = await openReport(txt, { journalDir });
    // .bak is the version before the last save: the Arabic and English of save 2
    assert.ok(opened.annotations.targets.every((t) => t.text.endsWith(' (2)')), JSON.stringify(opened.annotations.targets.map((t) => t.text)));
    // the backups are left as they were (a second choice stays possible)
    assert.ok((await readdir(dir)).some((f) => f.endsWith('.bak.2')));
  }));

test('restoring from the journal; a missing source is refused with not-found', () =>
  withReport(async ({ txt, journalDir }) => {
    const a = annotate(TEXT);
    a.source = (await openReport(txt, { journalDir })).annotations.source;
    await assert.rejects(restoreSidecar(txt, 'bak', journalDir), (e) => e instanceof HostError && e.code === 'not-found');
    await assert.rejects(restoreSidecar(txt, 'journal', journalDir), (e) => e instanceof HostError && e.code === 'not-found');
    await writeJournal(journalDir, txt, a);
    assert.equal(await restoreSidecar(txt, 'journal', journalDir), null, 'no sidecar to move aside');
    const opened = await openReport(txt, { journalDir });
    assert.deepEqual(opened.annotations.targets, a.targets);
  }));
