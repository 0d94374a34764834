// A glossary edited in the glossary panel reaches the open editor (setGlossary → the editor
// handle's setGlossary → the applyGlossary command, one transaction):
// pre-annotation suggestions follow the new pairs, English span suggestions use the new renderings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { schema } from '../../../renderer/editor/schema.ts';
import { annotationsToDoc } from '../../../renderer/editor/convert.ts';
import { editorPlugins } from '../../../renderer/editor/setup.ts';
import { applyGlossary as applyGlossaryCommand, tagSelection } from '../../../renderer/editor/commands/entities.ts';
import { entityKey, suggestionsOf } from '../../../renderer/editor/entities/state.ts';
import { setGlossary, type EntityContext } from '../../../renderer/ui/entity-panel.ts';
import type { GlossaryEntry } from '../../../shared/entities/glossary.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { cpLength, OffsetMap } from '../../../shared/text/offsets.ts';

// harakat, Arabic-Indic digits, an emoji (astral), Latin, a clitic-attached name (بإدلب)
const A1 = 'قُتل ٦٧ مقاتلاً بإدلب 😀 أمس.';
const A2 = 'وزار أردوغانُ سراقب وReuters.';
const TEXT = `${A1} ${A2}`;
const E1 = 'Fighters 😀 were killed in Idlib yesterday.';
const E2 = 'Erdogan visited Saraqeb and Reuters.';

function makeView(glossary: GlossaryEntry[]): EditorView {
  const map = new OffsetMap(TEXT);
  const span = (p: string) => ({ start: map.toCodePoint(TEXT.indexOf(p)), end: map.toCodePoint(TEXT.indexOf(p) + p.length) });
  const a = createAnnotations(
    { file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(TEXT), language: 'ar' },
    TEXT, [span(A1), span(A2)], '2024-01-01T00:00:00.000Z',
  );
  a.targets = [{ id: 't1', text: E1 }, { id: 't2', text: E2 }];
  a.units[0].target = ['t1'];
  a.units[1].target = ['t2'];
  let state = EditorState.create({ doc: annotationsToDoc(schema, a, TEXT), plugins: editorPlugins({ sourceText: TEXT, entities: { glossary } }) });
  // the part of EditorView that applyGlossary and commands use
  return {
    get state() { return state; },
    dispatch(tr: Transaction) { state = state.apply(tr); },
  } as unknown as EditorView;
}

/** What the editor handle's setGlossary does; counts the transactions. */
let transactions = 0;
function applyGlossary(view: EditorView, glossary: GlossaryEntry[]): void {
  assert.ok(applyGlossaryCommand(glossary)(view.state, (tr) => {
    transactions++;
    view.dispatch(tr);
  }));
}

// in document order: row by row, Arabic before English
const shown = (view: EditorView) => suggestionsOf(view.state).map((s) => `${s.side}:${view.state.doc.textBetween(s.from, s.to)}:${s.type}`);

test('applyGlossary: suggestions of deleted or retyped pairs go, new pairs are proposed, the editor uses the new glossary', () => {
  const view = makeView([{ ar: 'إدلب', en: 'Idlib', type: 'LOC', count: 1 }, { ar: 'أردوغان', en: 'Erdogan', type: 'PER', count: 1 }]);
  assert.deepEqual(shown(view), ['ar:إدلب:LOC', 'en:Idlib:LOC', 'ar:أردوغانُ:PER', 'en:Erdogan:PER']);
  // إدلب ↔ Idlib kept, أردوغان deleted, سراقب ↔ Saraqeb added
  const next: GlossaryEntry[] = [{ ar: 'إدلب', en: 'Idlib', type: 'LOC', count: 1 }, { ar: 'سراقب', en: 'Saraqeb', type: 'LOC', count: 0 }];
  const kept = suggestionsOf(view.state).find((s) => s.type === 'LOC' && s.side === 'ar')!.id;
  transactions = 0;
  applyGlossary(view, next);
  assert.equal(transactions, 1, 'one transaction');
  assert.deepEqual(shown(view), ['ar:إدلب:LOC', 'en:Idlib:LOC', 'ar:سراقب:LOC', 'en:Saraqeb:LOC']);
  assert.ok(suggestionsOf(view.state).some((s) => s.id === kept), 'an unchanged suggestion is left alone');
  assert.deepEqual(entityKey.getState(view.state)!.glossary, next);
  // retyping a pair replaces its suggestions
  applyGlossary(view, [{ ar: 'إدلب', en: 'Idlib', type: 'ORG', count: 1 }]);
  assert.deepEqual(shown(view), ['ar:إدلب:ORG', 'en:Idlib:ORG']);
  // an empty glossary drops every glossary suggestion
  applyGlossary(view, []);
  assert.deepEqual(shown(view), []);
});

test('setGlossary updates the context and every registered editor; the English span suggestion uses the new rendering', () => {
  const view = makeView([]);
  const ctx: EntityContext = { root: '/w', tagSet: [], glossary: [], listeners: new Set() };
  const seen: GlossaryEntry[][] = [];
  ctx.listeners.add((g) => applyGlossary(view, g));
  ctx.listeners.add((g) => seen.push(g));
  const g = [{ ar: 'سراقب', en: 'Saraqeb', type: 'LOC', count: 0 }];
  setGlossary(ctx, g);
  assert.equal(ctx.glossary, g);
  assert.deepEqual(seen, [g]);
  // the new pair pre-annotates the open report; with its suggestions cleared, tagging سراقب by hand
  // suggests the English span (glossary renderings score first)
  assert.deepEqual(shown(view), ['ar:سراقب:LOC', 'en:Saraqeb:LOC']);
  const state = view.state;
  const { from, to } = suggestionsOf(state)[0];
  view.dispatch(state.tr.setMeta(entityKey, { clear: true }).setSelection(TextSelection.create(state.doc, from, to)));
  assert.ok(tagSelection('LOC')(view.state, view.dispatch));
  assert.deepEqual(shown(view).filter((s) => s.startsWith('en:')), ['en:Saraqeb:LOC']);
  assert.equal(suggestionsOf(view.state).find((s) => s.side === 'en')!.origin, 'link');
});

test('entityRows flags a type conflict: the same Arabic string tagged with two types (issue 15)', async () => {
  const { entityRows } = await import('../../../renderer/ui/entity-panel.ts');
  type Runs = Parameters<typeof entityRows>[0];
  const run = (id: string, type: string, entity: string, text: string, side: 'ar' | 'en' = 'ar') => ({ attrs: { id, type, entity }, text, from: 0, to: 0, sentence: { side } });
  const runs = [
    run('m1', 'LOC', 'e1', 'واشنطن'),
    run('m2', 'ORG', 'e2', 'واشِنطن'), // harakat: the same string
    run('m3', 'PER', 'e3', 'أوباما'),
    run('m4', 'ORG', 'e2', 'Washington', 'en'),
  ] as unknown as Runs;
  assert.deepEqual(entityRows(runs, []).map((r) => [r.entity, r.conflict]), [['e1', ['ORG']], ['e2', ['LOC']], ['e3', []]]);
});
