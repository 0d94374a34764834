// Inserting memory matches into rows: one undo step restores the row exactly, status policy,
// mentions on replaced English dropped, bulk fill skips rows with English, go-to-row selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import {
  fillTranslations, insertTranslation, rowArabic, untranslatedRows,
} from '../../../../renderer/editor/commands/translation.ts';
import { mentionsOf } from '../../../../renderer/editor/entities/doc.ts';
import { docToAnnotations } from '../../../../renderer/editor/convert.ts';
import { at, atTarget, fixture, makeState, run, S2, S3, TEXT, rowNode } from '../helpers.ts';
import { rowCount } from '../../../../renderer/editor/rows.ts';

const unitOf = (s: ReturnType<typeof makeState>, i: number) => rowNode(s.doc, i).attrs.id as string;

test('insertTranslation fills an empty English as draft, caret at its end; one undo restores the document', () => {
  const s0 = at(makeState(), 's2');
  const u = unitOf(s0, 1);
  assert.equal(rowNode(s0.doc, 1).attrs.status, 'auto');
  const text = 'The branch 🚀 opened in Dubai in ٢٠٢٤.';
  const s1 = run(s0, insertTranslation(u, text));
  assert.equal(rowNode(s1.doc, 1).child(1).childCount, 1);
  assert.equal(rowNode(s1.doc, 1).child(1).textContent, text);
  assert.equal(rowNode(s1.doc, 1).attrs.status, 'draft');
  // the new sentence got a fresh id from the ids plugin
  assert.match(rowNode(s1.doc, 1).child(1).child(0).attrs.id as string, /^t\d+$/);
  assert.equal(s1.selection.empty, true);
  assert.equal(s1.selection.$head.parent.textContent, text);
  assert.equal(s1.selection.$head.parentOffset, text.length);
  // the Arabic is never touched
  assert.equal(rowArabic(rowNode(s1.doc, 1)), S2);
  const back = run(s1, commands.undo);
  assert.ok(back.doc.eq(s0.doc), 'one undo restores the row exactly');
  assert.ok(run(back, commands.redo).doc.eq(s1.doc));
});

test('insertTranslation replaces existing English, drops its mentions, keeps the first sentence id; translated → draft', () => {
  let s0 = at(makeState(), 's1');
  // a reviewed row (set directly: the command refuses outside review mode)
  s0 = s0.apply(s0.tr.setNodeAttribute(0, 'status', 'reviewed'));
  const u = unitOf(s0, 0);
  assert.equal(mentionsOf(s0.doc).filter((m) => m.sentence.side === 'en').length, 1);
  const s1 = run(s0, insertTranslation(u, 'The president said the company will hire 123 people.'));
  assert.equal(rowNode(s1.doc, 0).child(1).child(0).attrs.id, 't1');
  assert.equal(rowNode(s1.doc, 0).attrs.status, 'draft', 'new English is no longer reviewed');
  assert.equal(mentionsOf(s1.doc).filter((m) => m.sentence.side === 'en').length, 0);
  assert.equal(mentionsOf(s1.doc).filter((m) => m.sentence.side === 'ar').length, 1, 'Arabic mentions stay');
  const a = docToAnnotations(s1.doc, fixture(), TEXT);
  assert.equal(a.targets.find((t) => t.id === 't1')?.text, 'The president said the company will hire 123 people.');
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
  // an explicit status is kept as given; the same English and status again is not a change
  const s2 = run(s0, insertTranslation(u, 'X', 'translated'));
  assert.equal(rowNode(s2.doc, 0).attrs.status, 'translated');
  assert.equal(insertTranslation(u, 'X', 'translated')(s2), false);
  assert.equal(insertTranslation('nope', 'X')(s0), false, 'unknown unit');
  assert.equal(insertTranslation(u, '   ')(s0), false, 'nothing to insert');
});

test('a row left untranslated (1-0) stops being so when a match is inserted', () => {
  const s0 = run(at(makeState(), 's3'), commands.leaveUntranslated);
  const u = unitOf(s0, 2);
  assert.equal(rowNode(s0.doc, 2).attrs.untranslated, true);
  assert.deepEqual(untranslatedRows(s0.doc).map((r) => r.unit).includes(u), false, 'untranslated on purpose: not filled in bulk');
  const s1 = run(s0, insertTranslation(u, 'He did not comment.'));
  assert.equal(rowNode(s1.doc, 2).attrs.untranslated, false);
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
});

test('fillTranslations: many rows in one undo step, status auto, rows with English skipped when onlyEmpty', () => {
  const s0 = at(makeState(), 's1');
  const empty = untranslatedRows(s0.doc);
  assert.deepEqual(empty.map((r) => r.ar), [S2, S3, 'وانتهى الاجتماع.']);
  const fills = [
    { unit: unitOf(s0, 0), text: 'must not replace' },
    { unit: unitOf(s0, 1), text: 'Filled one.' },
    { unit: unitOf(s0, 2), text: 'Filled two.' },
  ];
  const s1 = run(s0, fillTranslations(fills, { status: 'auto', onlyEmpty: true }));
  assert.equal(rowNode(s1.doc, 0).child(1).textContent, 'The president said Apple will hire 123 people.');
  assert.equal(rowNode(s1.doc, 1).child(1).textContent, 'Filled one.');
  assert.equal(rowNode(s1.doc, 2).child(1).textContent, 'Filled two.');
  assert.equal(rowNode(s1.doc, 1).attrs.status, 'auto');
  assert.equal(rowNode(s1.doc, 0).attrs.status, 'draft', 'the skipped row is untouched');
  assert.equal(s1.selection.from, s0.selection.from, 'the caret stays where it was (only rows after it changed)');
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc), 'one undo for the whole fill');
  assert.equal(fillTranslations([fills[0]], { status: 'auto', onlyEmpty: true })(s0), false);
});

test('property: any insertion into any row, then one undo, gives back the same document', () => {
  const rows = rowCount(makeState().doc);
  fc.assert(fc.property(
    fc.integer({ min: 0, max: rows - 1 }),
    fc.integer({ min: 0, max: rows - 1 }),
    fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '٣', '9', '🚀', 'é', '.', 'ب', '\u064E'), minLength: 1, maxLength: 40 }),
    fc.constantFrom('auto', 'draft', 'translated' as const),
    fc.boolean(),
    (row, caretRow, text, status, typedFirst) => {
      let s0 = atTarget(makeState(), caretRow, 0);
      // sometimes the user typed first (a separate history event)
      if (typedFirst) s0 = s0.apply(s0.tr.insertText('x'));
      const u = unitOf(s0, row);
      const cmd = insertTranslation(u, text, status);
      if (!cmd(s0)) return text.trim() === '' || rowNode(s0.doc, row).child(1).textContent === text;
      const s1 = run(s0, cmd);
      assert.equal(rowNode(s1.doc, row).child(1).textContent, text);
      assert.equal(rowNode(s1.doc, row).attrs.status, status);
      assert.equal(rowCount(s1.doc), rowCount(s0.doc));
      assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
      return true;
    },
  ), { numRuns: 150 });
});

