// The in-app English import with the aligner's word list (assets/lexicon/ar-en.tsv, read by the
// host and parsed here once, in the background from start-up): the same lexical term `muwazi
// import` uses. Until it has loaded, or when the file is missing, the import aligns on length and
// anchors only and its result says so (`noLexicon`), so the dialog can tell the user.
import type { HostBridge } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';
import { parseLexicon, type Lexicon } from '../../shared/align/lexical.ts';
import type { ImportOptions } from '../../shared/align/import.ts';

type AlignImport = (annotations: Annotations, sourceText: string, translation: string, opts: ImportOptions) => { annotations: Annotations; lowConfidence: string[] };

/** `fn` given the word list once the host has sent it; starts loading it now. `onState` hears
 * whether it loaded (the page marks it on <html data-lexicon>, a signal for tests). */
export function withLexicon(fn: AlignImport, host: Pick<HostBridge, 'loadLexicon'>, onState?: (state: 'ready' | 'absent') => void) {
  let lexicon: Lexicon | null = null;
  void host.loadLexicon({}).then((res) => {
    if (res.ok && res.value.text) lexicon = parseLexicon(res.value.text);
    onState?.(lexicon ? 'ready' : 'absent');
  }, () => onState?.('absent'));
  return (annotations: Annotations, sourceText: string, translation: string, opts: SegmentRules) => ({
    ...fn(annotations, sourceText, translation, { ...opts, lexicon }),
    noLexicon: lexicon === null,
  });
}
