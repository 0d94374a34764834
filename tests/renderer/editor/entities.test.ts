// Entity tagging in the editor, as pure state tests: snapping, exact selection, overlap refusal,
// undo/redo, type change, removal, English span suggestion, links, tag-all-occurrences
// suggestions mapped through edits, glossary pre-annotation, and the key mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { redo, undo } from 'prosemirror-history';
import { schema } from '../../../renderer/editor/schema.ts';
import { annotationsToDoc, docToAnnotations } from '../../../renderer/editor/convert.ts';
import { editorPlugins } from '../../../renderer/editor/setup.ts';
import type { Command } from '../../../renderer/editor/commands/util.ts';
import i18next from 'i18next';
import { resources } from '../../../shared/i18n/resources.ts';
import { mentionsOf } from '../../../renderer/editor/entities/doc.ts';
import {
  acceptAllSuggestions, acceptSuggestion, explainRefusal, gotoSuggestion, linkMention, rejectAllSuggestions, rejectSuggestion, removeTag,
  selectMention, tagAllOccurrences, tagSelection,
} from '../../../renderer/editor/commands/entities.ts';
import type { EntityOptions } from '../../../renderer/editor/plugins/entity-state.ts';
import { entityKey, suggestionsOf } from '../../../renderer/editor/entities/state.ts';
import { commandForKey } from '../../../renderer/editor/plugins/entity-keys.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { cpLength, OffsetMap } from '../../../shared/text/offsets.ts';
import type { Annotations } from '../../../shared/model/types.ts';

// harakat, Arabic-Indic digits, an emoji (astral), Latin, clitic-attached names
const A1 = 'قُتل ٦٧ مقاتلاً في إدلب 😀 أمس.';
const A2 = 'وقالت مصادر بإدلب إن القصف طال «سراقب» وReuters.';
const A3 = 'وزار أردوغان إدلب.';
const TEXT = `${A1} ${A2}\n${A3}`;
const E1 = 'Fighters 😀 were killed in Idlib yesterday.';
const E2 = 'Sources in Idlib said the shelling hit Saraqib and Reuters.';

function spanOf(part: string, text = TEXT, from = 0): { start: number; end: number } {
  const u = text.indexOf(part, from);
  if (u < 0) throw new Error('not in text: ' + part);
  const map = new OffsetMap(text);
  return { start: map.toCodePoint(u), end: map.toCodePoint(u + part.length) };
}

function fixture(): Annotations {
  const a = createAnnotations(
    { file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(TEXT), language: 'ar' },
    TEXT, [spanOf(A1), spanOf(A2), spanOf(A3)], '2024-01-01T00:00:00.000Z',
  );
  a.targets = [{ id: 't1', text: E1 }, { id: 't2', text: E2 }];
  a.units[0].target = ['t1'];
  a.units[1].target = ['t2'];
  return a;
}

function makeState(entities: EntityOptions = {}, a = fixture()): EditorState {
  return EditorState.create({ doc: annotationsToDoc(schema, a, TEXT), plugins: editorPlugins({ sourceText: TEXT, entities }) });
}

/** Document positions of `part` (the n-th occurrence) inside sentence `id`. */
function rangeIn(state: EditorState, id: string, part: string, nth = 0): { from: number; to: number } {
  let out: { from: number; to: number } | null = null;
  state.doc.descendants((node, pos) => {
    if (out) return false;
    if (node.isTextblock && node.attrs.id === id) {
      let u = -1;
      for (let i = 0; i <= nth; i++) u = node.textContent.indexOf(part, u + 1);
      if (u < 0) throw new Error(`${part} not in ${id}`);
      out = { from: pos + 1 + u, to: pos + 1 + u + part.length };
      return false;
    }
    return true;
  });
  if (!out) throw new Error('no sentence ' + id);
  return out;
}

function select(state: EditorState, id: string, part: string, nth = 0): EditorState {
  const r = rangeIn(state, id, part, nth);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, r.from, r.to)));
}

function run(state: EditorState, cmd: Command): EditorState {
  let next: EditorState | null = null;
  const ok = cmd(state, (tr: Transaction) => { next = state.apply(tr); });
  assert.ok(ok, 'command applies');
  assert.ok(next, 'command dispatched');
  return next;
}

