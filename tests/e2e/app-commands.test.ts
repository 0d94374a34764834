// Finding any command (issue 14 §1), in the whole app in Chromium: the Row menu merges and splits
// rows; the row toolbar merges rows and is reachable with Shift+F6 and the arrow keys; a right-click
// on a mention offers the mention's commands first (link, tag all, remove) and on a suggestion
// accept / reject, which work; Shift+F10 opens the same menu at the caret and Esc gives focus back;
// Ctrl+Shift+P finds a command by its Arabic name in the English UI (and by its English name in the
// Arabic UI) and Enter runs it, with focus back in the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { openReportAt } from './helpers/disk.ts';
import { clickEnglishOfRow, selectArabic } from './helpers/app.ts';
import { switchToArabic } from './helpers/screens.ts';

const NAME = 'إدلب';
const rows = (page: Page) => page.evaluate(() => document.querySelectorAll('.muwazi-editor .row').length);
const waitRows = (page: Page, n: number) => page.waitForFunction((n) => document.querySelectorAll('.muwazi-editor .row').length === n, n);
const editorFocused = (page: Page) => page.waitForFunction(() => document.querySelector('.muwazi-editor')?.contains(document.activeElement) === true);

/** Puts the caret at the end of the first row's English. */
async function caretInFirstRow(page: Page): Promise<void> {
  await clickEnglishOfRow(page, 0);
  await page.keyboard.press('End');
}

test('Row menu: merge down and split the row again, each item showing its shortcut', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    const before = await rows(page);
    await caretInFirstRow(page);
    await page.locator('.menubar-item[data-menu="row"]').click();
    const merge = page.locator('.menu:not([hidden]) .menu-item[data-command="mergeRowNext"]');
    assert.equal(await merge.locator('.menu-shortcut').textContent(), 'Ctrl+Alt+N');
    // merging up from the first row does not apply: greyed out
    assert.equal(await page.locator('.menu:not([hidden]) .menu-item[data-command="mergeRowPrevious"]').getAttribute('aria-disabled'), 'true');
    await merge.click();
    await waitRows(page, before - 1);
    await editorFocused(page);
    // the merged row has two Arabic sentences: split at the second one through the menu
    await page.locator('.muwazi-editor .row').first().locator('p.src').nth(1).click();
    await page.locator('.menubar-item[data-menu="row"]').click();
    await page.locator('.menu:not([hidden]) .menu-item[data-command="splitRow"]').click();
    await waitRows(page, before);
    // the Entities menu lists the project's tag types with their keys
    await page.locator('.menubar-item[data-menu="entities"]').click();
    assert.equal(await page.locator('.menu:not([hidden]) .menu-item[data-command="tagAs.LOC"] .menu-shortcut').textContent(), 'Alt+L');
    await page.keyboard.press('Escape');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('row toolbar: Merge down merges the caret row; Shift+F6 reaches the toolbar, arrows move, tooltips show keys', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    const before = await rows(page);
    await caretInFirstRow(page);
    const button = page.locator('.row-toolbar .row-tool[data-command="mergeRowNext"]');
    assert.match((await button.getAttribute('title')) ?? '', /Ctrl\+Alt\+N/);
    await button.click();
    await waitRows(page, before - 1);
    // the editor kept focus and the caret: the merge is one undo step
    await editorFocused(page);
    await page.keyboard.press('Control+z');
    await waitRows(page, before);
    // keyboard: Shift+F6 from the editor lands on the toolbar (one Tab stop), ArrowRight moves on
    await page.keyboard.press('Shift+F6');
    await page.waitForFunction(() => document.activeElement?.closest('.row-toolbar') !== null);
    const first = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.command);
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.command);
    assert.notEqual(first, second);
    assert.equal(await page.locator('.row-toolbar').getAttribute('role'), 'toolbar');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('context menu: on a mention its commands come first; on a suggestion Reject works; Shift+F10 and Esc', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    await page.waitForSelector('.ent-panel');
    await selectArabic(page, NAME);
    await page.keyboard.press('l');
    await page.locator('.muwazi-editor .ent').first().waitFor();
    const mention = page.locator('.muwazi-editor .ent').first();
    await mention.click({ button: 'right' });
    const menu = page.locator('.context-menu[role="menu"]');
    await menu.waitFor();
    const ids = await menu.locator('.menu-item').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.command));
    assert.equal(ids[0], 'link');
    for (const id of ['tagAll', 'removeTag']) assert.ok(ids.indexOf(id) >= 0 && ids.indexOf(id) < ids.indexOf('splitRow'), `${id} before the row commands: ${ids.join(' ')}`);
    // focus is in the menu; Esc closes it and gives focus back to the editor
    await page.waitForFunction(() => document.activeElement?.closest('.context-menu') !== null);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await editorFocused(page);
    // Tag all occurrences from the context menu, then reject one suggestion from its own menu
    await mention.click({ button: 'right' });
    await menu.locator('.menu-item[data-command="tagAll"]').click();
    await page.waitForSelector('.muwazi-editor .ent-suggest');
    const count = () => page.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('.muwazi-editor .ent-suggest')].map((x) => x.dataset.suggestion)).size);
    const n = await count();
    await page.locator('.muwazi-editor .ent-suggest').first().click({ button: 'right' });
    await menu.waitFor();
    assert.equal(await menu.locator('.menu-item[data-command="accept"]').getAttribute('aria-disabled'), null);
    await menu.locator('.menu-item[data-command="reject"]').click();
    await page.waitForFunction((n) => new Set([...document.querySelectorAll<HTMLElement>('.muwazi-editor .ent-suggest')].map((x) => x.dataset.suggestion)).size === n - 1, n);
    // Shift+F10 on a sentence: the row's commands at the caret
    await caretInFirstRow(page);
    await page.keyboard.press('Shift+F10');
    await menu.waitFor();
    assert.ok(await menu.locator('.menu-item[data-command="splitRow"]').count());
    assert.equal(await menu.getAttribute('dir'), 'ltr');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await editorFocused(page);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

