// Loading two copies of a folder's reports for agreement (shared/team/agree.ts): two folders (two
// annotators' copies) or two git revisions of one folder (`git show rev:path`, nothing checked
// out). A report is compared when both copies have its annotation file and both were made for
// the same source text; otherwise it is listed as skipped with the reason.
import { execFile } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAnnotations } from '../../shared/formats/sidecar.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { decodeText } from '../../shared/text/decode.ts';
import { addCounts, agreementCounts, figures, NO_COUNTS, type AgreementFigures } from '../../shared/team/agree.ts';
import { readSource, sha256, sidecarPath } from './report-store.ts';
import { findReports, relPath } from './workspace.ts';

const run$ = promisify(execFile);

/** One report in both copies, ready to compare. */
export interface ReportPair {
  /** path relative to the folder, forward slashes */
  name: string;
  a: Annotations;
  b: Annotations;
  /** the source text both were made for */
  text: string;
}

/** What `agreement` returns (the CLI's --json, and the app's dialog). */
export interface AgreementReport {
  reports: { name: string; figures: AgreementFigures }[];
  overall: AgreementFigures;
  skipped: { name: string; reason: string }[];
}

/** Figures per report and overall (counts summed over the reports). */
export function agreement(pairs: ReportPair[], skipped: AgreementReport['skipped'] = []): AgreementReport {
  let total = NO_COUNTS;
  const reports = pairs.map((p) => {
    const c = agreementCounts(p.a, p.b, p.text);
    total = addCounts(total, c);
    return { name: p.name, figures: figures(c) };
  });
  return { reports, overall: figures(total), skipped };
}

/** A pair, or why not: missing side, unreadable file, different sources. */
function pairOf(name: string, jsonA: string | null, jsonB: string | null, text: string | null, sha: string | null): ReportPair | { name: string; reason: string } {
  if (jsonA === null || jsonB === null) return { name, reason: `no annotation file in the ${jsonA === null ? 'first' : 'second'} copy` };
  let a: Annotations;
  let b: Annotations;
  try {
    a = parseAnnotations(jsonA);
    b = parseAnnotations(jsonB);
  } catch (e) {
    return { name, reason: `unreadable annotation file: ${(e as Error).message}` };
  }
  if (a.source.sha256 !== b.source.sha256) return { name, reason: 'the two copies were annotated on different versions of the source' };
  if (text === null || sha !== a.source.sha256) return { name, reason: 'the source text changed since it was annotated (open the report to re-anchor it)' };
  return { name, a, b, text };
}

function split(results: (ReportPair | { name: string; reason: string })[]): AgreementReport {
  const pairs = results.filter((r): r is ReportPair => 'a' in r);
  const skipped = results.filter((r): r is { name: string; reason: string } => 'reason' in r);
  return agreement(pairs, skipped);
}

/** Two folders holding copies of the same reports (matched by relative path; sources read from the first). */
export async function folderAgreement(dirA: string, dirB: string): Promise<AgreementReport> {
  const rootA = await realpath(dirA);
  const rootB = await realpath(dirB);
  const results = [];
  for (const txt of await findReports(rootA)) {
    const name = relPath(rootA, txt);
    const read = (p: string) => readFile(p, 'utf8').catch(() => null);
    const [jsonA, jsonB] = await Promise.all([read(sidecarPath(txt)), read(sidecarPath(join(rootB, name)))]);
    const src = await readSource(txt).catch(() => null);
    results.push(pairOf(name, jsonA, jsonB, src?.decoded.text ?? null, src?.sha256 ?? null));
  }
  return split(results);
}

/** Two git revisions of the annotation files under `folder` (read with `git show`, nothing checked out). */
export async function revisionAgreement(folder: string, revA: string, revB: string): Promise<AgreementReport> {
  const git = async (...args: string[]) => (await run$('git', ['-C', folder, ...args], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 })).stdout;
  const show = (rev: string, path: string) => git('show', `${rev}:./${path}`).catch(() => null);
  for (const rev of [revA, revB]) {
    try {
      await git('rev-parse', '--verify', '--quiet', rev + '^{commit}');
    } catch {
      throw new Error(`not a git revision here: ${rev} (in ${folder})`);
    }
  }
  const list = (await git('ls-tree', '-r', '--name-only', '-z', revA, '--', '.')).toString('utf8').split('\0').filter((p) => p.endsWith('.annotations.json')).sort();
  const results = [];
  for (const sc of list) {
    const txt = sc.replace(/\.annotations\.json$/, '.txt');
    const [a, b, src] = await Promise.all([show(revA, sc), show(revB, sc), show(revA, txt)]);
    let text: string | null = null;
    try {
      text = src ? decodeText(src).text : null;
    } catch {
      // not decodable text: skipped below as a changed source
    }
    results.push(pairOf(txt, a?.toString('utf8') ?? null, b?.toString('utf8') ?? null, text, src ? sha256(src) : null));
  }
  return split(results);
}
