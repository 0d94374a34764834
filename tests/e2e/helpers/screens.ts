// A walk through every screen and dialog of the app, for the checks that must hold on all of them
// (tests/e2e/a11y.test.ts runs axe-core at each stop, tests/e2e/arabic-ui.test.ts looks for English
// left in the Arabic UI). The walk opens a report, tags a name (so the entity panel lists a chip),
// types a misspelling (for the spell menu), then opens each panel and dialog in turn, calls
// `visit(name, page)` while it is shown, and closes it again. The conflict and recovery dialogs come
// last: they need the disk changed under the app, and a crashed page (whose fresh successor also
// shows the window with no report open).
import type { Page, Route } from 'playwright-core';
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { openFirstReport, selectArabic, typeInFirstTarget } from './app.ts';
import { holdSaves, pullTheirs, waitForJournal } from './disk.ts';
import { waitReady, type E2E } from './server.ts';

/** Called at each stop of the walk, while the screen `name` is shown on `page`. */
export type Visit = (name: string, page: Page) => Promise<void>;

/** A name of the first sample report, tagged LOC so the entity panel shows a chip. */
const NAME = 'إدلب';

/** Switches the UI to Arabic through View → Language. */
export async function switchToArabic(page: Page): Promise<void> {
  await page.locator('.menubar-item[data-menu="view"]').click();
  await page.locator('.menu-item[data-command="langAr"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
}

/** Runs a menu command with the mouse (menu id, command id). */
async function menu(page: Page, id: string, command: string): Promise<void> {
  await page.locator(`.menubar-item[data-menu="${id}"]`).click();
  await page.locator(`.menu-item[data-command="${command}"]`).click();
}

/** Selects the first occurrence of `name` in the Arabic cells (with any clitic glued to it) and presses `key`. */
async function tagInArabic(page: Page, name: string, key: string): Promise<void> {
  await selectArabic(page, name, { wholeWord: true });
  await page.keyboard.press(key);
  await page.waitForSelector('.ent-panel .ent-panel-item .ent-chip');
}

/** Opens a dialog with `open`, visits it, closes it with Escape. */
async function dialog(page: Page, visit: Visit, name: string, open: () => Promise<void>): Promise<void> {
  await open();
  const dlg = page.locator(`dialog[data-dialog="${name}"]`);
  await dlg.waitFor();
  await visit(`dialog ${name}`, page);
  // Escape from a search field would clear the field first: leave the field, then Escape cancels
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await dlg.waitFor({ state: 'detached' });
}

/** Every save fails (so the edits stay in the journal only). */
const failSaves = (r: Route) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, code: 'disk-full', message: 'Simulated: no space left.' }) });

/**
 * Walks every screen and dialog of `e`. With `arabic`, the UI is switched to Arabic once the report
 * is open, a name tagged and an unsaved edit journaled — the way a user switches mid-work, so
 * whatever was drawn in English before the switch must relabel itself (the choice is kept for the
 * new page of the recovery step).
 */
