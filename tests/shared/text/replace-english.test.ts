import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replaceInAnnotations } from '../../../shared/text/replace-english.ts';
import { compileSearch, type Searcher } from '../../../shared/text/search.ts';

test('replaceInAnnotations: regex groups, a straddled mention dropped, Arabic counted as skipped, input unchanged', () => {
  const ann = {
    segments: [{ id: 's1', start: 0, end: 10, text: 'قال Sameh Shoukry', origin: 'auto' }],
    targets: [{ id: 't1', text: 'Minister Sameh Shoukry said' }],
    units: [{ id: 'u1', source: ['s1'], target: ['t1'], status: 'draft', origin: 'segmenter', confirmed: false }],
    mentions: [{ id: 'm1', side: 'en', sentence: 't1', start: 9, end: 22, text: 'Sameh Shoukry', type: 'PER', entity: 'e1' }],
    entities: [{ id: 'e1', type: 'PER' }],
  } as unknown as Parameters<typeof replaceInAnnotations>[0];
  const frozen = JSON.stringify(ann);
  const r = replaceInAnnotations(ann, compileSearch('(Minister) (Sameh)', { regex: true }) as Searcher, '$2 the $1', 'now');
  assert.equal(r.annotations.targets[0].text, 'Sameh the Minister Shoukry said');
  assert.equal(r.droppedMentions, 1);
  assert.equal(r.skippedArabic, 0);
  assert.deepEqual(r.annotations.mentions, []);
  assert.equal(JSON.stringify(ann), frozen);
  const s = replaceInAnnotations(ann, compileSearch('sameh') as Searcher, 'Samih', 'now');
  assert.equal(s.skippedArabic, 1);
  assert.deepEqual(s.annotations.mentions.map((m) => m.text), ['Samih Shoukry']);
});
