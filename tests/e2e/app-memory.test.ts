// End to end in Chromium: File → Import Translation Memory… A report is exported to TMX through the
// host, a fresh copy of the report (no annotations) is opened, the TMX is imported through the
// dialog, the English appears in the rows, and one Undo takes the import back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startE2E } from './helpers/server.ts';
import { recordSaveStates, typeInFirstTarget } from './helpers/app.ts';
import { firstEnglish, openReportAt, waitFirstEnglish } from './helpers/disk.ts';

test('import a TMX exported from a report into a fresh copy of it; the English fills the rows; Undo takes it back', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const name = await openReportAt(page, 0);
    const txtName = name.endsWith('.txt') ? name : `${name}.txt`;
    const english = 'The regime launches a ground attack in Idlib & more 🙂';
    await typeInFirstTarget(page, english);
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.status-save[data-state="saved"]');

    // export this report to TMX through the host
    const tmx = join(workspace, 'memory.tmx');
    const exported = await e.server.service.handle('exportRun', { path: join(workspace, txtName), format: 'tmx', out: tmx, jobId: 'tmx-for-memory' });
    assert.ok(exported.ok, JSON.stringify(exported));

    // a fresh copy of the report, without annotations; the sidebar picks it up from the watcher
    await copyFile(join(workspace, txtName), join(workspace, 'zz-fresh-copy.txt'));
    await page.waitForSelector('button.report[data-path$="zz-fresh-copy.txt"]');
    const count = await page.locator('button.report').count();
    await openReportAt(page, count - 1);
    assert.equal(await firstEnglish(page), '', 'the copy starts without English');

    const states = await recordSaveStates(page);
    // File → Import Translation Memory…
    await page.locator('.menubar-item[data-menu="file"]').click();
    await page.locator('.menu-item[data-command="importMemory"]').click();
    const dlg = page.locator('dialog[data-dialog="memory"]');
    await dlg.waitFor();
    await dlg.locator('input[name="tmx"]').fill(tmx);
    await dlg.locator('button[data-action="run"]').click();
    await page.waitForSelector('dialog[data-dialog="memory"][data-memory-state="done"]');
    const matched = Number(await dlg.locator('[data-figure="matched"]').getAttribute('data-count'));
    assert.ok(matched >= 1, `matched ${matched}`);
    assert.match(await dlg.locator('[data-figure="matched"]').innerText(), /matched/);
    for (const f of ['pairs', 'aligned', 'lowConfidence', 'unusedPairs']) assert.equal(await dlg.locator(`[data-figure="${f}"]`).count(), 1, f);
    await dlg.locator('button[data-action="close"]').click();
    await dlg.waitFor({ state: 'detached' });

    await waitFirstEnglish(page, english);
    // the import is an unsaved edit (shown as such; autosave may save it soon after on a loaded machine)
    assert.ok((await states()).includes('unsaved'), `states: ${(await states()).join(' → ')}`);

    // one Undo (Edit → Undo) restores the rows as they were before the import
    await page.locator('.menubar-item[data-menu="edit"]').click();
    await page.locator('.menu-item[data-command="undo"]').click();
    await waitFirstEnglish(page, '');
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('a memory that is not a complete TMX file is refused with the specific message', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    await openReportAt(page, 0);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(workspace, 'cut.tmx'), '<?xml version="1.0"?><tmx version="1.4"><body><tu>');
    e.server.service.emit('menu', { command: 'importMemory' }); // the native menu's path
    const dlg = page.locator('dialog[data-dialog="memory"]');
    await dlg.waitFor();
    await dlg.locator('input[name="tmx"]').fill(join(workspace, 'cut.tmx'));
    await dlg.locator('button[data-action="run"]').click();
    await page.waitForSelector('dialog[data-dialog="memory"][data-memory-state="error"] [data-code="invalid-memory"]');
    assert.match(await dlg.locator('[data-code="invalid-memory"]').innerText(), /translation memory could not be read.*cut\.tmx/s);
    assert.equal(await firstEnglish(page), '', 'nothing applied');
  } finally {
    await e.close();
  }
});
