// End to end in Chromium: the QA panel (issue 12). A wrong number typed into a row's English shows
// up in the panel, F8 jumps to the row, fixing it clears the finding; Ignore is saved in the sidecar
// and survives a reload; the Arabic UI mirrors the panel; the export dialog counts open QA errors;
// Project Settings switch a check off in the open editor at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startE2E, waitReady } from './helpers/server.ts';
import { openReportAt, sidecarFile } from './helpers/disk.ts';
import { clickEnglishOfRow } from './helpers/app.ts';

/** Index, unit id and Arabic of the first row whose Arabic holds the number `n` (Western digits). */
async function rowWith(page: Page, n: string): Promise<{ index: number; unit: string; ar: string }> {
  return page.evaluate((num) => {
    const rows = [...document.querySelectorAll<HTMLElement>('.muwazi-editor .row')];
    const index = rows.findIndex((r) => new RegExp(`(^|[^0-9])${num}([^0-9]|$)`).test(r.querySelector('.cell-src')?.textContent ?? ''));
    return { index, unit: rows[index]?.dataset.id ?? '', ar: rows[index]?.querySelector('.cell-src')?.textContent ?? '' };
  }, n);
}

/** Types `text` as the English of row `index` (replacing what is there). */
async function setEnglish(page: Page, index: number, text: string): Promise<void> {
  await clickEnglishOfRow(page, index);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
  await page.waitForFunction(({ i, t }) => document.querySelectorAll('.muwazi-editor .row')[i]?.querySelector('.tgt')?.textContent === t, { i: index, t: text });
}

/** Switches a check off through File → Project Settings… (the open editor takes it at once). */
async function switchOff(page: Page, check: string): Promise<void> {
  await page.locator('.menubar-item[data-menu="file"]').click();
  await page.locator('.menu-item[data-command="settings"]').click();
  const dlg = page.locator('dialog[data-dialog="settings"]');
  await dlg.waitFor();
  const box = dlg.locator(`input[data-qa-check="${check}"]`);
  assert.equal(await box.isChecked(), true, 'checks are on by default');
  await box.uncheck();
  await dlg.locator('[data-action="save"]').click();
  await dlg.waitFor({ state: 'detached' });
}

/** The numbers of an Arabic text in Western digits, in order. */
function numbersOf(ar: string): string[] {
  return (ar.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).match(/\d+/g) ?? []);
}

const openCount = (page: Page) => page.locator('.qa-panel').getAttribute('data-qa-count');

