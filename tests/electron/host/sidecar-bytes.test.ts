// The sidecar bytes with unchanged rows reused are the bytes of the whole serialisation, save after
// save, over random edit sequences on an Arabic report (harakat, emoji, mixed scripts); a reused
// item is frozen, so changing one in place fails loudly instead of leaving a stale file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forgetSidecarBytes, lastSidecarBytesCounts, prepareSidecarBytes, sidecarBytes } from '../../../electron/host/sidecar-bytes.ts';
import { serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';
import { applyEdit, editArb, manyMentions } from '../../shared/formats/sidecar-edits.ts';

const build = () => manyMentions(AnnotationsSchema.parse(buildAnnotatedReport().annotations) as Annotations, 6);

test('save after save, the bytes equal Buffer.from(serializeAnnotations(a))', () => {
  fc.assert(
    fc.property(fc.array(fc.array(editArb, { maxLength: 3 }), { maxLength: 6 }), (saves) => {
      forgetSidecarBytes();
      let a = build();
      assert.ok(Buffer.concat(sidecarBytes('r.annotations.json', a)).equals(Buffer.from(serializeAnnotations(a))));
      for (const edits of saves) {
        for (const e of edits) a = applyEdit(a, e);
        // another report in between: kept apart
        sidecarBytes('other.annotations.json', build());
        assert.ok(Buffer.concat(sidecarBytes('r.annotations.json', a)).equals(Buffer.from(serializeAnnotations(a))));
      }
    }),
    { numRuns: 60 },
  );
});

test('an item whose bytes are kept cannot be changed in place', () => {
  forgetSidecarBytes();
  const a = build();
  sidecarBytes('r.annotations.json', a);
  assert.throws(() => {
    (a.mentions[7] as { text: string }).text = 'حلب';
  }, TypeError);
  // what an edit does instead: a new object for the changed item
  const b = { ...a, mentions: a.mentions.map((m, i) => (i === 7 ? { ...m, text: 'حلبُ الشهباء 🏙️' } : m)) };
  assert.ok(Buffer.concat(sidecarBytes('r.annotations.json', b)).equals(Buffer.from(serializeAnnotations(b))));
  assert.match(Buffer.concat(sidecarBytes('r.annotations.json', b)).toString('utf8'), /"text": "حلبُ الشهباء 🏙️"/);
});

test('prepared at open: the first save renders only the chunks its edit touched, and its bytes are the whole serialisation', () => {
  forgetSidecarBytes();
  const loaded = build();
  prepareSidecarBytes('r.annotations.json', loaded);
  // the first save: the loaded objects for every unchanged item, a new object for the one edited
  const next = { ...loaded, modified: '2026-12-05T06:00:00.000Z', units: loaded.units.map((u, i) => (i === 1 ? { ...u, status: 'translated' as const } : u)) };
  const bytes = Buffer.concat(sidecarBytes('r.annotations.json', next));
  assert.ok(bytes.equals(Buffer.from(serializeAnnotations(next))));
  const { rendered, reused } = lastSidecarBytesCounts();
  assert.equal(rendered, 1, 'only the chunk holding the edited unit is rendered');
  assert.ok(reused >= 2, `reused ${reused}`);
  // without the preparation every chunk is rendered
  forgetSidecarBytes();
  sidecarBytes('r.annotations.json', next);
  assert.equal(lastSidecarBytesCounts().reused, 0);
});
