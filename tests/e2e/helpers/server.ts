// End-to-end fixture: the browser-mode server on a fresh temporary workspace (a copy of the
// samples) and data folder, driven by Debian's Chromium through playwright-core. Every test gets
// its own; `close()` stops everything and deletes the folders. Waits on the renderer's explicit
// ready signal (`<html data-ready="true">`), never on time.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../../electron/serve.ts';

/** Where Debian installs Chromium: the real binary first (playwright prefers it), then the wrapper. */
export const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
/** Flags for a quiet, offline, reproducible Chromium (root needs --no-sandbox). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const repo = resolve(import.meta.dirname, '..', '..', '..');

/** Options of `startE2E`; all optional. */
export interface E2EOptions {
  /** copy the bundled samples into the workspace (default true); false leaves it empty */
  samples?: boolean;
  /** open the workspace at start (default true); false lets the renderer open the sample project */
  openWorkspace?: boolean;
  /** browser locale, e.g. 'ar' to test the system-language default (default 'en-US') */
  locale?: string;
  /** viewport size (default 1280×800) */
  viewport?: { width: number; height: number };
  /** wait for the renderer's ready signal before returning (default true) */
  waitReady?: boolean;
  /** extra host service options (e.g. stubbed dialogs) */
  service?: ServerOptions['service'];
}

/** A running end-to-end session. */
export interface E2E {
  /** the app page, loaded and ready */
  page: Page;
  browser: Browser;
  context: BrowserContext;
  server: RunningServer;
  /** absolute path of the temporary workspace folder (copy of the samples) */
  workspace: string;
  /** absolute path of the temporary app data folder */
  dataDir: string;
  /** page errors and console errors seen so far (tests can assert it stays empty) */
  errors: string[];
  /** closes the browser and the server, deletes the temporary folders */
  close(): Promise<void>;
}

/** The Chromium binary to drive; throws with the fix when none is installed. */
export function chromiumPath(): string {
  const found = CHROMIUM_PATHS.find((p) => existsSync(p));
  if (!found) throw new Error(`Chromium not found (looked at ${CHROMIUM_PATHS.join(', ')}): run scripts/install-system-deps.sh (apt-get install chromium).`);
  return found;
}

/** Starts a server on a fresh workspace and opens the app in headless Chromium. */
export async function startE2E(opts: E2EOptions = {}): Promise<E2E> {
  const executablePath = chromiumPath();
  const rendererDir = join(repo, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first (npm test does).`);
  const tmp = await mkdtemp(join(tmpdir(), 'muwazi-e2e-'));
  const workspace = join(tmp, 'workspace');
  const dataDir = join(tmp, 'data');
  await mkdir(workspace);
  await mkdir(dataDir);
  if (opts.samples !== false) {
    const samples = join(repo, 'assets', 'samples');
    for (const f of await readdir(samples)) await copyFile(join(samples, f), join(workspace, f));
  }
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    server = await startServer({
      dataDir,
      assetsDir: join(repo, 'assets'),
      rendererDir,
      openPath: opts.openWorkspace === false ? undefined : workspace,
      service: opts.service,
    });
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ locale: opts.locale ?? 'en-US', viewport: opts.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(server.url);
    if (opts.waitReady !== false) await waitReady(page);
    return { page, browser, context, server, workspace, dataDir, errors, close: cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** Waits for the renderer's ready signal (after a load or reload). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
}