/** Mentions as "side:text:type:entity" (text checked against the model's code-point slice). */
function mentions(state: EditorState): string[] {
  const a = docToAnnotations(state.doc, fixture(), TEXT);
  const src = new OffsetMap(TEXT);
  return a.mentions.map((m) => {
    const slice = m.side === 'ar' ? src.slice(m.start, m.end) : new OffsetMap(a.targets.find((t) => t.id === m.sentence)!.text).slice(m.start, m.end);
    assert.equal(slice, m.text, 'offsets slice to the mention text');
    return `${m.side}:${m.text}:${m.type}:${m.entity}`;
  });
}

// messages are keys and values in the state; the UI translates them with i18next (en.json here)
const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: resources.en } }, interpolation: { escapeValue: false } });
const message = (s: EditorState) => {
  const m = entityKey.getState(s)!.message;
  return m ? i18n.t(`entities.msg.${m.key}`, { ...(m.values ?? {}) }) : '';
};

/** A refusal: the command returns false and dispatches nothing; the key handler's explanation
 * (explainRefusal) then dispatches the message alone. Returns the state with that message. */
function refused(state: EditorState, cmd: Command): EditorState {
  let dispatched = 0;
  assert.equal(cmd(state, () => dispatched++), false, 'a refusal returns false');
  assert.equal(cmd(state), false, 'and false without dispatch');
  assert.equal(dispatched, 0, 'a refusal dispatches nothing');
  let next: EditorState | null = null;
  assert.ok(explainRefusal(cmd, state, (tr) => { next = state.apply(tr); }), 'it can say why');
  assert.equal(next!.doc, state.doc, 'the explanation changes no document');
  return next!;
}

test('tagging snaps off the clitic; Shift (exact) keeps it; the entity is saved', () => {
  let s = run(select(makeState(), 's2', 'بإدلب'), tagSelection('LOC'));
  assert.deepEqual(mentions(s), ['ar:إدلب:LOC:e1']);
  const a = docToAnnotations(s.doc, fixture(), TEXT);
  assert.deepEqual(a.entities, [{ id: 'e1', type: 'LOC', ar: 'إدلب' }]);
  // exact: the selection as made
  s = run(select(makeState(), 's2', 'بإدلب'), tagSelection('LOC', { exact: true }));
  assert.deepEqual(mentions(s), ['ar:بإدلب:LOC:e1']);
  // quotes and punctuation go, on both sides; caret alone tags the word around it
  s = run(select(makeState(), 's2', '«سراقب» '), tagSelection('LOC'));
  assert.deepEqual(mentions(s), ['ar:سراقب:LOC:e1']);
  const r = rangeIn(s, 't2', 'Reuters');
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, r.from + 2)));
  s = run(s, tagSelection('ORG'));
  assert.deepEqual(mentions(s), ['ar:سراقب:LOC:e1', 'en:Reuters:ORG:e2']);
});

test('a second mention of the same name joins its entity; emoji and harakat keep offsets right', () => {
  let s = run(select(makeState(), 's1', 'إدلب'), tagSelection('LOC'));
  s = run(select(s, 's3', 'إدلب.'), tagSelection('LOC'));
  assert.deepEqual(mentions(s), ['ar:إدلب:LOC:e1', 'ar:إدلب:LOC:e1']);
});

test('an overlapping tag is refused with a clear message and changes nothing', () => {
  let s = run(select(makeState(), 's1', 'إدلب'), tagSelection('LOC'));
  const before = s.doc;
  s = refused(select(s, 's1', 'في إدلب'), tagSelection('PER', { exact: true }));
  assert.equal(s.doc, before);
  assert.match(message(s), /overlaps the LOC mention “إدلب”/);
  assert.equal(entityKey.getState(s)!.message!.kind, 'error');
  // selection across two sentences is refused too
  const a = rangeIn(s, 's1', 'قُتل');
  const b = rangeIn(s, 's2', 'مصادر');
  s = refused(s.apply(s.tr.setSelection(TextSelection.create(s.doc, a.from, b.to))), tagSelection('PER'));
  assert.match(message(s), /within one sentence/);
});

