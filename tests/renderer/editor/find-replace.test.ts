import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EditorState, Transaction } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { findKey, setFindTr } from '../../../renderer/editor/plugins/find.ts';
import { replaceAll, replaceCurrent } from '../../../renderer/editor/find-replace.ts';
import { docToAnnotations } from '../../../renderer/editor/convert.ts';
import { at, fixture, makeState, sourceIntact, TEXT } from './helpers.ts';
import { compileSearch, isSearchProblem, type SearchOptions } from '../../../shared/text/search.ts';
import { replaceInAnnotations } from '../../../shared/text/replace-english.ts';

/** A tiny view: a state that dispatch moves on. */
function holder(s: EditorState) {
  const h = {
    state: s,
    dispatch: (tr: Transaction) => { h.state = h.state.apply(tr); },
  };
  return h;
}
const find = (h: ReturnType<typeof holder>, q: string, o: SearchOptions = {}) => h.dispatch(setFindTr(h.state, q, o));
const english = (s: EditorState) => docToAnnotations(s.doc, fixture(), TEXT).targets.map((t) => t.text);
const enMentions = (s: EditorState) => docToAnnotations(s.doc, fixture(), TEXT).mentions.filter((m) => m.side === 'en').map((m) => m.text);

test('replace all: only the English is replaced; the Arabic hit is counted as skipped and the source stays intact', () => {
  const h = holder(at(makeState(), 's1'));
  find(h, 'apple');
  assert.equal(findKey.getState(h.state)!.hits.length, 2);
  const out = replaceAll(h.state, h.dispatch, 'Apple Inc.');
  assert.deepEqual(out, { replaced: 1, skippedArabic: 1, droppedMentions: 0 });
  assert.deepEqual(english(h.state), ['The president said Apple Inc. will hire 123 people.']);
  assert.ok(sourceIntact(h.state.doc));
  // the mention covered the whole hit: it is kept over the new text
  assert.deepEqual(enMentions(h.state), ['Apple Inc.']);
});

test('replace all is ONE undo step and undo restores the document', () => {
  const h = holder(at(makeState(), 's1'));
  const before = h.state.doc;
  find(h, 'e');
  const out = replaceAll(h.state, h.dispatch, 'E');
  assert.ok(out.replaced > 3);
  assert.ok(!h.state.doc.eq(before));
  assert.equal(undo(h.state, h.dispatch), true);
  assert.ok(h.state.doc.eq(before));
  assert.equal(undo(h.state, h.dispatch), false, 'nothing else to undo');
});

test('replace: a replacement straddling a mention edge drops it; outside keeps it', () => {
  const h = holder(makeState());
  find(h, 'said Apple');
  assert.deepEqual(replaceAll(h.state, h.dispatch, 'told Apple'), { replaced: 1, skippedArabic: 0, droppedMentions: 1 });
  assert.deepEqual(enMentions(h.state), []);
  const k = holder(makeState());
  find(k, 'people');
  replaceAll(k.state, k.dispatch, 'staff');
  assert.deepEqual(enMentions(k.state), ['Apple']);
  assert.deepEqual(english(k.state), ['The president said Apple will hire 123 staff.']);
});

test('replace current: Arabic current hit is skipped (not replaced), then the English one; moves on', () => {
  const h = holder(at(makeState(), 's1'));
  find(h, 'apple');
  assert.equal(findKey.getState(h.state)!.hits[findKey.getState(h.state)!.current].side, 'ar');
  const a = replaceCurrent(h.state, h.dispatch, 'Orange', () => h.state);
  assert.deepEqual(a, { replaced: 0, skippedArabic: 1, droppedMentions: 0 });
  assert.equal(findKey.getState(h.state)!.hits[findKey.getState(h.state)!.current].side, 'en');
  const b = replaceCurrent(h.state, h.dispatch, 'Orange', () => h.state);
  assert.equal(b.replaced, 1);
  assert.deepEqual(english(h.state), ['The president said Orange will hire 123 people.']);
  assert.ok(sourceIntact(h.state.doc));
});

