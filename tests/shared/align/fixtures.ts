// Hand-made Arabic/English sentence pairs (written for these tests) and a builder that joins or
// drops them to make documents with a known gold alignment. Covers harakat, Arabic-Indic digits,
// mixed Arabic/Latin and an astral emoji. Also the aligner's property-test helpers.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Link } from '../../../shared/align/types.ts';

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

/** A short story (written for these tests) with no numbers and hardly any names: only length and
 * word meaning can align it, as in much literary and narrative text. */
export const STORY: Array<[string, string]> = [
  ['بدأ فصل الخريف هذا العام بأمطار غزيرة فاجأت سكان القرى الجبلية.', 'Autumn began this year with heavy rain that surprised the people of the mountain villages.'],
  ['وانقطعت الطرق المؤدية إلى الأسواق لعدة أيام.', 'The roads to the markets were cut off for several days.'],
  ['واضطر المزارعون إلى تأجيل جني الزيتون حتى تجفّ الأرض.', 'Farmers had to postpone the olive harvest until the ground dried.'],
  ['وقال أحد الشيوخ إنه لم يرَ مثل هذه العاصفة منذ طفولته.', 'One of the elders said he had not seen such a storm since his childhood.'],
  ['وفتحت المدرسة أبوابها للعائلات التي غمرت المياه بيوتها.', 'The school opened its doors to families whose homes were flooded.'],
  ['وتطوّع الشباب لتوزيع الخبز والبطانيات على المحتاجين.', 'Young people volunteered to hand out bread and blankets to those in need.'],
  ['وفي المساء اجتمع الأهالي في الساحة لمناقشة ما يمكن فعله.', 'In the evening the residents gathered in the square to discuss what could be done.'],
  ['واقترح المعلّم أن تُبنى قناة صغيرة لتصريف المياه بعيداً عن البيوت.', 'The teacher proposed building a small channel to drain the water away from the houses.'],
  ['ووافق الجميع على أن يبدأ العمل في الصباح الباكر.', 'Everyone agreed that work would start early in the morning.'],
  ['وحمل كل رجل فأسه ومجرفته وخرج قبل شروق الشمس.', 'Each man took his axe and his shovel and went out before sunrise.'],
  ['وأعدّت النساء الطعام والشاي للعاملين طوال النهار.', 'The women prepared food and tea for the workers all day long.'],
  ['وبعد أسبوع من العمل الشاق اكتملت القناة.', 'After a week of hard work the channel was finished.'],
  ['وعندما هطل المطر من جديد جرت المياه في مجراها الجديد.', 'When the rain fell again the water ran along its new course.'],
  ['وفرح الأطفال وهم يرون البيوت جافة لأول مرة منذ أسابيع.', 'The children were delighted to see the houses dry for the first time in weeks.'],
  ['وكتب المعلّم قصة القناة في دفتر المدرسة كي لا ينساها أحد.', 'The teacher wrote the story of the channel in the school notebook so that no one would forget it.'],
  ['ومنذ ذلك اليوم صار الأهالي يجتمعون في الساحة كلما واجهتهم مشكلة 🌧️.', 'Since that day the residents have met in the square whenever they face a problem 🌧️.'],
];

/** Links in order, contiguous, covering 0..n-1 and 0..m-1 exactly once each. */
export function assertCovers(links: Link[], n: number, m: number) {
  const src = links.flatMap((l) => l.src);
  const tgt = links.flatMap((l) => l.tgt);
  assert.deepEqual(src, Array.from({ length: n }, (_, i) => i));
  assert.deepEqual(tgt, Array.from({ length: m }, (_, j) => j));
  for (const l of links) assert.ok(l.src.length + l.tgt.length > 0);
}

/** A sentence for property tests: a fixture sentence of either side, edge cases, or any string. */
export const sentence = fc.oneof(
  fc.constantFrom(...PAIRS.map((p) => p[0]), ...PAIRS.map((p) => p[1]), '', '؟', 'نعم 😀', '١٢٣'),
  fc.string({ maxLength: 40 }),
);
