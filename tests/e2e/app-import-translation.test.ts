// End to end in Chromium: File → Import English Translation… (Ctrl+Shift+I) with pasted text: an
// empty run is refused with a message, Run aligns the text into the open report as one undoable
// change, the dialog reports the rows and offers Review only when some rows are uncertain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E } from './helpers/server.ts';
import { openReportAt } from './helpers/disk.ts';

test('import an English translation: run, result, close, undo', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    const english = () => page.locator('.muwazi-editor p.tgt').evaluateAll((ps) => ps.map((p) => p.textContent ?? '').join('').trim());
    assert.equal(await english(), '', 'no English yet');

    await page.keyboard.press('Control+Shift+I');
    const dlg = page.locator('dialog[data-dialog="import"]');
    await dlg.waitFor();
    assert.equal(await dlg.locator('button[data-action="review"]').isHidden(), true, 'Review only after a run');
    // Run with nothing pasted: a message, nothing applied
    await dlg.locator('button[data-action="run"]').click();
    await dlg.locator('.import-result p.error').waitFor();
    await dlg.locator('textarea[name="text"]').fill('The regime advances on Idlib. Russia and Turkey extend the talks.\nDozens of civilians were killed.');
    await dlg.locator('button[data-action="run"]').click();
    await dlg.locator('[data-import-done]').waitFor();
    assert.equal(await dlg.locator('button[data-action="run"]').isDisabled(), true);
    // focus went to Review when there is something to review, else to Close
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action);
    const reviewHidden = await dlg.locator('button[data-action="review"]').isHidden();
    assert.equal(focused, reviewHidden ? 'close' : 'review');
    assert.match(await english(), /Idlib/);

    await dlg.locator('button[data-action="close"]').click();
    await dlg.waitFor({ state: 'detached' });
    // one undoable change
    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => [...document.querySelectorAll('.muwazi-editor p.tgt')].every((p) => !(p.textContent ?? '').trim()));
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
