// End to end in Chromium: File → Project Settings…, add a tag type EVT with key E from the
// keyboard, see a refused duplicate key flagged on its field, save, find muwazi.project.json on
// disk, and tag an Arabic word with EVT in the report that was open all along (no reload): its
// colour is the new type's, and the sidecar stores the mention with code-point offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startE2E } from './helpers/server.ts';
import { openReportSource } from './helpers/disk.ts';
import { editorSelected, probeSelection } from './helpers/app.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';
import { segmentSentences } from '../../shared/text/segment.ts';

test('add a tag type in the settings, save, tag an Arabic word with it', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    const first = (await page.locator('button.report').nth(0).getAttribute('data-path'))!;
    await page.locator('button.report').nth(0).click();
    await page.waitForSelector('.editor-area[data-report-state="open"] .muwazi-editor .row');

    await page.locator('.menubar-item[data-menu="file"]').click();
    await page.locator('.menu-item[data-command="settings"]').click();
    const dlg = page.locator('dialog[data-dialog="settings"]');
    await dlg.waitFor();
    assert.deepEqual(await dlg.locator('li.settings-tag input[data-field="name"]').evaluateAll((els) => els.map((x) => (x as HTMLInputElement).value)), ['PER', 'ORG', 'LOC', 'MISC']);

    // keyboard: Add Type focuses the new row's name field
    await dlg.locator('[data-action="add-tag"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const a = document.activeElement as HTMLElement | null;
      return a?.dataset.field === 'name' && a.closest('li')?.parentElement?.children[4] === a.closest('li');
    });
    await page.keyboard.type('EVT');
    const row = dlg.locator('li.settings-tag').nth(4);
    await row.locator('input[data-field="color"]').fill('#0b7285');
    // a key already taken (P is PER's) is refused with a message on the field
    await row.locator('input[data-field="key"]').fill('p');
    await row.locator('input[data-field="label"]').fill('Event');
    await dlg.locator('button[data-action="save"]').click();
    await dlg.locator('[data-settings-problems] li[data-code="duplicate-key"]').waitFor();
    assert.equal(await row.locator('input[data-field="key"]').getAttribute('aria-invalid'), 'true');
    await assert.rejects(readFile(join(e.workspace, 'muwazi.project.json')), 'nothing written yet');
    await row.locator('input[data-field="key"]').fill('e');
    await dlg.locator('textarea[data-field="abbreviations-ar"]').fill('مستش\n\n');
    await dlg.locator('button[data-action="save"]').click();
    await dlg.waitFor({ state: 'detached' });
    // the app hands focus back to the editor after applying the settings: select only after that
    await page.waitForFunction(() => document.activeElement?.classList.contains('muwazi-editor') === true);

    const onDisk = JSON.parse(await readFile(join(e.workspace, 'muwazi.project.json'), 'utf8'));
    assert.deepEqual(onDisk.tagSet.at(-1), { name: 'EVT', color: '#0b7285', key: 'e', label: 'Event' });
    assert.deepEqual(onDisk.tagSet.map((x: { name: string }) => x.name), ['PER', 'ORG', 'LOC', 'MISC', 'EVT']);
    assert.deepEqual(onDisk.segmentation.abbreviations, { ar: ['مستش'], en: [] });

    // the open editor knows EVT now: select an Arabic word and press E
    await probeSelection(page);
    const word = await page.evaluate(() => {
      const p = document.querySelector('.muwazi-editor p.src')!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        const m = /[\u0621-\u064A]{4,}/u.exec(text);
        if (!m) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        (p.closest('.muwazi-editor') as HTMLElement).focus();
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(r);
        return m[0];
      }
      return null;
    });
    assert.ok(word, 'an Arabic word in the first sentence');
    await editorSelected(page, word!);
    await page.keyboard.press('e');
    const mark = page.locator('.muwazi-editor p.src span.ent[data-type="EVT"]').first();
    await mark.waitFor();
    assert.equal(await mark.evaluate((el) => getComputedStyle(el, '::after').content), '"EVT"', 'the new type is shown by name');
    const color = await mark.evaluate((el) => getComputedStyle(el).getPropertyValue('--ent-color').trim());
    assert.equal(color.toLowerCase(), '#0b7285', 'the new type has its colour without a reload');

    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    const source = await readFile(first, 'utf8');
    const sidecar = JSON.parse(await readFile(first.replace(/\.txt$/, '.annotations.json'), 'utf8'));
    const m = sidecar.mentions.find((x: { type: string }) => x.type === 'EVT');
    assert.ok(m, 'the EVT mention is saved');
    assert.equal(new OffsetMap(source.replace(/^\uFEFF/, '')).slice(m.start, m.end), m.text);
    assert.ok(m.text.includes(word!.replace(/^(و|ف|ب|ك|ل|ال)/u, '').slice(0, 2)), `${m.text} / ${word}`);
    // Edit → Re-segment Report with the saved abbreviations: this report has no "مستش." so nothing changes
    await page.locator('.menubar-item[data-menu="edit"]').click();
    await page.locator('.menu-item[data-command="resegment"]').click();
    await page.locator('.notice-area [data-resegmented="unchanged"]').waitFor();
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('an exception phrase in the settings: refused without a stop, then saved and used by Re-segment Report', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    // a phrase across the first boundary between two sentences of one line: "<last word>. <first word>"
    const { text } = await openReportSource(page, 0);
    const map = new OffsetMap(text);
    const spans = segmentSentences(text, { lang: 'ar' });
    const k = spans.findIndex((s, i) => i + 1 < spans.length && /^[ \t]+$/.test(map.slice(s.end, spans[i + 1].start)));
    assert.ok(k >= 0, 'two sentences on one line');
    const phrase = `${map.slice(spans[k].start, spans[k].end).split(/\s+/).at(-1)} ${map.slice(spans[k + 1].start, spans[k + 1].end).split(/\s+/)[0]}`;
    const rows = await page.locator('.muwazi-editor .row').count();

    await page.locator('.menubar-item[data-menu="file"]').click();
    await page.locator('.menu-item[data-command="settings"]').click();
    const dlg = page.locator('dialog[data-dialog="settings"]');
    await dlg.waitFor();
    const area = dlg.locator('textarea[data-field="exceptions-ar"]');
    assert.equal(await area.getAttribute('dir'), 'rtl');
    await area.fill('بلا علامة');
    await dlg.locator('button[data-action="save"]').click();
    await dlg.locator('[data-settings-problems] li[data-code="exception-without-stop"]').waitFor();
    assert.equal(await area.getAttribute('aria-invalid'), 'true');
    await assert.rejects(readFile(join(e.workspace, 'muwazi.project.json')), 'nothing written yet');
    await area.fill(`${phrase}\n`);
    await dlg.locator('button[data-action="save"]').click();
    await dlg.waitFor({ state: 'detached' });
    const onDisk = JSON.parse(await readFile(join(e.workspace, 'muwazi.project.json'), 'utf8'));
    assert.deepEqual(onDisk.segmentation.exceptions, { ar: [phrase], en: [] });

    await page.locator('.menubar-item[data-menu="edit"]').click();
    await page.locator('.menu-item[data-command="resegment"]').click();
    await page.locator('.notice-area [data-resegmented="changed"]').waitFor();
    assert.equal(await page.locator('.muwazi-editor .row').count(), rows - 1);
    const joined = map.slice(spans[k].start, spans[k + 1].end);
    assert.ok(await page.locator('.muwazi-editor p.src').evaluateAll((ps, j) => ps.some((p) => p.textContent === j), joined), `a row reads ${joined}`);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
