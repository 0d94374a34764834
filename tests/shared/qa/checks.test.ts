import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEntities } from '../../../shared/qa/entities.ts';
import { checkLength } from '../../../shared/qa/length.ts';
import { checkPunctuation } from '../../../shared/qa/punctuation.ts';
import { checkSpacing } from '../../../shared/qa/spacing.ts';
import { checkSourceCopied, checkUntranslated } from '../../../shared/qa/untranslated.ts';
import type { QaFinding, QaRow } from '../../../shared/qa/types.ts';

const row = (ar: string, en: string, mentions: QaRow['mentions'] = []): QaRow => ({ unit: 'u3', row: 2, ar, en, mentions });
const brief = (fs: QaFinding[]) => fs.map((f) => `${f.severity} ${f.messageKey}${Object.keys(f.params).length ? ' ' + JSON.stringify(f.params) : ''}`);

test('untranslated: Arabic without English (warning); nothing for a translated or an English-only row', () => {
  assert.deepEqual(brief(checkUntranslated(row('وصل الوفد إلى إدلب.', ''))), ['warning untranslated']);
  assert.deepEqual(brief(checkUntranslated(row('وصل الوفد إلى إدلب.', '   '))), ['warning untranslated']);
  assert.deepEqual(checkUntranslated(row('وصل الوفد.', 'The delegation arrived.')), []);
  assert.deepEqual(checkUntranslated(row('', 'A caption.')), []);
});

test('source-copied: the Arabic copied into the English (error), Arabic script left in it (warning)', () => {
  assert.deepEqual(brief(checkSourceCopied(row('وصل الوفد إلى إدلب.', 'وصل الوفد  إلى إدلب.'))), ['error sameAsSource']);
  assert.deepEqual(brief(checkSourceCopied(row('وصل الوفد إلى إدلب.', 'The delegation reached إدلب.'))), ['warning arabicInEnglish {"text":"إدلب"}']);
  // harakat inside the left-over word stay with it
  assert.deepEqual(brief(checkSourceCopied(row('قالَ المتحدثُ', 'The spokesman قالَ'))), ['warning arabicInEnglish {"text":"قالَ"}']);
  // a row without Arabic letters (a number, a Latin caption) may be identical
  assert.deepEqual(checkSourceCopied(row('BBC News ٢٠٢٠', 'BBC News ٢٠٢٠')), []);
  assert.deepEqual(checkSourceCopied(row('وصل الوفد.', 'The delegation arrived.')), []);
});

test('punctuation: brackets, quotes, questions, leftovers — judged against the Arabic', () => {
  const p = (ar: string, en: string) => brief(checkPunctuation(row(ar, en)));
  assert.deepEqual(p('قال (في بيان) إن', 'He said (in a statement that'), ['warning unbalancedBracket {"char":"("}']);
  assert.deepEqual(p('قال (في بيان) إن', 'He said in a statement) that'), ['warning unbalancedBracket {"char":")"}']);
  assert.deepEqual(p('قال [في بيان] إن', 'He said [in a statement) that'), ['warning unbalancedBracket {"char":")"}']);
  assert.deepEqual(p('قال (في بيان) إن', 'He said (in a statement) that'), []);
  // the Arabic itself is unbalanced (a quotation spanning paragraphs): not the translation's fault
  assert.deepEqual(p('قال: «سنعود', 'He said: “We will return'), []);
  assert.deepEqual(p('قال: «سنعود»', 'He said: “We will return'), ['warning unbalancedQuote']);
  assert.deepEqual(p('قال: "سنعود"', 'He said: "We will return"'), []);
  assert.deepEqual(p('هل ستعود؟', 'Will you return?'), []);
  assert.deepEqual(p('هل ستعود؟', 'He asked whether she would return.'), ['info questionLost']);
  assert.deepEqual(p('وصل الوفد، ثم غادر.', 'The delegation arrived,. then left.'), ['warning artefact {"text":",."}']);
  assert.deepEqual(p('وصل الوفد.', 'The delegation arrived.,'), ['warning artefact {"text":".,"}']);
  assert.deepEqual(p('وصل الوفد', 'It arrived in the U.S., then left, etc., and so on...'), []);
  assert.deepEqual(p('وصل الوفد', 'Police in Baton Rouge, La., said "O.K., fine"'), []);
  assert.deepEqual(p('الأمر يتعلق بالفريق، وأنا سعيد', "It's about the team., and I'm happy"), ['warning artefact {"text":".,"}']);
  // an Arabic without quotation marks says nothing about the English's
  assert.deepEqual(p('تلك مأساة حقيقية.', 'This is already a tragedy."'), []);
  assert.deepEqual(p('وصل الوفد، ثم غادر', 'The delegation arrived، then left'), ['warning arabicPunctuation {"char":"،"}']);
});

