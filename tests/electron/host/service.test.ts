import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { createHostService, type HostDeps, type HostServiceOptions } from '../../../electron/host/service.ts';
import { loadLexicon } from '../../../electron/host/lexicon.ts';
import { createHash } from 'node:crypto';
import { parseLexicon } from '../../../shared/align/lexical.ts';
import { parseLexiconIndex } from '../../../shared/align/lexicon-index.ts';
import { LEARNED_LEXICON_FILE } from '../../../shared/align/learned-file.ts';
import { writeLearnedProject } from './learned-fixture.ts';
import { callNames, hostCalls, type CallName, type OpenedReport } from '../../../shared/contract/host.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';

const REPORT = 'قالَ المرصدُ السوريُّ إنّ ٦٧ مقاتلاً قُتلوا في إدلب. 😀 وأكّدت وكالة Reuters الخبرَ.\n';

async function setup(t: { after(fn: () => Promise<void>): void }, extra: Partial<HostServiceOptions> = {}) {
  const tmp = await mkdtemp(join(tmpdir(), 'muwazi-svc-'));
  const ws = join(tmp, 'workspace');
  await mkdir(ws);
  await writeFile(join(ws, 'خبر.txt'), REPORT);
  const service = createHostService({ dataDir: join(tmp, 'data'), assetsDir: resolve('assets'), mode: 'browser', ...extra });
  t.after(async () => {
    await service.close();
    await rm(tmp, { recursive: true, force: true });
  });
  return { tmp, ws, service };
}

/** Valid project settings (saveSettings). */
const SETTINGS = { format: 'muwazi-project', version: '1.0', tagSet: [{ name: 'PER', color: '#d9480f', key: 'p' }] };

/** A payload that each call's schema must refuse. */
const BAD: Record<CallName, unknown[]> = {
  appInfo: [{ x: 1 }, 'str'],
  openFolderDialog: [{ path: '/x' }],
  openFolder: [{}, { path: '' }, { path: 1 }],
  recentFolders: [{ all: true }],
  openRecent: [{}, { id: '' }, { id: 'x'.repeat(65) }],
  openSample: [{ extra: true }],
  listReports: [{}, { root: '' }, { path: '/x' }],
  openReport: [{}, { path: ['/a'] }, { path: '/x.txt', ignoreSidecar: 'yes' }, { path: '/x.txt', ignoreSidecar: true, extra: 1 }],
  saveReport: [{ path: '/x.txt' }, { path: '/x.txt', annotations: { format: 'other' }, sidecarHash: null }],
  writeJournal: [{ path: '/x.txt' }, { path: '/x.txt', annotations: null }],
  discardJournal: [{}, { path: null }],
  sidecarRestoreOptions: [{}, { path: '' }, { path: '/x.txt', extra: 1 }],
  restoreSidecar: [{ path: '/x.txt' }, { path: '/x.txt', source: 'bak3' }, { path: '', source: 'bak' }, { path: '/x.txt', source: 'journal', extra: 1 }],
  exportRun: [{ path: '/x', format: 'moses' }, { path: '/x', format: 'pdf', jobId: 'a' }, { path: '/x', format: 'tmx', jobId: 'x'.repeat(65) }],
  exportCancel: [{}, { jobId: 3 }],
  setLanguage: [{ lang: 'de' }, {}, { lang: 'en', tagSet: 'PER' }, { lang: 'en', tagSet: [{ name: 'per', key: 'p' }] }, { lang: 'en', tagSet: [{ name: 'PER', key: 'pp' }] }, { lang: 'en', tagSet: [{ name: 'PER', key: 'p', extra: 1 }] }],
  userName: [{ x: 1 }, 'str'],
  agreement: [{}, { root: '/x' }, { root: '', other: '/y' }, { root: '/x', other: 'y'.repeat(4097) }, { root: '/x', other: '/y', extra: 1 }],
  setUserName: [{}, { name: 7 }, { name: 'x'.repeat(201) }, { name: 'ليلى', extra: 1 }],
  readTextFile: [{}, { path: 7 }],
  importMemory: [
    { path: '/x.txt' },
    { path: '/x.txt', memory: { kind: 'xliff', path: '/m.xlf' } },
    { path: '/x.txt', memory: { kind: 'moses', ar: '/c.ar' } },
    { path: '/x.txt', memory: { kind: 'tmx', path: '' } },
    { path: '/x.txt', memory: { kind: 'tmx', path: '/m.tmx' }, annotations: { format: 'other' } },
    { path: '/x.txt', memory: { kind: 'tmx', path: '/m.tmx' }, save: true },
  ],
  saveCopy: [{}, { path: '/x.txt' }, { path: '', annotations: {} }, { path: '/x.txt', annotations: { format: 'other' } }, { path: '/x.txt', annotations: null, extra: 1 }],
  loadGlossary: [{}, { root: '' }, { path: '/x' }],
  loadDictionary: [{}, { root: '' }, { root: 1 }, { root: '/x', extra: true }],
  loadLexicon: [{ extra: true }, { path: '/etc/passwd' }],
  learnedLexicon: [{}, { root: '' }, { root: 1 }, { root: '/x', extra: true }],
  addDictionaryWord: [{ root: '/x' }, { root: '/x', word: '' }, { root: '/x', word: 'x'.repeat(401) }, { word: 'colour' }, { root: '/x', word: ['a'] }],
  saveSettings: [
    {}, { root: '/x' }, { root: '', settings: SETTINGS },
    { root: '/x', settings: { ...SETTINGS, tagSet: [] } },
    { root: '/x', settings: { ...SETTINGS, tagSet: [{ name: 'PER', color: 'red', key: 'p' }] } },
    { root: '/x', settings: { ...SETTINGS, tagSet: [{ name: 'PER', color: '#d9480f', key: 'p' }, { name: 'PER', color: '#1971c2', key: 'q' }] } },
    { root: '/x', settings: { ...SETTINGS, tagSet: [{ name: 'PER', color: '#d9480f', key: 'p' }, { name: 'ORG', color: '#1971c2', key: 'P' }] } },
    { root: '/x', settings: { ...SETTINGS, tagSet: [{ name: 'PER', color: '#d9480f', key: 'ب' }] } },
    { root: '/x', settings: { ...SETTINGS, tagSet: [{ name: 'PER', color: '#d9480f', key: 'k' }] } },
    { root: '/x', settings: { ...SETTINGS, tagSet: [{ name: 'per', color: '#d9480f', key: 'p' }] } },
    { root: '/x', settings: { ...SETTINGS, segmentation: { abbreviations: { ar: ['مستش', 'two words'] } } } },
    { root: '/x', settings: SETTINGS, extra: 1 },
  ],
  saveGlossary: [{ root: '/x' }, { root: '/x', entries: [{ ar: 'إدلب', en: 'Idlib', type: '', count: 1 }] }, { root: '/x', entries: [{ ar: 'إدلب', en: 'Idlib', type: 'LOC', count: -1 }] }],
  exportGlossary: [
    { root: '/x' }, { out: '/x/g.tsv' }, { root: '/x', out: '' }, { root: '', out: '/x/g.tsv' },
    { root: '/x', out: '/x/g.tsv', entries: [{ ar: 'إدلب', en: 'Idlib', type: 'LOC' }] },
    { root: '/x', out: '/x/g.tsv', entries: 'all' }, { root: '/x', out: '/x/g.tsv', format: 'csv' },
  ],
  tmLookup: [{}, { root: '/x' }, { root: '/x', text: 'a', min: 2 }, { root: '/x', text: 'a', limit: 0 }, { root: '/x', text: 'a', lang: 'fr' }, { root: '/x', text: 'a', extra: 1 }],
  tmExactMany: [{ root: '/x' }, { root: '/x', texts: 'a' }, { root: '', texts: [] }],
  concordance: [{ root: '/x' }, { root: '/x', term: '' }, { root: '/x', term: 'a', lang: 'de' }],
  qaRun: [{}, { root: '' }, { root: '/x', checks: 'all' }],
  qaExportReport: [{ root: '/x', out: '/x/q.html' }, { root: '/x', out: '/x/q.pdf', format: 'pdf' }, { root: '/x', out: '', format: 'html' }],
  projectFind: [
    { root: '/x' }, { root: '/x', search: { query: '' } }, { root: '/x', search: { query: 'a', options: { regex: 'yes' } } },
    { root: '/x', search: { query: 'a', options: { wholeWord: true } } }, { root: '/x', search: { query: 'a' }, limit: 0 }, { root: '', search: { query: 'a' } },
  ],
  projectReplacePreview: [{ root: '/x', search: { query: 'a' } }, { root: '/x', search: { query: 'a' }, replacement: 3 }, { root: '/x', search: { query: 'a' }, replacement: 'b', exclude: '/x/a.txt' }],
  projectReplaceApply: [
    { root: '/x', search: { query: 'a' }, replacement: 'b' }, { root: '/x', search: { query: 'a' }, replacement: 'b', reports: [] },
    { root: '/x', search: { query: 'a' }, replacement: 'b', reports: [{ path: '/x/a.txt' }] },
    { root: '/x', search: { query: 'a' }, replacement: 'b', reports: [{ path: '/x/a.txt', sidecarHash: 'h', extra: 1 }] },
  ],
  projectReplaceUndo: [{}, { path: '' }, { path: '/x/a.txt', all: true }],
  projectPropagatePreview: [{}, { root: '/x' }, { root: '', jobId: 'a' }, { root: '/x', jobId: '' }, { root: '/x', jobId: 'x'.repeat(65) }, { root: '/x', jobId: 'a', open: '' }, { root: '/x', jobId: 'a', dryRun: true }],
  projectPropagateCancel: [{}, { jobId: '' }, { jobId: 7 }, { jobId: 'a', root: '/x' }],
  projectPropagateApply: [
    { root: '/x', jobId: 'a' }, { root: '/x', jobId: 'a', reports: [] }, { root: '/x', reports: [{ path: '/x/a.txt', sidecarHash: 'h' }] },
    { root: '/x', jobId: 'a', reports: [{ path: '/x/a.txt' }] }, { root: '/x', jobId: 'a', reports: [{ path: '/x/a.txt', sidecarHash: '' }] },
    { root: '/x', jobId: 'a', reports: [{ path: '/x/a.txt', sidecarHash: 'h', suggestions: [] }] },
  ],
  projectPropagateUndo: [{}, { path: '' }, { path: '/x/a.txt', jobId: 'a' }],
};

