// The QA plugin: every row checked once at open, then only the rows whose node changed; ignores
// kept apart; consistency computed on request; the ignore command is one undo step and round-trips
// through the sidecar model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection } from 'prosemirror-state';
import fc from 'fast-check';
import { undo, undoDepth } from 'prosemirror-history';
import { qaFindings, qaKey, qaRowPositions, refreshConsistencyTr, setQaContextTr } from '../../../../renderer/editor/plugins/qa.ts';
import { setQaIgnore } from '../../../../renderer/editor/commands/qa.ts';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { annotationsToDoc, docToAnnotations } from '../../../../renderer/editor/convert.ts';
import { schema } from '../../../../renderer/editor/schema.ts';
import type { QaContext, QaFinding, QaRow } from '../../../../shared/qa/types.ts';
import type { Annotations } from '../../../../shared/model/types.ts';
import { at, fixture, makeState, posIn, run, spanOf, TEXT, rowNode } from '../helpers.ts';
import { rowAt, rowCount } from '../../../../renderer/editor/rows.ts';

/** A stand-in for the real checks: every Arabic-Indic number of the Arabic must be in the English
 * (Western digits); counts its calls and remembers the rows it saw. */
function spy() {
  const seen: QaRow[] = [];
  const check = (row: QaRow, ctx: QaContext): QaFinding[] => {
    seen.push(row);
    if (ctx.disabled?.includes('number-mismatch')) return [];
    const nums = row.ar.match(/[٠-٩]+/g) ?? [];
    return nums
      .map((n) => [...n].map((d) => d.charCodeAt(0) - 0x660).join(''))
      .filter((n) => !row.en.includes(n))
      .map((n) => ({ check: 'number-mismatch', severity: 'error', unit: row.unit, row: row.row, messageKey: 'numberMissingEn', params: { number: n }, ar: row.ar, en: row.en }));
  };
  return { check, seen };
}

/** The fixture with English in rows 1 and 2 (row 2's Arabic has ٢٠٢٤). */
function twoTranslated(): Annotations {
  const a = fixture();
  a.targets.push({ id: 't2', text: 'The branch opened 🚀 in Dubai in 2024.' });
  a.units[1].target = ['t2'];
  return a;
}

function typeAt(state: EditorState, pos: number, text: string): EditorState {
  return state.apply(state.tr.insertText(text, pos));
}

const YEAR_AT = 'The branch opened 🚀 in Dubai in '.length;

/** Row 2's English year 2024 typed over with `year`. */
function retypeYear(state: EditorState, year: string): EditorState {
  const p = posIn(state.doc, 't2', YEAR_AT);
  return state.apply(state.tr.insertText(year, p, p + 4));
}

test('at open every row is checked once; Arabic, English and mention renderings reach the check', () => {
  const s = spy();
  const state = makeState(twoTranslated(), TEXT, { qa: { check: s.check } });
  assert.equal(s.seen.length, 4);
  assert.deepEqual(s.seen.map((r) => r.row), [0, 1, 2, 3]);
  assert.equal(s.seen[1].en, 'The branch opened 🚀 in Dubai in 2024.');
  assert.ok(s.seen[1].ar.includes('٢٠٢٤'));
  // row 0's Arabic mention "Apple" is linked to an entity rendered "Apple" in the English
  assert.deepEqual(s.seen[0].mentions, [{ text: 'Apple', type: 'ORG', renderings: ['Apple'] }]);
  assert.deepEqual(qaFindings(state), []);
});

test('typing re-checks only the edited row; the other rows keep their very finding objects', () => {
  const s = spy();
  let state = makeState(twoTranslated(), TEXT, { qa: { check: s.check } });
  // row 3 (index 2) has Arabic without digits; give row 4's English a finding first: none (no digits)
  const before = qaKey.getState(state)!;
  s.seen.length = 0;
  // 2024 → 2042 in row 2's English: a number finding appears
  state = retypeYear(state, '2042');
  assert.equal(s.seen.length, 1, 'one row re-checked: ' + JSON.stringify(s.seen.map((r) => [r.unit, r.en])));
  assert.equal(s.seen[0].unit, 'u2');
  const found = qaFindings(state);
  assert.equal(found.length, 1);
  assert.equal(found[0].unit, 'u2');
  assert.deepEqual(found[0].params, { number: '2024' });
  const after = qaKey.getState(state)!;
  for (const i of [0, 2, 3]) assert.equal(after.rows[i], before.rows[i], `row ${i} entry untouched`);
  assert.deepEqual(qaRowPositions(state), [rowAt(state.doc, 1)!.pos]);
  // fixing it: the finding goes, again one call
  s.seen.length = 0;
  state = retypeYear(state, '2024');
  assert.equal(s.seen.length, 1);
  assert.deepEqual(qaFindings(state), []);
  // a selection change checks nothing
  s.seen.length = 0;
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posIn(state.doc, 's1', 2))));
  assert.equal(s.seen.length, 0);
  assert.equal(qaKey.getState(state)!.rows, qaKey.getState(at(state, 's2'))!.rows);
});

