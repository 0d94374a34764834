// End to end in Chromium: teams (issue 18). The name set in Project Settings is recorded on the row
// whose status the user changed (typing English moves an auto row to draft); File → Agreement…
// compares the folder with a copy of it and shows the figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { startE2E } from './helpers/server.ts';
import { openReportAt, untilOnDisk, sidecarFile } from './helpers/disk.ts';
import { clickEnglishOfRow } from './helpers/app.ts';

test('teams: my name is stamped on the row I changed; Agreement… compares the folder with a copy', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    // File → Project Settings…: the name field (app-wide)
    await page.locator('.menubar-item[data-menu="file"]').click();
    await page.locator('.menu-item[data-command="settings"]').click();
    const dlg = page.locator('dialog[data-dialog="settings"]');
    await dlg.waitFor();
    const field = dlg.locator('input[data-field="user-name"]');
    await page.waitForFunction(() => !document.querySelector<HTMLInputElement>('input[data-field="user-name"]')!.disabled);
    assert.equal(await field.inputValue(), '', 'empty: the OS user is used');
    await field.fill('ليلى الحسن');
    await dlg.locator('[data-action="save"]').click();
    await dlg.waitFor({ state: 'detached' });

    const name = await openReportAt(page, 0);
    await clickEnglishOfRow(page, 0);
    await page.keyboard.type('The delegation arrived.');
    const file = sidecarFile(e.workspace, name);
    let units: { status: string; by?: string; at?: string }[] = [];
    await untilOnDisk(file, async () => {
      try {
        units = JSON.parse(await readFile(file, 'utf8')).units;
      } catch {
        return false;
      }
      return units[0]?.by === 'ليلى الحسن';
    }, () => `units[0] on disk: ${JSON.stringify(units[0])}`);
    assert.equal(units[0].status, 'draft');
    assert.match(units[0].at!, /^\d{4}-\d\d-\d\dT/);
    assert.equal(units[1]?.by, undefined, 'rows I did not change carry no name');

    // a second annotator's copy of that report
    const copy = join(dirname(e.workspace), 'نسخة');
    await mkdir(copy);
    const txt = file.replace(/\.annotations\.json$/, '.txt');
    await copyFile(txt, join(copy, basename(txt)));
    await copyFile(file, join(copy, basename(file)));
    await page.locator('.menubar-item[data-menu="file"]').click();
    await page.locator('.menu-item[data-command="agreement"]').click();
    const agree = page.locator('dialog[data-dialog="agreement"]');
    await agree.waitFor();
    await agree.locator('input[data-field="other"]').fill(copy);
    await agree.locator('[data-action="compare"]').click();
    await agree.locator('table[data-agreement] tr[data-overall]').waitFor();
    const overall = await agree.locator('table[data-agreement] tr[data-overall] td').allInnerTexts();
    // the same file on both sides: every defined figure is 1 (status agreement included)
    assert.equal(overall[3], '1');
    assert.match(await agree.locator('.agree-status').innerText(), /^Compared one report\.$/);
    await page.keyboard.press('Escape');
    await agree.waitFor({ state: 'detached' });
  } finally {
    await e.close();
  }
});
