import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstStrongDirection, guessLanguage } from '../../../shared/text/script.ts';

test('firstStrongDirection: the first letter decides; digits, punctuation, emoji and harakat are weak', () => {
  const cases: [string, 'rtl' | 'ltr' | null][] = [
    ['قال المرصد إن 67 قتلوا.', 'rtl'],
    ['Photo: AFP / رويترز.', 'ltr'],
    ['«AFP» قالت الوكالة', 'ltr'],
    ['٢٠٢٠ – قالت الوكالة', 'rtl'],
    ['2020: Reuters said', 'ltr'],
    ['😀 ... (١٢٣) — بدأ', 'rtl'],
    ['\u064E\u0650 Idlib', 'ltr'], // harakat alone are marks, not letters
    ['שלום', 'rtl'],
    ['١٢٣ - 456.', null],
    ['', null],
  ];
  for (const [text, dir] of cases) assert.equal(firstStrongDirection(text), dir, text);
});

test('property: a weak prefix never changes the direction the first letter gives', () => {
  const weak = fc.stringMatching(/^[0-9٠-٩ .,:;!?()«»"'\-–—/😀]*$/u);
  fc.assert(fc.property(weak, fc.constantFrom('قال الوكيل', 'Reuters said', 'ש'), (prefix, rest) => {
    assert.equal(firstStrongDirection(prefix + rest), firstStrongDirection(rest));
  }));
});

test('guessLanguage still counts scripts (unchanged)', () => {
  assert.equal(guessLanguage('قال المرصد السوري Reuters'), 'ar');
  assert.equal(guessLanguage('Reuters said قال'), 'en');
});
