// `npm start` (after the build): runs the Electron app when its binary is there; otherwise tries
// once to fetch it (time-limited; skipped offline-by-choice with MUWAZI_NO_DOWNLOAD=1 or on CI),
// and if it is still missing explains why in one paragraph and starts browser mode instead.
//   node scripts/start.mjs [--browser] [--print-mode] [folder]
// --browser forces browser mode (npm run start:browser); --print-mode prints the choice and exits.
import { existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronPkg = join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 180_000;

/** The Electron executable if it is installed (same rules as electron's index.js), else null. */
function findElectron(env = process.env) {
  const pathFile = join(electronPkg, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  let exe = null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) exe = join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
  else if (rel) exe = join(electronPkg, 'dist', rel);
  return exe && existsSync(exe) ? exe : null;
}

/** One attempt to download Electron with its own installer; quiet failure (we fall back). */
function tryDownload() {
  const env = process.env;
  if (env.MUWAZI_NO_DOWNLOAD === '1' || env.CI) return;
  const installer = join(electronPkg, 'install.js');
  if (!existsSync(installer)) return;
  console.log('Electron is not downloaded yet: trying once to fetch it (set MUWAZI_NO_DOWNLOAD=1 to skip)…');
  const r = spawnSync(process.execPath, [installer], { cwd: electronPkg, encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS, env: { ...env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  if (r.error || r.status !== 0) {
    // The installer's stack trace helps nobody here: its first line says what went wrong.
    const why = (r.error?.message ?? `${r.stderr}`.split('\n').find((l) => l.trim()) ?? `exit ${r.status}`).trim();
    console.log(`The Electron download did not succeed (${why}).`);
  }
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startBrowser(args) {
  run(process.execPath, ['--import', 'tsx', join(root, 'electron', 'serve-main.ts'), ...args]);
}

const argv = process.argv.slice(2);
const forceBrowser = argv.includes('--browser');
const printMode = argv.includes('--print-mode');
const rest = argv.filter((a) => a !== '--browser' && a !== '--print-mode');
const folder = rest.find((a) => !a.startsWith('-'));

if (!existsSync(join(root, 'dist', 'renderer', 'index.html')) && !printMode) {
  console.error('muwazi: dist/renderer/index.html is missing: run `npm run build` (npm start does it first).');
  process.exit(1);
}

let electron = forceBrowser ? null : findElectron();
if (!electron && !forceBrowser && !printMode) {
  tryDownload();
  electron = findElectron();
}
if (printMode) {
  console.log(electron ? `electron ${electron}` : 'browser');
  process.exit(0);
}
if (electron) {
  // Electron refuses to run as root without this; the sandbox then relies on the OS account.
  const rootFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  run(electron, [...rootFlags, root, ...(folder ? [folder] : [])]);
} else {
  if (!forceBrowser) {
    console.log(
      '\nMuwazi could not find the Electron runtime: `npm install` skips its download when there is no ' +
        'internet (or when install scripts are blocked), so the desktop window cannot open. To get it, ' +
        'run `node node_modules/electron/install.js` on a machine with internet access (or point ' +
        'ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45), then `npm start` again. Meanwhile Muwazi ' +
        'starts in browser mode: the same app served only to this computer (127.0.0.1, with a secret ' +
        'per-run token), opened in Chromium or Chrome if one is installed, otherwise at the address printed below.\n',
    );
  }
  startBrowser(folder ? ['--open', folder] : []);
}
