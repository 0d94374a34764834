// End to end in Chromium: Edit → Glossary…, add إدلب ↔ Idlib (LOC) with the keyboard, filter with
// another spelling (ادلب), cancel an edit with Esc (the dialog stays), save (muwazi.glossary.tsv on
// disk), export as TSV to a chosen path; the report already open is pre-annotated at once (بإدلب →
// suggestion إدلب), and so is another report opened afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';

const NAME = 'إدلب';

/** Glossary suggestions in the Arabic that cover إدلب glued to the preposition ب (بإدلب). */
async function suggestionsAfterBa(page: Page): Promise<number> {
  return page.evaluate((name) => {
    let n = 0;
    for (const el of document.querySelectorAll('.muwazi-editor p.src .ent-suggest')) {
      if (el.textContent !== name) continue;
      const r = document.createRange();
      r.setStart(el.closest('p.src')!, 0);
      r.setEndBefore(el);
      if (r.toString().endsWith('ب')) n++;
    }
    return n;
  }, NAME);
}

async function openReport(page: Page, prefix: string): Promise<void> {
  await page.locator(`button.report[data-name^="${prefix}"]`).click();
  await page.waitForSelector(`.editor-area[data-report-state="open"][data-report*="${prefix}"] .muwazi-editor .row`);
}

