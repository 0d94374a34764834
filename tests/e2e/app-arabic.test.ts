// End to end: switching the UI to Arabic mirrors the window (dir, sidebar side, menus), keeps the
// editor cells' own directions, formats counts with Arabic-Indic digits, and persists across a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E, waitReady } from './helpers/server.ts';
import { openFirstReport } from './helpers/app.ts';

test('View → Language → العربية mirrors the whole window; the editor cells keep their direction', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openFirstReport(page);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    const before = await page.locator('.sidebar').boundingBox();
    const mainBefore = await page.locator('.editor-area').boundingBox();
    assert.ok(before!.x < mainBefore!.x, 'LTR: sidebar on the left');

    // keyboard only: F10 focuses the menu bar, arrows reach View, Down opens it, Enter picks Arabic
    await page.keyboard.press('F10');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-menu')), 'file');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-menu')), 'view');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // English → العربية
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-command')), 'langAr');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar');

    const side = (await page.locator('.sidebar').boundingBox())!;
    const main = (await page.locator('.editor-area').boundingBox())!;
    assert.ok(side.x > main.x, `RTL: sidebar on the right (sidebar x=${side.x}, editor x=${main.x})`);
    assert.equal(await page.locator('.menubar-item[data-menu="file"]').innerText(), 'ملف');
    assert.equal(await page.locator('.status-save').innerText(), 'محفوظ');
    // counts in Arabic-Indic digits, Arabic plural forms (19 → many)
    assert.match(await page.locator('button.report').first().locator('.report-progress').innerText(), /^٠ من ١٩ صفًّا فيها إنجليزية$/);
    // the editor's cells keep their own direction and language
    assert.equal(await page.locator('.muwazi-editor .src').first().getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('.muwazi-editor .src').first().getAttribute('lang'), 'ar');
    assert.equal(await page.locator('.muwazi-editor .tgt').first().getAttribute('dir'), 'ltr');
    assert.equal(await page.locator('.muwazi-editor .tgt').first().evaluate((el) => getComputedStyle(el).direction), 'ltr');
    // no letter-spacing anywhere in the Arabic UI
    assert.equal(await page.locator('.sidebar').evaluate((el) => getComputedStyle(el).letterSpacing), 'normal');

    // the choice persists
    await page.reload();
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('.menubar-item[data-menu="view"]').innerText(), 'عرض');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('the system language is the default: an Arabic system starts the UI in Arabic', async () => {
  const e = await startE2E({ service: { systemLanguage: 'ar-EG' } });
  try {
    assert.equal(await e.page.evaluate(() => document.documentElement.lang), 'ar');
    assert.equal(await e.page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await e.page.locator('.menubar-item[data-menu="file"]').innerText(), 'ملف');
  } finally {
    await e.close();
  }
});
