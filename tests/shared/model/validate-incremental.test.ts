// Incremental validation gives exactly what the full schema gives: the same success, the same data,
// the same error issues, whatever was edited since the previous validated version (valid and
// invalid edits, inserted and removed rows, extra fields, missing fields), on an Arabic report with
// harakat, an emoji and mixed scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAnnotationsAgainst } from '../../../shared/model/validate-incremental.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

const base = AnnotationsSchema.parse(buildAnnotatedReport().annotations) as Annotations;
const LISTS = ['segments', 'targets', 'units', 'entities', 'mentions'] as const;

/** A deep copy, as an IPC or HTTP payload arrives (no object shared with `base`). */
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// edits of one item: valid ones and invalid ones, each a function of the item
const EDITS: ((x: Record<string, unknown>) => void)[] = [
  (x) => void (x.text = 'نصٌّ مُعدَّل 😀 edited'),
  (x) => void (x.status = 'reviewed'),
  (x) => void (x.status = 'bogus'),
  (x) => void (x.start = -1),
  (x) => void (x.end = 1.5),
  (x) => void (x.id = 'Bad Id'),
  (x) => void (x.extraField = { nested: ['ق'] }),
  (x) => void delete x.id,
  (x) => void delete x.origin,
  (x) => void delete x.confirmed,
  (x) => void (x.target = ['t1', 't2']),
  (x) => void (x.qaIgnore = ['numbers']),
  (x) => void (x.qaIgnore = [7]),
  (x) => void (x.confidence = 2),
  (x) => void (x.type = ''),
];

const editArb = fc.record({
  list: fc.constantFrom(...LISTS),
  at: fc.nat(),
  edit: fc.nat(EDITS.length - 1),
  op: fc.constantFrom('edit', 'edit', 'edit', 'insert', 'remove', 'replaceWithString'),
});

function apply(a: Annotations, e: { list: (typeof LISTS)[number]; at: number; edit: number; op: string }): void {
  const xs = a[e.list] as unknown as unknown[];
  if (xs.length === 0) return;
  const i = e.at % xs.length;
  if (e.op === 'remove') xs.splice(i, 1);
  else if (e.op === 'insert') xs.splice(i, 0, { ...(xs[(i + 1) % xs.length] as object), id: 'x' + (900 + e.at) });
  else if (e.op === 'replaceWithString') xs[i] = 'not an item';
  else if (typeof xs[i] === 'object') EDITS[e.edit](xs[i] as Record<string, unknown>);
}

test('the same result as the full schema after random edits (data, success and the error issues)', () => {
  fc.assert(
    fc.property(fc.array(editArb, { maxLength: 6 }), fc.boolean(), (edits, topLevel) => {
      const next = clone(base);
      for (const e of edits) apply(next, e);
      if (topLevel) (next as Record<string, unknown>).modified = 12;
      const full = AnnotationsSchema.safeParse(next);
      const inc = parseAnnotationsAgainst(base, next);
      assert.equal(inc.success, full.success);
      if (full.success) assert.deepStrictEqual(inc.data, full.data);
      else assert.deepStrictEqual(inc.error?.issues, full.error.issues);
    }),
    { numRuns: 400 },
  );
});

test('unchanged items are taken from the previous version, changed ones are validated anew', () => {
  const next = clone(base);
  next.mentions[0] = { ...next.mentions[0], text: next.mentions[0].text };
  next.units[1].status = 'reviewed';
  const r = parseAnnotationsAgainst(base, next);
  assert.ok(r.success);
  const data = r.data as Annotations;
  assert.equal(data.segments[0], base.segments[0]); // shared: not validated again
  assert.equal(data.mentions[0], base.mentions[0]);
  assert.notEqual(data.units[1], base.units[1]);
  assert.equal(data.units[1].status, 'reviewed');
  // a row inserted at the top: the rest still match by id
  const shifted = clone(base);
  shifted.segments.unshift({ ...shifted.segments[0], id: 's999' });
  const s = parseAnnotationsAgainst(base, shifted);
  assert.ok(s.success);
  assert.equal((s.data as Annotations).segments[1], base.segments[0]);
});

test('an invalid edit reports the full schema error at its path', () => {
  const next = clone(base);
  (next.units[2] as Record<string, unknown>).status = 'bogus';
  const r = parseAnnotationsAgainst(base, next);
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues.map((i) => i.path.join('.')), ['units.2.status']);
  assert.equal(parseAnnotationsAgainst(base, null).success, false);
  // the previous version itself, changed in place, is validated again (an in-process caller)
  const prev = structuredClone(base);
  (prev.mentions[0] as Record<string, unknown>).start = -3;
  const again = parseAnnotationsAgainst(prev, prev);
  assert.equal(again.success, false);
  assert.deepEqual(again.error?.issues.map((i) => i.path.join('.')), ['mentions.0.start']);
  assert.equal(parseAnnotationsAgainst(undefined, clone(base)).success, true);
});
