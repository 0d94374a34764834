// Opens the editor test page (dist/renderer/editor-test.html, built by scripts/build.mjs) in
// Debian's Chromium through playwright-core, served from a loopback HTTP server (file:// breaks
// module loading). Playwright gives each launch a fresh temporary profile. Used by tests/e2e/editor-*.test.ts and bench/editor.bench.ts.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Annotations } from '../../shared/model/types.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATHS, chromiumPath } from './helpers/server.ts';

const ROOT = 'dist/renderer';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.map': 'application/json',
};

/** Why the browser tests cannot run here, or null when they can. */
export function missingPrecondition(): string | null {
  if (!CHROMIUM_PATHS.some((p) => existsSync(p))) return `Chromium is not installed (looked at ${CHROMIUM_PATHS.join(', ')}; apt-get install chromium)`;
  if (!existsSync(join(ROOT, 'editor-test.html')) || !existsSync(join(ROOT, 'editor-test.js'))) return 'the editor test page is not built (run node scripts/build.mjs)';
  return null;
}

/** A running page with the editor test script loaded, and how to close everything. */
export interface EditorPage {
  page: Page;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/editor-test.html` });
  }));
}

/** Launch Chromium, open the test page and wait for its ready signal. */
export async function openEditorPage(options: { viewport?: { width: number; height: number }; uiDir?: 'ltr' | 'rtl' } = {}): Promise<EditorPage> {
  const { server, url } = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1200, height: 800 } });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { muwaziTestReady?: boolean }).muwaziTestReady === true);
  if (options.uiDir) await page.evaluate((d) => document.documentElement.setAttribute('dir', d), options.uiDir);
  return {
    page, browser, url,
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

type TestWindow = { muwaziTest: import('../../renderer/editor-test.ts').MuwaziTest };

/** Entity colours the editor tests mount with (they assert the rendered border colour). */
const TAG_COLORS: Record<string, string> = { PER: '#d9480f', ORG: '#1971c2' };

/** Mount the editor on the test page with these annotations over `text`, PER/ORG coloured. */
export async function mountEditor(page: Page, annotations: Annotations, text: string): Promise<void> {
  await page.evaluate(({ a, text, colors }) => {
    (window as unknown as TestWindow).muwaziTest.mount(a, text, colors);
  }, { a: annotations, text, colors: TAG_COLORS });
}

/** Put the caret in sentence `id` at UTF-16 offset `offset` (within the sentence) and focus the editor. */
export async function caretAt(page: Page, id: string, offset: number): Promise<void> {
  await page.evaluate(({ id, offset }) => {
    const view = (window as unknown as TestWindow).muwaziTest.editor!.view;
    let pos = -1;
    view.state.doc.descendants((n, p) => {
      if (pos < 0 && n.isTextblock && n.attrs.id === id) pos = p + 1 + offset;
      return pos < 0;
    });
    const Sel = view.state.selection.constructor as unknown as { create(doc: unknown, pos: number): never };
    view.focus();
    view.dispatch(view.state.tr.setSelection(Sel.create(view.state.doc, pos)));
  }, { id, offset });
}

/** Waits until ProseMirror's selection agrees with the DOM's: arrow keys move the DOM selection
 * natively and the editor picks it up on selectionchange, so read state only after this. */
export async function selectionSynced(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const view = (window as unknown as TestWindow).muwaziTest.editor!.view;
    const sel = document.getSelection();
    if (!sel || !sel.focusNode) return false;
    return view.posAtDOM(sel.focusNode, sel.focusOffset) === view.state.selection.head;
  });
}
