// Page helpers for the app shell's end-to-end tests (tests/e2e/app-*.test.ts).
import type { Page } from 'playwright-core';

/** Opens the first report in the sidebar and waits for its editor; returns its file name. */
export async function openFirstReport(page: Page): Promise<string> {
  const button = page.locator('button.report').first();
  const name = (await button.getAttribute('data-name'))!;
  await button.click();
  await page.waitForSelector('.editor-area[data-report-state="open"] .muwazi-editor .row');
  return name;
}

/** Puts the caret at the end of the first row's English and types. */
export async function typeInFirstTarget(page: Page, text: string): Promise<void> {
  await page.locator('.muwazi-editor .tgt').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await page.waitForSelector('.status-save:is([data-state="unsaved"], [data-state="saving"], [data-state="saved"])');
}
