// Issue 15 (session 5): what the words around one occurrence say about it — a nisba adjective
// after a definite word, the accusative tanween a name lacks, a name counted by a number the
// English writes in lower case, a definite word after a name — and the ranking that uses them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLexicon } from '../../../shared/align/lexical.ts';
import { adjectiveUse, countedUnit, followedByDefinite, isDefiniteNisba, nunated } from '../../../shared/entities/occurrence-context.ts';
import { propagateReport } from '../../../shared/entities/propagate-report.ts';
import { addMention } from '../../../shared/entities/mentions.ts';
import { cpLength, cpSlice } from '../../../shared/text/offsets.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';

test('adjectiveUse: a definite nisba right after a definite word, nowhere else', () => {
  const table: Array<[string, string, boolean]> = [
    ['عبر البحر ', 'الكاريبي', true],
    ['شائعاً "للبحر ', 'الكاريبي', true], // ل + the article, an opening quote before the word
    ['ووصل بالبحر ', 'الكاريبي', true], // ب + the article
    ['عبر البَحْرِ ', 'الكاريبيِّ', true], // harakat
    ['أعلنت الحكومة ', 'العثمانية', true], // ية (folded ه)
    ['زار منطقة ', 'الكاريبي', false], // construct with an indefinite noun: the name
    ['إلى مياه ', 'الكاريبي', false],
    ['البلد الذي ', 'الكاريبي', false], // a relative pronoun is not a definite noun
    ['عبر البحر، ', 'الكاريبي', false], // punctuation between
    ['عبر البحر و', 'الكاريبي', false], // a glued conjunction: coordination
    ['عبر 2014 ', 'الكاريبي', false],
    ['عبر البحر ', 'القاهرة', false], // not a nisba
    ['عبر البحر ', 'البيت الأبيض', false], // not one word
    ['', 'الكاريبي', false],
  ];
  for (const [before, name, want] of table) assert.equal(adjectiveUse(before, name), want, `${before}|${name}`);
});

test('nunated: the accusative tanween with the final alef, when the name has none', () => {
  const table: Array<[string, string, boolean]> = [
    ['مقدونياً', 'مقدونيا', true],
    ['مقدونيًا', 'مقدونيا', true], // fathatan written before the alef
    ['مقدونيا', 'مقدونيا', false],
    ['محمدٌ', 'محمد', false], // a triptote Arabic name's own case ending
    ['أيضاً', 'أيضاً', false], // the name as tagged has it too
  ];
  for (const [occ, name, want] of table) assert.equal(nunated(occ, name), want, occ);
});

test('countedUnit: a number before the name and the same number before a lower-case word in the English', () => {
  const table: Array<[string, string, boolean]> = [
    ['توفر 42 مليون ', 'this plan could free up 42 million euros, of which', true],
    ['سيتم تقديم 500 ', 'Those of age will be offered 500 euros by the state.', true],
    ['سيتم تقديم ٥٠٠ ', 'Those of age will be offered 500 euros by the state.', true], // Arabic-Indic digits
    ['يكلف ١٬٣٣٥ ', 'our diesel costs 1,335 euros per litre', true], // Arabic thousands separator
    ['وقعت في 30 ', 'It took place on 30 May 1941.', false], // a month: capitalised
    ['وقعت في ٣٠ ', 'It took place on 30 May 1941.', false],
    ['في عام 2014 ', 'In 2014 the government fell.', false], // a function word after the number
    ['سيتم تقديم 500 ', 'Those of age will be offered a sum by the state.', false], // no such number
    ['سيتم تقديم 500 ', 'They paid 400 euros.', false], // another number
    ['قال ', 'He paid 500 euros.', false], // no number before the name
    ['في عام 1839 ', 'In 1839, eastern China rebelled.', false], // a year, then a clause
    ['في عام 1839، ', 'In 1839 rebels rose.', false], // punctuation after the Arabic number
  ];
  for (const [before, en, want] of table) assert.equal(countedUnit(before, en), want, `${before}|${en}`);
});

