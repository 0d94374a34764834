// Issue 15, defect 6 with the word list: a name that is also a dictionary word (البحر "sea") is
// held back where the row's English reads it as the word, kept where it writes it as a name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLexicon } from '../../../shared/align/lexical.ts';
import { renderingIn, wordEvidence, wordSense } from '../../../shared/entities/common-noun.ts';
import { propagateReport, type PropagateOptions } from '../../../shared/entities/propagate-report.ts';
import { addMention } from '../../../shared/entities/mentions.ts';
import { cpLength, cpSlice } from '../../../shared/text/offsets.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';

// a few lines in the shape of assets/lexicon/ar-en.tsv (headword, glosses in lower case)
const lexicon = parseLexicon(['البحر\tsea', 'الصين\tchina', 'البندقية\trifle|gun', 'الأبيض\twhite', 'البيت\thouse|home', 'الحرب\twar|warfare', 'بنك\tbank'].join('\n'));

test('wordSense: glosses of a headword, less the article; transliterated glosses; several words', () => {
  assert.deepEqual(wordSense(lexicon, 'البحر'), { glosses: ['sea'], transliterated: false, multiword: false });
  assert.equal(wordSense(lexicon, 'الصين')?.transliterated, true); // the dictionary lists the name itself
  assert.equal(wordSense(lexicon, 'البنك')?.transliterated, true); // a loanword sounds like its gloss
  assert.equal(wordSense(lexicon, 'البِحَارُ'), null); // not a headword
  assert.equal(wordSense(lexicon, 'إدلب'), null);
  assert.deepEqual(wordSense(lexicon, 'البيت الأبيض')?.multiword, true);
  // harakat and tatweel do not hide the headword
  assert.deepEqual(wordSense(lexicon, 'البَحْـر')?.glosses, ['sea']);
});

test('renderingIn counts a gloss as a name inside a sentence, as a first word, or as a word', () => {
  const table: Array<[string, { name: number; initial: number; word: number }]> = [
    ['They crossed the Caribbean Sea.', { name: 1, initial: 0, word: 0 }],
    ['The sea was calm; seas rose.', { name: 0, initial: 0, word: 2 }],
    ['Sea levels rose. Sea trade grew.', { name: 0, initial: 2, word: 0 }],
    ['Nothing here.', { name: 0, initial: 0, word: 0 }],
  ];
  for (const [en, want] of table) assert.deepEqual(renderingIn(en, ['sea']), want, en);
});

test('wordEvidence: the policy, case by case', () => {
  const sea = wordSense(lexicon, 'البحر')!;
  const china = wordSense(lexicon, 'الصين')!;
  const r = (name: number, initial: number, word: number) => ({ name, initial, word });
  const table: Array<[string, ReturnType<typeof wordSense>, ReturnType<typeof r>, ReturnType<typeof r> | null, 'name' | 'word' | null]> = [
    ['capitalised gloss', sea, r(1, 0, 0), null, 'name'],
    ['lower-case gloss, tagged elsewhere', sea, r(0, 0, 1), null, 'word'],
    ['no gloss, tagged elsewhere', sea, r(0, 0, 0), null, 'word'],
    ['no gloss, the name transliterated', china, r(0, 0, 0), null, null],
    ['lower-case gloss, the name transliterated', china, r(0, 0, 1), null, 'word'],
    ['tagged as Sea, row without it', sea, r(0, 0, 0), r(1, 0, 0), 'word'],
    ['tagged as Sea, a first word Sea', sea, r(0, 1, 0), r(1, 0, 0), 'name'],
    // session 5: both rows' English read it as the word: the user confirms this one (it was null)
    ['tagged where English says "sea", row says "sea"', sea, r(0, 0, 1), r(0, 0, 1), 'word'],
    ['tagged where English says "sea", row has no gloss', sea, r(0, 0, 0), r(0, 0, 1), null],
    ['tagged where English has no gloss (Venice)', sea, r(0, 0, 0), r(0, 0, 0), null],
    ['tagged where English has no gloss, row has it in lower case', sea, r(0, 0, 1), r(0, 0, 0), 'word'],
    ['a first word only, tagged elsewhere', sea, r(0, 1, 0), null, null],
    ['several words are never held back', wordSense(lexicon, 'البيت الأبيض'), r(0, 0, 1), null, null],
  ];
  for (const [what, sense, row, tagged, want] of table) assert.equal(wordEvidence(sense!, row, tagged), want, what);
});

