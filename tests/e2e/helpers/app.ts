// Page helpers for the app shell's end-to-end tests (tests/e2e/app-*.test.ts).
import type { Page } from 'playwright-core';
import { openReportAt } from './disk.ts';

/** Opens the first report in the sidebar and waits for its editor; returns its file name. */
export function openFirstReport(page: Page): Promise<string> {
  return openReportAt(page, 0);
}

/** Puts the caret at the end of the first row's English and types. */
export async function typeInFirstTarget(page: Page, text: string): Promise<void> {
  await page.locator('.muwazi-editor .tgt').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await page.waitForSelector('.status-save:is([data-state="unsaved"], [data-state="saving"], [data-state="saved"])');
}
