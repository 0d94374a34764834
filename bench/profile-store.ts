// Profiling driver for the store (issue 17 item 2): the app's save and the load after a restart on
// the 10,000-row report with every row tagged, repeated, for `node --cpu-prof`:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-store.ts save|first|load
// (first: the first save after opening, as the service opens, with the save's caches empty)
// Not a bench (run.ts runs *.bench.ts only): it prints the median wall and CPU time (CPU time is
// what to compare on a loaded machine; it leaves out the waits for the disk).
import { withStamps } from '../shared/team/provenance.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from './store.bench.ts';
import { forgetKnownHashes, openReport, saveReport } from '../electron/host/report-store.ts';
import { SaveRequestParser } from '../electron/host/save-request.ts';
import { AnnotationsSchema } from '../shared/model/schema.ts';
import type { Annotations } from '../shared/model/types.ts';
import { median } from './report.ts';
import { forgetSidecarBytes } from '../electron/host/sidecar-bytes.ts';

const what = process.argv[2] === 'load' || process.argv[2] === 'first' ? process.argv[2] : 'save';
const { text, annotations } = await buildReport(1);
const dir = await mkdtemp(join(tmpdir(), 'muwazi-profile-store-'));
try {
  const txt = join(dir, 'bench.txt');
  await writeFile(txt, text);
  const journalDir = join(dir, 'journal');
  let parsed = AnnotationsSchema.parse(annotations) as Annotations;
  const request = new SaveRequestParser();
  request.remember('bench.txt', parsed);
  const first = await saveReport(txt, parsed, null, { journalDir, validated: true });
  let hash = first.sidecarHash;
  // as the app does (EditorHandle.adoptStamps): requests carry what the saves stamped
  parsed = withStamps(parsed, first.stamped, first.savedAt);
  const times: number[] = [];
  const cpu: number[] = [];
  let c0 = process.cpuUsage();
  const cpuDone = () => {
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  };
  for (let r = 0; r < 20; r++) {
    if (what === 'save') {
      const payload = { path: 'bench.txt', annotations: structuredClone(parsed), sidecarHash: hash };
      payload.annotations.units[r * 101].status = r % 2 ? 'reviewed' : 'translated';
      const t0 = performance.now();
      c0 = process.cpuUsage();
      const req = request.parse(payload);
      if (!req.success) throw new Error('rejected');
      const saved = await saveReport(txt, req.data.annotations, req.data.sidecarHash, { journalDir, validated: true });
      hash = saved.sidecarHash;
      cpuDone();
      times.push(performance.now() - t0);
      parsed = withStamps(parsed, saved.stamped, saved.savedAt);
    } else if (what === 'first') {
      forgetSidecarBytes();
      const opened = await openReport(txt, { journalDir, keep: true });
      request.remember('bench.txt', opened.annotations);
      const payload = { path: 'bench.txt', annotations: structuredClone(opened.annotations), sidecarHash: opened.sidecarHash };
      payload.annotations.units[r * 101].status = r % 2 ? 'reviewed' : 'translated';
      const t0 = performance.now();
      c0 = process.cpuUsage();
      const req = request.parse(payload);
      if (!req.success) throw new Error('rejected');
      await saveReport(txt, req.data.annotations, req.data.sidecarHash, { journalDir, validated: true });
      cpuDone();
      times.push(performance.now() - t0);
    } else {
      forgetKnownHashes();
      const t0 = performance.now();
      c0 = process.cpuUsage();
      await openReport(txt, { journalDir });
      cpuDone();
      times.push(performance.now() - t0);
    }
  }
  console.log(what, median(times).toFixed(1), 'ms wall,', median(cpu).toFixed(1), 'ms CPU (this process, all threads), median of', times.length);
} finally {
  await rm(dir, { recursive: true, force: true });
}
