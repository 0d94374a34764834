import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import type { SpansRecord } from '../../../shared/formats/spans.ts';
import type { ExportReport } from '../../../shared/formats/writer.ts';
import { cpSlice } from '../../../shared/text/offsets.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

/** The fixture as an Arabic-only NER annotator has it: Arabic mentions, no English at all. */
function arabicOnly(): ExportReport {
  const r = buildAnnotatedReport();
  const a = structuredClone(r.annotations);
  a.targets = [];
  a.mentions = a.mentions.filter((m) => m.side === 'ar');
  a.units = a.units.filter((u) => u.source.length > 0).map((u) => ({ ...u, target: [] }));
  return { ...r, annotations: a };
}

const spansOf = (out: string) => out.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l) as SpansRecord);

test('entity formats export every Arabic mention of a report without English (no --keep-untranslated)', () => {
  const r = arabicOnly();
  const ar = r.annotations.mentions;
  assert.ok(ar.length >= 5);
  // the hard cases are among them: harakat on the last letter, a name after an emoji, a clitic-joined token
  assert.ok(ar.some((m) => /\p{M}$/u.test(m.text)));

  const spans = exportToStrings('spans', [r]);
  const recs = spansOf(spans.outputs['']);
  assert.equal(recs.length, r.annotations.segments.length);
  assert.ok(recs.every((x) => x.lang === 'ar'));
  const written = recs.flatMap((x) => x.spans.map((s) => ({ ...s, slice: cpSlice(x.text, s.start, s.end) })));
  assert.deepEqual(written.map((s) => s.mention).sort(), ar.map((m) => m.id).sort());
  for (const s of written) assert.equal(s.slice, s.text);
  assert.equal(spans.stats.skipped.get('untranslated'), undefined);

  const brat = exportToStrings('brat', [r]).outputs;
  const tLines = brat[`${r.name}.ar.ann`].split('\n').filter((l) => l.startsWith('T'));
  assert.equal(tLines.length, ar.length);
  const txt = brat[`${r.name}.ar.txt`];
  for (const line of tLines) {
    const [, span, text] = line.split('\t');
    const [, start, end] = span.split(' ');
    assert.equal(cpSlice(txt, Number(start), Number(end)), text);
  }
  assert.equal(brat[`${r.name}.en.ann`], '');

  const conll = exportToStrings('conll', [r]).outputs;
  assert.equal(conll.ar.match(/\tB-/g)?.length, ar.length);
  assert.equal(conll.en, '-DOCSTART-\tO\n\n');
});

test('entity formats keep the 1-0 row by default but still honour --min-status and --only-1-1', () => {
  const r = buildAnnotatedReport();
  const u3 = r.annotations.units.find((u) => u.id === 'u3')!;
  assert.deepEqual([u3.source.length, u3.target.length, u3.status], [1, 0, 'auto']);
  const has = (options: Parameters<typeof exportToStrings>[2]) => spansOf(exportToStrings('spans', [r], options).outputs['']).some((x) => x.unit === 'u3');
  assert.equal(has({}), true);
  assert.equal(has({ keepUntranslated: false }), true);
  assert.equal(has({ minStatus: 'draft' }), false);
  assert.equal(has({ onlyOneToOne: true }), false);
  // the parallel formats are unchanged: the row without English needs --keep-untranslated
  assert.doesNotMatch(exportToStrings('jsonl', [r]).outputs[''], /#u3"/);
  assert.match(exportToStrings('jsonl', [r], { keepUntranslated: true }).outputs[''], /#u3"/);
});
