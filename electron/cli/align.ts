// `muwazi align <ar.txt> <en.txt> [--presegmented] [--json]`: aligns an Arabic text with its
// English translation and prints the links.
// - Without --presegmented both texts are split with the sentence segmenter; indices are sentence
//   indices in segmenter order.
// - With --presegmented every line is one sentence and indices are 0-based LINE numbers: all lines
//   count, empty ones included (an empty line becomes its own 1-0 or 0-1 link, never merged into a
//   neighbour); the empty string after a final line break is not a line.
// --json prints `[[[ar indices], [en indices], confidence], ...]` (one link per line), in order,
// covering every sentence/line of both sides exactly once; otherwise a readable two-column list.
// Segmentation uses the abbreviations of each file's project (muwazi.project.json in its folder or
// one above), as `muwazi segment` does, and the project's learned word list joins the general one;
// --no-project ignores both.
import { alignSentences, type Link } from '../../shared/align/aligner.ts';
import { segmentSentences, type SegmentRules } from '../../shared/text/segment.ts';
import { OffsetMap } from '../../shared/text/offsets.ts';
import { cliSegmentRules, readTextFile } from './segment.ts';
import type { CliIO } from './main.ts';
import { cliLexicon } from './lexicon.ts';

const USAGE = 'usage: muwazi align <ar.txt> <en.txt> [--presegmented] [--json] [--no-project]';

/** Lines of a presegmented file: every line, the empty remainder after a final line break dropped. */
export function presegmentedLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function sentences(text: string, lang: 'ar' | 'en', rules: SegmentRules): string[] {
  const map = new OffsetMap(text);
  return segmentSentences(text, { lang, ...rules }).map((s) => map.slice(s.start, s.end));
}

/** Empty lines as fixed links, so the aligner never merges them into a neighbour. */
function emptyLineLinks(ar: string[], en: string[]): Link[] {
  const fixed: Link[] = [];
  ar.forEach((s, i) => { if (s.trim() === '') fixed.push({ src: [i], tgt: [], confidence: 1 }); });
  en.forEach((s, j) => { if (s.trim() === '') fixed.push({ src: [], tgt: [j], confidence: 1 }); });
  return fixed;
}

/** Pads or cuts `s` to `w` code points. */
function cell(s: string, w: number): string {
  const cps = Array.from(s.replace(/\s+/g, ' ').trim());
  return cps.length > w ? cps.slice(0, w - 1).join('') + '…' : cps.join('') + ' '.repeat(w - cps.length);
}

const indices = (xs: number[]) => (xs.length === 0 ? '-' : xs.length === 1 ? String(xs[0]) : `${xs[0]}-${xs[xs.length - 1]}`);

/** The two-column listing: indices, confidence, Arabic, English. */
export function formatTable(links: Link[], ar: string[], en: string[]): string {
  const rows = [`${cell('ar', 8)} ${cell('en', 8)} ${cell('conf', 4)}  ${cell('Arabic', 40)} | English`];
  for (const l of links) {
    const a = l.src.map((i) => ar[i]).join(' ');
    const e = l.tgt.map((j) => en[j]).join(' ');
    rows.push(`${cell(indices(l.src), 8)} ${cell(indices(l.tgt), 8)} ${l.confidence.toFixed(2)}  ${cell(a, 40)} | ${cell(e, 60).trimEnd()}`);
  }
  return rows.join('\n') + '\n';
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  let presegmented = false;
  let json = false;
  let project = true;
  const files: string[] = [];
  for (const a of argv) {
    if (a === '--presegmented') presegmented = true;
    else if (a === '--no-project') project = false;
    else if (a === '--json') json = true;
    else if (a.startsWith('-')) {
      io.err(`muwazi align: unknown option '${a}'\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 2) {
    io.err(`muwazi align: expected two files (Arabic, then English), got ${files.length}\n${USAGE}\n`);
    return 2;
  }
  const arText = await readTextFile(files[0], io, 'align');
  if (arText === null) return 1;
  const enText = await readTextFile(files[1], io, 'align');
  if (enText === null) return 1;
  // presegmented lines are not segmented, so no project settings are read
  const arRules = presegmented ? {} : await cliSegmentRules(files[0], project, io, 'align');
  if (arRules === null) return 1;
  const enRules = presegmented ? {} : await cliSegmentRules(files[1], project, io, 'align');
  if (enRules === null) return 1;
  const ar = presegmented ? presegmentedLines(arText) : sentences(arText, 'ar', arRules);
  const en = presegmented ? presegmentedLines(enText) : sentences(enText, 'en', enRules);
  // inside a project the project's learned word list is added (not with --no-project)
  const lexicon = await cliLexicon(io, project ? files[0] : undefined);
  const links = alignSentences(ar, en, { fixed: presegmented ? emptyLineLinks(ar, en) : [], lexicon: lexicon ?? undefined });
  if (json) {
    const lines = links.map((l) => JSON.stringify([l.src, l.tgt, l.confidence]));
    io.out(lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n');
  } else {
    io.out(formatTable(links, ar, en));
  }
  return 0;
}
