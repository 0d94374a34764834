import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { channelOf, registerIpc, type IpcMainLike, type IpcSenderEvent } from '../../electron/ipc.ts';
import { createHostService } from '../../electron/host/service.ts';
import { callNames, type Result } from '../../shared/contract/host.ts';

type Handler = (event: IpcSenderEvent, payload: unknown) => Promise<unknown>;

/** A mocked ipcMain: records handlers so the test can invoke them as Electron would. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler) {
    assert.ok(!this.handlers.has(channel), `registered twice: ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, payload: unknown, event: IpcSenderEvent = ours): Promise<Result<unknown>> {
    const h = this.handlers.get(channel);
    assert.ok(h, `no handler for ${channel}`);
    return h(event, payload) as Promise<Result<unknown>>;
  }
}

const OUR_ID = 1;
const ours: IpcSenderEvent = { sender: { id: OUR_ID }, senderFrame: { url: 'app://muwazi/index.html#open=x', parent: null } };

async function setup(t: { after(fn: () => Promise<void>): void }) {
  const tmp = await mkdtemp(join(tmpdir(), 'muwazi-ipc-'));
  const ws = join(tmp, 'تقارير ١');
  await mkdir(ws);
  await writeFile(join(ws, 'خبر.txt'), 'قالَ المرصدُ إنّ 67 قتيلاً سقطوا. 😀 وأكد ذلك.\n');
  await writeFile(join(tmp, 'secret.txt'), 'not yours');
  await symlink(join(tmp, 'secret.txt'), join(ws, 'escape.txt'));
  await symlink(tmp, join(ws, 'up'));
  const service = createHostService({ dataDir: join(tmp, 'data'), assetsDir: resolve('assets'), mode: 'electron' });
  const ipc = new FakeIpcMain();
  const unregister = registerIpc(ipc, service, (id) => id === OUR_ID);
  t.after(async () => {
    unregister();
    await service.close();
    await rm(tmp, { recursive: true, force: true });
  });
  return { tmp, ws, ipc, unregister, service };
}

test('one handler per host call, removed on unregister', async (t) => {
  const { ipc, unregister } = await setup(t);
  assert.deepEqual([...ipc.handlers.keys()].sort(), callNames.map((n) => `muwazi:${n}`).sort());
  unregister();
  assert.equal(ipc.handlers.size, 0);
});

test('unknown senders are refused with forbidden', async (t) => {
  const { ipc } = await setup(t);
  const bad: [string, IpcSenderEvent][] = [
    ['another webContents', { sender: { id: 99 }, senderFrame: ours.senderFrame }],
    ['a web page', { sender: { id: OUR_ID }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file:// page', { sender: { id: OUR_ID }, senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['a sub-frame', { sender: { id: OUR_ID }, senderFrame: { url: 'app://muwazi/index.html', parent: {} } }],
    ['a destroyed frame', { sender: { id: OUR_ID }, senderFrame: null }],
  ];
  for (const [what, event] of bad) {
    const r = await ipc.invoke(channelOf('appInfo'), {}, event);
    assert.equal(r.ok, false, what);
    assert.equal(!r.ok && r.code, 'forbidden', what);
  }
  const r = await ipc.invoke(channelOf('appInfo'), {});
  assert.equal(r.ok, true);
});

test('malformed payloads are refused with invalid-request', async (t) => {
  const { ipc, ws } = await setup(t);
  for (const [name, payload] of [
    ['openFolder', { path: 42 }],
    ['openFolder', { path: ws, extra: true }],
    ['openReport', 'not an object'],
    ['saveReport', { path: join(ws, 'خبر.txt'), annotations: {}, sidecarHash: null }],
    ['setLanguage', { lang: 'fr' }],
    ['exportRun', { path: ws, format: 'docx', jobId: 'j' }],
  ] as const) {
    const r = await ipc.invoke(channelOf(name), payload);
    assert.equal(!r.ok && r.code, 'invalid-request', `${name} ${JSON.stringify(payload)}`);
    assert.ok(!r.ok && r.message.length > 10);
  }
});

test('paths outside the opened folder are refused: plain, .., and a symlink escaping it', async (t) => {
  const { ipc, ws, tmp, service } = await setup(t);
  const before = await ipc.invoke(channelOf('readTextFile'), { path: join(ws, 'خبر.txt') });
  assert.equal(!before.ok && before.code, 'outside-workspace', 'nothing is opened yet');
  // the page cannot open a folder the user never chose (Electron: no typed paths at all)
  const typed = await ipc.invoke(channelOf('openFolder'), { path: ws });
  assert.equal(!typed.ok && typed.code, 'forbidden');
  assert.match(!typed.ok ? typed.message : '', /opens only folders you chose/);
  // chosen on the command line (main opens it): now the page may open it by path and by its recent id
  await service.openFolder(ws);
  const opened = await ipc.invoke(channelOf('openFolder'), { path: ws });
  assert.equal(opened.ok, true);
  const recent = await ipc.invoke(channelOf('recentFolders'), {});
  assert.ok(recent.ok);
  const folders = (recent.value as { folders: { id: string; path: string }[] }).folders;
  assert.equal(folders.length, 1);
  assert.ok((await ipc.invoke(channelOf('openRecent'), { id: folders[0].id })).ok);
  assert.equal(((await ipc.invoke(channelOf('openRecent'), { id: 'forged' })) as { code?: string }).code, 'not-found');
  const inside = await ipc.invoke(channelOf('readTextFile'), { path: join(ws, 'خبر.txt') });
  assert.ok(inside.ok);
  assert.equal((inside.value as { text: string }).text, 'قالَ المرصدُ إنّ 67 قتيلاً سقطوا. 😀 وأكد ذلك.\n');
  for (const path of [
    join(tmp, 'secret.txt'),
    `${ws}/../secret.txt`,
    join(ws, 'escape.txt'),
    join(ws, 'up', 'secret.txt'),
    '/etc/passwd',
    'secret.txt',
  ]) {
    const r = await ipc.invoke(channelOf('readTextFile'), { path });
    assert.equal(!r.ok && r.code, 'outside-workspace', path);
    const o = await ipc.invoke(channelOf('openReport'), { path });
    assert.equal(!o.ok && o.code, 'outside-workspace', path);
  }
});
