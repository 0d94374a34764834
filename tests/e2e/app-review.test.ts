// End to end in Chromium: review mode (issue 18 item 4). A report whose sidecar has a reviewed
// snapshot for a row whose English changed since, a never-reviewed row and a merge conflict:
// setting `reviewed` outside review mode is refused and announced; review mode marks the rows and
// shows the word diff; a comment sends the changed row back; accepting is refused while the conflict
// is open; "Take theirs" writes their English; accepting another row works; the sidecar on disk then
// has the statuses, the snapshot and the comment with who and when. Curation then takes a mention
// from a second annotator's copy of the report in another folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { openReportAt, untilOnDisk, replaceFile, sidecarFile } from './helpers/disk.ts';
import { clickEnglishOfRow } from './helpers/app.ts';

// the name the host stamps (electron/host/identity.ts reads it at each call)
const USER = 'ليلى الراوي';
process.env.MUWAZI_USER = USER;

interface Side {
  version: string;
  source: { file: string };
  segments: { id: string; start: number; end: number; text: string }[];
  targets: { id: string; text: string }[];
  units: { id: string; source: string[]; target: string[]; status: string; comments?: { id: string; by: string; at: string; text: string; kind: string }[]; reviewed?: { by: string; at: string; en: string; mentions: string[]; links: string[] } }[];
  mentions: { id: string; side: string; sentence: string; start: number; end: number; text: string; type: string; entity: string }[];
  entities: { id: string; type: string }[];
  conflicts?: unknown[];
}

const read = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Side;
const englishOf = (j: Side, i: number) => j.units[i].target.map((id) => j.targets.find((t) => t.id === id)!.text).join(' ');
const row = (page: Page, i: number) => page.locator('.muwazi-editor .row').nth(i);

/** Types `text` as the English of row `index` (replacing what is there). */
async function setEnglish(page: Page, index: number, text: string): Promise<void> {
  await clickEnglishOfRow(page, index);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(text);
  await page.waitForFunction(({ i, t }) => document.querySelectorAll('.muwazi-editor .row')[i]?.querySelector('.tgt')?.textContent === t, { i: index, t: text });
}

async function menu(page: Page, id: string, command: string): Promise<void> {
  await page.locator(`.menubar-item[data-menu="${id}"]`).click();
  await page.locator(`.menu-item[data-command="${command}"]`).click();
}

/** Clicks row `i`'s English and waits until the review panel follows the caret there (the editor
 * has taken the click), so a key pressed next acts on that row. */
async function caretToRow(page: Page, i: number): Promise<void> {
  await clickEnglishOfRow(page, i);
  const id = await row(page, i).getAttribute('data-id');
  await page.waitForFunction((rid) => document.querySelector<HTMLElement>('.review-panel')?.dataset.row === rid, id);
}

const announced = (page: Page) => page.locator('[data-review="announce"]').textContent();

