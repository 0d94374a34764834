import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TranslationMemory, type TmUnitInput } from '../../../shared/tm/memory.ts';

const unit = (ar: string, en: string, file: string, row: number, kind: 'report' | 'tmx' = 'report'): TmUnitInput => ({ ar, en, origin: { kind, file, row }, unit: `u${row + 1}` });

function sample(): TranslationMemory {
  const m = new TranslationMemory();
  m.setGroup('/p/a.txt', [
    unit('قالت الحكومةُ إن ٣ أشخاص قتلوا في حلب.', 'The government said 3 people were killed in Aleppo.', 'a.txt', 0),
    unit('وصل الوفد إلى دمشق صباح اليوم.', 'The delegation arrived in Damascus this morning.', 'a.txt', 1),
  ]);
  m.setGroup('/p/tm/x.tmx', [
    unit('قالت الحكومة إن ٣ أشخاص قتلوا في حلب.', 'Government: 3 killed in Aleppo.', 'tm/x.tmx', 0, 'tmx'),
    unit('قالت الحكومة إن ٣ أشخاص قتلوا في حلب.', 'Government: 3 killed in Aleppo.', 'tm/x.tmx', 1, 'tmx'),
  ]);
  return m;
}

test('lookup: best first, report rows before TMX units at equal score, duplicates once, placeables and diff filled in', () => {
  const m = sample();
  const hits = m.lookup('وقالت الحكومة إن ٥ أشخاص قتلوا في حلب');
  assert.deepEqual(hits.map((h) => [h.origin.file, h.origin.row]), [['a.txt', 0], ['tm/x.tmx', 0]], 'the second identical TMX unit is not repeated');
  assert.equal(hits[0].enPlaced, 'The government said 5 people were killed in Aleppo.');
  assert.deepEqual(hits[0].numbers, [{ query: '٥', match: '٣' }]);
  assert.equal(hits[0].diff.filter((p) => p.op !== 'ins').map((p) => p.text).join(''), hits[0].ar);
  assert.ok(hits[0].score > 0.9 && hits[0].score < 1);
  assert.deepEqual(m.lookup('وصل الوفد', { min: 0.9 }), []);
  assert.equal(m.lookup('وصل الوفد', { min: 0.2 })[0].origin.row, 1);
  assert.equal(m.lookup('قالت الحكومة إن ٥ أشخاص قتلوا في حلب', { limit: 1 }).length, 1);
  // the English side, with exclude
  const en = m.lookup('the delegation arrived in damascus this morning', { lang: 'en' });
  assert.equal(en[0].ar, 'وصل الوفد إلى دمشق صباح اليوم.');
  assert.equal(en[0].enPlaced, null);
  assert.deepEqual(m.lookup('وصل الوفد إلى دمشق صباح اليوم.', { exclude: (u, g) => g === '/p/a.txt' && u.unit === 'u2' }), []);
});

test('exact: score 1 only, first by origin, the asking report left out', () => {
  const m = sample();
  assert.equal(m.exact('قالت الحكومةُ إن ٣ أشخاص قتلوا في حلب.')?.origin.file, 'a.txt');
  assert.equal(m.exact('قالت الحكومه ان 3 اشخاص قتلوا في حلب.', (_u, g) => g === '/p/a.txt')?.origin.file, 'tm/x.tmx');
  assert.equal(m.exact('قالت الحكومة إن ٣ أشخاص قتلوا في حلب'), null, 'the final full stop is missing: not exact');
});

// ---- properties: the index against brute force, and updates against a fresh build -------------

const words = ['قال', 'قالت', 'الحكومة', 'والحكومة', 'الحكومه', 'إن', 'ان', 'في', 'على', 'حلب', 'دمشق', 'الوفد', 'وصل', '٣', '5', '12', 'اليوم', '.'];
const sentence = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
const group = fc.array(sentence, { minLength: 0, maxLength: 6 });
const memoryArb = fc.array(group, { minLength: 1, maxLength: 8 });

function build(groups: string[][], order: number[] = groups.map((_, i) => i)): TranslationMemory {
  const m = new TranslationMemory();
  for (const g of order) m.setGroup(`/p/r${g}.txt`, groups[g].map((ar, row) => unit(ar, `en ${g}.${row}`, `r${g}.txt`, row)));
  return m;
}

test('property: lookup finds the same best score as scoring every unit (brute force)', () => {
  fc.assert(
    fc.property(memoryArb, sentence, fc.constantFrom(0, 0.3, 0.5, 0.8), (groups, q, min) => {
      const m = build(groups);
      const fast = m.lookup(q, { min, limit: 50 });
      const slow = m.bruteForce(q, { min, limit: 50 });
      assert.equal(fast[0]?.score ?? -1, slow[0]?.score ?? -1);
      // small memories: every candidate is scored, so the whole answer agrees
      assert.deepEqual(fast, slow);
    }),
    { numRuns: 300 },
  );
});

test('property: replacing and removing groups answers exactly as a fresh build of the result', () => {
  fc.assert(
    fc.property(memoryArb, memoryArb, fc.array(fc.nat(), { maxLength: 6 }), sentence, (first, second, removals, q) => {
      // incremental: build `first`, then replace each group by its version in `second`, then remove some
      const m = build(first);
      const final = first.map((g, i) => second[i] ?? g);
      final.forEach((g, i) => m.setGroup(`/p/r${i}.txt`, g.map((ar, row) => unit(ar, `en ${i}.${row}`, `r${i}.txt`, row))));
      const removed = new Set(removals.map((r) => r % final.length));
      for (const r of removed) m.removeGroup(`/p/r${r}.txt`);
      const kept = final.map((g, i) => (removed.has(i) ? [] : g));
      const fresh = build(kept, [...kept.keys()].reverse());
      assert.equal(m.size, fresh.size);
      for (const min of [0, 0.5]) assert.deepEqual(m.lookup(q, { min, limit: 50 }), fresh.lookup(q, { min, limit: 50 }));
      assert.deepEqual(m.lookup(q, { lang: 'en', min: 0 }), fresh.lookup(q, { lang: 'en', min: 0 }));
    }),
    { numRuns: 200 },
  );
});
