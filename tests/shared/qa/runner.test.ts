import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import i18next from 'i18next';
import { resources } from '../../../shared/i18n/resources.ts';
import { checkConsistency, checkProject, checkReport, checkRow, qaMessage, qaRowsOf, QA_CHECKS, type QaFinding, type QaRow } from '../../../shared/qa/index.ts';
import { makeReport, annotate, TEXT } from '../../fixtures/annotated-report.ts';

const row = (i: number, ar: string, en: string, qaIgnore?: string[]): QaRow => ({ unit: `u${i + 1}`, row: i, ar, en, mentions: [], ...(qaIgnore ? { qaIgnore } : {}) });

test('qaRowsOf: one row per unit in order, segments and sentences joined, Arabic mentions with their renderings', () => {
  const a = annotate(TEXT);
  const rows = qaRowsOf(a);
  assert.equal(rows.length, a.units.length);
  rows.forEach((r, i) => {
    assert.equal(r.row, i);
    assert.equal(r.unit, a.units[i].id);
    assert.equal(r.ar, a.units[i].source.map((s) => a.segments.find((x) => x.id === s)!.text).join(' '));
  });
  const withMention = rows.find((r) => r.mentions.length > 0)!;
  assert.ok(withMention, 'a row with an Arabic mention');
  for (const m of withMention.mentions) {
    assert.ok(withMention.ar.includes(m.text));
    assert.ok(m.renderings.length > 0 && m.renderings.every((en) => a.mentions.some((x) => x.side === 'en' && x.text === en) || a.entities.some((e) => e.en === en)));
  }
  // a 1-0 row has no English; qaIgnore is carried over
  const r = makeReport(['قتل ٦٧ شخصا.', 'وصل الوفد.'], ['76 people were killed.']);
  r.annotations.units[0].qaIgnore = ['spacing'];
  const rr = qaRowsOf(r.annotations);
  assert.deepEqual(rr.map((x) => [x.ar, x.en, x.qaIgnore]), [['قتل ٦٧ شخصا.', '76 people were killed.', ['spacing']], ['وصل الوفد.', '', undefined]]);
});

test('checkReport: findings sorted by row then check, each filled from its row', () => {
  const { annotations } = makeReport(['قتل ٦٧ شخصا  في (حلب).', 'وصل الوفد.', 'قتل ٦٧ شخصا  في (حلب).'], [' 76 people were killed in (Aleppo.', '', '67 people were killed in Aleppo.']);
  const fs = checkReport(annotations, {});
  assert.deepEqual(fs.map((f) => `${f.row} ${f.check} ${f.messageKey}`), [
    '0 number-mismatch numberDifferent',
    '0 inconsistent-translation inconsistent',
    '0 punctuation unbalancedBracket',
    '0 spacing edgeSpace',
    '1 untranslated untranslated',
    '2 inconsistent-translation inconsistent',
  ].sort((a, b) => Number(a[0]) - Number(b[0]) || QA_CHECKS.indexOf(a.split(' ')[1] as never) - QA_CHECKS.indexOf(b.split(' ')[1] as never)));
  const f0 = fs[0];
  assert.equal(f0.unit, annotations.units[0].id);
  assert.equal(f0.ar, 'قتل ٦٧ شخصا  في (حلب).');
  assert.equal(f0.en, ' 76 people were killed in (Aleppo.');
});

test('checkRow drops the checks a row ignores and the checks the context disables', () => {
  const r = row(0, 'قتل ٦٧ شخصا (في حلب).', ' 76 people were killed (in Aleppo.');
  const all = checkRow(r, {}).map((f) => f.check);
  assert.deepEqual([...new Set(all)], ['number-mismatch', 'punctuation', 'spacing']);
  assert.deepEqual(checkRow({ ...r, qaIgnore: ['number-mismatch'] }, {}).map((f) => f.check), all.filter((c) => c !== 'number-mismatch'));
  assert.deepEqual(checkRow(r, { disabled: ['punctuation', 'spacing'] }).map((f) => f.check), ['number-mismatch']);
});

test('property: qaIgnore removes exactly that check, and findings are stable under re-running', () => {
  const texts = fc.constantFrom(
    ['قتل ٦٧ شخصا (في حلب).', ' 76 people were killed (in Aleppo.'],
    ['هل وصل الوفد؟', 'The delegation arrived  .'],
    ['وصل الوفد إلى إدلب يوم ٣ آذار ٢٠٢٠.', ''],
    ['وصل الوفد إلى إدلب.', 'وصل الوفد إلى إدلب.'],
    ['قالت وزارة الصحة إن عدد الإصابات المؤكدة ارتفع في المحافظات الشمالية.', 'It rose.'],
  );
  fc.assert(
    fc.property(texts, fc.constantFrom(...QA_CHECKS), ([ar, en], id) => {
      const r = row(0, ar, en);
      const before = checkRow(r, {});
      assert.deepEqual(checkRow(r, {}), before, 'same findings when run again');
      const after = checkRow({ ...r, qaIgnore: [id] }, {});
      assert.deepEqual(after, before.filter((f) => f.check !== id));
    }),
  );
});

