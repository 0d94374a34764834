// End to end in Chromium: tag a name in one report (a plain key in the Arabic, snapping applied),
// save, open another report of the folder: the project glossary (gathered from the sidecars)
// pre-annotates it; accept a suggestion with Enter and find the mention saved with code-point
// offsets that slice the source to the name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startE2E } from './helpers/server.ts';
import { editorSelected, probeSelection, selectArabic } from './helpers/app.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';

const NAME = 'إدلب';

async function sidecar(workspace: string, name: string) {
  return JSON.parse(await readFile(join(workspace, name.replace(/\.txt$/, '') + '.annotations.json'), 'utf8'));
}

test('tag in one report, open another, accept the pre-annotation', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    const reports = page.locator('button.report');
    const first = (await reports.nth(0).getAttribute('data-name'))!;
    const second = (await reports.nth(1).getAttribute('data-name'))!;
    await reports.nth(0).click();
    await page.waitForSelector('.editor-area[data-report-state="open"] .muwazi-editor .row');
    await page.waitForSelector('.ent-panel');

    // select the word holding the name in the Arabic (with any clitic glued to it) and press L
    await selectArabic(page, NAME, { wholeWord: true });
    await page.keyboard.press('l');
    const tagged = page.locator('.muwazi-editor p.src span.ent[data-type="LOC"]').first();
    await tagged.waitFor();
    assert.equal(await tagged.innerText(), NAME, 'the clitic is snapped off');
    // the type is shown (and read) as the label after the name, not an English aria-label
    assert.equal(await tagged.getAttribute('aria-label'), null);
    assert.equal(await tagged.evaluate((el) => getComputedStyle(el, '::after').content), '"LOC"');
    await page.waitForFunction(() => document.querySelectorAll('.ent-panel .ent-panel-item').length === 1);
    // the panel must really be visible under the tall editor, not squeezed to a sliver
    const entry = await page.locator('.ent-panel-item').first().boundingBox();
    const viewport = page.viewportSize();
    assert.ok(entry && viewport && entry.height > 10 && entry.y + entry.height <= viewport.height, `entity entry on screen: ${JSON.stringify(entry)}`);
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    const a1 = await sidecar(e.workspace, first);
    assert.deepEqual(a1.entities.map((x: { type: string; ar: string }) => `${x.type}:${x.ar}`), [`LOC:${NAME}`]);

    // the other report: pre-annotated from the glossary gathered across the folder
    await reports.nth(1).click();
    await page.waitForSelector(`.editor-area[data-report-state="open"][data-report*="${second}"] .muwazi-editor .row`);
    const suggestion = page.locator('.muwazi-editor p.src .ent-suggest').first();
    await suggestion.waitFor();
    // textContent, not innerText: rows off screen use content-visibility: auto, and innerText of
    // skipped content can be empty until the row is laid out
    assert.equal(await suggestion.textContent(), NAME);
    const pending = parseInt(await page.locator('.ent-panel .ent-panel-pending').innerText(), 10);
    assert.ok(pending >= 1, `suggestions counted in the panel: ${pending}`);
    // keyboard: Alt+. selects a suggestion (wait until the editor has it), Enter accepts it
    await suggestion.click();
    await probeSelection(page);
    await page.keyboard.press('Alt+.');
    await editorSelected(page, NAME);
    await page.keyboard.press('Enter');
    await page.locator('.muwazi-editor p.src span.ent[data-type="LOC"]').first().waitFor();
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');
    const a2 = await sidecar(e.workspace, second);
    const source = new OffsetMap(await readFile(join(e.workspace, second + ".txt"), "utf8"));
    assert.equal(a2.mentions.length, 1);
    const m = a2.mentions[0];
    assert.equal(m.type, 'LOC');
    assert.equal(m.text, NAME);
    assert.equal(source.slice(m.start, m.end), NAME, 'code-point offsets slice the source to the name');
    // format 1.1: who tagged it and when ride along (stamped at save)
    assert.deepEqual((a2.entities as Array<Record<string, unknown>>).map(({ by: _by, at: _at, ...rest }) => rest), [{ id: m.entity, type: 'LOC', ar: NAME }]);
    assert.equal(typeof a2.entities[0].by, 'string');
    assert.ok(!Number.isNaN(Date.parse(String(a2.entities[0].at))), 'a time is stamped');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
