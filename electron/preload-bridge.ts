// What the preload exposes as `window.muwazi`, built from an injected ipcRenderer so it is testable
// without electron: one named method per host call (from the contract's callNames) and `on` for the
// known events only. The page never sees ipcRenderer, channels or a generic send.
import type { EventName, HostBridge, HostEvents } from '../shared/contract/host.ts';
import { CALL_NAMES as callNames, EVENT_NAMES } from '../shared/contract/names.ts';

const eventNames: readonly string[] = EVENT_NAMES;
import { channelOf, EVENT_CHANNEL } from './ipc-channels.ts';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds the bridge object handed to contextBridge.exposeInMainWorld. */
export function createPreloadBridge(ipc: IpcRendererLike): HostBridge {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  ipc.on(EVENT_CHANNEL, (_event, name, payload) => {
    const set = listeners.get(name as EventName);
    if (!set) return;
    for (const l of [...set]) (l as (p: unknown) => void)(payload);
  });
  const bridge: Record<string, unknown> = {};
  for (const name of callNames) {
    // Only the payload crosses: the page cannot choose the channel.
    bridge[name] = (req: unknown) => ipc.invoke(channelOf(name), req ?? {});
  }
  bridge.on = <E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error(`unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener as (p: never) => void);
    return () => {
      set.delete(listener as (p: never) => void);
    };
  };
  return Object.freeze(bridge) as unknown as HostBridge;
}