test('every call refuses a malformed payload with invalid-request and a specific message', async (t) => {
  const { service } = await setup(t);
  assert.deepEqual(Object.keys(BAD).sort(), [...callNames].sort(), 'every call has cases');
  for (const name of callNames) {
    for (const payload of BAD[name]) {
      const r = await service.handle(name, payload);
      assert.equal(r.ok, false, `${name} ${JSON.stringify(payload)}`);
      assert.equal(!r.ok && r.code, 'invalid-request', `${name} ${JSON.stringify(payload)}`);
      assert.match(!r.ok ? r.message : '', /^Invalid request: /);
    }
  }
  const unknown = await service.handle('__proto__', {});
  assert.equal(!unknown.ok && unknown.code, 'invalid-request');
  assert.ok(hostCalls.appInfo);
});

test('appInfo, and openFolderDialog only where there is a dialog', async (t) => {
  const { service } = await setup(t);
  const info = await service.handle('appInfo', undefined);
  assert.ok(info.ok);
  assert.equal((info.value as { mode: string }).mode, 'browser');
  const dlg = await service.handle('openFolderDialog', {});
  assert.equal(!dlg.ok && dlg.code, 'unavailable');

  let answer: string | null = null;
  const withDialog = await setup(t, { mode: 'electron', dialogs: { pickFolder: async () => answer } });
  const cancelled = await withDialog.service.handle('openFolderDialog', {});
  assert.deepEqual(cancelled, { ok: true, value: null });
  answer = withDialog.ws;
  const picked = await withDialog.service.handle('openFolderDialog', {});
  assert.ok(picked.ok);
  assert.equal((picked.value as { reports: unknown[] }).reports.length, 1);
});