test('review: diff since the last review, send back with a comment, a conflict resolved as theirs, accept; saved with who/when; curation takes a mention', async () => {
  const e = await startE2E();
  try {
    const { page } = e;
    // a generous ceiling for every wait: CI machines are busy (each wait still ends on its signal)
    page.setDefaultTimeout(120_000);
    const name = await openReportAt(page, 0);
    const file = sidecarFile(e.workspace, name);
    await setEnglish(page, 0, 'The minister arrived in Dubai.');
    await setEnglish(page, 1, 'He met the prince.');
    await setEnglish(page, 2, 'Talks lasted an hour.');
    await page.keyboard.press('Control+s');
    await untilOnDisk(file, async () => {
      try { return englishOf(await read(file), 2) === 'Talks lasted an hour.'; } catch { return false; }
    }, () => 'the first save did not reach the disk');

    // the team's history: row 1 was accepted with other English; a merge left a conflict on row 3
    await openReportAt(page, 1);
    const j = await read(file);
    j.units[0].status = 'reviewed';
    j.units[0].reviewed = { by: 'Sara', at: '2026-12-01T10:00:00.000Z', en: 'The minister came to Dubai.', mentions: [], links: [] };
    j.conflicts = [{ id: 'k1', kind: 'english', unit: j.units[2].id, ours: 'Talks lasted an hour.', theirs: 'The talks lasted one hour.' }];
    await replaceFile(file, JSON.stringify(j, null, 2) + '\n');
    await openReportAt(page, 0);
    await page.waitForSelector('.review-notice:not([hidden])[data-conflicts="1"]');
    // the status bar says how many are open
    await page.waitForFunction(() => document.querySelector('.status-conflicts')?.textContent === '1 merge conflict');

    // outside review mode the status cycle passes over `reviewed`, and says why
    // the editor has taken the click (the status bar names the caret's row) before the key: a status
    // alone is not enough, the caret restored on reopening may be on another draft row
    await clickEnglishOfRow(page, 1);
    await page.waitForSelector('.status-row-status[data-status="draft"]');
    await page.keyboard.press('Control+Alt+s'); // draft → translated
    await page.waitForFunction(() => document.querySelectorAll<HTMLElement>('.muwazi-editor .row')[1].dataset.status === 'translated');
    await page.keyboard.press('Control+Alt+s');
    await page.waitForFunction(() => document.querySelectorAll<HTMLElement>('.muwazi-editor .row')[1].dataset.status === 'auto');
    assert.match((await announced(page)) ?? '', /only by Accept in review mode/);

    await menu(page, 'view', 'reviewMode');
    await page.waitForSelector('.review-panel:not([hidden])');
    assert.equal(await row(page, 0).getAttribute('data-review'), 'changed');
    assert.equal(await row(page, 1).getAttribute('data-review'), 'new');
    await row(page, 0).locator('.tgt').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.review-panel')?.dataset.rowState === 'changed');
    assert.match(await page.locator('.review-panel .review-diff ins').allInnerTexts().then((x) => x.join('|')), /arrived/);
    assert.match(await page.locator('.review-panel .review-diff del').allInnerTexts().then((x) => x.join('|')), /came/);
    assert.match(await page.locator('.review-conflict[data-conflict="k1"] .review-theirs').innerText(), /The talks lasted one hour\./);

    // send back with a comment (Arabic and English mixed)
    await page.locator('.review-comment-box').fill('كلمة "arrived" لا تطابق الأصل: راجِع.');
    await page.locator('.review-panel button[data-action="send-back"]').click();
    await page.waitForFunction(() => document.querySelectorAll<HTMLElement>('.muwazi-editor .row')[0].dataset.status === 'draft');
    await row(page, 0).locator('.row-comments').waitFor();
    assert.match((await row(page, 0).locator('.row-comments').getAttribute('aria-label')) ?? '', /1 comment/);

    // accepting is refused while the merge conflict is open
    await caretToRow(page, 1);
    await page.keyboard.press('Control+Alt+a');
    await page.waitForFunction(() => /merge conflicts first/.test(document.querySelector('[data-review="announce"]')?.textContent ?? ''));
    assert.notEqual(await row(page, 1).getAttribute('data-status'), 'reviewed');

    await page.locator('button[data-action="conflict-theirs"][data-conflict="k1"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.muwazi-editor .row')[2]?.querySelector('.tgt')?.textContent === 'The talks lasted one hour.');
    await page.waitForSelector('.review-panel[data-conflicts="0"]');
    await page.waitForSelector('.status-conflicts[data-conflicts="0"]', { state: 'attached' });

    await caretToRow(page, 1);
    await page.keyboard.press('Control+Alt+a');
    await page.waitForFunction(() => document.querySelectorAll<HTMLElement>('.muwazi-editor .row')[1].dataset.status === 'reviewed');
    await page.keyboard.press('Control+s');

    await untilOnDisk(file, async () => {
      const d = await read(file);
      return d.units[1].status === 'reviewed' && !d.conflicts && (d.units[0].comments?.length ?? 0) === 1;
    }, async () => `sidecar not as expected: ${JSON.stringify((await read(file)).units.slice(0, 3))}`);
    const d = await read(file);
    assert.equal(d.version, '1.1');
    assert.equal(d.units[0].status, 'draft');
    const [c] = d.units[0].comments!;
    assert.equal(c.kind, 'sendBack');
    assert.equal(c.by, USER);
    assert.match(c.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.equal(c.text, 'كلمة "arrived" لا تطابق الأصل: راجِع.');
    assert.equal(d.units[0].reviewed!.en, 'The minister came to Dubai.', 'a send-back keeps the last accepted snapshot');
    assert.equal(d.units[1].reviewed!.by, USER);
    assert.equal(d.units[1].reviewed!.en, 'He met the prince.');
    assert.equal(englishOf(d, 2), 'The talks lasted one hour.');

    // curation: a second annotator's copy in another folder tags the first Arabic word of row 1
    const other = join(dirname(e.workspace), 'other-annotator');
    await mkdir(other);
    const theirs = await read(file);
    await copyFile(join(e.workspace, theirs.source.file), join(other, theirs.source.file));
    const seg = theirs.segments.find((s) => s.id === theirs.units[0].source[0])!;
    const word = [...seg.text.matchAll(/[\u0621-\u064A\u064B-\u0652]+/g)].map((m) => m[0]).find((w) => w.length >= 3)!;
    const at = [...seg.text].length - [...seg.text.slice(seg.text.indexOf(word))].length;
    const start = seg.start + at;
    const end = start + [...word].length;
    theirs.mentions.push({ id: 'm900', side: 'ar', sentence: seg.id, start, end, text: word, type: 'PER', entity: 'e900' });
    theirs.entities.push({ id: 'e900', type: 'PER' });
    await writeFile(sidecarFile(other, name), JSON.stringify(theirs, null, 2) + '\n');

    await page.locator('.review-panel button[data-action="curate"]').click();
    const ask = page.locator('dialog[data-dialog="open-folder"]');
    await ask.waitFor();
    await ask.locator('input[name="path"]').fill(other);
    await ask.locator('button[data-action="open"]').click();
    const dlg = page.locator('dialog[data-dialog="curation"]');
    await dlg.waitFor();
    const item = dlg.locator('.curation-item').first();
    assert.match(await item.locator('.curation-state').innerText(), /differs/);
    assert.match(await item.locator('.curation-theirs').innerText(), new RegExp(`${word} \\(PER\\)`));
    await item.locator('input[data-choice="theirs"]').check();
    await dlg.locator('button[data-action="apply"]').click();
    await dlg.waitFor({ state: 'detached' });
    await page.waitForFunction((w) => [...document.querySelectorAll('.muwazi-editor .row')][0].querySelector(`.cell-src span.ent[data-type="PER"]`)?.textContent === w, word);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
