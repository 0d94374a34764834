// Find and replace across the project, through the host service (confinement, contract) and the
// real report store: Arabic-aware find over every report, replace writes only the English,
// a sidecar changed since the preview is refused, undo restores, corrupt sidecars are named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHostService } from '../../../electron/host/service.ts';
import type { CallResponse, OpenedReport } from '../../../shared/contract/host.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { findInProject } from '../../../electron/host/project-find.ts';

const A = 'قالَ وزيرُ الخارجيّة إنّ الوفدَ وصل إلى القاهرة. 😀 وأكّدت الوزارة الخبر.\n';
const B = 'أعلنت وزارة الصحة ٢٥ إصابة جديدة. وقال الوزير إن الوضع مستقر.\n';
const C = 'لا ترجمة هنا بعد. قال الوزير كلمته.\n';

/** A folder with reports a (sidecar), b (sidecar), c (no sidecar), d (corrupt sidecar), and English in a and b. */
async function setup(t: { after(fn: () => Promise<void>): void }) {
  const tmp = await mkdtemp(join(tmpdir(), 'muwazi-pfind-'));
  const ws = join(tmp, 'ws');
  await mkdir(join(ws, 'sub'), { recursive: true });
  await writeFile(join(ws, 'a.txt'), A);
  await writeFile(join(ws, 'sub', 'b.txt'), B);
  await writeFile(join(ws, 'c.txt'), C);
  await writeFile(join(ws, 'd.txt'), 'نص.\n');
  await writeFile(join(ws, 'd.annotations.json'), '{ "format": "muwazi-annotations", ');
  const service = createHostService({ dataDir: join(tmp, 'data'), assetsDir: resolve('assets'), mode: 'browser' });
  t.after(async () => {
    await service.close();
    await rm(tmp, { recursive: true, force: true });
  });
  const ok = <T>(r: { ok: boolean; value?: unknown; message?: string }): T => {
    assert.ok(r.ok, JSON.stringify(r));
    return r.value as T;
  };
  ok(await service.handle('openFolder', { path: ws }));
  /** Saves English for the first row (and a mention on `mention` when given). */
  const translate = async (file: string, english: string, mention?: string) => {
    const path = join(ws, file);
    const rep = ok<OpenedReport>(await service.handle('openReport', { path }));
    const ann = structuredClone(rep.annotations);
    ann.targets.push({ id: 't1', text: english });
    ann.units[0].target = ['t1'];
    ann.units[0].status = 'translated';
    if (mention) {
      const u = english.indexOf(mention);
      const map = new OffsetMap(english);
      ann.entities.push({ id: 'e1', type: 'ORG' });
      ann.mentions.push({ id: 'm1', side: 'en', sentence: 't1', start: map.toCodePoint(u), end: map.toCodePoint(u + mention.length), text: mention, type: 'ORG', entity: 'e1' });
    }
    ok(await service.handle('saveReport', { path, annotations: ann, sidecarHash: rep.sidecarHash }));
  };
  await translate('a.txt', '😀 The Foreign Minister said the Ministry delegation arrived in Cairo.', 'Ministry');
  await translate('sub/b.txt', 'The Ministry of Health announced 25 new cases.', 'Ministry of Health');
  return { ws, service, ok };
}

const sidecar = async (ws: string, name: string) => JSON.parse(await readFile(join(ws, name), 'utf8')) as { targets: { text: string }[]; segments: { text: string }[]; mentions: { side: string; text: string }[] };