test('open, save and reopen a report through the real report store (code-point offsets intact)', async (t) => {
  const { service, ws } = await setup(t);
  const path = join(ws, 'خبر.txt');
  const w = await service.handle('openFolder', { path: ws });
  assert.ok(w.ok);
  const opened = await service.handle('openReport', { path });
  assert.ok(opened.ok, JSON.stringify(opened));
  const rep = opened.value as OpenedReport;
  assert.equal(rep.text, REPORT);
  assert.equal(rep.state, 'new');
  const map = new OffsetMap(rep.text);
  for (const s of rep.annotations.segments) assert.equal(map.slice(s.start, s.end), s.text);
  assert.ok(rep.annotations.segments.some((s) => s.text.includes('😀') || s.text.includes('Reuters')));

  const ann = structuredClone(rep.annotations);
  ann.targets.push({ id: 't1', text: 'The Syrian Observatory said 67 fighters were killed in Idlib.' });
  ann.units[0].target = ['t1'];
  ann.units[0].status = 'translated';
  const saved = await service.handle('saveReport', { path, annotations: ann, sidecarHash: rep.sidecarHash });
  assert.ok(saved.ok, JSON.stringify(saved));
  const onDisk = JSON.parse(await readFile(join(ws, 'خبر.annotations.json'), 'utf8'));
  assert.equal(onDisk.targets[0].text, 'The Syrian Observatory said 67 fighters were killed in Idlib.');
  assert.equal(await readFile(path, 'utf8'), REPORT, 'the source is never modified');

  const stale = await service.handle('saveReport', { path, annotations: ann, sidecarHash: null });
  assert.equal(!stale.ok && stale.code, 'conflict');
  const again = await service.handle('openReport', { path });
  assert.ok(again.ok);
  assert.equal((again.value as OpenedReport).state, 'loaded');
  const list = await service.handle('listReports', { root: ws });
  assert.ok(list.ok);
  const summary = (list.value as { reports: { translated: number; hasAnnotations: boolean }[] }).reports[0];
  assert.equal(summary.translated, 1);
  assert.equal(summary.hasAnnotations, true);

  assert.deepEqual(await service.handle('writeJournal', { path, annotations: ann }), { ok: true, value: {} });
  assert.deepEqual(await service.handle('discardJournal', { path }), { ok: true, value: {} });
});

test('listReports accepts only an opened folder itself', async (t) => {
  const { service, ws, tmp } = await setup(t);
  const before = await service.handle('listReports', { root: ws });
  assert.equal(!before.ok && before.code, 'outside-workspace');
  await service.handle('openFolder', { path: ws });
  assert.ok((await service.handle('listReports', { root: ws })).ok);
  const parent = await service.handle('listReports', { root: tmp });
  assert.equal(!parent.ok && parent.code, 'outside-workspace');
});

test('exports stay inside the workspace, report progress and can be cancelled', async (t) => {
  const seen: Parameters<HostDeps['runExport']>[0][] = [];
  let release: () => void = () => {};
  const runExport: HostDeps['runExport'] = async (req, o) => {
    seen.push(req);
    o.onProgress({ done: 0, total: 1, current: 'خبر' });
    if (req.jobId === 'slow') {
      await new Promise<void>((ok) => {
        release = ok;
        o.signal.addEventListener('abort', () => ok());
      });
      if (o.signal.aborted) throw new Error('aborted');
    }
    return { files: [], reports: 1, rows: 2, skipped: [], warnings: [] };
  };
  const { service, ws, tmp } = await setup(t, { deps: { runExport } });
  const events: unknown[] = [];
  service.on((e, p) => events.push([e, p]));
  await service.handle('openFolder', { path: ws });

  const r = await service.handle('exportRun', { path: ws, format: 'moses', jobId: 'j1' });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(seen[0].out, join(ws, 'export') + sep, 'default: the workspace export/ folder');
  assert.deepEqual(seen[0].options, {});
  assert.deepEqual(events, [['exportProgress', { jobId: 'j1', done: 0, total: 1, current: 'خبر' }]]);
  await service.handle('exportRun', { path: join(ws, 'خبر.txt'), format: 'tmx', jobId: 'j2', out: join(ws, 'out', 'x.tmx') });
  assert.equal(seen[1].out, join(ws, 'out', 'x.tmx'));
  await service.handle('exportRun', { path: ws, format: 'brat', jobId: 'j3', out: join(ws, 'brat') + '/' });
  assert.equal(seen[2].out, join(ws, 'brat') + sep, 'a trailing separator (folder) survives');

  for (const bad of [{ path: tmp }, { path: ws, out: join(tmp, 'stolen.tmx') }, { path: ws, out: `${ws}/../x.tmx` }]) {
    const o = await service.handle('exportRun', { format: 'tmx', jobId: 'b', ...bad });
    assert.equal(!o.ok && o.code, 'outside-workspace', JSON.stringify(bad));
  }
  assert.equal(seen.length, 3);

  const slow = service.handle('exportRun', { path: ws, format: 'tmx', jobId: 'slow' });
  while (seen.length < 4) await new Promise((ok) => setImmediate(ok));
  const dup = await service.handle('exportRun', { path: ws, format: 'tmx', jobId: 'slow' });
  assert.equal(!dup.ok && dup.code, 'invalid-request');
  assert.deepEqual(await service.handle('exportCancel', { jobId: 'slow' }), { ok: true, value: {} });
  const cancelled = await slow;
  assert.equal(!cancelled.ok && cancelled.code, 'cancelled');
  release();
});

test('readTextFile decodes legacy Arabic encodings; setLanguage reaches the menu hook', async (t) => {
  const langs: string[] = [];
  const tagSets: unknown[] = [];
  const { service, ws } = await setup(t, { onLanguage: (l, tagSet) => (langs.push(l), tagSets.push(tagSet)) });
  // "مرحبا" in windows-1256
  await writeFile(join(ws, 'ترجمة.txt'), Buffer.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7]));
  await writeFile(join(ws, 'bin.txt'), Buffer.from([0x41, 0x00, 0x42]));
  await service.handle('openFolder', { path: ws });
  const r = await service.handle('readTextFile', { path: join(ws, 'ترجمة.txt') });
  assert.deepEqual(r, { ok: true, value: { text: 'مرحبا', encoding: 'windows-1256' } });
  const bin = await service.handle('readTextFile', { path: join(ws, 'bin.txt') });
  assert.equal(!bin.ok && bin.code, 'binary-file');
  const missing = await service.handle('readTextFile', { path: join(ws, 'لا.txt') });
  assert.equal(!missing.ok && missing.code, 'not-found');
  assert.deepEqual(await service.handle('setLanguage', { lang: 'ar' }), { ok: true, value: {} });
  assert.deepEqual(langs, ['ar']);
  // the project's tag types reach the native menu's Entities → Tag As
  const tagSet = [{ name: 'DATE', key: 'd', label: 'تاريخ' }];
  assert.deepEqual(await service.handle('setLanguage', { lang: 'en', tagSet }), { ok: true, value: {} });
  assert.deepEqual(tagSets, [undefined, tagSet]);
});

