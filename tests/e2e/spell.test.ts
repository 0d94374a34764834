// End to end in Chromium: English spell check. A misspelt English word typed in a row is
// underlined once the dictionary is loaded (the editor's data-spell="ready"), an Arabic word never
// is, the word being typed waits for the caret to leave it; right-click → a suggestion replaces it
// and Ctrl+Z restores it; Ctrl+. opens the same menu from the keyboard and Escape gives the
// keyboard back; "Add to project dictionary" writes muwazi.dictionary.txt and the underline goes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { openFirstReport, typeInFirstTarget } from './helpers/app.ts';
import { firstEnglish, waitFirstEnglish } from './helpers/disk.ts';

/** The words underlined in the editor, in order. */
const underlined = (page: Page) => page.locator('.muwazi-editor .spell-error').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
/** Waits until `word` is underlined (or, with present=false, no longer is). */
const waitUnderlined = (page: Page, word: string, present = true) =>
  page.waitForFunction(({ word, present }) => {
    const words = [...document.querySelectorAll('.muwazi-editor .spell-error')].map((e) => e.textContent ?? '');
    return words.includes(word) === present;
  }, { word, present }, { timeout: 30_000 }).catch(async (e: unknown) => {
    throw new Error(`${word} ${present ? '' : 'not '}underlined: underlined ${JSON.stringify(await underlined(page))} (${String(e)})`);
  });

test('spell: misspelt English underlined, Arabic never; suggestion replaces (undoable); add to project dictionary', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openFirstReport(page);
    await page.waitForSelector('.muwazi-editor[data-spell="ready"]', { timeout: 30_000 });
    // the editor's own spellcheck stays off: no double underlines
    assert.equal(await page.locator('.muwazi-editor').getAttribute('spellcheck'), 'false');

    const before = await firstEnglish(page);
    await typeInFirstTarget(page, ' They recieve سراقب wrld');
    await waitUnderlined(page, 'recieve');
    let words = await underlined(page);
    assert.ok(!words.includes('wrld'), 'the word at the caret waits');
    assert.ok(!words.some((w) => /\p{Script=Arabic}/u.test(w)), 'no Arabic underlined');
    assert.equal(await page.locator('.muwazi-editor .src .spell-error').count(), 0, 'nothing in the Arabic cells');
    assert.equal(await page.locator('.muwazi-editor .spell-error', { hasText: 'recieve' }).getAttribute('aria-invalid'), 'spelling');
    // the caret leaves the word: now it is underlined
    await page.keyboard.press('Home');
    await waitUnderlined(page, 'wrld');

    // right-click → suggestions; the first is "receive"; choosing it replaces the word
    await page.locator('.muwazi-editor .spell-error', { hasText: 'recieve' }).click({ button: 'right' });
    const menu = page.locator('.spell-menu[role="menu"]');
    await menu.waitFor();
    const suggestions = await menu.locator('[data-suggestion]').evaluateAll((els) => els.map((x) => x.getAttribute('data-suggestion')));
    assert.ok(suggestions.includes('receive'), JSON.stringify(suggestions));
    assert.ok(suggestions.length <= 6);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'menuitem', 'focus in the menu');
    await menu.locator('[data-suggestion="receive"]').click();
    await menu.waitFor({ state: 'detached' });
    await waitFirstEnglish(page, `${before} They receive سراقب wrld`);
    await page.waitForFunction(() => document.activeElement?.classList.contains('muwazi-editor') === true);
    words = await underlined(page);
    assert.ok(!words.includes('recieve') && !words.includes('receive'));
    // one undo step brings the misspelling back
    await page.keyboard.press('Control+z');
    await waitFirstEnglish(page, `${before} They recieve سراقب wrld`);
    await page.keyboard.press('Control+y');
    await waitFirstEnglish(page, `${before} They receive سراقب wrld`);

    // the keyboard: Ctrl+. goes to the next misspelling and opens the menu there; Escape returns
    await page.locator('.muwazi-editor .tgt').first().click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+.');
    await menu.waitFor();
    assert.match((await menu.locator('.spell-menu-word').textContent()) ?? '', /wrld/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.classList.contains('muwazi-editor') === true);

    // Add to project dictionary: the file is written, the underline goes
    await page.keyboard.press('Control+.');
    await menu.waitFor();
    await menu.locator('[data-action="add"]').click();
    await waitUnderlined(page, 'wrld', false);
    const file = join(e.workspace, 'muwazi.dictionary.txt');
    assert.equal(await readFile(file, 'utf8'), 'wrld\n');
    // the dictionary is not a report
    assert.equal(await page.locator('button.report[data-name="muwazi.dictionary"]').count(), 0);
    // F1 lists the shortcut
    await page.keyboard.press('F1');
    const kbd = page.locator('dialog[open] kbd', { hasText: 'Ctrl+.' });
    await kbd.waitFor();
    assert.match((await kbd.locator('xpath=ancestor::tr').textContent()) ?? '', /Spelling suggestions/);
    await page.keyboard.press('Escape');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('spell: in the Arabic UI the spelling menu is mirrored and in Arabic; suggestions stay LTR English', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await page.locator('.menubar-item[data-menu="view"]').click();
    await page.locator('[data-command="langAr"]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await openFirstReport(page);
    await page.waitForSelector('.muwazi-editor[data-spell="ready"]', { timeout: 30_000 });
    await typeInFirstTarget(page, ' recieve ');
    await waitUnderlined(page, 'recieve');
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.spell-menu[role="menu"]');
    await menu.waitFor();
    assert.equal(await menu.getAttribute('dir'), 'rtl');
    assert.equal(await menu.locator('[data-action="add"]').textContent(), 'أضف إلى قاموس المشروع');
    const first = menu.locator('[data-suggestion]').first();
    assert.equal(await first.getAttribute('dir'), 'ltr');
    assert.equal(await first.getAttribute('lang'), 'en');
    // the ignore choice: gone for this session, nothing written
    await menu.locator('[data-action="ignore"]').click();
    await waitUnderlined(page, 'recieve', false);
    await assert.rejects(readFile(join(e.workspace, 'muwazi.dictionary.txt')), /ENOENT/);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('spell: an unreadable project dictionary is reported above the editor; spell check goes on without it', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    // Latin-1 bytes: not UTF-8
    await writeFile(join(e.workspace, 'muwazi.dictionary.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await openFirstReport(page);
    const notice = page.locator('[data-spell-notice]');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /muwazi\.dictionary\.txt.*not UTF-8/);
    await page.waitForSelector('.muwazi-editor[data-spell="ready"]', { timeout: 30_000 });
    await typeInFirstTarget(page, ' recieve ');
    await waitUnderlined(page, 'recieve');
    // adding a word does not overwrite the file it could not read
    await page.locator('.muwazi-editor .spell-error', { hasText: 'recieve' }).click({ button: 'right' });
    await page.locator('.spell-menu [data-action="add"]').click();
    await page.waitForFunction(() => /could not be added/.test(document.querySelector('[data-spell-notice]')?.textContent ?? ''));
    assert.deepEqual(await readFile(join(e.workspace, 'muwazi.dictionary.txt')), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
