// Entities bench (issue 4):
//  1. propagation quality on UD Arabic-PUD: its CoNLL-U splits clitics off (ل + أوباما), so every
//     proper-noun token (UPOS PROPN) has a gold span in the sentence text. For each proper-noun form
//     seen at least twice, propagate from its first occurrence over all 1,000 sentences and compare
//     with the gold spans of that form: precision, recall, and recall on clitic-attached
//     occurrences. Baseline in the same run: whole-word matching without clitic handling.
//  2. folder-wide propagation over 1,000 reports (~5 KB each, built from NTREX-128 Arabic lines):
//     time to fold the folder once (the index) and per query, and a one-shot query without index.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OccurrenceIndex, findOccurrences } from '../shared/entities/propagate.ts';
import { nameKey } from '../shared/text/normalize.ts';
import { cpLength } from '../shared/text/offsets.ts';


const dataDir = process.env.MUWAZI_DATA ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');

interface GoldSpan {
  sent: string;
  start: number;
  end: number;
  form: string;
  /** a clitic token is glued before it (ل + أوباما) */
  clitic: boolean;
}

/** Sentences (# text) and proper-noun token spans (code points) from the Arabic PUD CoNLL-U. */
function readPud(path: string): { texts: Array<{ key: string; text: string }>; gold: GoldSpan[]; misaligned: number } {
  const texts: Array<{ key: string; text: string }> = [];
  const gold: GoldSpan[] = [];
  let misaligned = 0;
  for (const block of readFileSync(path, 'utf8').split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const id = lines.find((l) => l.startsWith('# sent_id = '))?.slice(12);
    const text = lines.find((l) => l.startsWith('# text = '))?.slice(9);
    if (!id || text === undefined) continue;
    texts.push({ key: id, text });
    let pos = 0;
    let prev: { end: number; form: string; upos: string } | null = null;
    let ok = true;
    const spans: GoldSpan[] = [];
    for (const l of lines) {
      if (!/^\d+\t/.test(l)) continue; // comments, multiword ranges, empty nodes
      const [, form, , upos] = l.split('\t');
      while (pos < text.length && /\s/.test(text[pos])) pos++;
      if (!text.startsWith(form, pos)) {
        ok = false;
        break;
      }
      const start = cpLength(text.slice(0, pos));
      const end = start + cpLength(form);
      if (upos === 'PROPN') {
        const clitic = prev !== null && prev.end === start && /^[وفبكل]$/.test(prev.form) && prev.upos !== 'PROPN';
        spans.push({ sent: id, start, end, form, clitic });
      }
      prev = { end, form, upos };
      pos += form.length;
    }
    if (ok) gold.push(...spans);
    else misaligned++;
  }
  return { texts, gold, misaligned };
}

function propagationQuality(): Record<string, unknown> {
  const { texts, gold, misaligned } = readPud(join(dataDir, 'ud-pud-ar-en', 'ar_pud-ud-test.conllu'));
  const index = new OccurrenceIndex(texts);
  const byForm = new Map<string, GoldSpan[]>();
  for (const g of gold) {
    const k = nameKey(g.form);
    if (k.length < 2) continue;
    const list = byForm.get(k) ?? [];
    list.push(g);
    byForm.set(k, list);
  }
  const score = (clitics: boolean) => {
    let tp = 0;
    let fp = 0;
    let goldN = 0;
    let cliticGold = 0;
    let cliticFound = 0;
    let forms = 0;
    for (const spans of byForm.values()) {
      if (spans.length < 2) continue;
      forms++;
      const [seed, ...rest] = spans;
      const want = new Map(rest.map((g) => [`${g.sent}:${g.start}:${g.end}`, g]));
      goldN += rest.length;
      cliticGold += rest.filter((g) => g.clitic).length;
      for (const o of index.find(seed.form, { clitics })) {
        const k = `${o.key}:${o.start}:${o.end}`;
        if (o.key === seed.sent && o.start === seed.start) continue;
        const g = want.get(k);
        if (g) {
          tp++;
          if (g.clitic) cliticFound++;
          want.delete(k);
        } else fp++;
      }
    }
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    return { forms, gold: goldN, found: tp, wrong: fp, precision: r3(tp / (tp + fp)), recall: r3(tp / goldN), cliticAttachedGold: cliticGold, cliticAttachedRecall: r3(cliticFound / cliticGold) };
  };
  return { sentences: texts.length, properNounTokens: gold.length, misalignedSentences: misaligned, muwazi: score(true), baselineWholeWordNoClitics: score(false) };
}

/** A deterministic folder of `n` reports of ~`lines` NTREX lines each, with names glued to clitics. */
function syntheticFolder(n: number, lines: number): Array<{ key: string; text: string }> {
  const src = readFileSync(join(dataDir, 'ntrex128-ar-en', 'newstest2019-ref.arb.txt'), 'utf8').split(/\r?\n/).filter(Boolean);
  const names = ['بإدلب', 'وإدلب', 'لإدلب', 'إدلب،', 'سراقب', 'بسراقب', 'للأمم المتحدة', 'الأمم المتحدة'];
  const out: Array<{ key: string; text: string }> = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    for (let k = 0; k < lines; k++) parts.push(src[(i * 13 + k * 7) % src.length]);
    parts.splice(i % lines, 0, `قصف النظام ${names[i % names.length]} اليوم.`);
    out.push({ key: `report-${i}.txt`, text: parts.join('\n') });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[s.length >> 1] * 10) / 10;
}

function folderTiming(): Record<string, unknown> {
  const folder = syntheticFolder(1000, 24);
  const chars = folder.reduce((n, r) => n + r.text.length, 0);
  const build: number[] = [];
  const query: number[] = [];
  const oneShot: number[] = [];
  let hits = 0;
  for (let run = 0; run < 5; run++) {
    let t = performance.now();
    const index = new OccurrenceIndex(folder);
    build.push(performance.now() - t);
    t = performance.now();
    hits = index.find('إدلب').length + index.find('الأمم المتحدة').length + index.find('ترامب').length;
    query.push((performance.now() - t) / 3);
    t = performance.now();
    findOccurrences(folder, 'إدلب');
    oneShot.push(performance.now() - t);
  }
  return {
    reports: folder.length,
    megachars: Math.round(chars / 1e4) / 100,
    indexBuildMs: median(build),
    queryMsWithIndex: median(query),
    oneShotFolderPropagationMs: median(oneShot),
    budgetMs: 1000,
    withinBudget: median(oneShot) <= 1000,
    hitsForThreeQueries: hits,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  return { propagationUdPud: propagationQuality(), folderPropagation1000: folderTiming() };
}
