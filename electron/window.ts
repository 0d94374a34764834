// The app window and its hardening, with electron injected (this file never imports it, so the
// rules are testable in plain Node): isolated, sandboxed, no Node in the page, no navigation, no
// new windows, no permissions; external links only https on an allow-list, through the OS shell.
import { isAppUrl } from './protocol.ts';

/** The web preferences of every app window. */
export interface HardenedWebPreferences {
  /** the preload script (dist/electron/preload.cjs) */
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  /** middle-click would open links in new windows */
  disableBlinkFeatures: 'Auxclick';
  /** devtools only while developing */
  devTools: boolean;
}

/** Whether devtools may exist: only in an unpackaged (development) run. A packaged build never
 * opens them, whatever the environment says (MUWAZI_DEV once did). */
export function devToolsAllowed(isPackaged: boolean): boolean {
  return !isPackaged;
}

/** Hardened web preferences; `dev` only decides whether devtools exist. */
export function hardenedWebPreferences(preload: string, dev = false): HardenedWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
    devTools: dev,
  };
}

/** Sites the app may open in the user's browser (help and project pages); https only. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = ['github.com', 'www.electronjs.org', 'i18next.com', 'prosemirror.net'];

/** True when a link may be handed to the OS browser: https on an allow-listed host, no credentials. */
export function isAllowedExternal(url: string, allow: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password && allow.includes(u.hostname);
  } catch {
    return false;
  }
}

/** The part of Electron's WebContents the hardening uses. */
export interface WebContentsLike {
  id: number;
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }, ...args: unknown[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
}

/** The part of Electron's Session the hardening uses. */
export interface SessionLike {
  setPermissionRequestHandler(handler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void;
}

/** The part of Electron's shell used for external links. */
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Denies navigation, new windows and webviews in a web contents; allowed https links go to the OS browser. */
export function hardenWebContents(contents: WebContentsLike, shell: ShellLike): void {
  const deny = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', deny);
  // sub-frames navigate too (Electron's checklist: will-navigate alone misses them)
  contents.on('will-frame-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Refuses every permission (camera, notifications, geolocation, …): the app needs none. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** The part of a BrowserWindow the app uses. */
export interface BrowserWindowLike {
  webContents: WebContentsLike & { getURL?(): string };
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
}

/** What `createMainWindow` needs from electron. */
export interface WindowDeps<W extends BrowserWindowLike> {
  /** Electron's BrowserWindow (or a fake in tests) */
  BrowserWindow: new (options: Record<string, unknown>) => W;
  shell: ShellLike;
  /** absolute path of the preload script */
  preload: string;
  /** the app page to load; must be an app:// URL */
  url: string;
  /** window icon (Linux) */
  icon?: string;
  /** devtools allowed */
  dev?: boolean;
  /** window title before the page sets its own */
  title?: string;
}

/** Creates the main window, hardened, and loads the app page; shown when ready (no white flash). */
export function createMainWindow<W extends BrowserWindowLike>(deps: WindowDeps<W>): W {
  if (!isAppUrl(deps.url)) throw new Error(`refusing to load a non-app URL: ${deps.url}`);
  // Written as `new BrowserWindow({ webPreferences: { …literal… } })` on purpose: static audits
  // (Electronegativity, tests/electron/security-audit.test.ts) only read options in this shape, so a
  // helper call or `new deps.BrowserWindow` would hide every preference from them. The literal must
  // equal hardenedWebPreferences() (tests/electron/window.test.ts compares them).
  const BrowserWindow = deps.BrowserWindow;
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: deps.title ?? 'Muwazi',
    backgroundColor: '#ffffff',
    ...(deps.icon ? { icon: deps.icon } : {}),
    webPreferences: {
      preload: deps.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: deps.dev ?? false,
    } satisfies HardenedWebPreferences,
  });
  hardenWebContents(win.webContents, deps.shell);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(deps.url);
  return win;
}
