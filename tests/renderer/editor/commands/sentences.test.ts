import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../../../renderer/editor/commands/index.ts';
import { docToAnnotations } from '../../../../renderer/editor/convert.ts';
import { OffsetMap } from '../../../../shared/text/offsets.ts';
import { AnnotationsSchema } from '../../../../shared/model/schema.ts';
import { at, fixture, makeState, run, show, sourceIntact, spanOf, TEXT, S1, S2, rowNode } from '../helpers.ts';

const map = new OffsetMap(TEXT);

test('split an Arabic sentence at the cursor: two manual segments with exact code-point offsets', () => {
  // cursor just after "Apple " (inside S1, which has harakat and a shadda before it)
  const u = S1.indexOf('Apple') + 'Apple'.length;
  const s0 = at(makeState(), 's1', u);
  const s1 = run(s0, commands.splitSource);
  const ann = docToAnnotations(s1.doc, fixture(), TEXT);
  assert.ok(AnnotationsSchema.safeParse(ann).success);
  const [a, b] = ann.segments;
  assert.deepEqual([a.id, a.origin, b.id, b.origin], ['s1', 'manual', 's5', 'manual']);
  assert.equal(a.text, 'قالَ الرئيسُ إنّ شركة Apple');
  assert.equal(b.text, 'ستوظّف ١٢٣ شخصاً.');
  assert.equal(map.slice(a.start, a.end), a.text);
  assert.equal(map.slice(b.start, b.end), b.text);
  assert.equal(a.start, spanOf(S1).start);
  assert.equal(b.end, spanOf(S1).end);
  assert.equal(b.start, a.end + 1, 'the space between belongs to neither');
  assert.deepEqual(ann.units[0].source, ['s1', 's5']);
  // the Arabic mention survives with its absolute offsets
  const m = ann.mentions.find((x) => x.side === 'ar')!;
  assert.equal(map.slice(m.start, m.end), 'Apple');
  assert.ok(sourceIntact(s1.doc));
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
});

test('split around an emoji keeps offsets in code points', () => {
  const u = S2.indexOf('🚀') + 2; // after the surrogate pair
  const s1 = run(at(makeState(), 's2', u), commands.splitSource);
  const ann = docToAnnotations(s1.doc, fixture(), TEXT);
  const segs = ann.segments.filter((s) => ann.units[1].source.includes(s.id));
  assert.deepEqual(segs.map((s) => s.text), ['وافتُتح الفرع 🚀', 'في دبيّ يوم ٢٠٢٤.']);
  for (const s of segs) assert.equal(map.slice(s.start, s.end), s.text);
});

test('split at the very start or end of an Arabic sentence is refused', () => {
  assert.equal(commands.splitSource(at(makeState(), 's1', 0), undefined), false);
  assert.equal(commands.splitSource(at(makeState(), 's1', S1.length), undefined), false);
  assert.equal(commands.splitSource(at(makeState(), 't1', 3), undefined), false, 'not in English');
});

test('merge two Arabic sentences: one manual segment spanning both and the text between', () => {
  const s0 = run(at(makeState(), 's1'), commands.mergeRowNext);
  const s1 = run(at(s0, 's1', 2), commands.mergeSourceNext);
  const ann = docToAnnotations(s1.doc, fixture(), TEXT);
  assert.equal(ann.segments[0].text, `${S1} ${S2}`);
  assert.equal(ann.segments[0].origin, 'manual');
  assert.deepEqual(ann.units[0].source, ['s1']);
  assert.ok(sourceIntact(s1.doc));
  assert.ok(run(s1, commands.undo).doc.eq(s0.doc));
  // split then merge gives the original span back
  const again = run(at(s1, 's1', S1.length + 1), commands.splitSource);
  assert.equal(show(again.doc, 3).slice(0, 18), 'u1[s1:قال s5:واف |');
  const seg = docToAnnotations(again.doc, fixture(), TEXT).segments;
  assert.deepEqual([seg[0].start, seg[0].end, seg[1].start, seg[1].end], [spanOf(S1).start, spanOf(S1).end, spanOf(S2).start, spanOf(S2).end]);
});

test('split an English sentence at the cursor and merge it back', () => {
  const text = 'The president said Apple will hire 123 people.';
  const u = text.indexOf(' will');
  const s0 = at(makeState(), 't1', u);
  const s1 = run(s0, commands.splitTarget);
  assert.equal(show(s1.doc, 30).split(' u2')[0], 'u1[s1:قالَ الرئيسُ إنّ شركة Apple ست | t1:The president said Apple t2:will hire 123 people.]D');
  assert.equal(s1.selection.$head.parent.attrs.id, 't2');
  assert.equal(s1.selection.$head.parentOffset, 0);
  const s2 = run(at(s1, 't1', 2), commands.mergeTargetNext);
  assert.equal(rowNode(s2.doc, 0).child(1).childCount, 1);
  assert.equal(rowNode(s2.doc, 0).child(1).child(0).textContent, text);
  // the English mention keeps its span
  const en = docToAnnotations(s2.doc, fixture(), TEXT).mentions.find((m) => m.side === 'en')!;
  assert.deepEqual([en.start, en.end, en.text], [19, 24, 'Apple']);
  assert.ok(run(s2, commands.undo).doc.eq(s1.doc));
});
