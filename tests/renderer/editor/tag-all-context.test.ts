// Issue 15 (session 5) in the editor: "Tag all occurrences" ranks with the same function as the
// bench, the project dialog and the CLI (propagateReport), so the occurrence signals hold back
// there too — البحر الكاريبي (adjective), جيشاً مقدونياً (tanween), 42 مليون يورو ↔ 42 million euros
// (a unit) come back low — and "Accept all" leaves them out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection } from 'prosemirror-state';
import { acceptAllSuggestions, tagAllOccurrences, tagSelection } from '../../../renderer/editor/commands/entities.ts';
import { suggestionsOf } from '../../../renderer/editor/entities/state.ts';
import { mentionsOf } from '../../../renderer/editor/entities/doc.ts';
import { run, translatedRows } from './helpers.ts';
import { rowIndexAt } from '../../../renderer/editor/rows.ts';

const A = ['زار الأوروبيون منطقة الكاريبي.', 'يكلف الديزل 1,335 يورو لليتر.', 'زار فيليب مقدونيا.', 'عبروا البحر الكاريبي شمالاً.', 'ستوفر الخطة ٤٢ مليون يورو.', 'جمع جيشاً مقدونياً كبيراً.', 'أبحر إلى مياه الكاريبي.'];
const E = ['Europeans visited the Caribbean region.', 'Diesel costs 1,335 euros per litre in Rome.', 'Philip visited Macedonia.', 'They crossed the Caribbean Sea northward.', 'The Paris plan will free up 42 million euros.', 'He gathered a large Macedonian army.', 'He sailed into Caribbean waters.'];

const state = (): EditorState => translatedRows(A, E);

/** Tags the first `name` of the document with `type`, then runs tag-all on it. */
function tagAll(s: EditorState, name: string, type: string): EditorState {
  let from = -1;
  s.doc.descendants((n, pos) => {
    if (from < 0 && n.isText && n.text!.includes(name)) from = pos + n.text!.indexOf(name);
    return from < 0;
  });
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, from + name.length)));
  s = run(s, tagSelection(type));
  return run(s, tagAllOccurrences);
}

test('tag all occurrences: the adjective, the unit and the tanween form are low; the name in construct is high', () => {
  let s = state();
  s = tagAll(s, 'الكاريبي', 'LOC');
  s = tagAll(s, 'يورو', 'MISC');
  s = tagAll(s, 'مقدونيا', 'LOC');
  // (tagging an Arabic name also proposes its English span in the row: only the Arabic ones here)
  const arabic = (g: { from: number; to: number }) => /\p{Script=Arabic}/u.test(s.doc.textBetween(g.from, g.to));
  const got = suggestionsOf(s).filter(arabic).map((g) => `${s.doc.textBetween(g.from, g.to)}@${rowIndexAt(s.doc, g.from)}:${g.confidence ?? 'high'}`).sort();
  assert.deepEqual(got, ['الكاريبي@3:low', 'الكاريبي@6:high', 'مقدونياً@5:low', 'يورو@4:low'].sort());
  // Accept all takes the high ones only: the three low ones stay suggestions
  const before = mentionsOf(s.doc).length;
  const high = suggestionsOf(s).filter((g) => g.confidence !== 'low').length;
  s = run(s, acceptAllSuggestions);
  assert.equal(mentionsOf(s.doc).length, before + high);
  assert.deepEqual(suggestionsOf(s).filter(arabic).map((g) => g.confidence), ['low', 'low', 'low']);
});
