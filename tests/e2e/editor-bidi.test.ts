// The editor in real Chromium: dir/lang on cells, typing English, the Arabic refusing edits,
// arrow keys in RTL cells and across entity marks in Arabic and mixed Arabic/Latin runs
// (ProseMirror issues #1350/#1351).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { caretAt, missingPrecondition, mountEditor, openEditorPage, selectionSynced, type EditorPage } from './editor-page.ts';
import { fixture, spanOf, S1, S3, TEXT } from '../renderer/editor/helpers.ts';
import type { Annotations } from '../../shared/model/types.ts';
import type { MuwaziTest } from '../../renderer/editor-test.ts';

const skip = missingPrecondition();
if (skip) console.log(`# skipping editor browser tests: ${skip}`);

let ep: EditorPage;
let page: Page;

/** The fixture plus a mention on "المتحدث" in S3 (an all-Arabic mark). */
function annotations(): Annotations {
  const a = fixture();
  const sp = spanOf('المتحدث');
  a.entities.push({ id: 'e2', type: 'PER' });
  a.mentions.push({ id: 'm3', side: 'ar', sentence: 's3', start: sp.start, end: sp.end, text: 'المتحدث', type: 'PER', entity: 'e2' });
  return a;
}

type W = { muwaziTest: MuwaziTest };


/** The caret, once ProseMirror's state agrees with the DOM selection (arrow keys move the DOM
 * selection natively; the editor picks it up on selectionchange). */
async function caret() {
  await selectionSynced(page);
  return page.evaluate(() => (window as unknown as W).muwaziTest.caret());
}

before(async () => {
  if (skip) return;
  ep = await openEditorPage();
  page = ep.page;
});
after(async () => {
  if (ep) await ep.close();
});

test('every sentence element carries dir and lang; rows carry id and status', { skip: skip ?? false }, async () => {
  await mountEditor(page, annotations(), TEXT);
  const info = await page.evaluate(() => ({
    src: [...document.querySelectorAll('p.src')].map((p) => `${p.getAttribute('dir')}/${p.getAttribute('lang')}/${getComputedStyle(p).direction}`),
    tgt: [...document.querySelectorAll('p.tgt')].map((p) => `${p.getAttribute('dir')}/${p.getAttribute('lang')}/${getComputedStyle(p).direction}`),
    rows: [...document.querySelectorAll('div.row')].map((r) => `${r.getAttribute('data-id')}:${r.getAttribute('data-status')}`),
    // type | the label shown after the name (colour is never the only cue) | colour
    ent: [...document.querySelectorAll('span.ent')].map((e) => `${e.getAttribute('data-type')}|${getComputedStyle(e, '::after').content}|${getComputedStyle(e).borderBottomColor}`),
  }));
  assert.deepEqual(info.src, Array(4).fill('rtl/ar/rtl'));
  assert.deepEqual(info.tgt, Array(4).fill('ltr/en/ltr'));
  assert.deepEqual(info.rows, ['u1:draft', 'u2:auto', 'u3:auto', 'u4:auto']);
  // document order: Apple (s1), Apple (t1), المتحدث (s3)
  assert.deepEqual(info.ent, ['ORG|"ORG"|rgb(25, 113, 194)', 'ORG|"ORG"|rgb(25, 113, 194)', 'PER|"PER"|rgb(217, 72, 15)']);
});

test('the Arabic column is at the inline start: left in an LTR UI, right in an RTL UI', { skip: skip ?? false }, async () => {
  await mountEditor(page, annotations(), TEXT);
  const side = () => page.evaluate(() => {
    const row = document.querySelector('div.row')!;
    const src = row.querySelector('.cell-src')!.getBoundingClientRect();
    const tgt = row.querySelector('.cell-tgt')!.getBoundingClientRect();
    return src.left < tgt.left ? 'left' : 'right';
  });
  assert.equal(await side(), 'left');
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  assert.equal(await side(), 'right');
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'ltr'));
});

test('typing in an English cell updates the annotations and moves the row to draft', { skip: skip ?? false }, async () => {
  await mountEditor(page, annotations(), TEXT);
  await page.locator('div.row').nth(1).locator('p.tgt').click();
  await page.keyboard.type('The branch opened in Dubai.');
  const ann = await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.getAnnotations());
  assert.deepEqual(ann.units[1].target, ['t2']);
  assert.equal(ann.targets.find((t) => t.id === 't2')!.text, 'The branch opened in Dubai.');
  assert.equal(ann.units[1].status, 'draft');
  assert.equal(await page.locator('div.row').nth(1).getAttribute('data-status'), 'draft');
  // Ctrl+Z takes the typing back
  await page.keyboard.press('Control+z');
  const undone = await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.getAnnotations());
  assert.deepEqual(undone.units[1].target, []);
});

test('typing, deleting and pasting in the Arabic change nothing', { skip: skip ?? false }, async () => {
  await mountEditor(page, annotations(), TEXT);
  await caretAt(page, 's3', 3);
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Enter');
  const state = await page.evaluate(() => {
    const { editor } = (window as unknown as W).muwaziTest;
    return { dom: document.querySelectorAll('p.src')[2].textContent, ann: editor!.getAnnotations() };
  });
  assert.equal(state.dom, S3);
  assert.deepEqual(state.ann.segments.map((s) => s.text), fixture().segments.map((s) => s.text));
  assert.equal(state.ann.units.length, 4);
});