/** A report with `name` tagged at its first occurrence (in row 1) and the rest proposed. */
function propose(ar: string[], en: string[], name: string, opts: PropagateOptions = {}, tag = true) {
  const { text, annotations } = makeReport(ar, en);
  const s = cpIndexOf(text, name);
  const a = tag ? addMention(annotations, { side: 'ar', sentence: 's1', start: s, end: s + cpLength(name), type: 'LOC' }).annotations : annotations;
  const sug = propagateReport(a, text, { lexicon, ...opts }).filter((x) => x.side === 'ar');
  return sug.map((x) => [x.sentence, x.confidence, x.reasons.join(',')]);
}

test('a name that is also a lexicon word is held back unless the English capitalises it', () => {
  // tagged where the English writes "Red Sea": a row with "the sea" is the word, "Dead Sea" the name
  assert.deepEqual(
    propose(['عبر البحر الأحمر.', 'كان البحر هادئاً.', 'زار البحر الميت.', 'البحر المتوسط دافئ.'], ['Across the Red Sea.', 'The sea near Oman was calm.', 'He visited the Dead Sea.', 'Mediterranean Sea waters are warm.'], 'البحر'),
    [['s2', 'low', 'common-noun'], ['s3', 'high', ''], ['s4', 'high', '']],
  );
  // a seed from another report (no row here): lower-case or missing gloss → held back
  const seeds = [{ side: 'ar' as const, text: 'البحر', type: 'LOC', entity: null }];
  assert.deepEqual(
    propose(['كان البحر هادئاً.', 'عبر البحر الكاريبي.', 'وصل البحر أمس.'], ['The sea near Oman was calm.', 'Across the Caribbean Sea.', 'He reached Malta yesterday.'], 'البحر', { seeds }, false),
    [['s1', 'low', 'common-noun'], ['s2', 'high', ''], ['s3', 'low', 'common-noun']],
  );
  // the dictionary lists the name itself (الصين ↔ china): a row without the gloss proves nothing
  assert.deepEqual(
    propose(['زار الصين.', 'صنع في الصين.', 'أطباق الصين.'], ['He visited China.', 'Made in the PRC.', 'Plates of fine china from Delft.'], 'الصين'),
    [['s2', 'low', 'common-noun'], ['s3', 'low', 'common-noun']],
  );
  // ...the same name tagged where English has no gloss at all: then only a lower-case gloss holds back
  assert.deepEqual(
    propose(['زار الصين.', 'صنع في الصين.', 'أطباق الصين.'], ['He visited the PRC.', 'Made in the PRC.', 'Plates of fine china from Delft.'], 'الصين'),
    [['s2', 'high', ''], ['s3', 'low', 'common-noun']],
  );
  // a name rendered otherwise (البندقية ↔ Venice, not "rifle")
  assert.deepEqual(
    propose(['زار البندقية.', 'عاش في البندقية.', 'حمل البندقية.'], ['He visited Venice.', 'He lived in Venice.', 'He carried the rifle to Rome.'], 'البندقية'),
    [['s2', 'high', ''], ['s3', 'low', 'common-noun']],
  );
  // tagged where the English says "war": one tag does not make every "the war" a name — a row
  // whose English also says "the war" is held back, a row without the gloss is not
  assert.deepEqual(propose(['بعد الحرب.', 'طوال الحرب.'], ['After the war ended, Paris.', 'Throughout the war, Paris.'], 'الحرب'), [['s2', 'low', 'common-noun']]);
  assert.deepEqual(propose(['بعد الحرب.', 'طوال الحرب.'], ['After the war ended, Paris.', 'Throughout it, Paris.'], 'الحرب'), [['s2', 'high', '']]);
});

