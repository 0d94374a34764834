// A way out of every error (issue 14 §4), end to end in Chromium: a binary file says so once and
// nothing stays stuck; an empty report says it is empty; a damaged annotation file offers its
// backup (date and rows) and opens again; a damaged file on disk under unsaved edits is named in
// the conflict dialog, which offers to replace it rather than "take theirs"; leaving a report
// whose save failed names the reason and the choices with verbs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { typeInFirstTarget } from './helpers/app.ts';
import { firstEnglish, firstEnglishOnDisk, holdSaves, openReportAt, sidecarFile, waitForJournal } from './helpers/disk.ts';

/** Clicks the report `file` in the sidebar (it may not open). */
async function choose(page: Page, workspace: string, file: string): Promise<void> {
  const btn = page.locator(`button.report[data-path="${join(workspace, file)}"]`);
  await btn.waitFor();
  await btn.click();
}

const reportState = (page: Page) => page.locator('.editor-area').getAttribute('data-report-state');

test('a binary file: one message in place of "Opening…", no dialog to dismiss; an empty report says it is empty', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    await writeFile(join(workspace, 'aa-binary.txt'), Buffer.from([0, 1, 2, 0, 255, 0, 3, 4, 0, 0, 0, 9]));
    await writeFile(join(workspace, 'aa-blank.txt'), ' \n\n \t\n');
    await writeFile(join(workspace, 'aa-empty.txt'), '');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');

    await choose(page, workspace, 'aa-binary.txt');
    await page.waitForSelector('.editor-area[data-report-state="error"] .open-failure[data-code="binary-file"]');
    const text = await page.locator('.editor-area').innerText();
    assert.doesNotMatch(text, /Opening/);
    assert.equal(text.match(/binary data/g)?.length, 1, text);
    assert.equal(await page.locator('dialog[open]').count(), 0);

    for (const f of ['aa-blank.txt', 'aa-empty.txt']) {
      await choose(page, workspace, f);
      await page.waitForFunction((p) => document.querySelector<HTMLElement>('.editor-area')?.dataset.report === p, join(workspace, f));
      await page.waitForSelector('.editor-area[data-report-state="empty"] [data-code="empty-report"]');
      assert.match(await page.locator('.editor-area').innerText(), /This report is empty/);
      assert.equal(await page.locator('.muwazi-editor .row').count(), 0);
    }
    // a good report still opens after them
    await openReportAt(page, 3);
    assert.equal(await reportState(page), 'open');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('a damaged annotation file: its backup is offered with date and rows, restoring opens the report, the damaged file is kept', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const name = await openReportAt(page, 0);
    const file = sidecarFile(workspace, name);
    await typeInFirstTarget(page, 'First save');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    await typeInFirstTarget(page, ' then second');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    assert.equal(await firstEnglishOnDisk(file), 'First save then second');
    await openReportAt(page, 1);
    await writeFile(file, '{ "format": "muwazi-annotations", "units": [');

    await page.locator('button.report').nth(0).click();
    const dlg = page.locator('dialog[data-dialog="damaged"]');
    await dlg.waitFor();
    const restore = dlg.locator('button[data-action="restore-bak"]');
    assert.match(await restore.innerText(), /^Restore the backup of .*\d.* \(\d+ rows\)$/);
    assert.equal(await dlg.locator('button[data-action="close"]').innerText(), 'Leave the report closed');
    await restore.click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.editor-area')?.dataset.reportState === 'open');
    assert.equal(await firstEnglish(page), 'First save');
    const aside = (await readdir(workspace)).filter((f) => f.includes('.annotations.damaged-'));
    assert.equal(aside.length, 1, aside.join(', '));
    assert.equal(await readFile(join(workspace, aside[0]), 'utf8'), '{ "format": "muwazi-annotations", "units": [');

    // damaged again: open read-only; nothing can be typed and the file stays as it is
    await openReportAt(page, 1);
    await writeFile(file, '{ broken again');
    await page.locator('button.report').nth(0).click();
    await dlg.waitFor();
    await dlg.locator('button[data-action="read-only"]').click();
    await page.waitForSelector('.editor-area[data-report-state="open"] [data-read-only]');
    assert.equal(await page.locator('.muwazi-editor').getAttribute('contenteditable'), 'false');
    assert.equal(await readFile(file, 'utf8'), '{ broken again');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('the file on disk damaged under unsaved edits: the conflict dialog says so and replaces it with mine (no "take theirs", no loop)', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const name = await openReportAt(page, 0);
    const file = sidecarFile(workspace, name);
    await typeInFirstTarget(page, 'Saved base');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    const hold = await holdSaves(page);
    await typeInFirstTarget(page, ' + mine');
    await writeFile(file, '{ damaged by a bad merge');
    hold.release();
    const dlg = page.locator('dialog[data-dialog="conflict-damaged"]');
    await dlg.waitFor();
    assert.deepEqual(await dlg.locator('.dialog-actions button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action'))), ['mine', 'later']);
    assert.match(await dlg.innerText(), /damaged/);
    await dlg.locator('button[data-action="mine"]').click();
    await page.waitForSelector('.status-save[data-state="saved"]');
    assert.equal(await firstEnglishOnDisk(file), 'Saved base + mine');
    assert.equal(await page.locator('dialog[open]').count(), 0);
    await hold.stop();
  } finally {
    await e.close();
  }
});

