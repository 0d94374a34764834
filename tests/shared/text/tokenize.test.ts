import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { knownWords, tokenize, type TokenizeOptions } from '../../../shared/text/tokenize.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { isMarkCp } from '../../../shared/text/chars.ts';

const tok = (text: string, opts: TokenizeOptions = { lang: 'ar' }) => tokenize(text, opts).map((t) => `${t.text}/${t.kind}`);

const table: [string, string, TokenizeOptions, string[]][] = [
  ['words, punctuation, numbers', 'قتل 15 مدنياً، اليوم.', { lang: 'ar' }, ['قتل/word', '15/number', 'مدنياً/word', '،/punct', 'اليوم/word', './punct']],
  ['decimals and Arabic-Indic numbers stay whole', '3.5 و٣٫٥ و1,000 الساعة 00:01', { lang: 'ar' }, ['3.5/number', 'و/word', '٣٫٥/number', 'و/word', '1,000/number', 'الساعة/word', '00:01/number']],
  ['harakat stay with their letter', 'قَالَ الوزيرُ', { lang: 'ar' }, ['قَالَ/word', 'الوزيرُ/word']],
  ['punctuation runs and quotes', 'حقًا؟! "نعم"...', { lang: 'ar' }, ['حقًا/word', '؟!/punct', '"/punct', 'نعم/word', '"/punct', '.../punct']],
  ['symbols and emoji (with modifiers)', '50% + $3 😀👍🏽', { lang: 'en' }, ['50/number', '%/punct', '+/symbol', '$/symbol', '3/number', '😀/symbol', '👍🏽/symbol']],
  ['English inner apostrophe and hyphen, letters with digits', "don't al-Numan F16", { lang: 'en' }, ["don't/word", 'al-Numan/word', 'F16/word']],
  ['clitics: conjunction and preposition before the article', 'والنظام بالنسبة للسلطة كالعادة', { lang: 'ar', clitics: true }, ['و/word', 'النظام/word', 'ب/word', 'النسبة/word', 'ل/word', 'لسلطة/word', 'ك/word', 'العادة/word']],
  ['clitics: conjunction before a verb, and before a short function word', 'وأكد فقال وهو', { lang: 'ar', clitics: true }, ['و/word', 'أكد/word', 'ف/word', 'قال/word', 'و/word', 'هو/word']],
  ['clitics: words that only start with و/ف/ب/ل stay whole', 'وزير وكالة فصائل فقط وسط بين لكن', { lang: 'ar', clitics: true }, ['وزير/word', 'وكالة/word', 'فصائل/word', 'فقط/word', 'وسط/word', 'بين/word', 'لكن/word']],
  ['clitics: too short a remainder is never split', 'ولد وفي بل', { lang: 'ar', clitics: true }, ['ولد/word', 'و/word', 'في/word', 'بل/word']],
  ['clitics: article only on request', 'والحكومة الله', { lang: 'ar', clitics: true, article: true }, ['و/word', 'ال/word', 'حكومة/word', 'الله/word']],
  ['English abbreviations keep their dots', 'Mr. Smith of the U.S. Army, e.g. at 9 a.m. today.', { lang: 'en' }, ['Mr./word', 'Smith/word', 'of/word', 'the/word', 'U.S./word', 'Army/word', ',/punct', 'e.g./word', 'at/word', '9/number', 'a.m./word', 'today/word', './punct']],
  ['clitics do not apply to English', 'wall ball', { lang: 'en', clitics: true }, ['wall/word', 'ball/word']],
];

for (const [what, input, opts, expected] of table) {
  test(`tokenize: ${what}`, () => assert.deepEqual(tok(input, opts), expected));
}

test('tokenize: clitic pieces are adjacent spans of the word, diacritics with their letter', () => {
  const text = '😀 وَالنِّظامُ';
  const ts = tokenize(text, { lang: 'ar', clitics: true });
  assert.deepEqual(ts.map((t) => [t.start, t.end, t.text]), [[0, 1, '😀'], [2, 4, 'وَ'], [4, 13, 'النِّظامُ']]);
});

const alphabet = ['ا', 'و', 'ب', 'ل', 'ف', 'ك', 'م', 'َ', 'ّ', 'ـ', ' ', '\n', '.', '،', '"', '3', '٣', '٫', ',', 'a', 'B', "'", '-', '😀', '👍🏽', '%'];
const textArb = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join(''));

