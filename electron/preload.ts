// The preload (sandboxed, context-isolated): exposes the typed host bridge as `window.muwazi`.
// Everything else lives in preload-bridge.ts, which is tested without electron.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './preload-bridge.ts';

contextBridge.exposeInMainWorld('muwazi', createPreloadBridge(ipcRenderer));
