// End to end in Chromium: the Arabic source (.txt) changes on disk while the report is open with
// unsaved edits. The app asks: save my edits and reload (the host re-anchors them to the new text
// and lists what it could not map), or keep working and reload later. Nothing is lost either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { typeInFirstTarget } from './helpers/app.ts';
import { firstEnglish, firstEnglishOnDisk, holdSaves, openReportAt, replaceFile, sidecarFile, waitFirstEnglish } from './helpers/disk.ts';

// appended to the source: harakat, Arabic-Indic digits, Latin, an emoji
const ADDED = '\nوفي الختامِ قال المتحدث إنّ ٣ مراسلين من Reuters وصلوا 😀.\n';

/** Saves a first version, then types more while saves are held and the source changes on disk. */
async function editWhileSourceChanges(page: Page, workspace: string, n: number): Promise<{ name: string; mine: string; hold: Awaited<ReturnType<typeof holdSaves>> }> {
  const name = await openReportAt(page, n);
  await typeInFirstTarget(page, 'Base');
  await page.keyboard.press('Control+s');
  await page.waitForSelector('.status-save[data-state="saved"]');
  const hold = await holdSaves(page);
  await page.keyboard.type(' + unsaved edit');
  const txt = join(workspace, name.endsWith('.txt') ? name : `${name}.txt`);
  await replaceFile(txt, (await readFile(txt, 'utf8')) + ADDED);
  const dlg = page.locator('dialog[data-dialog="sourceChanged"]');
  await dlg.waitFor();
  assert.deepEqual(await dlg.locator('.dialog-actions button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action'))), ['reload', 'later']);
  const mine = 'Base + unsaved edit';
  assert.equal(await firstEnglish(page), mine);
  return { name, mine, hold };
}

/** After the reload: re-anchored (drift panel shown), my edit in the editor and on disk. */
async function checkReloaded(page: Page, workspace: string, name: string, mine: string): Promise<void> {
  await page.waitForSelector('.editor-area[data-reloads="1"] section.warnings[data-drifted="true"]');
  await waitFirstEnglish(page, mine);
  assert.equal(await firstEnglishOnDisk(sidecarFile(workspace, name)), mine, 'my edits were saved before the reload');
  // the editor now holds the new source text
  // textContent: rows far down (content-visibility) have no rendered text for innerText
  await page.waitForFunction(() => (document.querySelector('.muwazi-editor')?.textContent ?? '').includes('وصلوا 😀'));
}

test('source changed under unsaved edits → "save my edits and reload" re-anchors them; nothing lost', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const { name, mine, hold } = await editWhileSourceChanges(page, workspace, 0);
    hold.release();
    await page.locator('dialog[data-dialog="sourceChanged"] button[data-action="reload"]').click();
    await checkReloaded(page, workspace, name, mine);
    await hold.stop();
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('source changed under unsaved edits → "keep working" keeps the edits; reloading later from the notice', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const { name, mine, hold } = await editWhileSourceChanges(page, workspace, 1);
    await page.locator('dialog[data-dialog="sourceChanged"] button[data-action="later"]').click();
    await page.waitForSelector('[data-source-changed="true"] button[data-action="reload-source"]');
    assert.equal(await firstEnglish(page), mine, 'the edit is still in the editor');
    assert.equal(await page.locator('.editor-area').getAttribute('data-reloads'), null, 'nothing reloaded yet');
    hold.release();
    await page.locator('button[data-action="reload-source"]').click();
    await checkReloaded(page, workspace, name, mine);
    await hold.stop();
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
