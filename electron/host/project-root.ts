// Where a file's project is, for the command line's light paths: the settings file's name and the
// walk up to the folder holding it (or a learned word list). Kept apart from workspace.ts and
// learned-lexicon.ts, which re-export these, so that `muwazi align` on files outside a project
// never loads the schema and sidecar code (zod: ≈25 ms of a call's start-up).
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { LEARNED_LEXICON_FILE } from '../../shared/align/learned-file.ts';

/** Name of the per-project settings file in a workspace folder. */
export const PROJECT_FILE = 'muwazi.project.json';

/** The project of a file for the learned list: the nearest folder at or above the file's folder
 * holding muwazi.project.json or a learned list (a folder the app opened without settings); null
 * outside any project. */
export async function learnedRootFor(file: string): Promise<string | null> {
  let dir = dirname(resolve(file));
  for (;;) {
    for (const name of [PROJECT_FILE, LEARNED_LEXICON_FILE]) {
      if ((await stat(join(dir, name)).catch(() => null))?.isFile()) return dir;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
