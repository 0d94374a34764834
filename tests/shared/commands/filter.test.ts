// The palette's filter: by English name, Arabic name (folded: harakat, hamza forms) or id,
// whatever the UI language; every word of the query must match; prefix matches first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filterCommands } from '../../../shared/commands/filter.ts';

const items = [
  { id: 'splitRow', names: ['Split Row at Sentence', 'تقسيم الصف عند الجملة'] },
  { id: 'mergeRowPrevious', names: ['Merge Row Up', 'دمج الصف مع السابق'] },
  { id: 'mergeRowNext', names: ['Merge Row Down', 'دمج الصف مع التالي'] },
  { id: 'tagAll', names: ['Tag All Occurrences', 'وسم كل المواضع'] },
  { id: 'accept', names: ['Accept Suggestion', 'قبول الاقتراح'] },
  { id: 'emoji', names: ['Party 🎉 Mode', 'وضع الاحتفال 🎉'] },
];
const ids = (q: string) => filterCommands(items, q).map((i) => i.id);

test('Arabic names match whatever the UI language, with or without harakat and hamza forms', () => {
  assert.deepEqual(ids('دمج'), ['mergeRowPrevious', 'mergeRowNext']);
  assert.deepEqual(ids('دَمْج الصف مع التالي'), ['mergeRowNext']);
  assert.deepEqual(ids('الاقتراح'), ['accept']);
  assert.deepEqual(ids('الإقتراح'), ['accept']);
  assert.deepEqual(ids('🎉'), ['emoji']);
});

test('English names and ids match case-insensitively; every word must match', () => {
  assert.deepEqual(ids('merge down'), ['mergeRowNext']);
  assert.deepEqual(ids('MERGEROWNEXT'), ['mergeRowNext']);
  assert.deepEqual(ids('row'), ['splitRow', 'mergeRowPrevious', 'mergeRowNext']);
  assert.deepEqual(ids('merge sentence'), []);
  // a name starting with the query ranks first
  assert.deepEqual(ids('t'), ['tagAll', 'splitRow', 'mergeRowNext', 'accept', 'emoji']);
});

test('properties: an empty query keeps all in order; results are a subset; each matches', () => {
  assert.deepEqual(ids(''), items.map((i) => i.id));
  assert.deepEqual(ids('   '), items.map((i) => i.id));
  fc.assert(fc.property(fc.string({ maxLength: 6 }), fc.constantFrom('', 'ا', 'ص', 'e', 'ــ'), (q, extra) => {
    const out = filterCommands(items, q + extra);
    assert.ok(out.every((o) => items.includes(o)));
    assert.equal(new Set(out).size, out.length);
    // adding a word never widens the result
    const narrower = filterCommands(items, `${q + extra} زز`);
    assert.ok(narrower.every((o) => out.includes(o)));
  }));
});
