import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { concordance, type ConcordanceRow } from '../../../shared/tm/concordance.ts';

const row = (r: number, ar: string, en: string): ConcordanceRow => ({ file: 'a.txt', path: '/p/a.txt', row: r, unit: `u${r + 1}`, ar, en });

test('concordance: clitic-joined, harakat and hamza variants found; both sides unless lang; limit and truncated', () => {
  const rows = [row(0, '😀 وقالَت الحكومةُ إنّ الأمر انتهى.', 'The Government said it was over.'), row(1, 'بالحكومة وللحكومة', ''), row(2, 'لا شيء', 'nothing')];
  const r = concordance(rows, 'الحكومه');
  assert.deepEqual(r.hits.map((h) => [h.row, h.side, h.start, h.end, h.text]), [[0, 'ar', 9, 17, 'الحكومةُ'], [1, 'ar', 1, 8, 'الحكومة']]);
  assert.equal(r.truncated, false);
  assert.deepEqual(concordance(rows, 'government').hits.map((h) => [h.side, h.text]), [['en', 'Government']]);
  assert.deepEqual(concordance(rows, 'government', { lang: 'ar' }).hits, []);
  assert.deepEqual(concordance(rows, 'ان').hits.map((h) => h.text), ['إنّ', 'ان']);
  assert.deepEqual(concordance(rows, 'ان', { limit: 1 }), { hits: [{ ...rows[0], side: 'ar', start: 18, end: 21, text: 'إنّ' }], truncated: true });
  assert.deepEqual(concordance(rows, 'َ'), { hits: [], truncated: false }, 'a term of harakat only finds nothing');
});

const pieces = ['الحكومة', 'والحكومةُ', 'إنّ', 'أن', '😀', 'Reuters', '٣', '3', ' ', '،'];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((p) => p.join(''));

test('property: every hit slices its side\'s text at code-point offsets', () => {
  fc.assert(
    fc.property(textArb, textArb, fc.constantFrom('الحكومة', 'ان', '3', 'reuters', '😀'), (ar, en, term) => {
      for (const h of concordance([row(0, ar, en)], term).hits) {
        assert.equal(Array.from(h[h.side]).slice(h.start, h.end).join(''), h.text);
        assert.ok(h.end > h.start);
      }
    }),
    { numRuns: 300 },
  );
});
