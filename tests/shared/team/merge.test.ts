import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MergeRefusal, mergeAnnotations } from '../../../shared/team/merge.ts';
import { checkAnnotations, serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';
import { makeReport } from '../../fixtures/annotated-report.ts';
import { FREE_WORDS, SUFFIXES, TEXT, base, edit, type Edit } from './merge-fixture.ts';

const text = (a: Annotations, row: number) => a.units[row].target.map((id) => a.targets.find((t) => t.id === id)!.text).join(' ');
const ser = (a: Annotations) => serializeAnnotations(a);

/** Every mention's text is its slice, on both sides. */
function assertSlices(a: Annotations) {
  for (const m of a.mentions) {
    const src = m.side === 'ar' ? TEXT : a.targets.find((t) => t.id === m.sentence)!.text;
    assert.equal(cpSlice(src, m.start, m.end), m.text, `${m.id} ${m.text}`);
  }
}

interface Case {
  name: string;
  ours: Edit[];
  theirs: Edit[];
  /** the conflict kinds recorded, in order */
  kinds: string[];
  check?: (m: Annotations) => void;
}

const cases: Case[] = [
  {
    name: 'English edited in different rows merges silently',
    ours: [{ k: 'en', row: 0, suffix: ' — محدّث' }], theirs: [{ k: 'en', row: 2, suffix: ' ✓' }], kinds: [],
    check: (m) => { assert.match(text(m, 0), / — محدّث$/); assert.match(text(m, 2), / ✓$/); },
  },
  {
    name: 'the same row\'s English edited differently on both sides: ours kept, theirs recorded',
    ours: [{ k: 'en', row: 1, suffix: ' — محدّث' }], theirs: [{ k: 'en', row: 1, suffix: ' ✓' }], kinds: ['english'],
    check: (m) => {
      assert.match(text(m, 1), / — محدّث$/);
      const c = m.conflicts![0];
      assert.equal(c.unit, 'u2');
      assert.match(String(c.theirs), / ✓$/);
      assert.equal(c.base, base().targets[1].text);
    },
  },
  { name: 'the same edit on both sides is taken once', ours: [{ k: 'en', row: 1, suffix: ' ✓' }], theirs: [{ k: 'en', row: 1, suffix: ' ✓' }], kinds: [] },
  {
    name: 'statuses of different rows merge; the same row set differently is a status conflict',
    ours: [{ k: 'status', row: 0, status: 'reviewed' }, { k: 'status', row: 2, status: 'draft' }],
    theirs: [{ k: 'status', row: 1, status: 'reviewed' }, { k: 'status', row: 2, status: 'reviewed' }],
    kinds: ['status'],
    check: (m) => {
      assert.deepEqual(m.units.map((u) => u.status), ['reviewed', 'reviewed', 'draft']);
      assert.deepEqual([m.conflicts![0].unit, m.conflicts![0].ours, m.conflicts![0].theirs], ['u3', 'draft', 'reviewed']);
    },
  },
  {
    name: 'a mention retyped on one side (مِصر LOC → ORG) is taken',
    ours: [], theirs: [{ k: 'type', mention: 6, type: 'ORG' }], kinds: [],
    check: (m) => assert.equal(m.mentions.find((x) => x.text === 'مِصر')!.type, 'ORG'),
  },
  {
    name: 'the same span given two types: a mentionType conflict',
    ours: [{ k: 'type', mention: 6, type: 'ORG' }], theirs: [{ k: 'type', mention: 6, type: 'MISC' }], kinds: ['mentionType'],
    check: (m) => assert.equal(m.mentions.find((x) => x.text === 'مِصر')!.type, 'ORG'),
  },
  {
    name: 'a new word tagged on both sides with two types (ids clash, theirs renamed): a mentionType conflict',
    ours: [{ k: 'add', word: 'الوفد', type: 'ORG' }], theirs: [{ k: 'add', word: 'الوفد', type: 'PER' }], kinds: ['mentionType'],
    check: (m) => assert.deepEqual(m.mentions.filter((x) => x.text === 'الوفد').map((x) => x.type), ['ORG']),
  },
  {
    name: 'the same new word tagged alike on both sides is one mention',
    ours: [{ k: 'add', word: 'الوفد', type: 'ORG' }], theirs: [{ k: 'add', word: 'الوفد', type: 'ORG' }], kinds: [],
    check: (m) => assert.equal(m.mentions.filter((x) => x.text === 'الوفد').length, 1),
  },
  {
    name: 'different new words tagged on each side (same new ids) are both kept',
    ours: [{ k: 'add', word: 'الوفد', type: 'ORG' }], theirs: [{ k: 'add', word: 'دولار', type: 'MISC' }], kinds: [],
    check: (m) => {
      assert.deepEqual(['الوفد', 'دولار'].map((w) => m.mentions.filter((x) => x.text === w).length), [1, 1]);
      assert.equal(new Set(m.mentions.map((x) => x.id)).size, m.mentions.length);
      assert.notEqual(m.mentions.find((x) => x.text === 'الوفد')!.entity, m.mentions.find((x) => x.text === 'دولار')!.entity);
    },
  },
  { name: 'a mention deleted on one side is deleted', ours: [{ k: 'del', mention: 0 }], theirs: [], kinds: [], check: (m) => assert.equal(m.mentions.length, base().mentions.length - 1) },
  {
    name: 'deleted on one side, retyped on the other: a mention conflict, the retyped one kept',
    ours: [{ k: 'del', mention: 6 }], theirs: [{ k: 'type', mention: 6, type: 'ORG' }], kinds: ['mention'],
    check: (m) => assert.equal(m.mentions.find((x) => x.text === 'مِصر')!.type, 'ORG'),
  },
  {
    name: 'rows joined on one side (a 2-2 row) while the other edits the English of another row',
    ours: [{ k: 'join', row: 0 }], theirs: [{ k: 'en', row: 2, suffix: ' ✓' }, { k: 'status', row: 1, status: 'reviewed' }], kinds: [],
    check: (m) => {
      assert.equal(m.units.length, 2);
      assert.deepEqual(m.units[0].source, ['s1', 's2']);
      assert.match(text(m, 1), / ✓$/);
    },
  },
  {
    name: 'rows restructured differently on both sides: a rows conflict, ours kept',
    ours: [{ k: 'join', row: 0 }], theirs: [{ k: 'join', row: 1 }], kinds: ['rows'],
    check: (m) => assert.deepEqual(m.units.map((u) => u.source), [['s1', 's2'], ['s3']]),
  },
  {
    name: 'a row joined on one side while the other edits its English: both taken',
    ours: [{ k: 'join', row: 1 }], theirs: [{ k: 'en', row: 2, suffix: ' — محدّث' }], kinds: [],
    check: (m) => assert.match(text(m, 1), / — محدّث$/),
  },
];

for (const c of cases) {
  test(`merge: ${c.name}`, () => {
    const b = base();
    const o = edit(b, c.ours);
    const t = edit(b, c.theirs);
    const r = mergeAnnotations(b, o, t);
    assert.deepEqual(r.conflicts.map((x) => x.kind), c.kinds);
    assert.deepEqual(checkAnnotations(r.merged, { text: TEXT }), []);
    assert.ok(AnnotationsSchema.safeParse(r.merged).success);
    assertSlices(r.merged);
    c.check?.(r.merged);
    // never line markers
    assert.doesNotMatch(ser(r.merged), /^(<<<<<<<|>>>>>>>|=======)/m);
  });
}

test('merge: clitic-snapped spans drawn differently (إدلب inside بإدلب, and the whole word) are a mention conflict', () => {
  const { text: t0, annotations: b } = makeReport(['غادر الوفد بإدلب صباحاً.', 'وصل الوفد.'], ['The delegation left Idlib in the morning.', 'The delegation arrived.']);
  const whole = t0.indexOf('بإدلب');
  const tag = (a: Annotations, start: number, end: number) => {
    const x = structuredClone(a);
    x.entities.push({ id: 'e1', type: 'LOC', ar: 'إدلب' });
    x.mentions.push({ id: 'm1', side: 'ar', sentence: 's1', start, end, text: t0.slice(start, end), type: 'LOC', entity: 'e1' });
    return x;
  };
  const o = tag(b, whole + 1, whole + 5); // snapped past the clitic: إدلب
  const t = tag(b, whole, whole + 5); // the whole token: بإدلب
  const r = mergeAnnotations(b, o, t);
  assert.deepEqual(r.conflicts.map((c) => c.kind), ['mention']);
  assert.deepEqual(r.merged.mentions.map((m) => m.text), ['إدلب']);
  assert.equal((r.conflicts[0].theirs as { text: string }).text, 'بإدلب');
  assert.deepEqual(checkAnnotations(r.merged, { text: t0 }), []);
});

test('merge: an English mention follows its text when the other side edited the sentence before it', () => {
  const b = base();
  const o = structuredClone(b);
  o.targets[1].text = 'Also, ' + o.targets[1].text; // ours edits t2 (its mentions moved with it)
  for (const m of o.mentions) if (m.sentence === 't2') { m.start += 6; m.end += 6; }
  const t = structuredClone(b);
  t.mentions.push({ id: 'm99', side: 'en', sentence: 't2', start: 33, end: 44, text: cpSlice(t.targets[1].text, 33, 44), type: 'MISC', entity: 'e3' });
  const r = mergeAnnotations(b, o, t);
  assert.deepEqual(r.conflicts, []);
  const m = r.merged.mentions.find((x) => x.id === 'm99')!;
  assert.equal(cpSlice(r.merged.targets[1].text, m.start, m.end), m.text);
  assert.equal(m.start, 39);
});

test('merge: comments of both sides are kept, oldest first; the later review wins', () => {
  const b = base();
  const o = structuredClone(b);
  const t = structuredClone(b);
  o.units[0].comments = [{ id: 'c1', by: 'ليلى', at: '2026-12-02T10:00:00.000Z', text: 'الاسم صحيح؟', kind: 'note' }];
  t.units[0].comments = [{ id: 'c2', by: 'Omar', at: '2026-12-01T10:00:00.000Z', text: 'Check the name', kind: 'sendBack' }];
  const r = mergeAnnotations(b, o, t);
  assert.deepEqual(r.merged.units[0].comments!.map((c) => c.id), ['c2', 'c1']);
});

test('merge: sidecars of different sources are refused; no common ancestor merges two equal files cleanly', () => {
  const b = base();
  const other = structuredClone(b);
  other.source = { ...other.source, sha256: 'b'.repeat(64) };
  assert.throws(() => mergeAnnotations(b, b, other), MergeRefusal);
  const r = mergeAnnotations(null, b, structuredClone(b));
  assert.deepEqual(r.conflicts, []);
  assert.equal(ser(r.merged), ser(b));
});

test('merge: conflicts already in the files are kept, new ones numbered after them', () => {
  const b = base();
  const o = edit(b, [{ k: 'status', row: 0, status: 'draft' }]);
  o.conflicts = [{ id: 'k4', kind: 'english', unit: 'u3', ours: 'a', theirs: 'b' }];
  const t = edit(b, [{ k: 'status', row: 0, status: 'reviewed' }]);
  const r = mergeAnnotations(b, o, t);
  assert.deepEqual(r.merged.conflicts!.map((c) => c.id), ['k4', 'k5']);
});

// ---- properties ------------------------------------------------------------------------------

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const quietEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ k: fc.constant('status' as const), row: fc.nat(2), status: fc.constantFrom('auto', 'draft', 'translated', 'reviewed') }),
  fc.record({ k: fc.constant('en' as const), row: fc.nat(2), suffix: fc.constantFrom(...SUFFIXES) }),
  fc.record({ k: fc.constant('type' as const), mention: fc.nat(11), type: fc.constantFrom(...TYPES) }),
  fc.record({ k: fc.constant('del' as const), mention: fc.nat(11) }),
);
const anyEdit: fc.Arbitrary<Edit> = fc.oneof(
  quietEdit,
  fc.record({ k: fc.constant('add' as const), word: fc.constantFrom(...FREE_WORDS), type: fc.constantFrom(...TYPES) }),
  fc.record({ k: fc.constant('join' as const), row: fc.nat(2) }),
);
const edits = (e: fc.Arbitrary<Edit>) => fc.array(e, { maxLength: 5 });

