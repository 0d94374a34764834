import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { resegmentPreservingManual, segmentSentences } from '../../../shared/text/segment.ts';
import { cpLength, OffsetMap } from '../../../shared/text/offsets.ts';
import { isMarkCp } from '../../../shared/text/chars.ts';

const seg = (text: string, lang: 'ar' | 'en' = 'ar', abbreviations?: string[]) => {
  const map = new OffsetMap(text);
  return segmentSentences(text, { lang, abbreviations }).map((s) => map.slice(s.start, s.end));
};

// [what, input, expected sentences]
const table: [string, string, string[]][] = [
  ['full stop', 'قال الوزير. وأضاف المتحدث.', ['قال الوزير.', 'وأضاف المتحدث.']],
  ['Arabic question mark and combos', 'هل انتهى؟! لا أعرف؟ ربما!', ['هل انتهى؟!', 'لا أعرف؟', 'ربما!']],
  ['Urdu full stop ۔', 'جملة أولى۔ جملة ثانية', ['جملة أولى۔', 'جملة ثانية']],
  ['"., " artefact: the comma stays with the first sentence', 'في إدلب., وأكد المرصد مقتل 67.', ['في إدلب.,', 'وأكد المرصد مقتل 67.']],
  ['headline "A.. B" is one segment', 'النظام يتقدم لإدلب.. وروسيا وتركيا تمددان المحادثات', ['النظام يتقدم لإدلب.. وروسيا وتركيا تمددان المحادثات']],
  ['ellipsis before Arabic is a pause', 'العدّ مستمرًا... هو اليوم الذي ننتظره.', ['العدّ مستمرًا... هو اليوم الذي ننتظره.']],
  ['ellipsis before a capital ends', 'He waited… Then he left.', ['He waited…', 'Then he left.']],
  ['closing quote after the stop', 'قال: "انتهى الأمر." وغادر القاعة.', ['قال: "انتهى الأمر."', 'وغادر القاعة.']],
  ['stop after closing quote and bracket', 'حتى عام 2016). وأردفت روسيا أن "المسلحين هاجموا". وانتهى', ['حتى عام 2016).', 'وأردفت روسيا أن "المسلحين هاجموا".', 'وانتهى']],
  ['curly quotes and guillemets', 'قالت «سنعود.» ثم صمتت. وذكرت “سانا” الخبر.', ['قالت «سنعود.»', 'ثم صمتت.', 'وذكرت “سانا” الخبر.']],
  ['decimals stay whole', 'ارتفع بنسبة 3.5 بالمئة و٣٫٥ أخرى. انتهى', ['ارتفع بنسبة 3.5 بالمئة و٣٫٥ أخرى.', 'انتهى']],
  ['Arabic abbreviations د. أ.د. ص.ب.', 'التقى د. محمد مع أ.د. سامي في ص.ب. 1234 بالرياض. ثم عاد', ['التقى د. محمد مع أ.د. سامي في ص.ب. 1234 بالرياض.', 'ثم عاد']],
  ['year marker ends a sentence', 'ولد عام 1950 م. وتوفي عام 2017م. انتهى', ['ولد عام 1950 م.', 'وتوفي عام 2017م.', 'انتهى']],
  ['English titles and initials', 'Mr. Smith met Dr. J. Brown in St. Louis. They talked.', ['Mr. Smith met Dr. J. Brown in St. Louis.', 'They talked.']],
  ['U.S. before a name vs at the end', 'The U.S. Army left the U.S. The war ended.', ['The U.S. Army left the U.S.', 'The war ended.']],
  ['e.g. and lower case continuation', 'Some cities, e.g. Idlib, were hit. It was bad.', ['Some cities, e.g. Idlib, were hit.', 'It was bad.']],
  ['list numbers at a segment start', '1. البند الأول\n2. البند الثاني. وانتهى\n١. بند', ['1. البند الأول', '2. البند الثاني.', 'وانتهى', '١. بند']],
  ['line breaks end segments (CRLF, CR, LS)', 'عنوان\r\nفقرة أولى\rفقرة ثانية\u2028سطر', ['عنوان', 'فقرة أولى', 'فقرة ثانية', 'سطر']],
  ['Latin caption inside Arabic', 'نص عربي.\nSyrian soldiers rest, Syria, January 30, 2020. REUTERS/Yamam Al Shaar\nعناصر (رويترز)', ['نص عربي.', 'Syrian soldiers rest, Syria, January 30, 2020.', 'REUTERS/Yamam Al Shaar', 'عناصر (رويترز)']],
  ['boilerplate line is its own segment', 'آخر فقرة.\n\nقد يعجبك أيضا', ['آخر فقرة.', 'قد يعجبك أيضا']],
  ['boilerplate glued to the end of a paragraph', 'آخر فقرة بلا نقطة قد يعجبك أيضا', ['آخر فقرة بلا نقطة', 'قد يعجبك أيضا']],
  ['boilerplate label at a line start', 'اقرأ أيضا: النظام يتقدم في إدلب', ['اقرأ أيضا:', 'النظام يتقدم في إدلب']],
  ['" , " is a comma, not a boundary', 'أعلن الفريق يوم الخميس , عن الحصيلة', ['أعلن الفريق يوم الخميس , عن الحصيلة']],
  ['glued Arabic sentences', 'انتهى الاجتماع.وقال الوزير كلمته', ['انتهى الاجتماع.', 'وقال الوزير كلمته']],
  ['glued abbreviation stays', 'التقى د.محمد بالوزير', ['التقى د.محمد بالوزير']],
  ['quoted sentences without a stop', 'وقال: "كان ذلك شيئا جيدا للغاية" وأردف قائلا إنه سعيد.', ['وقال: "كان ذلك شيئا جيدا للغاية"', 'وأردف قائلا إنه سعيد.']],
  ['short quoted terms stay', 'وصف الفريق بأنه "منهار" "وفي صدمة" بعد الخبر.', ['وصف الفريق بأنه "منهار" "وفي صدمة" بعد الخبر.']],
  // quotations in translated news (docs/text-pipeline.md, "Quotations")
  ['attribution after a quotation with its own stop', 'صرخ: "يوجد قرش في المياه!" كما أضاف هاميل. وتم نقل الطفل.', ['صرخ: "يوجد قرش في المياه!" كما أضاف هاميل.', 'وتم نقل الطفل.']],
  ['participle and تساءلت after a quoted question (with harakat)', 'وتابع: "هل تريدون رؤيته؟" قائلًا إنه جاد. "هل يعتقدون أنني أحصل على خصم؟" تساءلتْ.', ['وتابع: "هل تريدون رؤيته؟" قائلًا إنه جاد.', '"هل يعتقدون أنني أحصل على خصم؟" تساءلتْ.']],
  ['Arabic convention: the stop after the quote still ends before كما', 'قال إن "الأمر انتهى". كما أعلن الوزير.', ['قال إن "الأمر انتهى".', 'كما أعلن الوزير.']],
  ['two quotations side by side, the second a sentence', 'وقد يعمل الدم بمثابة "محفز" "إنهم متسمون بالود جدًا" وأضاف', ['وقد يعمل الدم بمثابة "محفز"', '"إنهم متسمون بالود جدًا" وأضاف']],
  ['a quotation after a saying participle is a quoted sentence', 'وأردف قائلًا "لو كان متقلدًا لزمام المسؤولية لغادرنا" وأضاف النائب كلمته', ['وأردف قائلًا "لو كان متقلدًا لزمام المسؤولية لغادرنا"', 'وأضاف النائب كلمته']],
  ['curly opening, straight closing, glued to the participle', 'وقالت للصحيفة قائلة”أريد أن أريهم أنه لا يسعك ذلك" في حين رد الزوجان', ['وقالت للصحيفة قائلة”أريد أن أريهم أنه لا يسعك ذلك"', 'في حين رد الزوجان']],
  ['straight quote glued after a colon opens', 'وأضاف قائلًا:" هؤلاء من زعموا أنهم يستطيعون الحل" تلك مهزلة كبرى!', ['وأضاف قائلًا:" هؤلاء من زعموا أنهم يستطيعون الحل"', 'تلك مهزلة كبرى!']],
  ['و" joins a second quotation to the sentence', 'وغنين كلمات مثل: "نعم، أنا أحلب نفسي كل يوم" و"إذا لم تكن قد لاحظت" في الإعلان.', ['وغنين كلمات مثل: "نعم، أنا أحلب نفسي كل يوم" و"إذا لم تكن قد لاحظت" في الإعلان.']],
  ['doubled closing quote typed as “', 'أطلق عليه ”سنو وايت والأقزام السبعة."“ لأنها تأخرت', ['أطلق عليه ”سنو وايت والأقزام السبعة."“', 'لأنها تأخرت']],
  // transliterated Latin letters
  ['letter-name initial after a name: Roe v. Wade', 'قد تحدد مستقبل روي في. واد، وما إذا كان الاقتصاد سيتعافى.', ['قد تحدد مستقبل روي في. واد، وما إذا كان الاقتصاد سيتعافى.']],
  ['spelled title: Dr. PawPaw', 'منتجات مثل إيسي ودي آر. بوبو لأول مرة.', ['منتجات مثل إيسي ودي آر. بوبو لأول مرة.']],
  ['spelled acronyms end sentences', 'نقلًا عن سي إن إن. وقال المتحدث. بثته قناة أي تي في. وفي الحقيقة', ['نقلًا عن سي إن إن.', 'وقال المتحدث.', 'بثته قناة أي تي في.', 'وفي الحقيقة']],
  ['بي that is an Arabic word ends a sentence', 'أنا ممتن لثقة توماس بي. أشعر بالسعادة', ['أنا ممتن لثقة توماس بي.', 'أشعر بالسعادة']],
  ['Latin capital before an Arabic word is not an initial', 'وحصل 63 بالمئة على A. يبين هذا التفوق. A. البند الأول', ['وحصل 63 بالمئة على A.', 'يبين هذا التفوق.', 'A. البند الأول']],
  ['emoji and harakat', 'قَالَ 😀 الوزيرُ. وَانتَهَى 👍🏽!', ['قَالَ 😀 الوزيرُ.', 'وَانتَهَى 👍🏽!']],
  ['mixed Arabic and Latin with Arabic-Indic digits', 'قتل ٣ مدنيين in Idlib. Then ٤ more.', ['قتل ٣ مدنيين in Idlib.', 'Then ٤ more.']],
  ['white space and empty text', '  \n \t ', []],
];

