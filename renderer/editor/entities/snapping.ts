// Snapping's evidence that a bare word exists: the folded words of the whole source, built once
// per source text (the source never changes during a session). The entity plugin builds it when
// the editor is idle; tagging (commands/entities.ts) reads it.
import { wordSet } from '../../../shared/entities/snap.ts';

let wordCache: { text: string; words: Set<string> } | null = null;

/** Folded words of the whole source, cached. */
export function sourceWords(text: string): Set<string> {
  if (wordCache?.text !== text) wordCache = { text, words: wordSet(text) };
  return wordCache.words;
}

/** Builds the word set ahead of the first tag (~200 ms for a 10,000-row report, otherwise paid by
 * the first tag key). */
export function prepareSnapping(sourceText: string): void {
  sourceWords(sourceText);
}