test('openSample copies the samples and marks the workspace as the sample', async (t) => {
  const { service } = await setup(t);
  const r = await service.handle('openSample', {});
  assert.ok(r.ok, JSON.stringify(r));
  const ws = r.value as { isSample: boolean; reports: { problem?: string; rows: number }[] };
  assert.equal(ws.isSample, true);
  assert.equal(ws.reports.length, 5);
  for (const rep of ws.reports) {
    assert.equal(rep.problem, undefined);
    assert.ok(rep.rows > 0);
  }
});

test('a sidecar changed on disk by another program reaches the renderer as a fileChanged event', async (t) => {
  const { service, ws } = await setup(t);
  const path = join(ws, 'خبر.txt');
  const sidecar = join(ws, 'خبر.annotations.json');
  const events: { path: string; kind: string }[] = [];
  let notify: () => void = () => {};
  service.on((event, payload) => {
    if (event !== 'fileChanged') return;
    events.push(payload as { path: string; kind: string });
    notify();
  });
  await service.handle('openFolder', { path: ws });
  const opened = await service.handle('openReport', { path });
  assert.ok(opened.ok);
  const rep = opened.value as OpenedReport;
  const saved = await service.handle('saveReport', { path, annotations: rep.annotations, sidecarHash: null });
  assert.ok(saved.ok, JSON.stringify(saved));
  // Another program (a `git pull`) rewrites the sidecar: the event must name it as a sidecar change.
  const theirs = JSON.parse(await readFile(sidecar, 'utf8'));
  theirs.modified = '2030-01-01T00:00:00.000Z';
  const arrived = new Promise<void>((res) => (notify = () => events.some((e) => e.path.endsWith('خبر.annotations.json')) && res()));
  await writeFile(sidecar, JSON.stringify(theirs, null, 2) + '\n');
  await arrived;
  const ev = events.filter((e) => e.path.endsWith('خبر.annotations.json'));
  assert.equal(ev.length, 1, 'one event per burst of writes');
  assert.equal(ev[0].kind, 'sidecar');
});

test('dictionary: add and load muwazi.dictionary.txt of an opened folder (sorted, deduplicated); not a report; only opened folders', async (t) => {
  const { service, ws, tmp } = await setup(t);
  assert.ok((await service.handle('openFolder', { path: ws })).ok);
  assert.deepEqual(await service.handle('loadDictionary', { root: ws }), { ok: true, value: { words: [], exists: false, problems: [] } });
  for (const word of ['Saraqib', 'jihadist', 'Saraqib']) assert.ok((await service.handle('addDictionaryWord', { root: ws, word })).ok);
  const added = await service.handle('addDictionaryWord', { root: ws, word: 'al-Numan' });
  assert.deepEqual(added, { ok: true, value: { words: ['al-Numan', 'jihadist', 'Saraqib'] } });
  assert.equal(await readFile(join(ws, 'muwazi.dictionary.txt'), 'utf8'), 'al-Numan\njihadist\nSaraqib\n');
  assert.deepEqual(await service.handle('loadDictionary', { root: ws }), { ok: true, value: { words: ['al-Numan', 'jihadist', 'Saraqib'], exists: true, problems: [] } });
  const bad = await service.handle('addDictionaryWord', { root: ws, word: 'two words' });
  assert.equal(!bad.ok && bad.code, 'invalid-request');
  // the dictionary is a .txt file but never a report
  const list = await service.handle('listReports', { root: ws });
  assert.ok(list.ok);
  assert.deepEqual((list.value as { reports: Array<{ name: string }> }).reports.map((r) => r.name), ['خبر']);
  const other = join(tmp, 'other');
  await mkdir(other);
  for (const root of [other, join(ws, '..')]) {
    const r = await service.handle('loadDictionary', { root });
    assert.equal(!r.ok && r.code, 'outside-workspace', root);
    const w = await service.handle('addDictionaryWord', { root, word: 'x' });
    assert.equal(!w.ok && w.code, 'outside-workspace', root);
  }
  await assert.rejects(readFile(join(other, 'muwazi.dictionary.txt')), /ENOENT/);
});

test('glossary: load merges the saved file with every sidecar; save writes TSV; only opened folders', async (t) => {
  const { service, ws, tmp } = await setup(t);
  assert.ok((await service.handle('openFolder', { path: ws })).ok);
  // tag إدلب in the report and save it
  const path = join(ws, 'خبر.txt');
  const opened = await service.handle('openReport', { path });
  assert.ok(opened.ok);
  const rep = opened.value as OpenedReport;
  const a = rep.annotations;
  const map = new OffsetMap(rep.text);
  const u = rep.text.indexOf('إدلب');
  const start = map.toCodePoint(u);
  const seg = a.segments.find((s) => s.start <= start && start < s.end)!;
  a.entities.push({ id: 'e1', type: 'LOC', ar: 'إدلب' });
  a.mentions.push({ id: 'm1', side: 'ar', sentence: seg.id, start, end: start + 4, text: 'إدلب', type: 'LOC', entity: 'e1' });
  assert.equal(map.slice(start, start + 4), 'إدلب');
  assert.ok((await service.handle('saveReport', { path, annotations: a, sidecarHash: rep.sidecarHash })).ok);

  const first = await service.handle('loadGlossary', { root: ws });
  assert.ok(first.ok, JSON.stringify(first));
  assert.deepEqual(first.value, { entries: [{ ar: 'إدلب', en: '', type: 'LOC', count: 1 }], problems: [], exists: false });

  const saved = await service.handle('saveGlossary', { root: ws, entries: [{ ar: 'سراقب', en: 'Saraqib', type: 'LOC', count: 0, note: 'tab\there' }] });
  assert.ok(saved.ok);
  const tsv = await readFile(join(ws, 'muwazi.glossary.tsv'), 'utf8');
  assert.match(tsv, /^ar\ten\ttype\tcount\tnote\n/);
  assert.match(tsv, /سراقب\tSaraqib\tLOC\t0\ttab\\there/);
  const again = await service.handle('loadGlossary', { root: ws });
  assert.ok(again.ok);
  const v = again.value as { entries: Array<{ ar: string }>; exists: boolean };
  assert.equal(v.exists, true);
  assert.deepEqual(v.entries.map((e) => e.ar).sort(), ['إدلب', 'سراقب']);

  // a folder not opened, or a sub-folder of one, is refused
  const other = join(tmp, 'other');
  await mkdir(other);
  for (const root of [other, join(ws, '..')]) {
    const r = await service.handle('loadGlossary', { root });
    assert.equal(!r.ok && r.code, 'outside-workspace', root);
    const w = await service.handle('saveGlossary', { root, entries: [] });
    assert.equal(!w.ok && w.code, 'outside-workspace', root);
  }
});

