// serializeInPieces gives exactly serializeAnnotations' text, whatever was edited since the version
// serialised before (Arabic with harakat, an emoji, mixed scripts, rows inserted, removed, out of
// order, extra fields, empty lists), and its chunks follow the ids: an inserted row changes one
// chunk, not all after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ROW_LISTS, serializeAnnotations, serializeInPieces } from '../../../shared/formats/sidecar.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';
import { applyEdit, editArb, manyMentions } from './sidecar-edits.ts';

const base = manyMentions(AnnotationsSchema.parse(buildAnnotatedReport().annotations) as Annotations, 6);

const joined = (a: Annotations, since?: Annotations) => serializeInPieces(a, { text: (s) => s, chunk: (_k, _items, render) => render() }, since).join('');

test('the pieces join to serializeAnnotations after random edits', () => {
  assert.ok(base.mentions.length > 256, 'several chunks of mentions');
  assert.equal(joined(base), serializeAnnotations(base));
  fc.assert(
    fc.property(fc.array(editArb, { maxLength: 8 }), (edits) => {
      let a = base;
      joined(a);
      for (const e of edits) {
        const before = a;
        a = applyEdit(a, e);
        // against the version serialised before (its order known: only changed items compared)
        assert.equal(joined(a, before), serializeAnnotations(a));
      }
    }),
    { numRuns: 150 },
  );
});

test('chunks follow the ids: a mention inserted in the middle changes one chunk of mentions', () => {
  const chunks = (a: Annotations) => {
    const out: { key: string; items: readonly object[] }[] = [];
    serializeInPieces(a, { text: () => null, chunk: (key, items) => void out.push({ key, items }) });
    return out;
  };
  const before = chunks(base);
  assert.deepEqual([...new Set(before.map((c) => c.key))], [...ROW_LISTS]);
  const mentions = [...base.mentions];
  mentions.splice(100, 0, { ...mentions[100], id: 'm9001', text: mentions[100].text });
  const after = chunks({ ...base, mentions });
  const changed = after.filter((c) => !before.some((b) => b.items.length === c.items.length && b.items.every((x, i) => x === c.items[i])));
  assert.equal(changed.length, 1);
  assert.ok(changed[0].items.some((m) => (m as { id: string }).id === 'm9001'));
});
