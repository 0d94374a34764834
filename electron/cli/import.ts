// `muwazi import <name.txt> <translation.txt>`: aligns a translation with a report and writes or
// updates `<name>.annotations.json`, exactly as the app's import would (confirmed rows kept).
// `muwazi import --folder <dir>`: the same for every `<name>.txt` under <dir> with a
// `<name>.en.txt` beside it, with a progress bar (TTY stderr only) and a summary. Exit status: 0 when
// everything was imported, 1 when anything failed or nothing was found, 2 for bad arguments.
import { relative } from 'node:path';
import { importFolder, importTranslationFile, type ImportFileResult } from '../host/import.ts';
import { toFailure } from '../host/errors.ts';
import type { CliIO } from './main.ts';

const USAGE = 'usage: muwazi import <name.txt> <translation.txt> | muwazi import --folder <dir>';

function describe(r: ImportFileResult, name: string): string {
  const low = r.lowConfidence.length ? ` (${r.lowConfidence.join(', ')})` : '';
  const dropped = r.droppedMentions ? `; ${r.droppedMentions} English mention(s) removed with the replaced English` : '';
  return `${name}: ${r.sentences} English sentences into ${r.rows} rows, ${r.rowsWithEnglish} with English, ${r.lowConfidence.length} low-confidence${low}${dropped}\n`;
}

/** A one-line progress bar, redrawn in place. */
function progressBar(done: number, total: number, current: string): string {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${current}`.slice(0, 100).padEnd(100);
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  let folder: string | null = null;
  const files: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--folder') {
      folder = argv[++k] ?? '';
      if (!folder) {
        io.err(`muwazi import: --folder needs a folder\n${USAGE}\n`);
        return 2;
      }
    } else if (a.startsWith('--folder=')) folder = a.slice('--folder='.length);
    else if (a.startsWith('-')) {
      io.err(`muwazi import: unknown option '${a}'\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (folder !== null ? files.length !== 0 : files.length !== 2) {
    io.err(`muwazi import: give a report and its translation, or --folder <dir>\n${USAGE}\n`);
    return 2;
  }
  if (folder === null) {
    try {
      const r = await importTranslationFile(files[0], files[1]);
      io.out(describe(r, files[0]));
      return 0;
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
    io.err(`muwazi import: no <name>.txt with a <name>.en.txt beside it under ${dir}\n`);
    return 1;
  }
  for (const r of imported) io.out(describe(r, relative(dir, r.txtPath)));
  const rows = imported.reduce((s, r) => s + r.rows, 0);
  const withEnglish = imported.reduce((s, r) => s + r.rowsWithEnglish, 0);
  const low = imported.reduce((s, r) => s + r.lowConfidence.length, 0);
  io.out(`\nImported ${imported.length} of ${total} reports: ${rows} rows, ${withEnglish} with English, ${low} low-confidence rows.\n`);
  if (failures.length) {
    io.out(`Failed (${failures.length}):\n`);
    for (const f of failures) io.out(`  ${relative(dir, f.txtPath)}: ${f.message} [${f.code}]\n`);
    return 1;
  }
  return 0;
}
