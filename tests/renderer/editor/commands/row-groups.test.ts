// Structural edits when the rows involved sit in different row groups (rows.ts): every command must
// give the same document (as rows) as on a document with one group, keep groups non-empty and not
// past twice their size, and undo in one step. Tiny groups (1–3 rows) put every neighbour pair on a
// boundary; Arabic fixtures with harakat, an emoji and Arabic-Indic digits (helpers.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NodeSelection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Fragment, Slice } from 'prosemirror-model';
import { schema } from '../../../../renderer/editor/schema.ts';
import { undo } from 'prosemirror-history';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { goToRow, goToUnit } from '../../../../renderer/editor/commands/navigate.ts';
import { docToAnnotations } from '../../../../renderer/editor/convert.ts';
import { findKey, setFindTr } from '../../../../renderer/editor/plugins/find.ts';
import { replaceAll } from '../../../../renderer/editor/find-replace.ts';
import { cursorOf, type Command } from '../../../../renderer/editor/commands/util.ts';
import { allRows, forEachRow, neighbourRow, rowAt, rowCount, rowIndexAt, rowsDiff } from '../../../../renderer/editor/rows.ts';
import { at, atTarget, fixture, groupSizes, makeState, posIn, run, show, sourceIntact, TEXT } from '../helpers.ts';

const FLAT = 1000;

/** The fixture (4 rows) with rows in groups of `size`. */
const grouped = (size: number) => makeState(fixture(), TEXT, { groupSize: size });

/** Groups are never empty and never past twice the size; the document checks. */
function wellGrouped(s: EditorState, size: number) {
  s.doc.check();
  for (const n of groupSizes(s.doc)) {
    assert.ok(n >= 1, 'no empty group');
    assert.ok(n <= 2 * size, `group of ${n} rows split back (size ${size})`);
  }
}

/** Where the caret is, in terms that do not depend on grouping. */
function caret(s: EditorState): string {
  const c = cursorOf(s);
  return c ? `${c.rowIndex}:${c.side}:${c.sentenceIndex}:${c.offset}` : 'none';
}

test('rows.ts: index, position and neighbours agree with a plain walk, across group boundaries', () => {
  for (const size of [1, 2, 3, FLAT]) {
    const doc = grouped(size).doc;
    const walked: Array<{ id: string; pos: number }> = [];
    doc.descendants((n, pos) => {
      if (n.type.name === 'row') walked.push({ id: n.attrs.id as string, pos });
      return n.type.name !== 'row';
    });
    assert.equal(rowCount(doc), walked.length);
    walked.forEach((w, i) => {
      const r = rowAt(doc, i)!;
      assert.equal(r.pos, w.pos);
      assert.equal(r.row.attrs.id, w.id);
      assert.equal(rowIndexAt(doc, w.pos + 3), i, 'index from a position inside the row');
      assert.equal(neighbourRow(doc, r, 1)?.pos, walked[i + 1]?.pos);
      assert.equal(neighbourRow(doc, r, -1)?.pos, walked[i - 1]?.pos);
    });
    assert.equal(rowAt(doc, walked.length), null);
    assert.equal(rowAt(doc, -1), null);
    // a range walk visits the rows overlapping it
    const seen: number[] = [];
    forEachRow(doc, (_r, _p, i) => { seen.push(i); }, walked[1].pos + 2, walked[2].pos + 1);
    assert.deepEqual(seen, [1, 2]);
  }
});

