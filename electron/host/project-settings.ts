// The project settings that apply to a file used outside an opened folder (`muwazi import`,
// `muwazi segment|tokenize|align`): those of the nearest folder at or above the file that holds
// muwazi.project.json. Walking up (rather than looking only beside the file) matches the app,
// which uses the opened folder's settings for every report under it, subfolders included.
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { sourceSegmentRules } from '../../shared/model/settings.ts';
import type { ProjectSettings } from '../../shared/model/types.ts';
import { HostError } from './errors.ts';
import { PROJECT_FILE, readSettings } from './workspace.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';

/** The nearest folder at or above `file`'s folder holding muwazi.project.json, or null. */
export async function findProjectRoot(file: string): Promise<string | null> {
  let dir = dirname(resolve(file));
  for (;;) {
    const st = await stat(join(dir, PROJECT_FILE)).catch(() => null);
    if (st?.isFile()) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The settings of `file`'s project (null when no folder above it has muwazi.project.json).
 * HostError 'corrupt-sidecar' naming the settings file when it is unreadable or invalid. */
export async function projectSettingsFor(file: string): Promise<{ root: string; settings: ProjectSettings } | null> {
  const root = await findProjectRoot(file);
  if (root === null) return null;
  try {
    return { root, settings: await readSettings(root) };
  } catch (e) {
    const where = join(root, PROJECT_FILE);
    if (e instanceof HostError) throw new HostError(e.code, `Project settings ${where}: ${e.message}`);
    throw new HostError('corrupt-sidecar', `Project settings ${where} cannot be read: ${(e as Error).message}`);
  }
}

/** The project's segmentation rules (abbreviations and exceptions, both languages) for `file`;
 * empty lists outside a project. Throws like projectSettingsFor. */
export async function projectSegmentRules(file: string): Promise<Required<SegmentRules>> {
  return sourceSegmentRules((await projectSettingsFor(file))?.settings);
}
