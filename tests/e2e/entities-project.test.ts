// End to end in Chromium: Edit → Tag all occurrences in project… on a sample-like project where one
// report tags إدلب (LOC) and another has it untagged (بإدلب, لإدلب…). The preview lists the
// per-report counts (the open report apart), Apply adds the open report's suggestions in the editor
// (one undo step: Ctrl+Z removes them) and writes the other report's sidecar on disk as pending
// suggestions (never mentions); its Undo button puts the file back byte for byte. Waits on DOM
// attributes and polls the disk, never on time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startE2E } from './helpers/server.ts';
import { openReportAt, sidecarFile, untilOnDisk } from './helpers/disk.ts';
import { openReport, saveReport } from '../../electron/host/report-store.ts';
import { addMention } from '../../shared/entities/mentions.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';
import type { Annotations } from '../../shared/model/types.ts';

const NAME = 'إدلب';

/** Writes a sidecar for a sample report (segmented as the app would), tagging the first whole-word
 * إدلب as LOC when `tag`. */
async function writeSidecar(workspace: string, file: string, tag: boolean): Promise<void> {
  const txt = join(workspace, file);
  const opened = await openReport(txt, { journalDir: join(workspace, '..', 'journal-unused') });
  let a: Annotations = opened.annotations;
  if (tag) {
    const seg = a.segments.find((s) => new RegExp(`(^|\\s)${NAME}(\\s|$|[.،])`, 'u').test(s.text))!;
    const map = new OffsetMap(seg.text);
    const at = map.toCodePoint(seg.text.search(new RegExp(`(?<=^|\\s)${NAME}`, 'u')));
    a = addMention(a, { side: 'ar', sentence: seg.id, start: seg.start + at, end: seg.start + at + 4, type: 'LOC' }).annotations;
  }
  await saveReport(txt, a, null, { journalDir: join(workspace, '..', 'journal-unused') });
}

const suggestionsShown = (page: import('playwright-core').Page) => page.locator('.muwazi-editor .ent-suggest').count();

/** Waits (on the page's own frames, not a timer) until the editor shows `n` suggestions. */
async function untilShown(page: import('playwright-core').Page, n: number, what: string): Promise<void> {
  await page.waitForFunction((k) => document.querySelectorAll('.muwazi-editor .ent-suggest').length === k, n, { timeout: 20_000 })
    .catch(async () => { throw new Error(`${what} ${await suggestionsShown(page)} suggestions, not ${n}`); });
}