test('exportGlossary writes TSV to a chosen .tsv under an opened folder, atomically; the panel\'s entries or the folder\'s', async (t) => {
  const { service, ws, tmp } = await setup(t);
  assert.ok((await service.handle('openFolder', { path: ws })).ok);
  await writeFile(join(ws, 'muwazi.glossary.tsv'), 'ar\ten\ttype\tcount\tnote\nسراقب\tSaraqib\tLOC\t0\tمدينة 😀\n');
  // no entries: the folder's glossary (saved file merged with the sidecars), to a new sub-folder
  const out = join(ws, 'تصدير', 'مسرد.tsv');
  const r = await service.handle('exportGlossary', { root: ws, out });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal((r.value as { entries: number }).entries, 1);
  assert.equal(await readFile(out, 'utf8'), 'ar\ten\ttype\tcount\tnote\nسراقب\tSaraqib\tLOC\t0\tمدينة 😀\n');
  // the panel's entries (unsaved edits), replacing the previous export; the saved glossary is untouched
  const entries = [{ ar: 'إِدْلِب', en: 'Idlib', type: 'LOC', count: 2 }, { ar: 'أردوغان', en: 'Erdoğan', type: 'PER', count: 0, note: 'tab\there' }];
  const r2 = await service.handle('exportGlossary', { root: ws, out, entries });
  assert.ok(r2.ok);
  assert.deepEqual(r2.value, { path: (r.value as { path: string }).path, entries: 2 });
  assert.equal(await readFile(out, 'utf8'), 'ar\ten\ttype\tcount\tnote\nإِدْلِب\tIdlib\tLOC\t2\t\nأردوغان\tErdoğan\tPER\t0\ttab\\there\n');
  assert.match(await readFile(join(ws, 'muwazi.glossary.tsv'), 'utf8'), /سراقب/);
  assert.deepEqual(await readdir(join(ws, 'تصدير')), ['مسرد.tsv'], 'no temporary file or backup left behind');

  // refused: outside the opened folders (also via ..), not .tsv, a folder, a root not opened
  const other = join(tmp, 'other');
  await mkdir(other);
  for (const [req, code] of [
    [{ root: ws, out: join(other, 'g.tsv') }, 'outside-workspace'],
    [{ root: ws, out: join(ws, '..', 'g.tsv') }, 'outside-workspace'],
    [{ root: ws, out: 'relative.tsv' }, 'outside-workspace'],
    [{ root: ws, out: join(ws, 'خبر.txt') }, 'invalid-request'],
    [{ root: ws, out: join(ws, 'خبر.annotations.json') }, 'invalid-request'],
    [{ root: ws, out: join(ws, 'تصدير') }, 'invalid-request'],
    [{ root: other, out: join(ws, 'g.tsv') }, 'outside-workspace'],
  ] as const) {
    const res = await service.handle('exportGlossary', req);
    assert.equal(!res.ok && res.code, code, JSON.stringify(req));
  }
  assert.equal(await readFile(join(ws, 'خبر.txt'), 'utf8'), REPORT, 'the report is untouched');
  await mkdir(join(ws, 'dir.tsv'));
  const dir = await service.handle('exportGlossary', { root: ws, out: join(ws, 'dir.tsv') });
  assert.equal(!dir.ok && dir.code, 'invalid-request', 'a folder named .tsv');
});

test('importMemory seeds from a memory inside the workspace without saving; memory and report must be under an opened folder', async (t) => {
  const { service, ws, tmp } = await setup(t);
  const path = join(ws, 'خبر.txt');
  await service.handle('openFolder', { path: ws });
  const opened = await service.handle('openReport', { path });
  assert.ok(opened.ok);
  const rep = opened.value as OpenedReport;
  const segs = rep.annotations.segments.map((s) => s.text);
  assert.ok(segs.length >= 2, JSON.stringify(segs));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const tmx = `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ar"/><body>\n` +
    `<tu><tuv xml:lang="ar"><seg>${esc(segs[0])}</seg></tuv><tuv xml:lang="en"><seg>The Syrian Observatory said 67 fighters were killed in Idlib.</seg></tuv></tu>\n` +
    '</body></tmx>\n';
  await writeFile(join(ws, 'ذاكرة.tmx'), tmx);
  await writeFile(join(tmp, 'outside.tmx'), tmx);
  const r = await service.handle('importMemory', { path, memory: { kind: 'tmx', path: join(ws, 'ذاكرة.tmx') } });
  assert.ok(r.ok, JSON.stringify(r));
  const v = r.value as { annotations: OpenedReport['annotations']; matched: string[]; pairs: number; rows: number };
  assert.equal(v.pairs, 1);
  assert.deepEqual(v.matched, [rep.annotations.units[0].id]);
  assert.equal(v.annotations.targets.find((x) => x.id === v.annotations.units[0].target[0])!.text, 'The Syrian Observatory said 67 fighters were killed in Idlib.');
  await assert.rejects(readFile(join(ws, 'خبر.annotations.json')), 'not saved: the renderer applies it as an edit');

  const outside = await service.handle('importMemory', { path, memory: { kind: 'tmx', path: join(tmp, 'outside.tmx') } });
  assert.equal(!outside.ok && outside.code, 'outside-workspace');
  const moses = await service.handle('importMemory', { path, memory: { kind: 'moses', ar: join(ws, 'ذاكرة.tmx'), en: join(tmp, 'outside.tmx') } });
  assert.equal(!moses.ok && moses.code, 'outside-workspace');
  await writeFile(join(ws, 'bad.tmx'), tmx.slice(0, 60));
  const bad = await service.handle('importMemory', { path, memory: { kind: 'tmx', path: join(ws, 'bad.tmx') } });
  assert.equal(!bad.ok && bad.code, 'invalid-memory');
  assert.match(!bad.ok ? bad.message : '', /bad\.tmx: Not a complete TMX file/);
});

