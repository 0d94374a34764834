// The agreement dialog's table (pure part): one row per report and the overall one, Arabic-Indic
// digits in the Arabic UI, a dash where a figure is undefined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { agreementRows } from '../../../renderer/ui/agreement-dialog.ts';
import { agreementCounts, figures } from '../../../shared/team/agree.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';
import en from '../../../shared/i18n/en.json' with { type: 'json' };
import ar from '../../../shared/i18n/ar.json' with { type: 'json' };

test('rows per report and overall, in both UI languages', async () => {
  const a = annotate(TEXT);
  const b = structuredClone(a);
  b.mentions = b.mentions.slice(1);
  const f = figures(agreementCounts(a, b, TEXT));
  const report = { reports: [{ name: 'تقرير.txt', figures: f }], overall: { ...f, status: { ...f.status, kappa: null } }, skipped: [] };
  for (const [lang, res, overall, digits] of [['en', en, 'All reports', /^0\.96$/], ['ar', ar, 'كل التقارير', /^٠٫٩٦$/]] as const) {
    const t = await i18next.createInstance().init({ lng: lang, resources: { [lang]: { translation: res } } });
    const rows = agreementRows(report, t, lang);
    assert.deepEqual(rows.map((r) => r[0]), ['تقرير.txt', overall]);
    assert.match(rows[0][1], digits); // entity F1: 2·11/23
    assert.equal(rows[1].length, 5);
  }
});
