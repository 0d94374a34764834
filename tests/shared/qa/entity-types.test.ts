// entity-type-conflict: one name tagged with two types, in a report and across a project; clitic
// forms count as the name only when the rest is itself tagged (evidence), never merely because the
// first letter could be a clitic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import i18next from 'i18next';
import { resources } from '../../../shared/i18n/resources.ts';
import { checkEntityTypes, checkProject, checkReport, qaMessage, QA_CHECKS, type QaRow } from '../../../shared/qa/index.ts';
import { addMention } from '../../../shared/entities/mentions.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';

type M = [text: string, type: string];
const row = (i: number, ar: string, mentions: M[], qaIgnore?: string[]): QaRow =>
  ({ unit: `u${i + 1}`, row: i, ar, en: 'English.', mentions: mentions.map(([text, type]) => ({ text, type, renderings: [] })), ...(qaIgnore ? { qaIgnore } : {}) });

/** Findings as "row name type/others". */
const show = (rows: QaRow[]) => checkEntityTypes(rows, {}).map((f) => `${f.row} ${f.params.name} ${f.params.type}/${f.params.others}`);

test('entity-type-conflict: a table of Arabic cases', () => {
  const cases: Array<[string, QaRow[], string[]]> = [
    ['two types, two rows', [row(0, 'قصف إدلب.', [['إدلب', 'LOC']]), row(1, 'قال إدلب.', [['إدلب', 'PER']])], ['0 إدلب LOC/PER', '1 إدلب PER/LOC']],
    ['one type: nothing', [row(0, 'قصف إدلب.', [['إدلب', 'LOC']]), row(1, 'ثم إدلب.', [['إدلب', 'LOC']])], []],
    // harakat and a hamza-less spelling are the same name
    ['folded spellings', [row(0, 'إِدْلِبُ', [['إِدْلِبُ', 'LOC']]), row(1, 'ادلب', [['ادلب', 'ORG']])], ['0 إِدْلِبُ LOC/ORG', '1 ادلب ORG/LOC']],
    // tagged with its clitic (exact tagging): بإدلب and وللاذقية are إدلب and اللاذقية because those are tagged
    ['clitic forms of the same name', [
      row(0, 'وصل بإدلب.', [['بإدلب', 'PER']]), row(1, 'قصف إدلب.', [['إدلب', 'LOC']]),
      row(2, 'في اللاذقية.', [['اللاذقية', 'LOC']]), row(3, 'وللاذقية.', [['وللاذقية', 'ORG']]),
      row(4, 'الأمم المتحدة', [['الأمم المتحدة', 'ORG']]), row(5, 'للأمم المتحدة', [['للأمم المتحدة', 'LOC']]),
    ], ['0 بإدلب PER/LOC', '1 إدلب LOC/PER', '2 اللاذقية LOC/ORG', '3 وللاذقية ORG/LOC', '4 الأمم المتحدة ORG/LOC', '5 للأمم المتحدة LOC/ORG']],
    // بغداد is a known name, never ب + غداد even when غداد is tagged; بحلب is ب + حلب only because حلب is tagged
    ['a name starting with a clitic letter is never cut', [row(0, 'بغداد', [['بغداد', 'LOC']]), row(1, 'غداد', [['غداد', 'PER']])], []],
    ['no evidence, no stripping', [row(0, 'بحلب', [['بحلب', 'LOC']]), row(1, 'كحلب', [['كحلب', 'PER']])], []],
    ['three types, one row with two', [row(0, 'حزب الله وحزب الله', [['حزب الله', 'ORG'], ['حزب الله', 'MISC']]), row(1, 'حزب الله', [['حزب الله', 'PER']])],
      ['0 حزب الله ORG/MISC, PER', '1 حزب الله PER/MISC, ORG']],
    ['ignored on a row', [row(0, 'إدلب', [['إدلب', 'LOC']], ['entity-type-conflict']), row(1, 'إدلب', [['إدلب', 'PER']])], ['1 إدلب PER/LOC']],
  ];
  for (const [name, rows, want] of cases) assert.deepEqual(show(rows), want, name);
  assert.deepEqual(checkEntityTypes([row(0, 'إدلب', [['إدلب', 'LOC']]), row(1, 'إدلب', [['إدلب', 'PER']])], { disabled: ['entity-type-conflict'] }), []);
  assert.ok(QA_CHECKS.includes('entity-type-conflict'));
});

