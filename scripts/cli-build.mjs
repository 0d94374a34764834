// esbuild options of the bundled command line (dist/cli.mjs): one ES module with every dependency
// inside, so a call starts without a TypeScript loader or module resolution (issue 17: 0.89 s → near
// bare node). Shared by scripts/build.mjs and the test that compares the bundle with the sources.
export const CLI_ENTRY = 'electron/cli/run.ts';
export const CLI_OUT = 'dist/cli.mjs';

/** Options for esbuild's build(); the entry lands at `outfile`, each command's code in a chunk beside
 * it (`cli-chunks/`), loaded only when that command runs (a call parses what it needs, not 1.4 MB). */
export function cliBuildOptions(outfile = CLI_OUT) {
  const outdir = outfile.replace(/[\\/][^\\/]*$/, '');
  const name = outfile.slice(outdir.length + 1).replace(/\.mjs$/, '');
  return {
    entryPoints: { [name]: CLI_ENTRY },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'cli-chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    legalComments: 'none',
    // electron is never reached from the CLI; keep the bundle from trying to include it
    external: ['electron'],
    // some bundled CommonJS dependencies call require(): give the ES module one
    banner: { js: "import { createRequire as __muwaziRequire } from 'node:module'; const require = __muwaziRequire(import.meta.url);" },
  };
}
