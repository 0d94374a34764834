import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchWorkspace } from '../../../renderer/ui/workspace-watch.ts';
import type { HostBridge, Workspace } from '../../../shared/contract/host.ts';

const ws = (root: string) => ({ root, name: 'مشروع', isSample: false, reports: [], settings: { format: 'muwazi-project', version: '1.0', tagSet: [] } }) as unknown as Workspace;

test('every call that answers a workspace is learned (openRecent too); failures and a cancelled dialog are not', async () => {
  const calls: string[] = [];
  // a plain object with one method per call, as the preload and the HTTP bridge are
  const answer = (name: string) => async (req: { fail?: boolean }) => {
    calls.push(name);
    if (name === 'openFolderDialog') return { ok: true, value: null };
    return req?.fail ? { ok: false, code: 'forbidden', message: 'لا' } : { ok: true, value: ws(`/w/${name}`) };
  };
  const fake = Object.fromEntries(['openFolder', 'openRecent', 'openSample', 'listReports', 'openFolderDialog', 'saveSettings', 'appInfo'].map((n) => [n, answer(n)]));
  (fake as Record<string, unknown>).on = () => () => {};
  const learned: string[] = [];
  const host = watchWorkspace(fake as unknown as HostBridge, (w) => learned.push(w.root));
  await host.openFolder({ path: '/w' });
  await host.openRecent({ id: 'x' });
  await host.openSample({});
  await host.listReports({ root: '/w' });
  await host.openFolderDialog({});
  await host.openFolder({ path: '/etc', fail: true } as never);
  await host.appInfo({});
  assert.deepEqual(learned, ['/w/openFolder', '/w/openRecent', '/w/openSample', '/w/listReports']);
  assert.deepEqual(calls, ['openFolder', 'openRecent', 'openSample', 'listReports', 'openFolderDialog', 'openFolder', 'appInfo']);
});
