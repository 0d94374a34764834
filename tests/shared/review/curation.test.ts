// Curation (shared/review/curation.ts): places from both copies' Arabic mentions, agreement, choices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { curatedMentions, curationChoices, curationItems, curationMismatch } from '../../../shared/review/curation.ts';
import type { Mention } from '../../../shared/model/types.ts';
import { fixture, spanOf } from '../../renderer/editor/helpers.ts';

const m = (id: string, part: string, type: string, sentence = 's1'): Mention => ({ id, side: 'ar', sentence, ...spanOf(part), text: part, type, entity: `e${id.slice(1)}` });

test('places: agreement, a type disagreement, one copy only, overlapping spans in one place; rows by my segments', () => {
  const mine = fixture();
  const theirs = fixture();
  mine.mentions = [m('m1', 'Apple', 'ORG'), m('m2', 'الرئيسُ', 'PER'), m('m3', 'دبيّ', 'LOC', 's2')];
  theirs.mentions = [m('m1', 'Apple', 'ORG'), m('m5', 'الرئيسُ', 'MISC'), m('m6', 'شركة Apple', 'ORG'), m('m7', 'المتحدث', 'PER', 's3')];
  assert.equal(curationMismatch(mine, theirs), null);
  const items = curationItems(mine, theirs);
  const by = (text: string) => items.find((i) => [...i.mine, ...i.theirs].some((x) => x.text === text))!;
  assert.equal(by('الرئيسُ').agree, false);
  assert.equal(by('دبيّ').unit, 'u2');
  assert.deepEqual(by('دبيّ').theirs, []);
  assert.equal(by('المتحدث').unit, 'u3');
  // "Apple" (both) and "شركة Apple" (theirs) overlap: one place, not in agreement
  const apple = by('شركة Apple');
  assert.equal(apple.mine.length, 1);
  assert.equal(apple.theirs.length, 2);
  assert.equal(apple.agree, false);
  assert.deepEqual(curationChoices(apple), ['mine', 'theirs', 'neither'], 'overlapping spans cannot both stay');
  assert.deepEqual(curatedMentions(by('الرئيسُ'), 'theirs'), { keep: [], add: [theirs.mentions[1]] });
  theirs.source = { ...theirs.source, sha256: 'b'.repeat(64) };
  assert.equal(curationMismatch(mine, theirs), 'source');
});

test('property: places are disjoint, sorted, and hold every Arabic mention of both copies once', () => {
  const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom('PER', 'LOC')), { maxLength: 12 });
  fc.assert(fc.property(spans, spans, (a, b) => {
    const mk = (xs: [number, number, string][], p: string): Mention[] => xs.map(([s, l, type], i) => ({ id: `m${i + 1}`, side: 'ar', sentence: 's1', start: s, end: s + l, text: p, type, entity: 'e1' }));
    const mine = { ...fixture(), mentions: mk(a, 'x') };
    const theirs = { ...fixture(), mentions: mk(b, 'y') };
    const items = curationItems(mine, theirs);
    for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].end <= items[i].start);
    assert.equal(items.reduce((n, i) => n + i.mine.length, 0), a.length);
    assert.equal(items.reduce((n, i) => n + i.theirs.length, 0), b.length);
    for (const i of items) for (const x of [...i.mine, ...i.theirs]) assert.ok(i.start <= x.start && x.end <= i.end);
  }));
});
