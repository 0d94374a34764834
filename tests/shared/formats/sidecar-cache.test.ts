// The serialiser reuses each row's JSON while the row object holds the same values (issue 17 item
// 2). Rows changed in place between saves (a value set, a list pushed to, a field added or
// deleted, a nested value) must be written anew: after any sequence of in-place edits the text
// equals the one-shot serialisation (serializeAnnotationsWhole), on an Arabic report with harakat,
// an emoji and mixed scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { serializeAnnotations, serializeAnnotationsBytes, serializeAnnotationsWhole } from '../../../shared/formats/sidecar.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

const LISTS = ['segments', 'targets', 'units', 'entities', 'mentions'] as const;
const EDITS: ((x: Record<string, unknown>) => void)[] = [
  (x) => void (x.text = 'نصٌّ جديد 😀'),
  (x) => void (x.start = 7),
  (x) => void (x.status = 'reviewed'),
  (x) => void (Array.isArray(x.target) ? x.target.push('t99') : (x.target = ['t1'])),
  (x) => void (Array.isArray(x.source) && x.source.length ? (x.source[0] = 's77') : (x.source = [])),
  (x) => void (x.qaIgnore = ['numbers']),
  (x) => void delete x.confidence,
  (x) => void (x.confidence = undefined),
  (x) => void (x.zExtra = { nested: ['ق', 1] }),
  (x) => void (typeof x.zExtra === 'object' && x.zExtra ? ((x.zExtra as Record<string, unknown>).nested = 'changed inside') : (x.aExtra = 1)),
  (x) => void delete x.en,
];

test('property: after in-place edits between saves, the text equals the one-shot serialisation', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.record({ list: fc.constantFrom(...LISTS), at: fc.nat(), edit: fc.nat(EDITS.length - 1) }), { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      (rounds, topExtra) => {
        const a = buildAnnotatedReport().annotations as Annotations;
        assert.equal(serializeAnnotations(a), serializeAnnotationsWhole(a));
        for (const edits of rounds) {
          for (const e of edits) {
            const xs = a[e.list] as unknown as Record<string, unknown>[];
            if (xs.length) EDITS[e.edit](xs[e.at % xs.length]);
          }
          if (topExtra) (a as unknown as Record<string, unknown>).later = { ar: 'حقل', n: rounds.length };
          const whole = serializeAnnotationsWhole(a);
          assert.equal(serializeAnnotations(a), whole);
          assert.deepEqual(serializeAnnotationsBytes(a), new TextEncoder().encode(whole));
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('empty lists, absent optional lists and suggestions are written as before', () => {
  const a = buildAnnotatedReport().annotations as Annotations;
  const empty = { ...a, entities: [], mentions: [] };
  assert.equal(serializeAnnotations(empty), serializeAnnotationsWhole(empty));
  assert.deepEqual(serializeAnnotationsBytes(empty), new TextEncoder().encode(serializeAnnotationsWhole(empty)));
  const withSuggestions = { ...a, suggestions: [{ side: 'ar' as const, sentence: a.segments[0].id, start: a.segments[0].start, end: a.segments[0].start + 2, text: 'قا', type: 'PER', status: 'pending' as const }] };
  assert.equal(serializeAnnotations(withSuggestions), serializeAnnotationsWhole(withSuggestions));
  assert.ok(serializeAnnotations(withSuggestions).includes('"suggestions": [\n    {\n      "side": "ar"'));
});
