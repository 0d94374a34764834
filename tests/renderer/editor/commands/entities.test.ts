// The entity commands' document scans: mentionsOf (one pass, nothing built for sentences
// without a mention) against the per-sentence definition, rowSentences, the suggestion lookup at
// the selection's edges, and the pending link's highlight (found once, not per transaction).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../../renderer/editor/schema.ts';
import { linkMention } from '../../../../renderer/editor/commands/entities.ts';
import { mentionsOf, rowSentences, runsOf, sentencesOf } from '../../../../renderer/editor/entities/doc.ts';
import { entityKey, suggestionAtSelection, suggestionsOf, type EntityAction } from '../../../../renderer/editor/entities/state.ts';
import { OffsetMap } from '../../../../shared/text/offsets.ts';
import { fixture, makeState, posIn, run, S1, S2, TEXT } from '../helpers.ts';

/** The definition mentionsOf must keep: every sentence's runs, in document order. */
const reference = (doc: PMNode) => sentencesOf(doc).flatMap((s) => runsOf(s));
const plain = (runs: ReturnType<typeof mentionsOf>) => runs.map((r) => ({ ...r, sentence: { ...r.sentence, node: r.sentence.node.toString() } }));

/** The fixture with many rows (S1–S4 repeated), English on every other row. */
function bigState(rows: number): EditorState {
  const a = fixture();
  const units = [];
  const segments = [];
  const targets = [];
  for (let i = 0; i < rows; i++) {
    const seg = a.segments[i % a.segments.length];
    segments.push({ ...seg, id: `s${i + 1}` });
    const t = i % 2 === 0 ? [{ id: `t${i + 1}`, text: 'The president said Apple will hire ١٢٣ people 🚀.' }] : [];
    targets.push(...t);
    units.push({ ...a.units[0], id: `u${i + 1}`, source: [`s${i + 1}`], target: t.map((x) => x.id) });
  }
  return makeState({ ...a, segments, targets, units, mentions: [], entities: [] });
}

test('mentionsOf equals every sentence\'s runs, for random tags over Arabic (harakat, digits, emoji) and English', () => {
  const base = bigState(12);
  const sentences = sentencesOf(base.doc).filter((s) => s.node.content.size > 2);
  fc.assert(
    fc.property(
      fc.array(fc.record({ s: fc.nat(sentences.length - 1), a: fc.nat(40), len: fc.integer({ min: 1, max: 6 }), e: fc.nat(3), type: fc.constantFrom('PER', 'LOC') }), { maxLength: 25 }),
      (tags) => {
        const tr = base.tr;
        tags.forEach((t, i) => {
          const s = sentences[t.s];
          const size = s.node.content.size;
          const from = s.start + (t.a % (size - 1));
          const to = Math.min(s.start + size, from + t.len);
          tr.addMark(from, to, schema.marks.entity.create({ id: `m${i + 1}`, type: t.type, entity: `e${t.e + 1}` }));
        });
        const doc = tr.doc;
        assert.deepEqual(plain(mentionsOf(doc)), plain(reference(doc)));
      },
    ),
    { numRuns: 150 },
  );
});

test('mentionsOf slices to the tagged text in the model\'s code points; rowSentences lists one row', () => {
  const s = makeState();
  const ms = mentionsOf(s.doc);
  assert.deepEqual(ms.map((m) => `${m.sentence.side}:${m.text}:${m.attrs.id}`), ['ar:Apple:m1', 'en:Apple:m2']);
  const ar = ms[0];
  const src = new OffsetMap(TEXT);
  const cp = new OffsetMap(ar.sentence.node.textContent);
  const start = (ar.sentence.node.attrs.start as number) + cp.toCodePoint(ar.from - ar.sentence.start);
  assert.equal(src.slice(start, start + 5), 'Apple');
  assert.ok(S1.includes('Apple'));
  for (const ref of sentencesOf(s.doc)) {
    assert.deepEqual(rowSentences(s.doc, ref).map((x) => [x.id, x.start, x.side]), sentencesOf(s.doc).filter((x) => x.row === ref.row).map((x) => [x.id, x.start, x.side]));
  }
});

test('suggestionAtSelection finds a suggestion with the caret at its start, inside, or at its end', () => {
  let s = makeState();
  const before = suggestionsOf(s).length;
  const action: EntityAction = { add: [{ from: posIn(s.doc, 's2', 0), to: posIn(s.doc, 's2', 7), spec: { id: 'g1', side: 'ar', type: 'LOC', entity: 'e9', origin: 'glossary' } }], used: { g: 1 } };
  s = s.apply(s.tr.setMeta(entityKey, action));
  assert.equal(suggestionsOf(s).length, before + 1);
  for (const off of [0, 3, 7]) {
    const c = s.apply(s.tr.setSelection(TextSelection.create(s.doc, posIn(s.doc, 's2', off))));
    assert.equal(suggestionAtSelection(c)?.id, 'g1', `caret at ${off}`);
    assert.equal(c.doc.textBetween(suggestionAtSelection(c)!.from, suggestionAtSelection(c)!.to), S2.slice(0, 7));
  }
  const outside = s.apply(s.tr.setSelection(TextSelection.create(s.doc, posIn(s.doc, 's2', 9))));
  assert.equal(suggestionAtSelection(outside), null);
});

test('a pending link highlights its mention once; the highlight follows edits and goes with the link', () => {
  let s = makeState();
  const deco = (st: EditorState) => {
    const plugin = st.plugins.find((p) => (p as unknown as { key: string }).key.startsWith('muwazi-entities'))!;
    return plugin.props.decorations!.call(plugin, st) as import('prosemirror-view').DecorationSet;
  };
  const highlighted = (st: EditorState) => deco(st).find().filter((d) => (d as unknown as { type: { attrs: { class?: string } } }).type.attrs.class === 'ent-link-from')
    .map((d) => st.doc.textBetween(d.from, d.to));
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, posIn(s.doc, 's1', S1.indexOf('Apple') + 2))));
  s = run(s, linkMention);
  assert.equal(entityKey.getState(s)!.link?.mention, 'm1');
  assert.deepEqual(highlighted(s), ['Apple']);
  // a selection change keeps the same decoration object (the view skips redrawing)
  const d1 = deco(s);
  const moved = s.apply(s.tr.setSelection(TextSelection.create(s.doc, posIn(s.doc, 't1', 2))));
  assert.equal(deco(moved), d1);
  assert.equal(entityKey.getState(moved)!.linkFrom, entityKey.getState(s)!.linkFrom);
  // typing before the mention (in the English of the same row) keeps the highlight on it
  const typed = moved.apply(moved.tr.insertText('Mr ', posIn(moved.doc, 't1', 0)));
  assert.deepEqual(highlighted(typed), ['Apple']);
  // completing the link (English mention of the same row) clears it
  const en = typed.apply(typed.tr.setSelection(TextSelection.create(typed.doc, posIn(typed.doc, 't1', 3 + 21))));
  const done = run(en, linkMention);
  assert.equal(entityKey.getState(done)!.link, null);
  assert.deepEqual(highlighted(done), []);
});