test('followedByDefinite: one space and a definite word', () => {
  assert.equal(followedByDefinite(' البرونزي القديم'), true);
  assert.equal(followedByDefinite(' للجنة'), true);
  assert.equal(followedByDefinite(' ما بعد الكلاسيكي'), false);
  assert.equal(followedByDefinite('. البرونزي'), false);
  assert.equal(followedByDefinite(' الذي بني'), false);
  assert.equal(followedByDefinite(''), false);
});

test('property: adjectiveUse needs a definite nisba and a definite word before it; an indefinite noun in construct never makes one', () => {
  const WORDS = ['البحر', 'للبحر', 'منطقة', 'مياه', 'الذي', 'و', '😀', '٢٠٢٠', 'قال', 'الحكومة', 'بِالبَحْرِ'];
  const NAMES = ['الكاريبي', 'الكاريبية', 'القاهرة', 'مقدونيا', 'العثمانيّة', 'إدلب'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }), fc.constantFrom(...NAMES), (words, name) => {
      const before = words.length ? words.join(' ') + ' ' : '';
      if (adjectiveUse(before, name)) assert.ok(isDefiniteNisba(name));
      assert.equal(adjectiveUse(before + 'منطقة ', name), false);
      assert.equal(adjectiveUse(before + 'مياه ', name), false);
    }),
  );
});

// ranking: each signal holds back the occurrence it reads (and only that one)
const lexicon = parseLexicon(['البحر\tsea', 'الحرب\twar|warfare', 'الأفيون\topium', 'العصر\tera|juice'].join('\n'));

/** The report's Arabic suggestions after tagging the `nth` occurrence of `name` with `type`. */
function ranked(ar: string[], en: string[], name: string, type = 'LOC', nth = 0, extra: Array<[string, number]> = []) {
  const { text, annotations } = makeReport(ar, en);
  let a = annotations;
  for (const [n, k] of [[name, nth] as [string, number], ...extra]) {
    const s = cpIndexOf(text, n, k);
    const sentence = a.segments.find((g) => g.start <= s && s < g.end)!.id;
    a = addMention(a, { side: 'ar', sentence, start: s, end: s + cpLength(n), type }).annotations;
  }
  const out = propagateReport(a, text, { lexicon }).filter((x) => x.side === 'ar');
  for (const x of out) assert.equal(cpSlice(text, x.start, x.end).normalize('NFC').length > 0, true);
  return out.map((x) => [x.sentence, cpSlice(text, x.start, x.end), x.confidence, x.reasons.join(',')]);
}

test('a nisba after a definite word is held back as an adjective (البحر الكاريبي), not after a noun in construct', () => {
  assert.deepEqual(
    ranked(['زار الأوروبيون منطقة الكاريبي.', 'عبروا البحر الكاريبي شمالاً.', 'أبحر إلى مياه الكاريبي.'], ['Europeans visited the Caribbean region.', 'They crossed the Caribbean Sea northward.', 'He sailed into Caribbean waters.'], 'الكاريبي'),
    [['s2', 'الكاريبي', 'low', 'adjective'], ['s3', 'الكاريبي', 'high', '']],
  );
  // a person's name is never an adjective (a surname after a title)
  assert.deepEqual(ranked(['قال الزهراوي.', 'أعلن الطبيب الزهراوي ذلك.'], ['Zahrawi said.', 'The physician Zahrawi announced it.'], 'الزهراوي', 'PER'), [['s2', 'الزهراوي', 'high', '']]);
  // tagged in that very construction: the user reads it as the name there
  assert.deepEqual(
    ranked(['عبروا البحر الكاريبي شمالاً.', 'أبحروا في البحر الكاريبي.'], ['They crossed the Caribbean northward.', 'They sailed the Caribbean.'], 'الكاريبي'),
    [['s2', 'الكاريبي', 'high', '']],
  );
});

test('the accusative tanween the name lacks holds back (جيشاً مقدونياً "a Macedonian army")', () => {
  assert.deepEqual(
    ranked(['زار فيليب مقدونيا.', 'جمع جيشاً مقدونياً كبيراً.', 'عاد إلى مقدونيا.'], ['Philip visited Macedonia.', 'He gathered a large Macedonian army.', 'He returned to Macedonia.'], 'مقدونيا'),
    [['s2', 'مقدونياً', 'low', 'inflected'], ['s3', 'مقدونيا', 'high', '']],
  );
});

