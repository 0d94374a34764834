// Keys that match translators' habits (issue 14 §2), in real Chromium on the editor alone
// (tests/e2e/editor-page.ts): Ctrl+Backspace / Ctrl+Delete delete a word and never merge rows;
// the merges sit on Ctrl+Alt+P / Ctrl+Alt+N; Enter in the English moves on to the next row's
// English (Shift+Enter splits the sentence); ArrowDown / ArrowUp at the English cell's edge go to
// the next / previous row's English; Ctrl+Y redoes. The app half checks the status bar: the row
// count follows a merge at once and a merge that lowered a row's status says so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { caretAt, missingPrecondition, mountEditor, openEditorPage, selectionSynced, type EditorPage } from './editor-page.ts';
import { fixture, TEXT } from '../renderer/editor/helpers.ts';
import type { Annotations } from '../../shared/model/types.ts';
import type { MuwaziTest } from '../../renderer/editor-test.ts';
import { startE2E } from './helpers/server.ts';
import { openReportAt } from './helpers/disk.ts';

const skip = missingPrecondition();
if (skip) console.log(`# skipping key tests: ${skip}`);

type W = { muwaziTest: MuwaziTest };
let ep: EditorPage;
let page: Page;

before(async () => {
  if (skip) return;
  ep = await openEditorPage();
  page = ep.page;
});
after(async () => {
  if (ep) await ep.close();
});

/** The fixture with English in rows 2 and 3 too (Arabic ids s1…s4, English t1…t3). */
function withEnglish(): Annotations {
  const a = fixture();
  a.targets.push({ id: 't2', text: 'The branch opened in Dubai in 2024.' }, { id: 't3', text: 'The spokesman did not comment.' });
  a.units[1].target = ['t2'];
  a.units[2].target = ['t3'];
  a.units[0].status = 'reviewed';
  return a;
}

const ann = () => page.evaluate(() => (window as unknown as W).muwaziTest.editor!.getAnnotations());
async function caret() {
  await selectionSynced(page);
  return page.evaluate(() => (window as unknown as W).muwaziTest.caret());
}

test('Ctrl+Backspace deletes the previous word in the English; rows and their status stay', { skip: skip ?? false }, async () => {
  await mountEditor(page, withEnglish(), TEXT);
  await caretAt(page, 't2', 'The branch'.length);
  await page.keyboard.press('Control+Backspace');
  await page.waitForFunction(() => document.querySelectorAll('p.tgt')[1].textContent === 'The  opened in Dubai in 2024.');
  const a = await ann();
  assert.equal(a.units.length, 4);
  assert.equal(a.units[0].status, 'reviewed');
  // at the start of a row's English it still never merges rows
  await caretAt(page, 't2', 0);
  await page.keyboard.press('Control+Backspace');
  assert.equal((await ann()).units.length, 4);
});

test('Ctrl+Delete deletes the next word in the English, never merges rows', { skip: skip ?? false }, async () => {
  await mountEditor(page, withEnglish(), TEXT);
  await caretAt(page, 't3', 'The '.length);
  await page.keyboard.press('Control+Delete');
  await page.waitForFunction(() => document.querySelectorAll('p.tgt')[2].textContent === 'The  did not comment.');
  await caretAt(page, 't3', 'The  did not comment.'.length);
  await page.keyboard.press('Control+Delete');
  assert.equal((await ann()).units.length, 4);
});

test('Ctrl+Alt+P merges with the previous row, Ctrl+Alt+N with the next; Ctrl+Z and Ctrl+Y undo and redo', { skip: skip ?? false }, async () => {
  await mountEditor(page, withEnglish(), TEXT);
  await caretAt(page, 't2', 3);
  await page.keyboard.press('Control+Alt+p');
  assert.deepEqual((await ann()).units.map((u) => u.source), [['s1', 's2'], ['s3'], ['s4']]);
  await page.keyboard.press('Control+Alt+n');
  assert.deepEqual((await ann()).units.map((u) => u.source), [['s1', 's2', 's3'], ['s4']]);
  assert.deepEqual((await ann()).units[0].target, ['t1', 't2', 't3']);
  await page.keyboard.press('Control+z');
  assert.equal((await ann()).units.length, 3);
  await page.keyboard.press('Control+y');
  assert.equal((await ann()).units.length, 2);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');
  assert.equal((await ann()).units.length, 2);
});

test('Ctrl+Enter goes back to the previous row\'s English (OmegaT); Ctrl+Alt+R splits the row', { skip: skip ?? false }, async () => {
  await mountEditor(page, withEnglish(), TEXT);
  await caretAt(page, 't3', 4);
  await page.keyboard.press('Control+Enter');
  assert.equal((await caret()).id, 't2');
  assert.equal((await ann()).units.length, 4);
  // a row of two Arabic sentences is split with the deliberate chord
  await caretAt(page, 't2', 3);
  await page.keyboard.press('Control+Alt+p');
  await caretAt(page, 's2', 2);
  await page.keyboard.press('Control+Alt+r');
  assert.deepEqual((await ann()).units.map((u) => u.source), [['s1'], ['s2'], ['s3'], ['s4']]);
});