test('each operation is one undo step; redo restores it', () => {
  const s0 = select(makeState(), 's2', 'بإدلب');
  const s1 = run(s0, tagSelection('LOC'));
  const s2 = run(select(s1, 't2', 'Idlib'), tagSelection('LOC'));
  assert.equal(mentions(s2).length, 2);
  const u1 = run(s2, undo);
  assert.deepEqual(mentions(u1), ['ar:إدلب:LOC:e1']);
  const u2 = run(u1, undo);
  assert.deepEqual(mentions(u2), []);
  const r1 = run(u2, redo);
  assert.deepEqual(mentions(r1), ['ar:إدلب:LOC:e1']);
  // a type change and a removal are single steps as well
  const c = run(select(r1, 's2', 'إدلب'), tagSelection('ORG'));
  assert.deepEqual(mentions(c), ['ar:إدلب:ORG:e1']);
  assert.deepEqual(mentions(run(c, undo)), ['ar:إدلب:LOC:e1']);
  const d = run(c, removeTag);
  assert.deepEqual(mentions(d), []);
  assert.deepEqual(docToAnnotations(d.doc, fixture(), TEXT).entities, [], 'entity without mentions is dropped');
  assert.deepEqual(mentions(run(d, undo)), ['ar:إدلب:ORG:e1']);
});

test('tagging an Arabic name suggests its English span in the row; accepting links them', () => {
  let s = run(select(makeState(), 's1', 'إدلب'), tagSelection('LOC'));
  const g = suggestionsOf(s);
  assert.equal(g.length, 1);
  assert.equal(s.doc.textBetween(g[0].from, g[0].to), 'Idlib');
  assert.equal(g[0].origin, 'link');
  s = run(s.apply(s.tr.setSelection(TextSelection.create(s.doc, g[0].from))), acceptSuggestion);
  assert.deepEqual(mentions(s), ['ar:إدلب:LOC:e1', 'en:Idlib:LOC:e1']);
  assert.deepEqual(docToAnnotations(s.doc, fixture(), TEXT).entities, [{ id: 'e1', type: 'LOC', ar: 'إدلب', en: 'Idlib' }]);
  assert.equal(suggestionsOf(s).length, 0);
});

test('link: Arabic mention then English mention of the same row; other rows refused', () => {
  let s = run(select(makeState({ preAnnotate: false }), 's2', 'سراقب'), tagSelection('LOC'));
  s = run(s, rejectAllSuggestions);
  s = run(select(s, 't2', 'Saraqib'), tagSelection('PER', { exact: true }));
  assert.deepEqual(mentions(s), ['ar:سراقب:LOC:e1', 'en:Saraqib:PER:e2']);
  s = run(select(s, 's2', 'سراقب'), linkMention);
  assert.equal(entityKey.getState(s)!.link?.text, 'سراقب');
  s = run(select(s, 't2', 'Saraqib'), linkMention);
  assert.deepEqual(mentions(s), ['ar:سراقب:LOC:e1', 'en:Saraqib:LOC:e1'], 'English joins the Arabic entity and takes its type');
  assert.equal(entityKey.getState(s)!.link, null);
  assert.match(message(s), /Linked “سراقب” and “Saraqib”/);
  // a mention of another row cannot be linked
  s = run(select(s, 't1', 'Idlib'), tagSelection('LOC'));
  s = run(select(s, 's2', 'سراقب'), linkMention);
  s = refused(select(s, 't1', 'Idlib'), linkMention);
  assert.match(message(s), /different rows/);
  assert.ok(mentions(s).some((m) => /^en:Idlib:LOC:e[2-9]$/.test(m)), 'Idlib keeps its own entity: ' + mentions(s).join(' '));
});