for (const [what, input, expected] of table) {
  test(`segment: ${what}`, () => assert.deepEqual(seg(input), expected));
}

test('segment: project abbreviations never end a sentence', () => {
  assert.deepEqual(seg('قال م. أحمد ثم غادر. انتهى', 'ar'), ['قال م. أحمد ثم غادر.', 'انتهى']);
  assert.deepEqual(seg('زار الشركة ش.م.ل. في بيروت.', 'ar'), ['زار الشركة ش.م.ل. في بيروت.']);
  assert.deepEqual(seg('وقال العميد. ركن أحمد', 'ar'), ['وقال العميد.', 'ركن أحمد']);
  assert.deepEqual(seg('وقال العميد. ركن أحمد', 'ar', ['العميد']), ['وقال العميد. ركن أحمد']);
  assert.deepEqual(seg('See Sect. Five now.', 'en', ['sect.']), ['See Sect. Five now.']);
});

test('segment: project exceptions keep a phrase in one sentence', () => {
  const ex = (text: string, exceptions: string[]) => {
    const map = new OffsetMap(text);
    return segmentSentences(text, { lang: 'ar', exceptions }).map((s) => map.slice(s.start, s.end));
  };
  // without the exception the stop inside the name ends a sentence
  assert.deepEqual(seg('نقلت Yahoo! News الخبر. ثم نفته'), ['نقلت Yahoo!', 'News الخبر.', 'ثم نفته']);
  assert.deepEqual(ex('نقلت Yahoo! News الخبر. ثم نفته', ['Yahoo! News']), ['نقلت Yahoo! News الخبر.', 'ثم نفته']);
  // case-insensitive, any run of spaces (incl. NBSP) for the phrase's space; harakat and emoji before keep offsets right
  assert.deepEqual(ex('😀 قرأتُ YAHOO!\u00a0  news اليوم', ['yahoo! news']), ['😀 قرأتُ YAHOO!\u00a0  news اليوم']);
  // an Arabic phrase with ؟ inside
  assert.deepEqual(ex('سأل: مَن؟ أنا. وانتهى', ['مَن؟ أنا']), ['سأل: مَن؟ أنا.', 'وانتهى']);
  // never across a line break, and a phrase that does not occur changes nothing
  assert.deepEqual(ex('نقلت Yahoo!\nNews الخبر', ['Yahoo! News']), ['نقلت Yahoo!', 'News الخبر']);
  assert.deepEqual(ex('قال الوزير. وأضاف', ['Yahoo! News']), ['قال الوزير.', 'وأضاف']);
  // regex characters in a phrase are literal
  assert.deepEqual(ex('سعر (x.y)? نعم. لا', ['(x.y)? نعم']), ['سعر (x.y)? نعم.', 'لا']);
  // a boundary right at the end of a phrase stays
  assert.deepEqual(ex('قرأت Yahoo! News. ثم نمت', ['Yahoo! News.']), ['قرأت Yahoo! News.', 'ثم نمت']);
});

