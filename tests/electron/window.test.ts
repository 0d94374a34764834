import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createMainWindow, hardenedWebPreferences, hardenSession, isAllowedExternal,
  type BrowserWindowLike, type WebContentsLike,
} from '../../electron/window.ts';
import { APP_URL } from '../../electron/protocol.ts';

type Listener = (event: { preventDefault(): void }, ...args: unknown[]) => void;

/** A fake BrowserWindow recording what the app did to it. */
class FakeWindow implements BrowserWindowLike {
  static last: FakeWindow | null = null;
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((d: { url: string }) => { action: 'deny' | 'allow' }) | null = null;
  loaded: string | null = null;
  shown = false;
  readyToShow: (() => void) | null = null;
  readonly webContents: WebContentsLike;
  constructor(readonly options: Record<string, unknown>) {
    FakeWindow.last = this;
    this.webContents = {
      id: 7,
      on: (event, listener) => {
        this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
        return this.webContents;
      },
      setWindowOpenHandler: (h) => {
        this.openHandler = h;
      },
    };
  }
  async loadURL(url: string) {
    this.loaded = url;
  }
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyToShow = listener;
    return this;
  }
  show() {
    this.shown = true;
  }
  /** Fires an event; true when a listener prevented it. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    for (const l of this.listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

function make(url = APP_URL, dev = false) {
  const opened: string[] = [];
  const win = createMainWindow({ BrowserWindow: FakeWindow, shell: { openExternal: async (u) => void opened.push(u) }, preload: '/app/dist/electron/preload.cjs', url, dev });
  return { win, opened };
}

test('web preferences are hardened', () => {
  const p = hardenedWebPreferences('/x/preload.cjs');
  assert.equal(p.contextIsolation, true);
  assert.equal(p.sandbox, true);
  assert.equal(p.nodeIntegration, false);
  assert.equal(p.nodeIntegrationInWorker, false);
  assert.equal(p.nodeIntegrationInSubFrames, false);
  assert.equal(p.webSecurity, true);
  assert.equal(p.allowRunningInsecureContent, false);
  assert.equal(p.webviewTag, false);
  assert.equal(p.disableBlinkFeatures, 'Auxclick');
  assert.equal(p.preload, '/x/preload.cjs');
  assert.equal(p.devTools, false);
  assert.equal(hardenedWebPreferences('/x', true).devTools, true);
});

test('devtools exist only in an unpackaged run', async () => {
  const { devToolsAllowed } = await import('../../electron/window.ts');
  assert.equal(devToolsAllowed(true), false);
  assert.equal(devToolsAllowed(false), true);
});

test('the window is created with the hardened preferences, hidden until ready, on app://', () => {
  const { win } = make();
  assert.deepEqual(win.options.webPreferences, hardenedWebPreferences('/app/dist/electron/preload.cjs'));
  assert.equal(win.options.show, false);
  assert.equal(win.loaded, APP_URL);
  assert.equal(win.shown, false);
  win.readyToShow?.();
  assert.equal(win.shown, true);
});

test('non-app URLs are never loaded', () => {
  for (const url of ['file:///etc/passwd', 'https://example.com/', 'app://other/index.html', 'http://127.0.0.1/']) {
    assert.throws(() => make(url), /non-app URL/, url);
  }
});

test('navigation, redirects and webviews are denied', () => {
  const { win } = make();
  assert.equal(win.fire('will-navigate', 'https://evil.example/'), true);
  assert.equal(win.fire('will-navigate', 'app://muwazi/other.html'), true);
  assert.equal(win.fire('will-frame-navigate', 'https://evil.example/'), true, 'a sub-frame cannot navigate either');
  assert.equal(win.fire('will-redirect', 'https://evil.example/'), true);
  assert.equal(win.fire('will-attach-webview', {}, {}), true);
});

test('window.open is denied; only allow-listed https links go to the OS browser', () => {
  const { win, opened } = make();
  assert.ok(win.openHandler);
  for (const url of ['https://github.com/x/y', 'http://github.com/', 'https://evil.example/', 'file:///etc/passwd', 'https://user:pw@github.com/', 'javascript:alert(1)']) {
    assert.deepEqual(win.openHandler({ url }), { action: 'deny' }, url);
  }
  assert.deepEqual(opened, ['https://github.com/x/y']);
  assert.equal(isAllowedExternal('https://github.com.evil.example/'), false);
  assert.equal(isAllowedExternal('not a url'), false);
});

test('every permission request and check is refused', () => {
  const got: {
    request?: ((wc: unknown, perm: string, cb: (g: boolean) => void) => void) | null;
    check?: ((...a: unknown[]) => boolean) | null;
  } = {};
  hardenSession({ setPermissionRequestHandler: (h) => void (got.request = h), setPermissionCheckHandler: (h) => void (got.check = h) });
  const { request, check } = got;
  assert.ok(request && check);
  for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    const granted: boolean[] = [];
    request(null, perm, (g) => granted.push(g));
    assert.deepEqual(granted, [false], perm);
    assert.equal(check(null, perm, 'app://muwazi'), false);
  }
});
