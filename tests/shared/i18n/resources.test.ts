import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { checkResources, flatten, interpolationVars, pluralForms, resources, splitPlural, type Messages } from '../../../shared/i18n/resources.ts';
import { formatNumber, numberLocale } from '../../../shared/i18n/numbers.ts';
import { dirOf, pickLanguage, toUiLang } from '../../../shared/i18n/languages.ts';

test('every key exists in both languages, with the same interpolations and all plural forms', () => {
  assert.deepEqual(checkResources(), []);
});

test('the check catches a missing key, a missing Arabic plural form, a renamed variable and an unformatted count', () => {
  const en: Messages = { a: { b: 'Hi {{name}}', n_one: '{{count, number}} row', n_other: '{{count, number}} rows' } };
  const ar: Messages = { a: { n_one: 'صف', n_other: '{{count, number}} صف', n_two: 'صفان', n_few: '{{count}} صفوف', n_many: 'x', n_zero: 'y' } };
  const problems = checkResources({ en, ar });
  assert.ok(problems.some((p) => p === 'ar: missing a.b'), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('{{count}} without')), problems.join('\n'));
  const ar2: Messages = { a: { b: 'مرحبا {{who}}', n_one: 'صف', n_other: '{{count, number}} صف' } };
  const p2 = checkResources({ en, ar: ar2 });
  assert.ok(p2.some((p) => p.includes('a.b uses {who}')), p2.join('\n'));
  for (const f of ['zero', 'two', 'few', 'many']) assert.ok(p2.includes(`ar: a.n lacks the plural form _${f}`), f);
});

test('the menu labels the Electron menu builder reads are all there', () => {
  const keys = ['file', 'openFolder', 'openSample', 'save', 'importTranslation', 'importMemory', 'export', 'quit', 'edit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'view', 'language', 'english', 'arabic', 'help', 'about'];
  for (const lang of ['en', 'ar'] as const) {
    const flat = flatten(resources[lang]);
    for (const k of keys) assert.ok(flat.get(`menu.${k}`), `${lang} menu.${k}`);
  }
  assert.equal(flatten(resources.ar).get('menu.file'), 'ملف');
});

test('helpers: plural key split, interpolation names, plural categories', () => {
  assert.deepEqual(splitPlural('sidebar.rows_few'), { base: 'sidebar.rows', form: 'few' });
  assert.deepEqual(splitPlural('status.saved'), { base: 'status.saved', form: null });
  assert.deepEqual(interpolationVars('{{translated, number}} of {{ count, number }} — {{name}}'), ['count', 'name', 'translated']);
  assert.deepEqual(pluralForms('ar'), ['zero', 'one', 'two', 'few', 'many', 'other']);
  assert.deepEqual(pluralForms('en'), ['one', 'other']);
});

test('Arabic plurals pick all six forms and numbers are Arabic-Indic in the Arabic UI', async () => {
  const inst = i18next.createInstance();
  await inst.init({ lng: 'ar', resources: { ar: { translation: resources.ar }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
  inst.services.formatter!.add('number', (v: unknown, l: string | undefined) => formatNumber(v as number, l ?? 'ar'));
  const rows = (count: number) => inst.t('status.rows', { count });
  assert.equal(rows(0), 'لا صفوف');
  assert.equal(rows(1), 'صف واحد');
  assert.equal(rows(2), 'صفّان');
  assert.equal(rows(3), '٣ صفوف');
  assert.equal(rows(11), '١١ صفًّا');
  assert.equal(rows(100), '١٠٠ صف');
  assert.equal(rows(1234), '١٬٢٣٤ صفًّا'); // 1234 % 100 = 34 → many
  assert.equal(inst.t('sidebar.rows', { count: 19, translated: 1 }), '١ من ١٩ صفًّا فيها إنجليزية');
  await inst.changeLanguage('en');
  assert.equal(inst.t('status.rows', { count: 1 }), '1 row');
  assert.equal(inst.t('status.rows', { count: 1234 }), '1,234 rows');
});

test('number formatting is chosen on purpose per UI language', () => {
  assert.equal(numberLocale('ar'), 'ar-u-nu-arab');
  assert.equal(numberLocale('ar-MA'), 'ar-u-nu-arab');
  assert.equal(numberLocale('en-GB'), 'en-u-nu-latn');
  assert.equal(formatNumber(1234.5, 'ar'), '١٬٢٣٤٫٥');
  assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
  assert.equal(formatNumber(0, 'ar'), '٠');
});

test('the UI language: stored choice, then system, then browser; English otherwise', () => {
  assert.equal(pickLanguage([null, 'ar-EG', 'en-US']), 'ar');
  assert.equal(pickLanguage(['en', 'ar-EG']), 'en');
  assert.equal(pickLanguage(['fr-FR', undefined, 'ar_SA']), 'ar');
  assert.equal(pickLanguage(['de', '']), 'en');
  assert.equal(toUiLang(' AR '), 'ar');
  assert.equal(dirOf('ar'), 'rtl');
  assert.equal(dirOf('en'), 'ltr');
});
