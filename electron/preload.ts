// The preload (sandboxed, context-isolated): exposes the typed host bridge as `window.muwazi`.
// Everything else lives in preload-bridge.ts, which is tested without electron.
import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './preload-bridge.ts';

// ipcRenderer stays here: the page gets only the bridge's named methods
const bridge = createPreloadBridge(ipcRenderer);
contextBridge.exposeInMainWorld('muwazi', bridge);
