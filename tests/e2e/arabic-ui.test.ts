// End to end in Chromium: the Arabic UI is Arabic everywhere. The test switches to Arabic (View →
// Language → العربية) and walks every panel and dialog (tests/e2e/helpers/screens.ts); at each stop it
// collects the visible text nodes, the text of ::before/::after, the document title and the
// title / aria-label / placeholder / alt attributes, and fails on any Latin-script word that is not
// one of the few things that stay Latin in an Arabic UI: a file name or path, a format name, a key
// name, a tag type, or user text (the report's own sentences and names, matches, suggestions).
// Every offender is printed with where it was seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { startE2E } from './helpers/server.ts';
import { walkScreens } from './helpers/screens.ts';

/** Where user text is shown: the report's sentences, entity forms, matches, hits, spell words, glossary entries, folders. */
const USER_TEXT = [
  '.muwazi-editor p.src', '.muwazi-editor p.tgt', // the report's sentences
  '[lang]:not([lang="ar"]):not(html)', // content marked as another language (English forms, matches, hits)
  '.spell-menu-word', '[data-suggestion]', // the misspelt word and its suggestions
  '.user-text', // names the user chose or the OS gave (the Settings dialog's user name)
].join(', ');

/** Latin words allowed in the Arabic UI: format names, key names, tag types (incl. BIO's O), encodings. */
const ALLOWED_WORDS = new Set([
  // formats
  'TMX', 'XLIFF', 'CoNLL', 'brat', 'TSV', 'CSV', 'JSON', 'JSONL', 'HTML', 'Moses', 'BIO', 'IOB', 'IOB2', 'UTF', 'BOM',
  // keys
  'Ctrl', 'Shift', 'Alt', 'Cmd', 'Enter', 'Tab', 'Esc', 'Escape', 'Home', 'End', 'PageUp', 'PageDown', 'Backspace', 'Delete', 'Space', 'Insert',
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'ContextMenu',
  // tag types
  'PER', 'ORG', 'LOC', 'MISC', 'O',
  // encodings
  'windows', 'utf', 'iso', 'le', 'be',
]);
/** Latin phrases allowed whole: a format name in two words, a command name, examples of Latin text
 * the segmenter settings must handle (an abbreviation, a phrase with inner punctuation). */
const ALLOWED_PHRASES = ['JSON Lines', 'git pull', 'Corr.', 'Yahoo! News'];
/** A key name: F1…F12 (and a letter or digit after a modifier, e.g. Ctrl+E, handled below). */
const KEY = /^F\d{1,2}$/;
/** A version number (x.y.z), an identifier rather than a count. */
const VERSION = /^v?\d+\.\d+\.\d+/;
/** A file name or a path (a token with a dot extension or a slash). */
const FILE_OR_PATH = /[\\/]|\.[A-Za-z0-9]{1,6}$/;

/** The Latin words of `text` that are not allowed, or [] when it is fine; `names` are the fixture's
 * own file and folder names (shown without extension too). */
