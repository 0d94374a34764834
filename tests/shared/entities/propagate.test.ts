import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OccurrenceIndex, findOccurrences, proposeMentions, sideOf } from '../../../shared/entities/propagate.ts';
import { addMention } from '../../../shared/entities/mentions.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';

const texts = (t: string) => [{ key: 'k', text: t }];
const found = (t: string, surface: string) => findOccurrences(texts(t), surface).map((o) => o.text);

test('clitic variants, punctuation and diacritics: إدلب finds بإدلب، لإدلب، وإدلب، إدلب، and إِدْلِبُ', () => {
  const t = 'قصف بإدلب ثم لإدلب وإدلب، وبإدلب فإدلب «إدلب» إِدْلِبُ ادلب.';
  const occ = findOccurrences(texts(t), 'إدلب');
  assert.deepEqual(occ.map((o) => o.text), ['إدلب', 'إدلب', 'إدلب', 'إدلب', 'إدلب', 'إدلب', 'إِدْلِبُ', 'ادلب']);
  // offsets are code points and slice the original text (clitics excluded, marks included)
  for (const o of occ) assert.equal(cpSlice(t, o.start, o.end), o.text);
  assert.equal(occ[0].start, cpIndexOf(t, 'بإدلب') + 1);
});

test('never inside another word: إدلبي, ادلبستان, مإدلب and three-letter "prefixes" are refused', () => {
  assert.deepEqual(found('إدلبي ادلبستان مإدلب كتبإدلب', 'إدلب'), []);
  // only real proclitic sequences: وب is fine, بو is not
  assert.deepEqual(found('وبإدلب بوإدلب', 'إدلب'), ['إدلب']);
  // English: whole words, case folded, possessive ok
  assert.deepEqual(found("Idlib, IDLIB, Idlib's, Idlibi, the-Idlib", 'Idlib'), ['Idlib', 'IDLIB', 'Idlib', 'Idlib']);
  // clitics: false
  assert.deepEqual(findOccurrences(texts('بإدلب إدلب'), 'إدلب', { clitics: false }).map((o) => o.start), [6]);
});

test('the article after the preposition ل: الأمم المتحدة finds للأمم المتحدة and وللأمم المتحدة', () => {
  const t = 'رسالة للأمم المتحدة وللأمم المتحدة ووللأمم المتحدة والأمم المتحدة الأمم المتحدةِ';
  const occ = findOccurrences(texts(t), 'الأمم المتحدة');
  // ووللأمم has three letters before the name: not a proclitic sequence
  assert.deepEqual(occ.map((o) => o.text), ['لأمم المتحدة', 'لأمم المتحدة', 'الأمم المتحدة', 'الأمم المتحدةِ']);
  // a bare لأمم (no preposition) is not the article variant
  assert.deepEqual(found('لأمم المتحدة', 'الأمم المتحدة'), []);
});

test('Arabic-Indic and Latin digits, tatweel, hamza forms and spacing compare equal', () => {
  assert.deepEqual(found('عام ٢٠٢٠ و2020 و۲۰۲۰', '2020'), ['٢٠٢٠', '2020', '۲۰۲۰']);
  assert.deepEqual(found('طريق إم 5 وطريق إم ٥', 'إم 5'), ['إم 5', 'إم ٥']);
  assert.deepEqual(found('حزب  الله وحـزب الله', 'حزب الله'), ['حزب  الله', 'حـزب الله']);
  assert.deepEqual(found('أنقرة انقرة بأنقرة', 'أنقرة'), ['أنقرة', 'انقرة', 'أنقرة']);
  // one-way variants: a bare alef after a clitic is not taken for a lost hamza (ك + ان is كان)
  assert.deepEqual(found('وانقرة', 'أنقرة'), []);
  assert.deepEqual(found('كان الآن أن إن', 'آن'), []);
  assert.deepEqual(found('آن وان', 'آن'), ['آن']);
  assert.deepEqual(found('على علي مصطفي', 'علي'), ['علي']);
  assert.deepEqual(found('مصطفى مصطفي', 'مصطفى'), ['مصطفى', 'مصطفي']);
  assert.deepEqual(found('ادلب إدلب أدلب', 'ادلب'), ['ادلب', 'إدلب', 'أدلب']);
  assert.deepEqual(found('حماة وحماه', 'حماة'), ['حماة', 'حماه']);
});

