// npm run bench: runs every bench/*.bench.ts and prints one JSON object of figures.
// Each module exports `run(): Promise<Record<string, unknown>>`; a figure is printed beside its
// baseline measured in the same run and its target, with the median of paired ratios
// (bench/report.ts). `npm run bench -- store text` runs only the named benches.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const os = await import('node:os');
// the load average says whether the figures come from a quiet or a loaded machine (read ratios then)
const machine = { node: process.version, cpus: os.cpus().length, load1AtStart: os.loadavg()[0], load1AtEnd: 0 };
const results: Record<string, unknown> = { machine };
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
machine.load1AtEnd = os.loadavg()[0];
console.log(JSON.stringify(results, null, 2));
