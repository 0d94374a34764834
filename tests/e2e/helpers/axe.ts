// axe-core in the app's pages, under the app's own strict CSP. `script-src 'self'` refuses an
// inline <script> (so Playwright's addScriptTag({ content }) fails with a CSP error), but scripts
// registered with context.addInitScript go through CDP Page.addScriptToEvaluateOnNewDocument, which
// the browser runs in every new document before the page's own scripts and outside the CSP. axe
// itself needs no eval, so it runs under the CSP once loaded. Nothing of the app is relaxed for it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/** One axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** one per failing element: its selector and what axe says is wrong with it */
  nodes: { target: string; summary: string }[];
}

/** Makes axe-core available in every page of `context` from now on (reload pages already open). */
export async function installAxe(context: BrowserContext): Promise<void> {
  const file = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await context.addInitScript({ content: await readFile(file, 'utf8') });
}

/** Runs axe on the whole document; returns its violations (all impacts). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    type Node = { target: unknown[]; failureSummary?: string };
    type V = { id: string; impact: string | null; help: string; nodes: Node[] };
    const axe = (window as unknown as { axe?: { run(ctx: Document, o: object): Promise<{ violations: V[] }> } }).axe;
    if (!axe) throw new Error('axe-core is not loaded in this page (installAxe, then reload)');
    const res = await axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  });
}

/** A readable list: one line per violation and element (rule id, impact, target, summary). */
export function formatViolations(screen: string, vs: AxeViolation[]): string {
  return vs.flatMap((v) => v.nodes.map((n) => `  [${screen}] ${v.impact} ${v.id}: ${n.target} — ${v.help}. ${n.summary}`)).join('\n');
}