test('checkConsistency: same Arabic translated two ways (warning); different Arabic with the same English (info)', () => {
  const rows = [
    row(0, 'وصل الوفد إلى إدلب.', 'The delegation arrived in Idlib.'),
    row(1, 'وَصَلَ الوفدُ إلى ادلب', 'the delegation arrived in idlib'), // folded: same Arabic and same English
    row(2, 'وصل الوفد إلى إدلب.', 'The delegation reached Idlib.'),
    row(3, 'قدم الوفد إلى إدلب.', 'The delegation reached Idlib.'),
    row(4, '٢٠٢٠', '2020'), // no letters: not compared
    row(5, '٢٠٢٠', 'In 2020'),
  ];
  const fs = checkConsistency(rows, {});
  const brief = (f: QaFinding) => `${f.row} ${f.severity} ${f.messageKey} ${f.params.count} ${f.params.other}`;
  assert.deepEqual(fs.map(brief), [
    '0 warning inconsistent 2 The delegation reached Idlib.',
    '1 warning inconsistent 2 The delegation reached Idlib.',
    '2 warning inconsistent 2 The delegation arrived in Idlib.',
    '2 info sameEnglish 2 قدم الوفد إلى إدلب.',
    '3 info sameEnglish 2 وصل الوفد إلى إدلب.',
  ]);
  // ignoring on one row drops only that row's finding; disabling drops all
  const ign = checkConsistency(rows.map((r) => (r.row === 2 ? { ...r, qaIgnore: ['inconsistent-translation'] } : r)), {});
  assert.deepEqual(ign.map((f) => f.row), [0, 1, 3]);
  assert.deepEqual(checkConsistency(rows, { disabled: ['inconsistent-translation'] }), []);
});

test('checkProject: consistency across reports, findings sorted by file, row and check', () => {
  const a = makeReport(['وصل الوفد إلى إدلب.', 'قتل ٦٧ شخصا.'], ['The delegation arrived in Idlib.', '76 people were killed.'], 'a.txt').annotations;
  const b = makeReport(['وصل الوفد إلى إدلب.'], ['The delegation reached Idlib.'], 'b.txt').annotations;
  const fs = checkProject([{ file: 'b.txt', annotations: b }, { file: 'a.txt', annotations: a }], {});
  assert.deepEqual(fs.map((f) => `${f.file} ${f.row} ${f.check}`), [
    'a.txt 0 inconsistent-translation',
    'a.txt 1 number-mismatch',
    'b.txt 0 inconsistent-translation',
  ]);
  // within one report there is nothing inconsistent
  assert.deepEqual(checkReport(b, {}), []);
});

test('qaMessage renders every message key in English and Arabic through i18next (plurals included)', async () => {
  const inst = i18next.createInstance();
  await inst.init({ lng: 'ar', resources: { ar: { translation: resources.ar }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
  inst.services.formatter!.add('number', (v: unknown) => String(v));
  const t = (lng: string) => (key: string, params: Record<string, unknown>) => inst.t(key, { ...params, lng }) as string;
  const { annotations } = makeReport(['قتل ٦٧ شخصا  في (حلب)؟', 'وصل الوفد.', 'قتل ٦٧ شخصا  في (حلب)؟', 'وصل الوفد إلى إدلب.'], [' 76 people were killed in (Aleppo،', '', 'وصل', 'The delegation.,']);
  const fs = checkReport(annotations, {});
  assert.ok(fs.length >= 8);
  for (const f of fs) {
    for (const lng of ['en', 'ar']) {
      const m = qaMessage(f, t(lng));
      assert.ok(!m.startsWith('qa.msg') && !m.includes('{{'), `${lng} ${f.messageKey}: ${m}`);
    }
  }
  assert.equal(qaMessage({ messageKey: 'numberDifferent', params: { ar: '٦٧', en: '76' } }, t('en')), 'The Arabic has ٦٧ where the English has 76.');
  assert.equal(qaMessage({ messageKey: 'doubleSpace', params: { count: 2 } }, t('ar')), 'مسافتان مزدوجتان في الإنجليزي.');
  for (const id of QA_CHECKS) assert.ok(inst.exists(`qa.check.${id}`, { lng: 'ar' }) && inst.exists(`qa.check.${id}`, { lng: 'en' }), id);
});