test('project find: Arabic-aware over every report (with or without sidecar), rows and context; corrupt sidecar named', async (t) => {
  const { ws, service, ok } = await setup(t);
  // "الوزير" without hamza or harakat finds الوزير in b and c (c has no sidecar: its source segmented)
  const r = ok<CallResponse<'projectFind'>>(await service.handle('projectFind', { root: ws, search: { query: 'الوزير' } }));
  assert.deepEqual(r.reports.map((x) => [x.file, x.count]), [['c.txt', 1], ['sub/b.txt', 1]]);
  const hit = r.reports[1].hits[0];
  assert.equal(hit.side, 'ar');
  assert.equal(hit.row, 1);
  assert.equal(hit.unit, 'u2');
  assert.equal(new OffsetMap(hit.context).slice(hit.start, hit.end), 'الوزير');
  assert.ok(r.warnings.some((w) => w.startsWith('d.txt: skipped') && w.includes('d.annotations.json')), r.warnings.join('\n'));
  // folded: وزاره finds الوزارة (ة = ه) in a; English found too, case-insensitively
  const f = ok<CallResponse<'projectFind'>>(await service.handle('projectFind', { root: ws, search: { query: 'ministry' } }));
  assert.deepEqual(f.reports.map((x) => [x.file, x.count, x.hits.map((h) => h.side).join()]), [['a.txt', 1, 'en'], ['sub/b.txt', 1, 'en']]);
  // regex, with the code-point offsets after an emoji
  const g = ok<CallResponse<'projectFind'>>(await service.handle('projectFind', { root: ws, search: { query: '\\bC\\w+o\\b', options: { regex: true, matchCase: true } } }));
  assert.equal(g.reports.length, 1);
  const h = g.reports[0].hits[0];
  assert.equal(new OffsetMap(h.context).slice(h.start, h.end), 'Cairo');
  // limit and truncated
  const l = ok<CallResponse<'projectFind'>>(await service.handle('projectFind', { root: ws, search: { query: 'ا' }, limit: 3 }));
  assert.equal(l.truncated, true);
  assert.equal(l.reports.reduce((n, x) => n + x.hits.length, 0), 3);
  // an invalid pattern is a clear refusal
  const bad = await service.handle('projectFind', { root: ws, search: { query: '(a', options: { regex: true } } });
  assert.equal(!bad.ok && bad.code, 'invalid-request');
  assert.match(!bad.ok ? bad.message : '', /Invalid regular expression/);
  // only opened folders
  const out = await service.handle('projectFind', { root: tmpdir(), search: { query: 'a' } });
  assert.equal(!out.ok && out.code, 'outside-workspace');
});

test('project replace: preview, apply writes only English (sources and Arabic untouched), mentions kept, then undo per report', async (t) => {
  const { ws, service, ok } = await setup(t);
  const search = { query: 'Ministry' , options: { matchCase: true } };
  const pv = ok<CallResponse<'projectReplacePreview'>>(await service.handle('projectReplacePreview', { root: ws, search, replacement: 'Department' }));
  assert.deepEqual(pv.reports.map((r) => [r.file, r.replacements, r.samples[0].after]), [
    ['a.txt', 1, '😀 The Foreign Minister said the Department delegation arrived in Cairo.'],
    ['sub/b.txt', 1, 'The Department of Health announced 25 new cases.'],
  ]);
  assert.ok(pv.warnings.some((w) => w.includes('d.annotations.json')));
  // nothing written by a preview
  assert.equal((await sidecar(ws, 'a.annotations.json')).targets[0].text.includes('Ministry'), true);
  // the open report is excluded (replaced in the editor)
  const ex = ok<CallResponse<'projectReplacePreview'>>(await service.handle('projectReplacePreview', { root: ws, search, replacement: 'Department', exclude: [join(ws, 'a.txt')] }));
  assert.deepEqual(ex.reports.map((r) => r.file), ['sub/b.txt']);

  const before = await readFile(join(ws, 'sub', 'b.annotations.json'), 'utf8');
  const ap = ok<CallResponse<'projectReplaceApply'>>(await service.handle('projectReplaceApply', { root: ws, search, replacement: 'Department', reports: pv.reports.map((r) => ({ path: r.path, sidecarHash: r.sidecarHash })) }));
  assert.deepEqual(ap.results.map((r) => [r.file, r.status, r.replacements]), [['a.txt', 'replaced', 1], ['sub/b.txt', 'replaced', 1]]);
  const a = await sidecar(ws, 'a.annotations.json');
  assert.equal(a.targets[0].text, '😀 The Foreign Minister said the Department delegation arrived in Cairo.');
  // the mention was the whole hit: kept over the new text; b's mention straddled nothing either (inside)
  assert.deepEqual(a.mentions.filter((m) => m.side === 'en').map((m) => m.text), ['Department']);
  assert.deepEqual((await sidecar(ws, 'sub/b.annotations.json')).mentions.filter((m) => m.side === 'en').map((m) => m.text), ['Department of Health']);
  assert.equal(await readFile(join(ws, 'a.txt'), 'utf8'), A, 'sources are never modified');
  assert.equal(await readFile(join(ws, 'sub', 'b.txt'), 'utf8'), B);
  assert.ok(a.segments.every((s) => A.includes(s.text)), 'Arabic segments untouched');

  // undo b: restores the previous sidecar (same content)
  ok(await service.handle('projectReplaceUndo', { path: join(ws, 'sub', 'b.txt') }));
  assert.deepEqual(JSON.parse(await readFile(join(ws, 'sub', 'b.annotations.json'), 'utf8')).targets, JSON.parse(before).targets);
  // a second undo: nothing to undo
  const again = await service.handle('projectReplaceUndo', { path: join(ws, 'sub', 'b.txt') });
  assert.equal(!again.ok && again.code, 'not-found');
  // a changed after the replace: undo refuses and keeps the change
  const aPath = join(ws, 'a.annotations.json');
  const changed = (await readFile(aPath, 'utf8')).replace('arrived in Cairo', 'reached Cairo');
  await writeFile(aPath, changed);
  const refused = await service.handle('projectReplaceUndo', { path: join(ws, 'a.txt') });
  assert.equal(!refused.ok && refused.code, 'conflict');
  assert.equal(await readFile(aPath, 'utf8'), changed);
});

