// End to end in Chromium: English typed into two reports, then Ctrl+H, scope "All reports",
// Replace all: the preview lists both reports, applying replaces the open report in the editor
// and the other on disk (Arabic untouched); Ctrl+Z undoes the open one, its Undo button the other
// (checked in the sidecars on disk). A regular expression that does not compile is explained in
// the bar; in the Arabic UI, Replace all on Arabic-only hits says how many were skipped and changes
// nothing. Waits on DOM signals only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startE2E } from './helpers/server.ts';
import { firstEnglishOnDisk, openReportAt, sidecarFile, untilOnDisk, waitFirstEnglish } from './helpers/disk.ts';
import type { Page } from 'playwright-core';


/** Types into the first row's English of a report just opened: the click is repeated until the
 * caret is in that cell (the entity panel appearing beside a fresh editor can shift the layout
 * under a click, which then lands in the read-only Arabic), then waits for the editor to hold it. */
async function typeFirstEnglish(page: Page, text: string): Promise<void> {
  const cell = page.locator('.muwazi-editor .tgt').first();
  for (let i = 0; ; i++) {
    await cell.click();
    const inCell = await cell.evaluate((el) => !!getSelection()?.anchorNode && el.contains(getSelection()!.anchorNode));
    if (inCell) break;
    assert.ok(i < 20, 'the caret never reached the first English cell');
  }
  await page.keyboard.type(text);
  await waitFirstEnglish(page, text);
}

/** Polls the first English of a sidecar on disk until it reads `text` (generous ceiling, no fixed wait). */
async function diskReads(file: string, text: string, ceilingMs = 20_000): Promise<void> {
  await untilOnDisk(file, async () => (await firstEnglishOnDisk(file).catch(() => null)) === text,
    async () => `${file} reads ${JSON.stringify(await firstEnglishOnDisk(file).catch(() => null))}, not ${JSON.stringify(text)}`, ceilingMs);
}

