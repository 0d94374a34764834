// Entity tagging in real Chromium (editor test page): select with Shift+arrows in a right-to-left
// cell, tag with the plain key, then walk the caret across the new mark both ways (ProseMirror
// issues #1350/#1351: ArrowLeft moves forward in RTL; the caret must never stick at a mark edge);
// Alt+key tags in the English, where a plain key types.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { caretAt, missingPrecondition, mountEditor, openEditorPage, selectionSynced, type EditorPage } from './editor-page.ts';
import { fixture, TEXT } from '../renderer/editor/helpers.ts';
import type { MuwaziTest } from '../../renderer/editor-test.ts';

const skip = missingPrecondition();
if (skip) console.log(`# skipping entity browser tests: ${skip}`);

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


/** ProseMirror's selection once it agrees with the DOM's: sentence id, anchor/head offsets, text. */
async function selection() {
  await selectionSynced(page);
  return page.evaluate(() => {
    const view = (window as unknown as W).muwaziTest.editor!.view;
    const { $head, from, to } = view.state.selection;
    return { id: $head.parent.attrs.id as string, head: $head.parentOffset, text: view.state.doc.textBetween(from, to) };
  });
}

test('Shift+ArrowLeft selects forward in the Arabic; P tags it; arrows cross the new mark both ways', { skip: skip ?? false }, async () => {
  await mountEditor(page, fixture(), TEXT);
  const s3 = 'لم يُعلّق المتحدث.';
  const at = s3.indexOf('المتحدث');
  // select "المتحدث." with the keyboard from its start: in RTL, Shift+ArrowLeft extends forward
  await caretAt(page, 's3', at);
  for (let i = 0; i < 'المتحدث.'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  assert.equal((await selection()).text, 'المتحدث.');
  await page.keyboard.press('p');
  const span = page.locator('p.src[data-id="s3"] span.ent[data-type="PER"]');
  await span.waitFor();
  assert.equal(await span.innerText(), 'المتحدث', 'the final full stop is snapped off');
  assert.equal(await span.getAttribute('aria-label'), null);
  assert.equal(await span.evaluate((el) => getComputedStyle(el, '::after').content), '"PER"');
  assert.equal(await span.evaluate((e) => getComputedStyle(e).borderBottomColor), 'rgb(217, 72, 15)', 'the type colour applies (no inline style)');

  // walk forward (ArrowLeft in RTL) from the sentence start to its end: one step per character,
  // never stuck at the mark's edges
  await caretAt(page, 's3', 0);
  const fwd: number[] = [];
  for (let i = 0; i < s3.length + 2; i++) {
    await page.keyboard.press('ArrowLeft');
    const c = await selection();
    if (c.id !== 's3') break;
    fwd.push(c.head);
  }
  const within = fwd.filter((x) => x <= s3.length);
  assert.ok(within.includes(at) && within.includes(at + 'المتحدث'.length), `crossed both edges: ${within.join(',')}`);
  for (let i = 1; i < within.length; i++) assert.ok(within[i] > within[i - 1], `forward at every step: ${within.join(',')}`);
  // and back (ArrowRight in RTL)
  await caretAt(page, 's3', s3.length);
  const back: number[] = [];
  for (let i = 0; i < s3.length + 2; i++) {
    await page.keyboard.press('ArrowRight');
    const c = await selection();
    if (c.id !== 's3') break;
    back.push(c.head);
    if (c.head === 0) break;
  }
  assert.ok(back.includes(at) && back.includes(at + 'المتحدث'.length), `crossed both edges: ${back.join(',')}`);
  for (let i = 1; i < back.length; i++) assert.ok(back[i] < back[i - 1], `backward at every step: ${back.join(',')}`);

  // undo removes the tag in one step
  await page.keyboard.press('Control+z');
  await span.waitFor({ state: 'detached' });
});

test('in the English a plain key types and Alt+key tags; Shift+ArrowRight selection works across a mark', { skip: skip ?? false }, async () => {
  await mountEditor(page, fixture(), TEXT);
  const t1 = 'The president said Apple will hire 123 people.';
  await caretAt(page, 't1', t1.indexOf('president'));
  for (let i = 0; i < 'president'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.equal((await selection()).text, 'president');
  await page.keyboard.press('Alt+p');
  const span = page.locator('p.tgt span.ent[data-type="PER"]');
  await span.waitFor();
  assert.equal(await span.innerText(), 'president');
  // a selection running across the Apple mark (ORG) and beyond is refused: it overlaps
  await caretAt(page, 't1', t1.indexOf('said'));
  for (let i = 0; i < 'said Apple will'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  assert.equal((await selection()).text, 'said Apple will');
  await page.keyboard.press('Alt+l');
  const toast = page.locator('.ent-toast.ent-toast-error');
  await toast.waitFor();
  assert.match(await toast.innerText(), /overlaps the ORG mention “Apple”/);
  assert.equal(await page.locator('p.tgt span.ent[data-type="LOC"]').count(), 0);
  // a plain key still types
  await caretAt(page, 't1', t1.length);
  await page.keyboard.type(' p');
  assert.match(await page.locator('p.tgt').first().innerText(), / p$/);
});

test('a refused Alt+Backspace is not prevented (the platform deletes a word); on a mention it removes the tag', { skip: skip ?? false }, async () => {
  await mountEditor(page, fixture(), TEXT);
  // every keydown's defaultPrevented, read after the editor's own handler (bubbling to window)
  await page.evaluate(() => {
    const w = window as unknown as { __prevented: boolean[] };
    w.__prevented = [];
    window.addEventListener('keydown', (ev) => { if (ev.key === 'Backspace') w.__prevented.push(ev.defaultPrevented); });
  });
  const prevented = () => page.evaluate(() => (window as unknown as { __prevented: boolean[] }).__prevented);
  const t1 = 'The president said Apple will hire 123 people.';
  // off any mention or suggestion: the editor refuses and leaves the key alone
  await caretAt(page, 't1', t1.indexOf('president') + 'president'.length);
  await page.keyboard.press('Alt+Backspace');
  await page.waitForFunction(() => (window as unknown as { __prevented: boolean[] }).__prevented.length === 1);
  assert.deepEqual(await prevented(), [false]);
  assert.equal(await page.locator('.ent-toast.ent-toast-error:not([hidden])').count(), 0, 'no refusal message for a key left to the platform');
  // on the Apple mention it removes the tag and takes the key
  await mountEditor(page, fixture(), TEXT);
  const apple = page.locator('p.tgt span.ent[data-type="ORG"]');
  await apple.waitFor();
  await caretAt(page, 't1', t1.indexOf('Apple') + 2);
  await page.keyboard.press('Alt+Backspace');
  await apple.waitFor({ state: 'detached' });
  assert.deepEqual(await prevented(), [false, true]);
});
