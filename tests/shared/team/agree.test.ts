import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addCounts, agreementCounts, figures, kappa, NO_COUNTS, type Confusion } from '../../../shared/team/agree.ts';
import type { Annotations, RowStatus } from '../../../shared/model/types.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';
import { TEXT, annotate, cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';

const close = (x: number | null, y: number) => assert.ok(x !== null && Math.abs(x - y) < 1e-9, `${x} ≈ ${y}`);

// Ten Arabic words, one token each. By hand:
//   A: PER PER O O LOC O   O O ORG O     (محمد علي = PER, دمشق = LOC, شركة = ORG)
//   B: PER O   O O LOC LOC O O ORG O     (محمد = PER, دمشق = LOC, حلب = LOC, شركة = ORG)
// po = 8/10; A's labels PER 2, O 6, LOC 1, ORG 1; B's PER 1, O 6, LOC 2, ORG 1;
// pe = (2·1 + 6·6 + 1·2 + 1·1) / 100 = 0.41; κ = (0.8 − 0.41) / 0.59 = 0.6610…
// PER or not: po = 9/10, pe = (2·1 + 8·9)/100 = 0.74, κ = 0.16 / 0.26 = 0.6153…
// Exact spans: A has 3 mentions, B 4, two the same (دمشق LOC, شركة ORG): F1 = 2·2 / 7.
const LINE = 'محمد علي ذهب إلى دمشق حلب ثم عاد شركة أمس';

function tagged(spans: [string, string][]): Annotations {
  const { annotations: a } = makeReport([LINE]);
  spans.forEach(([words, type], i) => {
    const start = cpIndexOf(LINE, words);
    const end = start + [...words].length;
    a.entities.push({ id: 'e' + (i + 1), type });
    a.mentions.push({ id: 'm' + (i + 1), side: 'ar', sentence: 's1', start, end, text: cpSlice(LINE, start, end), type, entity: 'e' + (i + 1) });
  });
  return a;
}

test('entity agreement against hand-computed figures: exact-span F1, token kappa, per type', () => {
  const a = tagged([['محمد علي', 'PER'], ['دمشق', 'LOC'], ['شركة', 'ORG']]);
  const b = tagged([['محمد', 'PER'], ['دمشق', 'LOC'], ['حلب', 'LOC'], ['شركة', 'ORG']]);
  const f = figures(agreementCounts(a, b, LINE));
  close(f.entities.f1, 4 / 7);
  close(f.entities.kappa, 0.39 / 0.59);
  assert.equal(f.entities.tokens, 10);
  assert.deepEqual(f.entities.mentions, [3, 4]);
  close(f.entities.byType.PER.kappa, 0.16 / 0.26);
  close(f.entities.byType.PER.f1, 0);
  close(f.entities.byType.LOC.f1, 2 / 3);
  close(f.entities.byType.ORG.f1, 1);
  close(f.entities.byType.ORG.kappa, 1);
  // symmetric
  const g = figures(agreementCounts(b, a, LINE));
  assert.deepEqual([g.entities.f1, g.entities.kappa], [f.entities.f1, f.entities.kappa]);
});

test('kappa: the textbook table, and undefined when chance agreement is already 1', () => {
  // 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15 → po 0.7, pe 0.5·0.6 + 0.5·0.4 = 0.5, κ 0.4
  const t: Confusion = { 'Y\tY': 20, 'Y\tN': 5, 'N\tY': 10, 'N\tN': 15 };
  close(kappa(t), 0.4);
  assert.equal(kappa({ 'O\tO': 12 }), null);
  assert.equal(kappa({}), null);
});

test('row status agreement and kappa over rows with the same Arabic', () => {
  const lines = ['السطر الأول.', 'السطر الثاني.', 'السطر الثالث.', 'السطر الرابع.'];
  const en = ['One.', 'Two.', 'Three.', 'Four.'];
  const copy = (statuses: RowStatus[]) => {
    const { annotations } = makeReport(lines, en);
    annotations.units.forEach((u, i) => { u.status = statuses[i]; });
    return annotations;
  };
  const a = copy(['translated', 'translated', 'reviewed', 'draft']);
  const b = copy(['translated', 'reviewed', 'reviewed', 'draft']);
  const f = figures(agreementCounts(a, b, lines.join('\n')));
  // po 3/4; A: translated 2, reviewed 1, draft 1; B: translated 1, reviewed 2, draft 1; pe = 5/16
  close(f.status.agreement, 0.75);
  close(f.status.kappa, (0.75 - 5 / 16) / (1 - 5 / 16));
  assert.equal(f.status.rows, 4);
  close(f.alignment.linkF1, 1);
  // one row's English aligned differently: 3 of 4 links shared
  b.units[3].target = [];
  b.units[2].target.push('t4');
  close(figures(agreementCounts(a, b, lines.join('\n'))).alignment.linkF1, 6 / 8);
});

test('identical copies agree fully; counts of several reports add up (micro average)', () => {
  const a = annotate(TEXT);
  const f = figures(agreementCounts(a, structuredClone(a), TEXT));
  assert.deepEqual([f.entities.f1, f.entities.kappa, f.entityLinks.f1, f.alignment.linkF1, f.status.agreement], [1, 1, 1, 1, 1]);
  fc.assert(fc.property(fc.array(fc.nat(12), { maxLength: 6 }), (drop) => {
    const b = structuredClone(a);
    b.mentions = b.mentions.filter((_, i) => !drop.includes(i));
    const one = agreementCounts(a, b, TEXT);
    const sum = addCounts(addCounts(NO_COUNTS, one), one);
    const f1 = figures(one);
    const f2 = figures(sum);
    assert.equal(f2.entities.tokens, 2 * f1.entities.tokens);
    // the same ratio twice is the same ratio
    assert.ok(Math.abs((f2.entities.f1 ?? 0) - (f1.entities.f1 ?? 0)) < 1e-12);
    assert.ok((f1.entities.f1 ?? 1) <= 1 && (f1.entities.f1 ?? 0) >= 0);
  }));
});
