// Aligner quality and speed (issue 13), Muwazi beside hunalign in the same run on the same data.
// Quality: real Arabic–English text (NTREX-128 news, UD PUD news/Wikipedia) reshaped into the
// cases translators bring (bench/align-cases.ts): clean 1-1, literary 1-3 … 1-8 links, unfinished
// translations (first half, first third), a 3-line gap, two paragraphs swapped. Figures per case:
// strict link F1 (a link counts only if both sides match exactly), the share of English sentences
// in their own row, and the share of links that are wrong yet have confidence ≥ 0.5 (also as a
// share of the wrong links, and the precision of the confident links). hunalign's "confidence" is
// its own score, not a probability; its wrong-yet-confident figures use the same 0.5 cut only for
// comparison. Muwazi runs with the committed word list (assets/lexicon) and without it. `bench` is the split we tune on; `dev` (every 4th document) is held out and only
// used to calibrate the confidence. Speed: 10,000 × 10,000 sentences through `muwazi align
// --presegmented` (with the word list, node + tsx start-up included) and through hunalign, wall
// time and peak memory (GNU time). `learning`: the learned word list's learning curve
// (bench/align-learn.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignSentences } from '../shared/align/aligner.ts';
import { placeMovedBlocks } from '../shared/align/moved.ts';
import { buildCases, count, loadNtrex, loadPud, split, summarise, type EvalDoc, type Pair } from './align-cases.ts';
import { hunalignBinary, runHunalign, timed, tokenise } from './hunalign.ts';
import { figure, median } from './report.ts';
import { benchLexicon } from './align-lexicon.ts';
import { learningCurve } from './align-learn.ts';
import type { Lexicon } from '../shared/align/lexical.ts';

export { rng } from './align-cases.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Muwazi as the import aligns: the monotone alignment, then moved paragraphs placed (moved.ts). */
export function muwaziLinks(d: EvalDoc, lexicon?: Lexicon) {
  return placeMovedBlocks(d.ar, d.en, alignSentences(d.ar, d.en, { lexicon }), { lexicon });
}

function muwazi(docs: EvalDoc[], lexicon?: Lexicon) {
  return summarise(docs.map((d) => count(d, muwaziLinks(d, lexicon))));
}

function quality(corpora: Record<string, Pair[][]>, which: 'bench' | 'dev', hun: { bin: string } | { reason: string }, lexicon: Lexicon | null) {
  const out: Record<string, unknown> = {};
  for (const [name, docs] of Object.entries(corpora)) {
    const cases = buildCases(split(docs)[which], name === 'ntrex' ? 13 : 31);
    for (const [kind, set] of Object.entries(cases)) {
      let h: unknown;
      if ('bin' in hun) {
        try {
          const links = runHunalign(hun.bin, set);
          h = summarise(set.map((d, k) => count(d, links[k])));
        } catch (e) {
          h = `not run: ${(e as Error).message}`;
        }
      } else h = `not run: ${hun.reason}`;
      out[`${name}/${kind}`] = {
        docs: set.length,
        muwazi: lexicon ? muwazi(set, lexicon) : 'not run: assets/lexicon/ar-en.tsv missing',
        muwaziNoLexicon: muwazi(set),
        hunalign: h,
      };
    }
  }
  return out;
}

/** n × n 1-1 line pairs cycled from NTREX through both command lines, interleaved run by run
 * (bench/report.ts): wall time (GNU time, start-up included) and peak memory. The target (issue
 * 17) is Muwazi ≤ hunalign at 1k × 1k. Without hunalign the figures say why it did not run. */
export function speed(pairs: Pair[], hun: { bin: string } | { reason: string }, sizes: readonly (readonly [number, number])[] = [[1_000, 5], [10_000, 3]]) {
  const dir = mkdtempSync(join(tmpdir(), 'muwazi-bench-align-'));
  try {
    const out: Record<string, unknown> = { cli: 'node bin/muwazi.mjs align --presegmented --json (the bundle dist/cli.mjs when built, else tsx)' };
    for (const [n, runs] of sizes) {
      const ar = Array.from({ length: n }, (_, i) => pairs[i % pairs.length][0]);
      const en = Array.from({ length: n }, (_, i) => pairs[i % pairs.length][1]);
      writeFileSync(join(dir, 'ar.txt'), ar.join('\n') + '\n');
      writeFileSync(join(dir, 'en.txt'), en.join('\n') + '\n');
      writeFileSync(join(dir, 'ar.tok'), ar.map(tokenise).join('\n') + '\n');
      writeFileSync(join(dir, 'en.tok'), en.map(tokenise).join('\n') + '\n');
      const muwazi = () => timed(process.execPath, [join(ROOT, 'bin/muwazi.mjs'), 'align', '--presegmented', '--json', join(dir, 'ar.txt'), join(dir, 'en.txt')], dir);
      const key = `${n} x ${n} (1-1, NTREX cycled)`;
      if (!('bin' in hun)) {
        const m = muwazi();
        out[key] = { muwazi: m, hunalign: `not run: ${hun.reason}` };
        continue;
      }
      const hunalign = () => timed(hun.bin, ['-utf', '-realign', '/dev/null', 'ar.tok', 'en.tok'], dir);
      const m: { seconds: number; maxRssMb: number }[] = [];
      const h: { seconds: number; maxRssMb: number }[] = [];
      let failed = '';
      for (let r = 0; r < runs && !failed; r++) {
        for (const side of r % 2 ? ['h', 'm'] : ['m', 'h']) {
          const x = side === 'm' ? muwazi() : hunalign();
          if ('reason' in x) failed = `${side === 'm' ? 'muwazi' : 'hunalign'} failed: ${x.reason}`;
          else (side === 'm' ? m : h).push(x);
        }
      }
      if (failed) {
        out[key] = failed;
        continue;
      }
      out[key] = {
        seconds: figure({ unit: 's', ours: m.map((x) => x.seconds), baseline: h.map((x) => x.seconds), baselineWhat: 'hunalign -realign, empty dictionary', target: { maxRatio: 1 }, digits: 2 }),
        peakMb: { muwazi: median(m.map((x) => x.maxRssMb)), hunalign: median(h.map((x) => x.maxRssMb)) },
      };
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const ntrex = loadNtrex();
  const corpora = { ntrex, pud: loadPud() };
  const hun = hunalignBinary();
  const lexicon = benchLexicon();
  return {
    hunalign: 'bin' in hun ? 'built from ../shared/tools/hunalign, run with -utf -realign and an empty dictionary' : `not run: ${hun.reason}`,
    bench: quality(corpora, 'bench', hun, lexicon),
    dev: quality(corpora, 'dev', hun, lexicon),
    // the project's learned word list (issue 13 item 2): learned from N documents, aligning others
    learning: learningCurve(ntrex, lexicon, hun),
    speed: speed(ntrex.flat(), hun),
  };
}