test('rows shifted by a row operation are re-indexed, not re-checked', () => {
  const s = spy();
  let state = makeState(twoTranslated(), TEXT, { qa: { check: s.check } });
  state = retypeYear(state, '2042');
  assert.equal(qaFindings(state)[0].row, 1);
  s.seen.length = 0;
  // an empty English-only row inserted after row 1 (index 0)
  state = run(at(state, 't1', 3), commands.insertTargetRow);
  assert.equal(rowCount(state.doc), 5);
  assert.ok(s.seen.length <= 2, `${s.seen.length} rows re-checked`);
  const f = qaFindings(state);
  assert.equal(f.length, 1);
  assert.equal(f[0].row, 2, 'the finding follows its row');
  assert.equal(f[0].unit, 'u2');
});

test('a new context (settings) checks every row again with it', () => {
  const s = spy();
  let state = makeState(twoTranslated(), TEXT, { qa: { check: s.check } });
  state = retypeYear(state, '2042');
  assert.equal(qaFindings(state).length, 1);
  s.seen.length = 0;
  const depth = undoDepth(state);
  state = state.apply(setQaContextTr(state, { disabled: ['number-mismatch'] }));
  assert.equal(s.seen.length, 4);
  assert.deepEqual(qaFindings(state), []);
  assert.equal(undoDepth(state), depth, 'not an undo step');
});

test('ignore and un-ignore: one undo step each, kept apart from open findings, saved as unit.qaIgnore', () => {
  const s = spy();
  const a = twoTranslated();
  let state = makeState(a, TEXT, { qa: { check: s.check } });
  state = retypeYear(state, '2042');
  assert.equal(qaFindings(state).length, 1);
  const typed = state;
  state = run(state, setQaIgnore('u2', 'number-mismatch', true));
  assert.deepEqual(qaFindings(state), []);
  assert.equal(qaFindings(state, 'ignored').length, 1);
  assert.deepEqual(qaRowPositions(state), []);
  assert.equal(setQaIgnore('u2', 'number-mismatch', true)(state), false, 'already ignored');
  assert.equal(setQaIgnore('nope', 'number-mismatch', true)(typed), false);
  // the row keeps its status (a row operation, not typing)
  assert.equal(rowNode(state.doc, 1).attrs.status, rowNode(typed.doc, 1).attrs.status);

  const saved = docToAnnotations(state.doc, a, TEXT);
  assert.deepEqual(saved.units[1].qaIgnore, ['number-mismatch']);
  assert.equal('qaIgnore' in saved.units[0], false, 'written only when non-empty');
  // reload: the ignore is back on the row
  const reloaded = annotationsToDoc(schema, saved, TEXT);
  assert.deepEqual(rowNode(reloaded, 1).attrs.qaIgnore, ['number-mismatch']);
  assert.deepEqual(docToAnnotations(reloaded, saved, TEXT), saved);

  // one undo step: the finding is open again, the text stays typed
  let undone: EditorState | null = null;
  assert.ok(undo(state, (tr) => (undone = state.apply(tr))));
  assert.equal(undone!.doc.textContent, typed.doc.textContent);
  assert.equal(qaFindings(undone!).length, 1);

  const back = run(state, setQaIgnore('u2', 'number-mismatch', false));
  assert.equal(qaFindings(back).length, 1);
  assert.equal('qaIgnore' in docToAnnotations(back.doc, a, TEXT).units[1], false);
});

