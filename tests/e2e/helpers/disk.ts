// Disk-side helpers for the app shell's end-to-end tests: what another program (git pull, an
// editor) does to a workspace while the app has a report open, and holding the app's saves.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page, Route } from 'playwright-core';

/** `<name>.annotations.json` of a report in the workspace. */
export function sidecarFile(workspace: string, txtName: string): string {
  return join(workspace, txtName.replace(/\.txt$/, '') + '.annotations.json');
}

/** Replaces a file by rename, as git does; returns the bytes written. */
export async function replaceFile(path: string, content: string): Promise<string> {
  const tmp = `${path}.pull-tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
  return content;
}

/** Rewrites the sidecar on disk with the first row's English set to `english` ("their" version). */
export async function pullTheirs(workspace: string, txtName: string, english: string): Promise<string> {
  const file = sidecarFile(workspace, txtName);
  const j = JSON.parse(await readFile(file, 'utf8')) as { units: { target: string[] }[]; targets: { id: string; text: string }[] };
  const id = j.units[0].target[0];
  j.targets.find((t) => t.id === id)!.text = english;
  return replaceFile(file, JSON.stringify(j, null, 2) + '\n');
}

/** The English of the first row as the sidecar on disk has it. */
export async function firstEnglishOnDisk(file: string): Promise<string> {
  const j = JSON.parse(await readFile(file, 'utf8')) as { units: { target: string[] }[]; targets: { id: string; text: string }[] };
  return j.units[0].target.map((id) => j.targets.find((t) => t.id === id)!.text).join(' ');
}

/** Holds every saveReport request until `release()` (so edits stay unsaved while the disk changes). */
export async function holdSaves(page: Page): Promise<{ release(): void; stop(): Promise<void> }> {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const handler = async (route: Route) => {
    await gate;
    await route.continue().catch((e: Error) => {
      // stop() ran while this call was waiting: Playwright passed the request on itself
      if (!/already handled/i.test(e.message)) throw e;
    });
  };
  await page.route('**/api/saveReport', handler);
  return { release: () => open(), stop: () => page.unroute('**/api/saveReport', handler) };
}

/** Opens the n-th report of the sidebar and waits for its editor; returns its file name. */
export async function openReportAt(page: Page, n: number): Promise<string> {
  const button = page.locator('button.report').nth(n);
  const name = (await button.getAttribute('data-name'))!;
  const path = (await button.getAttribute('data-path'))!;
  await button.click();
  await page.waitForFunction((p) => {
    const main = document.querySelector<HTMLElement>('.editor-area');
    return main?.dataset.report === p && main.dataset.reportState === 'open' && !!main.querySelector('.muwazi-editor .row');
  }, path).catch(async (err: Error) => {
    // say what the page shows instead (a dialog waiting for an answer, the editor area's state)
    const seen = await page.evaluate(() => ({
      dialogs: [...document.querySelectorAll<HTMLElement>('dialog[open]')].map((d) => `${d.dataset.dialog}: ${d.innerText.slice(0, 200)}`),
      main: { ...document.querySelector<HTMLElement>('.editor-area')?.dataset },
    })).catch(() => null);
    throw new Error(`${err.message}\nopening ${name}; the page shows ${JSON.stringify(seen)}`);
  });
  return name;
}

/** Opens report `n` of the list (openReportAt) and reads its source as decoded UTF-8 (BOM dropped). */
export async function openReportSource(page: Page, n: number): Promise<{ path: string; text: string }> {
  const path = (await page.locator('button.report').nth(n).getAttribute('data-path'))!;
  await openReportAt(page, n);
  return { path, text: (await readFile(path, 'utf8')).replace(/^\uFEFF/, '') };
}

/** The text of the open report's first English cell. */
export async function firstEnglish(page: Page): Promise<string> {
  return (await page.locator('.muwazi-editor .tgt').first().textContent()) ?? '';
}

/** Waits until the open report's first English cell reads `text`. */
export async function waitFirstEnglish(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('.muwazi-editor .tgt')?.textContent === t, text);
}

/**
 * Waits until `check` holds, re-checking whenever the file system reports a change at or beside
 * `path` (fs.watch on the nearest existing folder above it, recursively: the file may not exist yet,
 * and the app writes by rename). The signal is the write itself, not a time; `ceilingMs` is a
 * generous ceiling because CI runs on loaded machines, after which `describe()` is thrown.
 */
export async function untilOnDisk(path: string, check: () => Promise<boolean>, describe: () => Promise<string> | string, ceilingMs = 60_000): Promise<void> {
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  let wake: () => void = () => {};
  let changed = false;
  // watch first, then check: a write between the two is not missed
  const watcher = watch(dir, { recursive: true }, () => {
    changed = true;
    wake();
  });
  const ceiling = setTimeout(() => wake(), ceilingMs);
  const deadline = Date.now() + ceilingMs;
  try {
    while (!(await check())) {
      if (Date.now() >= deadline) throw new Error(await describe());
      if (!changed) await new Promise<void>((r) => (wake = r));
      changed = false;
    }
  } finally {
    clearTimeout(ceiling);
    watcher.close();
  }
}

/**
 * Waits until the app's recovery journal for the report holds `text` (the product promises the last
 * edit reaches the journal within about a second; a loaded machine may take longer, so the ceiling is
 * generous). The journal file on disk is the signal: the status bar's data-journal appears after ANY
 * journal write, possibly before the last keystrokes.
 */
export async function waitForJournal(dataDir: string, workspace: string, txtName: string, text: string, ceilingMs = 60_000): Promise<void> {
  const { journalPath } = await import('../../../electron/host/journal.ts');
  const { realpath } = await import('node:fs/promises');
  const file = journalPath(join(dataDir, 'journal'), join(await realpath(workspace), txtName.endsWith('.txt') ? txtName : `${txtName}.txt`));
  const escaped = JSON.stringify(text).slice(1, -1);
  await untilOnDisk(file, async () => (await readFile(file, 'utf8').catch(() => '')).includes(escaped), () => `the journal never held "${text}" (${file})`, ceilingMs);
}
