import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectRows, DedupeSet } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import type { ExportOptions } from '../../../shared/contract/host.ts';
import { normalizeForMatch } from '../../../shared/text/normalize.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

const report = buildAnnotatedReport();
const rows = (options: ExportOptions, r = report, dedupe = new DedupeSet()) => {
  const stats = new ExportStats();
  const list = [...selectRows(r, { options, stats, dedupe, normalizeArabic: (t) => normalizeForMatch(t) })];
  return { list, skipped: Object.fromEntries(stats.skippedList.map((s) => [s.reason, s.count])), stats };
};

test('rows join n-m sentences with a space and carry link type, status and ids', () => {
  const { list, skipped } = rows({});
  const a = report.annotations;
  assert.equal(list[0].link, '2-1');
  assert.equal(list[0].ar, `${a.segments[0].text} ${a.segments[1].text}`);
  assert.equal(list[0].status, 'reviewed');
  assert.equal(list[1].link, '1-2');
  assert.equal(list[1].en, `${a.targets[1].text} ${a.targets[2].text}`);
  assert.equal(list[0].id, `${report.name}#u1`);
  // u3 is untranslated (1-0) and the last unit has no Arabic (0-1)
  assert.deepEqual(skipped, { untranslated: 1, 'no-source': 1 });
  assert.equal(list.length, a.units.length - 2);
});

test('segment texts come from the source by code points (emoji, harakat, bidi controls)', () => {
  const { list } = rows({});
  const emoji = list.find((r) => r.ar.includes('🙂'))!;
  assert.equal(emoji.ar, 'وصل الوفد إلى إدلب 🙂 يوم ٣ آذار ٢٠٢٠.');
  assert.ok(list.some((r) => r.ar === 'قالَ المتحدثُ إنَّ الوضعَ في حلبَ صعبٌ.'));
  assert.ok(list.some((r) => r.ar === '\u202Bأعلنت شركة Google\u202C عن خطة جديدة في دمشق.'));
});

test('keepUntranslated keeps the 1-0 row with empty English', () => {
  const { list, skipped } = rows({ keepUntranslated: true });
  const u3 = list.find((r) => r.unit === 'u3')!;
  assert.equal(u3.en, '');
  assert.equal(u3.link, '1-0');
  assert.deepEqual(skipped, { 'no-source': 1 });
});

test('minStatus keeps rows at or above the floor', () => {
  for (const [floor, allowed] of [
    ['draft', ['draft', 'translated', 'reviewed']],
    ['translated', ['translated', 'reviewed']],
    ['reviewed', ['reviewed']],
  ] as const) {
    const { list, skipped } = rows({ minStatus: floor });
    assert.ok(list.length > 0);
    assert.ok(list.every((r) => (allowed as readonly string[]).includes(r.status)), floor);
    assert.ok(skipped['below-min-status'] > 0);
  }
});

test('onlyOneToOne drops 2-1, 1-2 and 1-0 rows (each counted once, under the first filter it fails)', () => {
  const { list, skipped } = rows({ onlyOneToOne: true });
  assert.ok(list.every((r) => r.link === '1-1'));
  assert.equal(skipped['not-one-to-one'], 3);
  assert.equal(skipped.untranslated, undefined);
});

test('dedupe drops repeated (ar, en) pairs across reports sharing the set', () => {
  const set = new DedupeSet();
  const first = rows({ dedupe: true }, report, set);
  const again = rows({ dedupe: true }, buildAnnotatedReport({ name: 'copy' }), set);
  assert.equal(again.list.length, 0);
  assert.equal(again.skipped.duplicate, first.list.length);
  const other = rows({ dedupe: true }, buildAnnotatedReport({ name: 'other', enPrefix: 'X ' }), set);
  assert.equal(other.list.length, first.list.length);
});

test('normalizeArabic folds harakat and digits in the Arabic only', () => {
  const { list } = rows({ normalizeArabic: true });
  assert.ok(list.some((r) => r.ar === 'قال المتحدث ان الوضع في حلب صعب.'), list.map((r) => r.ar).join('\n'));
  assert.ok(list.some((r) => r.ar.includes('يوم 3 اذار 2020')));
  assert.ok(list.some((r) => r.en.includes('🙂\u200F')));
});

test('a unit pointing at a missing segment is skipped with a warning naming the row', () => {
  const r = buildAnnotatedReport();
  r.annotations.units[4] = { ...r.annotations.units[4], source: ['s999'] };
  const { skipped, stats } = rows({}, r);
  assert.equal(skipped['broken-reference'], 1);
  assert.match(stats.warnings[0], /row 5 \(u5\).*s999/);
});
