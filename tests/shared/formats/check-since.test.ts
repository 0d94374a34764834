// The incremental save check gives exactly checkAnnotations' problems after random edit sequences
// on an Arabic report (harakat, an emoji, mixed scripts), valid edits and breaking ones alike; and
// it really skips what is unchanged (the same objects).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAnnotationsSince } from '../../../shared/formats/check-since.ts';
import { checkAnnotations } from '../../../shared/formats/sidecar.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations, Mention } from '../../../shared/model/types.ts';
import { cpLength } from '../../../shared/text/offsets.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

const base = AnnotationsSchema.parse(buildAnnotatedReport().annotations) as Annotations;
let fresh = 0;

/** One edit as the host receives it: changed items are new objects, the rest shared. */
const EDITS: ((a: Annotations, k: number) => Annotations)[] = [
  // row status (the common save)
  (a, k) => ({ ...a, units: a.units.map((u, i) => (i === k % a.units.length ? { ...u, status: u.status === 'reviewed' ? 'translated' : 'reviewed' } : u)) }),
  // a translation rewritten: its English mentions may no longer match
  (a, k) => ({ ...a, targets: a.targets.map((t, i) => (i === k % a.targets.length ? { ...t, text: k % 2 ? t.text + ' 🙂 and more' : 'Row مترجم: Idlib 😀' } : t)) }),
  // a new Arabic mention on the first word of a segment, with a new entity (tagging)
  (a, k) => {
    const s = a.segments[k % a.segments.length];
    const word = /^\S+/u.exec(s.text)?.[0] ?? s.text;
    const e = { id: 'e' + (900 + fresh++), type: 'PER', ar: word, en: 'X' };
    const m: Mention = { id: 'm' + (900 + fresh++), side: 'ar', sentence: s.id, start: s.start, end: s.start + cpLength(word), text: word, type: 'PER', entity: e.id };
    return { ...a, entities: [...a.entities, e], mentions: [...a.mentions, m] };
  },
  // a mention removed; an entity removed (its mentions then dangle)
  (a, k) => ({ ...a, mentions: a.mentions.filter((_, i) => i !== k % a.mentions.length) }),
  (a, k) => ({ ...a, entities: a.entities.filter((_, i) => i !== k % a.entities.length) }),
  // a mention moved, its text wrong, its id taken, its entity missing
  (a, k) => ({ ...a, mentions: a.mentions.map((m, i) => (i === k % a.mentions.length ? { ...m, start: m.start + 1, end: m.end + 1 } : m)) }),
  (a, k) => ({ ...a, mentions: a.mentions.map((m, i) => (i === k % a.mentions.length ? { ...m, text: 'حَلَب' } : m)) }),
  (a, k) => ({ ...a, mentions: [...a.mentions, { ...a.mentions[k % a.mentions.length] }] }),
  (a, k) => ({ ...a, mentions: a.mentions.map((m, i) => (i === k % a.mentions.length ? { ...m, entity: 'e404' } : m)) }),
  // an entity's id taken, its type changed
  (a, k) => ({ ...a, entities: [...a.entities, { ...a.entities[k % a.entities.length], type: 'ORG' }] }),
  (a, k) => ({ ...a, entities: a.entities.map((e, i) => (i === k % a.entities.length ? { ...e, type: 'ORG', by: 'ليلى' } : e)) }),
  // structure: a row's sentences, a segment, a target added, the source length
  (a, k) => ({ ...a, units: a.units.map((u, i) => (i === k % a.units.length ? { ...u, target: [] } : u)) }),
  (a, k) => ({ ...a, segments: a.segments.map((s, i) => (i === k % a.segments.length ? { ...s, end: s.end - 1 } : s)) }),
  (a) => ({ ...a, targets: [...a.targets, { id: 't' + (900 + fresh++), text: 'orphan' }] }),
  (a) => ({ ...a, source: { ...a.source, length: a.source.length + 1 } }),
];

test('the same problems as checkAnnotations after random edits, checked save after save', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(EDITS.length - 1), fc.nat(), fc.nat(2)), { maxLength: 10 }), (steps) => {
      let saved = base;
      assert.deepEqual(checkAnnotationsSince(null, saved), []);
      for (const [e, k, n] of steps) {
        // one to three edits between saves
        let next = saved;
        for (let r = 0; r <= n; r++) next = EDITS[(e + r) % EDITS.length](next, k + r);
        const problems = checkAnnotationsSince(saved, next);
        assert.deepEqual(problems, checkAnnotations(next));
        // only a version without problems is saved, and becomes the one the next save is checked against
        if (!problems.length) saved = next;
      }
    }),
    { numRuns: 300 },
  );
});

test('unchanged items (the same objects) are not checked again', () => {
  const a = structuredClone(base);
  assert.deepEqual(checkAnnotationsSince(null, a), []);
  // breaking the rule on purpose: an item of a checked version changed in place is not seen
  (a.mentions[0] as { text: string }).text = 'غلط';
  const next = { ...a, units: a.units.map((u, i) => (i === 1 ? { ...u, status: 'reviewed' as const } : u)) };
  assert.deepEqual(checkAnnotationsSince(a, next), []);
  assert.equal(checkAnnotations(next)[0].path, 'mentions[0].text');
  // while a new object for it is checked
  const fixed = { ...next, mentions: next.mentions.map((m, i) => (i === 0 ? { ...m } : m)) };
  assert.equal(checkAnnotationsSince(next, fixed)[0].path, 'mentions[0].text');
});
