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
// three letters that is not on the list of words that merely start with those letters, ب ك ل
// before any word when the rest is a known word (a function word, or a word of `known`: by
// default the words of the text itself), the future س before a known verb, and the article ال
// itself only when `article` is set. With `enclitics`, a pronoun suffix (ه ها هم هما هن كم نا) is
// split off when the stem is a known word (حياته → حيات + ه when حياة is known, عليه → علي + ه).
// `cuts` (tagged mentions' edges) cut a word where a proclitic sequence or a pronoun meets the
// mention (بإدلب tagged on إدلب → ب + إدلب). The pieces are adjacent spans of the word.
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
  /** with `clitics`, also split enclitic pronouns (ه ها هم هما هن كم نا) off known stems */
  enclitics?: boolean;
  /** with `clitics`: words known to stand alone (see `knownWords`; e.g. the words of the whole
   * report), proving a preposition or the future س is a clitic. Default: the words of the text. */
  known?: ReadonlySet<string>;
  /** with `clitics`: code-point offsets where a word is cut when the piece before is a proclitic
   * sequence or the piece after a pronoun suffix (the edges of tagged mentions) */
  cuts?: readonly number[];
  /** with `clitics`: the headwords of a word list (skeletons, see `knownWords`), also known words;
   * a word the list has whole is not split before a known word (كبيرة stays, not ك + بيرة) */
  dictionary?: ReadonlySet<string>;
}

/** Letters of an Arabic word without marks and tatweel (the form `known` sets hold). */
function skeleton(word: string): string {
  // most words are letters only: the word is its own skeleton
  let plain = true;
  for (let k = 0; k < word.length && plain; k++) plain = isArabicLetter(word.charCodeAt(k));
  if (plain) return word;
  let out = '';
  for (const ch of word) {
    const c = ch.codePointAt(0) ?? 0;
    if (isArabicLetter(c)) out += ch;
  }
  return out;
}

/** The headwords of a word list (`arabic<TAB>english…` per line, as assets/lexicon/ar-en.tsv) as
 * skeletons, for `TokenizeOptions.dictionary`. */
export function wordListWords(tsv: string, into = new Set<string>()): Set<string> {
  for (const line of tsv.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) knownWords(line.slice(0, tab), into);
  }
  return into;
}

/** The Arabic words of `text` as skeletons, for `TokenizeOptions.known`. */
export function knownWords(text: string, into = new Set<string>()): Set<string> {
  for (const t of tokenize(text, { lang: 'ar' })) if (t.kind === 'word') into.add(skeleton(t.text));
  return into;
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
  // without astral characters code-point offsets are UTF-16 offsets: a token's text is a slice
  const bmp = cps.length === text.length;
  const textOf = (start: number, end: number) => (bmp ? text.slice(start, end) : String.fromCodePoint(...cps.slice(start, end)));
  const tokens: Token[] = [];
  const emit = (start: number, end: number, kind: Token['kind']) => {
    tokens.push({ start, end, text: textOf(start, end), kind });
  };
  if (opts.lang !== 'ar' || opts.clitics !== true) {
    scan(cps, emit);
    return tokens;
  }
  // clitics: the known words default to the text's own words, which are the words of this very
  // scan (the same spans as tokenize without clitics): scan once, then split
  const spans: number[] = [];
  const kinds: Token['kind'][] = [];
  scan(cps, (start, end, kind) => {
    spans.push(start, end);
    kinds.push(kind);
  });
  let known = opts.known;
  if (!known) {
    const words = new Set<string>();
    for (let k = 0; k < kinds.length; k++) if (kinds[k] === 'word') words.add(skeleton(textOf(spans[2 * k], spans[2 * k + 1])));
    known = words;
  }
  const how: SplitOptions = { article: opts.article === true, enclitics: opts.enclitics === true, known, cuts: opts.cuts ?? [], dictionary: opts.dictionary ?? EMPTY };
  for (let k = 0; k < kinds.length; k++) {
    const start = spans[2 * k];
    const end = spans[2 * k + 1];
    if (kinds[k] === 'word' && isArabicLetter(cps[start])) {
      const pieces = splitClitics(cps, start, end, how);
      for (let q = 0; q < pieces.length; q++) emit(pieces[q][0], pieces[q][1], 'word');
    } else emit(start, end, kinds[k]);
  }
  return tokens;
}

