// `muwazi git-setup [folder]`: makes git merge annotation files with `muwazi merge-driver`: adds
// `*.annotations.json merge=muwazi` to the folder's .gitattributes (once; other lines kept; the
// pattern matches every sidecar, `<report>.annotations.json`, at any depth below the folder) and
// sets merge.muwazi.name/driver in the repository's config (.git/config is not shared by a clone,
// so each team member runs this once; the .gitattributes line is committed).
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { CliIO } from './main.ts';

const run$ = promisify(execFile);
const USAGE = 'usage: muwazi git-setup [folder]   (default: the current folder; inside a git repository)';

export const ATTRIBUTE_LINE = '*.annotations.json merge=muwazi';
export const DRIVER = 'npx muwazi merge-driver %O %A %B %P';

/** The .gitattributes text with the line added (null when it is there already). */
export function withAttribute(text: string): string | null {
  if (text.split(/\r?\n/).some((l) => l.trim().replace(/\s+/g, ' ') === ATTRIBUTE_LINE)) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return text + (text === '' || text.endsWith('\n') ? '' : eol) + ATTRIBUTE_LINE + eol;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const bad = argv.find((a) => a.startsWith('-') && a !== '-');
  if (bad || argv.length > 1) {
    io.err((bad ? `muwazi git-setup: unknown option '${bad}'\n` : 'muwazi git-setup: expected at most one folder\n') + USAGE + '\n');
    return 2;
  }
  const dir = resolve(argv[0] ?? '.');
  const git = (...args: string[]) => run$('git', ['-C', dir, ...args]);
  try {
    await git('rev-parse', '--git-dir');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    io.err(`muwazi git-setup: ${missing ? 'git is not installed or not on the PATH' : `${dir} is not inside a git repository (git init first)`}\n`);
    return 2;
  }
  const file = join(dir, '.gitattributes');
  const before = await readFile(file, 'utf8').catch(() => '');
  const after = withAttribute(before);
  if (after !== null) await writeFile(file, after);
  await git('config', 'merge.muwazi.name', 'Muwazi annotation files (model-level merge)');
  await git('config', 'merge.muwazi.driver', DRIVER);
  io.out(`${after === null ? 'kept' : 'added'} "${ATTRIBUTE_LINE}" in ${file}\nset merge.muwazi.driver = "${DRIVER}" in the repository's config\ncommit .gitattributes; every clone runs muwazi git-setup once\n`);
  return 0;
}