test('emoji and mixed scripts: offsets stay code points', () => {
  const t = '🇸🇾 قصف 😀بإدلب و Idlib 👍 إدلب';
  const occ = findOccurrences(texts(t), 'إدلب');
  assert.equal(occ.length, 2);
  for (const o of occ) assert.equal(cpSlice(t, o.start, o.end), 'إدلب');
  assert.equal(occ[1].start, cpIndexOf(t, 'إدلب', 1));
});

test('an index searches many texts; keys come back', () => {
  const idx = new OccurrenceIndex([
    { key: 'a.txt', text: 'معارك في إدلب' },
    { key: 'b.txt', text: 'لا شيء هنا' },
    { key: 'c.txt', text: 'وصل إلى سراقب بريف إدلب' },
  ]);
  assert.equal(idx.size, 3);
  assert.deepEqual(idx.find('إدلب').map((o) => o.key), ['a.txt', 'c.txt']);
  assert.deepEqual(idx.find('ريف').map((o) => o.key), ['c.txt']);
  assert.deepEqual(idx.find('  '), []);
});

test('proposeMentions: suggestions in a report, excluding existing mentions and cross-segment spans', () => {
  const { text, annotations } = makeReport(
    ['قصف النظام بإدلب أمس.', 'وأكد المرصد مقتل 67 في ريف إدلب.', 'لا ذكر هنا'],
    ['The regime shelled Idlib yesterday.', 'The Observatory reported 67 killed in the Idlib countryside.'],
  );
  const s = cpIndexOf(text, 'إدلب');
  const { annotations: a, mention } = addMention(annotations, { side: 'ar', sentence: 's1', start: s, end: s + 4, type: 'LOC' });
  const sug = proposeMentions(a, text, 'إدلب', 'LOC', mention.entity);
  assert.deepEqual(sug.map((x) => [x.side, x.sentence, x.text, x.entity]), [['ar', 's2', 'إدلب', mention.entity]]);
  assert.equal(cpSlice(text, sug[0].start, sug[0].end), 'إدلب');
  const en = proposeMentions(a, text, 'Idlib', 'LOC', mention.entity);
  assert.deepEqual(en.map((x) => [x.side, x.sentence, x.start, x.end]), [['en', 't1', 19, 24], ['en', 't2', 42, 47]]);
  assert.equal(sideOf('Idlib'), 'en');
  assert.equal(sideOf('M5 إدلب'), 'ar');
});

test('property: every occurrence slices to a string that folds to the surface, clitics outside the span', () => {
  const word = fc.constantFrom('إدلب', 'بإدلب', 'لإدلب', 'وإدلب', 'إِدْلِبُ', 'إدلبي', 'دمشق', '😀', '٢٠٢٠', 'Idlib', '،', '«إدلب»');
  fc.assert(
    fc.property(fc.array(word, { maxLength: 12 }), (words) => {
      const t = words.join(' ');
      const occ = findOccurrences(texts(t), 'إدلب');
      for (const o of occ) {
        assert.equal(cpSlice(t, o.start, o.end), o.text);
        assert.equal(o.text.replace(/[\u064b-\u065f]/g, ''), 'إدلب');
      }
      const expected = words.filter((w) => ['إدلب', 'بإدلب', 'لإدلب', 'وإدلب', 'إِدْلِبُ', '«إدلب»'].includes(w)).length;
      assert.equal(occ.length, expected);
    }),
    { numRuns: 300 },
  );
});
