// Store figures: serialise + atomically save a 10,000-row annotated report (target ≤ 100 ms) and
// load + validate it (target ≤ 150 ms), built from the bundled sample reports with translations
// and entity mentions on both sides, at two mention densities (every row tagged on both sides:
// 20,000 mentions; every tenth row: 2,000). Medians of several runs, on a real temporary folder.
//
// "save" is saveReport: consistency checks, serialisation, conflict check, fsync'd atomic write
// with .bak and folder fsync. `validated` is the app's path (the host service has already run the
// schema on the request); `full` also runs the schema (CLI and direct callers). "load" is
// openReport: read and decode the source, read, parse, migrate, schema and every consistency
// check against the source; `warm` when the sidecar is the version this process last wrote (its
// hash is known), `cold` when it must be hashed. Baselines in the same run: JSON.stringify +
// fs.writeFile (no order, no checks, no fsync, no .bak) and fs.readFile + JSON.parse.
// serializeMs and checksMs are the parts of a save spent in serializeAnnotations and checkAnnotations.
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

const ROWS = 10_000;
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
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
      const t0 = performance.now();
      const r = await f();
      (t[name] ??= []).push(performance.now() - t0);
      return r;
    };
    // what the host service hands over: the schema's output
    const parsed = AnnotationsSchema.parse(annotations) as Annotations;
    let hash: string | null = null;
    let bytes = 0;
    // each kind of step RUNS times in a row: the garbage a step leaves is then paid for by the
    // same kind of step, not billed to whichever other kind happens to follow it
    const runs = async (f: (r: number) => Promise<void>) => {
      for (let r = 0; r < RUNS; r++) await f(r);
    };
    await runs(async (r) => {
      parsed.modified = new Date(r * 1000).toISOString();
      bytes = Buffer.byteLength(await time('serialize', () => serializeAnnotations(parsed)));
    });
    await runs(async () => void (await time('checks', () => checkAnnotations(parsed))));
    await runs(async () => void (await time('checksWithSource', () => checkAnnotations(parsed, { text }))));
    await runs(async (r) => {
      parsed.modified = new Date(r * 1000).toISOString();
      hash = (await time('saveValidated', () => saveReport(txt, parsed, hash, { journalDir, validated: true }))).sidecarHash;
    });
    await runs(async (r) => {
      parsed.modified = new Date(r * 2000).toISOString();
      hash = (await time('saveFull', () => saveReport(txt, parsed, hash, { journalDir }))).sidecarHash;
    });
    await runs(async () => {
      await time('baselineSave', () => writeFile(plainPath, JSON.stringify(parsed, null, 2)));
      // flushed outside the timing: its dirty pages would otherwise be written by the next
      // timed save's fsync (ext4 commits them together)
      await flush(plainPath);
    });
    const check = (o: Awaited<ReturnType<typeof openReport>>) => {
      if (o.state !== 'loaded' || o.annotations.units.length !== ROWS || o.sidecarHash !== hash) throw new Error('bench report did not load back');
    };
    await runs(async () => check(await time('loadWarm', () => openReport(txt, { journalDir }))));
    await runs(async () => {
      forgetKnownHashes();
      check(await time('loadCold', () => openReport(txt, { journalDir })));
    });
    await runs(async () => void (await time('baselineLoad', async () => JSON.parse(await readFile(sidecarPath(txt), 'utf8')))));
    if ((await readdir(dir)).some((n) => n.endsWith('.tmp'))) throw new Error('temporary file left behind');
    const m = (k: string) => ms(median(t[k]));
    return {
      rows: annotations.units.length,
      mentions: annotations.mentions.length,
      sourceKiB: Math.round(Buffer.byteLength(text) / 1024),
      sidecarKiB: Math.round(bytes / 1024),
      runs: RUNS,
      'saveMs (validated: app path, target ≤ 100)': m('saveValidated'),
      'saveMs (full: + schema, CLI/direct)': m('saveFull'),
      'baselineSaveMs (JSON.stringify + writeFile, no fsync)': m('baselineSave'),
      'loadMs (warm: hash known, target ≤ 150)': m('loadWarm'),
      'loadMs (cold: sidecar hashed, target ≤ 150)': m('loadCold'),
      'baselineLoadMs (readFile + JSON.parse)': m('baselineLoad'),
      serializeMs: m('serialize'),
      checksMs: m('checks'),
      checksWithSourceMs: m('checksWithSource'),
      saveWithinTarget: median(t.saveValidated) <= 100,
      loadWithinTarget: median(t.loadCold) <= 150,
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
