import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EditorState, TextSelection } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { schema } from '../../../../renderer/editor/schema.ts';
import { annotationsToDoc } from '../../../../renderer/editor/convert.ts';
import { editorPlugins } from '../../../../renderer/editor/setup.ts';
import {
  acceptWordsTr, misspellingAt, misspellings, nextMisspelling, replaceMisspelling, setAcceptedTr, spellKey, suggestionsFor, type SpellChecker, type SpellMeta,
} from '../../../../renderer/editor/plugins/spell.ts';
import { fixture, posIn, run, TEXT, rowNode } from '../helpers.ts';

/** A tiny dictionary: lowercase words; a capitalised or all-caps form of a known word is known. Records what it was asked. */
function fakeChecker(words: string): SpellChecker & { asked: string[] } {
  const known = new Set(words.split(' '));
  const asked: string[] = [];
  return {
    asked,
    correct(w) {
      asked.push(w);
      return known.has(w) || known.has(w.toLowerCase());
    },
    suggest: (w) => (w === 'presidnet' ? ['president', 'presiding'] : ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']),
  };
}

const DICT = "the president said will hire people branch opened in visited on and a new there today don't";

/** Rows: t1 (Apple is a mention), t2 (Arabic inside), t3, t4. */
function annotations() {
  const a = fixture();
  a.targets = [
    { id: 't1', text: 'The presidnet said Apple will hire people.' },
    { id: 't2', text: 'Teh branch opened in سراقب today.' },
    { id: 't3', text: 'Apple visited Zarqa on Sunday.' },
    { id: 't4', text: 'Thre and don’t.' },
  ];
  a.units.forEach((u, i) => (u.target = [a.targets[i].id]));
  a.mentions = a.mentions.filter((m) => m.side === 'ar');
  a.mentions.push({ id: 'm2', side: 'en', sentence: 't1', start: 19, end: 24, text: 'Apple', type: 'ORG', entity: 'e1' });
  return a;
}

function spellState(accepted: string[] = []): EditorState {
  return EditorState.create({
    doc: annotationsToDoc(schema, annotations(), TEXT),
    plugins: editorPlugins({ sourceText: TEXT, spell: { loadChecker: () => new Promise(() => {}), accepted: () => accepted } }),
  });
}

const meta = (s: EditorState, m: SpellMeta) => s.apply(s.tr.setMeta(spellKey, m));
/** The dictionary arrives and the whole-document pass runs to its end. */
const loaded = (s: EditorState, checker: SpellChecker) => meta(meta(s, { checker }), { run: 1e9 });
const words = (s: EditorState) => misspellings(s).map((m) => m.word);
const caret = (s: EditorState, pos: number) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, pos)));
const type = (s: EditorState, pos: number, text: string) => caret(caret(s, pos).apply(caret(s, pos).tr.insertText(text, pos)), pos + text.length);

test('spell: nothing before the dictionary; then only English is decorated, never Arabic; mentions and names skipped', () => {
  let s = spellState();
  assert.deepEqual(words(s), []);
  const checker = fakeChecker(DICT);
  s = meta(s, { checker });
  assert.equal(spellKey.getState(s)!.pending.length, 4, 'every English sentence waits for the pass');
  s = meta(s, { run: 2 });
  assert.deepEqual(words(s), ['presidnet', 'Teh']);
  s = meta(s, { run: 100 });
  // Apple: a mention in t1, so a name in t3 too; Zarqa and Sunday are unknown; سراقب is never asked
  assert.deepEqual(words(s), ['presidnet', 'Teh', 'Zarqa', 'Sunday', 'Thre']);
  assert.ok(!checker.asked.some((w) => /\p{Script=Arabic}/u.test(w)), 'no Arabic word reaches the dictionary');
  assert.ok(!checker.asked.includes('Apple'));
  assert.ok(checker.asked.includes("don't"), 'typographic apostrophe asked as ASCII');
  // the decoration: class and a non-colour cue for screen readers
  const d = spellKey.getState(s)!.decorations.find()[0];
  assert.deepEqual((d as unknown as { type: { attrs: object } }).type.attrs, { class: 'spell-error', 'aria-invalid': 'spelling' });
  // nothing in the Arabic cells
  for (const m of misspellings(s)) assert.equal(s.doc.resolve(m.from).parent.type.name, 'target_sentence');
});

test('spell: an edit checks again only the sentence it touched; other decorations are mapped', () => {
  const checker = fakeChecker(DICT);
  let s = loaded(spellState(), checker);
  checker.asked.length = 0;
  // type at the start of t3 (caret then sits after the new word and a space)
  s = type(s, posIn(s.doc, 't3', 0), 'Helo ');
  assert.deepEqual(new Set(checker.asked), new Set(['Helo', 'visited', 'Zarqa', 'on', 'Sunday']), 'only t3 is asked again');
  assert.deepEqual(words(s), ['presidnet', 'Teh', 'Helo', 'Zarqa', 'Sunday', 'Thre']);
  for (const m of misspellings(s)) assert.equal(s.doc.textBetween(m.from, m.to), m.word, 'decorations stand on their words');
  // a caret move alone asks nothing
  checker.asked.length = 0;
  s = caret(s, posIn(s.doc, 't1', 3));
  assert.deepEqual(checker.asked, []);
});