test('tokenize property: tokens ordered, disjoint, slice to their text, cover all non-space, never start with a detached mark', () => {
  fc.assert(
    fc.property(textArb, fc.boolean(), fc.boolean(), (text, clitics, article) => {
      const map = new OffsetMap(text);
      const cps = Array.from(text);
      const covered = new Array<boolean>(cps.length).fill(false);
      let prev = 0;
      for (const t of tokenize(text, { lang: 'ar', clitics, article })) {
        assert.ok(t.start >= prev && t.end > t.start);
        assert.equal(map.slice(t.start, t.end), t.text);
        if (t.start > 0 && isMarkCp(cps[t.start].codePointAt(0) ?? 0)) assert.ok(/\s/u.test(cps[t.start - 1]), `mark cut from its letter in ${JSON.stringify(text)}`);
        for (let k = t.start; k < t.end; k++) covered[k] = true;
        prev = t.end;
      }
      cps.forEach((ch, k) => assert.ok(covered[k] || /\s/u.test(ch), `uncovered ${JSON.stringify(ch)} in ${JSON.stringify(text)}`));
    }),
    { numRuns: 2000 },
  );
});

test('issue 15: ب ك ل before any known word, the future س, enclitic pronouns; never كان → ك + ان', async () => {
  const { knownWords } = await import('../../../shared/text/tokenize.ts');
  const words = (t: string, o: Record<string, unknown> = {}) => tokenize(t, { lang: 'ar', clitics: true, ...o }).map((x) => x.text);
  assert.deepEqual(words('بشكل بأن لكل كان كما لكن'), ['ب', 'شكل', 'ب', 'أن', 'ل', 'كل', 'كان', 'كما', 'لكن']);
  // a word of the text proves the rest is a word: برنامج alone is kept, بمدينة splits when مدينة occurs
  assert.deepEqual(words('برنامج بمدينة'), ['برنامج', 'بمدينة']);
  assert.deepEqual(words('مدينة بمدينة'), ['مدينة', 'ب', 'مدينة']);
  assert.deepEqual(words('سيكون', { known: knownWords('يكون') }), ['س', 'يكون']);
  // pronouns only when asked, harakat stay with their letters
  assert.deepEqual(words('عليه فيها حياتُهُ', { enclitics: true, known: knownWords('حياة') }), ['علي', 'ه', 'في', 'ها', 'حياتُ', 'هُ']);
  assert.deepEqual(words('عليه فيها'), ['عليه', 'فيها']);
  // a mention edge cuts after a proclitic: بإدلب tagged from offset 1
  assert.deepEqual(words('بإدلب', { cuts: [1, 5] }), ['ب', 'إدلب']);
});

test('issue 15: the word list as known words; a word known with the article; ك never splits a listed word', async () => {
  const { knownWords, wordListWords } = await import('../../../shared/text/tokenize.ts');
  const words = (t: string, o: Record<string, unknown> = {}) => tokenize(t, { lang: 'ar', clitics: true, ...o }).map((x) => x.text);
  // a word list in the shape of assets/lexicon/ar-en.tsv (headwords with or without the article)
  const dictionary = wordListWords('الاستخدام\tuse\nمساعدة\thelp\nكبير\tbig\nبيرة\tbeer\nيكون\tbe\nالْمَدِينَة\tcity\n');
  assert.deepEqual([...wordListWords('كِتاب\tbook\nبلا تاب\nهيئة الأمم\tUN\n')], ['كتاب', 'هيئة', 'الأمم']);
  // unknown remainders stay whole; the word list proves them (also headwords written with ال or harakat)
  assert.deepEqual(words('باستخدام بمساعدة بمدينة'), ['باستخدام', 'بمساعدة', 'بمدينة']);
  assert.deepEqual(words('باستخدام بمساعدة بمدينة', { dictionary }), ['ب', 'استخدام', 'ب', 'مساعدة', 'ب', 'مدينة']);
  // the text's own words count with the article too: الاستخدام in the text proves باستخدام
  assert.deepEqual(words('الاستخدام ثم باستخدامٍ'), ['الاستخدام', 'ثم', 'ب', 'استخدامٍ']);
  // ك + بيرة would be a reading, but كبيرة is a listed word (كبير + ة): it stays whole
  assert.deepEqual(words('كبيرة كبيراً', { dictionary }), ['كبيرة', 'كبيراً']);
  assert.deepEqual(words('كبيرة', { known: knownWords('بيرة') }), ['ك', 'بيرة']);
  // the future س before a known verb, a function word included; لذلك is ل + ذلك (UD)
  assert.deepEqual(words('ستكون سيكون', { dictionary }), ['س', 'تكون', 'س', 'يكون']);
  assert.deepEqual(words('نتيجة لذلك'), ['نتيجة', 'ل', 'ذلك']);
  // with pronouns: a preposition before a known stem + pronoun (بأنها → ب + أن + ها, بطبيعتها);
  // ك keeps a listed word that carries a pronoun (كتابه of كتاب, not ك + تاب + ه)
  assert.deepEqual(words('بأنها بطبيعتها', { enclitics: true, dictionary: wordListWords('الطبيعة\tnature\n') }), ['ب', 'أن', 'ها', 'ب', 'طبيعت', 'ها']);
  assert.deepEqual(words('بأنها بطبيعتها', { dictionary: wordListWords('الطبيعة\tnature\n') }), ['بأنها', 'بطبيعتها']);
  assert.deepEqual(words('كتابه', { enclitics: true, dictionary: wordListWords('كتاب\tbook\nتاب\trepent\n') }), ['كتاب', 'ه']);
  // never a piece that breaks a name: a mention edge still wins, كان still never ك + ان
  assert.deepEqual(words('كان بكين', { dictionary: wordListWords('ان\tthat\nكين\tkeen\n'), cuts: [4, 8] }), ['كان', 'بكين']);
  assert.deepEqual(words('كان بكين', { dictionary: wordListWords('كين\tkeen\n') }), ['كان', 'ب', 'كين']);
  assert.deepEqual(words('حياته', { enclitics: true, dictionary: wordListWords('حياة\tlife\n') }), ['حيات', 'ه']);
  assert.deepEqual(words('حياته', { enclitics: true, dictionary: wordListWords('حياة\tlife\n'), cuts: [0, 5] }), ['حياته']);
});

