// Project tag-all in the open report: the host's suggestions are added as ONE undo step (Ctrl+Z
// removes them, redo brings them back, at positions mapped through later edits), saved as pending
// while shown; stale or duplicate ones are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { redo, undo, undoDepth } from 'prosemirror-history';
import { schema } from '../../../../renderer/editor/schema.ts';
import { annotationsToDoc } from '../../../../renderer/editor/convert.ts';
import { editorPlugins } from '../../../../renderer/editor/setup.ts';
import { suggestionsToStore } from '../../../../renderer/editor/commands/entities.ts';
import { suggestionsOf } from '../../../../renderer/editor/entities/state.ts';
import { addSuggestionsTr } from '../../../../renderer/editor/plugins/suggestion-batches.ts';
import { createAnnotations } from '../../../../shared/model/create.ts';
import { cpLength, OffsetMap } from '../../../../shared/text/offsets.ts';
import type { StoredSuggestion } from '../../../../shared/model/types.ts';

const A1 = 'قُتل ٦٧ مقاتلاً في إدلب 😀 أمس.';
const A2 = 'وقالت مصادر بإدلب إن حزب الله طال سراقب.';
const TEXT = `${A1} ${A2}`;
const map = new OffsetMap(TEXT);
const spanOf = (part: string, from = 0) => {
  const u = TEXT.indexOf(part, from);
  return { start: map.toCodePoint(u), end: map.toCodePoint(u + part.length) };
};

const LIST: StoredSuggestion[] = [
  { side: 'ar', sentence: 's1', ...spanOf('إدلب'), text: 'إدلب', type: 'LOC', status: 'pending', confidence: 'high' },
  { side: 'ar', sentence: 's2', ...spanOf('إدلب', TEXT.indexOf(A2)), text: 'إدلب', type: 'LOC', status: 'pending', confidence: 'high' },
  { side: 'ar', sentence: 's2', ...spanOf('حزب الله'), text: 'حزب الله', type: 'ORG', status: 'pending', confidence: 'low', conflict: ['MISC', 'ORG'] },
  // stale (the text is not there): skipped
  { side: 'ar', sentence: 's1', start: 0, end: 3, text: 'xyz', type: 'LOC', status: 'pending' },
];

function makeState(): EditorState {
  const a = createAnnotations(
    { file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(TEXT), language: 'ar' },
    TEXT, [spanOf(A1), spanOf(A2)], '2024-01-01T00:00:00.000Z',
  );
  a.targets.push({ id: 't1', text: 'Idlib' });
  a.units[0].target = ['t1'];
  return EditorState.create({ doc: annotationsToDoc(schema, a, TEXT), plugins: editorPlugins({ sourceText: TEXT, entities: {} }) });
}

/** Applies a transaction the way the view does (appended transactions included). */
const apply = (s: EditorState, tr: Transaction) => s.applyTransaction(tr).state;
function cmd(s: EditorState, c: (st: EditorState, d: (tr: Transaction) => void) => boolean): EditorState {
  let next = s;
  assert.ok(c(s, (tr) => (next = apply(s, tr))));
  return next;
}
const shown = (s: EditorState) => suggestionsOf(s).map((g) => `${s.doc.textBetween(g.from, g.to)}:${g.type}:${g.origin}:${g.confidence}`);

test('added suggestions are one undo step: undo removes them, redo brings them back; saved as pending while shown', () => {
  let s = makeState();
  const r = addSuggestionsTr(s, LIST)!;
  assert.deepEqual(r.added.map((x) => [x.text, x.start, x.end, x.confidence, x.conflict]), LIST.slice(0, 3).map((x) => [x.text, x.start, x.end, x.confidence, x.conflict]));
  s = apply(s, r.tr);
  assert.deepEqual(shown(s), ['إدلب:LOC:stored:high', 'إدلب:LOC:stored:high', 'حزب الله:ORG:stored:low']);
  assert.equal(undoDepth(s), 1);
  assert.deepEqual(suggestionsToStore(s)!.map((x) => [x.text, x.status, x.start, x.end]), LIST.slice(0, 3).map((x) => [x.text, 'pending', x.start, x.end]));
  // the same list again adds nothing (already suggested)
  assert.equal(addSuggestionsTr(s, LIST), null);
  s = cmd(s, undo);
  assert.deepEqual(shown(s), []);
  assert.equal(suggestionsToStore(s), undefined);
  s = cmd(s, redo);
  assert.deepEqual(shown(s), ['إدلب:LOC:stored:high', 'إدلب:LOC:stored:high', 'حزب الله:ORG:stored:low']);
});

test('an edit after the batch is its own undo step; the batch comes back at mapped positions', () => {
  let s = apply(makeState(), addSuggestionsTr(makeState(), LIST)!.tr);
  // type in the English of row 1 (before the second row's Arabic): positions after it move
  let at = -1;
  s.doc.descendants((n, pos) => {
    if (n.type.name === 'target_sentence' && at < 0) at = pos + 1 + n.content.size;
    return at < 0;
  });
  s = apply(s, s.tr.setSelection(TextSelection.create(s.doc, at)).insertText(' today'));
  assert.equal(undoDepth(s), 2);
  s = cmd(s, undo); // the typing
  assert.equal(shown(s).length, 3);
  s = cmd(s, undo); // the batch
  assert.deepEqual(shown(s), []);
  s = cmd(s, redo);
  s = cmd(s, redo);
  assert.deepEqual(suggestionsOf(s).map((g) => s.doc.textBetween(g.from, g.to)), ['إدلب', 'إدلب', 'حزب الله']);
  assert.ok(s.doc.textContent.includes('Idlib today'));
});