test('spell: the word being typed is not flagged until the caret leaves it', () => {
  let s = loaded(spellState(), fakeChecker(DICT));
  const p = posIn(s.doc, 't2', -1);
  s = type(s, p, ' recieve');
  assert.ok(!words(s).includes('recieve'), 'held while the caret is in it');
  assert.equal(misspellingAt(s, s.selection.head)?.word, 'recieve', 'the menu still finds it');
  s = type(s, s.selection.head, 'd');
  assert.ok(!words(s).includes('recieved'));
  s = caret(s, posIn(s.doc, 't1', 0));
  assert.ok(words(s).includes('recieved'), 'flagged once the caret left');
  // typing elsewhere also releases it
  let s2 = loaded(spellState(), fakeChecker(DICT));
  s2 = type(s2, posIn(s2.doc, 't2', -1), ' wrld');
  s2 = type(s2, posIn(s2.doc, 't4', 0), 'and ');
  assert.ok(words(s2).includes('wrld'));
});

test('spell: project dictionary words are skipped; accepting a word removes its underline everywhere at once', () => {
  let s = loaded(spellState(['zarqa']), fakeChecker(DICT));
  assert.ok(!words(s).includes('Zarqa'), 'a lowercase dictionary word accepts its capitalised form');
  s = type(s, posIn(s.doc, 't4', -1), ' Teh');
  s = caret(s, posIn(s.doc, 't1', 0));
  assert.deepEqual(words(s).filter((w) => w === 'Teh').length, 2);
  s = s.apply(acceptWordsTr(s, ['Teh']));
  assert.ok(!words(s).includes('Teh'));
  assert.deepEqual(words(s), ['presidnet', 'Sunday', 'Thre']);
  // the reloaded dictionary without "zarqa": checked again in idle time
  s = s.apply(setAcceptedTr(s, ['Teh']));
  s = meta(s, { run: 1e9 });
  assert.deepEqual(words(s), ['presidnet', 'Zarqa', 'Sunday', 'Thre']);
});

test('spell: a new English mention makes its words names everywhere', () => {
  let s = loaded(spellState(), fakeChecker(DICT));
  const from = posIn(s.doc, 't3', 'Apple visited '.length);
  const mark = schema.marks.entity.create({ id: 'm9', type: 'LOC', entity: 'e9' });
  s = s.apply(s.tr.addMark(from, from + 'Zarqa'.length, mark));
  assert.ok(!words(s).includes('Zarqa'));
});

test('spell: a suggestion replaces the word in one undo step; the caret ends after it', () => {
  let s = loaded(spellState(), fakeChecker(DICT));
  const hit = misspellings(s)[0];
  assert.deepEqual(suggestionsFor(s, hit.word), ['president', 'presiding']);
  assert.equal(suggestionsFor(s, 'zz').length, 6, 'at most six');
  const before = s.doc;
  s = run(s, replaceMisspelling(hit, 'president'));
  assert.equal(rowNode(s.doc, 0).child(1).textContent, 'The president said Apple will hire people.');
  assert.ok(!words(s).includes('presidnet') && !words(s).includes('president'));
  assert.equal(s.selection.head, hit.from + 'president'.length);
  // the mention after it still reads Apple
  let mention = '';
  rowNode(s.doc, 0).child(1).descendants((n) => { if (n.marks.length) mention += n.text; });
  assert.equal(mention, 'Apple');
  s = run(s, undo);
  assert.ok(s.doc.eq(before));
  // the word changed meanwhile: the stale replacement does not apply
  assert.equal(replaceMisspelling({ ...hit, word: 'other' }, 'x')(s), false);
});

test('spell: next misspelling selects in order and wraps', () => {
  let s = loaded(spellState(), fakeChecker(DICT));
  s = caret(s, posIn(s.doc, 't3', 0));
  const sel = (x: EditorState) => x.doc.textBetween(x.selection.from, x.selection.to);
  s = run(s, nextMisspelling);
  assert.equal(sel(s), 'Zarqa');
  s = run(s, nextMisspelling);
  assert.equal(sel(s), 'Sunday');
  s = run(s, nextMisspelling);
  s = run(s, nextMisspelling);
  assert.equal(sel(s), 'presidnet', 'wraps');
});

test('property: after random edits the incremental decorations equal a fresh full check', () => {
  const pieces = fc.constantFrom('teh ', 'the ', 'wrld', ' ', 'سراقب ', '15 ', "don't ", 'Zarqa', '-', 'x');
  // rows 2-4: editing the mention of row 1 could forget a name, which the plugin keeps for the
  // session on purpose (a fresh check would flag the word again)
  const edit = fc.record({ row: fc.integer({ min: 1, max: 3 }), at: fc.nat(), text: pieces, del: fc.nat({ max: 4 }) });
  fc.assert(fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
    const checker = fakeChecker(DICT);
    let s = loaded(spellState(), checker);
    for (const e of edits) {
      const id = `t${e.row + 1}`;
      const size = s.doc.resolve(posIn(s.doc, id, 0)).parent.content.size;
      const from = posIn(s.doc, id, e.at % (size + 1));
      const to = Math.min(from + e.del, posIn(s.doc, id, -1));
      s = caret(s, from).apply(caret(s, from).tr.insertText(e.text, from, to));
    }
    // move the caret out of the English, so nothing is held
    s = caret(s, posIn(s.doc, 's1', 0));
    const fresh = loaded(EditorState.create({ doc: s.doc, plugins: s.plugins }), checker);
    assert.deepEqual(misspellings(s), misspellings(fresh));
  }), { numRuns: 60 });
});