test('saveCopy ("keep both") writes my version beside the sidecar, never over it; confined to opened folders', async (t) => {
  const { service, ws, tmp } = await setup(t);
  const path = join(ws, 'خبر.txt');
  const before = await service.handle('saveCopy', { path, annotations: {} });
  assert.equal(!before.ok && before.code, 'invalid-request');
  const opened0 = await service.handle('openFolder', { path: ws });
  assert.ok(opened0.ok);
  const opened = await service.handle('openReport', { path });
  assert.ok(opened.ok);
  const rep = opened.value as OpenedReport;
  const theirs = structuredClone(rep.annotations);
  theirs.targets.push({ id: 't1', text: 'Their version from a git pull.' });
  theirs.units[0].target = ['t1'];
  assert.ok((await service.handle('saveReport', { path, annotations: theirs, sidecarHash: null })).ok);
  const sidecarBefore = await readFile(join(ws, 'خبر.annotations.json'), 'utf8');

  const mine = structuredClone(rep.annotations);
  mine.targets.push({ id: 't1', text: 'My unsaved edit 😀 in Idlib.' });
  mine.units[0].target = ['t1'];
  const first = await service.handle('saveCopy', { path, annotations: mine });
  assert.ok(first.ok, JSON.stringify(first));
  const second = await service.handle('saveCopy', { path, annotations: mine });
  assert.ok(second.ok, JSON.stringify(second));
  const p1 = (first.value as { path: string }).path;
  const p2 = (second.value as { path: string }).path;
  assert.notEqual(p1, p2, 'a second copy never overwrites the first');
  for (const p of [p1, p2]) {
    assert.ok(p.startsWith(ws + sep), p);
    assert.match(p, /خبر\.annotations\.mine-[0-9-]+\.json$/);
    assert.equal(JSON.parse(await readFile(p, 'utf8')).targets[0].text, 'My unsaved edit 😀 in Idlib.');
  }
  assert.equal(await readFile(join(ws, 'خبر.annotations.json'), 'utf8'), sidecarBefore, 'the sidecar is untouched');

  // outside the opened folders, and invalid annotations, are refused
  await writeFile(join(tmp, 'other.txt'), REPORT);
  const outside = await service.handle('saveCopy', { path: join(tmp, 'other.txt'), annotations: mine });
  assert.equal(!outside.ok && outside.code, 'outside-workspace');
  const broken = structuredClone(mine);
  broken.units[0].target = ['t-missing'];
  const bad = await service.handle('saveCopy', { path, annotations: broken });
  assert.equal(!bad.ok && bad.code, 'invalid-request');
  assert.equal(await readFile(join(ws, 'خبر.annotations.json'), 'utf8'), sidecarBefore);
});

test('fields a newer minor format version adds survive a save through the host (loose schemas)', async (t) => {
  const { service, ws } = await setup(t);
  const path = join(ws, 'خبر.txt');
  await service.handle('openFolder', { path: ws });
  const opened = await service.handle('openReport', { path });
  assert.ok(opened.ok);
  const ann = structuredClone((opened.value as OpenedReport).annotations) as OpenedReport['annotations'] & Record<string, unknown>;
  ann.reviewer = { name: 'سارة' };
  (ann.segments[0] as Record<string, unknown>).note = 'عنوان';
  const saved = await service.handle('saveReport', { path, annotations: ann, sidecarHash: null });
  assert.ok(saved.ok, JSON.stringify(saved));
  const onDisk = JSON.parse(await readFile(join(ws, 'خبر.annotations.json'), 'utf8'));
  assert.deepEqual(onDisk.reviewer, { name: 'سارة' });
  assert.equal(onDisk.segments[0].note, 'عنوان');
});

test('saveSettings writes muwazi.project.json (canonical 2-space JSON) of an opened folder and answers the rescanned workspace', async (t) => {
  const { service, ws, tmp } = await setup(t);
  await service.handle('openFolder', { path: ws });
  const settings = {
    format: 'muwazi-project', version: '1.0',
    tagSet: [
      { label: 'Person', key: 'p', color: '#D9480F', name: 'PER' },
      { name: 'EVT', color: '#0b7285', key: 'e', label: 'حدث' },
    ],
    segmentation: { abbreviations: { ar: ['مستش'] } },
  };
  const r = await service.handle('saveSettings', { root: ws, settings });
  assert.ok(r.ok, JSON.stringify(r));
  const text = await readFile(join(ws, 'muwazi.project.json'), 'utf8');
  assert.equal(text, JSON.stringify({
    format: 'muwazi-project', version: '1.0',
    tagSet: [{ name: 'PER', color: '#d9480f', key: 'p', label: 'Person' }, { name: 'EVT', color: '#0b7285', key: 'e', label: 'حدث' }],
    segmentation: { abbreviations: { ar: ['مستش'], en: [] } },
  }, null, 2) + '\n');
  const value = r.value as { settings: { tagSet: { name: string }[] }; reports: unknown[] };
  assert.deepEqual(value.settings.tagSet.map((x) => x.name), ['PER', 'EVT']);
  assert.equal(value.reports.length, 1);
  // saving the same settings again gives the same bytes (deterministic)
  assert.ok((await service.handle('saveSettings', { root: ws, settings })).ok);
  assert.equal(await readFile(join(ws, 'muwazi.project.json'), 'utf8'), text);
  const listed = await service.handle('listReports', { root: ws });
  assert.ok(listed.ok);
  assert.deepEqual((listed.value as { settings: unknown }).settings, value.settings);

  // only an opened folder itself: not a sub-folder, a parent, or a folder never opened
  await mkdir(join(ws, 'sub'));
  const other = join(tmp, 'other');
  await mkdir(other);
  for (const root of [join(ws, 'sub'), join(ws, '..'), other, `${ws}/../other`]) {
    const w = await service.handle('saveSettings', { root, settings });
    assert.equal(!w.ok && w.code, 'outside-workspace', root);
  }
  await assert.rejects(readFile(join(other, 'muwazi.project.json')));
  await assert.rejects(readFile(join(ws, 'sub', 'muwazi.project.json')));
  // a refused payload leaves the file as it was
  const dup = await service.handle('saveSettings', { root: ws, settings: { ...settings, tagSet: [...settings.tagSet, { name: 'ORG', color: '#1971c2', key: 'E' }] } });
  assert.equal(!dup.ok && dup.code, 'invalid-request');
  assert.match(!dup.ok ? dup.message : '', /key “E” is used by both EVT and ORG/);
  assert.equal(await readFile(join(ws, 'muwazi.project.json'), 'utf8'), text);
});