test('merge down across a boundary: the two groups join, the merged row is right, undo restores both groups', () => {
  const s0 = at(grouped(1), 's1', 2);
  assert.deepEqual(groupSizes(s0.doc), [1, 1, 1, 1]);
  const merged = run(s0, commands.mergeRowNext);
  assert.equal(show(merged.doc, 3), 'u1[s1:قال s2:واف | t1:The]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.deepEqual(groupSizes(merged.doc), [1, 1, 1], 'no empty group is left');
  assert.equal(merged.selection.$head.parent.attrs.id, 's1');
  assert.equal(merged.selection.$head.parentOffset, 2);
  assert.ok(sourceIntact(merged.doc));
  const back = run(merged, commands.undo);
  assert.ok(back.doc.eq(s0.doc), 'one undo step restores the rows and their groups');
  assert.ok(run(back, commands.redo).doc.eq(merged.doc));
});

test('merge up across a boundary merges a group\'s only row away', () => {
  const s0 = at(grouped(2), 's3', 1); // groups [u1 u2] [u3 u4]
  const merged = run(s0, commands.mergeRowPrevious);
  assert.equal(show(merged.doc, 3), 'u1[s1:قال | t1:The]D u2[s2:واف s3:لم  | _]Am u4[s4:وان | _]A');
  wellGrouped(merged, 2);
  assert.equal(merged.selection.$head.parent.attrs.id, 's3');
  assert.ok(run(merged, commands.undo).doc.eq(s0.doc));
});

test('split a row at a group\'s end, then again: the grown group is split back in the same undo step', () => {
  let s = run(at(grouped(1), 's1'), commands.mergeRowNext); // u1 = [s1 s2 | t1]
  s = run(s, commands.mergeRowNext); // u1 = [s1 s2 s3 | t1]
  const s0 = at(s, 's3');
  const once = run(s0, commands.splitRow);
  wellGrouped(once, 1);
  const twice = run(at(once, 's2'), commands.splitRow);
  wellGrouped(twice, 1);
  assert.equal(twice.selection.$head.parent.attrs.id, 's2');
  assert.ok(run(twice, commands.undo).doc.eq(at(once, 's2').doc), 'the split and the regrouping are one step');
});

test('insert an English-only row at a group\'s end; move a sentence into the neighbouring group (1-2, 2-1) and back', () => {
  const s0 = at(grouped(1), 't1', 4);
  const ins = run(s0, commands.insertTargetRow);
  assert.deepEqual(groupSizes(ins.doc), [2, 1, 1, 1]);
  assert.equal(rowIndexAt(ins.doc, ins.selection.head), 1);
  // English t1 down into row u2 (another group): u1 becomes 1-0, u2 becomes 1-1
  const down = run(s0, commands.moveSentenceDown);
  assert.equal(show(down.doc, 3), 'u1[s1:قال | _]Dm u2[s2:واف | t1:The]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.equal(down.selection.$head.parent.attrs.id, 't1');
  wellGrouped(down, 1);
  // Arabic s2 up: u1 becomes 2-1 (u2 left empty of Arabic)
  const up = run(at(grouped(1), 's2', 3), commands.moveSentenceUp);
  assert.equal(show(up.doc, 3), 'u1[s1:قال s2:واف | t1:The]Dm u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.deepEqual(groupSizes(up.doc), [1, 1, 1], 'the emptied row went, and its group with it');
  assert.equal(up.selection.$head.parentOffset, 3);
  assert.ok(run(up, commands.undo).doc.eq(at(grouped(1), 's2', 3).doc));
});

test('leave untranslated hands the English to the next row in another group', () => {
  const s0 = at(grouped(1), 't1', 0);
  const flat = run(at(grouped(FLAT), 't1', 0), commands.leaveUntranslated);
  const s1 = run(s0, commands.leaveUntranslated);
  assert.equal(show(s1.doc, 3), show(flat.doc, 3));
  wellGrouped(s1, 1);
});

test('deleting the row alone in its group (a node selection) leaves no empty group', () => {
  // three English-only rows after u4: the group grows past 2 and is split back to one row each
  let s0 = at(grouped(1), 's4');
  for (let i = 0; i < 3; i++) s0 = run(s0, commands.insertTargetRow);
  assert.deepEqual(groupSizes(s0.doc), [1, 1, 1, 1, 1, 2]);
  const r = rowAt(s0.doc, 4)!; // English-only and alone in its group (no Arabic: the delete is allowed)
  const s1 = s0.apply(s0.tr.setSelection(NodeSelection.create(s0.doc, r.pos)).deleteSelection());
  wellGrouped(s1, 1);
  assert.equal(rowCount(s1.doc), 6);
  assert.deepEqual(groupSizes(s1.doc), [1, 1, 1, 1, 2]);
});

test('navigation across groups: Tab to the next row, goToRow, goToUnit, F8 to a QA row', () => {
  const s = grouped(1);
  assert.equal(rowIndexAt(s.doc, run(atTarget(s, 0), commands.nextRowTarget).selection.head), 1);
  assert.equal(rowIndexAt(s.doc, run(atTarget(s, 2), commands.previousRowTarget).selection.head), 1);
  assert.equal(rowIndexAt(s.doc, run(s, goToRow(3)).selection.head), 3);
  assert.equal(goToRow(4)(s), false);
  assert.equal(rowIndexAt(s.doc, run(s, goToUnit('u3')).selection.head), 2);
  // row u2's English says 2042 where the Arabic says ٢٠٢٤: a number finding, F8 lands there
  let q = atTarget(s, 1);
  q = q.apply(q.tr.insertText('The branch opened 🚀 in Dubai in 2042.'));
  const f8 = run(atTarget(q, 0), commands.nextLowConfidence);
  assert.equal(rowIndexAt(f8.doc, f8.selection.head), 1);
});

test('Ctrl+End / Ctrl+Home: the last and the first row\'s English from anywhere, whatever the grouping', () => {
  for (const size of [1, 3, FLAT]) {
    const s = grouped(size);
    const end = run(atTarget(s, 1), commands.lastRowTarget);
    assert.equal(rowIndexAt(end.doc, end.selection.head), rowCount(s.doc) - 1, `size ${size}`);
    assert.equal(cursorOf(end)?.side, 'target');
    const home = run(end, commands.firstRowTarget);
    assert.equal(rowIndexAt(home.doc, home.selection.head), 0);
    assert.equal(cursorOf(home)?.side, 'target');
  }
});

test('replace all across rows in different groups: one undo step, grouping unchanged', () => {
  const h = { state: at(grouped(1), 's1'), dispatch: (tr: Transaction) => { h.state = h.state.apply(tr); } };
  let s = atTarget(h.state, 1);
  s = s.apply(s.tr.insertText('The sea'));
  s = atTarget(s, 3);
  h.state = s.apply(s.tr.insertText('the sea 🚀'));
  const before = h.state.doc;
  h.dispatch(setFindTr(h.state, 'sea', {}));
  assert.equal(findKey.getState(h.state)!.hits.length, 2);
  const out = replaceAll(h.state, h.dispatch, 'البحر');
  assert.equal(out.replaced, 2);
  assert.deepEqual(groupSizes(h.state.doc), groupSizes(before));
  assert.deepEqual(docToAnnotations(h.state.doc, fixture(), TEXT).targets.map((t) => t.text).filter((t) => t.includes('البحر')), ['The البحر', 'the البحر 🚀']);
  assert.equal(undo(h.state, h.dispatch), true);
  assert.ok(h.state.doc.eq(before));
});

/** Commands the property test draws from. */
const STRUCTURAL: Array<[string, Command]> = [
  ['mergeRowNext', commands.mergeRowNext], ['mergeRowPrevious', commands.mergeRowPrevious],
  ['splitRow', commands.splitRow], ['insertTargetRow', commands.insertTargetRow],
  ['moveSentenceUp', commands.moveSentenceUp], ['moveSentenceDown', commands.moveSentenceDown],
  ['leaveUntranslated', commands.leaveUntranslated], ['splitTarget', commands.splitTarget],
  ['mergeTargetNext', commands.mergeTargetNext], ['nextRowTarget', commands.nextRowTarget],
  ['previousRowTarget', commands.previousRowTarget], ['undo', commands.undo], ['redo', commands.redo],
];

/** rowsDiff (rows.ts) agrees with the same comparison over arrays of every row. */
function checkRowsDiff(before: EditorState, after: EditorState) {
  const old = allRows(before.doc);
  const now = allRows(after.doc);
  let head = 0;
  while (head < now.length && head < old.length && now[head] === old[head]) head++;
  let tail = 0;
  while (tail < now.length - head && tail < old.length - head && now[now.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
  const d = rowsDiff(after.doc, old.length, (i) => old[i]);
  assert.deepEqual([d.head, d.tail], [head, tail]);
  assert.deepEqual(d.middle, now.slice(head, now.length - tail));
}

/** Every sentence id in the document (the caret is put into one of them). */
function sentenceIds(s: EditorState): string[] {
  const out: string[] = [];
  s.doc.descendants((n) => {
    if (n.isTextblock && n.attrs.id) out.push(n.attrs.id as string);
    return !n.isTextblock;
  });
  return out;
}

test('property: any run of row commands gives the same rows, caret and undo history with tiny groups as with one group', () => {
  const op = fc.record({ cmd: fc.nat(STRUCTURAL.length - 1), where: fc.nat(), off: fc.nat(4), type: fc.constantFrom('', 'Hello.', 'السلام ', '🚀 ٣') });
  fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.array(op, { maxLength: 14 }), (size, ops) => {
    let g = grouped(size);
    let f = grouped(FLAT);
    for (const o of ops) {
      const ids = sentenceIds(f);
      assert.deepEqual(sentenceIds(g), ids);
      const id = ids[o.where % ids.length];
      if (id) {
        const len = (s: EditorState) => { let n = 0; s.doc.descendants((x) => { if (x.isTextblock && x.attrs.id === id) n = x.content.size; return !x.isTextblock; }); return n; };
        g = at(g, id, Math.min(o.off, len(g)));
        f = at(f, id, Math.min(o.off, len(f)));
      }
      if (o.type && cursorOf(f)?.side === 'target') {
        f = f.apply(f.tr.insertText(o.type));
        g = g.apply(g.tr.insertText(o.type));
      }
      const [name, cmd] = STRUCTURAL[o.cmd];
      let nf: EditorState | null = null;
      let ng: EditorState | null = null;
      const okF = cmd(f, (tr) => { nf = f.apply(tr); });
      const okG = cmd(g, (tr) => { ng = g.apply(tr); });
      assert.equal(okG, okF, `${name} applies alike`);
      if (nf && ng) {
        f = nf;
        checkRowsDiff(g, ng);
        g = ng;
      }
      assert.equal(show(g.doc, 4), show(f.doc, 4), `${name}: same rows`);
      assert.equal(caret(g), caret(f), `${name}: same caret`);
      wellGrouped(g, size);
      assert.ok(sourceIntact(g.doc));
    }
  }), { numRuns: 150 });
});

test('property: delete and paste over a selection spanning rows give the same rows with tiny groups as with one group', () => {
  // a selection between two sentences (either side, any rows): deleting it or pasting English over
  // it is refused when it would change the Arabic, and otherwise must not depend on the grouping
  const pick = fc.record({ a: fc.nat(), d: fc.nat(4), oa: fc.nat(6), ob: fc.nat(6), paste: fc.constantFrom('', 'Hi 🚀 ٣', 'مرحبا') });
  /** two English-only rows after u1 (with groups of 1 they end up in groups of their own): a
   * selection from t1 into them crosses group boundaries without touching the Arabic */
  const withEnglishRows = (s: EditorState) => {
    let x = at(s, 's1');
    for (const text of ['Extra one.', 'Extra two 🚀.']) {
      x = run(x, commands.insertTargetRow);
      x = x.apply(x.tr.insertText(text));
    }
    return x;
  };
  fc.assert(fc.property(fc.integer({ min: 1, max: 3 }), fc.array(pick, { minLength: 1, maxLength: 6 }), (size, picks) => {
    let g = withEnglishRows(grouped(size));
    let f = withEnglishRows(grouped(FLAT));
    for (const p of picks) {
      const ids = sentenceIds(f);
      const [ia, ib] = [ids[p.a % ids.length], ids[(p.a + p.d) % ids.length]];
      const sel = (s: EditorState) => {
        const len = (id: string) => { let n = 0; s.doc.descendants((x) => { if (x.isTextblock && x.attrs.id === id) n = x.content.size; return !x.isTextblock; }); return n; };
        const x = posIn(s.doc, ia, Math.min(p.oa, len(ia)));
        const y = posIn(s.doc, ib, Math.min(p.ob, len(ib)));
        return TextSelection.create(s.doc, Math.min(x, y), Math.max(x, y));
      };
      const edit = (s: EditorState) => {
        const tr = s.tr.setSelection(sel(s));
        if (p.paste) tr.replaceSelection(new Slice(Fragment.from(schema.text(p.paste)), 0, 0));
        else tr.deleteSelection();
        return s.apply(tr.setMeta('uiEvent', p.paste ? 'paste' : undefined));
      };
      f = edit(f);
      g = edit(g);
      assert.equal(show(g.doc, 5), show(f.doc, 5));
      wellGrouped(g, size);
      assert.ok(sourceIntact(g.doc));
    }
    // and undo takes both back alike
    let [ug, uf] = [g, f];
    assert.equal(commands.undo(g, (tr) => { ug = g.apply(tr); }), commands.undo(f, (tr) => { uf = f.apply(tr); }));
    assert.equal(show(ug.doc, 5), show(uf.doc, 5));
  }), { numRuns: 150 });
});

test('pasting whole rows copied from another report, across a group boundary: refused (it would add Arabic), nothing changes', () => {
  const other = grouped(2);
  const from = rowAt(other.doc, 1)!;
  const to = rowAt(other.doc, 3)!;
  // rows 1–3 of the other report, as the clipboard holds them (open at the group level)
  const rows = other.doc.slice(from.pos, to.pos + to.row.nodeSize);
  assert.ok(rows.content.textBetween(0, rows.content.size).length > 0);
  for (const size of [1, 2, 3]) {
    const s = grouped(size);
    // the caret in row 0's English, and a selection from there into row 2's English (other groups when size ≤ 2)
    const caret = atTarget(s, 0, 2).selection.head;
    for (const sel of [TextSelection.create(s.doc, caret), TextSelection.create(s.doc, caret, atTarget(s, 2, 0).selection.head)]) {
      const tr = s.tr.setSelection(sel).replaceSelection(rows).setMeta('uiEvent', 'paste');
      const after = s.applyTransaction(tr).state;
      assert.equal(after.doc, s.doc, `size ${size}: the paste did not go through`);
      wellGrouped(after, size);
      assert.ok(sourceIntact(after.doc));
    }
  }
});
