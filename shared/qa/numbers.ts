// number-mismatch: the numbers of a row's Arabic and English compared by VALUE, whatever the digits
// (Western 0-9, Arabic-Indic ٠-٩, Persian ۰-۹) and the notation (1,000 = 1000 = ١٬٠٠٠; 3.5 = ٣٫٥;
// 50% = ٥٠٪; ranges 2019-2020 / ٢٠١٩–٢٠٢٠ are two numbers).
//
// Policy (severity error):
//   - a number is "present" on the other side when that side holds a number with an equal value
//     (set semantics: a value written twice in one language and once in the other is fine), or
//     writes it in words: three / ثلاثة, اثنين, first / الأول, twenty-five, G20 / مجموعة العشرين;
//   - each token may have several readings: 1.000 (European thousands) is also 1000, 3 million is
//     also 3000000, the range end in 2019-20 is also 2020, 1990s is also 90;
//   - a 2 is also present when the other side is Arabic with a dual noun (يومين "two days"), and a
//     1 is always present (Arabic singular nouns and English "a" carry it unwritten);
//   - what is left is paired in reading order: an Arabic and an English leftover make one
//     "different" finding (67 → 76), a lone leftover a "missing" finding.
// Number words never raise findings themselves: a word like "one" or "second" is too often not a
// number ("one of them", "a second look"), so words only vouch for digits.
import { asciiDigits } from '../text/normalize.ts';
import { finding } from './finding.ts';
import type { QaFinding, QaRow } from './types.ts';

/** One number written in digits. */
export interface NumberToken {
  /** the number as written (original digits and separators) */
  text: string;
  /** every value it may stand for; the first is the usual reading */
  values: number[];
}

/** Digits to ASCII and the Arabic separators to . and , — one code unit for one, so indexes still
 * point into the original text. */
function westernise(text: string): string {
  // the Arabic comma between digits (30،000) is a thousands separator typed on an Arabic keyboard
  return asciiDigits(text).replace(/\u066B/g, '.').replace(/\u066C/g, ',').replace(/(?<=\d)\u060C(?=\d{3}(?!\d))/g, ',');
}

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/^\s*(?:thousand|k\b|ألف|آلاف|الف|ألفا)/iu, 1e3],
  [/^\s*(?:million|m\b|mn\b|مليون|ملايين)/iu, 1e6],
  [/^\s*(?:billion|bn\b|b\b|مليار|مليارات|بليون)/iu, 1e9],
  [/^\s*(?:trillion|tn\b|تريليون|ترليون)/iu, 1e12],
];

/** The values a token written `t` (ASCII digits, `.` and `,`) may stand for; [] when not one number. */
function readings(t: string): number[] | null {
  // a time, 5:30 = 5.30 (English writes both)
  const time = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (time) return [Number(time[1]) + Number(time[2]) / 100];
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) return [Number(t.replace(/,/g, ''))];
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) {
    // 1.000: a decimal in English, thousands in European notation (some Arabic newsrooms)
    const dots = t.split('.').length - 1;
    return dots === 1 ? [Number(t), Number(t.replace('.', ''))] : [Number(t.replace(/\./g, ''))];
  }
  if (/^\d+\.\d+$/.test(t)) return [Number(t)];
  // 3,5: a decimal comma
  if (/^\d+,\d{1,2}$/.test(t)) return [Number(t.replace(',', '.')), Number(t.replace(',', ''))];
  if (/^\d+$/.test(t)) return [Number(t)];
  return null;
}

