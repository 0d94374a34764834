import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  collectRenderings, findInconsistencies, glossaryFromTsv, glossaryToTsv, mergeGlossary, preAnnotate, renderingsOf,
  unescapeField, type GlossaryEntry,
} from '../../../shared/entities/glossary.ts';
import { escapeTsv as escapeField } from '../../../shared/formats/text-fields.ts';
import { addMention, linkMentions } from '../../../shared/entities/mentions.ts';
import { summarizeEntities } from '../../../shared/entities/summary.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';

/** Tags `ar` in row 1 and `en` in its English sentence, linked. */
function tagged(arLine: string, enLine: string, ar: string, en: string, type = 'LOC'): Annotations {
  const { text, annotations } = makeReport([arLine], [enLine]);
  const s = cpIndexOf(text, ar);
  const r1 = addMention(annotations, { side: 'ar', sentence: 's1', start: s, end: s + [...ar].length, type });
  const e = cpIndexOf(enLine, en);
  const r2 = addMention(r1.annotations, { side: 'en', sentence: 't1', start: e, end: e + [...en].length, type });
  return linkMentions(r2.annotations, r1.mention.id, r2.mention.id);
}

const reports = () => [
  { report: 'a.txt', annotations: tagged('قصف بإدلب', 'Shelling in Idlib', 'إدلب', 'Idlib') },
  { report: 'b.txt', annotations: tagged('معارك في إدلب', 'Fighting in Idlib', 'إدلب', 'Idlib') },
  { report: 'c.txt', annotations: tagged('قصف إِدلب', 'Shelling in Edlib', 'إِدلب', 'Edlib') },
  { report: 'd.txt', annotations: tagged('قال أردوغان', 'Erdogan said', 'أردوغان', 'Erdogan', 'PER') },
];

test('collectRenderings gathers pairs with counts; diacritics do not split a form', () => {
  const g = collectRenderings(reports());
  assert.deepEqual(
    g.map((e) => [e.ar, e.en, e.type, e.count]),
    // sorted by folded Arabic form (إدلب → ادلب before أردوغان → اردوغان), most used rendering first
    [['إدلب', 'Idlib', 'LOC', 2], ['إِدلب', 'Edlib', 'LOC', 1], ['أردوغان', 'Erdogan', 'PER', 1]],
  );
  assert.deepEqual(renderingsOf(g, 'إدلب'), ['Idlib', 'Edlib']);
  assert.deepEqual(renderingsOf(g, 'حلب'), []);
});

test('findInconsistencies flags an Arabic form with several renderings (case and spacing ignored)', () => {
  const g = collectRenderings(reports());
  assert.deepEqual(findInconsistencies(g), [
    { ar: 'إدلب', type: 'LOC', renderings: [{ en: 'Idlib', count: 2 }, { en: 'Edlib', count: 1 }] },
  ]);
  assert.deepEqual(findInconsistencies([{ ar: 'حلب', en: 'Aleppo', type: 'LOC', count: 1 }, { ar: 'حلب', en: 'ALEPPO', type: 'LOC', count: 1 }]), []);
});

test('summarizeEntities groups a folder’s entities with mentions, forms and reports', () => {
  const s = summarizeEntities(reports());
  assert.deepEqual(s[0], {
    type: 'LOC', ar: [{ form: 'إدلب', count: 2 }, { form: 'إِدلب', count: 1 }], en: [{ form: 'Idlib', count: 2 }, { form: 'Edlib', count: 1 }],
    mentions: 6, arMentions: 3, enMentions: 3, reports: ['a.txt', 'b.txt', 'c.txt'],
  });
  assert.equal(s.length, 2);
});

test('mergeGlossary keeps edited lines and notes, refreshes counts, adds new pairs', () => {
  const saved: GlossaryEntry[] = [
    { ar: 'إدلب', en: 'Idlib', type: 'LOC', count: 9, note: 'house style' },
    { ar: 'حلب', en: 'Aleppo', type: 'LOC', count: 0 },
    { ar: 'أردوغان', en: '', type: 'PER', count: 1 },
  ];
  const m = mergeGlossary(saved, collectRenderings(reports()));
  assert.deepEqual(m.map((e) => [e.ar, e.en, e.count, e.note]), [
    ['إدلب', 'Idlib', 2, 'house style'],
    ['إِدلب', 'Edlib', 1, undefined],
    ['أردوغان', 'Erdogan', 1, undefined],
    ['حلب', 'Aleppo', 0, undefined],
  ]);
});