test('entity-type-conflict within a report and across a project (checkReport / checkProject), messages in both languages', async () => {
  const a = makeReport(['قصف إدلب 😀 اليوم.', 'وصل بإدلب.'], ['Idlib was shelled today.', 'He reached Idlib.'], 'a.txt');
  const s = cpIndexOf(a.text, 'إدلب');
  let ann = addMention(a.annotations, { side: 'ar', sentence: 's1', start: s, end: s + 4, type: 'LOC' }).annotations;
  const b = makeReport(['قال إدلب.'], ['Idlib said.'], 'b.txt');
  const at = cpIndexOf(b.text, 'إدلب');
  const bAnn = addMention(b.annotations, { side: 'ar', sentence: 's1', start: at, end: at + 4, type: 'PER' }).annotations;
  // within a: one type, nothing; across the project: a conflict in both reports
  assert.deepEqual(checkReport(ann, {}).filter((f) => f.check === 'entity-type-conflict'), []);
  const project = checkProject([{ file: 'a.txt', annotations: ann }, { file: 'b.txt', annotations: bAnn }], {}).filter((f) => f.check === 'entity-type-conflict');
  assert.deepEqual(project.map((f) => `${f.file} ${f.row} ${f.params.type}/${f.params.others}`), ['a.txt 0 LOC/PER', 'b.txt 0 PER/LOC']);
  // within a: بإدلب tagged exactly as PER in row 2 → both rows of a
  const w = cpIndexOf(a.text, 'بإدلب');
  ann = addMention(ann, { side: 'ar', sentence: 's2', start: w, end: w + 5, type: 'PER' }).annotations;
  const within = checkReport(ann, {}).filter((f) => f.check === 'entity-type-conflict');
  assert.deepEqual(within.map((f) => `${f.row} ${f.params.name}`), ['0 إدلب', '1 بإدلب']);
  const inst = i18next.createInstance();
  await inst.init({ lng: 'ar', resources: { ar: { translation: resources.ar }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
  const t = (lng: string) => (key: string, params: Record<string, unknown>) => inst.t(key, { ...params, lng }) as string;
  assert.equal(qaMessage(within[0], t('en')), '“إدلب” is tagged LOC here but PER elsewhere: give one name one type.');
  assert.equal(qaMessage(within[0], t('ar')), '«إدلب» موسوم هنا بالنوع LOC وفي موضع آخر بالنوع PER: للاسم الواحد نوع واحد.');
  assert.equal(inst.t('qa.check.entity-type-conflict'), 'تعارض أنواع الأسماء');
});

test('property: a finding exactly for the rows of a name tagged with more than one type', () => {
  const names = ['إدلب', 'حلب', 'حزب الله', 'دمشق'];
  const types = ['PER', 'LOC', 'ORG'];
  fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), { maxLength: 12 }), (picks) => {
    const rows = picks.map(([n, t], i) => row(i, names[n], [[names[n], types[t]]]));
    const typesOf = new Map<string, Set<string>>();
    for (const [n, t] of picks) typesOf.set(names[n], (typesOf.get(names[n]) ?? new Set()).add(types[t]));
    const want = picks.map(([n], i) => (typesOf.get(names[n])!.size > 1 ? i : -1)).filter((i) => i >= 0);
    assert.deepEqual(checkEntityTypes(rows, {}).map((f) => f.row), want);
  }));
});