/** Ctrl+Shift+P, type `query`, check the first option is `id`, Enter: the row count drops by one. */
async function paletteMerges(page: Page, query: string): Promise<void> {
  const before = await rows(page);
  await caretInFirstRow(page);
  await page.keyboard.press('Control+Shift+P');
  const dlg = page.locator('dialog[data-dialog="palette"]');
  await dlg.waitFor();
  await page.keyboard.type(query);
  await page.waitForFunction(() => document.querySelector('.palette-option[aria-selected="true"]')?.getAttribute('data-command') === 'mergeRowNext');
  assert.equal(await dlg.locator('.palette-option[aria-selected="true"] kbd').textContent(), 'Ctrl+Alt+N');
  // a command that does not apply here is listed as such
  await page.keyboard.press('Enter');
  await dlg.waitFor({ state: 'detached' });
  await waitRows(page, before - 1);
  await editorFocused(page);
}

test('palette (English UI): an Arabic command name finds it, Enter runs it, focus back in the editor', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    await paletteMerges(page, 'دمج الصف مع التالي');
    // disabled commands are shown as such
    await caretInFirstRow(page);
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('merge row up');
    const opt = page.locator('.palette-option[data-command="mergeRowPrevious"]');
    await opt.waitFor();
    assert.equal(await opt.getAttribute('aria-disabled'), 'true');
    assert.match((await opt.textContent()) ?? '', /not available here/);
    await page.keyboard.press('Escape');
    await page.locator('dialog[data-dialog="palette"]').waitFor({ state: 'detached' });
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('palette (Arabic UI): an English command name finds it, the list is in Arabic, Enter runs it', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    await switchToArabic(page);
    await caretInFirstRow(page);
    await page.keyboard.press('Control+Shift+P');
    await page.locator('dialog[data-dialog="palette"]').waitFor();
    assert.match((await page.locator('dialog[data-dialog="palette"] .dialog-title').textContent()) ?? '', /لوحة الأوامر/);
    await page.keyboard.press('Escape');
    await page.locator('dialog[data-dialog="palette"]').waitFor({ state: 'detached' });
    await paletteMerges(page, 'merge row down');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('right-click on a misspelt English word: the spelling suggestions first, the commands below them', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    await page.waitForSelector('.muwazi-editor[data-spell="ready"]', { timeout: 30_000 });
    await caretInFirstRow(page);
    await page.keyboard.type(' They recieve it');
    const word = page.locator('.muwazi-editor .spell-error', { hasText: 'recieve' });
    await word.waitFor({ timeout: 30_000 });
    await word.click({ button: 'right' });
    const menu = page.locator('.spell-menu[role="menu"]');
    await menu.waitFor();
    const order = await menu.locator('.menu-item').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.suggestion ? 'suggestion' : (el as HTMLElement).dataset.command ?? (el as HTMLElement).dataset.action));
    assert.equal(order[0], 'suggestion');
    assert.ok(order.indexOf('splitRow') > order.indexOf('ignore'), order.join(' '));
    // only one menu: the command menu did not open over it
    assert.equal(await page.locator('.context-menu').count(), 0);
    // a command chosen from it runs on the word's row
    const before = await rows(page);
    await menu.locator('.menu-item[data-command="mergeRowNext"]').click();
    await waitRows(page, before - 1);
    await editorFocused(page);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