export async function walkScreens(e: E2E, visit: Visit, o: { arabic?: boolean } = {}): Promise<void> {
  let page = e.page;
  const name = await openFirstReport(page);
  await tagInArabic(page, NAME, 'l');
  await page.waitForSelector('.muwazi-editor[data-spell="ready"]', { timeout: 30_000 });
  // saves held: the edit stays unsaved (journaled, with the status bar's tooltip) while the main window is checked
  const held = await holdSaves(page);
  await typeInFirstTarget(page, ' They recieve it');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => [...document.querySelectorAll('.muwazi-editor .spell-error')].some((x) => x.textContent === 'recieve'), undefined, { timeout: 30_000 });
  await page.waitForSelector('.status-save[data-journal]');
  if (o.arabic) await switchToArabic(page);
  // the main window: sidebar, menu bar, editor, matches pane, entity panel, status bar
  await page.waitForSelector('.tm-pane');
  await visit('main window (report open, entity panel, matches pane)', page);
  held.release();
  await held.stop();

  for (const id of ['file', 'edit', 'view', 'row', 'entities', 'help']) {
    await page.locator(`.menubar-item[data-menu="${id}"]`).click();
    await page.waitForSelector(`.menubar-item[data-menu="${id}"][aria-expanded="true"] + .menu:not([hidden])`);
    await visit(`menu ${id} (open)`, page);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.menu:not([hidden])', { state: 'detached' }); // no menu open any more
  }

  await page.locator('.muwazi-editor .tgt').first().click();
  await page.keyboard.press('F9');
  await page.waitForSelector('.qa-panel:not([hidden])');
  await visit('QA panel (F9)', page);
  await page.keyboard.press('F9');
  await page.waitForSelector('.qa-panel[hidden]', { state: 'attached' });

  // review mode (View → Review Mode): the panel with the caret row's changes and the comment box
  await page.locator('.muwazi-editor .tgt').first().click();
  await menu(page, 'view', 'reviewMode');
  await page.waitForSelector('.review-panel:not([hidden]) .review-row-title');
  await visit('review panel (View → Review Mode)', page);
  // curation against a second copy of the report (its source only: the LOC tag above differs)
  const src = (await page.locator('.editor-area').getAttribute('data-report'))!;
  // an Arabic folder name: the Arabic UI audit flags Latin words it does not know
  const other = join(dirname(e.workspace), 'نسخة-ثانية');
  await mkdir(other, { recursive: true });
  await copyFile(src, join(other, basename(src)));
  await page.locator('.review-panel button[data-action="curate"]').click();
  const ask = page.locator('dialog[data-dialog="open-folder"]');
  await ask.waitFor();
  await ask.locator('input[name="path"]').fill(other);
  await ask.locator('button[data-action="open"]').click();
  await dialog(page, visit, 'curation', () => page.locator('dialog[data-dialog="curation"] .curation-item').first().waitFor());
  await menu(page, 'view', 'reviewMode');
  await page.waitForSelector('.review-panel[hidden]', { state: 'attached' });

  await page.locator('.muwazi-editor .tgt').first().click();
  await page.keyboard.press('Control+f');
  await page.waitForSelector('.find-bar:not([hidden])');
  await page.keyboard.type('the');
  await page.waitForFunction(() => (document.querySelector('.find-count')?.textContent ?? '') !== '');
  await visit('find bar (Ctrl+F)', page);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.find-bar[hidden]', { state: 'attached' });

  await page.locator('.muwazi-editor .tgt').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.spell-menu[role="menu"]');
  await visit('spell menu (Ctrl+.)', page);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.spell-menu', { state: 'detached' });

  // the context menu on the tagged name (its commands, then the row's), and the command palette
  await page.locator('.muwazi-editor .ent').first().click({ button: 'right' });
  await page.waitForSelector('.context-menu[role="menu"]');
  await visit('context menu (right-click on a mention)', page);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.context-menu', { state: 'detached' });
  await page.locator('.muwazi-editor .tgt').first().click();
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('dialog[data-dialog="palette"] .palette-option[aria-selected="true"]');
  await visit('command palette (Ctrl+Shift+P)', page);
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog[data-dialog="palette"]', { state: 'detached' });

  await dialog(page, visit, 'shortcuts', () => page.keyboard.press('F1'));
  await dialog(page, visit, 'export', () => menu(page, 'file', 'export'));
  await dialog(page, visit, 'import', () => menu(page, 'file', 'importTranslation'));
  await dialog(page, visit, 'memory', () => menu(page, 'file', 'importMemory'));
  await dialog(page, visit, 'qa-report', () => menu(page, 'file', 'qaReport'));
  await dialog(page, visit, 'settings', () => menu(page, 'file', 'settings'));
  await dialog(page, visit, 'open-recent', () => menu(page, 'file', 'openRecent'));
  await dialog(page, visit, 'open-folder', () => menu(page, 'file', 'openFolder'));
  await dialog(page, visit, 'glossary', () => menu(page, 'edit', 'glossary'));
  // Tag all occurrences in project…: visited once its preview is listed (the open report, the reports not started)
  await dialog(page, async (screen, p) => {
    await p.waitForSelector('dialog[data-dialog="project-tag-all"][data-state="ready"]');
    await visit(`${screen} (preview)`, p);
  }, 'project-tag-all', () => menu(page, 'entities', 'tagAllInProject'));
  await dialog(page, visit, 'concordance', () => menu(page, 'edit', 'concordance'));
  await dialog(page, visit, 'about', () => menu(page, 'help', 'about'));

  // conflict: the sidecar is rewritten on disk (a git pull) under an unsaved edit
  await page.keyboard.press('Control+s');
  await page.waitForSelector('.status-save[data-state="saved"]');
  const hold = await holdSaves(page);
  await page.locator('.muwazi-editor .tgt').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' mine');
  await pullTheirs(e.workspace, name, 'Theirs from git');
  hold.release();
  const conflict = page.locator('dialog[data-dialog="conflict"]');
  await conflict.waitFor();
  await visit('dialog conflict', page);
  await conflict.locator('button[data-action="mine"]').click();
  await conflict.waitFor({ state: 'detached' });
  await hold.stop();
  await page.waitForSelector('.status-save[data-state="saved"]');

  // an English translation imported: the dialog's result, then the rows the aligner is unsure about
  // (tinted and marked) with the review bar
  await menu(page, 'file', 'importTranslation');
  const imp = page.locator('dialog[data-dialog="import"]');
  await imp.waitFor();
  // English that fits the Arabic badly (short, unrelated sentences), so the aligner is unsure of some rows
  await imp.locator('textarea[name="text"]').fill('Yes. No. Maybe. Perhaps the weather. Indeed it rained.\nThe cat sat on the mat for a very long time indeed, and nobody knew why it would not move at all, ever.');
  await imp.locator('button[data-action="run"]').click();
  await imp.locator('[data-import-done]').waitFor();
  await visit('dialog import (after a run)', page);
  await imp.locator('button[data-action="review"]').click();
  await imp.waitFor({ state: 'detached' });
  await page.waitForSelector('.review-bar:not([hidden])');
  await page.waitForSelector('.muwazi-editor .row.low-confidence');
  await visit('review of low-confidence rows', page);

  // recovery: saves fail, the edit reaches the journal, the page crashes, a new page reopens the report
  await page.route('**/api/saveReport', failSaves);
  const unsaved = 'Kept by the journal';
  await typeInFirstTarget(page, ` ${unsaved}`);
  await waitForJournal(e.dataDir, e.workspace, name, unsaved);
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {}); // never answers: the target dies
  await crashed;
  page = await e.context.newPage();
  await page.goto(e.server.url);
  await waitReady(page);
  // a fresh window: the folder's reports listed, none open yet
  await page.waitForSelector('button.report');
  await visit('main window (no report open)', page);
  await page.locator(`button.report[data-name="${name}"]`).click();
  const recovery = page.locator('dialog[data-dialog="recovery"]');
  await recovery.waitFor();
  await visit('dialog recovery', page);
}
