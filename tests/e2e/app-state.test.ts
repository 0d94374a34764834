// State you can read (issue 14 §3), in the whole app in Chromium: the entity panel's suggestion
// count matches the suggestions on screen after Tag all (Alt+A) and Reject all (Alt+Shift+Delete)
// from the keyboard (those change no text and move no caret); the sidebar and the panel label
// what they count (mentions / entities); the row status is named in the status bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { openReportAt } from './helpers/disk.ts';
import { selectArabic } from './helpers/app.ts';

const NAME = 'إدلب';

/** Waits until the panel's count equals the suggestions on screen; returns it. */
async function countsAgree(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const panel = document.querySelector<HTMLElement>('.ent-panel');
    const shown = new Set([...document.querySelectorAll<HTMLElement>('.muwazi-editor .ent-suggest')].map((e) => e.dataset.suggestion)).size;
    return panel?.querySelector('.ent-panel-pending')?.textContent?.startsWith(`${shown} suggestion`);
  });
  return parseInt(await page.locator('.ent-panel .ent-panel-pending').innerText(), 10);
}

test('the entity panel counts the suggestions on screen after Tag all and Reject all from the keyboard', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    await page.waitForSelector('.ent-panel');
    await selectArabic(page, NAME);
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.querySelectorAll('.ent-panel .ent-panel-item').length === 1);
    // the caret is on the new mention: Alt+A tags all its occurrences as suggestions
    await page.keyboard.press('Alt+a');
    await page.waitForSelector('.muwazi-editor .ent-suggest');
    const n = await countsAgree(page);
    assert.ok(n >= 1, `suggestions: ${n}`);
    await page.keyboard.press('Alt+Shift+Delete');
    await page.waitForFunction(() => document.querySelectorAll('.muwazi-editor .ent-suggest').length === 0);
    assert.equal(await countsAgree(page), 0);
    // rejected suggestions are remembered (issue 15): Tag all again proposes none of them, and says 0
    await page.keyboard.press('Alt+a');
    assert.equal(await countsAgree(page), 0);
    // the sidebar counts mentions, the panel entities: each label says which
    const entry = page.locator('button.report').first();
    assert.match((await entry.locator('.report-entities').textContent()) ?? '', /mentions?$/);
    assert.match((await entry.locator('.report-progress').getAttribute('title')) ?? '', /drafts included/);
    assert.match((await page.locator('.ent-panel #ent-panel-title, .ent-panel [id="ent-panel-title"]').first().textContent()) ?? '', /^Entities/);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('row status: a mark in the gutter with a tooltip in words, a legend in F1, the caret row\'s status in the status bar (Arabic too)', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    const row = page.locator('.muwazi-editor .row').first();
    const box = (await row.boundingBox())!;
    // the mark: a shape per status, drawn at the row's inline start
    assert.equal(await row.evaluate((r) => getComputedStyle(r, '::before').content), '"○" / ""');
    await page.mouse.move(box.x + 6, box.y + 8);
    await page.waitForFunction(() => document.querySelector('.editor-mount')?.getAttribute('title') === 'Row status: Automatic');
    await page.mouse.move(box.x + box.width / 2, box.y + 8);
    await page.waitForFunction(() => !document.querySelector('.editor-mount')?.hasAttribute('title'));
    await row.locator('.tgt').first().click();
    await page.waitForFunction(() => document.querySelector('.status-row-status')?.textContent === 'Row: Automatic');
    await page.keyboard.press('F1');
    const legend = page.locator('dialog[data-dialog="shortcuts"] table.status-legend tbody tr');
    await legend.first().waitFor();
    assert.deepEqual(await legend.evaluateAll((rs) => rs.map((r) => r.querySelector('.status-mark')?.textContent)), ['○', '◐', '●', '★']);
    // the keys of issue 14 §2 are listed; Ctrl+Backspace / Ctrl+Delete are no structural edits any more
    const keys = await page.locator('dialog[data-dialog="shortcuts"] kbd').allTextContents();
    for (const k of ['Ctrl+Alt+P', 'Ctrl+Alt+N', 'Ctrl+Alt+R', 'Ctrl+Enter', 'Enter', 'Shift+Enter', 'Tab', 'Ctrl+Y', 'Ctrl+Shift+Z']) assert.ok(keys.includes(k), `${k} listed: ${keys.join(' ')}`);
    for (const k of ['Ctrl+Backspace', 'Ctrl+Delete']) assert.ok(!keys.includes(k), `${k} not listed`);
    await page.keyboard.press('Escape');
    // Arabic: the status in words in the status bar
    await page.evaluate(() => document.querySelector<HTMLElement>('.editor-area')!.focus());
    await page.keyboard.press('F10');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    await page.waitForFunction(() => document.querySelector('.status-row-status')?.textContent === 'الصف: تلقائي');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
