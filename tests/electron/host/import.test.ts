import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findTranslationPairs, importMemoryFile, importTranslationFile, isTmxFile, saveMemoryImport } from '../../../electron/host/import.ts';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { openReport, saveReport } from '../../../electron/host/report-store.ts';
import { withTmp } from '../../fixtures/tmp.ts';

const SAMPLE = new URL('../../../assets/samples/004_1019a7c50d6a06a0.txt', import.meta.url);
const TRANSLATION = new URL('../../fixtures/align/004_1019a7c50d6a06a0.en.txt', import.meta.url);

test('finds <name>.txt with <name>.en.txt, never taking .en.txt files as reports', () => withTmp(async (dir) => {
  for (const f of ['a.txt', 'a.en.txt', 'b.txt', 'c.en.txt', 'c.en.en.txt', 'notes.md']) await writeFile(join(dir, f), 'x');
  assert.deepEqual(await findTranslationPairs(dir), [{ txtPath: join(dir, 'a.txt'), translationPath: join(dir, 'a.en.txt') }]);
}));

test('import keeps confirmed rows of an existing sidecar and saves through the report store', () => withTmp(async (dir) => {
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
  // as saved: the status change is stamped with who and when (provenance, format 1.1)
  const confirmed = (await openReport(txt, { journalDir })).annotations.units[0];
  assert.equal(confirmed.at !== undefined && confirmed.at !== a.units[0].at, true);
  const en = (await readFile(TRANSLATION, 'utf8')).split('\n').slice(1).join('\n');
  await writeFile(join(dir, 'r2.txt'), en);
  await importTranslationFile(txt, join(dir, 'r2.txt'), { journalDir });
  const after = (await openReport(txt, { journalDir })).annotations;
  assert.deepEqual(after.units[0], confirmed);
  assert.equal(after.targets.find((t) => t.id === a.units[0].target[0])!.text, 'Edited by the reviewer.');
  assert.deepEqual(after.units.slice(1).map((u) => u.target.length), [1, 2, 2, 3, 3]);
}));

test('a missing translation file is a not-found error and nothing is written', () => withTmp(async (dir) => {
  await copyFile(SAMPLE, join(dir, 'r.txt'));
  await assert.rejects(importTranslationFile(join(dir, 'r.txt'), join(dir, 'nope.txt'), { journalDir: join(dir, '.j') }), { code: 'not-found' });
  await assert.rejects(readFile(join(dir, 'r.annotations.json')));
}));

// ---------------------------------------------------------------------------------------------
// Translation memories

/** A TMX of the sample translated by the app's own import, from a scratch copy in `dir`. */
async function sampleTmx(dir: string): Promise<{ tmx: string; rows: Map<string, string> }> {
  const scratch = join(dir, 'scratch');
  await mkdir(scratch);
  const txt = join(scratch, 'r.txt');
  await copyFile(SAMPLE, txt);
  await copyFile(TRANSLATION, join(scratch, 'r.en.txt'));
  await importTranslationFile(txt, join(scratch, 'r.en.txt'), { journalDir: join(scratch, '.j') });
  const opened = await openReport(txt, { journalDir: join(scratch, '.j') });
  const tmx = exportToStrings('tmx', [{ name: 'r', text: opened.text, annotations: opened.annotations }]).outputs[''];
  return { tmx, rows: rowsOf(opened.annotations) };
}

function rowsOf(a: Annotations): Map<string, string> {
  const t = new Map(a.targets.map((x) => [x.id, x.text]));
  return new Map(a.units.map((u) => [u.source.join('+'), u.target.map((id) => t.get(id)).join(' ')]));
}

test('importMemoryFile returns the seeded annotations without saving; saveMemoryImport saves', () => withTmp(async (dir) => {
  const { tmx, rows } = await sampleTmx(dir);
  const journalDir = join(dir, '.journal');
  const txt = join(dir, 'r.txt');
  await copyFile(SAMPLE, txt);
  await writeFile(join(dir, 'memory.tmx'), tmx);
  const r = await importMemoryFile(txt, { kind: 'tmx', path: join(dir, 'memory.tmx') }, { journalDir });
  assert.deepEqual(rowsOf(r.annotations), rows);
  assert.deepEqual([r.matched.length, r.aligned.length, r.rows, r.rowsWithEnglish, r.pairs], [6, 0, 6, 6, 6]);
  await assert.rejects(readFile(join(dir, 'r.annotations.json')), 'nothing saved');
  const saved = await saveMemoryImport(txt, { kind: 'tmx', path: join(dir, 'memory.tmx') }, { journalDir });
  assert.equal(saved.sidecarPath, join(dir, 'r.annotations.json'));
  assert.deepEqual(rowsOf((await openReport(txt, { journalDir })).annotations), rows);
}));

