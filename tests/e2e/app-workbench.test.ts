// End to end in Chromium (issue 11, the translator's workbench): a report's first two rows get
// English and are saved (the project memory takes them in); a new report holding the same first
// sentence and the second one with a word dropped is opened; the caret in its second row → the
// matches pane shows the near match with its difference marked → Ctrl+1 inserts it → Ctrl+Z takes
// it back; Edit → Fill Exact Matches fills the first row (status auto); Ctrl+Shift+C, a word of
// the first report's English, Enter → that report opens with the row's English selected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { openReportAt } from './helpers/disk.ts';
import { clickEnglishOfRow, editorSelected, probeSelection } from './helpers/app.ts';

const EN0 = 'The regime starts a ground offensive in Idlib.';
const EN1 = 'The Observatory confirmed a Zanzibarian toll in the Idlib countryside.';

/** The Arabic of row `i` of the open report (its sentences joined with a space). */
function rowArabic(page: Page, i: number): Promise<string> {
  return page.locator('.muwazi-editor .row').nth(i).locator('.src').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' '));
}

function waitRowEnglish(page: Page, i: number, text: string): Promise<unknown> {
  return page.waitForFunction(([n, t]) => {
    const row = document.querySelectorAll('.muwazi-editor .row')[n as number];
    return !!row && [...row.querySelectorAll('.tgt')].map((e) => e.textContent).join(' ') === t;
  }, [i, text] as const);
}

async function typeInRow(page: Page, i: number, text: string): Promise<void> {
  await clickEnglishOfRow(page, i);
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await waitRowEnglish(page, i, text);
}