test('leaving a report whose save failed names the reason, with verbs for the choices', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    await page.route('**/api/saveReport', (r: Route) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'disk-full', message: 'No space left on the device.' }) }));
    await typeInFirstTarget(page, 'Not on disk');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="error"]');
    await page.locator('button.report').nth(1).click();
    const dlg = page.locator('dialog[data-dialog="unsaved"]');
    await dlg.waitFor();
    const text = await dlg.innerText();
    assert.match(text, /Not saved: The disk is full\./);
    assert.deepEqual(await dlg.locator('.dialog-actions button').allInnerTexts(), ['Stay and keep editing', 'Leave without saving']);
    await dlg.locator('button[data-action="stay"]').click();
    assert.equal(await firstEnglish(page), 'Not on disk');
  } finally {
    await e.close();
  }
});

test('Arabic UI: an annotation file whose report is missing is listed as "source missing" and says what to do', async () => {
  const e = await startE2E({ service: { systemLanguage: 'ar-EG' } });
  try {
    const { page, workspace } = e;
    await writeFile(join(workspace, 'zz-gone.annotations.json'), '{}');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && document.documentElement.lang === 'ar');
    const entry = page.locator(`button.report[data-path="${join(workspace, 'zz-gone.txt')}"]`);
    await entry.waitFor();
    assert.equal(await entry.locator('[data-source-missing]').innerText(), 'المصدر مفقود: zz-gone.txt ليس في المجلد');
    await entry.click();
    await page.waitForSelector('.editor-area[data-report-state="error"] [data-code="source-missing"]');
    assert.match(await page.locator('[data-code="source-missing"]').innerText(), /أعد ملف ‎\.txt بجانبها/);
    assert.equal(await page.locator('dialog[open]').count(), 0);
  } finally {
    await e.close();
  }
});

test('unsaved journal edits are still offered after the user put the backup back by hand', async () => {
  const e = await startE2E();
  try {
    const { page, workspace, dataDir } = e;
    const name = await openReportAt(page, 0);
    const file = sidecarFile(workspace, name);
    await typeInFirstTarget(page, 'Base');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    await typeInFirstTarget(page, ' two');
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    // then saves fail; the edit reaches the journal only
    await page.route('**/api/saveReport', (r: Route) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'disk-full', message: 'No space left.' }) }));
    await typeInFirstTarget(page, ' unsaved');
    await waitForJournal(dataDir, workspace, name, 'Base two unsaved');
    await page.locator('button.report').nth(1).click();
    const leave = page.locator('dialog[data-dialog="unsaved"]');
    await leave.waitFor();
    await leave.locator('button[data-action="leave"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.editor-area')?.dataset.reportState === 'open');
    // the file is damaged, and the user copies the backup back by hand (a new mtime, older content)
    await writeFile(file, '{ damaged');
    await copyFile(file.replace(/\.json$/, '.json.bak'), file);
    await page.locator('button.report').nth(0).click();
    const dlg = page.locator('dialog[data-dialog="recovery"]');
    await dlg.waitFor();
    await dlg.locator('button[data-action="restore"]').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.editor-area')?.dataset.reportState === 'open');
    assert.equal(await firstEnglish(page), 'Base two unsaved');
  } finally {
    await e.close();
  }
});