test('importMemoryFile starts from the editor annotations when given, and checks they fit the source', () => withTmp(async (dir) => {
  const { tmx } = await sampleTmx(dir);
  const journalDir = join(dir, '.journal');
  const txt = join(dir, 'r.txt');
  await copyFile(SAMPLE, txt);
  await writeFile(join(dir, 'memory.tmx'), tmx);
  const editor = structuredClone((await openReport(txt, { journalDir })).annotations);
  editor.targets.push({ id: 't1', text: 'Typed in the editor, unsaved.' });
  editor.units[0] = { ...editor.units[0], target: ['t1'], status: 'translated' };
  const r = await importMemoryFile(txt, { kind: 'tmx', path: join(dir, 'memory.tmx') }, { journalDir, annotations: editor });
  assert.deepEqual(r.annotations.units[0], editor.units[0], 'a row with English is kept');
  assert.equal(r.matched.length, 5);
  const bad = structuredClone(editor);
  bad.segments[0] = { ...bad.segments[0], end: bad.segments[0].end + 100000 };
  await assert.rejects(importMemoryFile(txt, { kind: 'tmx', path: join(dir, 'memory.tmx') }, { journalDir, annotations: bad }), { code: 'invalid-request' });
}));

test('a malformed or empty memory is an invalid-memory error naming the problem; the sidecar is untouched', () => withTmp(async (dir) => {
  const { tmx } = await sampleTmx(dir);
  const journalDir = join(dir, '.journal');
  const txt = join(dir, 'r.txt');
  await copyFile(SAMPLE, txt);
  const sidecar = '{"kept": "as is"}';
  await writeFile(join(dir, 'r.annotations.json'), sidecar);
  await writeFile(join(dir, 'cut.tmx'), tmx.slice(0, Math.floor(tmx.length / 2)));
  await writeFile(join(dir, 'empty.tmx'), '<tmx version="1.4"><header/><body></body></tmx>');
  await writeFile(join(dir, 'c.ar'), 'سطر ١\nسطر ٢\n');
  await writeFile(join(dir, 'c.en'), 'line 1\n');
  await assert.rejects(saveMemoryImport(txt, { kind: 'tmx', path: join(dir, 'cut.tmx') }, { journalDir }), { code: 'invalid-memory', message: /^cut\.tmx: Not a complete TMX file/ });
  await assert.rejects(saveMemoryImport(txt, { kind: 'tmx', path: join(dir, 'empty.tmx') }, { journalDir }), { code: 'invalid-memory', message: /holds no Arabic–English pair/ });
  await assert.rejects(saveMemoryImport(txt, { kind: 'moses', ar: join(dir, 'c.ar'), en: join(dir, 'c.en') }, { journalDir }), { code: 'invalid-memory', message: /not parallel: the Arabic file has 2 lines, the English file 1/ });
  await assert.rejects(saveMemoryImport(txt, { kind: 'tmx', path: join(dir, 'nope.tmx') }, { journalDir }), { code: 'not-found' });
  assert.equal(await readFile(join(dir, 'r.annotations.json'), 'utf8'), sidecar);
}));

test('a UTF-16 TMX without the .tmx extension is recognised by its content', () => withTmp(async (dir) => {
  const { tmx } = await sampleTmx(dir);
  await writeFile(join(dir, 'memory.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tmx, 'utf16le')]));
  await writeFile(join(dir, 'english.txt'), 'Not a memory <tmx>.');
  assert.equal(await isTmxFile(join(dir, 'memory.xml')), true);
  assert.equal(await isTmxFile(join(dir, 'english.txt')), false);
  assert.equal(await isTmxFile(join(dir, 'whatever.TMX')), true);
  const txt = join(dir, 'r.txt');
  await copyFile(SAMPLE, txt);
  const r = await importMemoryFile(txt, { kind: 'tmx', path: join(dir, 'memory.xml') }, { journalDir: join(dir, '.j') });
  assert.equal(r.matched.length, 6);
}));

test('the folder search takes <name>.tmx when there is no <name>.en.txt', () => withTmp(async (dir) => {
  for (const f of ['a.txt', 'a.en.txt', 'a.tmx', 'b.txt', 'b.tmx', 'c.tmx']) await writeFile(join(dir, f), 'x');
  assert.deepEqual(await findTranslationPairs(dir), [
    { txtPath: join(dir, 'a.txt'), translationPath: join(dir, 'a.en.txt') },
    { txtPath: join(dir, 'b.txt'), translationPath: join(dir, 'b.tmx') },
  ]);
}));