test('TSV: header, escaping, CRLF and hand-written files; bad lines reported', () => {
  const entries: GlossaryEntry[] = [{ ar: 'حزب\tالله', en: 'Hezbollah\\n', type: 'ORG', count: 3, note: 'line1\nline2' }];
  const tsv = glossaryToTsv(entries);
  assert.equal(tsv, 'ar\ten\ttype\tcount\tnote\nحزب\\tالله\tHezbollah\\\\n\tORG\t3\tline1\\nline2\n');
  assert.deepEqual(glossaryFromTsv(tsv), { entries, problems: [] });
  const hand = glossaryFromTsv('\uFEFFإدلب\tIdlib\r\nحماة\tHama\tLOC\r\n\t\tLOC\r\nحلب\tAleppo\tLOC\tmany\r\n');
  assert.deepEqual(hand.entries, [{ ar: 'إدلب', en: 'Idlib', type: 'MISC', count: 0 }, { ar: 'حماة', en: 'Hama', type: 'LOC', count: 0 }]);
  assert.deepEqual(hand.problems.map((p) => p.line), [3, 4]);
  assert.equal(unescapeField('a\\qb\\'), 'aqb');
});

test('property: TSV round trip of any entries', () => {
  const text = fc.string({ unit: fc.constantFrom('إ', 'د', 'ل', 'ب', 'َ', '\t', '\n', '\r', '\\', 't', 'n', 'A', ' ', '😀', '٢') });
  const entry = fc.record(
    { ar: text, en: text, type: fc.constantFrom('PER', 'ORG', 'LOC', 'MISC'), count: fc.nat(), note: text.filter((s) => s !== '') },
    { requiredKeys: ['ar', 'en', 'type', 'count'] },
  ).filter((e) => e.ar.trim() !== '' || e.en.trim() !== '');
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 8 }), (generated) => {
      const entries = generated.map((e) => ({ ...e })); // fast-check records have a null prototype
      assert.deepEqual(glossaryFromTsv(glossaryToTsv(entries)), { entries, problems: [] });
      for (const e of entries) assert.ok(!/[\t\n\r]/.test(escapeField(e.ar)));
    }),
    { numRuns: 300 },
  );
});

test('preAnnotate proposes glossary pairs in a new report, both sides, grouped, clear of mentions', () => {
  const { text, annotations } = makeReport(
    ['قصف بإدلب وحلب.', 'وصل أردوغان إلى إدلب'],
    ['Shelling in Idlib and Aleppo.', 'Erdogan arrived in Idlib'],
  );
  const glossary: GlossaryEntry[] = [
    { ar: 'إدلب', en: 'Idlib', type: 'LOC', count: 2 },
    { ar: 'ريف إدلب', en: 'rural Idlib', type: 'LOC', count: 1 },
    { ar: 'أردوغان', en: 'Erdogan', type: 'PER', count: 1 },
  ];
  const s = cpIndexOf(text, 'أردوغان');
  const a = addMention(annotations, { side: 'ar', sentence: 's2', start: s, end: s + 7, type: 'PER' }).annotations;
  const pre = preAnnotate(glossary, a, text);
  assert.deepEqual(pre.map((p) => [p.side, p.sentence, p.text, p.type, p.entity]), [
    ['ar', 's1', 'إدلب', 'LOC', null],
    ['ar', 's2', 'إدلب', 'LOC', null],
    ['en', 't1', 'Idlib', 'LOC', null],
    ['en', 't2', 'Erdogan', 'PER', 'e1'],
    ['en', 't2', 'Idlib', 'LOC', null],
  ]);
  for (const p of pre.filter((x) => x.side === 'ar')) assert.equal(cpSlice(text, p.start, p.end), p.text);
  assert.equal(new Set(pre.filter((p) => p.type === 'LOC').map((p) => p.group)).size, 1);
});
