// QA checks (issue 12), on NTREX-128 (1,997 professionally translated news sentences, English
// original, Arabic reference; /work/shared/data/ntrex128-ar-en, see its SOURCE.md). Each line pair
// is one row.
//
// Quality: errors injected into the English with a fixed seed, each into rows where that check
// found nothing before (so recall measures the injection), and recall measured per check:
//   - changed number: an English number that matches an Arabic number gets a different value
//     (digits reversed, 67 → 76, or the last digit changed when reversing changes nothing);
//   - dropped number: an English number that matches an Arabic number written in DIGITS is removed
//     (one written in words on the Arabic side is not a number-mismatch by design);
//   - unbalanced bracket: the ")" of an English pair removed, or a "(" inserted before a word;
//   - dropped linked name: a name tagged by a deterministic rule — the first capitalised English
//     word (not the row's first word, 4+ letters) whose best Arabic transliteration match in the row
//     (shared/align/translit.ts, similarity ≥ 0.75) gives the linked Arabic mention — is removed
//     from the English.
// False alarms: findings of each check on the untouched clean rows (number target: ≤ 3% of rows).
// Speed: `runQa` over a 1,000-report folder built from NTREX documents (cycled) against a baseline
// measured in the same run (finding the reports, reading and JSON.parse of the same sidecars).
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { translitSimilarity } from '../shared/align/translit.ts';
import { serializeAnnotations } from '../shared/formats/sidecar.ts';
import { createAnnotations } from '../shared/model/create.ts';
import { checkRow, QA_CHECKS, type QaCheckId, type QaRow } from '../shared/qa/index.ts';
import { numberTokens } from '../shared/qa/numbers.ts';
import { cpLength } from '../shared/text/offsets.ts';
import { runQa } from '../electron/host/qa.ts';
import { sidecarPath } from '../electron/host/report-store.ts';
import { findReports } from '../electron/host/workspace.ts';
import { rng } from './align.bench.ts';
import { figure, paired } from './report.ts';

const DATA = process.env.MUWAZI_DATA ?? resolve(import.meta.dirname, '../../shared/data');
const SEED = 12;

/** NTREX documents as (Arabic, English) line pairs. */
function ntrexPairs(): Array<Array<[string, string]>> {
  const read = (f: string) => readFileSync(join(DATA, 'ntrex128-ar-en', f), 'utf8').split(/\r?\n/);
  const ar = read('newstest2019-ref.arb.txt');
  const en = read('newstest2019-src.eng.txt');
  const ids = read('DOCUMENT_IDS.tsv');
  const docs: Array<Array<[string, string]>> = [];
  for (let i = 0; i < ids.length; i++) {
    if (!ids[i]) continue;
    if (i === 0 || ids[i] !== ids[i - 1]) docs.push([]);
    docs[docs.length - 1].push([ar[i].trim(), en[i].trim()]);
  }
  return docs;
}

const has = (row: QaRow, id: QaCheckId) => checkRow(row, {}).some((f) => f.check === id);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** English number tokens (as written, with where) whose value the Arabic also has; `digitsOnly`:
 * matched by an Arabic number written in digits. */
function matchedEnglishNumbers(ar: string, en: string): Array<{ text: string; index: number }> {
  const arVals = new Set(numberTokens(ar).flatMap((t) => t.values));
  const out: Array<{ text: string; index: number }> = [];
  let from = 0;
  for (const t of numberTokens(en)) {
    const index = en.indexOf(t.text, from);
    from = index + t.text.length;
    if (t.values.some((v) => arVals.has(v)) && !t.values.every((v) => v === 1)) out.push({ text: t.text, index });
  }
  return out;
}

/** A different number of the same length (67 → 76; 100 → 101). */
function changeNumber(t: string): string {
  const rev = [...t].reverse().join('');
  if (/^\d+$/.test(t) && rev !== t && !rev.startsWith('0')) return rev;
  const last = t.length - 1;
  return t.slice(0, last) + String((Number(t[last]) + 3) % 10);
}

