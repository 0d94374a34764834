// The pure parts of the error paths (issue 14 §4) and the edit notes / status tooltip (§2, §3):
// empty-report detection, the damaged file's hash from a failure, dates and counts in both UI
// languages (Arabic-Indic digits, Arabic plural forms), the merge note, the gutter test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../shared/i18n/resources.ts';
import { formatNumber } from '../../../shared/i18n/numbers.ts';
import { damagedHash, formatDate, isEmptyReport } from '../../../renderer/ui/open-errors.ts';
import { editNote } from '../../../renderer/ui/edit-notes.ts';
import { inGutter } from '../../../renderer/ui/row-status-tip.ts';

async function tOf(lng: 'en' | 'ar'): Promise<TFunction> {
  const inst = i18next.createInstance();
  await inst.init({ lng, resources: { ar: { translation: resources.ar }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
  inst.services.formatter!.add('number', (v: unknown, l: string | undefined) => formatNumber(v as number, l ?? lng));
  return inst.t.bind(inst) as TFunction;
}

test('an empty or blank report is empty; any Arabic letter, digit or emoji is not', () => {
  for (const s of ['', ' ', '\n\n\t ', '\u00a0\r\n', '\ufeff ']) assert.equal(isEmptyReport(s), true, JSON.stringify(s));
  for (const s of ['قالَ', ' ١ ', '🚀', 'Apple', '\n\nوانتهى.\n']) assert.equal(isEmptyReport(s), false, s);
});

test('the damaged file\'s hash comes from a corrupt-sidecar failure only', () => {
  assert.equal(damagedHash({ ok: false, code: 'corrupt-sidecar', message: 'x', details: { sidecarHash: 'ab12' } }), 'ab12');
  assert.equal(damagedHash({ ok: false, code: 'corrupt-sidecar', message: 'x' }), null);
  assert.equal(damagedHash({ ok: false, code: 'not-found', message: 'x', details: { sidecarHash: 'ab12' } }), null);
});

test('restore choices name the date and the rows: Latin digits in English, Arabic-Indic and the right plural in Arabic', async () => {
  const en = await tOf('en');
  const ar = await tOf('ar');
  const date = formatDate('2024-06-02T08:30:00.000Z', 'ar');
  assert.match(date, /[٠-٩]/);
  assert.doesNotMatch(date, /[0-9]/);
  assert.match(formatDate('2024-06-02T08:30:00.000Z', 'en'), /2024/);
  assert.equal(formatDate('not a date', 'en'), 'not a date');
  assert.equal(en('recovery.restore_bak', { date: 'D', count: 1 }), 'Restore the backup of D (1 row)');
  assert.equal(en('recovery.restore_journal', { date: 'D', count: 1234 }), 'Restore the unsaved work of D (1,234 rows)');
  assert.equal(ar('recovery.restore_bak', { date: 'D', count: 2 }), 'استعادة النسخة الاحتياطية من D (صفّان)');
  assert.equal(ar('recovery.restore_bak2', { date: 'D', count: 11 }), 'استعادة النسخة الاحتياطية الأقدم من D (١١ صفًّا)');
});

test('a merge that lowered a status is named in words in both languages; other edits say nothing', async () => {
  const en = await tOf('en');
  const ar = await tOf('ar');
  assert.match(editNote(en, { rows: 3, statusLowered: { from: 'reviewed', to: 'draft' } }), /from Reviewed to Draft/);
  assert.match(editNote(ar, { statusLowered: { from: 'reviewed', to: 'auto' } }), /من «مُراجَع» إلى «تلقائي»/);
  assert.equal(editNote(en, { rows: 3 }), '');
});

test('inGutter: only the first `gutter` pixels from the inline start (left in LTR, right in RTL)', () => {
  fc.assert(fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 800 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.integer({ min: -100, max: 1500 }), (left, width, gutter, rtl, x) => {
    const right = left + width;
    const start = rtl ? right - gutter : left;
    const expected = rtl ? x > start && x <= right : x >= start && x < start + gutter;
    return inGutter(x, left, right, rtl, gutter) === expected;
  }));
  assert.equal(inGutter(5, 0, 300, false, 16), true);
  assert.equal(inGutter(5, 0, 300, true, 16), false);
  assert.equal(inGutter(295, 0, 300, true, 16), true);
});
