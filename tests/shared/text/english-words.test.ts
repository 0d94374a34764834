import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { acceptsWord, englishWords, spellingKey, type EnglishWordOptions } from '../../../shared/text/english-words.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';

const words = (text: string, opts?: EnglishWordOptions) => englishWords(text, opts).map((w) => w.text);

const table: [string, string, string[], EnglishWordOptions?][] = [
  ['plain words, punctuation dropped', 'The minister said, "no".', ['The', 'minister', 'said', 'no']],
  ['inner apostrophes kept, outer quotes dropped', "don't Jones's o’clock 'quoted' Jones'", ["don't", "Jones's", 'o’clock', 'quoted', 'Jones']],
  ['hyphen parts are words', 'a well-known al-Numan', ['well', 'known', 'al', 'Numan']],
  ['numbers and words with digits skipped', '15 people, 3rd floor, F16 jets, mp3 and ٣ سنوات', ['people', 'floor', 'jets', 'and']],
  ['URLs, e-mails, file and domain names skipped', 'see https://example.org/a-page www.sana.sy mail info@un.org or report.txt, example.com.', ['see', 'mail', 'or']],
  ['ALL-CAPS acronyms skipped by default', 'NATO and the UNHCR said OK', ['and', 'the', 'said']],
  ['ALL-CAPS kept on request', 'NATO said', ['NATO', 'said'], { skipAllCaps: false }],
  ['single letters skipped by default, kept on request', 'I saw a cat', ['I', 'saw', 'a', 'cat'], { minLength: 1 }],
  ['single letters skipped', 'I saw a cat, e.g. here', ['saw', 'cat', 'here']],
  ['Arabic inside English never yields a word', 'the town of سراقب (Saraqib) and الرقة', ['the', 'town', 'of', 'Saraqib', 'and']],
  ['a run mixing Arabic and Latin is skipped whole', 'visit Beirutبيروت now', ['visit', 'now']],
  ['harakat and tatweel: still Arabic', 'قَالَ الــوزير said', ['said']],
  ['accents and combining marks are Latin', 'café naïve cafe\u0301', ['café', 'naïve', 'cafe\u0301']],
  ['emoji and other scripts skipped', 'good 😀 Москва news', ['good', 'news']],
  ['snake_case skipped', 'a snake_case name', ['name']],
  ['Arabic-only text gives nothing', 'قتل ١٥ مدنياً في إدلب.', []],
];

for (const [what, input, expected, opts] of table) {
  test(`englishWords: ${what}`, () => assert.deepEqual(words(input, opts), expected));
}

test('englishWords: code-point offsets past emoji and Arabic', () => {
  const text = '😀 قال Thee man 👍🏽 said';
  const ws = englishWords(text);
  assert.deepEqual(ws.map((w) => [w.text, w.start, w.end]), [['Thee', 6, 10], ['man', 11, 14], ['said', 18, 22]]);
  for (const w of ws) assert.equal(cpSlice(text, w.start, w.end), w.text);
});

const pieces = fc.constantFrom(
  'the', 'Jones\'s', 'don’t', 'well-known', ' ', ', ', '. ', 'سراقب', 'قَالَ', 'ـ', '١٥', '15', '3rd', '😀', '👍🏽', 'https://x.org/a', 'a@b.co', 'NATO', 'café', '"', "'", '-', 'x',
);

test('property: every word slices the text at its offsets, is Latin and has no digit', () => {
  fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }), fc.boolean(), (parts, caps) => {
    const text = parts.join('');
    const ws = englishWords(text, { skipAllCaps: caps });
    let last = 0;
    for (const w of ws) {
      assert.equal(cpSlice(text, w.start, w.end), w.text);
      assert.ok(w.start >= last, 'in order, not overlapping');
      last = w.end;
      assert.doesNotMatch(w.text, /[\p{Script=Arabic}\p{N}]/u);
    }
  }));
});

test('property: Arabic text (letters, harakat, digits, punctuation) never yields a word', () => {
  const arabic = fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩،؛؟ .'.split('')), maxLength: 80 });
  fc.assert(fc.property(arabic, (text) => assert.deepEqual(englishWords(text), [])));
});

test('acceptsWord: Hunspell-like case rules; typographic apostrophes', () => {
  const set = new Set(['jihadist', 'Muwazi', "Qatar's"]);
  assert.ok(acceptsWord(set, 'jihadist'));
  assert.ok(acceptsWord(set, 'Jihadist'));
  assert.ok(acceptsWord(set, 'JIHADIST'));
  assert.ok(acceptsWord(set, 'Muwazi'));
  assert.ok(acceptsWord(set, 'MUWAZI'));
  assert.ok(!acceptsWord(set, 'muwazi'), 'a name does not accept its lowercase form');
  assert.ok(!acceptsWord(set, 'JiHadist'));
  assert.ok(acceptsWord(set, 'Qatar’s'));
  assert.equal(spellingKey('don’t'), "don't");
});