test('a new report and its summary are segmented with the project abbreviations', async (t) => {
  const { service, ws } = await setup(t);
  // "مستش." (made up for مستشار, adviser) ends a sentence unless the project lists it
  await writeFile(join(ws, 'مستشار.txt'), 'وصل مستش. خالد إلى دمشق. ثم غادر.\n');
  const path = join(ws, 'مستشار.txt');
  const before = await service.handle('openFolder', { path: ws });
  assert.ok(before.ok);
  const row = (w: unknown) => (w as { reports: { name: string; rows: number }[] }).reports.find((x) => x.name === 'مستشار')!.rows;
  assert.equal(row(before.value), 3);
  const plain = await service.handle('openReport', { path });
  assert.ok(plain.ok);
  assert.deepEqual((plain.value as OpenedReport).annotations.segments.map((s) => s.text), ['وصل مستش.', 'خالد إلى دمشق.', 'ثم غادر.']);

  const saved = await service.handle('saveSettings', { root: ws, settings: { ...SETTINGS, segmentation: { abbreviations: { ar: ['مستش'] } } } });
  assert.ok(saved.ok, JSON.stringify(saved));
  assert.equal(row(saved.value), 2, 'the summary counts rows with the abbreviation');
  const opened = await service.handle('openReport', { path });
  assert.ok(opened.ok);
  const rep = opened.value as OpenedReport;
  assert.deepEqual(rep.annotations.segments.map((s) => s.text), ['وصل مستش. خالد إلى دمشق.', 'ثم غادر.']);
  const map = new OffsetMap(rep.text);
  for (const s of rep.annotations.segments) assert.equal(map.slice(s.start, s.end), s.text);
  // English abbreviations apply to Latin captions inside the source too
  await writeFile(join(ws, 'caption.txt'), 'صورة: Photo by Corr. Smith in Idlib.\n');
  const en = await service.handle('saveSettings', { root: ws, settings: { ...SETTINGS, segmentation: { abbreviations: { en: ['corr'] } } } });
  assert.ok(en.ok);
  const cap = await service.handle('openReport', { path: join(ws, 'caption.txt') });
  assert.ok(cap.ok);
  assert.equal((cap.value as OpenedReport).annotations.segments.length, 1);
});

test('a new report and its summary are segmented with the project exceptions', async (t) => {
  const { service, ws } = await setup(t);
  const path = join(ws, 'ياهو.txt');
  await writeFile(path, 'نقلت 😀 Yahoo! News الخبرَ. ثم نفته.\n');
  const row = (w: unknown) => (w as { reports: { name: string; rows: number }[] }).reports.find((x) => x.name === 'ياهو')!.rows;
  const before = await service.handle('openFolder', { path: ws });
  assert.ok(before.ok);
  assert.equal(row(before.value), 3);
  // a phrase without a stop inside is refused with its code, nothing written
  const bad = await service.handle('saveSettings', { root: ws, settings: { ...SETTINGS, segmentation: { abbreviations: {}, exceptions: { en: ['Yahoo'] } } } });
  assert.ok(!bad.ok);
  const saved = await service.handle('saveSettings', { root: ws, settings: { ...SETTINGS, segmentation: { abbreviations: {}, exceptions: { en: ['yahoo! news'] } } } });
  assert.ok(saved.ok, JSON.stringify(saved));
  assert.equal(row(saved.value), 2);
  const opened = await service.handle('openReport', { path });
  assert.ok(opened.ok);
  const rep = opened.value as OpenedReport;
  assert.deepEqual(rep.annotations.segments.map((s) => s.text), ['نقلت 😀 Yahoo! News الخبرَ.', 'ثم نفته.']);
  const map = new OffsetMap(rep.text);
  for (const s of rep.annotations.segments) assert.equal(map.slice(s.start, s.end), s.text);
});

test('opening a folder removes temp files that killed saves left behind, and nothing else', async (t) => {
  const { service, ws } = await setup(t);
  const { spawnSync } = await import('node:child_process');
  const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
  await mkdir(join(ws, 'sub'));
  await writeFile(join(ws, 'sub', 'تقرير.txt'), REPORT);
  const stale = [`.muwazi-خبر.annotations.json.${dead}.0123456789ab.tmp`, join('sub', `.muwazi-تقرير.annotations.json.${dead}.0123456789ab.tmp`)];
  const keep = ['.muwazi-notes.txt', 'draft.tmp', join('sub', 'x.annotations.json.tmp')];
  for (const f of [...stale, ...keep]) await writeFile(join(ws, f), 'x');
  assert.ok((await service.handle('openFolder', { path: ws })).ok);
  const left = [...(await readdir(ws)), ...(await readdir(join(ws, 'sub'))).map((n) => join('sub', n))];
  for (const f of stale) assert.ok(!left.includes(f), `${f} removed`);
  for (const f of keep) assert.ok(left.includes(f), `${f} kept`);
});

