// Abbreviation knowledge for the sentence segmenter. Words are stored lower-case, without the
// final dot; internal dots kept ("u.s", "أ.د"). Arabic single letters followed by a dot (د. م.
// أ. ص.) and dotted acronyms (أ.د. ص.ب. ق.م.) are recognised by shape in segment.ts, so they
// need no list.

/** English abbreviations that precede a name, number or noun: a dot after them never ends a
 * sentence (titles, ranks, reference words, months as written in datelines). */
export const EN_NEVER_FINAL: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'drs', 'prof', 'profs', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'cdr',
  'sgt', 'cpl', 'pvt', 'adm', 'brig', 'sen', 'rep', 'reps', 'gov', 'pres', 'rev', 'hon', 'supt', 'insp', 'det', 'fr', 'st', 'mt', 'ft', 'vs', 'v', 'e.g', 'i.e', 'cf', 'viz', 'al', 'ca', 'approx', 'esp', 'fig', 'figs', 'vol', 'vols',
  'pp', 'p', 'ch', 'sec', 'art', 'para', 'jan', 'feb', 'apr', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gens', 'rt',
  'ave', 'blvd', 'est', 'dept', 'univ', 'assn', 'govt', 'hr', 'mins', 'min', 'max', 'tel', 'ext',
]);

/** English abbreviations that can end a sentence ("... in the U.S. The ..."): a dot after them
 * ends the sentence only when the next word is a typical sentence opener. */
export const EN_MAYBE_FINAL: ReadonlySet<string> = new Set([
  'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'u.a.e', 'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros', 'etc', 'a.m', 'p.m',
  'd.c', 'n.y', 'l.a', 'no', 'jr', 'sr',
]);

/** Words that typically open an English sentence; used after EN_MAYBE_FINAL abbreviations. */
export const EN_SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'but', 'and',
  'in', 'on', 'at', 'for', 'as', 'his', 'her', 'its', 'their', 'our', 'if', 'when', 'while', 'after', 'before', 'some',
  'many', 'most', 'all', 'yet', 'so', 'however', 'meanwhile', 'according', 'since', 'also', 'then', 'what', 'why', 'how',
  'one', 'two', 'both', 'each', 'last', 'earlier', 'later', 'officials', 'police', 'mr', 'mrs', 'ms', 'dr',
]);

/** Arabic year markers: "2017م." and "1442هـ." end a sentence (a date closes the clause), unlike
 * the same letters used as titles (م. = engineer) before a name. */
export const AR_YEAR_MARKERS: ReadonlySet<string> = new Set(['م', 'هـ', 'ه']);

/** Lines that are page furniture, not report text ("you may also like", "read also", ...).
 * They are kept, but always as their own segment. Compared after trimming, without final
 * punctuation, so short and exact. */
export const BOILERPLATE: readonly string[] = [
  'قد يعجبك أيضا', 'قد يعجبك أيضاً', 'اقرأ أيضا', 'اقرأ أيضاً', 'إقرأ أيضا', 'إقرأ أيضاً', 'اقرأ المزيد', 'شاهد أيضا',
  'شاهد أيضاً', 'مواضيع ذات صلة', 'أخبار ذات صلة', 'Read more', 'Read also', 'See also', 'Related', 'Advertisement',
];

/** Words that continue the sentence after a quotation that carries its own stop, as in
 * `"يوجد قرش في المياه!" كما أضاف هاميل.` (English `"...!" Hammel added`): attribution
 * adverbs and circumstantial participles, which cannot open an Arabic sentence, and تساءل(ت)
 * right after a quoted question. Compared without harakat (قائلًا → قائلا). */
export const AR_QUOTE_ATTRIBUTION: ReadonlySet<string> = new Set([
  'كما', 'حسبما', 'قائلا', 'قائلة', 'مضيفا', 'مضيفة', 'متسائلا', 'متسائلة', 'تساءل', 'تساءلت', 'موضحا', 'موضحة', 'مشيرا',
  'مشيرة', 'مؤكدا', 'مؤكدة', 'متابعا',
]);

/** Participles that introduce a quotation like a colon does (قائلًا "...", مضيفةً ”..."): a
 * quotation after them is a quoted sentence, not a term. Without harakat. */
export const AR_QUOTE_INTRODUCERS: ReadonlySet<string> = new Set([
  'قائلا', 'قائلة', 'مضيفا', 'مضيفة', 'متسائلا', 'متسائلة', 'موضحا', 'موضحة', 'مؤكدا', 'مؤكدة', 'متابعا', 'متابعة',
]);

/** Arabic spellings of Latin letter names (دي = D, في = V, جيه = J, ...). Used to tell a
 * transliterated initial (`روي في. واد` = Roe v. Wade, `ودي آر. بوبو` = Dr. PawPaw) from the
 * last letter of a spelled acronym (`سي إن إن.` = CNN.), which can end a sentence. */
export const AR_LETTER_NAMES: ReadonlySet<string> = new Set([
  'إيه', 'ايه', 'بي', 'سي', 'دي', 'إي', 'اي', 'إف', 'اف', 'جي', 'إتش', 'اتش', 'آي', 'أي', 'جيه', 'كيه', 'كي', 'إل', 'ال',
  'إم', 'ام', 'إن', 'ان', 'أو', 'او', 'كيو', 'آر', 'ار', 'إس', 'اس', 'تي', 'يو', 'في', 'دبليو', 'إكس', 'اكس', 'واي',
  'زد', 'زي',
]);

/** Letter names that, with a dot after a name, are an initial (`روي في.`) and never end a
 * sentence. Leaves out those that are also Arabic words able to end one (بي "with me",
 * لي "to me", أي "any", ...). Note في (V) and إن (N) as Arabic words are a preposition
 * and a particle, which cannot end a sentence either. */
export const AR_LETTER_INITIALS: ReadonlySet<string> = new Set([
  'إيه', 'سي', 'دي', 'إف', 'جي', 'إتش', 'جيه', 'كيه', 'إل', 'إم', 'كيو', 'آر', 'إس', 'تي', 'يو', 'في', 'دبليو', 'إكس', 'زد',
]);