test('Enter in the English moves to the next row\'s English; Shift+Enter splits the sentence', { skip: skip ?? false }, async () => {
  await mountEditor(page, withEnglish(), TEXT);
  await caretAt(page, 't1', 3);
  await page.keyboard.press('Enter');
  assert.equal((await caret()).id, 't2');
  let a = await ann();
  assert.equal(a.targets.length, 3, 'no sentence was added');
  assert.equal(a.targets[0].text, withEnglish().targets[0].text);
  // the last row: Enter does nothing (no new sentence, the caret stays)
  await caretAt(page, 't3', 0);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal((await caret()).id !== 't3', true, 'row 3 → row 4 (no English yet)');
  assert.equal((await caret()).dir, 'ltr');
  await page.keyboard.press('Enter');
  a = await ann();
  assert.equal(a.targets.length, 3);
  // Shift+Enter splits the English sentence at the caret
  await caretAt(page, 't2', 'The branch opened'.length);
  await page.keyboard.press('Shift+Enter');
  a = await ann();
  assert.deepEqual(a.units[1].target.length, 2);
  assert.deepEqual(a.units[1].target.map((id) => a.targets.find((t) => t.id === id)!.text), ['The branch opened', 'in Dubai in 2024.']);
});

test('ArrowDown on the English cell\'s last line goes to the next row\'s English; ArrowUp on the first line to the previous row\'s', { skip: skip ?? false }, async () => {
  await mountEditor(page, withEnglish(), TEXT);
  await caretAt(page, 't1', 5);
  await page.keyboard.press('ArrowDown');
  let c = await caret();
  assert.deepEqual([c.id, c.offset, c.dir], ['t2', 0, 'ltr']);
  await page.keyboard.press('ArrowDown');
  c = await caret();
  assert.equal(c.id, 't3');
  await page.keyboard.press('ArrowUp');
  c = await caret();
  assert.deepEqual([c.id, c.offset], ['t2', 'The branch opened in Dubai in 2024.'.length]);
  // inside a cell of two sentences ArrowDown from the first stays in the cell (native line move)
  await caretAt(page, 't2', 'The branch opened'.length);
  await page.keyboard.press('Shift+Enter');
  await caretAt(page, 't2', 2);
  await page.keyboard.press('ArrowDown');
  c = await caret();
  const second = (await ann()).units[1].target[1];
  assert.equal(c.id, second);
});

test('in the app: a merge updates the row count at once and says that it lowered the row\'s status', { skip: skip ?? false }, async () => {
  const e = await startE2E();
  try {
    const p = e.page;
    await openReportAt(p, 0);
    const rows = async () => p.locator('.muwazi-editor .row').count();
    const before = await rows();
    assert.match((await p.locator('.status-rows').textContent()) ?? '', new RegExp(`^${before} rows$`));
    // row 1: translated (auto → draft → translated; reviewed is review mode's, see app-review.test.ts)
    await p.locator('.muwazi-editor .row').nth(0).locator('.tgt').first().click();
    // the editor has taken the click before the keys (the status bar names the caret's row)
    const first = await p.locator('.muwazi-editor .row').nth(0).getAttribute('data-id');
    await p.waitForSelector(`.status-row-status[data-row="${first}"]`);
    for (let i = 0; i < 2; i++) await p.keyboard.press('Control+Alt+s');
    await p.waitForSelector('.muwazi-editor .row[data-status="translated"]');
    await p.waitForFunction(() => document.querySelector('.status-row-status')?.textContent === 'Row: Translated');
    await p.keyboard.press('Control+Alt+n');
    await p.waitForFunction((n) => document.querySelectorAll('.muwazi-editor .row').length === n, before - 1);
    await p.waitForFunction((n) => document.querySelector('.status-rows')?.textContent === `${n} rows`, before - 1);
    const note = (await p.locator('.status-note').textContent()) ?? '';
    assert.match(note, /from Translated to Automatic/);
    // Ctrl+Y redoes in the browser too (after Ctrl+Z)
    await p.keyboard.press('Control+z');
    await p.waitForFunction((n) => document.querySelectorAll('.muwazi-editor .row').length === n, before);
    await p.waitForFunction((n) => document.querySelector('.status-rows')?.textContent === `${n} rows`, before);
    await p.keyboard.press('Control+y');
    await p.waitForFunction((n) => document.querySelectorAll('.muwazi-editor .row').length === n, before - 1);
    assert.deepEqual(e.errors, []);
  } finally {
    await e.close();
  }
});