function offendingWords(text: string, names: ReadonlySet<string> = new Set()): string[] {
  const bad: string[] = [];
  let rest = text;
  for (const p of ALLOWED_PHRASES) rest = rest.split(p).join(' ');
  for (const raw of rest.split(/[\s\u00a0\u200e\u200f()[\]{}«»"'“”،,:;؛—–…]+/)) {
    const token = raw.replace(/[.!?؟]+$/, '');
    if (!/[\p{Script=Latin}0-9]/u.test(token)) continue;
    if (FILE_OR_PATH.test(token) || names.has(token) || VERSION.test(token)) continue;
    // key chords: Ctrl+Shift+E
    const parts = token.split(/[+\-‑]/).filter(Boolean);
    const isChord = parts.length > 1 && parts.every((p) => ALLOWED_WORDS.has(p) || KEY.test(p) || /^[A-Z0-9.,/]$/.test(p));
    if (isChord) continue;
    for (const w of token.match(/\p{Script=Latin}[\p{Script=Latin}\d]*/gu) ?? []) {
      if (!ALLOWED_WORDS.has(w) && !KEY.test(w)) bad.push(w);
    }
    // a count in Latin digits (the Arabic UI writes numbers with Arabic-Indic digits); digits inside
    // an allowed word (IOB2, F1) or an encoding name (UTF-8, windows-1256) are part of a name
    const bare = token.replace(/\p{Script=Latin}[\p{Script=Latin}\d]*(-\d+)?/gu, '');
    for (const d of bare.match(/\d+/g) ?? []) bad.push(d);
  }
  return bad;
}

/** Visible UI texts of the page: [where, text] pairs (user text left out). */
async function uiTexts(page: Page): Promise<Array<[string, string]>> {
  // tsx (esbuild keepNames) wraps the named inner functions below in __name(): give the page one
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate((userText) => {
    const out: Array<[string, string]> = [];
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let x: Element | null = el; x && parts.length < 3; x = x.parentElement) {
        const cls = typeof x.className === 'string' && x.className ? `.${x.className.trim().split(/\s+/).join('.')}` : '';
        // one data- attribute of the element itself (ancestors' ids would list each row apart)
        const data = x !== el ? '' : [...x.attributes].filter((a) => a.name.startsWith('data-')).slice(0, 1).map((a) => `[${a.name}="${a.value}"]`).join('');
        parts.unshift(`${x.tagName.toLowerCase()}${cls}${data}`);
      }
      return parts.join(' > ');
    };
    const visible = (el: Element) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) || (el.tagName === 'OPTION' && !!el.closest('select')?.checkVisibility());
    out.push(['document.title', document.title]);
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el)) continue;
      // generated content is always the app's own, even on a sentence (the "no English yet" placeholder)
      for (const pseudo of ['::before', '::after']) {
        // its strings: the drawn text and, after a slash, the text screen readers get
        const strings = (getComputedStyle(el, pseudo).content.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((q) => JSON.parse(q) as string);
        if (strings.join('').trim()) out.push([`${describe(el)}${pseudo}`, strings.join(' / ')]);
      }
      // so are the attributes the app writes, even on user text (a mention's aria-label)
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v?.trim()) out.push([`${describe(el)} @${a}`, v.trim()]);
      }
      if (el.closest(userText)) continue;
      for (const n of el.childNodes) {
        if (n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) out.push([describe(el), n.textContent!.trim()]);
      }
    }
    return out;
  }, USER_TEXT);
}

test('the Arabic UI shows no English UI string on any panel or dialog', async () => {
  const e = await startE2E();
  try {
    // the fixture's own names: the workspace folder and the reports (with and without .txt)
    const reports = await e.page.locator('button.report').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-name') ?? ''));
    const names = new Set([basename(e.workspace), ...reports, ...reports.map((r) => r.replace(/\.txt$/, ''))]);
    const offenders = new Map<string, Set<string>>();
    const visited: string[] = [];
    const walk = await walkScreens(e, async (screen, page) => {
      visited.push(screen);
      for (const [where, text] of await uiTexts(page)) {
        const bad = offendingWords(text, names);
        if (!bad.length) continue;
        const key = `${where}: "${text.slice(0, 120)}"`;
        const seen = offenders.get(key) ?? new Set<string>();
        seen.add(screen);
        offenders.set(key, seen);
      }
    }, { arabic: true }).catch((err: unknown) => err);
    const list = [...offenders].map(([k, screens]) => `  ${k}  (on: ${[...screens].join('; ')})`).join('\n');
    if (walk) throw new Error(`the walk broke after ${visited.join(', ')}: ${String(walk)}\n${list}`);
    assert.ok(visited.length >= 24, `the walk reached every screen: ${visited.join(', ')}`);
    assert.equal(offenders.size, 0, `English left in the Arabic UI:\n${list}`);
  } finally {
    await e.close();
  }
});

test('the allow-list check itself: English UI words fail, file names, formats, keys and tag types pass', () => {
  assert.deepEqual(offendingWords('English…'), ['English']);
  assert.deepEqual(offendingWords('تصدير إلى TMX أو XLIFF'), []);
  assert.deepEqual(offendingWords('اضغط Ctrl+Shift+E أو F1'), []);
  assert.deepEqual(offendingWords('حُفظ في /tmp/out/report.tmx'), []);
  assert.deepEqual(offendingWords('PER ↔ سوريا'), []);
  assert.deepEqual(offendingWords('Unsaved edits are kept'), ['Unsaved', 'edits', 'are', 'kept']);
  assert.deepEqual(offendingWords('جارٍ فتح 000_report…', new Set(['000_report'])), []);
  assert.deepEqual(offendingWords('يعمل في وضع browser.'), ['browser']);
  assert.deepEqual(offendingWords('الكيانات (3)'), ['3']);
  assert.deepEqual(offendingWords('الكيانات (٣)، UTF-8، windows-1256، IOB2'), []);
});
