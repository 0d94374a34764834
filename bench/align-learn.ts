// Learning curve of the project's learned word list (issue 13, item 2) on real data: NTREX-128
// documents in file order; the last TEST_DOCS are the test reports, the first N of the others are
// "translated" (their sentence pairs are the known rows a project would have learned from). Each N
// aligns the same test reports in the hard cases (literary 1-n clause splits, unfinished half,
// gap3) with the general word list alone, the general list + learned, and the learned list alone;
// hunalign (empty dictionary) on the same documents in the same run.
// Standalone: node --import tsx bench/align-learn.ts
import { alignSentences } from '../shared/align/aligner.ts';
import { learnLexicon, withLearned } from '../shared/align/learned.ts';
import type { Lexicon } from '../shared/align/lexical.ts';
import { buildCases, count, loadNtrex, summarise, type EvalDoc, type Pair } from './align-cases.ts';
import { hunalignBinary, runHunalign } from './hunalign.ts';
import { benchLexicon } from './align-lexicon.ts';

/** Test reports: the last documents of NTREX (never learned from). */
export const TEST_DOCS = 40;
const HARD = ['literary', 'unfinished_half', 'gap3'] as const;

const f1 = (set: EvalDoc[], lexicon: Lexicon | null | undefined) =>
  summarise(set.map((d) => count(d, alignSentences(d.ar, d.en, { lexicon: lexicon ?? undefined }))));

export function learningCurve(docs: Pair[][], general: Lexicon | null, hun: { bin: string } | { reason: string }, sizes = [0, 10, 50]) {
  const test = docs.slice(-TEST_DOCS);
  const pool = docs.slice(0, -TEST_DOCS);
  const cases = buildCases(test, 71);
  const out: Record<string, unknown> = {
    setup: `NTREX-128: test = last ${test.length} documents; learned from the first N of the other ${pool.length} (their sentence pairs as known rows)`,
  };
  const hunF1: Record<string, unknown> = {};
  for (const kind of HARD) {
    if (!('bin' in hun)) { hunF1[kind] = `not run: ${hun.reason}`; continue; }
    try {
      const links = runHunalign(hun.bin, cases[kind]);
      hunF1[kind] = summarise(cases[kind].map((d, k) => count(d, links[k]))).strictF1;
    } catch (e) {
      hunF1[kind] = `not run: ${(e as Error).message}`;
    }
  }
  out.hunalign = hunF1;
  for (const n of [...sizes.filter((s) => s < pool.length), pool.length]) {
    const t0 = performance.now();
    const learned = learnLexicon(pool.slice(0, n).flat());
    const learnMs = Math.round(performance.now() - t0);
    const merged = withLearned(general, learned);
    const row: Record<string, unknown> = { learnedWords: learned.size, learnMs };
    for (const kind of HARD) {
      const set = cases[kind];
      row[kind] = {
        general: general ? f1(set, general).strictF1 : 'not run: assets/lexicon/ar-en.tsv missing',
        generalLearned: f1(set, merged).strictF1,
        learnedOnly: f1(set, learned).strictF1,
      };
    }
    out[`N=${n}`] = row;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(learningCurve(loadNtrex(), benchLexicon(), process.env.NO_HUNALIGN ? { reason: 'NO_HUNALIGN set' } : hunalignBinary()), null, 2));
}
