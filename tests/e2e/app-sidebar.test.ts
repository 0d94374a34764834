// End to end in Chromium: saving updates the saved report's sidebar entry from the annotations the
// renderer holds; it never rescans the folder (listReports). The page's clock is faked so "never"
// is checked without waiting: after the save, time is run forward a minute and no listReports
// call has been made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, waitReady } from './helpers/server.ts';
import { typeInFirstTarget } from './helpers/app.ts';
import { openReportAt } from './helpers/disk.ts';

test('a save updates its report in the sidebar without rescanning the folder', async () => {
  const e = await startE2E();
  try {
    // a page that counts the host calls it makes (the bridge binds fetch at boot)
    await e.context.addInitScript(() => {
      const w = window as unknown as { __calls: string[]; fetch: typeof fetch };
      w.__calls = [];
      const real = w.fetch.bind(window);
      w.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        w.__calls.push(String(input instanceof Request ? input.url : input));
        return real(input, init);
      };
    });
    const page = await e.context.newPage();
    await page.goto(e.server.url);
    await waitReady(page);
    const name = await openReportAt(page, 0);
    const entry = page.locator(`button.report[data-name="${name}"]`);
    assert.equal(await entry.getAttribute('data-translated'), '0');
    // the entries are updated in place, not rebuilt: a click whose mousedown came before a refresh
    // still lands on its button (mark the elements with a property a rebuild would lose)
    await page.evaluate(() => document.querySelectorAll('button.report').forEach((b) => ((b as unknown as { mark: number }).mark = 1)));
    await page.clock.install();

    await typeInFirstTarget(page, 'The sidebar follows the save ١٢٣ 🙂');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    assert.equal(await entry.getAttribute('data-translated'), '1', 'updated from the saved annotations');
    assert.match(await entry.locator('.report-progress').innerText(), /^1 of/);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('button.report')].map((b) => (b as unknown as { mark?: number }).mark ?? 0)),
      Array(await page.locator('button.report').count()).fill(1), 'the same button elements after the update');

    await page.clock.runFor(60_000); // any debounced rescan would have fired by now
    const calls = await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
    assert.ok(calls.some((c) => c.endsWith('/api/saveReport')), calls.join('\n'));
    assert.deepEqual(calls.filter((c) => c.endsWith('/api/listReports')), [], 'no folder rescan per save');
  } finally {
    await e.close();
  }
});
