// Store figures: serialise + atomically save a 10,000-row annotated report (target ≤ 100 ms) and
// load + validate it (target ≤ 150 ms), built from the bundled sample reports with translations
// and entity mentions on both sides, at two mention densities (every row tagged on both sides:
// 20,000 mentions; every tenth row: 2,000). Medians of several runs, on a real temporary folder.
//
// "save" is the app's save: the saveReport request validated incrementally against the last
// validated version (electron/host/save-request.ts: a copy of the report with one row edited, as
// IPC delivers it; the copy is made outside the timing), then saveReport: consistency checks,
// serialisation, conflict check, fsync'd atomic write with .bak and folder fsync. `saveFullMs` runs
// the whole schema instead (CLI and direct callers). "load" is openReport: read and decode the
// source, read, parse, migrate, schema (skipped when the file's hash is in the record of validated
// versions: electron/host/validated-sidecars.ts) and every consistency check against the source;
// three cases: after a restart (file hashed, its hash in the persisted record), warm (hash known
// from this process's own write), unknown file (full schema). Each figure is paired, run by run,
// with its baseline (bench/report.ts): JSON.stringify + fs.writeFile (no order, no checks, no
// fsync, no .bak) and fs.readFile + JSON.parse.
// "save (first after opening)": the report opened as the service opens it, the save's caches of
// it empty (sidecar-bytes.ts), then the same one-row save.
// serializeMs and checksMs are the parts of a save spent in serializeAnnotations and checkAnnotations.
import { withStamps } from '../shared/team/provenance.ts';
import { mkdtemp, open, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnnotations } from '../shared/model/create.ts';
import { AnnotationsSchema } from '../shared/model/schema.ts';
import type { Annotations, Mention } from '../shared/model/types.ts';
import { cpLength } from '../shared/text/offsets.ts';
import { segmentSentences } from '../shared/text/segment.ts';
import { checkAnnotations, serializeAnnotations } from '../shared/formats/sidecar.ts';
import { forgetKnownHashes, openReport, saveReport, sha256, sidecarPath } from '../electron/host/report-store.ts';
import { SaveRequestParser } from '../electron/host/save-request.ts';
import { validatedSidecars } from '../electron/host/validated-sidecars.ts';
import { forgetSidecarBytes, prepareSidecarBytes } from '../electron/host/sidecar-bytes.ts';
import { figure, median } from './report.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** A full collection (the flag is set at run time: `npm run bench` passes no node options). */
const collectGarbage = runInNewContext('gc') as () => void;

const ROWS = 10_000;
const RUNS = 7;

const ms = (x: number) => Math.round(x * 10) / 10;

/** A report of at least ROWS segments: the samples repeated, each sentence translated, the first
 * word of every `taggedEvery`-th sentence tagged on both sides. */
export async function buildReport(taggedEvery = 1): Promise<{ text: string; annotations: Annotations }> {
  const dir = fileURLToPath(new URL('../assets/samples/', import.meta.url));
  const samples = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  const parts: { text: string; spans: { start: number; end: number }[] }[] = [];
  for (const f of samples) {
    const text = (await readFile(join(dir, f), 'utf8')).replace(/^\uFEFF/, '');
    parts.push({ text: text.endsWith('\n') ? text : text + '\n', spans: segmentSentences(text, { lang: 'ar' }) });
  }
  let text = '';
  let offset = 0;
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; spans.length < ROWS; i++) {
    const p = parts[i % parts.length];
    for (const s of p.spans) if (spans.length < ROWS) spans.push({ start: s.start + offset, end: s.end + offset });
    text += p.text;
    offset += cpLength(p.text);
  }
  const a = createAnnotations(
    { file: 'bench.txt', sha256: sha256(Buffer.from(text)), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: offset, language: 'ar' },
    text,
    spans,
    new Date(0).toISOString(),
  );
  a.targets = a.segments.map((s, i) => ({ id: 't' + (i + 1), text: `Sentence ${i + 1} of the report, rendered in English by the translator (Aleppo, 2024).` }));
  a.units = a.units.map((u, i) => ({ ...u, target: ['t' + (i + 1)], status: i % 3 ? 'translated' : 'reviewed', origin: 'manual' }));
  const mentions: Mention[] = [];
  a.segments.forEach((s, i) => {
    const word = /^\S+/u.exec(s.text)?.[0];
    if (!word || i % taggedEvery) return;
    const e = 'e' + (i + 1);
    a.entities.push({ id: e, type: 'LOC', ar: word, en: 'Aleppo' });
    mentions.push({ id: 'm' + (2 * i + 1), side: 'ar', sentence: s.id, start: s.start, end: s.start + cpLength(word), text: word, type: 'LOC', entity: e });
    const t = a.targets[i].text;
    const at = t.indexOf('Aleppo');
    mentions.push({ id: 'm' + (2 * i + 2), side: 'en', sentence: 't' + (i + 1), start: at, end: at + 6, text: 'Aleppo', type: 'LOC', entity: e });
  });
  a.mentions = mentions;
  return { text, annotations: a };
}

