// Resolving merge conflicts (shared/review/conflicts.ts): which choices apply and the edit each makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choicesFor, conflictEdit, valueText } from '../../../shared/review/conflicts.ts';
import type { MergeConflict } from '../../../shared/model/types.ts';

const english: MergeConflict = { id: 'k1', kind: 'english', unit: 'u2', base: 'The prince arrived.', ours: 'The emir arrived.', theirs: 'The prince has arrived.' };

test('english (one sentence per conflict): ours drops the record only, theirs sets their text, both joins them; a side that dropped the sentence', () => {
  assert.deepEqual(choicesFor(english), ['ours', 'theirs', 'both']);
  assert.deepEqual(conflictEdit(english, 'ours'), { kind: 'none' });
  assert.deepEqual(conflictEdit(english, 'theirs'), { kind: 'english', unit: 'u2', ours: 'The emir arrived.', text: 'The prince has arrived.' });
  assert.deepEqual(conflictEdit(english, 'both'), { kind: 'english', unit: 'u2', ours: 'The emir arrived.', text: 'The emir arrived. The prince has arrived.' });
  const theyDropped: MergeConflict = { ...english, theirs: null };
  assert.deepEqual(choicesFor(theyDropped), ['ours', 'theirs']);
  assert.deepEqual(conflictEdit(theyDropped, 'theirs'), { kind: 'english', unit: 'u2', ours: 'The emir arrived.', text: null });
});

test('status: theirs applies, both does not; an unknown status is not applied', () => {
  const c: MergeConflict = { id: 'k2', kind: 'status', unit: 'u1', ours: 'translated', theirs: 'draft' };
  assert.deepEqual(choicesFor(c), ['ours', 'theirs']);
  assert.deepEqual(conflictEdit(c, 'theirs'), { kind: 'status', unit: 'u1', status: 'draft' });
  assert.equal(conflictEdit({ ...c, theirs: 'approved' }, 'theirs'), null);
});

test('mentions: same span two types (theirs replaces ours); theirs deleted it; non-overlapping both; rows only ours', () => {
  const ours = { id: 'm1', side: 'ar', sentence: 's1', start: 4, end: 9, text: 'دُبيّ', type: 'LOC', entity: 'e1' };
  const theirs = { ...ours, type: 'ORG', entity: 'e7' };
  const typeConflict: MergeConflict = { id: 'k3', kind: 'mentionType', unit: 'u1', ours, theirs };
  assert.deepEqual(choicesFor(typeConflict), ['ours', 'theirs'], 'one span cannot carry two types');
  assert.deepEqual(conflictEdit(typeConflict, 'theirs'), { kind: 'mentions', remove: ours, add: [theirs] });
  const bare: MergeConflict = { id: 'k4', kind: 'mentionType', ours, theirs: 'ORG' };
  assert.deepEqual(conflictEdit(bare, 'theirs'), { kind: 'mentions', remove: ours, add: [{ ...ours, type: 'ORG' }] });
  const deleted: MergeConflict = { id: 'k5', kind: 'mention', ours, theirs: null };
  assert.deepEqual(conflictEdit(deleted, 'theirs'), { kind: 'mentions', remove: ours, add: [] });
  const apart: MergeConflict = { id: 'k6', kind: 'mention', ours, theirs: { ...ours, start: 12, end: 15, text: 'قطر' } };
  assert.deepEqual(conflictEdit(apart, 'both'), { kind: 'mentions', remove: null, add: [apart.theirs] });
  assert.deepEqual(choicesFor({ id: 'k7', kind: 'rows', ours: ['u1'], theirs: ['u1', 'u2'] }), ['ours']);
  assert.equal(valueText(ours), 'دُبيّ (LOC)');
  assert.equal(valueText({ id: 'e1', type: 'LOC', ar: 'دُبيّ', en: 'Dubai' }), 'دُبيّ ↔ Dubai (LOC)');
  assert.equal(valueText([{ id: 'u1', ar: ['قال'], en: ['He said', 'so.'] }, { id: 'u2', ar: [], en: [] }]), 'He said so. ¦ ');
  assert.equal(valueText(null), '');
});
