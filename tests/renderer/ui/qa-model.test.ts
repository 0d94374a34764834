// What the QA panel and report dialog show: groups in the checks' order, one-line messages in
// English and Arabic (plurals, Arabic-Indic digits), counts per check and per report, and the
// settings' disabled list written only when used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../shared/i18n/resources.ts';
import { formatNumber } from '../../../shared/i18n/numbers.ts';
import { checkName, disabledChecks, findingMessage, folderCounts, groupByCheck, withQaDisabled, type ShownFinding } from '../../../renderer/ui/qa-model.ts';
import { checkRow } from '../../../shared/qa/index.ts';
import type { ProjectSettings } from '../../../shared/model/types.ts';

async function i18n(lng: 'en' | 'ar') {
  const inst = i18next.createInstance();
  await inst.init({ lng, resources: { ar: { translation: resources.ar }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
  inst.services.formatter!.add('number', (v: unknown, l: string | undefined) => (typeof v === 'number' ? formatNumber(v, l ?? lng) : String(v)));
  return inst;
}

const f = (check: string, row: number, severity: ShownFinding['severity'] = 'warning', extra: Partial<ShownFinding> = {}): ShownFinding =>
  ({ check, severity, unit: `u${row + 1}`, row, messageKey: 'untranslated', params: {}, ...extra });

test('groups follow the checks order, rows ascending, the most serious severity per group', () => {
  const groups = groupByCheck([f('spacing', 4), f('number-mismatch', 7, 'error'), f('spacing', 1, 'info'), f('number-mismatch', 2, 'warning'), f('made-up', 0)]);
  assert.deepEqual(groups.map((g) => g.check), ['number-mismatch', 'spacing', 'made-up']);
  assert.deepEqual(groups[0].findings.map((x) => x.row), [2, 7]);
  assert.equal(groups[0].severity, 'error');
  assert.equal(groups[1].severity, 'warning');
  assert.deepEqual(groupByCheck([]), []);
});

test('messages from a real finding on an Arabic row, in English and in Arabic with Arabic-Indic digits', async () => {
  // the Arabic says ٦٧ (Arabic-Indic digits, harakat around), the English 76
  const [finding] = checkRow({ unit: 'u3', row: 2, ar: 'قُتِلَ ٦٧ شخصاً في إدلبَ.', en: '76 people were killed in Idlib.', mentions: [] }, {})
    .filter((x) => x.check === 'number-mismatch');
  assert.ok(finding, 'the checks flag 67 → 76');
  const en = await i18n('en');
  const msg = findingMessage(en.t.bind(en) as TFunction, finding);
  assert.match(msg, /67|٦٧/);
  assert.doesNotMatch(msg, /qa\.msg/);
  const ar = await i18n('ar');
  const tAr = ar.t.bind(ar) as TFunction;
  assert.match(findingMessage(tAr, finding), /[\u0600-\u06FF]/);
  assert.equal(checkName(tAr, 'number-mismatch'), resources.ar.qa && (resources.ar.qa as Record<string, Record<string, string>>).check['number-mismatch']);
  // an unknown key falls back to the host's English message
  assert.equal(findingMessage(tAr, { ...finding, messageKey: 'nope', message: 'English text' }), 'English text');
  // counts: Arabic plural forms and digits
  assert.equal(tAr('qaPanel.count', { count: 1 }), 'ملاحظة واحدة');
  assert.equal(tAr('qaPanel.count', { count: 2 }), 'ملاحظتان');
  assert.equal(tAr('qaPanel.count', { count: 3 }), '٣ ملاحظات');
  assert.equal(tAr('qaPanel.count', { count: 11 }), '١١ ملاحظة');
  assert.equal(tAr('qaPanel.row', { row: 12 }), 'الصف ١٢');
  assert.equal(en.t('qaPanel.count', { count: 1 }), '1 finding');
  assert.equal(en.t('qaPanel.gate.errorsReport', { count: 2 }), '2 QA errors are open in this report.');
});

test('folder counts per check (checks order) and per report (most findings first), errors apart', () => {
  const row = (file: string, check: string, severity: ShownFinding['severity']) => ({ file, path: `/w/${file}`, check, severity });
  const c = folderCounts([row('b.txt', 'spacing', 'warning'), row('a.txt', 'number-mismatch', 'error'), row('b.txt', 'number-mismatch', 'error'), row('b.txt', 'length', 'info')]);
  assert.deepEqual(c.byCheck, [{ check: 'number-mismatch', count: 2, errors: 2 }, { check: 'spacing', count: 1, errors: 0 }, { check: 'length', count: 1, errors: 0 }]);
  assert.deepEqual(c.byReport.map((r) => [r.file, r.count, r.errors]), [['b.txt', 3, 1], ['a.txt', 1, 1]]);
  assert.equal(c.errors, 2);
});

test('settings: disabled checks read safely, written in the checks order, no qa key when none is off', () => {
  const base: ProjectSettings = { format: 'muwazi-project', version: '1.0', tagSet: [], segmentation: { abbreviations: {} } };
  assert.deepEqual(disabledChecks(base), []);
  assert.deepEqual(disabledChecks({ ...base, qa: { disabled: ['length', 'bogus', 'spacing'] } }), ['length', 'spacing']);
  assert.deepEqual(disabledChecks(null), []);
  const off = withQaDisabled(base, ['spacing', 'number-mismatch']);
  assert.deepEqual(off.qa, { disabled: ['number-mismatch', 'spacing'] });
  const on = withQaDisabled(off, []);
  assert.equal('qa' in on, false);
});
