import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { goToRow } from '../../../../renderer/editor/commands/navigate.ts';
import { at, atTarget, fixture, makeState, run, TEXT } from '../helpers.ts';
import { ROW_DEPTH } from '../../../../renderer/editor/rows.ts';
import { QA_CHECKS, type QaFinding, type QaRow } from '../../../../shared/qa/types.ts';

test('Tab and Shift-Tab go to the next and previous row English cell', () => {
  const s = run(at(makeState(), 's1'), commands.nextRowTarget);
  assert.equal(s.selection.$head.node(ROW_DEPTH).attrs.id, 'u2');
  assert.equal(s.selection.$head.parent.type.name, 'target_sentence');
  const back = run(s, commands.previousRowTarget);
  assert.equal(back.selection.$head.node(ROW_DEPTH).attrs.id, 'u1');
  assert.equal(back.selection.$head.parentOffset, back.selection.$head.parent.content.size, 'at the end of the English');
  assert.equal(commands.previousRowTarget(back, undefined), false);
});

test('step through low-confidence rows', () => {
  const a = fixture();
  a.units[1].confidence = 0.2;
  a.units[2].confidence = 0.9;
  a.units[3].confidence = 0.49;
  // QA off: only the confidence decides here (QA stops are tested below)
  const s0 = at(makeState(a, TEXT, { qa: { ctx: { disabled: [...QA_CHECKS] } } }), 's1');
  const s1 = run(s0, commands.nextLowConfidence);
  assert.equal(s1.selection.$head.node(ROW_DEPTH).attrs.id, 'u2');
  const s2 = run(s1, commands.nextLowConfidence);
  assert.equal(s2.selection.$head.node(ROW_DEPTH).attrs.id, 'u4');
  assert.equal(commands.nextLowConfidence(s2, undefined), false);
  assert.equal(run(s2, commands.previousLowConfidence).selection.$head.node(ROW_DEPTH).attrs.id, 'u2');
});

/** A row check flagging rows whose English mentions "٦٧" as the number 76 (a stand-in for the real checks). */
const wrongNumber = (row: QaRow): QaFinding[] => (row.en.includes('76')
  ? [{ check: 'number-mismatch', severity: 'error', unit: row.unit, row: row.row, messageKey: 'numberValue', params: { ar: '٦٧', en: '76' }, ar: row.ar, en: row.en }]
  : []);

test('F8 / Shift-F8 stop at low-confidence rows and at rows with an open QA finding, in document order', () => {
  const a = fixture();
  a.targets.push({ id: 't3', text: 'He said 76.' });
  a.units[2].target = ['t3'];
  a.units[3].confidence = 0.3;
  const s0 = at(makeState(a, TEXT, { qa: { check: wrongNumber } }), 's1');
  const s1 = run(s0, commands.nextLowConfidence);
  assert.equal(s1.selection.$head.node(ROW_DEPTH).attrs.id, 'u3', 'the QA row first');
  const s2 = run(s1, commands.nextLowConfidence);
  assert.equal(s2.selection.$head.node(ROW_DEPTH).attrs.id, 'u4', 'then the low-confidence row');
  assert.equal(commands.nextLowConfidence(s2, undefined), false);
  assert.equal(run(s2, commands.previousLowConfidence).selection.$head.node(ROW_DEPTH).attrs.id, 'u3');
  // an ignored finding is no stop any more
  const ignored = makeState({ ...a, units: a.units.map((u, i) => (i === 2 ? { ...u, qaIgnore: ['number-mismatch'] } : u)) }, TEXT, { qa: { check: wrongNumber } });
  assert.equal(run(at(ignored, 's1'), commands.nextLowConfidence).selection.$head.node(ROW_DEPTH).attrs.id, 'u4');
});

test('goToRow puts the cursor at the end of the row English; false out of range', () => {
  const s = makeState();
  const moved = run(s, goToRow(0));
  assert.equal(moved.selection.$head.node(ROW_DEPTH).attrs.id, 'u1');
  assert.equal(moved.selection.head, atTarget(s, 0, -1).selection.head);
  assert.equal(run(s, goToRow(3)).selection.$head.node(ROW_DEPTH).attrs.id, 'u4');
  assert.equal(goToRow(4)(s), false);
  assert.equal(goToRow(-1)(s), false);
});