test('tag all occurrences in project: preview per report, apply (editor + disk), Ctrl+Z and Undo restore', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const names = await page.locator('button.report').evaluateAll((els) => els.map((x) => x.getAttribute('data-name')!));
    const other = `${names[0]}.txt`;
    // the open report has no annotation file yet (nothing saved), and the glossary loaded when it opened was empty
    assert.equal(await openReportAt(page, 1), names[1]);
    const open = `${names[1]}.txt`;
    await page.waitForSelector('.ent-panel');
    const shownBefore = await suggestionsShown(page);
    // meanwhile another report tags إدلب (LOC) on disk
    await writeSidecar(workspace, other, true);
    const before = await readFile(sidecarFile(workspace, other));

    // Entities → Tag all occurrences in project…
    await page.locator('.menubar-item[data-menu="entities"]').click();
    await page.locator('.menu-item[data-command="tagAllInProject"]').click();
    const dlg = page.locator('dialog[data-dialog="project-tag-all"]');
    await page.waitForSelector('dialog[data-dialog="project-tag-all"][data-state="ready"]');
    const row = (file: string) => dlg.locator(`tr[data-ptag-report="${file}"]`);
    const otherCount = Number(await row(other).getAttribute('data-suggestions'));
    const openCount = Number(await row(open).getAttribute('data-suggestions'));
    assert.ok(otherCount >= 1, `the other report gets its other إدلب as suggestions (${otherCount})`);
    assert.ok(openCount >= 1, `the open report gets إدلب suggestions (${openCount})`);
    assert.equal(await row(open).getAttribute('data-open'), 'true');
    assert.match(await dlg.locator('[data-ptag="not-started"]').innerText(), /3 reports have no annotation file yet/);
    // the primary button has the focus once the preview is listed (Enter applies)
    assert.equal(await dlg.locator('[data-action="apply"]').evaluate((b) => b === document.activeElement), true);

    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[data-dialog="project-tag-all"][data-state="done"]');
    // the other report: pending suggestions on disk, never mentions (its one tag kept); each slices its source
    const onDisk = JSON.parse(await readFile(sidecarFile(workspace, other), 'utf8')) as Annotations;
    assert.equal(onDisk.mentions.length, 1);
    assert.equal(onDisk.suggestions?.length, otherCount);
    const src = new OffsetMap(await readFile(join(workspace, other), 'utf8'));
    for (const s of onDisk.suggestions!) {
      assert.deepEqual([s.status, s.type], ['pending', 'LOC']);
      assert.equal(src.slice(s.start, s.end), s.text);
    }
    // the open report: its suggestions in the editor
    await page.waitForFunction((n) => document.querySelectorAll('.muwazi-editor .ent-suggest').length >= n, shownBefore + openCount);
    const shownAfter = await suggestionsShown(page);

    // Undo for the other report: the file is back byte for byte
    await dlg.locator(`li[data-applied-report="${other}"] [data-action="undo-tag-all"]`).click();
    await page.waitForSelector(`li[data-applied-report="${other}"][data-status="undone"]`);
    assert.deepEqual(await readFile(sidecarFile(workspace, other)), before);

    // close, then Ctrl+Z in the editor removes the open report's batch (one step), Ctrl+Shift+Z brings it back
    await page.keyboard.press('Escape');
    await dlg.waitFor({ state: 'detached' });
    await page.locator('.muwazi-editor .tgt').first().click();
    await page.keyboard.press('Control+z');
    await untilShown(page, shownBefore, 'after Ctrl+Z');
    await page.keyboard.press('Control+Shift+z');
    await untilShown(page, shownAfter, 'after redo');
    // saved with them as pending; undone again and saved, none is left
    const pendingOnDisk = async () => {
      const json = await readFile(sidecarFile(workspace, open), 'utf8').catch(() => null);
      return json === null ? -1 : ((JSON.parse(json) as Annotations).suggestions ?? []).filter((s) => s.status === 'pending').length;
    };
    await page.keyboard.press('Control+s');
    await untilOnDisk(sidecarFile(workspace, open), async () => (await pendingOnDisk()) === openCount, async () => `the open report stores ${await pendingOnDisk()} pending suggestions, not ${openCount}`, 20_000);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+s');
    await untilOnDisk(sidecarFile(workspace, open), async () => (await pendingOnDisk()) === 0, async () => `the open report still stores ${await pendingOnDisk()} pending suggestions after Ctrl+Z`, 20_000);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});

test('tag all occurrences in project: Esc while the preview runs asks the host to cancel it; nothing is written', async () => {
  const e = await startE2E();
  try {
    const { page, workspace } = e;
    const names = await page.locator('button.report').evaluateAll((els) => els.map((x) => x.getAttribute('data-name')!));
    const other = `${names[0]}.txt`;
    await writeSidecar(workspace, other, true);
    const before = await readFile(sidecarFile(workspace, other));
    await openReportAt(page, 1);
    // the preview request is held until the dialog is dismissed: a folder slow to look through
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route('**/api/projectPropagatePreview', async (route) => {
      await gate;
      await route.continue();
    });
    await page.locator('.menubar-item[data-menu="entities"]').click();
    await page.locator('.menu-item[data-command="tagAllInProject"]').click();
    const dlg = page.locator('dialog[data-dialog="project-tag-all"][data-state="preview"]');
    await dlg.waitFor();
    await page.waitForFunction(() => document.querySelector('dialog[data-dialog="project-tag-all"] progress') !== null);
    const cancelled = page.waitForRequest('**/api/projectPropagateCancel');
    await page.keyboard.press('Escape');
    await cancelled;
    await dlg.waitFor({ state: 'detached' });
    // let it through from now on (the route stays: unrouting under a waiting handler races)
    release();
    assert.deepEqual(await readFile(sidecarFile(workspace, other)), before);
    // the command runs again afterwards (nothing left over from the cancelled job)
    await page.locator('.menubar-item[data-menu="entities"]').click();
    await page.locator('.menu-item[data-command="tagAllInProject"]').click();
    await page.waitForSelector('dialog[data-dialog="project-tag-all"][data-state="ready"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[data-dialog="project-tag-all"]', { state: 'detached' });
    assert.deepEqual(await readFile(sidecarFile(workspace, other)), before);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
