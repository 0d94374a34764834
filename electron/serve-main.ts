// Browser mode from the command line (`npm run start:browser`, or `npm start` without Electron):
// starts the loopback server on the built renderer, opens it in a local Chromium/Chrome as an app
// window with a fresh profile when one is found, otherwise prints the URL.
//   node --import tsx electron/serve-main.ts [--open <folder>] [--port N] [--data-dir DIR] [--no-browser]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.ts';
import { defaultDataDir } from './host/paths.ts';
import { ensureSampleProject } from './host/workspace.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Command-line options of browser mode. */
export interface ServeArgs {
  /** folder to open (default: the sample project) */
  open?: string;
  /** port (default: random) */
  port: number;
  /** data folder (default: the desktop app's) */
  dataDir: string;
  /** print the URL only, do not start a browser */
  noBrowser: boolean;
}

/** Parses the command line; throws on unknown options. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = { port: 0, dataDir: defaultDataDir(env), noBrowser: env.MUWAZI_NO_BROWSER === '1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--open') args.open = resolve(value());
    else if (a === '--port') args.port = Number(value());
    else if (a === '--data-dir') args.dataDir = resolve(value());
    else if (a === '--no-browser') args.noBrowser = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port must be 0..65535');
  return args;
}

/** The first Chromium-family browser found on this machine, or null. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.MUWAZI_BROWSER) return existsSync(env.MUWAZI_BROWSER) ? env.MUWAZI_BROWSER : null;
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = [
    ...dirs.flatMap((d) => names.map((n) => join(d, n))),
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const assetsDir = join(repo, 'assets');
  const rendererDir = join(repo, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`muwazi: ${rendererDir}/index.html is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  const openPath = args.open ?? (await ensureSampleProject(args.dataDir, assetsDir));
  const server = await startServer({ port: args.port, dataDir: args.dataDir, assetsDir, rendererDir, openPath });
  const stop = async (code: number) => {
    await server.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  console.log(`Muwazi (browser mode) is serving ${openPath}`);
  console.log(`Open this address in a browser on this computer (it holds this run's access token):\n  ${server.url}`);
  // On Linux a window needs a display; over SSH or in a container there is none, so serve only.
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const browser = args.noBrowser || headless ? null : findBrowser();
  if (!browser) {
    if (headless && !args.noBrowser) console.log('No display to open a window on: open the address above in a browser yourself. Ctrl+C stops the server.');
    else if (!args.noBrowser) console.log('No Chromium or Chrome found: open the address above yourself. Ctrl+C stops the server.');
    return;
  }
  // A fresh profile: no extensions or sessions, and the window is ours alone, so its exit ends the run.
  const profile = mkdtempSync(join(tmpdir(), 'muwazi-browser-'));
  const flags = [`--app=${server.url}`, `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-sync'];
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  const child = spawn(browser, flags, { stdio: 'ignore' });
  child.on('error', (e) => console.log(`Could not start ${browser} (${e.message}): open the address above yourself.`));
  child.on('exit', (code) => {
    rmSync(profile, { recursive: true, force: true });
    if (code !== 0) {
      // the browser failed to open a window: keep serving, the address still works elsewhere
      console.log(`${browser} exited with code ${code}: open the address above yourself. Ctrl+C stops the server.`);
      return;
    }
    console.log('The browser window was closed; stopping.');
    void stop(0);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(`muwazi: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