test('a name counted by a number the English writes in lower case is a unit (500 يورو ↔ 500 euros); a month is not', () => {
  assert.deepEqual(
    ranked(['يكلف الديزل 1,335 يورو لليتر.', 'ستوفر الخطة 42 مليون يورو.', 'سيقدم ٥٠٠ يورو لكل شاب.', 'قال يورو إنه سيأتي.'], ['Diesel costs 1,335 euros per litre.', 'The Paris plan will free up 42 million euros.', 'Each young person in Rome gets 500 euros.', 'Yuro said he would come.'], 'يورو', 'MISC'),
    [['s2', 'يورو', 'low', 'unit'], ['s3', 'يورو', 'low', 'unit'], ['s4', 'يورو', 'high', '']],
  );
  assert.deepEqual(
    ranked(['وقعت المعركة في 30 أيار.', 'انتهت في ٢١ أيار.'], ['The battle took place on 30 May.', 'It ended on 21 May.'], 'أيار', 'MISC'),
    [['s2', 'أيار', 'high', '']],
  );
});

test('two occurrences in a row are each read with their own English gloss, in order', () => {
  // the row has War capitalised (World War I) and warfare in lower case: the first الحرب is the word
  assert.deepEqual(
    ranked(['في الحرب الميسينية الثانية.', 'تغيرت الحرب البرية منذ الحرب العالمية الأولى.'], ['In the Second Messenian War.', 'Land warfare changed since World War I.'], 'الحرب'),
    [['s2', 'الحرب', 'low', 'common-noun'], ['s2', 'الحرب', 'high', '']],
  );
  // a longer tagged name holding the word (حرب الأفيون ↔ Opium War) accounts for the capitalised gloss
  assert.deepEqual(
    ranked(['اندلعت حرب الأفيون الثانية.', 'خاضت الصين حرب الأفيون الأولى قبل منع تجارة الأفيون.'], ['The Second Opium War broke out.', 'China fought the First Opium War before banning the trade of opium.'], 'الأفيون', 'MISC', 0, [['حرب الأفيون', 1]]),
    [['s2', 'الأفيون', 'low', 'common-noun']],
  );
});

test('tagged in a row whose English has the gloss in lower case: another lower-case "sea" is held back, "Sea" is not', () => {
  // the tagged البحر is the Mediterranean; "the sea" is the second one (one tag of a dictionary
  // word does not make every "the sea" a name)
  assert.deepEqual(
    ranked(['توزعت حول سواحل البحر المتوسط, وتأثرت بقربها من البحر.', 'عبروا البحر الأحمر.'], ['They lived around the Mediterranean shores, influenced by their proximity to the sea.', 'They crossed the Red Sea.'], 'البحر'),
    [['s1', 'البحر', 'low', 'common-noun'], ['s2', 'البحر', 'high', '']],
  );
});

test('a common word whose English form in the row is used up by the mention tagged beside it is not lifted', () => {
  assert.deepEqual(
    ranked(['قال عدنان أمين, أمين عام الوكالة.', 'وأضاف أمين أن الطاقة مهمة.'], ['Adnan Amin, Secretary General of the agency, said so.', 'Amin added that energy matters.'], 'أمين', 'PER'),
    [['s1', 'أمين', 'low', 'english-missing,common-word'], ['s2', 'أمين', 'high', '']],
  );
});

test('a dictionary word tagged only as the head of a definite phrase is held back where nothing definite follows', () => {
  assert.deepEqual(
    ranked(['بني في العصر البرونزي.', 'خلال العصر ما بعد الكلاسيكي تغير النظام.', 'في العصر الحديدي ازدهرت.'], ['It was built in the Bronze Age.', 'During the Post-Classic period the system changed.', 'In the Iron Age it flourished.'], 'العصر', 'MISC'),
    [['s2', 'العصر', 'low', 'head-only'], ['s3', 'العصر', 'high', '']],
  );
});
