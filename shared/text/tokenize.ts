// Tokenisation for CoNLL export and matching. Offsets are code points into the input text,
// half-open; tokens are in order, never overlap and never split a letter from its combining
// marks or a surrogate pair.
//
// Kinds: 'word' (letters with their marks, tatweel, inner apostrophes/hyphens between letters,
// letters followed by digits as in "F16"), 'number' (digits of any script with inner separators
// between digits: 3.5 ٣٫٥ 1,000 00:01), 'punct' (Unicode punctuation; a run of the same sentence
// mark, "..." or "؟!", is one token), 'symbol' (everything else: $ % + emoji ...).
//
// With `clitics` (Arabic), proclitics are split off conservatively (see splitProclitics):
// و ف (conjunctions) and ب ك ل (prepositions) before the article, و ف before a word of at least
// three letters that is not on the list of words that merely start with those letters, and the
// article ال itself only when `article` is set. The pieces are adjacent spans of the word.
import { EN_MAYBE_FINAL, EN_NEVER_FINAL } from './abbreviations.ts';
import { isArabicLetter, isArabicMark, isDigitCp, isLetterCp, isMarkCp, isSpace, isLineBreak } from './chars.ts';

/** One token: a half-open span of code points, its text and its kind. */
export interface Token {
  /** code-point offset of the first character */
  start: number;
  /** code-point offset after the last character */
  end: number;
  /** the token's text, equal to the input sliced at [start, end) */
  text: string;
  /** what the token is */
  kind: 'word' | 'number' | 'punct' | 'symbol';
}

export interface TokenizeOptions {
  /** language of the text: clitic splitting applies to 'ar' only */
  lang: 'ar' | 'en';
  /** split Arabic proclitics (و ف ب ك ل) off words, as treebanks (UD) do */
  clitics?: boolean;
  /** with `clitics`, also split the article ال (off by default: UD keeps it on the noun) */
  article?: boolean;
}

const PUNCT_RE = /^\p{P}$/u;

function isPunctCp(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x21 && cp <= 0x2f && cp !== 0x24 && cp !== 0x2b) || cp === 0x3a || cp === 0x3b || cp === 0x3f || cp === 0x40 || cp === 0x5b || cp === 0x5c || cp === 0x5d || cp === 0x5f || cp === 0x7b || cp === 0x7d;
  if (cp === 0x060c || cp === 0x061b || cp === 0x061f || cp === 0x066a || cp === 0x06d4) return true;
  return PUNCT_RE.test(String.fromCodePoint(cp));
}

/** Marks that repeat into one token: "..." "!!" "؟!" */
function isRepeatingMark(cp: number): boolean {
  return cp === 0x2e || cp === 0x21 || cp === 0x3f || cp === 0x061f;
}

