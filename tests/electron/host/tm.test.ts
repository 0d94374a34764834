import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, realpath, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHostService, type HostService } from '../../../electron/host/service.ts';
import { MAX_TMX_BYTES, ProjectMemory } from '../../../electron/host/tm.ts';
import type { CallName, CallResponse, OpenedReport } from '../../../shared/contract/host.ts';
import { A_AR, A_EN, B_EN, makeTmProject, tmxOf, writeReport } from './tm-fixture.ts';

async function project(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await realpath(await makeTmProject());
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('the memory holds every translated report row (sidecars) and every tm/*.tmx unit, with their origins', async (t) => {
  const dir = await project(t);
  const m = await ProjectMemory.load(dir);
  assert.equal(m.ready, true);
  // a.txt: 2 translated rows of 3; sub/b.txt: 1; tm/news.tmx: 2; the corrupt and newer sidecars and cut.tmx: none
  assert.equal(m.size, 5);
  assert.deepEqual(m.units().map((u) => [u.origin.kind, u.origin.file, u.origin.row]), [
    ['report', 'a.txt', 0], ['report', 'a.txt', 1], ['report', 'sub/b.txt', 0], ['tmx', 'tm/news.tmx', 0], ['tmx', 'tm/news.tmx', 1],
  ]);
  const hits = m.lookup('وصل الوفد الى دمشق صباح اليوم');
  assert.equal(hits[0].en, A_EN[1]);
  assert.deepEqual(hits[0].origin, { kind: 'report', file: 'a.txt', row: 1 });
  assert.ok(hits[0].score > 0.9 && hits[0].score < 1, 'punctuation and hamza differ: near, not exact');
  const tmx = m.lookup('عقد مجلس الأمن جلسة طارئة.');
  assert.deepEqual(tmx[0].origin, { kind: 'tmx', file: 'tm/news.tmx', row: 0 });
  assert.equal(tmx[0].score, 1);
});

test('a corrupt sidecar, a newer-version sidecar and a malformed TMX are skipped with warnings naming them (and the line)', async (t) => {
  const dir = await project(t);
  const w = (await ProjectMemory.load(dir)).warnings();
  assert.equal(w.length, 3, w.join('\n'));
  assert.match(w[0], /^Skipped corrupt\.txt: .*not valid JSON \(line 1, column 3/);
  assert.match(w[1], /^Skipped newer\.txt: .*newer Muwazi \(format version 99\.0\)/);
  assert.match(w[2], /^Skipped tm\/cut\.tmx, line 11: Not a complete TMX file: translation unit 2 is never closed/);
});

test('a TMX over the size limit is refused with a size message, never read', async (t) => {
  const dir = await project(t);
  // a sparse file: no disk used, and a read of it would take seconds and 200 MB
  const big = join(dir, 'tm', 'huge.tmx');
  await writeFile(big, '');
  await truncate(big, MAX_TMX_BYTES + 1);
  const m = await ProjectMemory.load(dir);
  assert.ok(m.warnings().some((x) => /^Skipped tm\/huge\.tmx: it is 200 MB; a project memory file may be at most 200 MB/.test(x)), m.warnings().join('\n'));
  assert.equal(m.size, 5);
});

test('fileChanged re-reads one sidecar or one TMX; a deleted sidecar drops its units; a repaired one clears its warning', async (t) => {
  const dir = await project(t);
  const m = await ProjectMemory.load(dir);
  await writeReport(dir, 'sub/b.txt', ['أعلنت وزارة الصحة عن ١٢ إصابة جديدة.'], ['Twelve new cases, the ministry said.']);
  await m.fileChanged(join(dir, 'sub', 'b.annotations.json'));
  assert.equal(m.lookup('أعلنت وزارة الصحة عن ١٢ إصابة جديدة.')[0].en, 'Twelve new cases, the ministry said.');
  await writeReport(dir, 'corrupt.txt', ['تم الإصلاح.'], ['Repaired.']);
  await m.fileChanged(join(dir, 'corrupt.annotations.json'));
  assert.equal(m.warnings().filter((x) => x.includes('corrupt.txt')).length, 0);
  assert.equal(m.size, 6);
  await rm(join(dir, 'corrupt.annotations.json'));
  await m.fileChanged(join(dir, 'corrupt.annotations.json'));
  assert.equal(m.size, 5);
  await writeFile(join(dir, 'tm', 'cut.tmx'), tmxOf([['مرحبا بكم.', 'Welcome.']]));
  await m.fileChanged(join(dir, 'tm', 'cut.tmx'));
  assert.equal(m.lookup('مرحبا بكم.')[0].origin.file, 'tm/cut.tmx');
  assert.equal(m.warnings().length, 1, 'only newer.txt is left');
});

test('concordance finds clitic-joined and spelling-variant forms; offsets slice the row text', async (t) => {
  const dir = await project(t);
  const m = await ProjectMemory.load(dir);
  // "الحكومة" written without its damma in the query; the row has الحكومةُ
  const { hits, truncated } = m.concordance('الحكومه');
  assert.equal(truncated, false);
  assert.deepEqual(hits.map((h) => [h.file, h.row, h.side, h.text]), [['a.txt', 0, 'ar', 'الحكومةُ']]);
  for (const h of hits) assert.equal(Array.from(h[h.side]).slice(h.start, h.end).join(''), h.text);
  // both sides without --lang; the untranslated row is searchable too
  assert.deepEqual(m.concordance('ترجمة').hits.map((h) => [h.row, h.en]), [[2, '']]);
  assert.deepEqual(m.concordance('government', { lang: 'en' }).hits.map((h) => h.text), ['government']);
  assert.equal(m.concordance('ال', { limit: 2 }).truncated, true);
  assert.equal(m.concordance('ال', { limit: 2 }).hits.length, 2);
});

async function call<K extends CallName>(service: HostService, name: K, payload: unknown): Promise<CallResponse<K>> {
  const r = await service.handle(name, payload);
  if (!r.ok) throw new Error(`${name}: ${r.code} ${r.message}`);
  return r.value as CallResponse<K>;
}

async function openedService(t: { after(fn: () => Promise<void>): void }, dir: string): Promise<HostService> {
  const data = await mkdtemp(join(tmpdir(), 'muwazi-tm-data-'));
  // no watcher: changes on disk go unseen, so whatever the memory learns comes from the service itself
  const service = createHostService({ dataDir: data, assetsDir: resolve('assets'), mode: 'browser', deps: { watchFolder: () => ({ close() {} }) } });
  t.after(async () => {
    await service.close();
    await rm(data, { recursive: true, force: true });
  });
  await call(service, 'openFolder', { path: dir });
  // the memory is built in the background: poll until it says it is ready (generous ceiling)
  for (let i = 0; i < 10_000; i++) {
    if ((await call(service, 'tmLookup', { root: dir, text: 'x' })).ready) return service;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('the memory never became ready');
}

test('host calls: tmLookup (with exclude), tmExactMany (the asking report left out), concordance; paths confined', async (t) => {
  const dir = await project(t);
  const service = await openedService(t, dir);
  const r = await call(service, 'tmLookup', { root: dir, text: A_AR[0] });
  assert.equal(r.units, 5);
  assert.equal(r.warnings.length, 3);
  assert.deepEqual(r.matches.map((m) => [m.score, m.origin.file]), [[1, 'a.txt'], [1, 'tm/news.tmx']]);
  // the row being translated is itself in the memory: exclude drops it, and only it
  const ex = await call(service, 'tmLookup', { root: dir, text: A_AR[0], exclude: { path: join(dir, 'a.txt'), unit: 'u1' } });
  assert.deepEqual(ex.matches.map((m) => m.origin.file), ['tm/news.tmx']);
  const exact = await call(service, 'tmExactMany', { root: dir, texts: [A_AR[0], 'لا شيء يشبه هذا', A_AR[1]], path: join(dir, 'a.txt') });
  assert.deepEqual(exact.matches.map((m) => m?.origin.file ?? null), ['tm/news.tmx', null, null]);
  const c = await call(service, 'concordance', { root: dir, term: 'دمشق' });
  assert.deepEqual(c.hits.map((h) => [h.file, h.path, h.row, h.unit]), [['a.txt', join(dir, 'a.txt'), 1, 'u2']]);
  const outside = await service.handle('tmLookup', { root: tmpdir(), text: 'x' });
  assert.equal(!outside.ok && outside.code, 'outside-workspace');
  const notRoot = await service.handle('concordance', { root: join(dir, 'sub'), term: 'x' });
  assert.equal(!notRoot.ok && notRoot.code, 'outside-workspace');
});

test('saveReport replaces that report\'s units in the memory without a rebuild', async (t) => {
  const dir = await project(t);
  const service = await openedService(t, dir);
  // a change on disk the service never hears of (no watcher): a rebuild would pick it up, an update does not
  await writeReport(dir, 'sub/b.txt', ['أعلنت وزارة الصحة عن ١٢ إصابة جديدة.'], ['CHANGED BEHIND OUR BACK']);
  const path = join(dir, 'a.txt');
  const rep = await call(service, 'openReport', { path }) as OpenedReport;
  const a = structuredClone(rep.annotations);
  a.targets = [...a.targets, { id: 't9', text: 'This row is translated now.' }];
  a.units[2] = { ...a.units[2], target: ['t9'], status: 'translated' };
  a.targets[0] = { ...a.targets[0], text: 'Three people died in Aleppo, the government said.' };
  await call(service, 'saveReport', { path, annotations: a, sidecarHash: rep.sidecarHash });
  const row2 = await call(service, 'tmLookup', { root: dir, text: A_AR[2] });
  assert.deepEqual(row2.matches.map((m) => [m.en, m.origin.row]), [['This row is translated now.', 2]]);
  assert.equal(row2.units, 6);
  const row0 = await call(service, 'tmLookup', { root: dir, text: A_AR[0] });
  assert.equal(row0.matches[0].en, 'Three people died in Aleppo, the government said.');
  const b = await call(service, 'tmLookup', { root: dir, text: 'أعلنت وزارة الصحة عن ١٢ إصابة جديدة.' });
  assert.equal(b.matches[0].en, B_EN[0], 'sub/b.txt was not read again');
  assert.equal(JSON.parse(await readFile(join(dir, 'a.annotations.json'), 'utf8')).targets.length, 3, 'the save itself went to disk');
});
