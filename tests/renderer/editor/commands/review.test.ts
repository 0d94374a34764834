// Review commands (renderer/editor/commands/review.ts) and the review plugin on editor states:
// accept writes status + snapshot, send back needs review mode and a comment, every edit is one
// undo step, the sidecar round trip keeps comments, snapshots and conflicts, conflicts resolve
// with their edit in one step, curation picks become marks, F7 steps through changed rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EditorState } from 'prosemirror-state';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { acceptRow, applyCuration, commentRow, openConflicts, resolveConflict, setReviewMode } from '../../../../renderer/editor/commands/review.ts';
import { changedRows, reviewActive, rowView } from '../../../../renderer/editor/plugins/review.ts';
import { annotationsToDoc, docToAnnotations } from '../../../../renderer/editor/convert.ts';
import { schema, type RowAttrs } from '../../../../renderer/editor/schema.ts';
import { curationItems } from '../../../../shared/review/curation.ts';
import { snapshotOf, unitView } from '../../../../shared/review/snapshot.ts';
import type { Annotations } from '../../../../shared/model/types.ts';
import { mergeAnnotations } from '../../../../shared/team/merge.ts';
import { at, atTarget, fixture, makeState, run, spanOf, TEXT, rowNode } from '../helpers.ts';
import { rowIndexAt } from '../../../../renderer/editor/rows.ts';

const stamp = { by: 'ليلى', at: '2026-12-05T02:30:00.000Z' };
const rowAttrs = (s: EditorState, i: number) => rowNode(s.doc, i).attrs as RowAttrs;

function reviewing(ann?: Annotations, refusals: string[] = []): EditorState {
  const s = makeState(ann, TEXT, { review: { onRefused: (why) => refusals.push(why) } });
  return run(s, setReviewMode(true));
}

test('accept: review mode only; status reviewed and a snapshot of the row with who/when; one undo step; saved', () => {
  const refusals: string[] = [];
  const off = at(makeState(undefined, TEXT, { review: { onRefused: (w) => refusals.push(w) } }), 's1');
  assert.equal(acceptRow(stamp)(off, () => assert.fail('no dispatch outside review')), false);
  assert.deepEqual(refusals, ['outsideReview']);

  const s0 = atTarget(reviewing(), 0);
  assert.equal(reviewActive(s0), true);
  const s1 = run(s0, acceptRow(stamp));
  const a = rowAttrs(s1, 0);
  assert.equal(a.status, 'reviewed');
  assert.deepEqual(a.reviewed, snapshotOf(rowView(rowNode(s1.doc, 0)), stamp.by, stamp.at));
  assert.equal(a.reviewed!.en, 'The president said Apple will hire 123 people.');
  assert.equal(a.reviewed!.links.length, 1, 'the Apple link is in the snapshot');
  const saved = docToAnnotations(s1.doc, fixture(), TEXT);
  assert.deepEqual(saved.units[0].reviewed, a.reviewed);
  assert.equal(saved.units[0].status, 'reviewed');
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
});

test('send back: needs a comment and review mode; lowers to draft and appends the comment; notes need neither mode nor status', () => {
  const refusals: string[] = [];
  const s0 = atTarget(reviewing(undefined, refusals), 0);
  assert.equal(commentRow('  ', 'sendBack', stamp)(s0, () => assert.fail()), false);
  assert.deepEqual(refusals, ['emptyComment']);
  const s1 = run(run(s0, acceptRow(stamp)), commentRow('الاسم خطأ: Apple ليست شركة هنا', 'sendBack', stamp));
  const a = rowAttrs(s1, 0);
  assert.equal(a.status, 'draft');
  assert.deepEqual(a.comments, [{ id: 'c1', by: 'ليلى', at: stamp.at, text: 'الاسم خطأ: Apple ليست شركة هنا', kind: 'sendBack' }]);
  const s2 = run(s1, commentRow('fixed 🚀', 'note', { by: 'Omar', at: '2026-12-05T03:00:00.000Z' }));
  assert.deepEqual(rowAttrs(s2, 0).comments.map((c) => `${c.id}:${c.kind}`), ['c1:sendBack', 'c2:note']);
  assert.deepEqual(rowAttrs(run(s2, commands.undo), 0).comments, a.comments, 'one undo step per comment');
  // the sidecar keeps them; loading again gives the same row
  const saved = docToAnnotations(s2.doc, fixture(), TEXT);
  assert.equal(saved.units[0].comments!.length, 2);
  assert.ok(rowNode(annotationsToDoc(schema, saved, TEXT), 0).attrs.comments.length === 2);
  const notOn = atTarget(makeState(), 1);
  assert.equal(rowAttrs(run(notOn, commentRow('note', 'note', stamp)), 1).comments.length, 1);
  assert.equal(commentRow('x', 'sendBack', stamp)(notOn), false);
});