test('workbench: matches pane, Ctrl+1 then undo, Fill Exact Matches, concordance opens a report at the row', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    await openReportAt(page, 0);
    const pathA = (await page.locator('.editor-area').getAttribute('data-report'))!;
    const ar0 = await rowArabic(page, 0);
    const ar1 = await rowArabic(page, 1);
    const words = ar1.split(' ');
    assert.ok(words.length >= 6, ar1);
    await typeInRow(page, 0, EN0);
    await typeInRow(page, 1, EN1);
    const unitA1 = (await page.locator('.muwazi-editor .row').nth(1).getAttribute('data-id'))!;
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');

    // report B: the same first sentence, the second with one word dropped (the sidebar picks it up)
    const near = [...words.slice(0, 2), ...words.slice(3)].join(' ');
    const pathB = join(workspace, 'zz-workbench.txt');
    await writeFile(pathB, `${ar0}\n\n${near}\n`);
    await page.waitForSelector(`button.report[data-path="${pathB}"]`);
    await openReportAt(page, (await page.locator('button.report').count()) - 1);
    assert.equal(await page.locator('.editor-area').getAttribute('data-report'), pathB);
    assert.equal(await rowArabic(page, 0), ar0);
    assert.equal(await rowArabic(page, 1), near);

    // caret into row 1 → the pane shows the near match, its dropped word marked
    const rowB1 = page.locator('.muwazi-editor .row').nth(1);
    const unitB1 = (await rowB1.getAttribute('data-id'))!;
    await rowB1.locator('.tgt').first().click();
    const pane = page.locator('.tm-pane');
    await page.waitForFunction((u) => {
      const p = document.querySelector<HTMLElement>('.tm-pane');
      return p?.dataset.row === u && p.dataset.state === 'matches' && Number(p.dataset.matches) >= 1;
    }, unitB1);
    const first = pane.locator('.tm-match[data-n="1"]');
    assert.equal(await first.locator('.tm-en').textContent(), EN1);
    const percent = (await first.locator('.tm-score').textContent())!;
    assert.match(percent, /^\d{1,2}%$/, 'a near match: below 100%');
    assert.equal(await first.locator('del.tm-del').count(), 1, 'the word only in the match is marked');
    assert.equal((await first.locator('del.tm-del').textContent())!.includes(words[2]), true);
    assert.match((await first.locator('del.tm-del .visually-hidden').textContent())!, /only in the match/);
    assert.match((await pane.locator('[data-tm="announce"]').textContent())!, new RegExp(`match(es)?, best ${percent}$`));
    assert.match((await first.locator('button[data-action="insert"]').getAttribute('aria-label'))!, /Ctrl\+1/);

    // Ctrl+1 inserts it (status draft), Ctrl+Z takes it back in one step
    await page.keyboard.press('Control+1');
    await waitRowEnglish(page, 1, EN1);
    assert.equal(await rowB1.getAttribute('data-status'), 'draft');
    await page.keyboard.press('Control+z');
    await waitRowEnglish(page, 1, '');
    assert.equal(await rowB1.getAttribute('data-status'), 'auto');
    // the Insert button does the same and hands the keyboard back to the editor
    await first.locator('button[data-action="insert"]').click();
    await waitRowEnglish(page, 1, EN1);
    await page.waitForFunction(() => document.activeElement?.classList.contains('muwazi-editor') === true);
    await page.keyboard.press('Control+z');
    await waitRowEnglish(page, 1, '');

    // Edit → Fill Exact Matches: row 0 (the same sentence) is filled, status auto; row 1 is not
    await page.locator('.menubar-item[data-menu="edit"]').click();
    await page.locator('.menu-item[data-command="fillExactMatches"]').click();
    await page.waitForSelector('.notice-area [data-filled="1"]');
    assert.equal(await page.locator('.notice-area [data-filled]').textContent(), '1 row filled from the memory.');
    await waitRowEnglish(page, 0, EN0);
    assert.equal(await page.locator('.muwazi-editor .row').nth(0).getAttribute('data-status'), 'auto');
    assert.equal(await rowB1.locator('.tgt').first().textContent(), '');
    // one undo step takes the fill back
    await clickEnglishOfRow(page, 1);
    await page.keyboard.press('Control+z');
    await waitRowEnglish(page, 0, '');
    await page.keyboard.press('Control+y');
    await waitRowEnglish(page, 0, EN0);

    // Ctrl+Shift+C starts with the selected word; then a word of report A's English; Enter on the
    // hit opens A at row 1
    await probeSelection(page);
    await page.evaluate(() => {
      const text = document.querySelectorAll('.muwazi-editor .row')[0].querySelector('.tgt')!.firstChild!;
      const at = text.textContent!.indexOf('regime');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'regime'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await editorSelected(page, 'regime');
    await page.keyboard.press('Control+Shift+C');
    const dlg = page.locator('dialog[data-dialog="concordance"]');
    await dlg.waitFor();
    const field = dlg.locator('input[data-cc="term"]');
    assert.equal(await field.inputValue(), 'regime');
    assert.equal(await field.evaluate((el) => el === document.activeElement), true);
    await page.waitForFunction(() => {
      const r = document.querySelector<HTMLElement>('[data-cc="results"]');
      return r?.dataset.state === 'done' && r.dataset.term === 'regime';
    });
    await field.fill('zanzibarian');
    await page.waitForFunction(() => {
      const r = document.querySelector<HTMLElement>('[data-cc="results"]');
      return r?.dataset.state === 'done' && r.dataset.term === 'zanzibarian' && r.dataset.hits === '1';
    });
    const hit = dlg.locator('button.cc-hit').first();
    assert.equal(await hit.getAttribute('data-side'), 'en');
    assert.equal(await hit.getAttribute('data-row'), '1');
    assert.equal(await hit.locator('.cc-en mark').textContent(), 'Zanzibarian');
    assert.equal(await hit.locator('.cc-ar').textContent(), ar1);
    await page.keyboard.press('ArrowDown');
    assert.equal(await hit.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Enter');
    await dlg.waitFor({ state: 'detached' });
    await page.waitForFunction((p) => {
      const main = document.querySelector<HTMLElement>('.editor-area');
      return main?.dataset.report === p && main.dataset.reportState === 'open';
    }, pathA);
    // the caret is in that row's English, ready to type (a selection there would be replaced by typing)
    await page.waitForFunction((u) => {
      const n = window.getSelection()?.focusNode;
      const el = n instanceof Element ? n : n?.parentElement;
      return !!el?.closest('.tgt') && el.closest('.row')?.getAttribute('data-id') === u;
    }, unitA1);
    await page.waitForFunction((u) => document.querySelector<HTMLElement>('.tm-pane')?.dataset.row === u, unitA1);

    // the Arabic UI: the pane is drawn again, mirrored, with Arabic-Indic digits
    await page.locator('.menubar-item[data-menu="view"]').click();
    await page.locator('.menu-item[data-command="langAr"]').click();
    await page.waitForFunction(() => document.querySelector('.tm-pane-title')?.textContent === 'ذاكرة الترجمة');
    assert.equal(await pane.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await page.locator('.muwazi-editor .row').nth(0).locator('.tgt').first().click();
    await page.waitForFunction((u) => {
      const p = document.querySelector<HTMLElement>('.tm-pane');
      return p?.dataset.row === u && p.dataset.state === 'matches';
    }, (await page.locator('.muwazi-editor .row').nth(0).getAttribute('data-id'))!);
    // report A's row 0 is in report B (filled, maybe autosaved) or not: either way the pane answered
    const scores = await pane.locator('.tm-score').allTextContents();
    for (const sc of scores) assert.match(sc, /^[٠-٩]+٪/u);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
