// The in-app English import with the aligner's word list (assets/lexicon/ar-en.tsv, read by the
// host and loaded here once from its prebuilt index, or parsed when there is none, in the background from start-up): the same lexical term `muwazi
// import` uses. Until it has loaded, or when the file is missing, the import aligns on length and
// anchors only and its result says so (`noLexicon`), so the dialog can tell the user. The open
// folder's learned word list (issue 13: from its confirmed and translated rows) is asked for at each
// import, since every save can change it, and added to the general list.
import type { HostBridge } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import type { SegmentRules } from '../../shared/text/segment.ts';
import { parseLexicon, type Lexicon } from '../../shared/align/lexical.ts';
import { parseLexiconIndex } from '../../shared/align/lexicon-index.ts';
import { lexiconFromEntries, withLearned } from '../../shared/align/learned.ts';
import type { ImportOptions } from '../../shared/align/import.ts';

type AlignImport = (annotations: Annotations, sourceText: string, translation: string, opts: ImportOptions) => { annotations: Annotations; lowConfidence: string[] };

const loaded = new WeakMap<object, Promise<Lexicon | null>>();

/** The app's word list (assets/lexicon), asked of the host once per host bridge and shared by
 * import and tag-all; null when the host has none or the request failed. */
export function loadWordList(host: Pick<HostBridge, 'loadLexicon'>): Promise<Lexicon | null> {
  let p = loaded.get(host);
  if (!p) {
    p = Promise.resolve().then(() => host.loadLexicon({})).then((res) => {
      if (!res.ok) return null;
      const { text, index, sha256 } = res.value;
      // the prebuilt index loads in milliseconds; parsing the list holds the page for 0.3 s or more
      if (index && sha256) return parseLexiconIndex(index, sha256);
      return text ? parseLexicon(text) : null;
    }, () => null);
    loaded.set(host, p);
  }
  return p;
}

/** `fn` given the word list once the host has sent it; starts loading it now. `onState` hears
 * whether it loaded (the page marks it on <html data-lexicon>, a signal for tests). `root` names the
 * open folder, whose learned list is added (none: the general list alone). */
export function withLexicon(
  fn: AlignImport,
  host: Pick<HostBridge, 'loadLexicon'> & Partial<Pick<HostBridge, 'learnedLexicon'>>,
  onState?: (state: 'ready' | 'absent') => void,
  root: () => string | null = () => null,
) {
  let lexicon: Lexicon | null = null;
  void loadWordList(host).then((l) => {
    lexicon = l;
    onState?.(lexicon ? 'ready' : 'absent');
  });
  return async (annotations: Annotations, sourceText: string, translation: string, opts: SegmentRules) => {
    const folder = root();
    // a failed request leaves the general list alone: the learned one only ever adds
    const learned = folder && host.learnedLexicon ? await host.learnedLexicon({ root: folder }).catch(() => null) : null;
    const words = learned?.ok ? withLearned(lexicon, lexiconFromEntries(learned.value.entries)) : lexicon;
    return { ...fn(annotations, sourceText, translation, { ...opts, lexicon: words }), noLexicon: lexicon === null };
  };
}