test('changed rows: a reviewed row as accepted is not marked, an edit of its English marks it; F7 steps to it', () => {
  const ann = fixture();
  ann.units[0].reviewed = snapshotOf(unitView(ann, ann.units[0]), 'a', stamp.at);
  ann.units[0].status = 'reviewed';
  let s = reviewing(ann);
  // rows 2–4 never reviewed: new; row 1 as accepted
  assert.equal(changedRows(s).length, 3);
  s = atTarget(s, 0, -1);
  s = s.apply(s.tr.insertText(' Today.'));
  assert.equal(changedRows(s).length, 4, 'the edited row is marked at once');
  const start = atTarget(s, 3);
  assert.equal(commands.nextChangedRow(start), false, 'no changed row after the last');
  const back = run(start, commands.previousChangedRow);
  assert.equal(rowIndexAt(back.doc, back.selection.head), 2);
  assert.equal(commands.nextChangedRow(run(s, setReviewMode(false))), false, 'only in review mode');
});

test('conflicts: round trip in the sidecar; theirs writes their English and drops the record in one undo step; accept refused while open', () => {
  const ann = fixture();
  ann.conflicts = [
    { id: 'k1', kind: 'english', unit: 'u1', base: 'The president spoke.', ours: 'The president said Apple will hire 123 people.', theirs: 'The president said that Apple will employ 123 people.' },
    { id: 'k2', kind: 'status', unit: 'u2', ours: 'auto', theirs: 'draft' },
  ];
  const refusals: string[] = [];
  const s0 = atTarget(reviewing(ann, refusals), 0);
  assert.deepEqual(docToAnnotations(s0.doc, ann, TEXT).conflicts, ann.conflicts);
  assert.equal(resolveConflict('k1', 'theirs')(run(s0, commentRow('x', 'note', stamp))), true);
  assert.equal(acceptRow(stamp)(s0, () => assert.fail()), false);
  assert.deepEqual(refusals, ['conflictsOpen']);
  const s1 = run(s0, resolveConflict('k1', 'theirs'));
  assert.equal(rowNode(s1.doc, 0).child(1).textContent, 'The president said that Apple will employ 123 people.');
  assert.deepEqual(openConflicts(s1).map((c) => c.id), ['k2']);
  const back = run(s1, commands.undo);
  assert.ok(back.doc.eq(s0.doc), 'edit and record come back together');
  const s2 = run(run(s1, resolveConflict('k2', 'ours')), commands.undo);
  assert.equal(openConflicts(s2).length, 1);
  const s3 = run(s1, resolveConflict('k2', 'theirs'));
  assert.equal(rowAttrs(s3, 1).status, 'draft');
  assert.equal(docToAnnotations(s3.doc, ann, TEXT).conflicts, undefined, 'absent once all are resolved');
  assert.equal(resolveConflict('k2', 'both')(s1), false, 'two statuses cannot both hold');
  const s4 = run(atTarget(s3, 0), acceptRow(stamp));
  assert.equal(rowAttrs(s4, 0).status, 'reviewed');
});

