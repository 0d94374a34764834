// hunalign (Varga et al. 2005) as a side-by-side baseline in the align benchmark: built from the
// source kept in ../shared/tools/hunalign into a cache folder (never committed), run with an empty
// dictionary and -realign on the same documents as Muwazi, its ladder turned into links.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir, type EvalDoc, type ScoredLink } from './align-cases.ts';

/** The hunalign binary, built on first use, or the reason it is not available. */
export function hunalignBinary(): { bin: string } | { reason: string } {
  let BUILD: string;
  try { BUILD = join(sharedDir('tools/hunalign'), 'build.sh'); } catch (e) { return { reason: (e as Error).message }; }
  if (!existsSync(BUILD)) return { reason: `${BUILD} not found` };
  if (spawnSync('g++', ['--version']).status !== 0) return { reason: 'g++ not installed' };
  if (spawnSync('make', ['--version']).status !== 0) return { reason: 'make not installed' };
  try {
    const bin = execFileSync('bash', [BUILD, join(tmpdir(), 'muwazi-bench-hunalign')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop()!;
    return existsSync(bin) ? { bin } : { reason: 'build produced no binary' };
  } catch (e) {
    return { reason: `build failed: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** hunalign wants tokenised text: punctuation set apart by spaces. */
export const tokenise = (s: string) => s.replace(/([.,!?;:()"“”«»،؛؟])/g, ' $1 ').replace(/\s+/g, ' ').trim();

/** Ladder rungs (i, j, score) → links; a link's confidence is the score of its first rung. */
export function ladderToLinks(ladder: string): ScoredLink[] {
  const rungs = ladder.trim().split('\n').filter(Boolean).map((l) => l.split('\t').map(Number));
  const links: ScoredLink[] = [];
  for (let k = 0; k + 1 < rungs.length; k++) {
    const [i0, j0, s] = rungs[k];
    const [i1, j1] = rungs[k + 1];
    const src = Array.from({ length: i1 - i0 }, (_, q) => i0 + q);
    const tgt = Array.from({ length: j1 - j0 }, (_, q) => j0 + q);
    // hunalign may emit k-0 runs as one segment; split them into 1-0 rows as Muwazi shows them
    if (tgt.length === 0 && src.length > 1) for (const x of src) links.push({ src: [x], tgt: [], confidence: s });
    else if (src.length === 0 && tgt.length > 1) for (const y of tgt) links.push({ src: [], tgt: [y], confidence: s });
    else links.push({ src, tgt, confidence: s });
  }
  return links;
}

/** Aligns every document with one hunalign batch run; returns links per document. */
export function runHunalign(bin: string, docs: EvalDoc[]): ScoredLink[][] {
  const dir = mkdtempSync(join(tmpdir(), 'muwazi-hunalign-'));
  try {
    const batch: string[] = [];
    docs.forEach((d, k) => {
      writeFileSync(join(dir, `${k}.ar`), d.ar.map(tokenise).join('\n') + '\n');
      writeFileSync(join(dir, `${k}.en`), d.en.map(tokenise).join('\n') + '\n');
      batch.push([`${k}.ar`, `${k}.en`, `${k}.out`].join('\t'));
    });
    writeFileSync(join(dir, 'batch.txt'), batch.join('\n') + '\n');
    // it writes translate.txt into the working folder: run it inside the temporary folder
    const r = spawnSync(bin, ['-utf', '-realign', '-batch', '/dev/null', 'batch.txt'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`hunalign exited ${r.status}: ${r.stderr.slice(-300)}`);
    return docs.map((_, k) => ladderToLinks(readFileSync(join(dir, `${k}.out`), 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time and peak memory of a command (GNU time's %e and %M), or the reason it cannot be measured. */
export function timed(cmd: string, args: string[], cwd: string): { seconds: number; maxRssMb: number } | { reason: string } {
  if (!existsSync('/usr/bin/time')) return { reason: '/usr/bin/time not installed' };
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'ignore', 'pipe'] });
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) return { reason: `exit ${r.status}: ${(r.stderr ?? '').slice(-200)}` };
  return { seconds: Number(m[1]), maxRssMb: Math.round(Number(m[2]) / 1024) };
}
