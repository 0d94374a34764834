import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GLOSSARY_FILE, collectFolderGlossary, loadGlossary, readFolderAnnotations, saveGlossary } from '../../../electron/host/glossary.ts';
import { makeFolder } from './glossary-fixture.ts';

test('load/save muwazi.glossary.tsv; a missing file is an empty glossary', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-glossary-'));
  try {
    assert.deepEqual(await loadGlossary(dir), { entries: [], problems: [], exists: false });
    const entries = [{ ar: 'حزب الله', en: 'Hezbollah', type: 'ORG', count: 2, note: 'not "Hizbullah"' }];
    await saveGlossary(dir, entries);
    assert.match(await readFile(join(dir, GLOSSARY_FILE), 'utf8'), /^ar\ten\ttype\tcount\tnote\nحزب الله\tHezbollah\tORG\t2/);
    assert.deepEqual(await loadGlossary(dir), { entries, problems: [], exists: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('readFolderAnnotations and collectFolderGlossary read every sidecar, report the broken ones', async () => {
  const dir = await makeFolder();
  try {
    const f = await readFolderAnnotations(dir);
    assert.deepEqual(f.reports.map((r) => r.report), ['a.txt']);
    assert.deepEqual(f.unannotated, ['b.txt']);
    assert.equal(f.problems.length, 1);
    assert.equal(f.problems[0].report, 'c.txt');
    assert.match(f.problems[0].message, /not valid JSON/);
    await saveGlossary(dir, [{ ar: 'حلب', en: 'Aleppo', type: 'LOC', count: 0 }]);
    const g = await collectFolderGlossary(dir);
    assert.deepEqual(g.entries.map((e) => [e.ar, e.en, e.count]), [['إدلب', 'Idlib', 1], ['حلب', 'Aleppo', 0]]);
    await assert.rejects(readFolderAnnotations(join(dir, 'nope')), /does not exist/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
