import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stampProvenance } from '../../../shared/team/provenance.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';
import { TEXT, annotate, cpIndexOf } from '../../fixtures/annotated-report.ts';

const T0 = '2026-12-01T09:00:00.000Z';
const T1 = '2026-12-05T02:30:00.000Z';
const clone = (a: Annotations): Annotations => structuredClone(a);

/** A saved model where everything was stamped by "ليلى" at T0. */
function saved(): Annotations {
  return stampProvenance(null, annotate(TEXT), 'ليلى', T0);
}

test('first save: every mention and entity, and every row whose status is not auto, is stamped', () => {
  const a = annotate(TEXT);
  a.units[1].status = 'auto';
  const s = stampProvenance(null, a, 'ليلى', T0);
  assert.deepEqual(s.units.map((u) => u.by ?? null), ['ليلى', null, 'ليلى']);
  assert.ok(s.mentions.every((m) => m.by === 'ليلى' && m.at === T0));
  assert.ok(s.entities.every((e) => e.by === 'ليلى' && e.at === T0));
  // the input is untouched
  assert.equal(a.units[0].by, undefined);
});

const cases: { name: string; edit: (a: Annotations) => void; units: (string | null)[]; mentions: Record<string, string>; entities: Record<string, string> }[] = [
  { name: 'nothing changed: everything keeps its stamp', edit: () => {}, units: [], mentions: {}, entities: {} },
  {
    name: 'status of row 2 set to reviewed: only that row',
    edit: (a) => { a.units[1].status = 'reviewed'; },
    units: ['u2'], mentions: {}, entities: {},
  },
  {
    name: 'a mention retyped (مِصر LOC → ORG): the mention',
    edit: (a) => { const m = a.mentions.find((x) => x.text === 'مِصر')!; m.type = 'ORG'; },
    units: [], mentions: { مِصر: 'ar' }, entities: {},
  },
  {
    name: 'a span re-snapped past the article (الرياض → رياض): the mention',
    edit: (a) => { const m = a.mentions.find((x) => x.text === 'الرياض')!; m.start += 2; m.text = cpSlice(TEXT, m.start, m.end); },
    units: [], mentions: { رياض: 'ar' }, entities: {},
  },
  {
    name: 'unlinking Egypt from مِصر: the English mention and both entities',
    edit: (a) => {
      const m = a.mentions.find((x) => x.text === 'Egypt')!;
      a.entities.push({ id: 'e9', type: 'LOC', en: 'Egypt' });
      m.entity = 'e9';
    },
    units: [], mentions: { Egypt: 'en' }, entities: { e4: 'changed links', e9: 'new' },
  },
  {
    name: 'a new mention on an untagged word (الوفد): the mention only',
    edit: (a) => {
      const start = cpIndexOf(TEXT, 'الوفد');
      a.mentions.push({ id: 'm99', side: 'ar', sentence: 's3', start, end: start + 5, text: 'الوفد', type: 'ORG', entity: 'e5' });
    },
    units: [], mentions: { الوفد: 'ar' }, entities: { e5: 'links' },
  },
];

for (const c of cases) {
  test(`stamp: ${c.name}`, () => {
    const prev = saved();
    const next = clone(prev);
    // the editor drops provenance on its way round; the stamp must restore it
    for (const u of next.units) { delete u.by; delete u.at; }
    for (const m of next.mentions) { delete m.by; delete m.at; }
    c.edit(next);
    const s = stampProvenance(prev, next, 'Omar', T1);
    for (const u of s.units) assert.deepEqual([u.by, u.at], c.units.includes(u.id) ? ['Omar', T1] : ['ليلى', T0], u.id);
    for (const m of s.mentions) {
      const changed = Object.keys(c.mentions).some((t) => m.text === t);
      assert.deepEqual([m.by, m.at], changed ? ['Omar', T1] : ['ليلى', T0], m.id + ' ' + m.text);
      if (m.side === 'ar') assert.equal(cpSlice(TEXT, m.start, m.end), m.text);
    }
    for (const e of s.entities) assert.deepEqual([e.by, e.at], e.id in c.entities ? ['Omar', T1] : ['ليلى', T0], e.id);
  });
}

test('property: stamping a model against itself changes nothing; against null stamps every mention', () => {
  fc.assert(fc.property(fc.subarray(['auto', 'draft', 'translated', 'reviewed'] as const, { minLength: 3, maxLength: 3 }), fc.string({ minLength: 1, maxLength: 8 }), (statuses, user) => {
    const a = saved();
    a.units.forEach((u, i) => { u.status = statuses[i % statuses.length]; });
    const again = stampProvenance(a, clone(a), user, T1);
    assert.deepEqual(again, a);
    assert.ok(stampProvenance(null, a, user, T1).mentions.every((m) => m.by === user));
  }));
});