async function flush(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Figures for one report (see the file header). */
async function measure(text: string, annotations: Annotations): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-bench-store-'));
  try {
    const txt = join(dir, 'bench.txt');
    await writeFile(txt, text);
    const journalDir = join(dir, 'journal');
    const plainPath = join(dir, 'plain.json');
    const t: Record<string, number[]> = {};
    const time = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
      // every timed part, ours and the baseline's alike, starts on a collected heap: paired runs
      // alternate, and a major GC of the 12 MB the other side just left behind would land in it
      collectGarbage();
      const t0 = performance.now();
      const r = await f();
      (t[name] ??= []).push(performance.now() - t0);
      return r;
    };
    // what the host service hands over: the schema's output
    let parsed = AnnotationsSchema.parse(annotations) as Annotations;
    const request = new SaveRequestParser();
    request.remember('bench.txt', parsed);
    let hash: string | null = null;
    let bytes = 0;
    const baselineSave = async () => {
      await time('baselineSave', () => writeFile(plainPath, JSON.stringify(parsed, null, 2)));
      // flushed outside the timing: its dirty pages would otherwise be written by the next
      // timed save's fsync (ext4 commits them together)
      await flush(plainPath);
    };
    const baselineLoad = () => time('baselineLoad', async () => JSON.parse(await readFile(sidecarPath(txt), 'utf8')));
    // ours and the baseline alternate, ours first in even runs (bench/report.ts: paired ratios)
    const pairs = async (ours: (r: number) => Promise<void>, baseline: () => Promise<unknown>) => {
      for (let r = 0; r < RUNS; r++) {
        if (r % 2) await baseline();
        await ours(r);
        if (r % 2 === 0) await baseline();
      }
    };
    for (let r = 0; r < RUNS; r++) {
      parsed.modified = new Date(r * 1000).toISOString();
      bytes = Buffer.byteLength(await time('serialize', () => serializeAnnotations(parsed)));
    }
    for (let r = 0; r < RUNS; r++) await time('checks', () => checkAnnotations(parsed));
    // the app's save: the request as it arrives (a copy, one row edited since the last save)
    // validated incrementally, then saved; the copy is made outside the timing
    await pairs(async (r) => {
      const payload = { path: 'bench.txt', annotations: structuredClone(parsed), sidecarHash: hash };
      payload.annotations.units[r * 101].status = r % 2 ? 'reviewed' : 'translated';
      const saved = await time('saveApp', async () => {
        const req = request.parse(payload);
        if (!req.success) throw new Error('bench request rejected');
        return saveReport(txt, req.data.annotations, req.data.sidecarHash, { journalDir, validated: true });
      });
      hash = saved.sidecarHash;
      // as the app does (EditorHandle.adoptStamps): the next request carries what this save stamped
      parsed = withStamps(parsed, saved.stamped, saved.savedAt);
    }, baselineSave);
    // the first save after opening (as the service opens: the model kept as the next save's base),
    // twice: with the rows' bytes prepared as the service does in the background right after the open
    // (sidecar-bytes.ts prepareSidecarBytes), and cold — a save that came before that finished
    for (const prepared of [true, false]) {
      await pairs(async (r) => {
        forgetSidecarBytes();
        const opened = await openReport(txt, { journalDir, keep: true });
        if (prepared) prepareSidecarBytes(sidecarPath(txt), opened.annotations);
        request.remember('bench.txt', opened.annotations);
        const payload = { path: 'bench.txt', annotations: structuredClone(opened.annotations), sidecarHash: opened.sidecarHash };
        payload.annotations.units[r * 101 + 7].status = r % 2 ? 'reviewed' : 'translated';
        const saved = await time(prepared ? 'saveFirstPrepared' : 'saveFirst', async () => {
          const req = request.parse(payload);
          if (!req.success) throw new Error('bench request rejected');
          return saveReport(txt, req.data.annotations, req.data.sidecarHash, { journalDir, validated: true });
        });
        hash = saved.sidecarHash;
        parsed = withStamps(payload.annotations, saved.stamped, saved.savedAt);
      }, baselineSave);
    }
    for (let r = 0; r < RUNS; r++) {
      parsed.modified = new Date(r * 2000).toISOString();
      hash = (await time('saveFull', () => saveReport(txt, parsed, hash, { journalDir }))).sidecarHash;
    }
    const check = (o: Awaited<ReturnType<typeof openReport>>) => {
      if (o.state !== 'loaded' || o.annotations.units.length !== ROWS || o.sidecarHash !== hash) throw new Error('bench report did not load back');
    };
    // after a restart: the file's identity unknown (hashed again), its hash in the persisted record
    await pairs(async () => {
      forgetKnownHashes();
      check(await time('loadRestart', () => openReport(txt, { journalDir })));
    }, baselineLoad);
    await pairs(async () => check(await time('loadWarm', () => openReport(txt, { journalDir }))), baselineLoad);
    // a file this app never validated (edited by hand, or from another machine): the full schema
    await pairs(async () => {
      forgetKnownHashes();
      validatedSidecars.clear();
      check(await time('loadFull', () => openReport(txt, { journalDir })));
    }, baselineLoad);
    if ((await readdir(dir)).some((n) => n.endsWith('.tmp'))) throw new Error('temporary file left behind');
    const m = (k: string) => ms(median(t[k]));
    const save = t.baselineSave.slice(0, RUNS);
    const saveFirstPrepared = t.baselineSave.slice(RUNS, 2 * RUNS);
    const saveFirst = t.baselineSave.slice(2 * RUNS, 3 * RUNS);
    const loads = (k: number) => t.baselineLoad.slice(k * RUNS, (k + 1) * RUNS);
    return {
      rows: annotations.units.length,
      mentions: annotations.mentions.length,
      sourceKiB: Math.round(Buffer.byteLength(text) / 1024),
      sidecarKiB: Math.round(bytes / 1024),
      'save (app: request validated incrementally + saveReport)': figure({ unit: 'ms', ours: t.saveApp, baseline: save, baselineWhat: 'JSON.stringify + writeFile, no fsync', target: { max: 100 } }),
      'save (first after opening: rows prepared at open, as the service does)': figure({ unit: 'ms', ours: t.saveFirstPrepared, baseline: saveFirstPrepared, baselineWhat: 'JSON.stringify + writeFile, no fsync', target: { max: 100 } }),
      'save (first after opening: nothing cached)': figure({ unit: 'ms', ours: t.saveFirst, baseline: saveFirst, baselineWhat: 'JSON.stringify + writeFile, no fsync', target: { max: 100 } }),
      'load (after a restart: file hashed, hash in the validated record)': figure({ unit: 'ms', ours: t.loadRestart, baseline: loads(0), baselineWhat: 'readFile + JSON.parse', target: { max: 150 } }),
      'load (warm: file unchanged since this process read or wrote it)': figure({ unit: 'ms', ours: t.loadWarm, baseline: loads(1), baselineWhat: 'readFile + JSON.parse', target: { max: 150 } }),
      'load (unknown file: full schema)': figure({ unit: 'ms', ours: t.loadFull, baseline: loads(2), baselineWhat: 'readFile + JSON.parse', target: { max: 150 } }),
      'saveFullMs (CLI/direct: + full schema)': m('saveFull'),
      serializeMs: m('serialize'),
      checksMs: m('checks'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const dense = await buildReport(1);
  const light = await buildReport(10);
  return {
    'every row tagged (20,000 mentions)': await measure(dense.text, dense.annotations),
    'every tenth row tagged (2,000 mentions)': await measure(light.text, light.annotations),
  };
}