/** Tokenises `text`. */
export function tokenize(text: string, opts: TokenizeOptions): Token[] {
  // work on an array of code points so offsets are code points throughout
  const cps: number[] = [];
  for (let u = 0; u < text.length; ) {
    const cp = text.codePointAt(u) ?? 0;
    cps.push(cp);
    u += cp > 0xffff ? 2 : 1;
  }
  const n = cps.length;
  const tokens: Token[] = [];
  const emit = (start: number, end: number, kind: Token['kind']) => {
    tokens.push({ start, end, text: String.fromCodePoint(...cps.slice(start, end)), kind });
  };
  const splitClitics = opts.lang === 'ar' && opts.clitics === true;
  let i = 0;
  while (i < n) {
    const c = cps[i];
    if (isSpace(c) || isLineBreak(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isLetterCp(c) || (isMarkCp(c) && start === 0)) {
      i = wordEnd(cps, i);
      if (!isArabicLetter(c)) i = abbreviationEnd(cps, start, i);
      if (splitClitics && isArabicLetter(c)) {
        for (const [a, b] of splitProclitics(cps, start, i, opts.article === true)) emit(a, b, 'word');
      } else emit(start, i, 'word');
      continue;
    }
    if (isDigitCp(c)) {
      i++;
      for (;;) {
        while (i < n && (isDigitCp(cps[i]) || isMarkCp(cps[i]))) i++;
        const sep = cps[i];
        if (i + 1 < n && (sep === 0x2e || sep === 0x2c || sep === 0x066b || sep === 0x066c || sep === 0x3a) && isDigitCp(cps[i + 1])) i++;
        else break;
      }
      emit(start, i, 'number');
      continue;
    }
    if (isPunctCp(c)) {
      i++;
      if (isRepeatingMark(c)) while (i < n && isRepeatingMark(cps[i])) i++;
      while (i < n && isMarkCp(cps[i])) i++;
      emit(start, i, 'punct');
      continue;
    }
    // symbols (and stray marks): keep following marks, variation selectors and ZWJ sequences
    i++;
    while (i < n && (isMarkCp(cps[i]) || cps[i] === 0x200d || (cps[i - 1] === 0x200d && !isSpace(cps[i])) || (cps[i] >= 0x1f3fb && cps[i] <= 0x1f3ff))) i++;
    emit(start, i, 'symbol');
  }
  return tokens;
}

/** Latin abbreviations keep their dots, as treebanks do: "U.S." "a.m." "Mr." "e.g." */
function abbreviationEnd(cps: number[], start: number, end: number): number {
  if (cps[end] !== 0x2e) return end;
  const isLatin = (c: number | undefined) => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  // dotted acronym: single letters each followed by a dot
  if (end - start === 1) {
    let k = end;
    while (cps[k] === 0x2e && isLatin(cps[k + 1]) && cps[k + 2] === 0x2e) k += 2;
    if (k > end) return k + 1;
  }
  const word = String.fromCodePoint(...cps.slice(start, end)).toLowerCase();
  return EN_NEVER_FINAL.has(word) || EN_MAYBE_FINAL.has(word) ? end + 1 : end;
}

/** End of the word starting at letter cps[i]. */
function wordEnd(cps: number[], i: number): number {
  const n = cps.length;
  i++;
  for (;;) {
    while (i < n && (isLetterCp(cps[i]) || isMarkCp(cps[i]) || cps[i] === 0x200c)) i++;
    // inner apostrophe or hyphen between letters (don't, al-Numan), digits after letters (F16, M5)
    const c = cps[i];
    if (i + 1 < n && (c === 0x27 || c === 0x2019 || c === 0x2d) && isLetterCp(cps[i + 1]) && !isArabicLetter(cps[i + 1])) {
      i++;
      continue;
    }
    if (i < n && isDigitCp(c) && c < 0x80 && !isArabicLetter(cps[i - 1]) && !isMarkCp(cps[i - 1])) {
      while (i < n && isDigitCp(cps[i])) i++;
      continue;
    }
    return i;
  }
}

// Words of news Arabic that begin with و or ف as part of the word, not as a conjunction
// (skeletons: no diacritics, no tatweel). Prefixes cover inflected and derived forms.
const W_F_WORD_PREFIXES = [
  'وزير', 'وزار', 'وزراء', 'وكال', 'وكيل', 'وقت', 'وقف', 'وقع', 'وقائع', 'وفد', 'وفود', 'وسط', 'وفق', 'وفا', 'وضع', 'واشنطن',
  'ولاي', 'وطن', 'وحد', 'وجود', 'وجه', 'وجهات', 'وصول', 'وصل', 'وراء', 'ورد', 'وافق', 'موافق', 'واقع', 'واضح', 'واسع',
  'وثيق', 'وثائق', 'وارد', 'وظيف', 'وعد', 'وعود', 'ولد', 'والد', 'وباء', 'وادي', 'وسائل', 'وسيل', 'ويلز', 'ويست',
  'ولي', 'ولاء', 'ودي', 'ورق', 'وزن', 'وسام', 'وصف', 'وضوح', 'وعي', 'وفر', 'وفير', 'وقود', 'ويكي',
  'فصائل', 'فصيل', 'فريق', 'فرق', 'فرنس', 'فلسطين', 'فيلم', 'فرص', 'فكر', 'فصل', 'فعل', 'فعال', 'فاز', 'فوز', 'فتح', 'فرض',
  'فقط', 'فترة', 'فتر', 'فوق', 'فيه', 'فيها', 'فيما', 'في', 'فقر', 'فقير', 'فنا', 'فني', 'فندق', 'فرد', 'فراغ', 'فرار',
  'فروا', 'فرع', 'فشل', 'فضل', 'فضائ', 'فقدان', 'فلاديمير', 'فنزويل', 'فيروس', 'فيسبوك', 'فبراير', 'فيفري', 'فوضى', 'فئة',
  'فئات', 'فادح', 'فاعل', 'فوج', 'فحص', 'فخر', 'فدرال', 'فيدرال', 'فيينا', 'فوري', 'فورا', 'فهم',
];

/** Short function words after which a conjunction is still split (وهو → و + هو). */
const SHORT_AFTER_CONJ = new Set(['هو', 'هي', 'هم', 'من', 'في', 'عن', 'لا', 'لم', 'لن', 'قد', 'ما', 'أن', 'إن', 'لو', 'مع', 'كل', 'له', 'لها']);

/** Words starting with ال that are not article + noun. */
const NOT_ARTICLE = new Set(['الله', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللاتي', 'اللواتي', 'الآن', 'الا', 'الى', 'الي']);

/**
 * Splits proclitics off the Arabic word cps[start, end). Returns adjacent [start, end) pieces.
 * Decisions are made on the skeleton (letters only) and mapped back, so diacritics stay with
 * their letter.
 */
function splitProclitics(cps: number[], start: number, end: number, article: boolean): [number, number][] {
  // skeleton letters and their positions
  const pos: number[] = [];
  let skel = '';
  for (let k = start; k < end; k++) {
    const c = cps[k];
    if (isArabicMark(c) || c === 0x0640) continue;
    if (!isArabicLetter(c)) return [[start, end]]; // mixed script: leave alone
    pos.push(k);
    skel += String.fromCharCode(c);
  }
  const pieces: [number, number][] = [];
  let at = 0; // index into skeleton
  const cut = (letters: number) => {
    const a = at === 0 ? start : pos[at];
    at += letters;
    pieces.push([a, pos[at]]);
  };
  const rest = () => skel.slice(at);
  const startsWithArticle = (s: string) => s.startsWith('ال') && s.length >= 4 && !NOT_ARTICLE.has(s);
  // conjunction و / ف
  const r0 = rest();
  if ((r0[0] === 'و' || r0[0] === 'ف') && r0.length >= 3) {
    const after = r0.slice(1);
    const known = W_F_WORD_PREFIXES.some((p) => r0.startsWith(p));
    if (!known && (after.length >= 3 || SHORT_AFTER_CONJ.has(after))) cut(1);
  }
  // preposition ب / ك / ل before the article (بالنسبة, كالعادة, للسلطة = ل + لسلطة as in UD)
  const r1 = rest();
  if ((r1[0] === 'ب' || r1[0] === 'ك') && startsWithArticle(r1.slice(1))) cut(1);
  else if (r1[0] === 'ل' && (startsWithArticle(r1.slice(1)) || (r1[1] === 'ل' && r1.length >= 4 && !r1.startsWith('لله')))) cut(1);
  if (article && startsWithArticle(rest())) cut(2);
  pieces.push([at === 0 ? start : pos[at], end]);
  return pieces;
}