test('curation: taking theirs replaces my mention on that place with theirs (fresh ids), one undo step', () => {
  const mine = fixture();
  const theirs = fixture();
  const pres = spanOf('الرئيسُ');
  theirs.mentions = [...theirs.mentions, { id: 'm9', side: 'ar', sentence: 's1', ...pres, text: 'الرئيسُ', type: 'PER', entity: 'e9' }];
  theirs.mentions[0] = { ...theirs.mentions[0], type: 'MISC' };
  const s0 = makeState(mine);
  const items = curationItems(mine, theirs).filter((i) => !i.agree);
  assert.equal(items.length, 2);
  const s1 = run(s0, applyCuration(items.map((item) => ({ item, choice: 'theirs' as const })), ['e1']));
  const out = docToAnnotations(s1.doc, mine, TEXT).mentions.filter((m) => m.side === 'ar');
  assert.deepEqual(out.map((m) => `${m.text}:${m.type}`).sort(), ['Apple:MISC', 'الرئيسُ:PER']);
  const ids = new Set(out.map((m) => m.entity));
  assert.ok(!ids.has('e9') && !ids.has('e1'), 'their entities get fresh ids in my copy');
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
  assert.equal(applyCuration(items.map((item) => ({ item, choice: 'mine' as const })))(s0), false, 'keeping mine changes nothing');
});

test('split and merge: the lower half starts without comments and review; a merge keeps both rows\' comments with unique ids', () => {
  const ann = fixture();
  ann.units[0].comments = [{ id: 'c1', by: 'a', at: stamp.at, text: 'أولى', kind: 'note' }];
  ann.units[1].comments = [{ id: 'c1', by: 'b', at: stamp.at, text: 'ثانية', kind: 'sendBack' }];
  ann.units[0].reviewed = snapshotOf(unitView(ann, ann.units[0]), 'a', stamp.at);
  const merged = run(at(makeState(ann), 's2'), commands.mergeRowPrevious);
  const cs = rowAttrs(merged, 0).comments;
  assert.deepEqual(cs.map((c) => c.text), ['أولى', 'ثانية']);
  assert.equal(new Set(cs.map((c) => c.id)).size, 2);
  const split = run(at(merged, 's2'), commands.splitRow);
  assert.equal(rowAttrs(split, 0).comments.length, 2);
  assert.deepEqual(rowAttrs(split, 1).comments, []);
  assert.equal(rowAttrs(split, 1).reviewed, null);
  assert.notEqual(rowAttrs(split, 0).reviewed, null);
});

test('conflicts from the merge driver (shared/team/merge.ts): English and a tag type edited on both sides, resolved as theirs in the editor', () => {
  const base = fixture();
  base.targets.push({ id: 't2', text: 'The branch opened 🚀 in Dubai.' });
  base.units[1].target = ['t2'];
  const ours = structuredClone(base);
  const theirs = structuredClone(base);
  ours.targets[1].text = 'The branch opened 🚀 in Dubai in 2024.';
  theirs.targets[1].text = 'A branch opened 🚀 in Dubai.';
  ours.mentions[0].type = 'MISC';
  theirs.mentions[0].type = 'LOC';
  const { merged, conflicts } = mergeAnnotations(base, ours, theirs);
  const english = conflicts.find((c) => c.kind === 'english')!;
  const type = conflicts.find((c) => c.kind === 'mentionType')!;
  assert.ok(english && type, JSON.stringify(conflicts));
  let s = makeState(merged);
  assert.equal(rowNode(s.doc, 1).child(1).textContent, 'The branch opened 🚀 in Dubai in 2024.', 'ours in place');
  s = run(s, resolveConflict(english.id, 'theirs'));
  assert.equal(rowNode(s.doc, 1).child(1).textContent, 'A branch opened 🚀 in Dubai.');
  assert.equal(rowNode(s.doc, 1).child(1).child(0).attrs.id, 't2', 'the sentence keeps its id');
  s = run(s, resolveConflict(type.id, 'theirs', merged.entities.map((e) => e.id)));
  const out = docToAnnotations(s.doc, merged, TEXT);
  const apple = out.mentions.find((m) => m.side === 'ar' && m.text === 'Apple')!;
  assert.equal(apple.type, 'LOC');
  assert.equal(apple.entity, 'e1', 'a merge shares entity ids: the known one is kept');
  assert.equal(out.conflicts, undefined);
});