/** The tokens of `cps` in order, before any clitic splitting. */
function scan(cps: number[], emit: (start: number, end: number, kind: Token['kind']) => void): void {
  const n = cps.length;
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
      emit(start, i, 'word');
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

/** Function words a preposition or a conjunction is split off (بأن → ب + أن, لكل → ل + كل). */
const FUNCTION_WORDS = new Set([
  'أن', 'إن', 'أنا', 'لكن', 'من', 'في', 'على', 'علي', 'إلى', 'الى', 'الي', 'لدى', 'لدي', 'عن', 'مع', 'ما', 'كل', 'بعض', 'ذلك', 'هذا',
  'هذه', 'هذين', 'هؤلاء', 'تلك', 'نفس', 'غير', 'حيث', 'بين', 'عند', 'ضد', 'دون', 'مثل', 'أي', 'أول', 'كان', 'كانت', 'يكون', 'تكون',
  // nouns of compound prepositions (بشكل, بسبب, لمدة ...)
  'شكل', 'شأن', 'سبب', 'حلول', 'اسم', 'نسبة', 'فعل', 'نحو', 'مثابة', 'وسع', 'مدة', 'صالح', 'فضل', 'واسطة', 'خلاف', 'فترة', 'عام',
  'حسب', 'مقدار', 'رغم', 'ذات', 'أجل', 'جانب', 'أكثر', 'أقل',
]);
/** Words that start with ب ك ل followed by a function word, and are one word (كما, لكن). */
const NOT_PREPOSITION = new Set(['كما', 'لما', 'لكن', 'لكي', 'كأن', 'كل', 'لدى', 'لدي', 'بين', 'بعد', 'بعض', 'لا', 'لم', 'لن', 'لو', 'كان', 'كانت', 'كون', 'كذلك']);
/** Pronoun suffixes, longest first. */
const PRONOUNS = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه'];

interface SplitOptions {
  article: boolean;
  enclitics: boolean;
  known: ReadonlySet<string>;
  cuts: readonly number[];
  dictionary: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** First letters of a proclitic (و ف ب ك ل), the future س and the article (ا of ال). */
const PROCLITIC_FIRST: ReadonlySet<number> = new Set([0x0648, 0x0641, 0x0628, 0x0643, 0x0644, 0x0633, 0x0627]);

/**
 * Splits clitics off the Arabic word cps[start, end). Returns adjacent [start, end) pieces.
 * Decisions are made on the skeleton (letters only) and mapped back, so diacritics stay with
 * their letter.
 */
function splitClitics(cps: number[], start: number, end: number, o: SplitOptions): [number, number][] {
  // most words begin with none of the letters a proclitic, the future س or the article starts
  // with: without cuts and enclitics nothing below can split them (the first letter of the
  // skeleton, after any harakat or tatweel, decides)
  if (o.cuts.length === 0 && !o.enclitics) {
    let k = start;
    while (k < end && (isArabicMark(cps[k]) || cps[k] === 0x0640)) k++;
    if (k === end || !PROCLITIC_FIRST.has(cps[k])) return [[start, end]];
  }
  // skeleton letters and their positions
  const pos: number[] = [];
  const letters: number[] = [];
  for (let k = start; k < end; k++) {
    const c = cps[k];
    if (isArabicMark(c) || c === 0x0640) continue;
    if (!isArabicLetter(c)) return [[start, end]]; // mixed script: leave alone
    pos.push(k);
    letters.push(c);
  }
  const skel = String.fromCharCode(...letters);
  // a word starting with ا (the article's alef): no conjunction, preposition or future, so only
  // the article can come off (the same decision proclitics() makes, without its closures)
  if (o.cuts.length === 0 && !o.enclitics && letters[0] === 0x0627) {
    return o.article && startsWithArticle(skel) ? [[start, pos[2]], [pos[2], end]] : [[start, end]];
  }
  const word = new Pieces(skel, pos, start);
  // a tagged mention starting after one or two proclitic letters: cut there
  const mentionAt = firstCutInside(o.cuts, start, end);
  const mentionLetter = mentionAt === undefined ? -1 : pos.indexOf(mentionAt);
  if (mentionLetter > 0 && mentionLetter <= 2 && /^(?:[وف]?[بكل]|[وف])$/.test(skel.slice(0, mentionLetter))) {
    for (let k = 0; k < mentionLetter; k++) word.cut(1);
  } else if (o.cuts.includes(start)) {
    // a mention starts with the word (بكين tagged whole): its first letter is not a clitic
  } else {
    proclitics(word, o, listedWhole(skel, o.dictionary));
  }
  // a pronoun suffix on the last piece: after a mention's end, or after a known stem
  const w = word.rest();
  const endCut = firstCutInside(o.cuts, word.restStart(), end);
  const endLetter = endCut === undefined ? -1 : pos.indexOf(endCut);
  if (endLetter > word.at && PRONOUNS.includes(skel.slice(endLetter))) {
    word.cut(endLetter - word.at);
  } else if (o.enclitics && !w.startsWith('ال') && !o.cuts.includes(end)) {
    const stem = pronounStem(w, o);
    if (stem !== null) word.cut(stem);
  }
  word.pieces.push([word.restStart(), end]);
  return word.pieces;
}

/** One word being split (a class, not closures: this runs for every word that starts like a
 * proclitic): its skeleton, where each skeleton letter sits, the pieces cut so far. */
class Pieces {
  /** skeleton letters already cut off */
  at = 0;
  readonly pieces: [number, number][] = [];

  constructor(private readonly skel: string, private readonly pos: number[], private readonly start: number) {}

  /** Cuts the next `letters` letters off as a piece. */
  cut(letters: number): void {
    const a = this.restStart();
    this.at += letters;
    this.pieces.push([a, this.pos[this.at]]);
  }

  /** The skeleton not cut off yet. */
  rest(): string {
    return this.skel.slice(this.at);
  }

  /** Code-point offset where the uncut rest starts. */
  restStart(): number {
    return this.at === 0 ? this.start : this.pos[this.at];
  }
}

/** The first cut strictly inside (a, b), or undefined. */
function firstCutInside(cuts: readonly number[], a: number, b: number): number | undefined {
  for (let k = 0; k < cuts.length; k++) if (cuts[k] > a && cuts[k] < b) return cuts[k];
  return undefined;
}

/** A word is known as written or with the article (the text or the word list has الاستخدام: so
 * باستخدام is ب + استخدام). */
function isKnown(o: SplitOptions, w: string): boolean {
  return FUNCTION_WORDS.has(w) || (w.length >= 3 && (o.known.has(w) || o.dictionary.has(w) || o.known.has('ال' + w) || o.dictionary.has('ال' + w)));
}

/** Known, or (with enclitics) a known stem + pronoun: a preposition splits before it too (بأنها,
 * بطبيعتها). */
function isKnownBase(o: SplitOptions, w: string): boolean {
  return isKnown(o, w) || (o.enclitics && pronounStem(w, o) !== null);
}

/** Letters of `w` before a pronoun suffix on a known stem (حياته → 4: حيات + ه when حياة is
 * known), or null. */
function pronounStem(w: string, o: SplitOptions): number | null {
  for (const p of PRONOUNS) {
    if (!w.endsWith(p) || w.length - p.length < 2) continue;
    const stem = w.slice(0, -p.length);
    const alt = stem.replace(/ت$/, 'ة').replace(/ي$/, 'ى');
    if (isKnown(o, stem) || isKnown(o, alt) || (stem.length === 2 && FUNCTION_WORDS.has(stem))) return stem.length;
  }
  return null;
}

/** Inflection endings and pronouns a listed word may carry (كبيرة, كبيراً of كبير; كتابه of كتاب). */
const ENDINGS = ['ات', 'ون', 'ين', 'ة', 'ا', 'ي', 'هما', 'هم', 'هن', 'ها', 'نا', 'ه'];

/** The word list has the word whole, or as the stem of an inflected form. */
function listedWhole(w: string, dictionary: ReadonlySet<string>): boolean {
  if (dictionary.size === 0) return false;
  return dictionary.has(w) || ENDINGS.some((e) => w.endsWith(e) && w.length - e.length >= 3 && dictionary.has(w.slice(0, -e.length)));
}

/** The skeleton starts with the article ال before at least two letters (not الله, الذي …). */
const startsWithArticle = (s: string) => s.startsWith('ال') && s.length >= 4 && !NOT_ARTICLE.has(s);

/** The proclitic decisions (conjunction, preposition or future, article) on the skeleton. */
function proclitics(word: Pieces, o: SplitOptions, listed = false): void {
  // conjunction و / ف
  const r0 = word.rest();
  if ((r0[0] === 'و' || r0[0] === 'ف') && r0.length >= 3) {
    const after = r0.slice(1);
    let listed = false;
    for (let q = 0; q < W_F_WORD_PREFIXES.length && !listed; q++) listed = r0.startsWith(W_F_WORD_PREFIXES[q]);
    if (!listed && (after.length >= 3 || SHORT_AFTER_CONJ.has(after))) word.cut(1);
  }
  // preposition ب / ك / ل before the article (بالنسبة, كالعادة, للسلطة = ل + لسلطة as in UD)
  const r1 = word.rest();
  if ((r1[0] === 'ب' || r1[0] === 'ك') && startsWithArticle(r1.slice(1))) word.cut(1);
  else if (r1[0] === 'ل' && (startsWithArticle(r1.slice(1)) || (r1[1] === 'ل' && r1.length >= 4 && !r1.startsWith('لله')))) word.cut(1);
  // … before any known word (بشكل, لعام, بأن), before a pronoun with `enclitics` (به, لها),
  // the future س before a known verb (سيكون → س + يكون)
  else if ((r1[0] === 'ب' || r1[0] === 'ك' || r1[0] === 'ل') && !NOT_PREPOSITION.has(r1) && (((!listed || r1[0] !== 'ك') && isKnownBase(o, r1.slice(1))) || (o.enclitics && r1[0] !== 'ك' && PRONOUNS.includes(r1.slice(1))))) word.cut(1);
  else if (r1[0] === 'س' && r1.length >= 4 && 'يتنأ'.includes(r1[1]) && isKnownBase(o, r1.slice(1))) word.cut(1);
  if (o.article && startsWithArticle(word.rest())) word.cut(2);
}
