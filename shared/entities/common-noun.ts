// A name that is also a word (issue 15, defect 6): البحر is "the sea" and the Caribbean Sea's
// first word, الحرب is "the war" and a war's name. The bilingual word list the aligner reads
// (assets/lexicon/ar-en.tsv, shared/align/lexical.ts) says which names are also dictionary words
// and what they mean (`wordSense`); how the row's English writes those glosses (`renderingIn`:
// capitalised inside a sentence, as a first word, in lower case), compared with how the rows the
// user tagged the name in write them, says which one the row has (`wordEvidence`, policy there).
// A multi-word name is never held back (its other words make it a name: البحر الكاريبي), but its
// words' glosses written capitalised are evidence for it (البيت الأبيض ↔ the White House).
import { arabicKeys, stemEnglish, type Lexicon } from '../align/lexical.ts';
import { translitSimilarity } from '../align/translit.ts';

/** What a name means as dictionary words. */
export interface WordSense {
  /** English gloss stems (stemEnglish) of the headword */
  glosses: readonly string[];
  /** a gloss sounds like the name (the dictionary lists the name itself: china, london, bank) */
  transliterated: boolean;
  /** the name has several words (glosses: those of every word that is a headword) */
  multiword: boolean;
}

/** Similarity (shared/align/translit.ts) from which a gloss counts as the name transliterated. */
const TRANSLIT_MIN = 0.75;

/** The name without its article (the lexicon's headwords are keyed without it). */
function withoutArticle(word: string): string {
  return word.startsWith('ال') && [...word].length >= 4 ? word.slice(2) : word;
}

/**
 * The dictionary sense of an Arabic name (as tagged, without clitics): the glosses of its words
 * (each less its article), or null when no word is a headword.
 */
export function wordSense(lex: Pick<Lexicon, 'map'>, name: string): WordSense | null {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const glosses = new Set<string>();
  let transliterated = false;
  for (const word of words) {
    const bare = withoutArticle(word);
    const g = lex.map.get(arabicKeys(bare)[0]) ?? [];
    for (const x of g) glosses.add(x);
    if (words.length === 1) transliterated = g.some((x) => translitSimilarity(bare, x) >= TRANSLIT_MIN);
  }
  return glosses.size ? { glosses: [...glosses], transliterated, multiword: words.length > 1 } : null;
}

/** A word of the English stands for a gloss: same stem, or one stem (≥ 4 letters) begins the
 * other (europ ↔ European, korea ↔ Korean). */
function isGloss(word: string, glosses: readonly string[]): boolean {
  const s = stemEnglish(word);
  return glosses.some((g) => g === s || (g.length >= 4 && s.length >= 4 && (s.startsWith(g) || g.startsWith(s))));
}

/** How often a row's English writes a word's glosses: capitalised inside a sentence (`name`),
 * capitalised as a sentence's first word (`initial`: either), in lower case (`word`). */
export interface Rendering {
  name: number;
  initial: number;
  word: number;
}

/** How one English word writes a gloss: capitalised inside a sentence, sentence-initial, lower case. */
export type GlossKind = 'name' | 'initial' | 'word';

/** The words of `english` that stand for one of `glosses`, in order, with how each is written
 * (two occurrences of البحر in one row are paired with their own English words by order). */
export function glossSequence(english: string, glosses: readonly string[]): GlossKind[] {
  const out: GlossKind[] = [];
  let sentenceStart = true;
  for (const m of english.matchAll(/[\p{L}\p{M}]+(?:['’][\p{L}]+)?|[.!?؟:;"“”«»]/gu)) {
    const w = m[0];
    if (!/\p{L}/u.test(w)) {
      if (/[.!?؟:]/u.test(w)) sentenceStart = true;
      continue;
    }
    const first = sentenceStart;
    sentenceStart = false;
    if (!isGloss(w, glosses)) continue;
    out.push(!/^\p{Lu}/u.test(w) ? 'word' : first ? 'initial' : 'name');
  }
  return out;
}

/** A rendering of the given kinds (one word, or a whole row's). */
export function renderingOf(kinds: readonly GlossKind[]): Rendering {
  const out: Rendering = { name: 0, initial: 0, word: 0 };
  for (const k of kinds) out[k]++;
  return out;
}

/** Counts how `english` writes any of `glosses`. */
export function renderingIn(english: string, glosses: readonly string[]): Rendering {
  return renderingOf(glossSequence(english, glosses));
}

/** Adds renderings (over the rows a name was tagged in). */
export function addRendering(a: Rendering, b: Rendering): Rendering {
  return { name: a.name + b.name, initial: a.initial + b.initial, word: a.word + b.word };
}

/**
 * What the row's English (`row`) says about a name with this dictionary sense: 'name' (a gloss
 * written capitalised: evidence for the suggestion), 'word' (hold it back) or null (nothing).
 * `tagged`: how the rows the user tagged the name in write the glosses (null when the name was
 * tagged elsewhere: another report, no English):
 *   - a gloss capitalised inside a sentence is 'name'; as a sentence's first word only when the
 *     tagged rows capitalise it too (China ... ↔ "North Korea and China");
 *   - tagged as a capitalised gloss (Opium War): a row without it is 'word';
 *   - tagged where the English has no gloss (البندقية ↔ Venice, not "rifle"), or only in lower
 *     case (the former cloister): 'word' only where the row has the gloss in lower case — the
 *     user's one tag does not make every "the cloister" a name (issue 15, session 5: it used to
 *     outweigh the dictionary everywhere);
 *   - not tagged in a row here: 'word' unless the dictionary entry is the name itself
 *     transliterated (china) and the row has no lower-case gloss.
 * A multi-word name is never 'word'.
 */
export function wordEvidence(sense: WordSense, row: Rendering, tagged: Rendering | null): 'name' | 'word' | null {
  const taggedAsName = tagged !== null && tagged.name > 0;
  if (row.name > 0 || (row.initial > 0 && taggedAsName)) return 'name';
  if (sense.multiword) return null;
  if (taggedAsName) return 'word';
  if (row.initial > 0) return null;
  if (row.word > 0) return 'word';
  return tagged || sense.transliterated ? null : 'word';
}