test('QA: a wrong number shows in the panel, F8 jumps to it, fixing clears it; ignore survives save and reload', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    const name = await openReportAt(page, 0);
    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('F9');
    await page.locator('.qa-panel:not([hidden])').waitFor();
    // untranslated rows are findings too: switch that check off so the row typed into is the only one
    const before = Number(await openCount(page));
    assert.ok(before > 0, 'a fresh report has untranslated rows');
    await switchOff(page, 'untranslated');
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('.qa-panel')!.dataset.qaCount) < n, before);
    await page.waitForFunction(() => !document.querySelector('.qa-panel .qa-item[data-check="untranslated"]'));

    const row = await rowWith(page, '67');
    assert.ok(row.index > 0, 'sample 000 has 67 in its Arabic');
    const nums = numbersOf(row.ar);
    const right = `The toll was ${nums.join(', ')}.`;
    const wrong = `The toll was ${nums.map((n) => (n === '67' ? '76' : n)).join(', ')}.`;
    await setEnglish(page, row.index, wrong);
    const finding = page.locator(`.qa-panel .qa-item[data-check="number-mismatch"][data-unit="${row.unit}"]`);
    await finding.first().waitFor();
    assert.match(await finding.first().innerText(), /67|76/);
    assert.match(await page.locator('.qa-panel-count').innerText(), /^\d+ findings?$/);

    // F8 from the first row stops at the row with the finding (Shift+Tab, an editor command, moves
    // the caret up without a click whose selection the editor reads later)
    const toFirstRow = async () => {
      for (let i = 0; i < row.index; i++) await page.keyboard.press('Shift+Tab');
      await page.waitForFunction((u) => {
        const n = document.getSelection()?.anchorNode;
        const el = n instanceof Element ? n : n?.parentElement;
        return el?.closest<HTMLElement>('.row')?.dataset.id === u;
      }, await page.locator('.muwazi-editor .row').first().getAttribute('data-id'));
    };
    const caretAt = (u: string) => page.waitForFunction((id) => {
      const n = document.getSelection()?.anchorNode;
      const el = n instanceof Element ? n : n?.parentElement;
      return el?.closest<HTMLElement>('.row')?.dataset.id === id;
    }, u);
    await toFirstRow();
    await page.keyboard.press('F8');
    await caretAt(row.unit);

    // Enter on a finding in the panel jumps too (and hands the keyboard to the editor)
    await toFirstRow();
    await finding.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('muwazi-editor') === true);
    await caretAt(row.unit);

    // fixed: the finding goes
    await setEnglish(page, row.index, right);
    await finding.first().waitFor({ state: 'detached' });

    // wrong again, then Ignore: gone from the open list, kept on disk, back after a reload
    await setEnglish(page, row.index, wrong);
    await finding.first().waitFor();
    await page.locator(`.qa-panel li.qa-entry:has(.qa-item[data-check="number-mismatch"][data-unit="${row.unit}"]) button[data-action="ignore"]`).first().click();
    await finding.first().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    const sidecar = JSON.parse(await readFile(sidecarFile(e.workspace, name), 'utf8')) as { units: Array<{ id: string; qaIgnore?: string[] }> };
    assert.deepEqual(sidecar.units.find((u) => u.id === row.unit)?.qaIgnore, ['number-mismatch']);
    assert.equal(sidecar.units.filter((u) => u.qaIgnore).length, 1, 'only that row carries an ignore');

    await page.reload();
    await waitReady(page);
    await openReportAt(page, 0);
    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('F9');
    await page.locator('.qa-panel:not([hidden])').waitFor();
    assert.equal(await finding.count(), 0, 'still ignored after the reload');
    await page.locator('.qa-panel input[data-action="show-ignored"]').check();
    await finding.first().waitFor();
    // un-ignore from the ignored list: the finding is open again
    await page.locator('.qa-panel button[data-action="unignore"]').first().click();
    await page.locator('.qa-panel input[data-action="show-ignored"]').uncheck();
    await finding.first().waitFor();
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('QA: the export dialog shows the open QA errors of its scope and offers to review them first', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    const row = await rowWith(page, '67');
    const nums = numbersOf(row.ar);
    await setEnglish(page, row.index, `The toll was ${nums.map((n) => (n === '67' ? '76' : n)).join(', ')}.`);
    await page.keyboard.press('Control+e');
    const dlg = page.locator('dialog[data-dialog="export"]');
    await dlg.waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-export-qa]')?.dataset.qaState === 'done');
    const errors = Number(await dlg.locator('[data-export-qa]').getAttribute('data-qa-errors'));
    assert.ok(errors >= 1, `open errors: ${errors}`);
    assert.match(await dlg.locator('.export-qa-text').innerText(), /QA errors? (is|are) open in this report/);
    // Review QA first: the dialog closes and the panel opens with the focus on a finding
    await dlg.locator('[data-action="review-qa"]').click();
    await dlg.waitFor({ state: 'detached' });
    await page.locator('.qa-panel:not([hidden])').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('.qa-panel') !== null);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('QA: the Arabic UI shows the panel mirrored with Arabic strings', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await openReportAt(page, 0);
    await page.locator('.menubar-item[data-menu="view"]').click();
    await page.locator('.menu-item[data-command="langAr"]').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('F9');
    const panel = page.locator('.qa-panel:not([hidden])');
    await panel.waitFor();
    assert.equal(await panel.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    assert.equal(await panel.locator('.qa-panel-title').innerText(), 'ضبط الجودة');
    // Arabic plural and Arabic-Indic digits in the count; Arabic check names
    assert.match(await panel.locator('.qa-panel-count').innerText(), /ملاحظ/);
    assert.doesNotMatch(await panel.locator('.qa-panel-count').innerText(), /[0-9]/);
    assert.match(await panel.locator('.qa-group-title').first().innerText(), /[\u0600-\u06FF]/);
    // the row label sits on the right of its line (start side in RTL)
    const item = panel.locator('.qa-item').first();
    const [box, rowBox] = [await item.boundingBox(), await item.locator('.qa-row').boundingBox()];
    assert.ok(rowBox!.x + rowBox!.width > box!.x + box!.width / 2, 'the row number starts on the right');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('QA: File → QA Report… counts the folder per check and per report, exports HTML and JSON, opens a report at a row', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    const name = await openReportAt(page, 0);
    const row = await rowWith(page, '67');
    const nums = numbersOf(row.ar);
    await setEnglish(page, row.index, `The toll was ${nums.map((n) => (n === '67' ? '76' : n)).join(', ')}.`);
    await page.locator('.menubar-item[data-menu="file"]').click();
    await page.locator('.menu-item[data-command="qaReport"]').click();
    const dlg = page.locator('dialog[data-dialog="qa-report"]');
    await dlg.waitFor();
    // the open report is saved first: the folder run sees the wrong number
    await page.waitForFunction(() => document.querySelector<HTMLElement>('dialog[data-dialog="qa-report"]')?.dataset.qaState === 'done');
    assert.ok(Number(await dlg.getAttribute('data-errors')) >= 1);
    assert.equal(await dlg.locator('.qa-report-checks tr[data-check="number-mismatch"]').count(), 1);
    // only reports with a sidecar are checked: the one just saved; the four others are not started
    assert.equal(await dlg.locator(`.qa-report-file[data-file="${name}.txt"]`).count(), 1);
    assert.equal(await dlg.locator('[data-not-started]').getAttribute('data-not-started'), '4');

    for (const format of ['html', 'json'] as const) {
      await dlg.locator(`[data-action="${format}"]`).click();
      await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('dialog[data-dialog="qa-report"]')?.dataset.exportState ?? ''));
      assert.equal(await dlg.getAttribute('data-export-state'), 'done', await dlg.locator('.qa-report-exported').innerText());
      const path = (await dlg.locator('.qa-report-exported').getAttribute('data-path'))!;
      assert.ok(path.endsWith(`/export/qa-report.${format}`), path);
      const text = await readFile(path, 'utf8');
      if (format === 'json') assert.ok(JSON.stringify(JSON.parse(text)).includes('number-mismatch'));
      else assert.match(text, /dir="rtl"/);
      await page.evaluate(() => delete document.querySelector<HTMLElement>('dialog[data-dialog="qa-report"]')!.dataset.exportState);
    }

    // a finding of the list: its report (open here) gets the caret in that row
    const file = dlg.locator(`.qa-report-file[data-file="${name}.txt"]`);
    await file.locator('summary').click();
    const item = file.locator(`.qa-item[data-check="number-mismatch"]`).first();
    const targetRow = Number(await item.getAttribute('data-row'));
    assert.equal(targetRow, row.index);
    await item.click();
    await dlg.waitFor({ state: 'detached' });
    await page.waitForFunction((r) => {
      const rows = [...document.querySelectorAll('.muwazi-editor .row')];
      const n = document.getSelection()?.anchorNode;
      const el = n instanceof Element ? n : n?.parentElement;
      const at = el?.closest('.row');
      return !!at && rows.indexOf(at) === r;
    }, targetRow);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
