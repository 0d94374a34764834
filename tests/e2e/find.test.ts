// End to end in Chromium: Ctrl+F in an open report, an Arabic word typed without harakat or hamza
// finds every spelling, Enter steps, the count is announced, Escape hands the current hit to the
// editor selected, and an entity key tags it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E } from './helpers/server.ts';
import { openReportSource } from './helpers/disk.ts';
import { probeSelection } from './helpers/app.ts';
import { findAll } from '../../shared/text/search.ts';
import { normalizeForMatch } from '../../shared/text/normalize.ts';

test('find: Ctrl+F, Arabic-aware hits, Enter steps, Escape returns the hit to the editor for tagging', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    // the report's most frequent Arabic word of 5+ letters, typed folded (no harakat, bare alef)
    const { text } = await openReportSource(page, 0);
    const counts = new Map<string, number>();
    for (const w of text.match(/[\u0621-\u064A\u064B-\u0652]{5,}/gu) ?? []) {
      const k = normalizeForMatch(w, { names: true, taMarbuta: true, lowercase: true });
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const [query] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const expected = findAll(text, query).length;
    assert.ok(expected >= 2, `${query} occurs ${expected} times`);

    await page.locator('.muwazi-editor').focus();
    await page.keyboard.press('Control+f');
    const input = page.locator('.find-bar input[data-find="query"]');
    await input.waitFor();
    assert.equal(await input.evaluate((el) => el === document.activeElement), true);
    assert.equal(await input.getAttribute('dir'), 'auto');
    await page.keyboard.type(query);
    const bar = page.locator('.find-bar');
    await page.waitForFunction((n) => (document.querySelector('.find-bar') as HTMLElement).dataset.count === String(n), expected);
    assert.equal(await page.locator('.find-bar [data-find="count"]').textContent(), `1 of ${expected}`);
    assert.ok(await page.locator('.muwazi-editor .find-hit').count() >= expected);
    assert.equal(await page.locator('.muwazi-editor .find-current').count(), 1);

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.find-bar [data-find="count"]')?.textContent?.startsWith('2 of'));
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => document.querySelector('.find-bar [data-find="count"]')?.textContent?.startsWith('1 of'));
    // F3 works from the field too
    await page.keyboard.press('F3');
    await page.waitForFunction(() => document.querySelector('.find-bar [data-find="count"]')?.textContent?.startsWith('2 of'));
    const hit = await page.locator('.muwazi-editor .find-current').evaluateAll((els) => els.map((x) => x.textContent).join(''));
    assert.equal(normalizeForMatch(hit, { names: true, taMarbuta: true, lowercase: true }), query);

    // nothing found: the field says so
    await input.fill(query + 'ظظظ');
    await page.waitForFunction(() => (document.querySelector('.find-bar') as HTMLElement).dataset.count === '0');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await input.fill(query);
    await page.waitForFunction((n) => (document.querySelector('.find-bar') as HTMLElement).dataset.count === String(n), expected);

    // Escape: bar closed, highlights gone, the editor has the keyboard with the hit selected
    await probeSelection(page);
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('.muwazi-editor .find-hit').count(), 0);
    await page.waitForFunction(() => document.activeElement?.classList.contains('muwazi-editor') === true);
    await page.waitForFunction((q) => {
      const sel = (window as unknown as { __editorSelection?: string }).__editorSelection ?? '';
      return sel.replace(/[\u064B-\u0652\u0640]/gu, '').replace(/[أإآ]/gu, 'ا').replace(/ة/gu, 'ه').replace(/ى/gu, 'ي') === q;
    }, query);
    await page.keyboard.press('p');
    await page.locator('.muwazi-editor p.src span.ent[data-type="PER"]').first().waitFor();
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
