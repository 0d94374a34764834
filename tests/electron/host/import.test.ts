import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTranslationPairs, importTranslationFile } from '../../../electron/host/import.ts';
import { openReport, saveReport } from '../../../electron/host/report-store.ts';

const SAMPLE = new URL('../../../assets/samples/004_1019a7c50d6a06a0.txt', import.meta.url);
const TRANSLATION = new URL('../../fixtures/align/004_1019a7c50d6a06a0.en.txt', import.meta.url);

async function withDir(fn: (dir: string) => Promise<void>) {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-host-import-'));
  try { await fn(dir); } finally { await rm(dir, { recursive: true, force: true }); }
}

test('finds <name>.txt with <name>.en.txt, never taking .en.txt files as reports', () => withDir(async (dir) => {
  for (const f of ['a.txt', 'a.en.txt', 'b.txt', 'c.en.txt', 'c.en.en.txt', 'notes.md']) await writeFile(join(dir, f), 'x');
  assert.deepEqual(await findTranslationPairs(dir), [{ txtPath: join(dir, 'a.txt'), translationPath: join(dir, 'a.en.txt') }]);
}));

test('import keeps confirmed rows of an existing sidecar and saves through the report store', () => withDir(async (dir) => {
  const journalDir = join(dir, '.journal');
  const txt = join(dir, 'r.txt');
  await copyFile(SAMPLE, txt);
  await copyFile(TRANSLATION, join(dir, 'r.en.txt'));
  const first = await importTranslationFile(txt, join(dir, 'r.en.txt'), { journalDir });
  assert.deepEqual([first.rows, first.rowsWithEnglish, first.sentences], [6, 6, 13]);
  // confirm row 1 with an edited English, then import a translation without that sentence
  const opened = await openReport(txt, { journalDir });
  const a = structuredClone(opened.annotations);
  a.units[0] = { ...a.units[0], confirmed: true, status: 'reviewed' };
  a.targets[0] = { ...a.targets[0], text: 'Edited by the reviewer.' };
  await saveReport(txt, a, opened.sidecarHash, { journalDir });
  const en = (await readFile(TRANSLATION, 'utf8')).split('\n').slice(1).join('\n');
  await writeFile(join(dir, 'r2.txt'), en);
  await importTranslationFile(txt, join(dir, 'r2.txt'), { journalDir });
  const after = (await openReport(txt, { journalDir })).annotations;
  assert.deepEqual(after.units[0], a.units[0]);
  assert.equal(after.targets.find((t) => t.id === a.units[0].target[0])!.text, 'Edited by the reviewer.');
  assert.deepEqual(after.units.slice(1).map((u) => u.target.length), [1, 2, 2, 3, 3]);
}));

test('a missing translation file is a not-found error and nothing is written', () => withDir(async (dir) => {
  await copyFile(SAMPLE, join(dir, 'r.txt'));
  await assert.rejects(importTranslationFile(join(dir, 'r.txt'), join(dir, 'nope.txt'), { journalDir: join(dir, '.j') }), { code: 'not-found' });
  await assert.rejects(readFile(join(dir, 'r.annotations.json')));
}));
