// End to end: crash recovery. Saves fail (the route answers a failure, as if the disk refused), the
// edits reach the journal, then the renderer is crashed (CDP Page.crash: no unload or visibility
// handlers run, so nothing can save on the way out); a new page opening the report offers to
// restore them, and restoring brings them back and saves them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { startE2E, waitReady } from './helpers/server.ts';
import { openFirstReport, typeInFirstTarget } from './helpers/app.ts';
import { waitFirstEnglish, waitForJournal } from './helpers/disk.ts';

/** Every save fails, specifically. */
const failSaves = (r: Route) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'disk-full', message: 'Simulated: no space left.' }) });

/** Kills the renderer process the way a crash would. */
async function crash(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {}); // never answers: the target dies
  await crashed;
}

test('type, crash before saving, reopen → restore offered → restored and saved', async () => {
  const e = await startE2E();
  try {
    const first = e.page;
    await first.route('**/api/saveReport', failSaves);
    const name = await openFirstReport(first);
    const english = 'Unsaved work survives a crash';
    await typeInFirstTarget(first, english);
    // the journal on disk holds the last keystroke (data-journal alone appears after ANY journal write)
    await waitForJournal(e.dataDir, e.workspace, name, english);
    await crash(first);

    const page = await e.context.newPage();
    await page.goto(e.server.url);
    await waitReady(page);
    const button = page.locator(`button.report[data-name="${name}"]`);
    await button.click();
    const dlg = page.locator('dialog[data-dialog="recovery"]');
    await dlg.waitFor();
    await dlg.locator('button[data-action="restore"]').click();
    await page.waitForSelector('.editor-area[data-report-state="open"] .muwazi-editor .row');
    await waitFirstEnglish(page, english);
    await page.waitForSelector('.status-save[data-state="saved"]');
    const sidecar = JSON.parse(await readFile(join(e.workspace, `${name.replace(/\.txt$/, '')}.annotations.json`), 'utf8'));
    assert.ok(sidecar.targets.some((t: { text: string }) => t.text === english));
  } finally {
    await e.close();
  }
});

test('discarding the recovered edits keeps the file on disk as it was', async () => {
  const e = await startE2E();
  try {
    const first = e.page;
    await first.route('**/api/saveReport', failSaves);
    const name = await openFirstReport(first);
    await typeInFirstTarget(first, 'To be discarded');
    await waitForJournal(e.dataDir, e.workspace, name, 'To be discarded');
    await crash(first);

    const page = await e.context.newPage();
    await page.goto(e.server.url);
    await waitReady(page);
    await page.locator(`button.report[data-name="${name}"]`).click();
    const dlg = page.locator('dialog[data-dialog="recovery"]');
    await dlg.waitFor();
    await dlg.locator('button[data-action="discard"]').click();
    await page.waitForSelector('.editor-area[data-report-state="open"] .muwazi-editor .row');
    assert.equal((await page.locator('.muwazi-editor .tgt').first().textContent())?.trim(), '');
    assert.equal(await page.locator('.status-save').getAttribute('data-state'), 'saved');
    // reopening does not offer it again
    await page.reload();
    await waitReady(page);
    await page.locator(`button.report[data-name="${name}"]`).click();
    await page.waitForSelector('.editor-area[data-report-state="open"] .muwazi-editor .row');
    assert.equal(await page.locator('dialog[data-dialog="recovery"]').count(), 0);
  } finally {
    await e.close();
  }
});