/** Press `key` until the caret stops moving or leaves the sentence (at most `max` times); the
 * offsets visited inside the sentence. Ends with the caret back at the last offset visited. */
async function walk(key: string, max: number): Promise<number[]> {
  const start = await caret();
  const seen = [start.offset];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const c = await caret();
    if (c.id !== start.id || c.offset === seen[seen.length - 1]) break;
    seen.push(c.offset);
  }
  await caretAt(page, start.id!, seen[seen.length - 1]);
  return seen;
}

test('in an RTL cell ArrowLeft moves forward and ArrowRight back, across an Arabic entity mark', { skip: skip ?? false }, async () => {
  await mountEditor(page, annotations(), TEXT);
  await caretAt(page, 's3', 0);
  assert.equal((await caret()).dir, 'rtl');
  const fwd = await walk('ArrowLeft', 40);
  // strictly forward through the whole sentence, including in and out of the متحدث mark
  for (let i = 1; i < fwd.length; i++) assert.ok(fwd[i] > fwd[i - 1], `forward at step ${i}: ${fwd.join(',')}`);
  assert.equal(fwd[fwd.length - 1], S3.length);
  const mStart = S3.indexOf('المتحدث');
  assert.ok(fwd.includes(mStart) && fwd.includes(mStart + 'المتحدث'.length), 'stops at both mark edges: ' + fwd.join(','));
  assert.equal((await caret()).id, 's3', 'stays in the sentence');
  const back = await walk('ArrowRight', 40);
  for (let i = 1; i < back.length; i++) assert.ok(back[i] < back[i - 1], `backward at step ${i}: ${back.join(',')}`);
  assert.equal(back[back.length - 1], 0);
});

test('arrow keys cross a Latin entity inside Arabic (mixed run) without getting stuck', { skip: skip ?? false }, async () => {
  await mountEditor(page, annotations(), TEXT);
  await caretAt(page, 's1', 0);
  const fwd = await walk('ArrowLeft', 80);
  const visited = new Set(fwd);
  const aStart = S1.indexOf('Apple');
  // every offset of the Latin word and its edges is reached, and the walk reaches the end
  for (let o = aStart; o <= aStart + 5; o++) assert.ok(visited.has(o), `offset ${o} visited: ${fwd.join(',')}`);
  assert.equal(Math.max(...fwd), S1.length, 'reaches the end of the sentence');
  assert.equal((await caret()).id, 's1');
  // typing at the mark's end in the English does not extend the mention (inclusive: false)
  const en = 'The president said Apple'.length;
  await caretAt(page, 't1', en);
  await page.keyboard.type('X');
  const ann = await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.getAnnotations());
  assert.equal(ann.mentions.find((m) => m.id === 'm2')!.text, 'Apple');
});

test('keyboard shortcuts run the row commands (split row, merge, undo)', { skip: skip ?? false }, async () => {
  await mountEditor(page, annotations(), TEXT);
  await caretAt(page, 's2', 2);
  // merges sit on Ctrl+Alt+P / Ctrl+Alt+N (issue 14): Ctrl+Backspace keeps deleting a word
  await page.keyboard.press('Control+Alt+p');
  assert.equal(await page.locator('div.row').count(), 3);
  await caretAt(page, 's2', 2);
  await page.keyboard.press('Control+Alt+r');
  assert.equal(await page.locator('div.row').count(), 4);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  const ann = await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.getAnnotations());
  assert.deepEqual(ann.units.map((u) => u.source), [['s1'], ['s2'], ['s3'], ['s4']]);
  // Tab goes to the next row's English
  await caretAt(page, 's1', 0);
  await page.keyboard.press('Tab');
  const c = await caret();
  assert.equal(c.dir, 'ltr');
  assert.equal(await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.view.state.selection.$head.node(2).attrs.id), 'u2');
});

test('a Latin caption inside an Arabic report reads left to right: its full stop at its right end', { skip: skip ?? false }, async () => {
  const { createAnnotations } = await import('../../shared/model/create.ts');
  const text = 'قال المرصد إن 67 قتلوا.\nPhoto: AFP archive.\n';
  const a = createAnnotations({ file: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: Array.from(text).length, language: 'ar' }, text,
    [{ start: 0, end: 23 }, { start: 24, end: 43 }], '2026-12-04T00:00:00.000Z');
  await mountEditor(page, a, text);
  const got = await page.evaluate(() => [...document.querySelectorAll('p.src')].map((p) => {
    const node = p.firstChild!;
    const range = document.createRange();
    const len = node.textContent!.length;
    range.setStart(node, len - 1);
    range.setEnd(node, len);
    const stop = range.getBoundingClientRect();
    range.setStart(node, 0);
    range.setEnd(node, 1);
    const first = range.getBoundingClientRect();
    return { dir: getComputedStyle(p).direction, stopRightOfFirst: stop.left > first.left };
  }));
  assert.deepEqual(got, [{ dir: 'rtl', stopRightOfFirst: false }, { dir: 'ltr', stopRightOfFirst: true }]);
});
