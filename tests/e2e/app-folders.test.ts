// End to end in Chromium (browser mode): a folder is opened only because the user chose it. The typed
// path of a system folder is refused with the host's specific message; a folder under the temp
// folder opens; File → Open Recent… lists the folders chosen so far and reopens one by its id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { startE2E } from './helpers/server.ts';

test('open folder: a system folder is refused, a chosen one opens, Open Recent reopens the first', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const other = join(dirname(workspace), 'تقارير أخرى');
    await mkdir(other);
    const first = (await readdir(workspace)).find((f) => f.endsWith('.txt'))!;
    await copyFile(join(workspace, first), join(other, 'وحيد.txt'));

    await page.keyboard.press('Control+o');
    const dlg = page.locator('dialog[data-dialog="open-folder"]');
    await dlg.waitFor();
    // the folder opened at start-up is on the recent list already
    await dlg.locator('button.recent-folder').first().waitFor();
    await dlg.locator('input[name="path"]').fill('/etc');
    await dlg.locator('button[data-action="open"]').click();
    await dlg.locator('.error[data-code="forbidden"]').waitFor();
    assert.match(await dlg.locator('.error').innerText(), /never a hidden or system folder/);

    await dlg.locator('input[name="path"]').fill(other);
    await dlg.locator('button[data-action="open"]').click();
    await dlg.waitFor({ state: 'detached' });
    await page.waitForSelector('button.report[data-name="وحيد"]');
    assert.equal(await page.locator('button.report').count(), 1);

    // File → Open Recent…: both folders, newest first; the start-up one reopens
    await page.locator('.menubar-item[data-menu="file"]').click();
    await page.locator('.menu-item[data-command="openRecent"]').click();
    const recent = page.locator('dialog[data-dialog="open-recent"]');
    await recent.waitFor();
    const names = await recent.locator('button.recent-folder .recent-name').allInnerTexts();
    assert.deepEqual(names.slice(0, 2), ['تقارير أخرى', 'workspace']);
    await recent.locator('button.recent-folder').nth(1).click();
    await recent.waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelectorAll('button.report').length === n, (await readdir(workspace)).filter((f) => f.endsWith('.txt')).length);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