test('glossary panel: add إدلب ↔ Idlib, save, export; the open report and the next one are pre-annotated (بإدلب)', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    // a report containing بإدلب is open before the glossary has any entry: no suggestion yet
    await openReport(page, '000_');
    await page.waitForSelector('.ent-panel');
    assert.equal(await page.locator('.muwazi-editor .ent-suggest').count(), 0);

    // Edit → Glossary…
    await page.locator('.menubar-item[data-menu="edit"]').click();
    await page.locator('.menu-item[data-command="glossary"]').click();
    const dlg = page.locator('dialog[data-dialog="glossary"]');
    await dlg.waitFor();
    assert.equal(await dlg.getAttribute('data-entries'), '0');
    assert.equal(await dlg.locator('td.hint').count(), 1, 'the empty hint');

    // add a row: the Arabic cell is edited at once; Tab keeps and moves on, Enter edits, Enter keeps
    await dlg.locator('button[data-action="add"]').click();
    const editor = dlg.locator('input.gl-edit');
    await editor.waitFor();
    assert.equal(await editor.getAttribute('dir'), 'rtl');
    assert.equal(await editor.getAttribute('lang'), 'ar');
    await page.keyboard.type(NAME);
    await page.keyboard.press('Tab');
    await page.waitForSelector('dialog[data-dialog="glossary"] td[data-col="en"]:focus');
    await page.keyboard.press('Enter');
    assert.equal(await editor.getAttribute('dir'), 'ltr');
    await page.keyboard.type('Idlib');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.type('loc');
    await page.keyboard.press('Enter');
    const row = dlg.locator('tbody tr[data-row-id]');
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('td[data-col="ar"]').innerText(), NAME);
    assert.equal(await row.locator('td[data-col="ar"]').getAttribute('dir'), 'rtl');
    assert.equal(await row.locator('td[data-col="ar"]').getAttribute('lang'), 'ar');
    assert.equal(await row.locator('td[data-col="en"]').innerText(), 'Idlib');
    assert.equal(await row.locator('td[data-col="en"]').getAttribute('dir'), 'ltr');
    assert.equal(await row.locator('td[data-col="type"]').innerText(), 'LOC');
    assert.equal(await dlg.getAttribute('data-dirty'), 'true');

    // Esc cancels a cell edit and leaves the dialog open: ArrowRight twice → note column (type → count → note)
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('dialog[data-dialog="glossary"] td[data-col="note"]:focus');
    await page.keyboard.press('Enter');
    await page.keyboard.type('not kept');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[data-dialog="glossary"] td[data-col="note"]:focus');
    assert.ok(await dlg.isVisible(), 'the dialog stays open');
    assert.equal(await row.locator('td[data-col="note"]').innerText(), '');

    // the filter folds hamza: ادلب finds إدلب; Idlib is found by case-folded English too
    const filter = dlg.locator('input.gl-filter');
    await filter.fill('ادلب');
    assert.equal(await dlg.locator('tbody tr[data-row-id]').count(), 1);
    await filter.fill('IDLIB');
    assert.equal(await dlg.locator('tbody tr[data-row-id]').count(), 1);
    await filter.fill('دمشق');
    assert.equal(await dlg.locator('tbody tr[data-row-id]').count(), 0);
    await filter.fill('');

    // save: muwazi.glossary.tsv on disk
    await dlg.locator('button[data-action="save"]').click();
    await page.waitForSelector('dialog[data-dialog="glossary"][data-saved="true"][data-dirty="false"]');
    assert.equal(await readFile(join(e.workspace, 'muwazi.glossary.tsv'), 'utf8'), `ar\ten\ttype\tcount\tnote\n${NAME}\tIdlib\tLOC\t0\t\n`);

    // export as TSV to a chosen path inside the folder (a new sub-folder)
    const out = join(e.workspace, 'exports', 'مسرد.tsv');
    await dlg.locator('input[name="out"]').fill(out);
    await dlg.locator('button[data-action="export"]').click();
    await page.waitForSelector('dialog[data-dialog="glossary"][data-exported="true"]');
    assert.equal(await readFile(out, 'utf8'), `ar\ten\ttype\tcount\tnote\n${NAME}\tIdlib\tLOC\t0\t\n`);
    // a path outside the folder is refused with a message
    await dlg.locator('input[name="out"]').fill('/tmp/outside-muwazi.tsv');
    await dlg.locator('button[data-action="export"]').click();
    await page.waitForSelector('dialog[data-dialog="glossary"][data-exported="false"]');

    // close (saved: no question asked)
    await page.keyboard.press('Escape');
    await dlg.waitFor({ state: 'detached' });

    // the open report got the suggestion at once, for the name glued to ب
    await page.locator('.muwazi-editor p.src .ent-suggest').first().waitFor();
    assert.ok((await suggestionsAfterBa(page)) >= 1, 'بإدلب in the open report is pre-annotated as إدلب');
    assert.equal(await page.locator('.muwazi-editor p.src .ent-suggest').first().getAttribute('data-type'), 'LOC');

    // another report with بإدلب, opened afterwards: pre-annotated from the saved glossary
    await openReport(page, '002_');
    await page.locator('.muwazi-editor p.src .ent-suggest').first().waitFor();
    assert.ok((await suggestionsAfterBa(page)) >= 1, 'بإدلب in the next report is pre-annotated as إدلب');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('glossary panel: unsaved edits ask before closing; Delete removes an entry', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    await page.locator('.menubar-item[data-menu="edit"]').click();
    await page.locator('.menu-item[data-command="glossary"]').click();
    const dlg = page.locator('dialog[data-dialog="glossary"]');
    await dlg.waitFor();
    await dlg.locator('button[data-action="add"]').click();
    await page.keyboard.type('سراقب');
    await page.keyboard.press('Enter');
    assert.equal(await dlg.locator('tbody tr[data-row-id]').count(), 1);
    // Esc on the grid with unsaved changes asks; "keep editing" keeps the dialog
    await page.keyboard.press('Escape');
    const question = page.locator('dialog[data-dialog="glossary-unsaved"]');
    await question.waitFor();
    await question.locator('button[data-action="keep"]').click();
    await question.waitFor({ state: 'detached' });
    assert.ok(await dlg.isVisible());
    // Delete on a cell removes its entry
    await dlg.locator('tbody tr[data-row-id] td[data-col="ar"]').click();
    await page.keyboard.press('Delete');
    assert.equal(await dlg.locator('tbody tr[data-row-id]').count(), 0);
    // still unsaved (the entry was added and removed): closing asks; discard closes without writing
    await dlg.locator('button[data-action="close"]').click();
    await question.waitFor();
    await question.locator('button[data-action="discard"]').click();
    await dlg.waitFor({ state: 'detached' });
    await assert.rejects(readFile(join(e.workspace, 'muwazi.glossary.tsv'), 'utf8'), /ENOENT/);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
