import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EditorState } from 'prosemirror-state';
import fc from 'fast-check';
import { findKey, setFindTr, MAX_HITS } from '../../../../renderer/editor/plugins/find.ts';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { at, atTarget, fixture, makeState, run } from '../helpers.ts';

/** The hits' texts with their side. */
const hits = (s: EditorState) => findKey.getState(s)!.hits.map((h) => `${h.side}:${s.doc.textBetween(h.from, h.to)}`);
/** The decorations stand exactly on the hits, and only the current hit is marked current. */
function consistent(s: EditorState): void {
  const f = findKey.getState(s)!;
  const decos = f.decorations.find().sort((a, b) => a.from - b.from);
  assert.deepEqual(decos.map((d) => [d.from, d.to]), f.hits.map((h) => [h.from, h.to]));
  const cur = decos.filter((d) => (d.spec as { findCurrent: boolean }).findCurrent);
  assert.deepEqual(cur.map((d) => d.from), f.current >= 0 ? [f.hits[f.current].from] : []);
}
const selected = (s: EditorState) => s.doc.textBetween(s.selection.from, s.selection.to);

test('find: hits on both sides, harakat and hamza folded, the hit keeps its harakat', () => {
  let s = makeState();
  // "الرئيسُ" in the Arabic (with damma), "Apple" on both sides
  s = s.apply(setFindTr(s, 'الرئيس'));
  assert.deepEqual(hits(s), ['ar:الرئيسُ']);
  s = s.apply(setFindTr(s, 'apple'));
  assert.deepEqual(hits(s), ['ar:Apple', 'en:Apple']);
  // Arabic-Indic digits in the text match ASCII digits typed in the query
  s = s.apply(setFindTr(s, '2024'));
  assert.deepEqual(hits(s), ['ar:٢٠٢٤']);
  // ان finds إنّ (hamza and shadda folded); exact letters does not
  s = s.apply(setFindTr(s, 'ان'));
  assert.ok(hits(s).includes('ar:إنّ'));
  s = s.apply(setFindTr(s, 'ان', { exactLetters: true }));
  assert.ok(!hits(s).includes('ar:إنّ'));
  // matchCase
  s = s.apply(setFindTr(s, 'APPLE', { matchCase: true }));
  assert.deepEqual(hits(s), []);
  // '' turns find off: no hits, no decorations
  s = s.apply(setFindTr(s, ''));
  assert.deepEqual(hits(s), []);
  assert.equal(findKey.getState(s)!.decorations.find().length, 0);
});