test('tokenize property with a word list: pieces still slice the text and cover every letter', () => {
  const dictionary = new Set(['ال', 'بال', 'لك', 'فكم', 'وبا', 'مال', 'كلم', 'الم']);
  fc.assert(
    fc.property(textArb, fc.boolean(), (text, enclitics) => {
      const map = new OffsetMap(text);
      let prev = 0;
      let letters = 0;
      for (const t of tokenize(text, { lang: 'ar', clitics: true, enclitics, dictionary })) {
        assert.ok(t.start >= prev && t.end > t.start);
        assert.equal(map.slice(t.start, t.end), t.text);
        letters += t.end - t.start;
        prev = t.end;
      }
      assert.equal(letters, Array.from(text).filter((ch) => !/\s/u.test(ch)).length);
    }),
    { numRuns: 1000 },
  );
});

test('tokenize property: clitics split against the text\'s own words (one scan) as against knownWords(text) given', () => {
  // tokenize derives the default known words from its own scan; it must be knownWords(text)
  const words = ['بالكلم', 'كلم', 'الكلم', 'لكلمة', 'فكلم', 'وبال', 'سيكون', 'يكون', 'ل', 'ب', 'كل', 'الم', 'لم'];
  const arb = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...alphabet)), { maxLength: 30 }).map((a) => a.join(''));
  fc.assert(
    fc.property(arb, fc.boolean(), fc.boolean(), (text, article, enclitics) => {
      const opts: TokenizeOptions = { lang: 'ar', clitics: true, article, enclitics };
      assert.deepEqual(tokenize(text, opts), tokenize(text, { ...opts, known: knownWords(text) }));
    }),
    { numRuns: 1000 },
  );
  // the pair that shows the known words are used: ب + كلم only when كلم stands alone in the text
  assert.deepEqual(tok('بكلم كلم', { lang: 'ar', clitics: true }), ['ب/word', 'كلم/word', 'كلم/word']);
  assert.deepEqual(tok('بكلم', { lang: 'ar', clitics: true }), ['بكلم/word']);
});

test('knownWords: skeletons are the Arabic letters only (harakat out), a plain word is itself', () => {
  // tatweel (U+0640) lies in isArabicLetter's range and has always stayed in a skeleton
  assert.deepEqual([...knownWords('كتابٌ الـمدرسة قال Reuters F16 😀 مدرسة')], ['كتاب', 'الـمدرسة', 'قال', '', 'مدرسة']);
});

test('tokenize property: the shortcuts (no proclitic first letter; ا where only the article can come off; no cuts, no enclitics) split as the full rules do', () => {
  // a cut outside every word changes nothing in the rules but turns the shortcut off
  const words = ['كتاب', 'الكتاب', 'الذي', 'الم', 'مدرسة', 'سيكون', 'والكتاب', 'بالمدرسة', 'لكن', 'فقط', 'استخدام', 'باستخدام', 'تم', 'الله', 'ـكتاب', 'كَتب', 'ك'];
  const arb = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...alphabet)), { maxLength: 30 }).map((a) => a.join(''));
  fc.assert(
    fc.property(arb, fc.boolean(), (text, article) => {
      const opts: TokenizeOptions = { lang: 'ar', clitics: true, article };
      assert.deepEqual(tokenize(text, opts), tokenize(text, { ...opts, cuts: [-1] }));
    }),
    { numRuns: 2000 },
  );
});
