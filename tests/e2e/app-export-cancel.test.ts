// End to end in Chromium: a folder export shows progress from exportProgress events; Cancel stops it,
// the dialog says so, and no output (final or partial) is left behind. The export is held after its
// third report until it is cancelled (the host's real exporter, with a load hook that waits on the
// job's abort signal), so Cancel always lands mid-way however fast or loaded the machine is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startE2E } from './helpers/server.ts';
import { runExport } from '../../electron/host/export.ts';
import { loadReportForExport } from '../../electron/host/export-load.ts';
import type { HostDeps } from '../../electron/host/service.ts';

const COPIES = 4;
/** reports the held export writes before it waits for Cancel */
const BEFORE_HOLD = 3;

/** The real exporter, held after BEFORE_HOLD reports until its job is cancelled. */
const heldExport: HostDeps['runExport'] = (req, o) => {
  let loaded = 0;
  return runExport(req, {
    ...o,
    load: async (path, name) => {
      if (++loaded > BEFORE_HOLD) {
        await new Promise<void>((resolve) => (o.signal.aborted ? resolve() : o.signal.addEventListener('abort', () => resolve(), { once: true })));
      }
      return loadReportForExport(path, name);
    },
  });
};

/** Every file below `dir` (relative paths); [] when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((d) => d.isFile()).map((d) => join(d.parentPath ?? d.path, d.name));
}

test('folder export: the progress bar moves, Cancel stops it, the dialog says cancelled, no partial files remain', async () => {
  const e = await startE2E({ service: { deps: { runExport: heldExport } } });
  try {
    const { page, workspace } = e;
    const samples = (await readdir(workspace)).filter((f) => f.endsWith('.txt'));
    const bulk = join(workspace, 'bulk');
    await mkdir(bulk);
    for (let i = 0; i < COPIES; i++) {
      await Promise.all(samples.map((s) => copyFile(join(workspace, s), join(bulk, `${String(i).padStart(3, '0')}-${s}`))));
    }
    const total = samples.length * (COPIES + 1);

    await page.keyboard.press('Control+e');
    const dlg = page.locator('dialog[data-dialog="export"]');
    await dlg.waitFor();
    await dlg.locator('select[name="format"]').selectOption('tmx');
    await dlg.locator('input[type="radio"][value="folder"]').check();
    await dlg.locator('button[data-action="run"]').click();
    await page.waitForSelector('dialog[data-dialog="export"][data-export-state="running"]');
    // progress events arrive: the bar reaches the held report, out of every report
    const seen = await page.waitForFunction((held) => {
      const p = document.querySelector<HTMLProgressElement>('dialog[data-dialog="export"] progress.export-progress');
      return p && !p.hidden && p.hasAttribute('value') && p.value >= held ? { value: p.value, max: p.max } : null;
    }, BEFORE_HOLD);
    const { value, max } = (await seen.jsonValue())!;
    assert.equal(max, total, 'the bar counts every report of the folder');
    assert.ok(value < max, `still running at ${value}/${max}`);
    assert.match(await dlg.locator('.export-progress-text').innerText(), /of/);

    await dlg.locator('button[data-action="cancel"]').click();
    await page.waitForSelector('dialog[data-dialog="export"][data-export-state="cancelled"]');
    assert.match(await dlg.locator('.export-summary').innerText(), /cancelled/);
    assert.equal(await dlg.locator('[data-file]').count(), 0, 'no files listed');
    // nothing written: neither the TMX nor the staging folder the exporter writes into first
    assert.deepEqual(await filesUnder(join(workspace, 'export')), []);
    assert.deepEqual((await readdir(workspace, { recursive: true })).filter((f) => /\.tmx$|\.muwazi-export-/.test(String(f))), []);
    // the dialog is usable again
    assert.equal(await dlg.locator('button[data-action="run"]').isDisabled(), false);
    assert.equal(await dlg.locator('button[data-action="cancel"]').isHidden(), true);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
