// Tag all occurrences across the project, through the host service (confinement, contract, events)
// and the real report store: the preview counts per report and writes nothing, a damaged sidecar is
// skipped and named, apply writes pending suggestions (never mentions), a sidecar changed since the
// preview is refused, undo puts the exact bytes back, the open report is planned apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHostService } from '../../../electron/host/service.ts';
import { planPropagation } from '../../../electron/host/project-propagate.ts';
import type { CallResponse, HostEvents } from '../../../shared/contract/host.ts';
import { addMention } from '../../../shared/entities/mentions.ts';
import { parseAnnotations, serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';
import { HELD_BACK_EXPECTED, writeHeldBackProject } from '../../fixtures/held-back-project.ts';

type Preview = CallResponse<'projectPropagatePreview'>;
type Apply = CallResponse<'projectPropagateApply'>;

/** a.txt tags إدلب (LOC) and حزب الله (ORG); b.txt has بإدلب and حزب الله untagged (and الله inside it
 * and alone); c.txt has no sidecar; d.txt a damaged one. */
async function setup(t: { after(fn: () => Promise<void>): void }) {
  const tmp = await mkdtemp(join(tmpdir(), 'muwazi-pprop-'));
  const ws = join(tmp, 'ws');
  const a = makeReport(['قصفٌ على إدلب 😀 وقال حزب الله.', 'ثم إدلب.'], ['Idlib was shelled and Hezbollah said.', 'Then Idlib.'], 'a.txt');
  const s = cpIndexOf(a.text, 'إدلب');
  let ann = addMention(a.annotations, { side: 'ar', sentence: 's1', start: s, end: s + 4, type: 'LOC' }).annotations;
  const h = cpIndexOf(a.text, 'حزب الله');
  ann = addMention(ann, { side: 'ar', sentence: 's1', start: h, end: h + 8, type: 'ORG' }).annotations;
  const b = makeReport(['وصل الوفد بإدلب.', 'وأعلن حزب الله أن الله واحد.'], ['The delegation reached Idlib.', 'Hezbollah announced.'], 'b.txt');
  await mkdir(ws, { recursive: true });
  await writeFile(join(ws, 'a.txt'), a.text);
  await writeFile(join(ws, 'a.annotations.json'), serializeAnnotations(ann));
  await writeFile(join(ws, 'b.txt'), b.text);
  await writeFile(join(ws, 'b.annotations.json'), serializeAnnotations(b.annotations));
  await writeFile(join(ws, 'c.txt'), 'إدلب\n');
  await writeFile(join(ws, 'd.txt'), 'إدلب.\n');
  await writeFile(join(ws, 'd.annotations.json'), '{ "format": "muwazi-annotations", ');
  // e.annotations.json without e.txt (the source was deleted): its tag of حلب still counts
  const e = makeReport(['قصف حلب.'], ['Aleppo was shelled.'], 'e.txt');
  const at = cpIndexOf(e.text, 'حلب');
  await writeFile(join(ws, 'e.annotations.json'), serializeAnnotations(addMention(e.annotations, { side: 'ar', sentence: 's1', start: at, end: at + 3, type: 'LOC' }).annotations));
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
  return { tmp, ws, service, ok };
}

test('preview: counts per report, the damaged sidecar named and untouched, nothing written; progress events', async (t) => {
  const { ws, service, ok } = await setup(t);
  const before = await readFile(join(ws, 'b.annotations.json'));
  const progress: HostEvents['propagateProgress'][] = [];
  service.on((event, payload) => {
    if (event === 'propagateProgress') progress.push(payload as HostEvents['propagateProgress']);
  });
  const p = ok<Preview>(await service.handle('projectPropagatePreview', { root: ws, jobId: 'j1' }));
  assert.deepEqual(p.reports.map((r) => [r.file, r.suggestions, r.low, r.conflicts]), [['a.txt', 1, 0, 0], ['b.txt', 2, 0, 0]]);
  assert.equal(p.open, null);
  assert.deepEqual(p.notStarted, ['c.txt']);
  assert.deepEqual(p.problems.map((x) => x.file), ['d.txt', 'e.txt']);
  assert.match(p.problems[0].message, /d\.annotations\.json cannot be read .*left untouched/);
  assert.match(p.problems[1].message, /source file e\.txt is missing.*untouched/);
  assert.deepEqual(await readFile(join(ws, 'b.annotations.json')), before);
  assert.equal(await readFile(join(ws, 'd.annotations.json'), 'utf8'), '{ "format": "muwazi-annotations", ');
  // one event per report read and planned, ending at the total
  assert.ok(progress.length >= 4 && progress.every((e) => e.jobId === 'j1'));
  const last = progress[progress.length - 1];
  assert.equal(last.done, last.total);
});

test('apply writes pending suggestions (never mentions); undo restores the sidecar byte for byte', async (t) => {
  const { ws, service, ok } = await setup(t);
  const p = ok<Preview>(await service.handle('projectPropagatePreview', { root: ws, jobId: 'j2' }));
  const before = await readFile(join(ws, 'b.annotations.json'));
  const progress: string[] = [];
  service.on((event, payload) => {
    const e = payload as HostEvents['propagateProgress'];
    if (event === 'propagateProgress') progress.push(`${e.jobId} ${e.done}/${e.total} ${e.current}`);
  });
  const r = ok<Apply>(await service.handle('projectPropagateApply', { root: ws, jobId: 'j2', reports: p.reports.map((x) => ({ path: x.path, sidecarHash: x.sidecarHash })) }));
  assert.deepEqual(r.results.map((x) => [x.file, x.status, x.suggestions]), [['a.txt', 'written', 1], ['b.txt', 'written', 2]]);
  assert.deepEqual(progress, ['j2 0/2 a.txt', 'j2 1/2 b.txt', 'j2 2/2 undefined']);
  const b = parseAnnotations(await readFile(join(ws, 'b.annotations.json'), 'utf8'));
  assert.equal(b.mentions.length, 0);
  // بإدلب → إدلب (the clitic left out); حزب الله wins over الله inside it; offsets slice the source
  assert.deepEqual(b.suggestions!.map((s) => [s.text, s.type, s.status]), [['إدلب', 'LOC', 'pending'], ['حزب الله', 'ORG', 'pending']]);
  const src = new OffsetMap(await readFile(join(ws, 'b.txt'), 'utf8'));
  for (const s of b.suggestions!) assert.equal(src.slice(s.start, s.end), s.text);
  // the preview is used once
  const again = await service.handle('projectPropagateApply', { root: ws, jobId: 'j2', reports: [{ path: p.reports[1].path, sidecarHash: p.reports[1].sidecarHash }] });
  assert.equal(!again.ok && again.code, 'not-found');
  const u = ok<{ sidecarHash: string }>(await service.handle('projectPropagateUndo', { path: join(ws, 'b.txt') }));
  const restored = await readFile(join(ws, 'b.annotations.json'));
  assert.deepEqual(restored, before);
  assert.equal(u.sidecarHash.length, 64);
  // nothing left to undo
  const twice = await service.handle('projectPropagateUndo', { path: join(ws, 'b.txt') });
  assert.equal(!twice.ok && twice.code, 'not-found');
});

test('a sidecar changed on disk between preview and apply is refused and kept; undo after a later change is refused', async (t) => {
  const { ws, service, ok } = await setup(t);
  const p = ok<Preview>(await service.handle('projectPropagatePreview', { root: ws, jobId: 'j3' }));
  // someone edits b's sidecar after the preview
  const edited = serializeAnnotations({ ...parseAnnotations(await readFile(join(ws, 'b.annotations.json'), 'utf8')), modified: '2030-01-01T00:00:00.000Z' });
  await writeFile(join(ws, 'b.annotations.json'), edited);
  const r = ok<Apply>(await service.handle('projectPropagateApply', { root: ws, jobId: 'j3', reports: p.reports.map((x) => ({ path: x.path, sidecarHash: x.sidecarHash })) }));
  assert.deepEqual(r.results.map((x) => [x.file, x.status]), [['a.txt', 'written'], ['b.txt', 'conflict']]);
  assert.match(r.results[1].message!, /b\.txt changed on disk since the preview/);
  assert.equal(await readFile(join(ws, 'b.annotations.json'), 'utf8'), edited);
  // a.txt edited after the apply: its undo would lose that edit, so it is refused
  const later = (await readFile(join(ws, 'a.annotations.json'), 'utf8')).replace('"pending"', '"rejected"');
  await writeFile(join(ws, 'a.annotations.json'), later);
  const u = await service.handle('projectPropagateUndo', { path: join(ws, 'a.txt') });
  assert.equal(!u.ok && u.code, 'conflict');
  assert.equal(await readFile(join(ws, 'a.annotations.json'), 'utf8'), later);
});

test('the open report is planned apart (its list for the editor) and never written by the host; paths confined', async (t) => {
  const { tmp, ws, service, ok } = await setup(t);
  const before = await readFile(join(ws, 'b.annotations.json'));
  const p = ok<Preview>(await service.handle('projectPropagatePreview', { root: ws, jobId: 'j4', open: join(ws, 'b.txt') }));
  assert.deepEqual(p.reports.map((r) => r.file), ['a.txt']);
  assert.equal(p.open?.file, 'b.txt');
  assert.deepEqual(p.open?.list.map((s) => s.text), ['إدلب', 'حزب الله']);
  // the open report is not part of the preview kept for apply
  const r = await service.handle('projectPropagateApply', { root: ws, jobId: 'j4', reports: [{ path: join(ws, 'b.txt'), sidecarHash: 'x' }] });
  assert.equal(!r.ok && r.code, 'invalid-request');
  assert.deepEqual(await readFile(join(ws, 'b.annotations.json')), before);
  // outside the opened folder, or not a report
  await writeFile(join(tmp, 'x.txt'), 'إدلب');
  for (const path of [join(tmp, 'x.txt'), join(ws, 'b.annotations.json')]) {
    const o = await service.handle('projectPropagateApply', { root: ws, jobId: 'j4', reports: [{ path, sidecarHash: 'x' }] });
    assert.equal(!o.ok && o.code, 'outside-workspace', path);
  }
  const notOpened = await service.handle('projectPropagatePreview', { root: tmp, jobId: 'j5' });
  assert.equal(!notOpened.ok && notOpened.code, 'outside-workspace');
});

test('cancel stops a preview between reports; the cancelled preview cannot be applied', async (t) => {
  const { ws, service, ok } = await setup(t);
  service.on((event, payload) => {
    if (event === 'propagateProgress' && (payload as HostEvents['propagateProgress']).done === 1) void service.handle('projectPropagateCancel', { jobId: 'j6' });
  });
  const r = await service.handle('projectPropagatePreview', { root: ws, jobId: 'j6' });
  assert.equal(!r.ok && r.code, 'cancelled');
  const a = await service.handle('projectPropagateApply', { root: ws, jobId: 'j6', reports: [{ path: join(ws, 'a.txt'), sidecarHash: 'x' }] });
  assert.equal(!a.ok && a.code, 'not-found');
  // a cancel that overtakes its preview request still cancels it
  ok(await service.handle('projectPropagateCancel', { jobId: 'j7' }));
  const late = await service.handle('projectPropagatePreview', { root: ws, jobId: 'j7' });
  assert.equal(!late.ok && late.code, 'cancelled');
  // the plain service stops too
  const ctl = new AbortController();
  await assert.rejects(planPropagation(ws, { signal: ctl.signal, onProgress: (p) => p.done === 1 && ctl.abort() }), (e: Error & { code?: string }) => e.code === 'cancelled');
});

test('a sidecar that links outside its folder is skipped: its names are never proposed', async (t) => {
  const { tmp, ws, service, ok } = await setup(t);
  // f.annotations.json → a file outside the folder that tags الوفد (in b) as ORG
  const f = makeReport(['وصل الوفد.'], ['The delegation arrived.'], 'f.txt');
  const at = cpIndexOf(f.text, 'الوفد');
  await writeFile(join(tmp, 'outside.json'), serializeAnnotations(addMention(f.annotations, { side: 'ar', sentence: 's1', start: at, end: at + 5, type: 'ORG' }).annotations));
  await writeFile(join(ws, 'f.txt'), f.text);
  await symlink(join(tmp, 'outside.json'), join(ws, 'f.annotations.json'));
  const p = ok<Preview>(await service.handle('projectPropagatePreview', { root: ws, jobId: 'j8' }));
  assert.match(p.problems.find((x) => x.file === 'f.txt')?.message ?? '', /link to a file outside/);
  assert.deepEqual(p.reports.map((r) => [r.file, r.suggestions]), [['a.txt', 1], ['b.txt', 2]]);
});

test('the plan ranks with the editor and the CLI: an adjective, a unit and a tanween form are low, also for the open report', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-pprop-held-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeHeldBackProject(dir);
  const plan = await planPropagation(dir);
  const b = plan.reports.find((r) => r.file === 'b.txt')!;
  assert.deepEqual(b.suggestions.map((s) => `${s.text}:${s.confidence}`), HELD_BACK_EXPECTED);
  assert.equal(b.low, 3);
  // the open report (applied through the editor) is ranked the same way
  const open = await planPropagation(dir, { open: join(dir, 'b.txt') });
  assert.deepEqual(open.open!.suggestions.map((s) => `${s.text}:${s.confidence}`), HELD_BACK_EXPECTED);
});
