// Issue 15 in the editor: the sidecar's suggestions (from `muwazi entities --propagate`) open as
// pending suggestions, low-confidence ones stay out of "accept all", and rejections are kept for
// the sidecar so they never come back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { schema } from '../../../renderer/editor/schema.ts';
import { annotationsToDoc } from '../../../renderer/editor/convert.ts';
import { editorPlugins } from '../../../renderer/editor/setup.ts';
import type { Command } from '../../../renderer/editor/commands/util.ts';
import { acceptAllSuggestions, gotoSuggestion, rejectSuggestion, suggestionsToStore, tagAllOccurrences, tagSelection } from '../../../renderer/editor/commands/entities.ts';
import { suggestionsOf } from '../../../renderer/editor/entities/state.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { cpLength, OffsetMap } from '../../../shared/text/offsets.ts';
import type { Annotations, StoredSuggestion } from '../../../shared/model/types.ts';

const A1 = 'قُتل ٦٧ مقاتلاً في إدلب 😀 أمس.';
const A2 = 'وقالت مصادر بإدلب إن القصف طال سراقب.';
const A3 = 'وزار أردوغان إدلب.';
const TEXT = `${A1} ${A2}\n${A3}`;

function spanOf(part: string, from = 0): { start: number; end: number } {
  const u = TEXT.indexOf(part, from);
  const map = new OffsetMap(TEXT);
  return { start: map.toCodePoint(u), end: map.toCodePoint(u + part.length) };
}

function fixture(): Annotations {
  return createAnnotations(
    { file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(TEXT), language: 'ar' },
    TEXT, [spanOf(A1), spanOf(A2), spanOf(A3)], '2024-01-01T00:00:00.000Z',
  );
}

const idlib2 = spanOf('إدلب', TEXT.indexOf(A2));
const idlib3 = spanOf('إدلب', TEXT.indexOf(A3));
const erdogan = spanOf('أردوغان');
const STORED: StoredSuggestion[] = [
  { side: 'ar', sentence: 's3', ...idlib3, text: 'إدلب', type: 'LOC', status: 'pending', confidence: 'high' },
  { side: 'ar', sentence: 's3', ...erdogan, text: 'أردوغان', type: 'PER', status: 'pending', confidence: 'low' },
  { side: 'ar', sentence: 's2', ...idlib2, text: 'إدلب', type: 'LOC', status: 'rejected' },
  // stale: the text no longer matches; ignored
  { side: 'ar', sentence: 's1', start: 0, end: 3, text: 'xyz', type: 'LOC', status: 'pending' },
];

const makeState = (stored: readonly StoredSuggestion[]) =>
  EditorState.create({ doc: annotationsToDoc(schema, fixture(), TEXT), plugins: editorPlugins({ sourceText: TEXT, entities: { stored } }) });

function run(state: EditorState, cmd: Command): EditorState {
  let next: EditorState | null = null;
  assert.ok(cmd(state, (tr: Transaction) => { next = state.apply(tr); }), 'command applies');
  assert.ok(next, 'command dispatched');
  return next;
}

const shown = (s: EditorState) => suggestionsOf(s).map((g) => `${s.doc.textBetween(g.from, g.to)}:${g.type}:${g.origin}:${g.confidence}`);

test('stored suggestions open as pending; accept all leaves the low-confidence one; rejections are kept for the sidecar', () => {
  let s = makeState(STORED);
  assert.deepEqual(shown(s), ['أردوغان:PER:stored:low', 'إدلب:LOC:stored:high']);
  // tag إدلب in row 1, then tag all occurrences: the rejected بإدلب never comes back
  let first: { from: number; to: number } | null = null;
  s.doc.descendants((n, pos) => {
    if (!first && n.isTextblock && n.attrs.id === 's1') first = { from: pos + 1 + n.textContent.indexOf('إدلب'), to: pos + 1 + n.textContent.indexOf('إدلب') + 4 };
    return !first;
  });
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, first!.from, first!.to)));
  s = run(s, tagSelection('LOC'));
  tagAllOccurrences(s, (tr) => { s = s.apply(tr); });
  assert.deepEqual(shown(s).filter((x) => x.startsWith('إدلب')), ['إدلب:LOC:stored:high']);
  s = run(s, acceptAllSuggestions);
  assert.deepEqual(shown(s), ['أردوغان:PER:stored:low']);
  // the pending one is stored as pending, the rejected one as rejected
  assert.deepEqual(suggestionsToStore(s)!.map((x) => `${x.text}:${x.status}`), ['إدلب:rejected', 'أردوغان:pending']);
  s = run(s, gotoSuggestion(1));
  s = run(s, rejectSuggestion);
  const kept = suggestionsToStore(s)!;
  assert.deepEqual(kept.map((x) => `${x.sentence}:${x.start}:${x.end}:${x.text}:${x.status}`), [
    `s2:${idlib2.start}:${idlib2.end}:إدلب:rejected`, `s3:${erdogan.start}:${erdogan.end}:أردوغان:rejected`,
  ]);
  // reopening with what was saved: nothing comes back
  assert.deepEqual(shown(makeState(kept)), []);
});
