// End to end in Chromium: the annotation file changes on disk (a git pull) while a report is open.
// With unsaved edits the app offers keep mine / take theirs / keep both, and each outcome is
// checked on disk; without local edits the report reloads silently and shows theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { clickEnglishOfRow, recordSaveStates, typeInFirstTarget } from './helpers/app.ts';
import { firstEnglish, firstEnglishOnDisk, holdSaves, openReportAt, pullTheirs, sidecarFile, waitFirstEnglish } from './helpers/disk.ts';

/** Types `text` in the open report's first English cell and saves it with Ctrl+S. */
async function typeAndSave(page: Page, text: string): Promise<void> {
  const states = await recordSaveStates(page);
  await typeInFirstTarget(page, text);
  // shown as unsaved (a loaded machine's autosave may already have saved it by now)
  assert.ok((await states()).includes('unsaved'), `states: ${(await states()).join(' → ')}`);
  await page.keyboard.press('Control+s');
  await page.waitForSelector('.status-save[data-state="saved"]');
}

test('sidecar rewritten on disk under unsaved edits: keep mine, take theirs, keep both — each checked on disk', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    for (const [n, choice] of (['mine', 'theirs', 'both'] as const).entries()) {
      const name = await openReportAt(page, n);
      const file = sidecarFile(workspace, name);
      await typeAndSave(page, `Base ${choice}`);
      assert.equal(await firstEnglishOnDisk(file), `Base ${choice}`);

      // my edit stays unsaved (saves held) while "git pull" replaces the sidecar
      const hold = await holdSaves(page);
      await clickEnglishOfRow(page, 0);
      await page.keyboard.press('End');
      await page.keyboard.type(' + my edit');
      const mine = `Base ${choice} + my edit`;
      const theirs = `Their ${choice} from git`;
      const theirBytes = await pullTheirs(workspace, name, theirs);
      hold.release();

      const dlg = page.locator('dialog[data-dialog="conflict"]');
      await dlg.waitFor();
      assert.deepEqual(await dlg.locator('.dialog-actions button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-action'))), ['mine', 'theirs', 'both', 'later']);
      assert.equal(await firstEnglish(page), mine, 'my edit is still in the editor while I choose');
      await dlg.locator(`button[data-action="${choice}"]`).click();
      await dlg.waitFor({ state: 'detached' });

      if (choice === 'mine') {
        await page.waitForSelector('.status-save[data-state="saved"]');
        assert.equal(await firstEnglishOnDisk(file), mine, 'mine overwrote theirs on disk');
        assert.equal(await firstEnglish(page), mine);
      } else {
        await waitFirstEnglish(page, theirs);
        await page.waitForSelector('.status-save[data-state="saved"]');
        assert.equal(await readFile(file, 'utf8'), theirBytes, 'their file on disk is untouched');
        const copies = (await readdir(workspace)).filter((f) => f.startsWith(name.replace(/\.txt$/, '') + '.annotations.mine-'));
        if (choice === 'theirs') {
          assert.deepEqual(copies, [], 'take theirs writes no copy');
        } else {
          assert.equal(copies.length, 1, copies.join(', '));
          assert.match(copies[0], /\.annotations\.mine-[0-9-]+\.json$/);
          assert.equal(await firstEnglishOnDisk(join(workspace, copies[0])), mine, 'the copy holds my edit');
          // the note is added after the reload: wait for it (under load it can come a moment later)
          await page.waitForSelector('.notice-area [data-copy]');
          assert.match((await page.locator('.notice-area').textContent()) ?? '', /copy/);
        }
      }
      await hold.stop();
    }
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('sidecar rewritten on disk with no local edits: the report reloads silently and shows theirs', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const name = await openReportAt(page, 0);
    await typeAndSave(page, 'Saved before the pull');
    const theirs = 'Their version, pulled';
    await pullTheirs(workspace, name, theirs);
    await waitFirstEnglish(page, theirs);
    assert.equal(await page.locator('.editor-area').getAttribute('data-reloads'), '1');
    assert.equal(await page.locator('dialog[open]').count(), 0, 'no question asked');
    assert.equal(await page.locator('.status-save').getAttribute('data-state'), 'saved');
    assert.equal(await firstEnglishOnDisk(sidecarFile(workspace, name)), theirs);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
