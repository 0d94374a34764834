// Electron main process: thin glue. Single instance, the app:// protocol, a hardened window, IPC to
// the shared host service, the native menu (rebuilt on language change) and host events forwarded
// to the window. All behaviour lives in plain Node modules tested without electron.
// BrowserWindow is aliased so the bundle keeps window.ts's local `BrowserWindow` name, which the
// security audit (Electronegativity) needs to recognise the window's options in dist/electron/main.cjs.
import { app, BrowserWindow as ElectronWindow, dialog, ipcMain, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { join, resolve } from 'node:path';
import { createHostService } from './host/service.ts';
import { ensureSampleProject } from './host/workspace.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, createAppProtocolHandler } from './protocol.ts';
import { createMainWindow, devToolsAllowed, hardenSession, hardenWebContents, type WebContentsLike } from './window.ts';
import { EVENT_CHANNEL, registerIpc } from './ipc.ts';
import { buildMenuTemplate, type MenuItemSpec, type MenuLang, type MenuOptions } from './menu.ts';

const dev = devToolsAllowed(app.isPackaged);
// every renderer sandboxed, whatever a window's options say; must run before `ready`
app.enableSandbox();
// Tests and portable runs point the data folder elsewhere; must happen before `ready`.
if (process.env.MUWAZI_DATA_DIR) app.setPath('userData', resolve(process.env.MUWAZI_DATA_DIR));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: ElectronWindow | null = null;
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Every web contents, not only our window's, gets the navigation and window.open limits.
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents as unknown as WebContentsLike, shell));

  app.whenReady().then(async () => {
    const root = app.getAppPath();
    const assetsDir = join(root, 'assets');
    const dataDir = app.getPath('userData');
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(root, 'dist', 'renderer')));

    let lang: MenuLang = app.getLocale().startsWith('ar') ? 'ar' : 'en';
    let tagSet: MenuOptions['tagSet'];
    const service = createHostService({
      dataDir,
      assetsDir,
      mode: 'electron',
      systemLanguage: app.getLocale(),
      dialogs: {
        async pickFolder() {
          const r = await (win ? dialog.showOpenDialog(win, { properties: ['openDirectory'] }) : dialog.showOpenDialog({ properties: ['openDirectory'] }));
          return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
        },
      },
      onLanguage(l, t) {
        lang = l;
        tagSet = t;
        setMenu();
      },
    });

    const toElectron = (items: MenuItemSpec[]): MenuItemConstructorOptions[] =>
      items.map((i) => ({
        ...(i.label ? { label: i.label } : {}),
        ...(i.role ? { role: i.role } : {}),
        ...(i.type ? { type: i.type } : {}),
        ...(i.checked !== undefined ? { checked: i.checked } : {}),
        ...(i.accelerator ? { accelerator: i.accelerator } : {}),
        ...(i.registerAccelerator === false ? { registerAccelerator: false } : {}),
        ...(i.submenu ? { submenu: toElectron(i.submenu) } : {}),
        ...(i.command ? { click: () => service.emit('menu', { command: i.command! }) } : {}),
      }));
    function setMenu(): void {
      Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(buildMenuTemplate(lang, { dev, platform: process.platform, tagSet }))));
    }
    setMenu();

    registerIpc(ipcMain, service, (id) => win !== null && !win.isDestroyed() && win.webContents.id === id);
    service.on((event, payload) => {
      if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
    });

    // The folder to open: a path on the command line, else the sample project.
    const arg = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-') && a !== '.');
    let open: string | null = null;
    try {
      open = arg ? (await service.openFolder(resolve(arg))).root : await ensureSampleProject(dataDir, assetsDir);
    } catch (e) {
      console.error(`muwazi: cannot open ${arg ?? 'the sample project'}: ${e instanceof Error ? e.message : String(e)}`);
    }
    win = createMainWindow({
      BrowserWindow: ElectronWindow,
      shell,
      preload: join(__dirname, 'preload.cjs'),
      url: open ? `${APP_URL}#open=${encodeURIComponent(open)}` : APP_URL,
      icon: join(assetsDir, 'icon.png'),
      dev,
    });
    win.on('closed', () => {
      win = null;
    });
    app.on('before-quit', () => void service.close());
  });

  app.on('window-all-closed', () => app.quit());
}
