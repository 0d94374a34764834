// IPC channel names, shared by the main process (ipc.ts) and the preload. No imports on purpose:
// the sandboxed preload bundle must not pull in Node modules.

/** Prefix of the invoke channels: `muwazi:<callName>`. */
export const IPC_PREFIX = 'muwazi:';
/** The one channel the main process pushes host events on: args (eventName, payload). */
export const EVENT_CHANNEL = 'muwazi:event';

/** The IPC channel of a host call. */
export function channelOf(name: string): string {
  return IPC_PREFIX + name;
}
