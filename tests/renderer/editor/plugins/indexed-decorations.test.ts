import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { Decoration, DecorationSet, type DecorationSource } from 'prosemirror-view';
import { schema } from '../../../../renderer/editor/schema.ts';
import { indexed } from '../../../../renderer/editor/plugins/indexed-decorations.ts';
import { S1, S2, S3, S4 } from '../helpers.ts';

const AR = [S1, S2, S3, S4];
const EN = ['The president said Apple will hire 123 people.', 'A branch 🚀 opened in Dubai.', ''];

/** A document of `n` rows: Arabic (harakat, emoji, Arabic-Indic digits, Latin) and English. */
function docOf(n: number): PMNode {
  const { row, source_cell, target_cell, source_sentence, target_sentence } = schema.nodes;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const ar = AR[i % AR.length];
    const en = EN[i % EN.length];
    rows.push(row.create({ id: `u${i + 1}` }, [
      source_cell.create(null, source_sentence.create({ id: `s${i + 1}` }, schema.text(ar))),
      target_cell.create(null, target_sentence.create({ id: en ? `t${i + 1}` : '' }, en ? schema.text(en) : null)),
    ]));
  }
  return schema.topNodeType.create(null, rows);
}

/** DecorationSet members that are internal (not in the typings) but used by the view. */
interface SetInternals {
  locals(node: PMNode): readonly Decoration[];
  eq(other: DecorationSet): boolean;
}
const internals = (s: DecorationSet) => s as unknown as SetInternals;

/** Every decoration a source hands out, as comparable strings. */
function flat(src: DecorationSource): string[] {
  const out: string[] = [];
  src.forEachSet((set) => {
    for (const d of set.find()) out.push(`${d.from}-${d.to}:${JSON.stringify(d.spec)}`);
  });
  return out.sort();
}

/** Row start positions and nodes. */
function rowsOf(doc: PMNode): Array<{ pos: number; node: PMNode }> {
  const out: Array<{ pos: number; node: PMNode }> = [];
  doc.forEach((node, pos) => out.push({ pos, node }));
  return out;
}

const decoArb = (doc: PMNode) => {
  const rows = rowsOf(doc);
  return fc.oneof(
    // a suggestion: an inline decoration inside one row's sentence
    fc.record({ r: fc.nat(rows.length - 1), a: fc.nat(60), b: fc.nat(60), side: fc.boolean() }).map(({ r, a, b, side }) => {
      const { pos, node } = rows[r];
      const sentStart = side ? pos + 3 : pos + 1 + node.child(0).nodeSize + 2;
      const size = side ? node.child(0).child(0).content.size : node.child(1).child(0).content.size;
      const from = sentStart + Math.min(a, b) % (size + 1);
      const to = sentStart + Math.max(a, b) % (size + 1);
      return from < to ? Decoration.inline(from, to, { class: 'ent-suggest' }, { kind: 'inline', r }) : null;
    }),
    // a low-confidence row: a node decoration on a row (kept at the top level of the set)
    fc.nat(rows.length - 1).map((r) => Decoration.node(rows[r].pos, rows[r].pos + rows[r].node.nodeSize, { class: 'low-confidence' }, { kind: 'node', r })),
    // rarely: an inline decoration across several rows (also kept at the top level)
    fc.record({ r: fc.nat(rows.length - 1), k: fc.integer({ min: 1, max: 3 }) }).map(({ r, k }) => {
      const end = rows[Math.min(rows.length - 1, r + k)];
      return Decoration.inline(rows[r].pos + 3, end.pos + end.node.nodeSize - 3, { class: 'wide' }, { kind: 'wide', r });
    }),
  );
};

test('indexed(set).forChild hands every row the same decorations as DecorationSet.forChild', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }).chain((n) => {
        const doc = docOf(n);
        return fc.tuple(fc.constant(doc), fc.array(decoArb(doc), { maxLength: 60 }), fc.array(fc.nat(n - 1), { maxLength: 20 }));
      }),
      ([doc, decos, order]) => {
        const set = DecorationSet.create(doc, decos.filter((d): d is Decoration => d !== null));
        const fast = indexed(set);
        assert.deepEqual(flat(fast), flat(set));
        for (const { pos, node } of rowsOf(doc)) {
          assert.deepEqual(flat(fast.forChild(pos, node)), flat(set.forChild(pos, node)), `row at ${pos}`);
          assert.deepEqual(internals(fast).locals(node).map((d) => `${d.from}-${d.to}`), internals(set).locals(node).map((d) => `${d.from}-${d.to}`));
        }
        // out of document order too (the view asks in order; other callers may not)
        const rows = rowsOf(doc);
        for (const i of order) assert.deepEqual(flat(fast.forChild(rows[i].pos, rows[i].node)), flat(set.forChild(rows[i].pos, rows[i].node)), `row ${i}`);
        assert.ok(internals(fast).eq(set) && internals(set).eq(fast));
      },
    ),
    { numRuns: 200 },
  );
});

test('indexed() keeps identity: the same set gives the same object, the empty set itself', () => {
  const doc = docOf(5);
  const set = DecorationSet.create(doc, [Decoration.inline(4, 8, { class: 'x' })]);
  assert.equal(indexed(set), indexed(set));
  assert.equal(indexed(DecorationSet.empty), DecorationSet.empty);
  assert.ok(indexed(set) instanceof DecorationSet);
  // an inline decoration of the Arabic text: ١٢٣ (Arabic-Indic digits) inside S1 of the first row
  const u = S1.indexOf('١٢٣');
  const digits = DecorationSet.create(doc, [Decoration.inline(3 + u, 3 + u + 3, { class: 'x' })]);
  const row0 = doc.child(0);
  const found = indexed(digits).forChild(0, row0);
  // positions inside the row's content: the sentence's text starts at 2
  const texts: string[] = [];
  found.forEachSet((s) => {
    for (const d of s.find()) texts.push(row0.textBetween(d.from, d.to));
  });
  assert.deepEqual(texts, ['١٢٣']);
  assert.equal(indexed(digits).forChild(row0.nodeSize, doc.child(1)), DecorationSet.empty);
});