test('property: merging with an unchanged side returns the other side', () => {
  fc.assert(fc.property(edits(anyEdit), (es) => {
    const b = base();
    const x = edit(b, es);
    for (const r of [mergeAnnotations(b, b, x), mergeAnnotations(b, x, b)]) {
      assert.deepEqual(r.conflicts, []);
      assert.equal(ser(r.merged), ser(x));
    }
  }), { numRuns: 150 });
});

test('property: merge is symmetric up to which side a conflict keeps', () => {
  fc.assert(fc.property(edits(quietEdit), edits(quietEdit), (ea, eb) => {
    const b = base();
    const x = edit(b, ea);
    const y = edit(b, eb);
    const xy = mergeAnnotations(b, x, y);
    const yx = mergeAnnotations(b, y, x);
    const key = (c: { kind: string; unit?: string }) => `${c.kind}@${c.unit ?? ''}`;
    assert.deepEqual(xy.conflicts.map(key).sort(), yx.conflicts.map(key).sort());
    for (const [p, q] of xy.conflicts.map((c, i) => [c, yx.conflicts.find((d) => key(d) === key(c) && same(d.ours, c.theirs))!, i] as const)) {
      assert.ok(q, `the conflict ${key(p)} seen from the other side`);
      assert.deepEqual(q.theirs, p.ours);
    }
    if (xy.conflicts.length === 0) assert.equal(ser(xy.merged), ser(yx.merged));
  }), { numRuns: 200 });
});
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

test('property: the merge always validates (schema and every cross-check), whatever both sides did', () => {
  fc.assert(fc.property(edits(anyEdit), edits(anyEdit), (ea, eb) => {
    const b = base();
    const r = mergeAnnotations(b, edit(b, ea), edit(b, eb));
    assert.ok(AnnotationsSchema.safeParse(JSON.parse(ser(r.merged))).success);
    assert.deepEqual(checkAnnotations(r.merged, { text: TEXT }), []);
    // the safety net (ours whole) is never what a merge of these edits needs
    assert.ok(!r.conflicts.some((c) => (c.theirs as { why?: string })?.why), JSON.stringify(r.conflicts));
  }), { numRuns: 200 });
});
