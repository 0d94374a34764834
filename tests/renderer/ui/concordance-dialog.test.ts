// The concordance dialog's pure parts: the search language follows the term's script, and a hit's
// code-point offsets cut its side's text exactly (harakat, emoji and mixed scripts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { markedParts, termLang } from '../../../renderer/ui/concordance-dialog.ts';
import { cpLength, cpSlice } from '../../../shared/text/offsets.ts';

test('the language follows the script: any Arabic letter → ar, else en', () => {
  assert.equal(termLang('إدلب'), 'ar');
  assert.equal(termLang('بِإدلبَ'), 'ar');
  assert.equal(termLang('Idlib'), 'en');
  assert.equal(termLang('M5 طريق'), 'ar');
  assert.equal(termLang('٢٠٢٤'), 'ar', 'Arabic-Indic digits are Arabic script');
  assert.equal(termLang('2024 🚀'), 'en');
  assert.equal(termLang('ﻻ'), 'ar', 'presentation forms');
});

test('markedParts cuts at code points: emoji before the hit, harakat inside it', () => {
  const text = 'قال 🚀 الرئيسُ في بِإدلبَ أمس';
  const u = text.indexOf('بِإدلبَ');
  const start = cpLength(text.slice(0, u));
  const end = start + cpLength('بِإدلبَ');
  assert.deepEqual(markedParts(text, start, end), { before: 'قال 🚀 الرئيسُ في ', hit: 'بِإدلبَ', after: ' أمس' });
  assert.deepEqual(markedParts('Reuters 🙂 said', 10, 14), { before: 'Reuters 🙂 ', hit: 'said', after: '' });
  // offsets that do not fit: the text unmarked
  assert.deepEqual(markedParts('abc', 2, 9), { before: 'abc', hit: '', after: '' });
  assert.deepEqual(markedParts('abc', 2, 2), { before: 'abc', hit: '', after: '' });
});

test('property: before + hit + after is the text, and hit is slice(start, end)', () => {
  const ch = fc.constantFrom('ب', 'ِ', 'ـ', '😀', 'a', ' ', '٣', 'ة', '\u200f');
  fc.assert(fc.property(fc.string({ unit: ch, maxLength: 30 }), fc.nat(), fc.nat(), (text, a, b) => {
    const n = cpLength(text);
    const start = n ? a % (n + 1) : 0;
    const end = n ? b % (n + 1) : 0;
    const p = markedParts(text, start, end);
    assert.equal(p.before + p.hit + p.after, text);
    if (end > start) assert.equal(p.hit, cpSlice(text, start, end));
  }));
});