test('loadLexicon: the word list under the assets folder (its index when that matches, else its text), null when the folder has none', async (t) => {
  const { service, tmp } = await setup(t);
  const r = await service.handle('loadLexicon', {});
  assert.ok(r.ok);
  const v = r.value as { text: string | null; index?: string; sha256?: string };
  // the bundled list has a matching index: that is what the page gets, with the list's hash
  assert.equal(v.text, null);
  assert.equal(v.sha256, createHash('sha256').update(await readFile(resolve('assets', 'lexicon', 'ar-en.tsv'))).digest('hex'));
  assert.deepEqual(parseLexiconIndex(v.index!, v.sha256!)?.map.get('اطفال'), parseLexicon(await readFile(resolve('assets', 'lexicon', 'ar-en.tsv'), 'utf8')).map.get('اطفال'));
  // a list without its index (or with a stale one): its text
  const own = join(tmp, 'own-assets');
  await mkdir(join(own, 'lexicon'), { recursive: true });
  await writeFile(join(own, 'lexicon', 'ar-en.tsv'), 'الأطفال\tchildren|kids\n');
  const plain = createHostService({ dataDir: join(tmp, 'data3'), assetsDir: own, mode: 'browser' });
  assert.deepEqual(await plain.handle('loadLexicon', {}), { ok: true, value: { text: 'الأطفال\tchildren|kids\n' } });
  await writeFile(join(own, 'lexicon', 'ar-en.index.tsv'), await readFile(resolve('assets', 'lexicon', 'ar-en.index.tsv'), 'utf8'));
  assert.deepEqual(await plain.handle('loadLexicon', {}), { ok: true, value: { text: 'الأطفال\tchildren|kids\n' } }, 'an index of another list is not sent');
  const bare = createHostService({ dataDir: join(tmp, 'data2'), assetsDir: join(tmp, 'no-assets'), mode: 'browser' });
  assert.deepEqual(await bare.handle('loadLexicon', {}), { ok: true, value: { text: null } });
});

test('learnedLexicon: the opened folder\'s learned list, changed by a save; refused outside the opened folders', async (t) => {
  const { service, ws, tmp } = await setup(t);
  await writeLearnedProject(ws);
  assert.ok((await service.handle('openFolder', { path: ws })).ok);
  const entries = async () => {
    const r = await service.handle('learnedLexicon', { root: ws });
    assert.ok(r.ok, JSON.stringify(r));
    return new Map((r.value as { entries: Array<[string, string[]]> }).entries);
  };
  assert.deepEqual((await entries()).get('كحلوم'), ['vespid']);
  // the rows become drafts in a save: the list forgets them, and its file says so
  const path = join(ws, 'news', 'known.txt');
  const rep = await service.handle('openReport', { path });
  assert.ok(rep.ok);
  const opened = rep.value as OpenedReport;
  const drafts = { ...opened.annotations, units: opened.annotations.units.map((u) => ({ ...u, status: 'draft' as const })) };
  assert.ok((await service.handle('saveReport', { path, annotations: drafts, sidecarHash: opened.sidecarHash })).ok);
  assert.equal((await entries()).has('كحلوم'), false);
  assert.doesNotMatch(await readFile(join(ws, LEARNED_LEXICON_FILE), 'utf8'), /^row\t/m);
  const outside = await service.handle('learnedLexicon', { root: tmp });
  assert.equal(!outside.ok && outside.code, 'outside-workspace');
});

test('loadLexicon (host module): parsed once per folder, null for a folder without the file', () => {
  const lex = loadLexicon(resolve('assets'));
  assert.ok(lex && lex.size > 20_000 && lex.map.get('اطفال')?.includes('children'));
  assert.equal(loadLexicon(resolve('assets')), lex, 'cached');
  assert.equal(loadLexicon(join(tmpdir(), 'muwazi-no-such-assets')), null);
});

test('userName defaults to the OS user; setUserName changes it and saves are stamped with it', async (t) => {
  const { service, ws } = await setup(t);
  const first = await service.handle('userName', {});
  assert.ok(first.ok && (first.value as { isDefault: boolean }).isDefault);
  assert.deepEqual(await service.handle('setUserName', { name: ' ليلى ' }), { ok: true, value: { name: 'ليلى', isDefault: false } });
  const path = join(ws, 'خبر.txt');
  await service.handle('openFolder', { path: ws });
  const rep = (await service.handle('openReport', { path })) as { ok: true; value: OpenedReport };
  const ann = structuredClone(rep.value.annotations);
  ann.units[0].status = 'translated';
  assert.ok((await service.handle('saveReport', { path, annotations: ann, sidecarHash: null })).ok);
  const onDisk = JSON.parse(await readFile(join(ws, 'خبر.annotations.json'), 'utf8'));
  assert.equal(onDisk.units[0].by, 'ليلى');
  assert.equal(onDisk.units[1]?.by, undefined, 'a row still auto is no one\'s decision');
});

test('agreement compares the opened folder with another copy; a folder outside the rule is forbidden', async (t) => {
  const { service, ws, tmp } = await setup(t);
  const path = join(ws, 'خبر.txt');
  await service.handle('openFolder', { path: ws });
  const rep = (await service.handle('openReport', { path })) as { ok: true; value: OpenedReport };
  assert.ok((await service.handle('saveReport', { path, annotations: rep.value.annotations, sidecarHash: null })).ok);
  const other = join(tmp, 'نسخة');
  await mkdir(other);
  await writeFile(join(other, 'خبر.txt'), REPORT);
  await writeFile(join(other, 'خبر.annotations.json'), await readFile(join(ws, 'خبر.annotations.json')));
  const r = await service.handle('agreement', { root: ws, other });
  assert.ok(r.ok, JSON.stringify(r));
  const v = r.value as { reports: { name: string }[]; overall: { status: { agreement: number } } };
  assert.deepEqual(v.reports.map((x) => x.name), ['خبر.txt']);
  assert.equal(v.overall.status.agreement, 1);
  const denied = await service.handle('agreement', { root: ws, other: '/etc' });
  assert.equal(!denied.ok && denied.code, 'forbidden');
});
