import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EditorState } from 'prosemirror-state';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { docToAnnotations } from '../../../../renderer/editor/convert.ts';
import { AnnotationsSchema } from '../../../../shared/model/schema.ts';
import { STATUS_LOWERED } from '../../../../renderer/editor/commands/util.ts';
import { at, atTarget, fixture, makeState, run, show, sourceIntact, TEXT, rowNode } from '../helpers.ts';
import { ROW_DEPTH } from '../../../../renderer/editor/rows.ts';

/** All Arabic text in document order: row operations must never change it. */
function arabic(state: EditorState): string {
  const out: string[] = [];
  state.doc.descendants((n) => {
    if (n.type.name === 'source_sentence') out.push(n.textContent);
    return !n.isTextblock;
  });
  return out.join('|');
}

/** Undo restores the document exactly; the result of the command is valid annotations. */
function checkUndoAndValid(before: EditorState, after: EditorState) {
  assert.equal(arabic(after), arabic(before));
  assert.ok(sourceIntact(after.doc));
  const ann = docToAnnotations(after.doc, fixture(), TEXT);
  assert.ok(AnnotationsSchema.safeParse(ann).success);
  assert.equal(new Set(ann.units.map((u) => u.id)).size, ann.units.length, 'unit ids unique');
  const undone = run(after, commands.undo);
  assert.ok(undone.doc.eq(before.doc), 'undo restores the document');
  const redone = run(undone, commands.redo);
  assert.ok(redone.doc.eq(after.doc), 'redo repeats it');
}

test('merge with next, then split the row again at the cursor sentence', () => {
  const s0 = at(makeState(), 's1', 2);
  const merged = run(s0, commands.mergeRowNext);
  assert.equal(show(merged.doc, 3), 'u1[s1:قال s2:واف | t1:The]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.equal(merged.selection.head, s0.selection.head, 'the cursor stays in s1');
  checkUndoAndValid(s0, merged);

  const s1 = at(merged, 's2', 1);
  const split = run(s1, commands.splitRow);
  // 2 sources, 1 target: the target stays in the first row (round(1 * 1 / 2) = 1... the cut at index 1 keeps it)
  assert.equal(show(split.doc, 3), 'u1[s1:قال | t1:The]Am u5[s2:واف | _]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.equal(split.selection.$head.parent.attrs.id, 's2');
  checkUndoAndValid(s1, split);
});

test('merge with previous keeps the cursor sentence and takes the least advanced status', () => {
  const s0 = at(makeState(), 's2', 0);
  const merged = run(s0, commands.mergeRowPrevious);
  assert.equal(show(merged.doc, 3), 'u1[s1:قال s2:واف | t1:The]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.equal(merged.selection.$head.parent.attrs.id, 's2');
  checkUndoAndValid(s0, merged);
  assert.equal(commands.mergeRowPrevious(at(makeState(), 's1'), undefined), false, 'no row before the first');
  assert.equal(commands.mergeRowNext(at(makeState(), 's4'), undefined), false, 'no row after the last');
});

test('a merge that lowers a row\'s status says so on the transaction (the app shows it); equal statuses say nothing', () => {
  let told: unknown = 'none';
  const catchMeta = (state: EditorState) => (tr: import('prosemirror-state').Transaction) => { told = tr.getMeta(STATUS_LOWERED); state.apply(tr); };
  const s0 = at(makeState(), 's2', 0); // u1 draft, u2 auto
  assert.equal(commands.mergeRowPrevious(s0, catchMeta(s0)), true);
  assert.deepEqual(told, { from: 'draft', to: 'auto' });
  const s1 = at(makeState(), 's3', 0); // u2 auto, u3 auto
  commands.mergeRowPrevious(s1, catchMeta(s1));
  assert.equal(told, undefined);
});

test('split a 2-2 row from the English side gives two 1-1 rows', () => {
  let s = run(at(makeState(), 't1', -1), commands.splitTarget);
  s = s.apply(s.tr.insertText('Second.'));
  s = run(at(s, 's1'), commands.mergeRowNext);
  assert.equal(show(s.doc, 3), 'u1[s1:قال s2:واف | t1:The t2:Sec]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  const before = at(s, 't2', 3);
  const split = run(before, commands.splitRow);
  assert.equal(show(split.doc, 3), 'u1[s1:قال | t1:The]Am u5[s2:واف | t2:Sec]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  checkUndoAndValid(before, split);
  assert.equal(commands.splitRow(at(makeState(), 's3'), undefined), false, 'one sentence: nothing to split');
});

test('insert an empty 0-1 row after the cursor row', () => {
  const s0 = at(makeState(), 's2', 1);
  const s1 = run(s0, commands.insertTargetRow);
  assert.equal(show(s1.doc, 3), 'u1[s1:قال | t1:The]D u2[s2:واف | _]A u5[ | _]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  assert.equal(s1.selection.$head.parent.type.name, 'target_sentence');
  assert.equal(s1.selection.$head.node(ROW_DEPTH).attrs.id, 'u5');
  checkUndoAndValid(s0, s1);
  // typing there makes a 0-1 unit with a fresh target id
  const typed = s1.apply(s1.tr.insertText('An added sentence.'));
  const ann = docToAnnotations(typed.doc, fixture(), TEXT);
  assert.deepEqual(ann.units[2], { id: 'u5', source: [], target: ['t2'], status: 'draft', origin: 'manual', confirmed: false });
});

test('leave untranslated moves the English to the next row and marks the row (1-0)', () => {
  const s0 = at(makeState(), 's1', 4);
  const s1 = run(s0, commands.leaveUntranslated);
  assert.equal(show(s1.doc, 3), 'u1[s1:قال | _]Dcum u2[s2:واف | t1:The]Am u3[s3:لم  | _]A u4[s4:وان | _]A');
  const ann = docToAnnotations(s1.doc, fixture(), TEXT);
  assert.deepEqual(ann.units[0].target, []);
  assert.equal(ann.units[0].confirmed, true);
  checkUndoAndValid(s0, s1);
  // again: unmark
  const s2 = run(s1, commands.leaveUntranslated);
  assert.equal(rowNode(s2.doc, 0).attrs.untranslated, false);
  // the last row: its English goes to a new 0-n row
  let last = atTarget(makeState(), 3);
  last = last.apply(last.tr.insertText('Done.'));
  const s3 = run(last, commands.leaveUntranslated);
  assert.equal(show(s3.doc, 3).split(' u4')[1], '[s4:وان | _]Dcum u5[ | t2:Don]Am');
});

test('typing English into an untranslated row clears the mark', () => {
  const s1 = run(at(makeState(), 's1'), commands.leaveUntranslated);
  const placeholder = atTarget(s1, 0);
  const typed = placeholder.apply(placeholder.tr.insertText('x'));
  assert.equal(rowNode(typed.doc, 0).attrs.untranslated, false);
});
