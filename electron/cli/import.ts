// `muwazi import <name.txt> <translation.txt>`: aligns a translation with a report and writes or
// updates `<name>.annotations.json`, exactly as the app's import would (confirmed rows kept).
// `muwazi import <name.txt> <memory.tmx>` (a .tmx name or TMX content) and
// `muwazi import <name.txt> --moses <corpus.ar> <corpus.en>`: seed the report's translations from a
// translation memory (rows whose Arabic the memory holds, the rest aligned from its other English).
// `muwazi import --folder <dir>`: every `<name>.txt` under <dir> with a `<name>.en.txt` (or else a
// `<name>.tmx`) beside it, with a progress bar (TTY stderr only) and a summary. When a report's source
// changed since its sidecar was written, what re-anchoring did is printed (spans kept aside as
// orphans). Exit status: 0 when everything was imported, 1 when anything failed or nothing was found
// (with --strict also when a source had drifted), 2 for bad arguments.
import { join, relative } from 'node:path';
import { PROJECT_FILE } from '../host/workspace.ts';
import { cliLexicon } from './lexicon.ts';
import { importFolder, importTranslationFile, isTmxFile, saveMemoryImport, type DriftSummary, type ImportFileResult, type MemorySaveResult } from '../host/import.ts';
import { toFailure } from '../host/errors.ts';
import type { CliIO } from './main.ts';

const USAGE =
  'usage: muwazi import <name.txt> <translation.txt|memory.tmx> [--strict] | muwazi import <name.txt> --moses <corpus.ar> <corpus.en> [--strict] | muwazi import --folder <dir> [--strict]';

/** The drift lines of one report: the source changed since the sidecar, and what became of its spans. */
function describeDrift(drift: DriftSummary | undefined, name: string): string {
  if (!drift) return '';
  const head = `${name}: the source changed since its annotations were saved; spans were re-anchored to the new text, ${drift.orphaned} kept aside as orphans (see muwazi validate)\n`;
  return head + drift.warnings.map((w) => `  ${w}\n`).join('');
}

function describe(r: ImportFileResult, name: string): string {
  return describeImport(r, name) + describeDrift(r.drift, name);
}

function describeImport(r: ImportFileResult, name: string): string {
  if (r.memory) {
    const m = r.memory;
    return describeMemory({ ...r, pairs: m.pairs, matched: m.matched, aligned: m.aligned, unusedPairs: m.unusedPairs }, name);
  }
  const low = r.lowConfidence.length ? ` (${r.lowConfidence.join(', ')})` : '';
  const dropped = r.droppedMentions ? `; ${r.droppedMentions} English mention(s) removed with the replaced English` : '';
  return `${name}: ${r.sentences} English sentences into ${r.rows} rows, ${r.rowsWithEnglish} with English, ${r.lowConfidence.length} low-confidence${low}${dropped}\n`;
}

/** One line per memory import: what came from the memory, what the aligner placed, what to check. */
function describeMemory(r: { pairs: number; matched: number; aligned: number; unusedPairs: number; rows: number; rowsWithEnglish: number; lowConfidence: string[] }, name: string): string {
  const low = r.lowConfidence.length ? ` (${r.lowConfidence.join(', ')})` : '';
  return `${name}: ${r.matched} rows matched exactly from the memory, ${r.aligned} rows aligned, ${r.lowConfidence.length} low-confidence${low}; ${r.rows} rows, ${r.rowsWithEnglish} with English; ${r.pairs} memory pairs, ${r.unusedPairs} unused\n`;
}

const memoryLine = (r: MemorySaveResult, name: string) =>
  describeMemory({ ...r, matched: r.matched.length, aligned: r.aligned.length }, name) + describeDrift(r.drift, name);

