// End to end in Chromium (issue 13): importing an unfinished English translation (the translator
// stopped after four of the six paragraphs) with the word list loaded leaves the last two rows
// untranslated, and the dialog's low-confidence count is the number of rows the editor flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startE2E } from './helpers/server.ts';
import { openReportAt } from './helpers/disk.ts';

const TRANSLATION = readFileSync(new URL('../fixtures/align/004_1019a7c50d6a06a0.en.txt', import.meta.url), 'utf8');

test('import an unfinished translation: the untranslated tail stays untranslated, the count matches the flags', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    const names = await page.locator('button.report').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-name')));
    await openReportAt(page, names.findIndex((n) => n?.startsWith('004_')));
    // the word list arrives in the background; the page marks it on <html>
    await page.waitForFunction(() => document.documentElement.dataset.lexicon === 'ready');
    await page.keyboard.press('Control+Shift+I');
    const dlg = page.locator('dialog[data-dialog="import"]');
    await dlg.waitFor();
    await dlg.locator('textarea[name="text"]').fill(TRANSLATION.trim().split('\n').slice(0, 4).join('\n'));
    await dlg.locator('button[data-action="run"]').click();
    await dlg.locator('[data-import-done]').waitFor();
    assert.equal(await dlg.locator('[data-no-lexicon]').count(), 0, 'aligned with the word list');
    const english = await page.locator('.muwazi-editor .row').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('p.tgt')].map((p) => p.textContent ?? '').join(' ').trim()));
    assert.equal(english.length, 6);
    assert.ok(english.slice(0, 4).every((t) => t.length > 0), JSON.stringify(english));
    assert.deepEqual(english.slice(4), ['', '']);
    // the dialog's count is the number of rows the editor marks for review (F8 visits them)
    const flagged = await page.locator('.muwazi-editor .row.low-confidence').count();
    const said = await dlg.locator('.import-result p').nth(1).textContent();
    assert.match(said ?? '', new RegExp(`^${flagged} rows? ha(s|ve) low alignment confidence`));
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
