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

/**
 * Starts recording every save state the status bar shows (a MutationObserver in the page), so a test
 * can assert that an edit was shown as unsaved even when a loaded machine's autosave has already
 * saved it by the time the test looks. Returns a reader of the states seen since the call.
 */
export async function recordSaveStates(page: Page): Promise<() => Promise<string[]>> {
  const key = `__saveStates${Math.random().toString(36).slice(2)}`;
  await page.evaluate((k) => {
    const el = document.querySelector('.status-save') as HTMLElement;
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[k] = seen;
    new MutationObserver(() => {
      const s = el.dataset.state ?? '';
      if (seen[seen.length - 1] !== s) seen.push(s);
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  }, key);
  return () => page.evaluate((k) => [...(window as unknown as Record<string, string[]>)[k]], key);
}