/** A one-line progress bar, redrawn in place. */
function progressBar(done: number, total: number, current: string): string {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${current}`.slice(0, 100).padEnd(100);
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  let folder: string | null = null;
  let moses: [string, string] | null = null;
  let strict = false;
  /** exit status of a finished import: drift counts only with --strict */
  const done = (drifted: boolean) => (strict && drifted ? 1 : 0);
  const files: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--moses') {
      const ar = argv[++k];
      const en = argv[++k];
      if (!ar || !en || ar.startsWith('-') || en.startsWith('-')) {
        io.err(`muwazi import: --moses needs the Arabic and the English corpus file\n${USAGE}\n`);
        return 2;
      }
      moses = [ar, en];
    } else if (a === '--folder') {
      folder = argv[++k] ?? '';
      if (!folder) {
        io.err(`muwazi import: --folder needs a folder\n${USAGE}\n`);
        return 2;
      }
    } else if (a.startsWith('--folder=')) folder = a.slice('--folder='.length);
    else if (a === '--strict') strict = true;
    else if (a === '--help' || a === '-h') {
      io.out(USAGE + '\n');
      return 0;
    } else if (a.startsWith('-')) {
      io.err(`muwazi import: unknown option '${a}'\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (moses !== null) {
    if (folder !== null || files.length !== 1) {
      io.err(`muwazi import: --moses goes with exactly one report\n${USAGE}\n`);
      return 2;
    }
    try {
      const r = await saveMemoryImport(files[0], { kind: 'moses', ar: moses[0], en: moses[1] }, { lexicon: await cliLexicon(io, files[0]) });
      io.out(memoryLine(r, files[0]));
      return done(!!r.drift);
    } catch (e) {
      io.err(`muwazi import: ${files[0]}: ${toFailure(e).message}\n`);
      return 1;
    }
  }
  if (folder !== null ? files.length !== 0 : files.length !== 2) {
    io.err(`muwazi import: give a report and its translation, or --folder <dir>\n${USAGE}\n`);
    return 2;
  }
  if (folder === null && (await isTmxFile(files[1]))) {
    try {
      const r = await saveMemoryImport(files[0], { kind: 'tmx', path: files[1] }, { lexicon: await cliLexicon(io, files[0]) });
      io.out(memoryLine(r, files[0]));
      return done(!!r.drift);
    } catch (e) {
      io.err(`muwazi import: ${files[0]}: ${toFailure(e).message}\n`);
      return 1;
    }
  }
  // the aligner's word list (assets/lexicon); without it the import still runs, at lower quality.
  // Inside a project its learned list is added (for --folder: the folder's project, found from the
  // folder itself)
  const lexicon = await cliLexicon(io, folder === null ? files[0] : join(folder, PROJECT_FILE));
  if (folder === null) {
    try {
      const r = await importTranslationFile(files[0], files[1], { lexicon });
      io.out(describe(r, files[0]));
      return done(!!r.drift);
    } catch (e) {
      io.err(`muwazi import: ${files[0]}: ${toFailure(e).message}\n`);
      return 1;
    }
  }
  const dir = folder;
  let drawn = false;
  let summary;
  try {
    summary = await importFolder(dir, {
      lexicon,
      onProgress: (done, total, current) => {
        if (!io.isTTY || total === 0) return;
        io.err(progressBar(done, total, current));
        drawn = true;
      },
    });
  } catch (e) {
    io.err(`muwazi import: ${toFailure(e).message}\n`);
    return 1;
  } finally {
    if (drawn) io.err('\n');
  }
  const { imported, failures } = summary;
  const total = imported.length + failures.length;
  if (total === 0) {
    io.err(`muwazi import: no <name>.txt with a <name>.en.txt or <name>.tmx beside it under ${dir}\n`);
    return 1;
  }
  for (const r of imported) io.out(describe(r, relative(dir, r.txtPath)));
  const rows = imported.reduce((s, r) => s + r.rows, 0);
  const withEnglish = imported.reduce((s, r) => s + r.rowsWithEnglish, 0);
  const low = imported.reduce((s, r) => s + r.lowConfidence.length, 0);
  const drifted = imported.filter((r) => r.drift).length;
  const driftNote = drifted ? ` ${drifted} report(s) had a changed source (re-anchored, see above).` : '';
  io.out(`\nImported ${imported.length} of ${total} reports: ${rows} rows, ${withEnglish} with English, ${low} low-confidence rows.${driftNote}\n`);
  if (failures.length) {
    io.out(`Failed (${failures.length}):\n`);
    for (const f of failures) io.out(`  ${relative(dir, f.txtPath)}: ${f.message} [${f.code}]\n`);
    return 1;
  }
  return done(drifted > 0);
}
