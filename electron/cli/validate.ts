// `muwazi validate <folder|file>`: checks annotation files against the schema and against their
// sources, so a team can run it in CI after a merge. One line per problem ("file: problem"), exit
// status 1 when anything is wrong, 0 with a one-line summary otherwise, 2 for a usage error.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { CliIO } from './main.ts';
import { SidecarError, checkAnnotations, parseAnnotations } from '../../shared/formats/sidecar.ts';
import { reanchor } from '../../shared/formats/drift.ts';
import { HostError } from '../host/errors.ts';
import { projectSegmentRules } from '../host/project-settings.ts';
import { readSource, sidecarPath } from '../host/report-store.ts';
import { isSkippedDir } from '../host/workspace.ts';

const USAGE = 'usage: muwazi validate <folder|file>   (a folder, a report .txt or an .annotations.json)';
const SIDECAR = /\.annotations\.json$/i;

/** Every `*.annotations.json` under `dir`, sorted ("keep both" copies are named differently and skipped). */
async function findSidecars(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) {
      if (!isSkippedDir(d.name)) out.push(...(await findSidecars(p)));
    } else if (d.isFile() && SIDECAR.test(d.name)) out.push(p);
  }
  return out.sort();
}

/** The report a sidecar belongs to: `<name>.txt` beside it. */
function sourceOf(sidecar: string): string {
  return join(dirname(sidecar), basename(sidecar).replace(SIDECAR, '.txt'));
}

/** Problems of one sidecar, as messages (empty: valid); `notes` collects non-failures worth saying. */
export async function validateSidecar(path: string, notes: string[] = []): Promise<string[]> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (e) {
    return [`cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`];
  }
  const describe = (e: SidecarError) =>
    e.problem === 'invalid-json' ? [e.message] : e.problems.map((p) => (p.path && !p.message.startsWith('Field ') ? `${p.path}: ${p.message}` : p.message));
  let a;
  try {
    a = parseAnnotations(json);
  } catch (e) {
    if (e instanceof SidecarError) return describe(e);
    throw e;
  }
  const txt = sourceOf(path);
  if (a.source.file !== basename(txt)) return [`source.file is "${a.source.file}" but the annotation file belongs to ${basename(txt)}`];
  let src;
  try {
    src = await readSource(txt);
  } catch (e) {
    if (e instanceof HostError) return [e.code === 'source-missing' ? `its source ${basename(txt)} is missing` : `its source: ${e.message}`];
    throw e;
  }
  const orphans = a.orphans?.length ?? 0;
  if (orphans) notes.push(`${orphans} span(s) kept aside as orphans after an earlier source change`);
  if (src.sha256 !== a.source.sha256) {
    // new text is segmented with the project's rules, as the app would (a broken settings file is
    // not this command's business: it then re-anchors with the built-in rules)
    const rules = await projectSegmentRules(txt).catch(() => ({}));
    const r = reanchor(a, src.decoded.text, undefined, rules);
    const lost = r.unmapped.length ? `${r.unmapped.length} span(s) could not be re-anchored (${r.unmapped.map((u) => u.id).join(', ')})` : 'all spans re-anchor cleanly';
    return [`its source ${basename(txt)} changed since the annotations were saved (sha256 differs); ${lost}. Open it in Muwazi to re-anchor and save.`];
  }
  return checkAnnotations(a, { text: src.decoded.text }).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) {
    io.err(`muwazi validate: unknown option '${unknown}'\n${USAGE}\n`);
    return 2;
  }
  if (args.length !== 1) {
    io.err(USAGE + '\n');
    return 2;
  }
  const target = args[0];
  let files: string[];
  try {
    const st = await stat(target);
    if (st.isDirectory()) files = await findSidecars(target);
    else if (SIDECAR.test(target)) files = [target];
    else {
      const sc = sidecarPath(target);
      try {
        await stat(sc);
      } catch {
        io.err(`${target}: no annotation file (${basename(sc)}) beside it\n`);
        return 1;
      }
      files = [sc];
    }
  } catch (e) {
    io.err(`${target}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(e)}\n`);
    return 1;
  }
  let bad = 0;
  let problems = 0;
  for (const f of files) {
    const name = relative(process.cwd(), f) || f;
    const notes: string[] = [];
    const list = await validateSidecar(f, notes);
    for (const p of list) io.out(`${name}: ${p}\n`);
    for (const n of notes) io.err(`${name}: note: ${n}\n`);
    if (list.length) {
      bad++;
      problems += list.length;
    }
  }
  const n = files.length;
  if (bad) {
    io.out(`${bad} of ${n} annotation file${n === 1 ? '' : 's'} failed validation (${problems} problem${problems === 1 ? '' : 's'}).\n`);
    return 1;
  }
  io.out(n === 0 ? `No annotation files found in ${target}.\n` : `${n} annotation file${n === 1 ? '' : 's'} valid.\n`);
  return 0;
}