test('find and replace: all reports, preview of both, apply, undo the open one with Ctrl+Z and the other with its Undo button', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    // English in two reports, saved
    const other = `${await openReportAt(page, 0)}.txt`;
    await typeFirstEnglish(page, 'The Ministry said.');
    await page.keyboard.press('Control+s');
    await diskReads(sidecarFile(workspace, other), 'The Ministry said.');
    const otherArabic = (JSON.parse(await readFile(sidecarFile(workspace, other), 'utf8')) as { segments: { text: string }[] }).segments;
    const open = `${await openReportAt(page, 1)}.txt`;
    await typeFirstEnglish(page, 'Ministry officials met.');
    await page.keyboard.press('Control+s');
    await diskReads(sidecarFile(workspace, open), 'Ministry officials met.');

    // Ctrl+H: the bar with its replace row
    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('Control+h');
    const bar = page.locator('.find-bar');
    await page.waitForSelector('.find-bar[data-replace="true"]');
    await bar.locator('[data-find="scope"]').selectOption('all');
    await bar.locator('[data-find="query"]').fill('ministry');
    // Enter in "All reports" lists both reports' hits
    await bar.locator('[data-find="query"]').press('Enter');
    await page.waitForSelector('[data-project-find="panel"][data-state="done"]');
    assert.deepEqual(await page.locator('[data-project-report]').evaluateAll((els) => els.map((x) => x.getAttribute('data-project-report')).sort()), [open, other].sort());
    // the list is on screen (not squeezed to nothing by the editor below it)
    assert.ok(await page.locator(`[data-project-report="${other}"] [data-hit]`).first().isVisible());
    assert.ok((await page.locator('[data-project-find="panel"]').boundingBox())!.height > 40);

    await bar.locator('[data-find="replacement"]').fill('Department');
    await bar.locator('[data-find="replace-all"]').click();
    const dialog = page.locator('dialog[data-dialog="project-replace"]');
    await dialog.waitFor();
    assert.deepEqual(await dialog.locator('[data-preview-report]').evaluateAll((els) => els.map((x) => `${x.getAttribute('data-preview-report')}:${x.getAttribute('data-count')}`).sort()), [`${open}:1`, `${other}:1`].sort());
    assert.match(await dialog.textContent() ?? '', /The Ministry said\. → The Department said\./);
    await dialog.locator('[data-action="apply"]').click();
    await page.waitForSelector('[data-project-find="panel"][data-state="applied"]');

    // the open report in the editor, the other on disk; the Arabic untouched
    await waitFirstEnglish(page, 'Department officials met.');
    assert.equal(await firstEnglishOnDisk(sidecarFile(workspace, other)), 'The Department said.');
    assert.deepEqual((JSON.parse(await readFile(sidecarFile(workspace, other), 'utf8')) as { segments: { text: string }[] }).segments, otherArabic);
    await page.keyboard.press('Control+s');
    await diskReads(sidecarFile(workspace, open), 'Department officials met.');

    // undo: the open report by Ctrl+Z (one step), the other by its Undo button
    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('Control+z');
    await waitFirstEnglish(page, 'Ministry officials met.');
    const item = page.locator(`[data-applied-report="${other}"]`);
    await item.locator('[data-action="undo-replace"]').click();
    await page.waitForSelector(`[data-applied-report="${other}"][data-status="undone"]`);
    assert.equal(await firstEnglishOnDisk(sidecarFile(workspace, other)), 'The Ministry said.');
    await page.keyboard.press('Control+s');
    await diskReads(sidecarFile(workspace, open), 'Ministry officials met.');

    // keyboard: Enter lists the hits, Down moves into the list (reports in path order: the other
    // report first), Enter opens that report at the row, caret in the row's English
    await bar.locator('[data-find="query"]').press('Enter');
    await page.waitForSelector('[data-project-find="panel"][data-state="done"]');
    const hit = page.locator(`[data-project-report="${other}"] [data-hit]`).first();
    const path = (await hit.getAttribute('data-path'))!;
    await bar.locator('[data-find="query"]').press('ArrowDown');
    assert.equal(await hit.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Enter');
    await page.waitForFunction((p) => {
      const main = document.querySelector<HTMLElement>('.editor-area');
      return main?.dataset.report === p && main.dataset.reportState === 'open' && document.activeElement?.classList.contains('muwazi-editor');
    }, path);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('find: an invalid regular expression is explained in the bar, never thrown', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('Control+f');
    const bar = page.locator('.find-bar');
    await bar.locator('[data-find="regex"]').check();
    assert.equal(await bar.locator('.find-note').isVisible(), true);
    await bar.locator('[data-find="query"]').fill('(ال');
    await page.waitForSelector('.find-bar[data-problem="invalid"]');
    assert.match(await bar.locator('[data-find="count"]').textContent() ?? '', /^Invalid regular expression/);
    assert.equal(await bar.locator('[data-find="query"]').getAttribute('aria-invalid'), 'true');
    // a valid Arabic pattern finds hits
    await bar.locator('[data-find="query"]').fill('ال\\p{L}+');
    await page.waitForFunction(() => Number((document.querySelector('.find-bar') as HTMLElement).dataset.count) > 0);

    // Arabic UI: the bar is mirrored and in Arabic; Replace all on Arabic-only hits replaces nothing,
    // says how many Arabic hits were skipped (Arabic-Indic digits), and the Arabic stays as it was
    await page.locator('.menubar-item[data-menu="view"]').click();
    await page.locator('[data-command="langAr"]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await bar.locator(`label[for="${await bar.locator('[data-find="regex"]').getAttribute('id')}"]`).textContent(), 'تعبير نمطي');
    const arabicBefore = await page.locator('.muwazi-editor .src').allTextContents();
    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('Control+h');
    await page.waitForSelector('.find-bar[data-replace="true"]');
    const n = Number(await bar.getAttribute('data-count'));
    assert.ok(n > 0);
    await bar.locator('[data-find="replacement"]').fill('X');
    await bar.locator('[data-find="replace-all"]').click();
    await page.waitForSelector(`.find-bar [data-find="message"][data-skipped="${n}"][data-replaced="0"]`);
    const msg = await bar.locator('[data-find="message"]').textContent() ?? '';
    assert.match(msg, /العربية/);
    assert.ok(/[٠-٩]/.test(msg) || n <= 2, msg);
    assert.deepEqual(await page.locator('.muwazi-editor .src').allTextContents(), arabicBefore);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
