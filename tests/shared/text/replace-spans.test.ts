import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextEdits, type IdSpan, type TextEdit } from '../../../shared/text/replace-spans.ts';
import { OffsetMap, cpLength } from '../../../shared/text/offsets.ts';

/** Edit replacing the n-th occurrence (0-based) of `part` in `text`. */
function edit(text: string, part: string, by: string, n = 0): TextEdit {
  let u = -1;
  for (let i = 0; i <= n; i++) u = text.indexOf(part, u + 1);
  const map = new OffsetMap(text);
  return { start: map.toCodePoint(u), end: map.toCodePoint(u + part.length), text: by };
}
function span(text: string, id: string, part: string): IdSpan {
  const e = edit(text, part, '');
  return { id, start: e.start, end: e.end };
}
const sliced = (text: string, s: IdSpan) => new OffsetMap(text).slice(s.start, s.end);

const T = '😀 Minister Sameh Shukri met the Ministry of Foreign Affairs in القاهرة.';

test('replace spans: a replacement before a mention shifts it (astral text before, Arabic after)', () => {
  const m = span(T, 'm1', 'Sameh Shukri');
  const r = applyTextEdits(T, [edit(T, 'Minister', 'Foreign Minister')], [m]);
  assert.equal(r.text, '😀 Foreign Minister Sameh Shukri met the Ministry of Foreign Affairs in القاهرة.');
  assert.deepEqual(r.dropped, []);
  assert.equal(sliced(r.text, r.spans[0]), 'Sameh Shukri');
});

test('replace spans: inside a mention (spelling fix) keeps it over the new text; the whole mention too', () => {
  const m = span(T, 'm1', 'Sameh Shukri');
  const r = applyTextEdits(T, [edit(T, 'Shukri', 'Shoukry')], [m]);
  assert.equal(sliced(r.text, r.spans[0]), 'Sameh Shoukry');
  const w = applyTextEdits(T, [edit(T, 'Sameh Shukri', 'سامح شكري')], [m]);
  assert.equal(sliced(w.text, w.spans[0]), 'سامح شكري');
});

test('replace spans: straddling an edge drops the mention; an emptied mention is dropped', () => {
  const m = span(T, 'm1', 'Sameh Shukri');
  const r = applyTextEdits(T, [edit(T, 'Minister Sameh', 'Mr')], [m]);
  assert.deepEqual(r.dropped, ['m1']);
  assert.deepEqual(r.spans, []);
  const e = applyTextEdits(T, [edit(T, 'Sameh Shukri', '')], [m]);
  assert.deepEqual(e.dropped, ['m1']);
  // touching the edge from outside is outside
  const t = applyTextEdits(T, [edit(T, 'Minister ', 'Minister\u00a0')], [m]);
  assert.equal(sliced(t.text, t.spans[0]), 'Sameh Shukri');
});

test('replace spans property: kept spans slice the same text when edits are outside, and every id is kept or dropped once', () => {
  const word = fc.constantFrom('وزير', 'Sameh', '😀', 'a', 'ة', ' ', 'مُحَمَّد');
  fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 14 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', 'X', 'سس', '🚀')), { maxLength: 4 }), fc.nat(), fc.nat(4), (words, rawEdits, ms, ml) => {
    const text = words.join('');
    const n = cpLength(text);
    // disjoint non-empty edits
    const edits: TextEdit[] = [];
    let at = 0;
    for (const [gap, len, by] of rawEdits) {
      const start = at + (gap % 5);
      const end = start + len + 1;
      if (end > n) break;
      edits.push({ start, end, text: by });
      at = end;
    }
    const mStart = ms % (n || 1);
    const mEnd = Math.min(n, mStart + ml + 1);
    if (mEnd <= mStart) return;
    const m = { id: 'm1', start: mStart, end: mEnd };
    const r = applyTextEdits(text, edits, [m]);
    assert.equal(r.spans.length + r.dropped.length, 1);
    const outside = edits.every((e) => e.end <= m.start || e.start >= m.end);
    if (outside) assert.equal(sliced(r.text, r.spans[0]), sliced(text, m));
    for (const s of r.spans) assert.ok(s.start < s.end && s.end <= cpLength(r.text));
  }));
});