test('replace with a regular expression: groups expand; an invalid pattern replaces nothing and reports why', () => {
  const h = holder(makeState());
  find(h, '(\\d+) (people)', { regex: true });
  assert.equal(replaceAll(h.state, h.dispatch, '$2 ($1)').replaced, 1);
  assert.deepEqual(english(h.state), ['The president said Apple will hire people (123).']);
  find(h, '(people', { regex: true });
  assert.equal(findKey.getState(h.state)!.problem?.problem, 'invalid');
  assert.deepEqual(replaceAll(h.state, h.dispatch, 'x'), { replaced: 0, skippedArabic: 0, droppedMentions: 0 });
  // Arabic-Indic digits of the source match \p{Nd} but stay untouched
  find(h, '\\p{Nd}+', { regex: true });
  const out = replaceAll(h.state, h.dispatch, '#');
  assert.ok(out.skippedArabic >= 2);
  assert.ok(sourceIntact(h.state.doc));
});

test('replace property: replace all then undo restores the document; the Arabic never changes', () => {
  fc.assert(fc.property(fc.constantFrom('e', 'apple', 'the', '1', 'ال', 'i', ' '), fc.constantFrom('', 'X', 'سس', '😀', 'e e'), fc.boolean(), (q, by, regex) => {
    const h = holder(at(makeState(), 's2'));
    const before = h.state.doc;
    find(h, q, { regex });
    const out = replaceAll(h.state, h.dispatch, by);
    assert.ok(sourceIntact(h.state.doc));
    if (out.replaced) {
      undo(h.state, h.dispatch);
    }
    assert.ok(h.state.doc.eq(before));
  }), { numRuns: 60 });
});

/** The fixture with English in three rows and mentions around and inside the words replaced. */
function richer() {
  const a = fixture();
  a.targets.push({ id: 't2', text: 'The branch 🚀 opened in Dubai in 2024, Apple said.' }, { id: 't3', text: 'The spokesman did not comment on Apple.' });
  a.units[1].target = ['t2'];
  a.units[1].status = 'auto';
  a.units[2].target = ['t3'];
  const at = (t: string, part: string) => {
    const u = t.indexOf(part);
    return { start: [...t.slice(0, u)].length, end: [...t.slice(0, u + part.length)].length };
  };
  a.entities.push({ id: 'e2', type: 'LOC' });
  a.mentions.push(
    { id: 'm3', side: 'en', sentence: 't2', ...at(a.targets[1].text, 'Dubai'), text: 'Dubai', type: 'LOC', entity: 'e2' },
    { id: 'm4', side: 'en', sentence: 't2', ...at(a.targets[1].text, 'Apple'), text: 'Apple', type: 'ORG', entity: 'e1' },
    { id: 'm5', side: 'en', sentence: 't3', ...at(a.targets[2].text, 'Apple'), text: 'Apple', type: 'ORG', entity: 'e1' },
  );
  return a;
}

test('replace property: the editor replaces exactly as the host does (shared/text/replace-english.ts): English text and mentions', () => {
  fc.assert(fc.property(
    fc.constantFrom('apple', 'the', 'in', 'dubai in', 'ai', 'd ', '\\d+', 'A(pp)le', 'e\\b', '🚀 o'),
    fc.constantFrom('', 'X', 'سس', '😀', '$&$&', 'Apple Inc.'),
    (q, by) => {
      const regex = /[\\()]/.test(q);
      const ann = richer();
      const h = holder(makeState(ann));
      find(h, q, { regex });
      replaceAll(h.state, h.dispatch, by);
      const mine = docToAnnotations(h.state.doc, ann, TEXT);
      const searcher = compileSearch(q, { regex });
      assert.ok(searcher && !isSearchProblem(searcher));
      const theirs = replaceInAnnotations(ann, searcher, by, 'x').annotations;
      const en = (a: typeof mine) => ({
        targets: a.units.map((u) => u.target.map((id) => a.targets.find((t) => t.id === id)!.text).join('|')),
        mentions: a.mentions.filter((m) => m.side === 'en').map((m) => `${m.sentence}:${m.start}-${m.end}:${m.text}:${m.entity}`).sort(),
      });
      assert.deepEqual(en(mine), en(theirs));
      assert.ok(sourceIntact(h.state.doc));
    },
  ), { numRuns: 80 });
});

test('replace all: an auto row becomes draft, as typing makes it; the others keep their status', () => {
  const h = holder(makeState(richer()));
  find(h, 'dubai');
  replaceAll(h.state, h.dispatch, 'Dubayy');
  const a = docToAnnotations(h.state.doc, richer(), TEXT);
  assert.deepEqual(a.units.slice(0, 3).map((u) => u.status), ['draft', 'draft', 'auto']);
  assert.deepEqual(a.mentions.filter((m) => m.side === 'en').map((m) => m.text).sort(), ['Apple', 'Apple', 'Apple', 'Dubayy']);
});
