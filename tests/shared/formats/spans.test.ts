import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import type { SpansRecord } from '../../../shared/formats/spans.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

test('spans JSONL: a record per sentence, offset unit declared, spans slice the text by code points', () => {
  const r = buildAnnotatedReport();
  const { outputs } = exportToStrings('spans', [r]);
  const recs = outputs[''].trimEnd().split('\n').map((l) => JSON.parse(l) as SpansRecord);
  assert.ok(recs.every((x) => x.offsetUnit === 'codepoint'));
  let n = 0;
  for (const rec of recs) {
    const cps = Array.from(rec.text);
    for (const s of rec.spans) {
      assert.equal(cps.slice(s.start, s.end).join(''), s.text);
      n++;
    }
  }
  // every mention of an exported row is written (u3, untranslated, is kept: entity formats write
  // the Arabic of every row; the 0-1 unit has no source and is skipped)
  const skippedSegs = new Set(r.annotations.units.filter((u) => u.source.length === 0).flatMap((u) => u.target));
  const want = r.annotations.mentions.filter((m) => !skippedSegs.has(m.sentence));
  assert.equal(n, want.length);
  const ar = recs.find((x) => x.lang === 'ar' && x.text.includes('🙂'))!;
  assert.equal(ar.spans[0].text, 'إدلب');
  assert.equal(ar.spans[0].start, 14);
  // sentences of one unit share it, so ar/en pairs can be rebuilt
  const u1 = recs.filter((x) => x.unit === 'u1');
  assert.deepEqual(u1.map((x) => x.lang), ['ar', 'ar', 'en']);
  // normalisation never applies to entity formats (it would move offsets)
  const norm = exportToStrings('spans', [r], { normalizeArabic: true }, (t) => t.replace(/\p{M}/gu, ''));
  assert.equal(norm.outputs[''], outputs['']);
});