/** The tagged name of a row (see the header), or null. */
function linkedName(ar: string, en: string): { ar: string; en: string } | null {
  const words = en.split(/\s+/);
  const arWords = ar.split(/\s+/).map((w) => w.replace(/[^\u0621-\u064A]/g, '')).filter((w) => w.length >= 2);
  for (let i = 1; i < words.length; i++) {
    // the word without surrounding punctuation or a possessive: "Trump's" → Trump
    const w = /^[("“']*([A-Z][a-z]{3,})(?:['’]s)?[)"”',.;:!?]*$/.exec(words[i])?.[1];
    if (!w) continue;
    let best = { sim: 0, ar: '' };
    for (const a of arWords) {
      const sim = translitSimilarity(a, w);
      if (sim > best.sim) best = { sim, ar: a };
    }
    if (best.sim >= 0.75) return { ar: best.ar, en: w };
  }
  return null;
}

interface Injection {
  check: QaCheckId;
  /** rows the error was injected into */
  rows: number;
  /** of those, rows where the check found it */
  found: number;
}

function quality(docs: Array<Array<[string, string]>>) {
  const rand = rng(SEED);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const rows: QaRow[] = docs.flat().map(([ar, en], i) => ({ unit: `u${i + 1}`, row: i, ar, en, mentions: [] }));
  // the linked-name rule tags the clean rows too (their false alarms are counted below)
  const tagged = rows.map((r) => {
    const n = linkedName(r.ar, r.en);
    return n ? { ...r, mentions: [{ text: n.ar, type: 'NAME', renderings: [n.en] }] } : r;
  });
  const clean = new Map<string, number>();
  for (const r of tagged) for (const id of new Set(checkRow(r, {}).map((f) => f.check))) clean.set(id, (clean.get(id) ?? 0) + 1);

  const inj: Record<string, Injection> = {
    changedNumber: { check: 'number-mismatch', rows: 0, found: 0 },
    droppedNumber: { check: 'number-mismatch', rows: 0, found: 0 },
    unbalancedBracket: { check: 'punctuation', rows: 0, found: 0 },
    droppedLinkedName: { check: 'entity-missing', rows: 0, found: 0 },
  };
  const tally = (k: string, row: QaRow) => {
    inj[k].rows++;
    if (has(row, inj[k].check)) inj[k].found++;
  };
  for (const r of tagged) {
    if (!has(r, 'number-mismatch')) {
      const nums = matchedEnglishNumbers(r.ar, r.en);
      if (nums.length) {
        const n = pick(nums);
        tally('changedNumber', { ...r, en: r.en.slice(0, n.index) + changeNumber(n.text) + r.en.slice(n.index + n.text.length) });
      }
      const arDigits = numberTokens(r.ar);
      const digitNums = nums.filter((n) => {
        const v = numberTokens(n.text)[0]?.values ?? [];
        return arDigits.some((t) => t.values.some((x) => v.includes(x)));
      });
      if (digitNums.length) {
        const n = pick(digitNums);
        tally('droppedNumber', { ...r, en: (r.en.slice(0, n.index) + r.en.slice(n.index + n.text.length)).replace(/\s{2,}/g, ' ') });
      }
    }
    if (!has(r, 'punctuation') && r.en.length > 20 && rand() < 0.5) {
      const close = r.en.indexOf(')');
      let en: string;
      if (close >= 0 && r.en.indexOf('(') >= 0) en = r.en.slice(0, close) + r.en.slice(close + 1);
      else {
        const spaces = [...r.en.matchAll(/ /g)].map((m) => m.index ?? 0);
        const at = pick(spaces) + 1;
        en = r.en.slice(0, at) + '(' + r.en.slice(at);
      }
      tally('unbalancedBracket', { ...r, en });
    }
    if (r.mentions.length && !has(r, 'entity-missing')) {
      const name = r.mentions[0].renderings[0];
      tally('droppedLinkedName', { ...r, en: r.en.split(name).join('').replace(/\s{2,}/g, ' ') });
    }
  }
  const recall = (k: string) => (inj[k].rows ? inj[k].found / inj[k].rows : 0);
  const falseAlarms = Object.fromEntries(QA_CHECKS.filter((c) => c !== 'inconsistent-translation').map((c) => [c, { rows: clean.get(c) ?? 0, rate: r3((clean.get(c) ?? 0) / tagged.length) }]));
  const numberRate = (clean.get('number-mismatch') ?? 0) / tagged.length;
  const target = (figure: number, want: string, pass: boolean) => ({ figure: r3(figure), target: want, pass });
  return {
    rows: tagged.length,
    seed: SEED,
    taggedNames: tagged.filter((r) => r.mentions.length).length,
    injected: Object.fromEntries(Object.entries(inj).map(([k, v]) => [k, { ...v, recall: r3(recall(k)) }])),
    falseAlarmsOnCleanRows: falseAlarms,
    targets: {
      numberRecall: target(Math.min(recall('changedNumber'), recall('droppedNumber')), '≥ 0.95 (changed and dropped, the lower)', Math.min(recall('changedNumber'), recall('droppedNumber')) >= 0.95),
      numberFalseAlarmRate: target(numberRate, '≤ 0.03 of clean rows', numberRate <= 0.03),
      bracketRecall: target(recall('unbalancedBracket'), '≥ 0.9', recall('unbalancedBracket') >= 0.9),
    },
  };
}

/** Writes `n` reports (NTREX documents cycled) with their sidecars; every row translated. */
async function buildFolder(dir: string, docs: Array<Array<[string, string]>>, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const doc = docs[i % docs.length];
    const sub = join(dir, `batch${Math.floor(i / 100)}`);
    if (i % 100 === 0) await mkdir(sub, { recursive: true });
    const text = doc.map((p) => p[0]).join('\n');
    const spans = [];
    let pos = 0;
    for (const [ar] of doc) {
      const len = cpLength(ar);
      spans.push({ start: pos, end: pos + len });
      pos += len + 1;
    }
    const name = `report-${String(i).padStart(4, '0')}.txt`;
    const a = createAnnotations({ file: name, sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' }, text, spans, '2026-12-01T00:00:00.000Z');
    a.targets = doc.map((p, k) => ({ id: `t${k + 1}`, text: p[1] }));
    a.units = a.units.map((u, k) => ({ ...u, target: [`t${k + 1}`], status: 'translated' as const }));
    await writeFile(join(sub, name), text, 'utf8');
    await writeFile(sidecarPath(join(sub, name)), serializeAnnotations(a), 'utf8');
  }
}


async function speed(docs: Array<Array<[string, string]>>) {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-qa-bench-'));
  try {
    await buildFolder(dir, docs, 1000);
    const baseline: number[] = [];
    const qa: number[] = [];
    let findings = 0;
    let rows = 0;
    // paired runs, the order alternating (bench/report.ts)
    const t = await paired(
      3,
      async () => void (findings = (await runQa(dir)).findings.length),
      async () => {
        for (const txt of await findReports(dir)) rows += (JSON.parse(await readFile(sidecarPath(txt), 'utf8')) as { units: unknown[] }).units.length;
      },
    );
    qa.push(...t.ours);
    baseline.push(...t.baseline);
    return {
      reports: 1000,
      rows: rows / 3,
      findings,
      qa: figure({ unit: 'ms', ours: qa, baseline, baselineWhat: 'find the reports, read + JSON.parse every sidecar', target: { max: 5000 }, digits: 0 }),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const docs = ntrexPairs();
  return { quality: quality(docs), speed: await speed(docs) };
}