/** Every number written in digits in `text`, in order. */
export function numberTokens(text: string): NumberToken[] {
  const w = westernise(text);
  const out: NumberToken[] = [];
  const re = /\d{1,2}:\d{2}(?![\d:])|\d+(?:[.,]\d+)*/g;
  let prevEnd = -1;
  let prev: NumberToken | null = null;
  for (let m = re.exec(w); m; m = re.exec(w)) {
    const start = m.index;
    const end = start + m[0].length;
    let parts: Array<{ t: string; at: number }> = [{ t: m[0], at: start }];
    if (readings(m[0]) === null) {
      // a list or a version (1.2.3, 4,5,6): each run of digits is a number
      parts = [...m[0].matchAll(/\d+/g)].map((p) => ({ t: p[0], at: start + (p.index ?? 0) }));
    }
    for (const p of parts) {
      const values = readings(p.t) ?? [Number(p.t)];
      const pEnd = p.at + p.t.length;
      const after = w.slice(pEnd, pEnd + 16);
      for (const [re2, k] of MULTIPLIERS) if (re2.test(after)) values.push(values[0] * k);
      // 1990s / the '90s: the decade both ways
      if (/^'?s\b/.test(after) && /^\d{4}$/.test(p.t) && p.t.endsWith('0')) values.push(Number(p.t.slice(2)));
      // a range end abbreviated (2019-20): also the full year
      const between = w.slice(prevEnd, p.at);
      if (prev && prevEnd >= 0 && /^\s*[-–—]\s*$/.test(between) && p.t.length < String(prev.values[0]).length && /^\d+$/.test(p.t)) {
        const a = String(Math.trunc(prev.values[0]));
        values.push(Number(a.slice(0, a.length - p.t.length) + p.t));
      }
      const tok: NumberToken = { text: text.slice(p.at, pEnd), values };
      out.push(tok);
      prev = tok;
      prevEnd = pEnd;
    }
    re.lastIndex = end;
  }
  return out;
}

// ---- number words ------------------------------------------------------------------------------

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const EN_OTHER: Record<string, number[]> = {
  dozen: [12], dozens: [12], hundred: [100], hundreds: [100], thousand: [1000], million: [1e6], billion: [1e9], trillion: [1e12],
  half: [0.5, 50], quarter: [0.25, 25], decade: [10], decades: [10], century: [100], third: [3, 1 / 3], twice: [2], double: [2], both: [2], pair: [2], couple: [2], once: [1], triple: [3],
  single: [1], twentieth: [20], thirtieth: [30], hundredth: [100], thousandth: [1000],
};

/** Values the English writes in words (three, twenty-five, first, dozen, the nineties). */
export function englishWordValues(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.toLowerCase().matchAll(/[a-z]+(?:-[a-z]+)?/g)) {
    const w = m[0];
    const [a, b] = w.split('-');
    for (const part of b ? [a, b] : [a]) addEnglishWord(part, out);
    if (b && EN_TENS[a] !== undefined) {
      const u = EN_UNITS.indexOf(b);
      if (u > 0 && u < 10) out.add(EN_TENS[a] + u);
      const o = EN_ORDINALS.indexOf(b);
      if (o > 0 && o < 10) out.add(EN_TENS[a] + o);
    }
  }
  return out;
}

