// One CLI call on a tiny file (issue 17: "a CLI that starts at once"): `muwazi segment` on a
// one-line real report (the first line of a bundled sample), through the bundle dist/cli.mjs, beside
// `node -e 0` (bare node, the target's baseline: ≤ 2×) and the TypeScript sources through tsx (what
// bin/muwazi.mjs ran before), interleaved run by run so load hits all three alike. Figures: median
// wall time, and the median of the per-run ratios against bare node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { cliBuildOptions } from '../scripts/cli-build.mjs';
import { figure } from './report.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 15;

function time(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}


export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'muwazi-cli-bench-'));
  try {
    const bundle = join(dir, 'cli.mjs');
    buildSync({ ...cliBuildOptions(bundle), logLevel: 'error' });
    const tiny = join(dir, 'tiny.txt');
    writeFileSync(tiny, readFileSync(join(repo, 'assets', 'samples', '000_48f48287e09c6a5a.txt'), 'utf8').split('\n')[0] + '\n');
    const bare: number[] = [];
    const bundled: number[] = [];
    const sources: number[] = [];
    const steps = [
      () => bare.push(time(['-e', '0'])),
      () => bundled.push(time([bundle, 'segment', tiny])),
      () => sources.push(time(['--import', 'tsx', join(repo, 'electron', 'cli', 'run.ts'), 'segment', tiny])),
    ];
    // the order alternates run by run, so no side always starts on a cold or a warm cache
    for (let i = 0; i < RUNS; i++) for (const k of i % 2 ? [2, 1, 0] : [0, 1, 2]) steps[k]();
    const vsBare = (ours: number[]) => figure({ unit: 'ms', ours, baseline: bare, baselineWhat: 'node -e 0', target: { maxRatio: 2 }, digits: 0 });
    return {
      data: 'first line of assets/samples/000_48f48287e09c6a5a.txt (one Arabic headline)',
      bundle: vsBare(bundled),
      sourcesThroughTsx: vsBare(sources),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
