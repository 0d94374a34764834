// Translation-memory lookup (shared/tm/memory.ts) at 10,000 and 100,000 units, beside a brute-force
// scan (every unit scored exactly) measured in the same run. Target: p95 ≤ 50 ms at 100,000 units.
//
// How the memory is filled (real text only): the real sentence pairs of NTREX-128 (news, 1,997)
// and UD PUD (1,000), less 100 NTREX sentences held out as queries; the rest of the units are
// recombinations of real sentences: the first half of one real sentence's words joined to the
// second half of another's, on both sides (Arabic halves with Arabic, English with English), pairs
// drawn by a seeded generator. Units come in "reports" of 100 (setGroup per report).
// Queries (200): the 100 held-out NTREX sentences as they are (new text: partial matches at best),
// 50 memory sentences with one number changed (placeables) and 50 with one word dropped (fuzzy
// matches exist). The brute-force scan runs the first 40 queries; agreement counts the queries
// whose best score from the index equals the brute-force best score. The machine's load average is
// printed with the figures (a shared 2-core machine under load stretches the tail), and beside the
// single-pass lookup times the per-query minimum of three passes. Concordance: the time to fold
// every row once (done by the host in the background after the build), then searches for a frequent
// Arabic word (stops at the dialog's 500 hits), a rare one and an English word.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concordance, warmConcordance, type ConcordanceRow } from '../shared/tm/concordance.ts';
import { TranslationMemory, type TmUnitInput } from '../shared/tm/memory.ts';
import { rng } from './align-cases.ts';

const DATA = process.env.MUWAZI_DATA ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
const TARGET_P95_MS = 50;
const HELD_OUT = 100;
const BRUTE_QUERIES = 40;

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.trim());
}

interface Pair {
  ar: string;
  en: string;
}

function realPairs(): { pool: Pair[]; heldOut: Pair[] } {
  const nt = join(DATA, 'ntrex128-ar-en');
  const ud = join(DATA, 'ud-pud-ar-en');
  const ntAr = lines(join(nt, 'newstest2019-ref.arb.txt'));
  const ntEn = lines(join(nt, 'newstest2019-src.eng.txt'));
  const udAr = lines(join(ud, 'pud.ar.txt'));
  const udEn = lines(join(ud, 'pud.en.txt'));
  const ntrex = ntAr.map((ar, i) => ({ ar, en: ntEn[i] ?? '' })).filter((p) => p.ar && p.en);
  const pud = udAr.map((ar, i) => ({ ar, en: udEn[i] ?? '' })).filter((p) => p.ar && p.en);
  // every 19th NTREX sentence is held out (spread over the documents), 100 of them
  const heldOut: Pair[] = [];
  const pool: Pair[] = [];
  ntrex.forEach((p, i) => (i % 19 === 7 && heldOut.length < HELD_OUT ? heldOut : pool).push(p));
  return { pool: [...pool, ...pud], heldOut };
}

const halves = (s: string): [string, string] => {
  const w = s.split(/\s+/);
  const k = Math.ceil(w.length / 2);
  return [w.slice(0, k).join(' '), w.slice(k).join(' ')];
};

function fill(pool: Pair[], n: number): TmUnitInput[] {
  const r = rng(11);
  const units: TmUnitInput[] = [];
  const origin = (k: number) => ({ kind: 'report' as const, file: `r${Math.floor(k / 100)}.txt`, row: k % 100 });
  for (let k = 0; k < n; k++) {
    if (k < pool.length) {
      units.push({ ...pool[k], origin: origin(k), unit: `u${k}` });
      continue;
    }
    const a = pool[Math.floor(r() * pool.length)];
    const b = pool[Math.floor(r() * pool.length)];
    units.push({ ar: `${halves(a.ar)[0]} ${halves(b.ar)[1]}`, en: `${halves(a.en)[0]} ${halves(b.en)[1]}`, origin: origin(k), unit: `u${k}` });
  }
  return units;
}