test('consistency: computed on request from the rows already built, dropped for a row that changes', () => {
  const a = fixture();
  // rows 3 and 4 get the same Arabic? they differ; use a stand-in check that pairs rows 1 and 2
  a.targets.push({ id: 't2', text: 'The branch opened.' });
  a.units[1].target = ['t2'];
  let state = makeState(a, TEXT, { qa: { check: () => [] } });
  let calls = 0;
  const pairs = (rows: readonly QaRow[]): QaFinding[] => {
    calls++;
    return rows.filter((r) => r.en).map((r) => ({ check: 'inconsistent-translation', severity: 'warning', unit: r.unit, row: r.row, messageKey: 'inconsistent', params: { count: 2 }, ar: r.ar, en: r.en }));
  };
  const tr = refreshConsistencyTr(state, pairs);
  assert.ok(tr);
  state = state.apply(tr);
  assert.equal(calls, 1);
  assert.deepEqual(qaFindings(state).map((f) => f.unit), ['u1', 'u2']);
  assert.equal(refreshConsistencyTr(state, pairs), null, 'nothing changed since');
  state = typeAt(state, posIn(state.doc, 't2', 0), 'So ');
  assert.deepEqual(qaFindings(state).map((f) => f.unit), ['u1'], 'the edited row waits for the next computation');
  assert.ok(refreshConsistencyTr(state, pairs));
});

test('with the real checks: ١٢٣ in the Arabic against 132 typed in the English is a number finding, 123 clears it', () => {
  let state = makeState(twoTranslated());
  const numbers = () => qaFindings(state).filter((x) => x.check === 'number-mismatch' && x.unit === 'u1');
  assert.deepEqual(numbers(), []);
  const p = posIn(state.doc, 't1', 'The president said Apple will hire '.length);
  state = state.apply(state.tr.insertText('132', p, p + 3));
  assert.equal(numbers().length > 0, true);
  assert.equal(numbers()[0].severity, 'error');
  state = state.apply(state.tr.insertText('123', p, p + 3));
  assert.deepEqual(numbers(), []);
});

test('property: after any run of edits, row commands and ignores, the findings equal a fresh check of the document', () => {
  const ops = fc.array(fc.oneof(
    fc.record({ kind: fc.constant('type' as const), row: fc.constantFrom(0, 0, 1, 2, 3), at: fc.nat(60), text: fc.constantFrom('٦٧', '67', '2024', ' ', '  ', '(', 'Apple', 'قال', '?', '١٢٣') }),
    fc.record({ kind: fc.constant('delete' as const), row: fc.nat(3), at: fc.nat(60), len: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('command' as const), row: fc.nat(3), name: fc.constantFrom('splitRow', 'mergeRowNext', 'insertTargetRow', 'moveSentenceDown', 'splitTarget', 'undo') }),
    fc.record({ kind: fc.constant('ignore' as const), row: fc.nat(3), check: fc.constantFrom('number-mismatch', 'spacing', 'untranslated', 'length') }),
  ), { maxLength: 12 });
  // row 2's Arabic "دبيّ" is linked to the entity row 1 renders "Apple": edits of row 1's mention
  // change what row 2 is checked against
  const a = twoTranslated();
  const dubai = spanOf('دبيّ');
  a.mentions.push({ id: 'm3', side: 'ar', sentence: 's2', start: dubai.start, end: dubai.end, text: 'دبيّ', type: 'ORG', entity: 'e1' });
  fc.assert(fc.property(ops, (list) => {
    // rows in groups of 1–3: edits next to a group boundary too
    let state = makeState(a, TEXT, { groupSize: 1 + (list.length % 3) });
    for (const op of list) {
      const n = rowCount(state.doc);
      const rowIndex = op.row % n;
      const { row, pos: rowPos } = rowAt(state.doc, rowIndex)!;
      const tgtStart = rowPos + 1 + row.child(0).nodeSize + 2; // inside the first English sentence
      const size = row.child(1).child(0).content.size;
      if (op.kind === 'type') state = state.apply(state.tr.insertText(op.text, tgtStart + Math.min(op.at, size)));
      else if (op.kind === 'delete') {
        const from = tgtStart + Math.min(op.at, size);
        const to = Math.min(tgtStart + size, from + op.len);
        if (to > from) state = state.apply(state.tr.delete(from, to));
      } else if (op.kind === 'ignore') {
        const unit = row.attrs.id as string;
        const on = !(row.attrs.qaIgnore as string[]).includes(op.check);
        setQaIgnore(unit, op.check, on)(state, (tr) => (state = state.apply(tr)));
      } else {
        const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, tgtStart + Math.min(3, size))));
        (commands as Record<string, (s: EditorState, d: (tr: import('prosemirror-state').Transaction) => void) => boolean>)[op.name](placed, (tr) => (state = placed.apply(tr)));
      }
    }
    const fresh = EditorState.create({ doc: state.doc, plugins: state.plugins });
    assert.deepEqual(qaFindings(state), qaFindings(fresh));
    assert.deepEqual(qaFindings(state, 'ignored'), qaFindings(fresh, 'ignored'));
    assert.deepEqual(qaRowPositions(state), qaRowPositions(fresh));
  }), { numRuns: 150 });
});
