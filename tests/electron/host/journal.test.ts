import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discardJournal, journalPath, readJournal, writeJournal } from '../../../electron/host/journal.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

test('write, read, discard; one file per report keyed by a hash of its path', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-journal-'));
  try {
    const a = annotate(TEXT);
    const r1 = join(dir, 'تقارير', 'أ.txt');
    const r2 = join(dir, 'تقارير', 'ب.txt');
    assert.equal(await readJournal(dir, r1), null);
    await writeJournal(dir, r1, a, () => '2024-01-01T00:00:00.000Z');
    await writeJournal(dir, r2, a);
    assert.notEqual(journalPath(dir, r1), journalPath(dir, r2));
    assert.match(journalPath(dir, r1), /[0-9a-f]{32}\.journal\.json$/);
    assert.deepEqual(await readJournal(dir, r1), { path: r1, written: '2024-01-01T00:00:00.000Z', annotations: a });
    assert.equal((await readdir(dir)).filter((n) => n.endsWith('.journal.json')).length, 2);
    await discardJournal(dir, r1);
    await discardJournal(dir, r1); // no error when absent
    assert.equal(await readJournal(dir, r1), null);
    assert.ok(await readJournal(dir, r2));
    // a damaged entry is ignored, not thrown
    await writeFile(journalPath(dir, r2), '{"format": "muwazi-journal", "path": ');
    assert.equal(await readJournal(dir, r2), null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
