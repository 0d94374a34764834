// Review snapshots and diffs (shared/review/snapshot.ts): keys, links, the word diff against the
// reviewed English, and what counts as changed. Arabic, harakat, emoji and mixed scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { linkKeys, mentionKeys, reviewDiff, snapshotOf, unitView, type RowView, type ViewMention } from '../../../shared/review/snapshot.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';
import { fixture, spanOf } from '../../renderer/editor/helpers.ts';

test('unitView: the row English joined by one space, English mentions offset into it (emoji before them), Arabic ones absolute', () => {
  const a = fixture();
  a.targets = [{ id: 't1', text: 'Launch 🚀 done.' }, { id: 't2', text: 'Apple hires.' }];
  a.units[0].target = ['t1', 't2'];
  a.mentions[1] = { ...a.mentions[1], sentence: 't2', start: 0, end: 5 };
  const v = unitView(a, a.units[0]);
  assert.equal(v.en, 'Launch 🚀 done. Apple hires.');
  const en = v.mentions.find((m) => m.side === 'en')!;
  assert.equal(cpSlice(v.en, en.start, en.end), 'Apple', 'the offset counts the emoji as one code point');
  const ar = v.mentions.find((m) => m.side === 'ar')!;
  assert.deepEqual([ar.start, ar.end], [spanOf('Apple').start, spanOf('Apple').end]);
  assert.deepEqual(mentionKeys(v.mentions), [`ar:${ar.start}:${ar.end}:ORG`, `en:${en.start}:${en.end}:ORG`]);
  assert.deepEqual(linkKeys(v.mentions), [`ar:${ar.start}:${ar.end}:ORG|en:${en.start}:${en.end}:ORG`]);
});

const ar = (start: number, end: number, type = 'PER', entity = 'e1', text = 'محمّد'): ViewMention => ({ side: 'ar', start, end, type, entity, text });
const en = (start: number, end: number, type = 'PER', entity = 'e1', text = 'Muhammad'): ViewMention => ({ side: 'en', start, end, type, entity, text });

test('reviewDiff: never reviewed is new; as accepted is same; a word changed shows del/ins; mentions and links added and removed', () => {
  const v: RowView = { en: 'Muhammad met the minister in Dubai.', mentions: [ar(3, 8), en(0, 8)] };
  assert.equal(reviewDiff(undefined, v).state, 'new');
  assert.deepEqual(reviewDiff(undefined, v).mentionsAdded, mentionKeys(v.mentions));
  const snap = snapshotOf(v, 'سارة', '2026-12-05T02:30:00.000Z');
  assert.deepEqual(reviewDiff(snap, v), { state: 'same', words: [{ op: 'same', text: v.en }], mentionsAdded: [], mentionsRemoved: [], linksAdded: [], linksRemoved: [] });

  const edited: RowView = { en: 'Muhammad met the prime minister in Dubai.', mentions: [ar(3, 8, 'ORG', 'e2')] };
  const d = reviewDiff(snap, edited);
  assert.equal(d.state, 'changed');
  assert.deepEqual(d.words.filter((p) => p.op !== 'same'), [{ op: 'ins', text: 'prime' }]);
  assert.deepEqual(d.mentionsAdded, ['ar:3:8:ORG']);
  assert.deepEqual(d.mentionsRemoved, ['ar:3:8:PER', 'en:0:8:PER']);
  assert.deepEqual(d.linksAdded, []);
  assert.deepEqual(d.linksRemoved, ['ar:3:8:PER|en:0:8:PER']);
});

test('reviewDiff: a change of case alone still counts as changed (the word diff folds case)', () => {
  const snap = snapshotOf({ en: 'the Minister of Dubai', mentions: [] }, 'a', '2026-12-05T00:00:00.000Z');
  assert.equal(reviewDiff(snap, { en: 'The Minister of Dubai', mentions: [] }).state, 'changed');
});

const word = fc.constantFrom('Muhammad', 'met', 'the', 'minister', 'in', 'Dubai', '2024', '🚀', 'al-Sharq', 'café', '١٢٣');
const sentence = fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' '));

test('property: a snapshot diffs as same against its own view; the diff\'s same+del pieces give back the reviewed English', () => {
  fc.assert(fc.property(sentence, sentence, (old, now) => {
    const snap = snapshotOf({ en: old, mentions: [] }, 'u', '2026-12-05T00:00:00.000Z');
    assert.equal(reviewDiff(snap, { en: old, mentions: [] }).state, 'same');
    const d = reviewDiff(snap, { en: now, mentions: [] });
    assert.equal(d.words.filter((p) => p.op !== 'ins').map((p) => p.text).join(''), old);
    assert.equal(d.state, old === now ? 'same' : 'changed');
  }));
});
