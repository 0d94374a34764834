// Issue 15, defect 6 in the editor: "Tag all occurrences" reads the app's word list (given to the
// entity plugin by the UI through EditorHandle.setWordList) like the bench and the project-wide
// tag-all do, so البحر "the sea" is proposed as low confidence (left out of Accept all) where the
// row's English reads it as the word, while the same name written "Sea" stays high confidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection } from 'prosemirror-state';
import { tagAllOccurrences, tagSelection } from '../../../renderer/editor/commands/entities.ts';
import { entityKey, suggestionsOf, type EntityAction } from '../../../renderer/editor/entities/state.ts';
import { parseLexicon } from '../../../shared/align/lexical.ts';
import { run, translatedRows } from './helpers.ts';
import { rowIndexAt } from '../../../renderer/editor/rows.ts';

const A = ['عبر الصيادون البحر الأحمر أمس.', 'كان البحر قرب جدة هادئا صباحا.', 'وصلت السفينة إلى البحر ليلا.'];
const E = ['Fishermen crossed the Red Sea yesterday.', 'The sea near Jeddah was calm in the morning.', 'The ship reached the Sea at night.'];
const lexicon = parseLexicon(['البحر\tsea', 'هادئ\tcalm', 'السفينة\tship'].join('\n'));

const state = (): EditorState => translatedRows(A, E);

/** Tags the first البحر as LOC and runs tag-all; the suggestions as "text@row:confidence". */
function tagAll(s: EditorState): string[] {
  let from = -1;
  s.doc.descendants((n, pos) => {
    if (from < 0 && n.isText && n.text!.includes('البحر')) from = pos + n.text!.indexOf('البحر');
    return from < 0;
  });
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, from + 'البحر'.length)));
  s = run(s, tagSelection('LOC'));
  s = run(s, tagAllOccurrences);
  return suggestionsOf(s).map((g) => `${s.doc.textBetween(g.from, g.to)}@${rowIndexAt(s.doc, g.from)}:${g.confidence ?? 'high'}`);
}

test('without the word list both other occurrences of البحر are high-confidence suggestions', () => {
  assert.deepEqual(tagAll(state()), ['البحر@1:high', 'البحر@2:high']);
});

test('with the word list, the row reading "the sea" is held back; the row writing "the Sea" is not', () => {
  let s = state();
  const action: EntityAction = { config: { wordList: lexicon } };
  s = s.apply(s.tr.setMeta(entityKey, action));
  assert.equal(entityKey.getState(s)!.wordList, lexicon, 'the config action sets it');
  assert.deepEqual(tagAll(s), ['البحر@1:low', 'البحر@2:high']);
});
