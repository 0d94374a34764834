import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import type { EntitiesOutput } from '../../../electron/cli/entities.ts';
import { makeFolder } from '../host/glossary-fixture.ts';

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

test('muwazi entities <folder> --json lists entities with counts, forms and reports', async () => {
  const dir = await makeFolder();
  try {
    const io = capture();
    assert.equal(await main(['entities', dir, '--json'], io), 0);
    const out = JSON.parse(io.stdout) as EntitiesOutput;
    assert.equal(out.reports, 3);
    assert.equal(out.annotated, 1);
    assert.deepEqual(out.entities, [
      { type: 'LOC', ar: [{ form: 'إدلب', count: 1 }], en: [{ form: 'Idlib', count: 1 }], mentions: 2, arMentions: 1, enMentions: 1, reports: ['a.txt'] },
    ]);
    assert.deepEqual(out.inconsistent, []);
    assert.equal(out.problems[0].report, 'c.txt');
    assert.match(io.stderr, /skipped c\.txt/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('muwazi entities <folder> prints one line per entity; usage errors exit 2', async () => {
  const dir = await makeFolder();
  try {
    const io = capture();
    assert.equal(await main(['entities', dir], io), 0);
    assert.match(io.stdout, /^1 entity in 1 annotated report \(of 3\)/);
    assert.match(io.stdout, /LOC   إدلب \(1\)  ↔  Idlib \(1\)  ·  2 mentions \(ar 1, en 1\)  ·  a\.txt/);
    const bad = capture();
    assert.equal(await main(['entities'], bad), 2);
    assert.match(bad.stderr, /missing <folder>/);
    assert.equal(await main(['entities', dir, '--csv'], bad), 2);
    assert.match(bad.stderr, /unknown option '--csv'/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('muwazi entities --glossary-tsv <out> writes the folder glossary as TSV (saved file merged with the sidecars); stdout unchanged', async () => {
  const dir = await makeFolder();
  try {
    // a saved glossary with a pair typed by hand and a note holding a tab
    await writeFile(join(dir, 'muwazi.glossary.tsv'), 'ar\ten\ttype\tcount\tnote\nسَراقِب\tSaraqib\tLOC\t0\tريف\\tإدلب ٢٠٢٠ 😀\n');
    const plain = capture();
    assert.equal(await main(['entities', dir, '--json'], plain), 0);
    const out = join(dir, 'نتائج', 'glossary.tsv');
    const io = capture();
    assert.equal(await main(['entities', dir, '--json', '--glossary-tsv', out], io), 0);
    assert.equal(io.stdout, plain.stdout, 'the listing is unchanged');
    assert.match(io.stderr, /wrote 2 glossary pairs to .*glossary\.tsv/);
    assert.equal(await readFile(out, 'utf8'), 'ar\ten\ttype\tcount\tnote\nإدلب\tIdlib\tLOC\t1\t\nسَراقِب\tSaraqib\tLOC\t0\tريف\\tإدلب ٢٠٢٠ 😀\n');
    assert.deepEqual(await readdir(join(dir, 'نتائج')), ['glossary.tsv'], 'no temporary file left');
    // the text listing too, and the = form; the saved glossary itself is not rewritten
    const io2 = capture();
    assert.equal(await main(['entities', `--glossary-tsv=${join(dir, 'g2.tsv')}`, dir], io2), 0);
    assert.match(io2.stdout, /^1 entity in 1 annotated report/);
    assert.equal(await readFile(join(dir, 'g2.tsv'), 'utf8'), await readFile(out, 'utf8'));
    assert.match(await readFile(join(dir, 'muwazi.glossary.tsv'), 'utf8'), /^ar\ten\ttype\tcount\tnote\nسَراقِب/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('muwazi entities --glossary-tsv: usage errors exit 2, an unwritable target exits 1', async () => {
  const dir = await makeFolder();
  try {
    const report = await readFile(join(dir, 'a.txt'), 'utf8');
    for (const argv of [['entities', dir, '--glossary-tsv'], ['entities', dir, '--glossary-tsv', join(dir, 'a.txt')], ['entities', '--glossary-tsv', join(dir, 'g.tsv')]]) {
      const io = capture();
      assert.equal(await main(argv, io), 2, argv.join(' '));
      assert.match(io.stderr, /usage: muwazi entities <folder> \[--json\] \[--glossary-tsv <out\.tsv>\]/);
    }
    assert.equal(await readFile(join(dir, 'a.txt'), 'utf8'), report, 'a report is never overwritten');
    await mkdir(join(dir, 'folder.tsv'));
    const io = capture();
    assert.equal(await main(['entities', dir, '--glossary-tsv', join(dir, 'folder.tsv')], io), 1);
    assert.match(io.stderr, /not a file/);
    assert.equal(io.stdout, '', 'nothing listed when the export failed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