test('segment property: exceptions only remove boundaries, never inside text they do not match', () => {
  const phraseArb = fc.constantFrom('. ب', '؟ ا', 'A. U', '! "', 'د. م', '.\nا');
  fc.assert(
    fc.property(textArb, fc.array(phraseArb, { maxLength: 3 }), (text, exceptions) => {
      const plain = segmentSentences(text, { lang: 'ar' });
      const withEx = segmentSentences(text, { lang: 'ar', exceptions });
      const starts = new Set(plain.map((s) => s.start));
      // every remaining boundary was a boundary before; coverage is unchanged
      for (const s of withEx) assert.ok(starts.has(s.start));
      assert.equal(withEx.reduce((n, s) => n + s.end - s.start, 0) >= plain.reduce((n, s) => n + s.end - s.start, 0), true);
      assert.equal(withEx[0]?.start, plain[0]?.start);
      assert.equal(withEx.at(-1)?.end, plain.at(-1)?.end);
      // a boundary that was removed lies inside an occurrence of a phrase
      const map = new OffsetMap(text);
      for (const s of plain.slice(1)) {
        if (withEx.some((w) => w.start === s.start)) continue;
        // clamped: a boundary near the end has fewer than 4 code points after it
        const around = map.slice(Math.max(0, s.start - 4), Math.min(cpLength(text), s.start + 4)).toLowerCase();
        assert.ok(exceptions.some((e) => e.split(/\s+/u).every((w) => around.includes(w.toLowerCase()))), `removed ${s.start} in ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 1500 },
  );
});

test('segment: offsets are code points and slice to the span text (astral text before)', () => {
  const text = '😀😀 أولى. ثانية';
  const spans = segmentSentences(text, { lang: 'ar' });
  assert.deepEqual(spans, [{ start: 0, end: 8 }, { start: 9, end: 14 }]);
  assert.equal(Array.from(text).slice(0, 8).join(''), '😀😀 أولى.');
  assert.equal(new OffsetMap(text).slice(9, 14), 'ثانية');
});

test('segment: the sample reports match the hand-made gold exactly', () => {
  const dir = 'assets/samples';
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const gold = readFileSync(`tests/fixtures/gold/${f}`, 'utf8').split('\n').filter((l) => l.trim());
    assert.deepEqual(seg(readFileSync(`${dir}/${f}`, 'utf8')), gold, f);
  }
});

// a character set rich in the hard cases: terminators, quotes, spaces, line breaks, harakat,
// surrogate pairs, digits of two scripts, Latin and Arabic letters
const alphabet = ['ا', 'ب', 'د', 'م', 'و', 'َ', 'ّ', 'ً', 'ـ', ' ', ' ', '\n', '\r', '.', '.', '؟', '!', '…', ',', '،', '"', '”', '«', '»', ')', '(', '😀', '👍🏽', '3', '٣', '٫', 'A', 'a', 'U', 'S', 'e', 'g', ':'];
const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }).map((a) => a.join(''));

test('segment property: spans are ordered, disjoint, non-empty, trimmed and slice to text', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      const map = new OffsetMap(text);
      const spans = segmentSentences(text, { lang: 'ar' });
      let prev = 0;
      for (const s of spans) {
        assert.ok(s.start >= prev && s.end > s.start && s.end <= map.cpLength);
        const piece = map.slice(s.start, s.end);
        assert.equal(piece, piece.trim().length === piece.length ? piece : piece.trim());
        assert.ok(!/^\s|\s$/u.test(piece));
        prev = s.end;
      }
    }),
    { numRuns: 2000 },
  );
});

test('segment property: every non-space character is covered; no combining mark is cut from its letter', () => {
  fc.assert(
    fc.property(textArb, (text) => {
      const cps = Array.from(text);
      const covered = new Array<boolean>(cps.length).fill(false);
      const spans = segmentSentences(text, { lang: 'ar' });
      for (const s of spans) for (let k = s.start; k < s.end; k++) covered[k] = true;
      cps.forEach((ch, k) => {
        if (!/\s/u.test(ch) && ch !== '\u200f') assert.ok(covered[k], `uncovered ${JSON.stringify(ch)} at ${k} in ${JSON.stringify(text)}`);
      });
      for (const s of spans) {
        // a span never starts with a mark that follows a non-space character
        if (s.start > 0 && isMarkCp(cps[s.start].codePointAt(0) ?? 0)) assert.ok(/\s/u.test(cps[s.start - 1]));
        if (s.end < cps.length) assert.ok(!isMarkCp(cps[s.end].codePointAt(0) ?? 0), `mark cut at ${s.end} in ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 2000 },
  );
});

test('segment: linear on long input (a 1 MB paragraph with no terminators and one with many)', () => {
  // not a timing assertion: a quadratic scanner would not finish these within the test runner
  const noStops = 'كلمة '.repeat(200_000);
  assert.equal(segmentSentences(noStops, { lang: 'ar' }).length, 1);
  const stops = 'جملة قصيرة. '.repeat(80_000);
  assert.equal(segmentSentences(stops, { lang: 'ar' }).length, 80_000);
});

test('resegmentPreservingManual keeps manual spans verbatim and re-segments the rest', () => {
  const text = 'أولى. ثانية. ثالثة. رابعة.';
  // the user merged sentences 2 and 3 into one manual segment
  const out = resegmentPreservingManual(text, [{ start: 0, end: 5, origin: 'auto' }, { start: 6, end: 19, origin: 'manual' }], { lang: 'ar' });
  const map = new OffsetMap(text);
  assert.deepEqual(
    out.map((s) => [map.slice(s.start, s.end), s.origin]),
    [['أولى.', 'auto'], ['ثانية. ثالثة.', 'manual'], ['رابعة.', 'auto']],
  );
  // a manual split inside what the segmenter sees as one sentence survives
  const t2 = 'التقى د. محمد بالوزير.';
  const split = resegmentPreservingManual(t2, [{ start: 0, end: 8, origin: 'manual' }, { start: 9, end: 22, origin: 'manual' }], { lang: 'ar' });
  assert.deepEqual(split.map((s) => [s.start, s.end, s.origin]), [[0, 8, 'manual'], [9, 22, 'manual']]);
  // overlapping or out-of-range manual spans are ignored, never crash
  const odd = resegmentPreservingManual(text, [{ start: 0, end: 12, origin: 'manual' }, { start: 5, end: 19, origin: 'manual' }, { start: 20, end: 99, origin: 'manual' }], { lang: 'ar' });
  assert.deepEqual(odd.map((s) => [s.start, s.end, s.origin]), [[0, 12, 'manual'], [13, 19, 'auto'], [20, 26, 'auto']]);
});
