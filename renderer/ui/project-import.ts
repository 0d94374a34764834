// The in-app English import with the open folder's project settings: the translation is segmented
// with the project's abbreviations and exceptions, as `muwazi import` and new reports are. The settings are read
// at each import, since File → Project Settings… can change them while a report is open.
import type { Annotations, ProjectSettings } from '../../shared/model/types.ts';
import { sourceSegmentRules } from '../../shared/model/settings.ts';
import type { ImportFn } from './import-dialog.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';

/** What an import answers (possibly later: the word lists may be fetched first). */
type ImportAnswer = ReturnType<ImportFn>;

/** The aligner entry point with its options (shared/align/import.ts importTranslation fits). */
export type ProjectImportFn<R extends ImportAnswer = ImportAnswer> = (
  annotations: Annotations,
  sourceText: string,
  translation: string,
  opts: SegmentRules,
) => R;

/** The dialog's ImportFn: `fn` given the abbreviations and exceptions of `settings()` (both lists, as the
 * segmenter follows the script around each stop; none without settings). */
export function withProjectSegmentRules<R extends ImportAnswer>(fn: ProjectImportFn<R>, settings: () => Pick<ProjectSettings, 'segmentation'> | null | undefined): (...args: Parameters<ImportFn>) => R {
  return (annotations, sourceText, translation) => fn(annotations, sourceText, translation, sourceSegmentRules(settings()));
}
