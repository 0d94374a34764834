// Row groups in real Chromium (rows.ts, editor.css): a 3,000-row report renders as 30 groups of 100
// rows, skipped off screen by content-visibility; jumps far down the report (goToRow, Ctrl+End,
// find's next hit, F8 to a QA finding) must still land on the right row, visible at the caret.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { missingPrecondition, mountEditor, openEditorPage, selectionSynced, type EditorPage } from './editor-page.ts';
import { createAnnotations } from '../../shared/model/create.ts';
import { cpLength } from '../../shared/text/offsets.ts';
import type { Annotations } from '../../shared/model/types.ts';
import type { MuwaziTest } from '../../renderer/editor-test.ts';

const skip = missingPrecondition();
if (skip) console.log(`# skipping editor browser tests: ${skip}`);

const ROWS = 3000;
const DIGITS = '٠١٢٣٤٥٦٧٨٩';
const arabicIndic = (n: number) => String(n).replace(/\d/g, (d) => DIGITS[Number(d)]);

/** ROWS rows of Arabic (harakat, Arabic-Indic digits) with English; row 2,700 names Zanzibar, row
 * 2,900's English says 2042 where its Arabic says ٢٠٢٤ (a QA number finding). */
function report(): { a: Annotations; text: string } {
  const sentences = Array.from({ length: ROWS }, (_, i) => (i === 2899 ? 'افتُتح الفرع في دبيّ يوم ٢٠٢٤.' : `وقالَ المتحدث في الجلسة رقم ${arabicIndic(i + 1)}.`));
  const text = sentences.join(' ');
  const spans: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const s of sentences) {
    spans.push({ start: at, end: at + cpLength(s) });
    at += cpLength(s) + 1;
  }
  const a = createAnnotations(
    { file: 'big.txt', sha256: 'b'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' },
    text, spans, '2024-01-01T00:00:00.000Z',
  );
  a.targets = a.units.map((u, i) => ({ id: `t${i + 1}`, text: i === 2699 ? 'They flew to Zanzibar 🚀.' : i === 2899 ? 'The branch opened in Dubai in 2042.' : `The speaker spoke at session ${i + 1}.` }));
  a.units.forEach((u, i) => { u.target = [`t${i + 1}`]; });
  return { a, text };
}

type W = { muwaziTest: MuwaziTest };
let ep: EditorPage;
let page: Page;

before(async () => {
  if (skip) return;
  ep = await openEditorPage();
  page = ep.page;
  const { a, text } = report();
  await mountEditor(page, a, text);
});
after(async () => {
  if (ep) await ep.close();
});

/** Focus the editor (as the app does) and put the caret in row `index` through the handle. */
async function goToRow(index: number): Promise<boolean> {
  return page.evaluate((i) => {
    const e = (window as unknown as W).muwaziTest.editor!;
    e.focus();
    return e.goToRow(i);
  }, index);
}

/** Waits until the caret sits in the row with unit id `unit` and that row is what is on screen at
 * the caret (elementFromPoint): the jump landed and scrolled there. */
async function landedOn(unit: string): Promise<void> {
  await selectionSynced(page);
  await page.waitForFunction((unit) => {
    const sel = document.getSelection();
    if (!sel || !sel.rangeCount) return false;
    const r = sel.getRangeAt(0).getClientRects()[0] ?? (sel.focusNode as Element | null)?.parentElement?.getBoundingClientRect();
    if (!r || r.bottom <= 0 || r.top >= innerHeight) return false;
    const el = document.elementFromPoint(r.left + 1, (r.top + r.bottom) / 2);
    return el?.closest<HTMLElement>('.row')?.dataset.id === unit
      && (window as unknown as W).muwaziTest.editor!.view.state.selection.$head.node(2).attrs.id === unit;
  }, unit, { timeout: 20_000 });
}

test('a 3,000-row report renders as 30 groups of 100 rows, each sized by its row count', { skip: skip ?? false }, async () => {
  const info = await page.evaluate(() => ({
    groups: [...document.querySelectorAll<HTMLElement>('.muwazi-editor > .row-group')].map((g) => g.dataset.rows),
    rows: document.querySelectorAll('.muwazi-editor > .row-group > .row').length,
    visibility: [...document.querySelectorAll('.row-group')].map((g) => getComputedStyle(g).contentVisibility),
  }));
  assert.deepEqual(info.groups, Array(30).fill('100'));
  assert.equal(info.rows, ROWS);
  // skipped off screen, but for the first and last blocks (native Ctrl+Home / Ctrl+End, editor.css)
  assert.deepEqual(info.visibility, ['visible', ...Array(28).fill('auto'), 'visible']);
});

test('goToRow to the last row and back to the first lands on the row, on screen', { skip: skip ?? false }, async () => {
  assert.equal(await goToRow(2999), true);
  await landedOn('u3000');
  assert.equal(await goToRow(1234), true);
  await landedOn('u1235');
  assert.equal(await goToRow(0), true);
  await landedOn('u1');
});

test('Ctrl+End from the first row goes to the last row, Ctrl+Home back to the first', { skip: skip ?? false }, async () => {
  await goToRow(0);
  await landedOn('u1');
  await page.keyboard.press('Control+End');
  await landedOn('u3000');
  await page.keyboard.press('Control+Home');
  await landedOn('u1');
});

test('find: the next hit far down the report is selected and scrolled to; F8 jumps to the QA row', { skip: skip ?? false }, async () => {
  await goToRow(0);
  await landedOn('u1');
  const n = await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.setFind('Zanzibar').count);
  assert.equal(n, 1);
  assert.equal(await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.runCommand('findNext')), true);
  await landedOn('u2700');
  assert.equal(await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.view.state.doc.textBetween(
    (window as unknown as W).muwaziTest.editor!.view.state.selection.from, (window as unknown as W).muwaziTest.editor!.view.state.selection.to)), 'Zanzibar');
  await page.evaluate(() => (window as unknown as W).muwaziTest.editor!.setFind(''));
  // F8: the number finding in row 2,900 (٢٠٢٤ against 2042)
  await goToRow(2800);
  await landedOn('u2801');
  await page.keyboard.press('F8');
  await landedOn('u2900');
});