test('tag all occurrences: suggestions with clitics, mapped through edits, accepted or rejected', () => {
  let s = run(select(makeState(), 's1', 'إدلب'), tagSelection('LOC'));
  s = run(s, rejectAllSuggestions);
  s = run(s, tagAllOccurrences);
  assert.deepEqual(suggestionsOf(s).map((g) => s.doc.textBetween(g.from, g.to)), ['إدلب', 'إدلب'], 'بإدلب and إدلب. found, clitic left out');
  assert.match(message(s), /^2 suggestions/);
  const set = entityKey.getState(s)!.suggestions;
  // typing English before them shifts them; the set is mapped, not rebuilt
  const t1 = rangeIn(s, 't1', 'Fighters');
  const shifted = s.apply(s.tr.insertText('Many ', t1.from));
  assert.notEqual(entityKey.getState(shifted)!.suggestions, set);
  assert.deepEqual(suggestionsOf(shifted).map((g) => shifted.doc.textBetween(g.from, g.to)), ['إدلب', 'إدلب']);
  assert.deepEqual(suggestionsOf(shifted).map((g) => g.from), suggestionsOf(s).map((g) => g.from + 5));
  s = shifted;
  // next suggestion, accept it (joins the entity), reject the other
  s = run(s, gotoSuggestion(1));
  s = run(s, acceptSuggestion);
  assert.deepEqual(mentions(s), ['ar:إدلب:LOC:e1', 'ar:إدلب:LOC:e1']);
  s = run(s, gotoSuggestion(1));
  s = run(s, rejectSuggestion);
  assert.equal(suggestionsOf(s).length, 0);
  // accept is one undo step
  assert.equal(mentions(run(s, undo)).length, 1);
});

test('glossary pre-annotation on open: both sides suggested, accept all links them in one step', () => {
  const glossary = [{ ar: 'إدلب', en: 'Idlib', type: 'LOC', count: 2 }, { ar: 'أردوغان', en: 'Erdogan', type: 'PER', count: 1 }];
  let s = makeState({ glossary });
  const g = suggestionsOf(s);
  assert.deepEqual(g.map((x) => `${x.side}:${s.doc.textBetween(x.from, x.to)}:${x.type}`), [
    'ar:إدلب:LOC', 'en:Idlib:LOC', 'ar:إدلب:LOC', 'en:Idlib:LOC', 'ar:أردوغان:PER', 'ar:إدلب:LOC',
  ]);
  assert.equal(new Set(g.filter((x) => x.type === 'LOC').map((x) => x.entity)).size, 1, 'one entity per pair');
  s = run(s, acceptAllSuggestions);
  const a = docToAnnotations(s.doc, fixture(), TEXT);
  assert.equal(a.mentions.length, 6);
  assert.deepEqual(a.entities.map((e) => `${e.type}:${e.ar}:${e.en ?? ''}`).sort(), ['LOC:إدلب:Idlib', 'PER:أردوغان:']);
  assert.equal(mentions(run(s, undo)).length, 0, 'accept all is one undo step');
  // with preAnnotate off, nothing is proposed
  assert.equal(suggestionsOf(makeState({ glossary, preAnnotate: false })).length, 0);
});

test('selectMention selects a mention by id (entity panel)', () => {
  let s = run(select(makeState(), 's3', 'أردوغان'), tagSelection('PER'));
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 1)));
  s = run(s, selectMention('m1'));
  assert.equal(s.doc.textBetween(s.selection.from, s.selection.to), 'أردوغان');
  assert.equal(mentionsOf(s.doc).length, 1);
});

test('keys: plain tag key (any layout) in the Arabic, Alt+key anywhere, Shift exact, plain letters type in English', () => {
  const s = select(makeState(), 's2', 'بإدلب');
  const ev = (o: Partial<KeyboardEvent>) => ({ key: '', code: '', altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...o });
  // an Arabic keyboard gives 'ح' on the P key
  const cmd = commandForKey({ state: s }, ev({ key: 'ح', code: 'KeyP' }));
  assert.ok(cmd);
  assert.deepEqual(mentions(run(s, cmd)), ['ar:إدلب:PER:e1']);
  const exact = commandForKey({ state: s }, ev({ key: 'L', code: 'KeyL', shiftKey: true }))!;
  assert.deepEqual(mentions(run(s, exact)), ['ar:بإدلب:LOC:e1']);
  const en = select(s, 't2', 'Idlib');
  assert.equal(commandForKey({ state: en }, ev({ key: 'l', code: 'KeyL' })), null, 'plain l types in English');
  assert.equal(commandForKey({ state: en }, ev({ key: 'l', code: 'KeyL', ctrlKey: true })), null);
  const alt = commandForKey({ state: en }, ev({ key: 'l', code: 'KeyL', altKey: true }))!;
  assert.deepEqual(mentions(run(en, alt)), ['en:Idlib:LOC:e1']);
  assert.equal(commandForKey({ state: en }, ev({ key: 'Escape', code: 'Escape' }))!(en), false, 'Esc is free without a pending link');
});
