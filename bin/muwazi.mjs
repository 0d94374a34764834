#!/usr/bin/env node
// The muwazi command line. Runs the bundle dist/cli.mjs (built by `npm run build`, and by npm's
// prepare step on install) when it is there and newer than every source file; otherwise — in a
// development checkout with edited sources — the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'cli.mjs');

/** Newest modification time of the .ts sources the CLI is built from (0 when there are none: an install without sources). */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const current = existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(newestSource(join(root, 'electron')), newestSource(join(root, 'shared')));
if (current) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../electron/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
