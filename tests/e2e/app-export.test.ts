// End to end: File → Export… writes Moses and TMX through the dialog; the files are read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startE2E } from './helpers/server.ts';
import { openFirstReport, typeInFirstTarget } from './helpers/app.ts';

test('export the open report as Moses and TMX via the dialog, then read the files', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openFirstReport(page);
    const english = 'The regime begins a ground attack in Idlib & more';
    await typeInFirstTarget(page, english);
    const arabic = (await page.locator('.muwazi-editor .src').first().textContent()) ?? '';

    for (const format of ['moses', 'tmx']) {
      await page.keyboard.press('Control+e');
      const dlg = page.locator('dialog[data-dialog="export"]');
      await dlg.waitFor();
      await dlg.locator('select[name="format"]').selectOption(format);
      await dlg.locator('input[type="radio"][value="report"]').check();
      await dlg.locator('button[data-action="run"]').click();
      await page.waitForSelector('dialog[data-dialog="export"][data-export-state="done"]');
      const files = await dlg.locator('[data-file]').evaluateAll((els) => els.map((el) => el.getAttribute('data-file')!));
      if (format === 'moses') {
        const ar = files.find((f) => f.endsWith('.ar'))!;
        const en = files.find((f) => f.endsWith('.en'))!;
        assert.ok(ar && en, files.join(', '));
        const arLines = (await readFile(ar, 'utf8')).split('\n');
        const enLines = (await readFile(en, 'utf8')).split('\n');
        assert.equal(arLines.length, enLines.length);
        assert.equal(enLines[0], english);
        assert.equal(arLines[0], arabic.trim());
      } else {
        const tmx = files.find((f) => f.endsWith('.tmx'))!;
        const xml = await readFile(tmx, 'utf8');
        assert.match(xml, /<tmx version="1\.4"/);
        assert.ok(xml.includes('Idlib &amp; more'), 'the English is in the TMX, escaped');
        assert.ok(xml.includes(arabic.trim()), 'the Arabic is in the TMX');
      }
      assert.match(await dlg.locator('.export-summary').innerText(), /row/);
      await dlg.locator('button[data-action="close"]').click();
      await dlg.waitFor({ state: 'detached' });
    }
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
