// ProseMirror's command contract for the entity commands: every refusal returns false and
// dispatches nothing, with or without `dispatch` (so a key falls through to the next handler and
// the platform); the key handler says why only for commands that can (explainRefusal), and a
// refused Alt+Backspace is left to the platform's delete-word (handleKeyDown returns false).
// Arabic fixtures: harakat, Arabic-Indic digits, an emoji, Latin inside Arabic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import {
  acceptSuggestion, cancelLink, changeTagType, explainRefusal, gotoSuggestion, linkMention, linkWith, rejectSuggestion, removeTag,
  tagAllOccurrences, tagSelection, type ExplainedCommand,
} from '../../../../renderer/editor/commands/entities.ts';
import { mentionsOf } from '../../../../renderer/editor/entities/doc.ts';
import { entityKey } from '../../../../renderer/editor/entities/state.ts';
import { entityKeys } from '../../../../renderer/editor/plugins/entity-keys.ts';
import { fixture, makeState, posIn, run, S1, S3 } from '../helpers.ts';

const caret = (s: EditorState, id: string, off: number) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, posIn(s.doc, id, off))));
const range = (s: EditorState, id: string, a: number, b: number) =>
  s.apply(s.tr.setSelection(TextSelection.create(s.doc, posIn(s.doc, id, a), posIn(s.doc, id, b))));

/** Asserts a refusal: false with and without dispatch, nothing dispatched; returns the reason. */
function refusal(state: EditorState, cmd: Command): string | null {
  let dispatched = 0;
  assert.equal(cmd(state, () => dispatched++), false);
  assert.equal(cmd(state), false);
  assert.equal(dispatched, 0, 'nothing dispatched');
  return 'refusal' in cmd ? (cmd as ExplainedCommand).refusal(state)?.key ?? null : null;
}

const base = makeState(fixture(), undefined, { entities: { preAnnotate: false } });
// المتحدث tagged in row 3 (s3), so two rows hold mentions
const tagged = run(range(base, 's3', S3.indexOf('المتحدث'), S3.indexOf('المتحدث') + 'المتحدث'.length), tagSelection('PER'));

test('each refusal returns false and dispatches nothing, and names its reason', () => {
  const ar = S1.indexOf('الرئيس');
  const cases: Array<[string, EditorState, Command, string | null]> = [
    ['remove off a mention', caret(base, 's1', ar + 2), removeTag, 'noMention'],
    ['change type off a mention', caret(base, 's1', ar + 2), changeTagType('LOC'), 'noMention'],
    ['link off a mention', caret(base, 's1', ar + 2), linkMention, 'noMention'],
    ['tag all off a mention', caret(base, 's1', ar + 2), tagAllOccurrences, 'noMention'],
    ['accept with no suggestion', caret(base, 's1', 0), acceptSuggestion, 'noSuggestion'],
    ['next suggestion with none', caret(base, 's1', 0), gotoSuggestion(1), 'noSuggestion'],
    ['tag across two sentences', base.apply(base.tr.setSelection(TextSelection.create(base.doc, posIn(base.doc, 's1', 2), posIn(base.doc, 's2', 3)))), tagSelection('PER'), 'oneSentence'],
    ['tag on a space', range(base, 's1', S1.indexOf(' '), S1.indexOf(' ') + 1), tagSelection('PER'), 'nothing'],
    ['tag over a mention', range(base, 's1', S1.indexOf('شركة'), S1.indexOf('Apple') + 7), tagSelection('PER', { exact: true }), 'overlap'],
    ['reject with no suggestion', caret(base, 's1', 0), rejectSuggestion, null],
    ['cancel with no link', caret(base, 's1', 0), cancelLink, null],
  ];
  for (const [name, state, cmd, why] of cases) assert.equal(refusal(state, cmd), why, name);
});

test('link refusals: same side, another row, a start that vanished (the explanation drops the link)', () => {
  const apple = S1.indexOf('Apple');
  const started = run(caret(tagged, 's1', apple + 1), linkMention);
  assert.equal(entityKey.getState(started)!.link?.text, 'Apple');
  const other = mentionsOf(started.doc).find((r) => r.text === 'المتحدث')!;
  assert.equal(refusal(started, linkWith(other)), 'sameSide');
  // the English Apple of row 1 would link; a made-up English mention in row 3 may not
  const en = mentionsOf(started.doc).find((r) => r.sentence.side === 'en')!;
  assert.equal(refusal(started, linkWith({ ...en, sentence: { ...en.sentence, row: 2 } })), 'differentRows');
  // the start mention removed meanwhile: refused, and the explanation cancels the pending link
  const removed = run(caret(started, 's1', apple + 1), removeTag);
  assert.equal(refusal(removed, linkWith(en)), 'noMention');
  let next: EditorState | null = null;
  assert.ok(explainRefusal(linkWith(en), removed, (tr) => { next = removed.apply(tr); }));
  assert.equal(entityKey.getState(next!)!.link, null);
  assert.equal(entityKey.getState(next!)!.message?.key, 'noMention');
  assert.equal(next!.doc, removed.doc);
});

/** The entity keys' handleKeyDown on a fake view holding `state`. */
function press(state: EditorState, ev: Partial<KeyboardEvent>): { handled: boolean; trs: Transaction[] } {
  const trs: Transaction[] = [];
  const view = { state, dispatch: (tr: Transaction) => trs.push(tr) } as unknown as EditorView;
  const full = { key: '', code: '', altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...ev } as KeyboardEvent;
  const handled = entityKeys().props.handleKeyDown!.call(undefined as never, view, full) as boolean;
  return { handled, trs };
}

test('a refused Alt+Backspace is left to the platform (delete-word); a refused tag key says why', () => {
  // in the English, off any mention or suggestion: Alt+Backspace deletes the word before the caret
  const en = caret(tagged, 't1', 'The president'.length);
  const bs = press(en, { key: 'Backspace', code: 'Backspace', altKey: true });
  assert.deepEqual(bs, { handled: false, trs: [] });
  const del = press(en, { key: 'Delete', code: 'Delete', altKey: true });
  assert.deepEqual(del, { handled: false, trs: [] });
  // on a mention it removes the tag (handled, one transaction)
  const onApple = caret(tagged, 't1', 'The president said Ap'.length);
  const removed = press(onApple, { key: 'Backspace', code: 'Backspace', altKey: true });
  assert.equal(removed.handled, true);
  assert.equal(removed.trs.length, 1);
  // Enter in the Arabic off a suggestion goes on to the editor's keymap
  assert.deepEqual(press(caret(tagged, 's2', 2), { key: 'Enter', code: 'Enter' }), { handled: false, trs: [] });
  // a refused tag key (P on a space in the Arabic) takes the key and shows why, changing nothing
  const space = range(tagged, 's1', S1.indexOf(' '), S1.indexOf(' ') + 1);
  const p = press(space, { key: 'p', code: 'KeyP' });
  assert.equal(p.handled, true);
  assert.equal(p.trs.length, 1);
  assert.equal(p.trs[0].docChanged, false);
  assert.equal((p.trs[0].getMeta(entityKey) as { message: { key: string } }).message.key, 'nothing');
});
