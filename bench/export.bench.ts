// Export speed and memory: 1,000 reports (built from the bundled samples, with sidecars) in a temp
// folder, exported to TMX through the real job (report store + streaming writer). Target ≤ 5 s,
// beside its floor measured in the same run (reading and parsing the same files, writing as much).
// Flat memory: RSS and heap are sampled after each report; growth from the first 100 reports to
// the end shows whether memory scales with the folder (it must not: output is streamed).
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport } from '../electron/host/export.ts';
import { buildAnnotatedReport, writeReports } from '../tests/fixtures/annotated-report.ts';
import { figure, paired } from './report.ts';

const MB = (n: number) => Math.round((n / 1048576) * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-bench-export-'));
  try {
    const N = 1000;
    const base = [0, 1, 2, 3, 4].map((i) => buildAnnotatedReport({ sample: i }));
    const reports = Array.from({ length: N }, (_, i) => ({ ...base[i % 5], name: `r${String(i).padStart(4, '0')}` }));
    for (const r of reports) r.annotations = { ...r.annotations, source: { ...r.annotations.source, file: r.name + '.txt' } };
    await writeReports(dir, reports);
    globalThis.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peakRss = rss0;
    let peakHeap = 0;
    let at100 = { rss: 0, heap: 0 };
    const summary = await runExport(
      { path: dir, format: 'tmx', jobId: 'bench', options: { keepUntranslated: true } },
      {
        onProgress: (p) => {
          const m = process.memoryUsage();
          peakRss = Math.max(peakRss, m.rss);
          peakHeap = Math.max(peakHeap, m.heapUsed);
          if (p.done === 100) at100 = { rss: m.rss, heap: m.heapUsed };
        },
      },
    );
    const end = process.memoryUsage();
    const size = (await stat(summary.files[0])).size;
    // speed: the export paired run by run with its floor in the same run (bench/report.ts): read
    // every source and sidecar, JSON.parse, write one file of the same size, no checks, no XML
    const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
    const floor = async () => {
      let bytes = 0;
      for (const f of names) {
        await readFile(join(dir, f));
        bytes += JSON.stringify(JSON.parse(await readFile(join(dir, f.replace(/\.txt$/, '.annotations.json')), 'utf8')).units).length;
      }
      await writeFile(join(tmpOut, 'floor.txt'), 'x'.repeat(Math.max(size, bytes)));
    };
    const tmpOut = await mkdtemp(join(tmpdir(), 'muwazi-bench-export-floor-'));
    let t: { ours: number[]; baseline: number[] };
    try {
      t = await paired(3, () => runExport({ path: dir, format: 'tmx', jobId: 'bench', options: { keepUntranslated: true } }), floor);
    } finally {
      await rm(tmpOut, { recursive: true, force: true });
    }
    return {
      reports: summary.reports,
      rows: summary.rows,
      tmx_MB: MB(size),
      tmx_1000_reports: figure({ unit: 'ms', ours: t.ours, baseline: t.baseline, baselineWhat: 'read + JSON.parse every source and sidecar, write one file of the size', target: { max: 5000 }, digits: 0 }),
      rss_start_MB: MB(rss0),
      rss_peak_MB: MB(peakRss),
      heap_peak_MB: MB(peakHeap),
      rss_growth_after_100_reports_MB: MB(end.rss - at100.rss),
      heap_growth_after_100_reports_MB: MB(end.heapUsed - at100.heap),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
