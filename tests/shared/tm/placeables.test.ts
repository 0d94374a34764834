import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberDifferences, placeNumbers } from '../../../shared/tm/placeables.ts';
import { tmTokens } from '../../../shared/tm/tokens.ts';

function place(query: string, match: string, en: string) {
  const q = tmTokens(query, 'ar').tokens;
  const m = tmTokens(match, 'ar').tokens;
  const numbers = numberDifferences(query, q, match, m);
  return { numbers, placed: placeNumbers(numbers, m, en) };
}

test('placeables: a changed number is replaced in the English, by value across digit scripts', () => {
  assert.deepEqual(place('قتل ٥ أشخاص', 'قتل ٣ أشخاص', '3 people were killed'), { numbers: [{ query: '٥', match: '٣' }], placed: '5 people were killed' });
  // the English keeps its digit script; separators follow the query's number
  assert.deepEqual(place('أصيب ٤٬٢٠٠ شخص في ٢٠٢١', 'أصيب ٣٬٥٠٠ شخص في ٢٠٢١', '3,500 people were hurt in 2021').placed, '4,200 people were hurt in 2021');
  assert.equal(place('قتل 7 أشخاص', 'قتل ٣ أشخاص', 'قُتل ٣ أشخاص').placed, 'قُتل ٧ أشخاص');
});

test('placeables: null when nothing differs, when a number is on one side only, or when it is ambiguous', () => {
  assert.deepEqual(place('قتل ٣ أشخاص', 'قتل 3 أشخاص', '3 killed'), { numbers: [], placed: null });
  assert.deepEqual(place('قتل أشخاص', 'قتل ٣ أشخاص', '3 killed'), { numbers: [{ query: null, match: '٣' }], placed: null });
  assert.deepEqual(place('قتل ٣ أشخاص و٤ جرحى', 'قتل ٣ أشخاص', '3 killed').numbers, [{ query: '٤', match: null }]);
  // the match's number appears twice in the source, or twice in the English, or not at all in the English
  assert.equal(place('٥ من ٣', '٣ من ٣', '3 of 3').placed, null);
  assert.equal(place('قتل ٥', 'قتل ٣', '3 killed, 3 hurt').placed, null);
  assert.equal(place('قتل ٥', 'قتل ٣', 'three killed').placed, null);
});