test('find: next and previous select the hits in order and wrap; not undoable, no document change', () => {
  let s = at(makeState(), 's1');
  const before = s.doc;
  s = s.apply(setFindTr(s, 'apple'));
  assert.equal(findKey.getState(s)!.current, 0);
  s = run(s, commands.findCurrent);
  assert.equal(selected(s), 'Apple');
  s = run(s, commands.findNext);
  assert.equal(findKey.getState(s)!.current, 1);
  assert.equal(selected(s), 'Apple');
  assert.ok(s.selection.$from.parent.type.name === 'target_sentence');
  s = run(s, commands.findNext);
  assert.equal(findKey.getState(s)!.current, 0, 'wraps');
  s = run(s, commands.findPrevious);
  assert.equal(findKey.getState(s)!.current, 1);
  consistent(s);
  assert.equal(s.doc, before);
  assert.equal(commands.undo(s), false, 'nothing to undo');
  // the current hit is drawn differently
  const decos = findKey.getState(s)!.decorations.find();
  assert.equal(decos.filter((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class.includes('find-current')).length, 1);
});

test('find: a fresh query starts at the hit at or after the cursor', () => {
  let s = atTarget(makeState(), 0, 0);
  s = s.apply(setFindTr(s, 'apple'));
  assert.equal(findKey.getState(s)!.current, 1, 'the Arabic Apple lies before the cursor');
});

test('find: typing updates the hits of the edited sentence only, others are mapped', () => {
  let s = atTarget(makeState(), 0, 0);
  s = s.apply(setFindTr(s, 'apple'));
  s = s.apply(s.tr.insertText('Apple and '));
  assert.deepEqual(hits(s), ['ar:Apple', 'en:Apple', 'en:Apple']);
  consistent(s);
  // delete one "Apple" in the English: its hit goes
  const h = findKey.getState(s)!.hits[1];
  s = s.apply(s.tr.delete(h.from, h.to));
  assert.deepEqual(hits(s), ['ar:Apple', 'en:Apple']);
  consistent(s);
  // typing a hit letter by letter makes it appear when complete
  s = atTarget(s, 1, 0);
  for (const ch of 'Appl') s = s.apply(s.tr.insertText(ch));
  assert.equal(hits(s).length, 2);
  s = s.apply(s.tr.insertText('e'));
  assert.deepEqual(hits(s), ['ar:Apple', 'en:Apple', 'en:Apple']);
  // row operations (merging rows) keep the hits right
  s = run(at(s, 's2'), commands.mergeRowPrevious);
  assert.deepEqual(hits(s), ['ar:Apple', 'en:Apple', 'en:Apple']);
  consistent(s);
  s = run(s, commands.findNext);
  consistent(s);
  // undo the merge: still consistent
  s = run(s, commands.undo);
  consistent(s);
  assert.deepEqual(hits(s), ['ar:Apple', 'en:Apple', 'en:Apple']);
  for (const x of findKey.getState(s)!.hits) assert.equal(s.doc.textBetween(x.from, x.to), 'Apple');
});

test('find: hits are capped and say so', () => {
  const a = fixture();
  a.targets[0].text = 'a'.repeat(MAX_HITS + 5);
  let s = makeState(a);
  s = s.apply(setFindTr(s, 'a'));
  const f = findKey.getState(s)!;
  assert.equal(f.hits.length, MAX_HITS);
  assert.equal(f.truncated, true);
});

test('find property: after random typing and deleting, hits equal a fresh search and decorations stand on them', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom('Apple', 'pp', 'A', ' ', '', 'le')), { maxLength: 12 }), (edits) => {
      let s = makeState();
      s = s.apply(setFindTr(s, 'apple'));
      for (const [n, ins] of edits) {
        // a position inside some English sentence
        const spots: [number, number][] = [];
        s.doc.descendants((node, pos) => {
          if (node.type.name === 'target_sentence') spots.push([pos + 1, pos + 1 + node.content.size]);
          return !node.isTextblock;
        });
        const [a, b] = spots[n % spots.length];
        const from = a + (n % (b - a + 1));
        const to = Math.min(b, from + (n % 3));
        s = s.apply(ins ? s.tr.insertText(ins, from, to) : s.tr.delete(from, to));
        consistent(s);
      }
      const fresh = s.apply(setFindTr(s, 'apple'));
      assert.deepEqual(findKey.getState(s)!.hits, findKey.getState(fresh)!.hits);
    }),
    { numRuns: 300 },
  );
});

test('find with a regular expression: original text (no folding), both sides, follows edits; a bad pattern is a problem, not a throw', () => {
  let s = makeState();
  s = s.apply(setFindTr(s, 'A\\w+e', { regex: true }));
  assert.deepEqual(hits(s), ['ar:Apple', 'en:Apple']);
  // no folding: the bare letters miss الرئيسُ's damma only when the pattern ends at it
  s = s.apply(setFindTr(s, 'الرئيس\\s', { regex: true }));
  assert.deepEqual(hits(s), []);
  s = s.apply(setFindTr(s, 'الرئيس\\p{M}*', { regex: true }));
  assert.deepEqual(hits(s), ['ar:الرئيسُ']);
  // Arabic-Indic digits are \p{Nd}
  s = s.apply(setFindTr(s, '\\p{Nd}{3,}', { regex: true }));
  assert.deepEqual(hits(s), ['ar:١٢٣', 'en:123', 'ar:٢٠٢٤']);
  // an edit is searched again with the pattern
  s = atTarget(s, 0, -1);
  s = s.apply(s.tr.insertText(' 4567'));
  assert.deepEqual(hits(s), ['ar:١٢٣', 'en:123', 'en:4567', 'ar:٢٠٢٤']);
  consistent(s);
  for (const [q, problem] of [['(Apple', 'invalid'], ['(a+)+$', 'unsafe']] as const) {
    s = s.apply(setFindTr(s, q, { regex: true }));
    assert.equal(findKey.getState(s)!.problem?.problem, problem);
    assert.deepEqual(hits(s), []);
  }
  s = s.apply(setFindTr(s, 'apple', {}));
  assert.equal(findKey.getState(s)!.problem, null);
});

test('find: a search that runs out of its time budget keeps what it found and says truncated', (t) => {
  let s = makeState();
  // every clock reading is a second later: the budget is spent after the first sentence
  let now = 0;
  t.mock.method(performance, 'now', () => (now += 1000));
  s = s.apply(setFindTr(s, '\\p{L}', { regex: true }));
  const f = findKey.getState(s)!;
  assert.equal(f.truncated, true);
  assert.ok(f.hits.length > 0 && f.hits.every((h) => h.side === 'ar'));
});
