// Page helpers for the app shell's end-to-end tests (tests/e2e/app-*.test.ts).
import type { Page } from 'playwright-core';
import { openReportAt } from './disk.ts';

/** Opens the first report in the sidebar and waits for its editor; returns its file name. */
export function openFirstReport(page: Page): Promise<string> {
  return openReportAt(page, 0);
}

/**
 * Clicks into row `index`'s first English sentence and waits until the editor has taken the caret
 * there (the status bar names the caret's row in `data-row`), so the keys a test presses next act on
 * that row. On a busy machine an update landing between the click and the browser's selectionchange
 * can put the caret back where it was; the click is then repeated (each attempt ends on the signal).
 */
export async function clickEnglishOfRow(page: Page, index: number): Promise<void> {
  const row = page.locator('.muwazi-editor .row').nth(index);
  const id = await row.getAttribute('data-id');
  for (let attempt = 1; ; attempt++) {
    await row.locator('.tgt').first().click();
    try {
      await page.waitForSelector(`.status-row-status[data-row="${id}"]`, { state: 'attached', timeout: 20_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw new Error(`the caret never reached row ${index} (${id}) after ${attempt} clicks: ${String(e)}`);
    }
  }
}

/** Puts the caret at the end of the first row's English and types. */
export async function typeInFirstTarget(page: Page, text: string): Promise<void> {
  await clickEnglishOfRow(page, 0);
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

type ProbeWindow = { __editorSelection?: string };

/**
 * Starts recording the text of the document's selection on every `selectionchange` event: the
 * event on which ProseMirror reads a selection the user (or a test) made, so once the recorded
 * text is the expected one the editor has the selection too (both listeners run in the same event
 * dispatch, before the next poll). Call it before making the selection; idempotent.
 */
export async function probeSelection(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    if (w.__editorSelection !== undefined) return;
    w.__editorSelection = '';
    document.addEventListener('selectionchange', () => { w.__editorSelection = document.getSelection()?.toString() ?? ''; });
  });
}

/** Waits until the selection taken by the editor (see probeSelection) satisfies `test`, given as
 * 'equal' or 'end' against `text`. */
export async function editorSelected(page: Page, text: string, how: 'equal' | 'end' = 'equal'): Promise<void> {
  await page.waitForFunction(({ text, how }) => {
    const s = (window as unknown as ProbeWindow).__editorSelection ?? '';
    return how === 'equal' ? s === text : s.endsWith(text);
  }, { text, how });
}

/**
 * Selects the first occurrence of `name` in the Arabic cells of the open report (with `wholeWord`,
 * widened leftwards over letters glued to it, i.e. a clitic) and waits until the editor has taken
 * the selection. Throws when the name is not in the report.
 */
export async function selectArabic(page: Page, name: string, opts: { wholeWord?: boolean } = {}): Promise<void> {
  await probeSelection(page);
  const ok = await page.evaluate(({ name, wholeWord }) => {
    for (const p of document.querySelectorAll('.muwazi-editor p.src')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        const i = text.indexOf(name);
        if (i < 0) continue;
        let a = i;
        while (wholeWord && a > 0 && /\p{L}/u.test(text[a - 1])) a--;
        const r = document.createRange();
        r.setStart(n, a);
        r.setEnd(n, i + name.length);
        (p as HTMLElement).scrollIntoView();
        (p.closest('.muwazi-editor') as HTMLElement).focus();
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(r);
        return true;
      }
    }
    return false;
  }, { name, wholeWord: opts.wholeWord ?? false });
  if (!ok) throw new Error(`${name} is not in the open report's Arabic`);
  await editorSelected(page, name, 'end');
}
