// Smoke test of the real desktop app through playwright-core's _electron: launch, wait for the
// renderer's ready signal, check the title and the hardened bridge. Runs only where an Electron
// binary exists (node_modules/electron/path.txt + dist, or ELECTRON_OVERRIDE_DIST_PATH) and says
// why it is skipped elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron } from 'playwright-core';

const repo = resolve(import.meta.dirname, '..', '..');

/** The Electron executable, or why there is none. */
function electronBinary(): { exe: string } | { why: string } {
  const pkg = join(repo, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = override ? join(override, rel || 'electron') : rel ? join(pkg, 'dist', rel) : null;
  if (!exe) return { why: 'node_modules/electron/path.txt is missing (the binary download was skipped) and ELECTRON_OVERRIDE_DIST_PATH is not set' };
  if (!existsSync(exe)) return { why: `${exe} does not exist` };
  return { exe };
}

test('the Electron app starts, becomes ready and exposes only the typed bridge', async (t) => {
  const found = electronBinary();
  if ('why' in found) {
    const msg = `no Electron binary: ${found.why}; run \`node node_modules/electron/install.js\` with internet to enable this test`;
    console.log(`# skipped: ${msg}`);
    t.skip(msg);
    return;
  }
  if (!existsSync(join(repo, 'dist', 'electron', 'main.cjs'))) throw new Error('dist/electron/main.cjs is missing: run `npm run build` first');
  const dataDir = await mkdtemp(join(tmpdir(), 'muwazi-electron-'));
  const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repo];
  const app = await _electron.launch({ executablePath: found.exe, args, env: { ...process.env, MUWAZI_DATA_DIR: dataDir } as Record<string, string> });
  try {
    const page = await app.firstWindow();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.match(await page.title(), /Muwazi/);
    assert.match(page.url(), /^app:\/\/muwazi\//);
    const shape = await page.evaluate(() => {
      const w = window as unknown as { muwazi?: Record<string, unknown>; require?: unknown; process?: unknown };
      return { bridge: typeof w.muwazi, hasOn: typeof w.muwazi?.on, require: typeof w.require, process: typeof w.process, ipc: typeof w.muwazi?.ipcRenderer };
    });
    assert.deepEqual(shape, { bridge: 'object', hasOn: 'function', require: 'undefined', process: 'undefined', ipc: 'undefined' });
    const info = await page.evaluate(() => (window as unknown as { muwazi: { appInfo(r: object): Promise<{ ok: boolean; value: { mode: string } }> } }).muwazi.appInfo({}));
    assert.equal(info.ok && info.value.mode, 'electron');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
