import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MentionError, addMention, changeType, linkMentions, reconcileEntities, removeMention, unlinkMention } from '../../../shared/entities/mentions.ts';
import { checkAnnotations } from '../../../shared/formats/sidecar.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';

const report = () =>
  makeReport(
    ['😀 قصف النظامُ مدينة سراقب بريف إدلب.', 'وقال أردوغان إن تركيا سترد.'],
    ['😀 The regime shelled Saraqib in rural Idlib.', 'Erdogan said Turkey would respond.'],
  );

test('addMention: text from the sentence (code points), new entity with its form, ids, valid file', () => {
  const { text, annotations } = report();
  const s = cpIndexOf(text, 'سراقب');
  const r = addMention(annotations, { side: 'ar', sentence: 's1', start: s, end: s + 5, type: 'LOC' });
  assert.equal(r.mention.text, 'سراقب');
  assert.equal(cpSlice(text, r.mention.start, r.mention.end), 'سراقب');
  assert.deepEqual(r.annotations.entities, [{ id: 'e1', type: 'LOC', ar: 'سراقب' }]);
  assert.equal(r.mention.id, 'm1');
  assert.deepEqual(annotations.mentions, [], 'input not mutated');
  const t1 = r.annotations.targets[0].text;
  const e = cpIndexOf(t1, 'Saraqib');
  assert.equal(e, 21, 'the emoji counts as one code point');
  const en = addMention(r.annotations, { side: 'en', sentence: 't1', start: e, end: e + 7, type: 'LOC', entity: 'e1' });
  assert.equal(en.mention.text, 'Saraqib');
  assert.deepEqual(en.annotations.entities, [{ id: 'e1', type: 'LOC', ar: 'سراقب', en: 'Saraqib' }]);
  AnnotationsSchema.parse(en.annotations);
  assert.deepEqual(checkAnnotations(en.annotations, { text }), []);
});

test('overlapping mentions are refused with a clear message; adjacent ones are fine', () => {
  const { text, annotations } = report();
  const s = cpIndexOf(text, 'بريف إدلب');
  const a = addMention(annotations, { side: 'ar', sentence: 's1', start: s + 5, end: s + 9, type: 'LOC' }).annotations;
  assert.throws(
    () => addMention(a, { side: 'ar', sentence: 's1', start: s + 1, end: s + 6, type: 'LOC' }),
    (e: unknown) => e instanceof MentionError && e.code === 'overlap' && /overlaps the LOC mention “إدلب”/.test(e.message),
  );
  const b = addMention(a, { side: 'ar', sentence: 's1', start: s + 1, end: s + 4, type: 'LOC' });
  assert.equal(b.mention.text, 'ريف');
  assert.throws(() => addMention(a, { side: 'ar', sentence: 's1', start: 3, end: 3, type: 'LOC' }), /Select some text/);
  assert.throws(() => addMention(a, { side: 'ar', sentence: 's1', start: s, end: text.length, type: 'LOC' }), /within one sentence/);
  assert.throws(() => addMention(a, { side: 'en', sentence: 't9', start: 0, end: 1, type: 'LOC' }), /no English sentence t9/);
});

test('changeType changes the entity and all its mentions; removeMention drops an orphaned entity', () => {
  const { text, annotations } = report();
  const s = cpIndexOf(text, 'أردوغان');
  let r = addMention(annotations, { side: 'ar', sentence: 's2', start: s, end: s + 7, type: 'LOC' });
  const en = addMention(r.annotations, { side: 'en', sentence: 't2', start: 0, end: 7, type: 'LOC', entity: r.mention.entity });
  let a = changeType(en.annotations, r.mention.id, 'PER');
  assert.deepEqual(a.mentions.map((m) => m.type), ['PER', 'PER']);
  assert.equal(a.entities[0].type, 'PER');
  a = removeMention(a, r.mention.id);
  assert.equal(a.entities.length, 1, 'entity kept while a mention remains');
  a = removeMention(a, en.mention.id);
  assert.deepEqual(a.entities, []);
  assert.throws(() => removeMention(a, 'm99'), /no mention m99/);
  r = addMention(annotations, { side: 'ar', sentence: 's2', start: s, end: s + 7, type: 'PER' });
  assert.equal(r.mention.id, 'm1');
});

test('linkMentions puts the English mention into the Arabic mention’s entity; refuses other rows', () => {
  const { text, annotations } = report();
  const s = cpIndexOf(text, 'إدلب');
  const ar = addMention(annotations, { side: 'ar', sentence: 's1', start: s, end: s + 4, type: 'LOC' });
  const i = cpIndexOf(ar.annotations.targets[0].text, 'Idlib');
  const en = addMention(ar.annotations, { side: 'en', sentence: 't1', start: i, end: i + 5, type: 'MISC' });
  assert.equal(en.mention.text, 'Idlib');
  const linked = linkMentions(en.annotations, ar.mention.id, en.mention.id);
  assert.deepEqual(linked.entities, [{ id: 'e1', type: 'LOC', ar: 'إدلب', en: 'Idlib' }]);
  assert.deepEqual(linked.mentions.map((m) => [m.id, m.entity, m.type]), [['m1', 'e1', 'LOC'], ['m2', 'e1', 'LOC']]);
  const other = addMention(linked, { side: 'en', sentence: 't2', start: 0, end: 7, type: 'PER' });
  assert.throws(
    () => linkMentions(other.annotations, ar.mention.id, other.mention.id),
    (e: unknown) => e instanceof MentionError && e.code === 'different-rows',
  );
  assert.throws(() => linkMentions(linked, en.mention.id, ar.mention.id), /Arabic mention with an English/);
  const split = unlinkMention(linked, 'm2');
  assert.deepEqual(split.entities, [{ id: 'e1', type: 'LOC', ar: 'إدلب', en: 'Idlib' }, { id: 'e2', type: 'LOC', en: 'Idlib' }]);
  assert.equal(split.mentions[1].entity, 'e2');
});

test('reconcileEntities keeps used entities, drops unused ones, adds those only marks know', () => {
  const { text, annotations } = report();
  const s = cpIndexOf(text, 'سراقب');
  const a = addMention(annotations, { side: 'ar', sentence: 's1', start: s, end: s + 5, type: 'LOC' }).annotations;
  const entities = [...a.entities, { id: 'e7', type: 'PER', ar: 'غائب' }];
  const mentions = [...a.mentions, { id: 'm2', side: 'en' as const, sentence: 't2', start: 0, end: 7, text: 'Erdogan', type: 'PER', entity: 'e2' }];
  assert.deepEqual(reconcileEntities(entities, mentions), [{ id: 'e1', type: 'LOC', ar: 'سراقب' }, { id: 'e2', type: 'PER', en: 'Erdogan' }]);
});
