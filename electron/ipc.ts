// Electron IPC for the host calls: one `ipcMain.handle('muwazi:<call>')` per call of the contract,
// each checking its sender (an app:// page in one of our windows, top frame) before the host service
// validates the payload and the paths. ipcMain and the window check are injected (testable in Node).
import { callNames, type Result } from '../shared/contract/host.ts';
import type { HostService } from './host/service.ts';
import { isAppUrl } from './protocol.ts';
import { channelOf } from './ipc-channels.ts';

export { channelOf, EVENT_CHANNEL, IPC_PREFIX } from './ipc-channels.ts';

/** The part of an IpcMainInvokeEvent the checks read. */
export interface IpcSenderEvent {
  sender: { id: number };
  senderFrame: { url: string; parent?: unknown } | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Why a sender is refused, or null when it is one of ours. */
export function senderProblem(event: IpcSenderEvent, isOurWebContents: (id: number) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent) return 'calls from sub-frames are refused';
  if (!isAppUrl(frame.url)) return `calls from ${frame.url.slice(0, 80) || 'an unknown page'} are refused`;
  if (!isOurWebContents(event.sender.id)) return 'the sender is not a Muwazi window';
  return null;
}

/** Registers every host call; returns a function removing the handlers. */
export function registerIpc(ipcMain: IpcMainLike, service: HostService, isOurWebContents: (id: number) => boolean): () => void {
  for (const name of callNames) {
    ipcMain.handle(channelOf(name), async (event, payload): Promise<Result<unknown>> => {
      const problem = senderProblem(event, isOurWebContents);
      if (problem) return { ok: false, code: 'forbidden', message: `Refused: ${problem}.` };
      return service.handle(name, payload);
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(channelOf(name));
  };
}
