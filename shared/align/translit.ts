// Transliteration similarity between an Arabic word and a Latin-script word, for proper names
// (Putin ↔ بوتين, Idlib ↔ إدلب, Georgia ↔ جورجيا). Both sides are reduced to a consonant
// skeleton over a small set of classes that Arabic→English romanisation conflates (p/b, v/f, z/s,
// th/t, kh/q/k, sh/ch, ...). Vowels, w/y (long vowels in Arabic script), h and the glottal letters
// are dropped because romanisations disagree most on them. Similarity is a weighted edit distance
// between skeletons, where near classes (j/k, s/x, t/d, b/f) cost half a substitution.

import { stripArabicMarks } from '../text/normalize.ts';

/** Arabic letter → skeleton class ('' = dropped). */
const AR_CLASS: Record<string, string> = {
  'ب': 'b', 'پ': 'b', 'ت': 't', 'ث': 't', 'ط': 't', 'ج': 'j', 'چ': 'x', 'خ': 'k', 'غ': 'k', 'ق': 'k',
  'ك': 'k', 'گ': 'k', 'د': 'd', 'ذ': 'd', 'ض': 'd', 'ظ': 'd', 'ر': 'r', 'ز': 's', 'س': 's', 'ص': 's',
  'ش': 'x', 'ف': 'f', 'ڤ': 'f', 'ل': 'l', 'م': 'm', 'ن': 'n',
  'ح': '', 'ه': '', 'ة': '', 'ع': '', 'ء': '', 'أ': '', 'إ': '', 'آ': '', 'ا': '', 'ٱ': '', 'ؤ': '',
  'ئ': '', 'و': '', 'ي': '', 'ى': '', 'ی': '', 'ک': 'k',
};


/** Clitic and article prefixes that attach to Arabic names (longest first). */
const AR_PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك'];

/** Consonant skeleton of an Arabic word (letters outside the table are ignored). */
export function arabicSkeleton(word: string): string {
  let out = '';
  for (const ch of stripArabicMarks(word)) {
    const c = AR_CLASS[ch];
    if (c && out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** The word and its forms without an article/clitic prefix (at least 2 letters left), de-duplicated. */
export function arabicNameForms(word: string): string[] {
  const w = stripArabicMarks(word);
  const forms = [w];
  for (const p of AR_PREFIXES) {
    if (w.startsWith(p) && [...w].length - [...p].length >= 2) forms.push(w.slice(p.length));
  }
  return [...new Set(forms)];
}

/** Consonant skeleton of a Latin-script word, with the usual English romanisation digraphs. */
export function latinSkeleton(word: string): string {
  const w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  let out = '';
  const push = (c: string) => {
    if (c && out[out.length - 1] !== c) out += c;
  };
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const next = w[i + 1] ?? '';
    const pair = c + next;
    if (pair === 'sh' || pair === 'ch') { push('x'); i++; continue; }
    if (pair === 'th') { push('t'); i++; continue; }
    if (pair === 'dh') { push('d'); i++; continue; }
    if (pair === 'kh' || pair === 'gh' || pair === 'ck') { push('k'); i++; continue; }
    if (pair === 'ph') { push('f'); i++; continue; }
    switch (c) {
      case 'b': case 'p': push('b'); break;
      case 'f': case 'v': push('f'); break;
      case 't': push('t'); break;
      case 'd': push('d'); break;
      case 's': case 'z': push('s'); break;
      case 'k': case 'q': push('k'); break;
      case 'x': push('k'); push('s'); break;
      case 'c': push('eiy'.includes(next) && next !== '' ? 's' : 'k'); break;
      case 'g': push('eiy'.includes(next) && next !== '' ? 'j' : 'k'); break;
      case 'j': push('j'); break;
      case 'l': case 'm': case 'n': case 'r': push(c); break;
      default: break; // vowels, h, w, y
    }
  }
  return out;
}

/** Classes that romanisations confuse: substituting one for the other costs half. */
const NEAR = new Set(['jk', 'kj', 'sx', 'xs', 'td', 'dt', 'bf', 'fb', 'sj', 'js']);

/** Edit distance between skeletons, near-class substitutions at 0.5. */
function skeletonDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = a[i - 1] === b[j - 1] ? 0 : NEAR.has(a[i - 1] + b[j - 1]) ? 0.5 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub);
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How alike an Arabic word (or name) and an English word sound, in [0, 1]: 1 for the same consonant
 * skeleton, 0 when nothing matches. Tries the Arabic word with and without article/clitic prefixes
 * (الأسد ↔ Assad, وبوتين ↔ Putin). Multi-word inputs are compared word-skeleton by word-skeleton
 * concatenated. Empty skeletons give 0.
 */
export function translitSimilarity(ar: string, en: string): number {
  const enSk = en.split(/\s+/).map(latinSkeleton).join('');
  if (!enSk) return 0;
  const words = ar.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  // prefixes are stripped from the first word only (the article of a multi-word name sits there)
  const rest = words.slice(1).map(arabicSkeleton).join('');
  let best = 0;
  for (const form of arabicNameForms(words[0])) {
    const sk = arabicSkeleton(form) + rest;
    if (!sk) continue;
    const sim = 1 - skeletonDistance(sk, enSk) / Math.max(sk.length, enSk.length);
    if (sim > best) best = sim;
  }
  return best;
}
