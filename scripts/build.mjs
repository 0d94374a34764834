// Builds the app with esbuild (offline, ~1 s): the renderer bundle with its HTML, CSS and fonts
// into dist/renderer, the Electron main and preload (CommonJS) into dist/electron, the command line
// into dist/cli.mjs. `--cli` builds only the command line (npm's prepare step after an install).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_ENTRY, cliBuildOptions } from './cli-build.mjs';

const watch = process.argv.includes('--watch');
if (process.argv.includes('--cli')) {
  if (existsSync(CLI_ENTRY)) await build(cliBuildOptions());
  process.exit(0);
}
const outRenderer = 'dist/renderer';
rmSync('dist', { recursive: true, force: true });
mkdirSync(outRenderer, { recursive: true });

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'none' };

if (existsSync('renderer/main.ts')) {
  await build({
    ...common,
    // editor-test: the editor's standalone test/benchmark page (renderer/editor-test.html)
    entryPoints: { app: 'renderer/main.ts', ...(existsSync('renderer/editor-test.ts') ? { 'editor-test': 'renderer/editor-test.ts' } : {}) },
    outdir: outRenderer,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    loader: { '.woff2': 'file', '.woff': 'file' },
    assetNames: 'fonts/[name]-[hash]',
  });
  for (const f of readdirSync('renderer').filter((f) => f.endsWith('.html'))) cpSync(join('renderer', f), join(outRenderer, f));
  // the spell check's English dictionary, fetched by the renderer when idle (renderer/ui/spell-dictionary.ts)
  const dict = 'node_modules/dictionary-en';
  mkdirSync(join(outRenderer, 'dict'), { recursive: true });
  cpSync(join(dict, 'index.aff'), join(outRenderer, 'dict/en.aff'));
  cpSync(join(dict, 'index.dic'), join(outRenderer, 'dict/en.dic'));
  cpSync(join(dict, 'license'), join(outRenderer, 'dict/en-license.txt'));
}
for (const [entry, out] of [
  ['electron/main.ts', 'dist/electron/main.cjs'],
  ['electron/preload.ts', 'dist/electron/preload.cjs'],
]) {
  if (!existsSync(entry)) continue;
  await build({ ...common, entryPoints: [entry], outfile: out, format: 'cjs', platform: 'node', target: 'node20', external: ['electron'] });
}
if (existsSync(CLI_ENTRY)) await build(cliBuildOptions());
if (watch) console.log('built (watch not implemented: rerun npm run build)');