test('spacing: double, leading/trailing, before punctuation (info); ellipses and decimals are fine', () => {
  const s = (en: string) => brief(checkSpacing(row('وصل الوفد إلى إدلب يوم ٣ آذار.', en)));
  assert.deepEqual(s('The delegation  arrived  in Idlib.'), ['info doubleSpace {"count":2}']);
  assert.deepEqual(s(' The delegation arrived.'), ['info edgeSpace']);
  assert.deepEqual(s('The delegation arrived .'), ['info spaceBeforePunct {"char":"."}']);
  assert.deepEqual(s('It arrived , they said'), ['info spaceBeforePunct {"char":","}']);
  assert.deepEqual(s('It arrived ... they said, with .5 percent'), []);
  assert.deepEqual(s(''), []);
});

test('length: far too short or too long (warning), short Arabic not judged', () => {
  const ar = 'قالت وزارة الصحة إن عدد الإصابات المؤكدة ارتفع إلى ثلاثة آلاف حالة في المحافظات الشمالية خلال الأسبوع الماضي.';
  assert.deepEqual(checkLength(row(ar, 'The health ministry said confirmed cases rose to three thousand in the northern provinces last week.')), []);
  assert.deepEqual(brief(checkLength(row(ar, 'The ministry spoke.'))).map((x) => x.split(' ')[1]), ['tooShort']);
  assert.deepEqual(brief(checkLength(row(ar, 'x'.repeat(400)))).map((x) => x.split(' ')[1]), ['tooLong']);
  assert.deepEqual(checkLength(row('نعم.', 'Yes, that is absolutely correct, he said.')), []);
});

test('entity-missing: a linked name whose rendering left the English (warning)', () => {
  const m = [{ text: 'إدلب', type: 'LOC', renderings: ['Idlib'] }];
  assert.deepEqual(checkEntities(row('وصل الوفد إلى إدلب.', 'The delegation reached Idlib.', m), {}), []);
  assert.deepEqual(checkEntities(row('وصل الوفد إلى إدلب.', "The delegation reached IDLIB's centre.", m), {}), []);
  assert.deepEqual(brief(checkEntities(row('وصل الوفد إلى إدلب.', 'The delegation reached the city.', m), {})), ['warning entityMissing {"name":"إدلب","en":"Idlib"}']);
  // an entity without English is not checked
  assert.deepEqual(checkEntities(row('وصل الوفد إلى إدلب.', 'The delegation reached the city.', [{ text: 'إدلب', type: 'LOC', renderings: [] }]), {}), []);
});

test('entity-missing: glossary terms in the Arabic (clitics allowed) need their rendering (info)', () => {
  const glossary = [
    { ar: 'إدلب', en: 'Idlib', type: 'LOC', count: 3 },
    { ar: 'الأمم المتحدة', en: 'United Nations', type: 'ORG', count: 2 },
    { ar: 'الأمم المتحدة', en: 'UN', type: 'ORG', count: 1 },
  ];
  const g = (ar: string, en: string) => brief(checkEntities(row(ar, en), { glossary }));
  assert.deepEqual(g('غادر الوفد بإدلب صباحا.', 'The delegation left the city in the morning.'), ['info glossaryMissing {"name":"إدلب","en":"Idlib"}']);
  assert.deepEqual(g('غادر الوفد بإدلب صباحا.', 'The delegation left Idlib in the morning.'), []);
  assert.deepEqual(g('قالت الأمم المتحدة', 'The UN said'), []);
  assert.deepEqual(g('قالت الأمم المتحدة', 'The organisation said'), ['info glossaryMissing {"name":"الأمم المتحدة","en":"United Nations / UN"}']);
  // a term the row tags itself is reported once, by the mention rule
  const m = [{ text: 'إدلب', type: 'LOC', renderings: ['Idlib'] }];
  assert.deepEqual(brief(checkEntities(row('وصل إلى إدلب', 'He arrived there', m), { glossary })), ['warning entityMissing {"name":"إدلب","en":"Idlib"}']);
});
