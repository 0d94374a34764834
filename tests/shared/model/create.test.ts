import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnnotations } from '../../../shared/model/create.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';

test('createAnnotations makes one unit per segment whose text slices the source by code points', () => {
  const text = '👍 قصفت قوات النظام إدلب. وقال المرصد إن ٦٧ قتلوا.';
  const spans = [
    { start: 2, end: 24 },
    { start: 25, end: Array.from(text).length },
  ];
  const a = createAnnotations(
    { file: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'none', length: Array.from(text).length, language: 'ar' },
    text,
    spans,
    '2026-01-01T00:00:00.000Z',
  );
  assert.equal(a.segments[0].text, 'قصفت قوات النظام إدلب.');
  assert.equal(a.segments[1].text, 'وقال المرصد إن ٦٧ قتلوا.');
  assert.deepEqual(a.units.map((u) => u.source), [['s1'], ['s2']]);
  assert.ok(AnnotationsSchema.safeParse(a).success);
});
