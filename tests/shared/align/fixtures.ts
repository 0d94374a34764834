// Hand-made Arabic/English sentence pairs (written for these tests) and a builder that joins or
// drops them to make documents with a known gold alignment. Covers harakat, Arabic-Indic digits,
// mixed Arabic/Latin and an astral emoji.

export const PAIRS: Array<[string, string]> = [
  ['أعلن الرئيسُ الفرنسيُّ إيمانويل ماكرون يوم الثلاثاء عن خطة جديدة لدعم المزارعين بقيمة ٢٠٠ مليون يورو.', 'French President Emmanuel Macron on Tuesday announced a new plan worth 200 million euros to support farmers.'],
  ['وقال في مؤتمر صحفي في باريس إن الحكومة ستبدأ التنفيذ الشهر المقبل.', 'He told a news conference in Paris that the government would start implementing it next month.'],
  ['وتظاهر آلاف المزارعين في ليون ومرسيليا احتجاجاً على ارتفاع أسعار الوقود.', 'Thousands of farmers demonstrated in Lyon and Marseille against rising fuel prices.'],
  ['وأغلق المحتجون الطرق الرئيسية بالجرارات لمدة ٣ أيام.', 'Protesters blocked main roads with tractors for 3 days.'],
  ['وأكدت وزارة الزراعة أن ١٥٠٠ مزرعة تضررت من الجفاف هذا العام.', 'The agriculture ministry said 1,500 farms had been hit by drought this year.'],
  ['ومن المتوقع أن يناقش البرلمان الخطة في جلسة خاصة.', 'Parliament is expected to debate the plan in a special session.'],
  ['ورحب اتحاد المزارعين (FNSEA) بالإعلان لكنه قال إنه غير كافٍ.', 'The farmers\' union (FNSEA) welcomed the announcement but said it was not enough.'],
  ['🚜 وقالت رئيسة الاتحاد كريستيان لامبير إن المزارعين سيواصلون الضغط حتى عام ٢٠٢٥.', '🚜 Union president Christiane Lambert said farmers would keep up the pressure until 2025.'],
];

/** One gold link of a built document: how many consecutive pairs it takes and which sides it keeps. */
export interface Group {
  /** consecutive pairs taken */
  pairs: number;
  /** Arabic sentences the pairs' Arabic is joined into (0 drops the Arabic), or the number of
   * pairs in each Arabic sentence (e.g. [1, 2]) */
  ar: number | number[];
  /** the same for the English */
  en: number | number[];
}

export interface BuiltDoc {
  ar: string[];
  en: string[];
  /** gold links as [ar indices, en indices] */
  gold: Array<[number[], number[]]>;
}

/** Builds a document from PAIRS (in order) grouped as given; the rest of the pairs are 1-1. */
export function build(groups: Array<Group | null>): BuiltDoc {
  const doc: BuiltDoc = { ar: [], en: [], gold: [] };
  let p = 0;
  const split = (xs: string[], k: number | number[]) => {
    const sizes = Array.isArray(k) ? k : Array.from({ length: k }, (_, g) => Math.floor(((g + 1) * xs.length) / k) - Math.floor((g * xs.length) / k));
    let at = 0;
    return sizes.map((n) => xs.slice(at, (at += n)).join(' '));
  };
  for (let g = 0; p < PAIRS.length; g++) {
    const spec = groups[g] ?? { pairs: 1, ar: 1, en: 1 };
    const chunk = PAIRS.slice(p, p + spec.pairs);
    p += spec.pairs;
    const a = split(chunk.map((c) => c[0]), spec.ar);
    const e = split(chunk.map((c) => c[1]), spec.en);
    doc.gold.push([a.map((_, k) => doc.ar.length + k), e.map((_, k) => doc.en.length + k)]);
    doc.ar.push(...a);
    doc.en.push(...e);
  }
  return doc;
}
