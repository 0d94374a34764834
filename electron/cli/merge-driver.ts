// `muwazi merge-driver %O %A %B [%P]`: git's custom merge driver for annotation files
// (.gitattributes `*.annotations.json merge=muwazi`, set up by `muwazi git-setup`). Merges the
// ancestor %O, ours %A and theirs %B at the level of the model (shared/team/merge.ts) and writes
// the result into %A, as git expects. Exit 0: merged cleanly; 1: merged with conflicts recorded in
// the file's `conflicts` (git marks the path conflicted; the user resolves them in Muwazi, then
// `git add`s it); 2: unusable input (not annotation files, or of different sources), %A untouched.
import { readFile, writeFile } from 'node:fs/promises';
import type { CliIO } from './main.ts';
import { SidecarError, parseAnnotations, serializeAnnotations } from '../../shared/formats/sidecar.ts';
import { MergeRefusal, mergeAnnotations } from '../../shared/team/merge.ts';
import type { Annotations } from '../../shared/model/types.ts';

const USAGE = 'usage: muwazi merge-driver <ancestor %O> <ours %A> <theirs %B> [<path %P>]   (git runs this; see muwazi git-setup)';

/** A side of the merge, parsed; throws a one-line message naming it. */
async function load(path: string, what: string): Promise<Annotations> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${what} (${path}): ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return parseAnnotations(json);
  } catch (e) {
    if (e instanceof SidecarError) throw new Error(`${what} is not a usable annotation file: ${e.message}`);
    throw e;
  }
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const bad = argv.find((a) => a.startsWith('-') && a !== '-');
  if (bad || argv.length < 3 || argv.length > 4) {
    io.err((bad ? `muwazi merge-driver: unknown option '${bad}'\n` : 'muwazi merge-driver: expected three or four file names\n') + USAGE + '\n');
    return 2;
  }
  const [o, a, b, p] = argv;
  const name = p ?? a;
  let ours: Annotations;
  let theirs: Annotations;
  try {
    [ours, theirs] = await Promise.all([load(a, 'ours'), load(b, 'theirs')]);
  } catch (e) {
    io.err(`muwazi merge-driver: ${name}: ${(e as Error).message}\n`);
    return 2;
  }
  // the ancestor is empty when the file was added on both sides; a damaged one is merged without
  let base: Annotations | null = null;
  const baseText = await readFile(o, 'utf8').catch(() => '');
  if (baseText.trim() !== '') {
    try {
      base = parseAnnotations(baseText, undefined, { check: false });
    } catch (e) {
      io.err(`muwazi merge-driver: ${name}: the common ancestor is unreadable (${(e as Error).message}); merging without it\n`);
    }
  }
  let result;
  try {
    result = mergeAnnotations(base, ours, theirs);
  } catch (e) {
    if (e instanceof MergeRefusal) {
      io.err(`muwazi merge-driver: ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    await writeFile(a, serializeAnnotations(result.merged));
  } catch (e) {
    // never exit 1 here: git would take the untouched file for a merge with conflicts recorded
    io.err(`muwazi merge-driver: ${name}: cannot write the result (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 2;
  }
  if (result.conflicts.length === 0) return 0;
  const kinds = [...new Set(result.conflicts.map((c) => c.kind))].join(', ');
  io.err(`muwazi merge-driver: ${name}: ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'} recorded (${kinds}); open the report in Muwazi to resolve them, then git add the file\n`);
  return 1;
}
