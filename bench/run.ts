// npm run bench: runs every bench/*.bench.ts and prints one JSON object of figures.
// Each module exports `run(): Promise<Record<string, unknown>>`; figures that compare against a
// baseline carry both numbers and the ratio, measured in the same run.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length } };
for (const file of readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<Record<string, unknown>> };
  const t0 = performance.now();
  try {
    results[name] = await mod.run();
  } catch (e) {
    results[name] = { error: e instanceof Error ? e.stack : String(e) };
  }
  process.stderr.write(`bench ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
console.log(JSON.stringify(results, null, 2));
