import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPreloadBridge, type IpcRendererLike } from '../../electron/preload-bridge.ts';
import { callNames } from '../../shared/contract/host.ts';
import { EVENT_CHANNEL } from '../../electron/ipc-channels.ts';

function fakeIpc() {
  const invoked: [string, unknown][] = [];
  let onEvent: ((e: unknown, ...a: unknown[]) => void) | null = null;
  const ipc: IpcRendererLike = {
    invoke: async (channel, payload) => {
      invoked.push([channel, payload]);
      return { ok: true, value: {} };
    },
    on: (channel, l) => {
      assert.equal(channel, EVENT_CHANNEL);
      onEvent = l;
    },
  };
  return { ipc, invoked, fire: (name: string, payload: unknown) => onEvent!({}, name, payload) };
}

test('one named method per call, each on its own channel; no generic send or ipcRenderer', async () => {
  const { ipc, invoked } = fakeIpc();
  const bridge = createPreloadBridge(ipc) as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(bridge).sort(), [...callNames, 'on'].sort());
  for (const k of ['send', 'invoke', 'ipcRenderer', 'sendSync']) assert.equal(bridge[k], undefined);
  assert.ok(Object.isFrozen(bridge));
  const b = createPreloadBridge(ipc);
  await b.openFolder({ path: '/ws/تقارير' });
  await b.appInfo({} as never);
  await (b.openSample as unknown as () => Promise<unknown>)();
  assert.deepEqual(invoked, [['muwazi:openFolder', { path: '/ws/تقارير' }], ['muwazi:appInfo', {}], ['muwazi:openSample', {}]]);
});

test('on() delivers known events only and unsubscribes', () => {
  const { ipc, fire } = fakeIpc();
  const b = createPreloadBridge(ipc);
  const got: unknown[] = [];
  const off = b.on('menu', (p) => got.push(p));
  fire('menu', { command: 'save' });
  fire('fileChanged', { path: '/x', kind: 'source' });
  off();
  fire('menu', { command: 'export' });
  assert.deepEqual(got, [{ command: 'save' }]);
  assert.throws(() => b.on('evil' as 'menu', () => {}), /unknown event/);
});
