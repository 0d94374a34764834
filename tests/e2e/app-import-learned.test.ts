// End to end in Chromium (issue 13 item 2): the open folder's learned word list reaches File →
// Import English translation…: a report's translated rows pair a made-up term (الكحلوم / "vespid")
// that no general list knows, and importing a translation with an extra English line puts the
// vespid sentence on the row that holds the term. The list file appears beside the project file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startE2E, waitReady } from './helpers/server.ts';
import { openReportAt, untilOnDisk } from './helpers/disk.ts';
import { PROBE_AR, PROBE_EN, writeLearnedProject } from '../electron/host/learned-fixture.ts';
import { LEARNED_LEXICON_FILE } from '../../shared/align/learned-file.ts';
import { existsSync } from 'node:fs';

test('import in the app uses the folder\'s learned word list', async () => {
  const e = await startE2E({ samples: false });
  try {
    const { page } = e;
    await writeLearnedProject(e.workspace);
    // the folder is opened again on reload: its learned list is refreshed from the new sidecars
    await page.reload();
    await waitReady(page);
    await page.waitForFunction(() => document.documentElement.dataset.lexicon === 'ready');
    const names = await page.locator('button.report').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-name')));
    await openReportAt(page, names.findIndex((n) => n?.startsWith('probe')));
    await page.keyboard.press('Control+Shift+I');
    const dlg = page.locator('dialog[data-dialog="import"]');
    await dlg.waitFor();
    await dlg.locator('textarea[name="text"]').fill(PROBE_EN.join('\n'));
    await dlg.locator('button[data-action="run"]').click();
    await dlg.locator('[data-import-done]').waitFor();
    const rows = await page.locator('.muwazi-editor .row').evaluateAll((rs) => rs.map((r) => ({
      ar: [...r.querySelectorAll('p.src')].map((p) => p.textContent ?? '').join(' ').trim(),
      en: [...r.querySelectorAll('p.tgt')].map((p) => p.textContent ?? '').join(' ').trim(),
    })));
    const row1 = rows.find((r) => r.ar === PROBE_AR[1]);
    assert.equal(row1?.en, PROBE_EN[2], JSON.stringify(rows));
    await untilOnDisk(join(e.workspace, LEARNED_LEXICON_FILE), async () => existsSync(join(e.workspace, LEARNED_LEXICON_FILE)), () => `${LEARNED_LEXICON_FILE} not written`);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
