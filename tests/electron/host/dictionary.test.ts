import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDictionaryWord, loadDictionary } from '../../../electron/host/dictionary.ts';
import { HostError } from '../../../electron/host/errors.ts';

async function folder(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-dict-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const code = (c: string) => (e: unknown) => e instanceof HostError && e.code === c;

test('dictionary: round trip, sorted case-insensitively, deduplicated, LF, no temp or .bak left', async (t) => {
  const dir = await folder(t);
  assert.deepEqual(await loadDictionary(dir), { words: [], exists: false, problems: [] });
  for (const w of ['Zarqawi', 'jihadist', 'Idlib', 'idlib', 'Jones’s', 'jihadist']) await addDictionaryWord(dir, w);
  const file = join(dir, 'muwazi.dictionary.txt');
  assert.equal(await readFile(file, 'utf8'), 'Idlib\nidlib\njihadist\nJones’s\nZarqawi\n');
  assert.deepEqual((await loadDictionary(dir)).words, ['Idlib', 'idlib', 'jihadist', 'Jones’s', 'Zarqawi']);
  assert.deepEqual(await readdir(dir), ['muwazi.dictionary.txt']);
});

test('dictionary: a hand-edited file (BOM, CRLF, comments, blanks, bad lines) is read leniently', async (t) => {
  const dir = await folder(t);
  await writeFile(join(dir, 'muwazi.dictionary.txt'), '\uFEFF# team words\r\nSaraqib\r\n\r\n  Idlib  \r\ntwo words\r\nSaraqib\r\n' + 'x'.repeat(101) + '\n');
  const d = await loadDictionary(dir);
  assert.deepEqual(d.words, ['Saraqib', 'Idlib']);
  assert.deepEqual(d.problems.map((p) => p.line), [5, 7]);
  // an addition writes it back clean
  await addDictionaryWord(dir, 'Homs');
  assert.equal(await readFile(join(dir, 'muwazi.dictionary.txt'), 'utf8'), 'Homs\nIdlib\nSaraqib\n');
});

test('dictionary: invalid words are refused and nothing is written', async (t) => {
  const dir = await folder(t);
  for (const w of ['', '   ', 'two words', 'line\nbreak', 'tab\there', 'x'.repeat(101), '#comment', 'zero\u200bwidth']) {
    await assert.rejects(addDictionaryWord(dir, w), code('invalid-request'), JSON.stringify(w));
  }
  assert.deepEqual(await readdir(dir), []);
  // 100 code points is fine even when they are astral (200 UTF-16 units)
  await addDictionaryWord(dir, '𝒜'.repeat(100));
});

test('dictionary: a huge or non-UTF-8 file is refused with its name, and never overwritten', async (t) => {
  const dir = await folder(t);
  const file = join(dir, 'muwazi.dictionary.txt');
  await writeFile(file, Buffer.from([0x63, 0x61, 0xe9, 0x0a])); // "ca\xe9": Latin-1, not UTF-8
  await assert.rejects(loadDictionary(dir), (e) => code('unknown-encoding')(e) && /muwazi\.dictionary\.txt/.test((e as Error).message));
  await assert.rejects(addDictionaryWord(dir, 'word'), code('unknown-encoding'));
  assert.deepEqual(await readFile(file), Buffer.from([0x63, 0x61, 0xe9, 0x0a]));
  await writeFile(file, 'word\n'.repeat(1_000_000));
  await assert.rejects(loadDictionary(dir), (e) => code('too-large')(e) && /muwazi\.dictionary\.txt/.test((e as Error).message));
});