test('project replace: a sidecar changed between preview and apply is refused, not overwritten; paths confined to the folder', async (t) => {
  const { ws, service, ok } = await setup(t);
  const search = { query: 'ministry' };
  const pv = ok<CallResponse<'projectReplacePreview'>>(await service.handle('projectReplacePreview', { root: ws, search, replacement: 'Department' }));
  const bPath = join(ws, 'sub', 'b.annotations.json');
  const theirs = (await readFile(bPath, 'utf8')).replace('25 new cases', '26 new cases');
  await writeFile(bPath, theirs);
  const ap = ok<CallResponse<'projectReplaceApply'>>(await service.handle('projectReplaceApply', { root: ws, search, replacement: 'Department', reports: pv.reports.map((r) => ({ path: r.path, sidecarHash: r.sidecarHash })) }));
  assert.deepEqual(ap.results.map((r) => [r.file, r.status]), [['a.txt', 'replaced'], ['sub/b.txt', 'conflict']]);
  assert.match(ap.results[1].message!, /changed on disk since the preview/);
  assert.equal(await readFile(bPath, 'utf8'), theirs);
  // a path outside the opened folder, or not a report, is refused before anything is written
  const outside = await service.handle('projectReplaceApply', { root: ws, search, replacement: 'x', reports: [{ path: join(tmpdir(), 'x.txt'), sidecarHash: 'h' }] });
  assert.equal(!outside.ok && outside.code, 'outside-workspace');
  const notReport = await service.handle('projectReplaceApply', { root: ws, search, replacement: 'x', reports: [{ path: bPath, sidecarHash: 'h' }] });
  assert.equal(!notReport.ok && notReport.code, 'outside-workspace');
  const undoOutside = await service.handle('projectReplaceUndo', { path: join(tmpdir(), 'x.txt') });
  assert.equal(!undoOutside.ok && undoOutside.code, 'outside-workspace');
});

test('project find: the time budget stops the search and says truncated (injected clock)', async (t) => {
  const { ws } = await setup(t);
  let clock = 0;
  // each reading is two seconds later: the budget (5 s) is spent after two sentences
  const r = await findInProject(ws, { query: '\\p{L}', options: { regex: true } }, { now: () => (clock += 2000) });
  assert.equal(r.truncated, true);
  assert.ok(r.reports.length >= 1);
  const all = await findInProject(ws, { query: '\\p{L}', options: { regex: true } });
  assert.equal(all.truncated, false);
  assert.ok(all.reports.reduce((n, x) => n + x.count, 0) > r.reports.reduce((n, x) => n + x.count, 0));
});