function addEnglishWord(w: string, out: Set<number>): void {
  const u = EN_UNITS.indexOf(w);
  if (u >= 0) out.add(u);
  if (EN_TENS[w] !== undefined) out.add(EN_TENS[w]);
  const o = EN_ORDINALS.indexOf(w);
  if (o > 0) out.add(o);
  for (const v of EN_OTHER[w] ?? []) out.add(v);
  // the nineties, sixties
  const dec = /^(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies$/.exec(w);
  if (dec) {
    const v = EN_TENS[dec[1] + 'y'];
    out.add(v).add(1900 + v).add(2000 + v);
  }
}

/** Arabic number words by their bare stem (no clitics, no alef/yeh variants: see arabicKey). */
const AR_WORDS: Record<string, number[]> = {};
function ar(values: number[], ...words: string[]): void {
  for (const w of words) AR_WORDS[arabicKey(w)] = values;
}
ar([0], 'صفر');
ar([1], 'واحد', 'واحدة', 'أول', 'أولى', 'اول', 'احد', 'إحدى', 'وحيد', 'وحيدة', 'حادي');
ar([2], 'اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'إثنان', 'إثنين', 'ثنائي', 'ثنائية', 'كلا', 'كلتا', 'ثاني', 'ثان', 'ثانية', 'مرتين', 'مرتان', 'ضعف', 'ضعفي', 'ضعفين');
ar([3], 'ثلاث', 'ثلاثة', 'ثالث', 'ثالثة', 'ثلاثي', 'ثلاثية', 'ثلث');
ar([4], 'أربع', 'أربعة', 'رابع', 'رابعة', 'رباعي');
ar([0.25, 25, 4], 'ربع');
ar([5], 'خمس', 'خمسة', 'خامس', 'خامسة');
ar([6], 'ست', 'ستة', 'سادس', 'سادسة', 'سدس');
ar([7], 'سبع', 'سبعة', 'سابع', 'سابعة');
ar([8], 'ثمان', 'ثماني', 'ثمانية', 'ثامن', 'ثامنة');
ar([9], 'تسع', 'تسعة', 'تاسع', 'تاسعة');
ar([10], 'عشر', 'عشرة', 'عاشر', 'عاشرة');
ar([12], 'اثنا', 'اثني', 'اثنتا', 'اثنتي', 'دزينة');
ar([20], 'عشرون', 'عشرين', 'عشرينيات', 'عشرينات');
ar([30], 'ثلاثون', 'ثلاثين', 'ثلاثينيات', 'ثلاثينات');
ar([40], 'أربعون', 'أربعين', 'أربعينيات', 'أربعينات');
ar([50], 'خمسون', 'خمسين', 'خمسينيات', 'خمسينات');
ar([60], 'ستون', 'ستين', 'ستينيات', 'ستينات');
ar([70], 'سبعون', 'سبعين', 'سبعينيات', 'سبعينات');
ar([80], 'ثمانون', 'ثمانين', 'ثمانينيات', 'ثمانينات');
ar([90], 'تسعون', 'تسعين', 'تسعينيات', 'تسعينات');
ar([100, 1], 'مائة', 'مئة', 'مئات');
ar([200, 2], 'مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتي', 'مائتي');
ar([1000, 1], 'ألف', 'آلاف');
ar([2000, 2], 'ألفان', 'ألفين', 'ألفي');
ar([1e6, 1], 'مليون', 'ملايين');
ar([2e6, 2], 'مليونان', 'مليونين', 'مليوني');
ar([1e9, 1], 'مليار', 'مليارات', 'بليون');
ar([2e9, 2], 'ملياران', 'مليارين', 'ملياري');
ar([0.5, 50], 'نصف'); // half, 50 percent

/** A word folded for the table: marks and tatweel dropped, alef and yeh variants unified, teh
 * marbuta kept (ثلاث ≠ ثلاثة both listed anyway). */
function arabicKey(w: string): string {
  return w
    .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي');
}

/** Clitics stripped before a table look-up: conjunction, preposition, article; case endings ا. */
const AR_PREFIX = /^(?:[وف]?(?:[بلك]|لل)?(?:ال)?)/;

/** The values of one Arabic word, trying it with and without its prefixes and tanween alef. */
function valuesOfArabicWord(word: string): number[] | undefined {
  const k = arabicKey(word);
  const cands = [k, k.replace(AR_PREFIX, '')];
  for (let i = 1; i <= 3 && i < k.length; i++) cands.push(k.slice(i));
  for (const c of cands) {
    const v = AR_WORDS[c] ?? (c.endsWith('ا') ? AR_WORDS[c.slice(0, -1)] : undefined);
    if (v) return v;
  }
  return undefined;
}

/** Values the Arabic writes in words (ثلاثة, والعشرين, خمسة عشر = 15, the ordinals الأول …). */
export function arabicWordValues(text: string): Set<number> {
  const out = new Set<number>();
  const words = [...text.matchAll(/[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u0640\u064B-\u065F\u0670]+/g)].map((m) => m[0]);
  let prevUnit: number | undefined;
  for (const w of words) {
    const vs = valuesOfArabicWord(w);
    if (vs) for (const v of vs) out.add(v);
    // compounds: خمسة عشر = 15, خمسة وعشرون = 25
    if (vs && prevUnit !== undefined && prevUnit < 10) {
      if (vs[0] === 10) out.add(10 + prevUnit);
      else if (vs[0] >= 20 && vs[0] < 100) out.add(vs[0] + prevUnit);
    }
    prevUnit = vs && vs[0] < 10 ? vs[0] : vs && vs[0] === 12 ? 2 : undefined;
  }
  return out;
}

/** Whether the Arabic holds a dual noun (يومين, دولتان): a 2 the English may write in digits. */
function hasArabicDual(text: string): boolean {
  return /[\u0621-\u064A]{2,}(?:تين|تان|ين|ان)(?![\u0621-\u064A])/u.test(arabicKey(text));
}

/** Whether any value of `tok` is in `values`. */
function anyIn(tok: NumberToken, values: ReadonlySet<number>): boolean {
  return tok.values.some((v) => values.has(v));
}

/** A 1 goes unwritten in both languages (Arabic singular nouns, English "a"). */
const isOne = (t: NumberToken) => t.values.every((v) => v === 1);

/** A value set of every reading of every token. */
function valueSet(tokens: readonly NumberToken[]): Set<number> {
  const s = new Set<number>();
  for (const t of tokens) for (const v of t.values) s.add(v);
  return s;
}

/** The number tokens of each side that the other side does not have, in reading order. */
export function unmatchedNumbers(arText: string, enText: string): { ar: NumberToken[]; en: NumberToken[] } {
  const arTok = numberTokens(arText);
  const enTok = numberTokens(enText);
  if (arTok.length === 0 && enTok.length === 0) return { ar: [], en: [] };
  const arVals = valueSet(arTok);
  const enVals = valueSet(enTok);
  let arWords: Set<number> | null = null;
  let enWords: Set<number> | null = null;
  const arMissing = arTok.filter((t) => {
    if (anyIn(t, enVals) || isOne(t)) return false;
    enWords ??= englishWordValues(enText);
    return !anyIn(t, enWords);
  });
  const enMissing = enTok.filter((t) => {
    if (anyIn(t, arVals) || isOne(t)) return false;
    arWords ??= arabicWordValues(arText);
    if (anyIn(t, arWords)) return false;
    return !(t.values[0] === 2 && hasArabicDual(arText));
  });
  return { ar: arMissing, en: enMissing };
}

/** number-mismatch findings of one row (none for an untranslated row: that is `untranslated`). */
export function checkNumbers(row: QaRow): QaFinding[] {
  if (row.en.trim() === '' || row.ar.trim() === '') return [];
  const { ar, en } = unmatchedNumbers(row.ar, row.en);
  const out: QaFinding[] = [];
  const n = Math.min(ar.length, en.length);
  for (let i = 0; i < n; i++) out.push(finding(row, 'number-mismatch', 'error', 'numberDifferent', { ar: ar[i].text, en: en[i].text }));
  for (const t of ar.slice(n)) out.push(finding(row, 'number-mismatch', 'error', 'numberMissingEn', { number: t.text }));
  for (const t of en.slice(n)) out.push(finding(row, 'number-mismatch', 'error', 'numberMissingAr', { number: t.text }));
  return out;
}
