import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
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