function queries(pool: Pair[], heldOut: Pair[]): string[] {
  const r = rng(5);
  const withNumber = pool.filter((p) => /[0-9\u0660-\u0669]/.test(p.ar));
  const changed: string[] = [];
  for (let i = 0; changed.length < 50 && i < withNumber.length * 4; i++) {
    const p = withNumber[Math.floor(r() * withNumber.length)];
    changed.push(p.ar.replace(/[0-9\u0660-\u0669]+/, (d) => String(Number(d.replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))) + 7)));
  }
  const dropped: string[] = [];
  while (dropped.length < 50) {
    const w = pool[Math.floor(r() * pool.length)].ar.split(/\s+/);
    if (w.length < 6) continue;
    w.splice(Math.floor(w.length / 2), 1);
    dropped.push(w.join(' '));
  }
  // interleaved, so the brute-force subset holds every kind
  const out: string[] = [];
  for (let i = 0; i < 100; i++) out.push(heldOut[i % heldOut.length].ar, i % 2 ? dropped[i >> 1] : changed[i >> 1]);
  return out;
}

function stats(ms: number[]): { p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1]) };
}

const round = (x: number) => Math.round(x * 100) / 100;
const mb = (bytes: number) => Math.round(bytes / 1048576);

function measure(pool: Pair[], qs: string[], n: number): Record<string, unknown> {
  const units = fill(pool, n);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const memory = new TranslationMemory();
  const t0 = performance.now();
  for (let k = 0; k < units.length; k += 100) memory.setGroup(`r${k / 100}.txt`, units.slice(k, k + 100));
  const buildMs = performance.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  // warm-up (JIT), not counted
  for (const q of qs.slice(0, 5)) memory.lookup(q);
  const indexMs: number[] = [];
  const best: number[] = [];
  let withMatch = 0;
  for (const q of qs) {
    const t = performance.now();
    const m = memory.lookup(q, { min: 0.5, limit: 5 });
    indexMs.push(performance.now() - t);
    best.push(m[0]?.score ?? 0);
    if (m.length) withMatch++;
  }
  // two more passes: the per-query minimum of three shows the cost without the other processes'
  // interference (the machine is shared); the single-pass figures above are the ones held to the target
  const minMs = [...indexMs];
  for (let pass = 0; pass < 2; pass++) {
    qs.forEach((q, i) => {
      const t = performance.now();
      memory.lookup(q, { min: 0.5, limit: 5 });
      minMs[i] = Math.min(minMs[i], performance.now() - t);
    });
  }
  const bruteMs: number[] = [];
  let agree = 0;
  qs.slice(0, BRUTE_QUERIES).forEach((q, i) => {
    const t = performance.now();
    const m = memory.bruteForce(q, { min: 0.5, limit: 5 });
    bruteMs.push(performance.now() - t);
    if ((m[0]?.score ?? 0) === best[i]) agree++;
  });
  // concordance over the same rows: a frequent word (stops at the dialog's 500 hits) and a rare one (scans every row)
  const rows: ConcordanceRow[] = units.map((u, k) => ({ file: u.origin.file, path: u.origin.file, row: k % 100, unit: u.unit ?? '', ar: u.ar, en: u.en }));
  const conc = (term: string) => {
    const t = performance.now();
    const r = concordance(rows, term, { limit: 500 });
    return { ms: Math.round(performance.now() - t), hits: r.hits.length, truncated: r.truncated };
  };
  // the host folds every row once in the background after the build (warmConcordance); then a search
  const tf = performance.now();
  warmConcordance(rows);
  const concordanceMs = { foldAllRowsOnceMs: Math.round(performance.now() - tf), frequent: conc('الحكومة'), rare: conc('كابيتول'), english: conc('government') };
  const index = stats(indexMs);
  const brute = stats(bruteMs);
  return {
    units: memory.size,
    buildMs: Math.round(buildMs),
    heapMB: mb(after.heapUsed - before.heapUsed),
    rssMB: mb(after.rss - before.rss),
    lookupMs: { ...index, targetP95: TARGET_P95_MS, meetsTarget: index.p95 <= TARGET_P95_MS },
    lookupMsBestOf3: stats(minMs),
    bruteForceMs: { ...brute, queries: BRUTE_QUERIES },
    speedupP50: round(brute.p50 / index.p50),
    queriesWithMatch: `${withMatch}/${qs.length}`,
    bestScoreAgreesWithBruteForce: `${agree}/${BRUTE_QUERIES}`,
    concordanceMs,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const { pool, heldOut } = realPairs();
  const qs = queries(pool, heldOut);
  return {
    loadAverage1min: round(loadavg()[0]),
    realPairs: pool.length,
    heldOutQueries: heldOut.length,
    queries: qs.length,
    units10k: measure(pool, qs, 10_000),
    units100k: measure(pool, qs, 100_000),
  };
}
