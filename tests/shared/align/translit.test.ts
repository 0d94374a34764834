import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arabicSkeleton, latinSkeleton, translitSimilarity } from '../../../shared/align/translit.ts';

test('transliterated names score high, unrelated names low', () => {
  assert.equal(translitSimilarity('بوتين', 'Putin'), 1);
  assert.equal(translitSimilarity('إدلب', 'Idlib'), 1);
  assert.equal(translitSimilarity('الأسد', 'Assad'), 1); // article stripped
  assert.equal(translitSimilarity('وبوتين', 'Putin'), 1); // clitic و stripped
  assert.equal(translitSimilarity('جورجيا', 'Georgia'), 1);
  assert.equal(translitSimilarity('مُحَمَّد', 'Mohammed'), 1); // harakat and shadda ignored
  assert.ok(translitSimilarity('جمال', 'Gamal') >= 0.8); // j/g: a near class
  assert.ok(translitSimilarity('رجب طيب أردوغان', 'Recep Tayyip Erdogan') >= 0.7);
  assert.ok(translitSimilarity('بوتين', 'Macron') < 0.4);
  assert.equal(translitSimilarity('', 'Putin'), 0);
  assert.equal(translitSimilarity('بوتين', '2025 😀'), 0);
});

test('skeletons keep consonant classes only', () => {
  assert.equal(arabicSkeleton('بغداد'), 'bkd');
  assert.equal(latinSkeleton('Baghdad'), 'bkd');
  assert.equal(latinSkeleton('Khartoum'), 'krtm');
  assert.equal(arabicSkeleton('الخرطوم'), 'lkrtm');
});