test('a glossary name is never held back as a word; its rendering in the row is evidence', () => {
  const ar = ['عبر البحر الأحمر.', 'كان البحر هادئاً.', 'وصل البحر أمس.'];
  const en = ['Across the Red Sea.', 'The sea near Oman was calm.', 'He reached the Sea of Galilee.'];
  assert.deepEqual(propose(ar, en, 'البحر', { glossary: [{ ar: 'البحر', en: 'Sea' }] }), [['s2', 'high', ''], ['s3', 'high', '']]);
  // without the glossary the same rows: the lower-case one is held back
  assert.deepEqual(propose(ar, en, 'البحر'), [['s2', 'low', 'common-noun'], ['s3', 'high', '']]);
  // a glossary name of the common-word list is high where its rendering is in the row
  assert.deepEqual(
    propose(['قال البيت الأبيض.', 'أعلن البيت الأبيض.', 'رسم البيت الأبيض.'], ['The White House said.', 'Washington announced it.', 'He painted a white house in Paris.'], 'البيت الأبيض', { glossary: [{ ar: 'البيت الأبيض', en: 'Washington' }] }),
    [['s2', 'high', ''], ['s3', 'low', 'common-word']],
  );
});

test('a multi-word name: its glosses capitalised are English evidence (البيت الأبيض ↔ the White House)', () => {
  assert.deepEqual(
    propose(['قال البيت الأبيض.', 'أعلن البيت الأبيض.', 'رسم البيت الأبيض.'], ['The White House said.', 'Then the White House announced it.', 'He painted a white house, Paris.'], 'البيت الأبيض'),
    [['s2', 'high', ''], ['s3', 'low', 'common-word']],
  );
  // without the word list the translated name has no English evidence: the common-word list holds it back
  const { text, annotations } = makeReport(['قال البيت الأبيض.', 'أعلن البيت الأبيض.'], ['The White House said.', 'Then the White House announced it.']);
  const s = cpIndexOf(text, 'البيت الأبيض');
  const a = addMention(annotations, { side: 'ar', sentence: 's1', start: s, end: s + 12, type: 'ORG' }).annotations;
  assert.deepEqual(propagateReport(a, text).map((x) => [x.sentence, x.confidence]), [['s2', 'low']]);
});

test('property: the word list changes confidence only, never which spans are proposed', () => {
  const NAMES = ['البحر', 'الصين', 'البندقية', 'إدلب', 'الحرب', 'البيت الأبيض'];
  const EN = ['the sea', 'the Red Sea', 'China', 'fine china', 'Venice', 'a rifle', 'Idlib', 'the war', 'World War', 'the White House'];
  const FILLER = ['قال', 'في', 'على', 'وزير', '،', '😀', '٢٠٢٠', 'ثم'];
  const ar = fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...FILLER), fc.constantFrom(...NAMES).map((n) => 'و' + n)), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
  const en = fc.array(fc.constantFrom(...EN, 'He', 'said', 'and'), { minLength: 1, maxLength: 5 }).map((w) => w.join(' ') + '.');
  fc.assert(
    fc.property(fc.array(fc.tuple(ar, en), { minLength: 1, maxLength: 5 }), fc.constantFrom(...NAMES), (rows, name) => {
      const { text, annotations } = makeReport(rows.map((r) => r[0]), rows.map((r) => r[1]));
      const at = text.indexOf(name);
      fc.pre(at >= 0 && (at === 0 || /\s/.test(text[at - 1])) && !/[\p{L}\p{M}]/u.test(text[at + name.length] ?? ' '));
      const s = cpLength(text.slice(0, at));
      const seg = annotations.segments.find((g) => g.start <= s && s < g.end)!;
      const a = addMention(annotations, { side: 'ar', sentence: seg.id, start: s, end: s + cpLength(name), type: 'LOC' }).annotations;
      const span = (x: { start: number; end: number; text: string }) => `${x.start}:${x.end}:${x.text}`;
      const without = propagateReport(a, text);
      const withLexicon = propagateReport(a, text, { lexicon });
      assert.deepEqual(withLexicon.map(span), without.map(span));
      for (const x of withLexicon) {
        assert.equal(cpSlice(text, x.start, x.end), x.text);
        assert.equal(x.confidence, x.reasons.length ? 'low' : 'high');
      }
    }),
    { numRuns: 150 },
  );
});
