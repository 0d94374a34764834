// Store figures: serialise + atomically save a 10,000-row annotated report (target ≤ 100 ms) and
// load + validate it (target ≤ 150 ms), built from the bundled sample reports with translations
// and entity mentions on both sides. Medians of several runs, on a real temporary folder.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnnotations } from '../shared/model/create.ts';
import type { Annotations, Mention } from '../shared/model/types.ts';
import { cpLength } from '../shared/text/offsets.ts';
import { segmentSentences } from '../shared/text/segment.ts';
import { parseAnnotations, serializeAnnotations } from '../shared/formats/sidecar.ts';
import { openReport, saveReport, sha256 } from '../electron/host/report-store.ts';

const ROWS = 10_000;
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => Math.round(x * 10) / 10;

/** A report of at least ROWS segments: the samples repeated, each sentence translated, its first word tagged. */
export async function buildReport(): Promise<{ text: string; annotations: Annotations }> {
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
    if (!word) return;
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

export async function run(): Promise<Record<string, unknown>> {
  const { text, annotations } = await buildReport();
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-bench-store-'));
  try {
    const txt = join(dir, 'bench.txt');
    await writeFile(txt, text);
    const journalDir = join(dir, 'journal');
    const save: number[] = [];
    const serialize: number[] = [];
    const load: number[] = [];
    const parse: number[] = [];
    let hash: string | null = null;
    let bytes = 0;
    for (let r = 0; r < RUNS; r++) {
      annotations.modified = new Date(r * 1000).toISOString();
      let t0 = performance.now();
      const json = serializeAnnotations(annotations);
      serialize.push(performance.now() - t0);
      bytes = Buffer.byteLength(json);
      t0 = performance.now();
      hash = (await saveReport(txt, annotations, hash, { journalDir })).sidecarHash;
      save.push(performance.now() - t0);
      t0 = performance.now();
      parseAnnotations(json, { text });
      parse.push(performance.now() - t0);
      t0 = performance.now();
      const opened = await openReport(txt, { journalDir });
      load.push(performance.now() - t0);
      if (opened.state !== 'loaded' || opened.annotations.units.length !== ROWS) throw new Error('bench report did not load back');
    }
    return {
      rows: annotations.units.length,
      mentions: annotations.mentions.length,
      sourceKiB: Math.round(Buffer.byteLength(text) / 1024),
      sidecarKiB: Math.round(bytes / 1024),
      runs: RUNS,
      serializeMs: ms(median(serialize)),
      'serializeAndAtomicSaveMs (target ≤ 100)': ms(median(save)),
      parseAndValidateMs: ms(median(parse)),
      'loadAndValidateMs (openReport, target ≤ 150)': ms(median(load)),
      saveWithinTarget: median(save) <= 100,
      loadWithinTarget: median(load) <= 150,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
