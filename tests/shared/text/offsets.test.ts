import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OffsetMap, cpLength, cpSlice } from '../../../shared/text/offsets.ts';

// Arabic with harakat (combining marks), an emoji (astral: two UTF-16 units), Latin and Arabic-Indic digits.
const mixed = 'قالَ 👍 أردوغان إنّ Idlib تضم ٣٫٥ مليون 🇸🇾 نسمة';

test('cpLength counts code points, not UTF-16 units', () => {
  assert.equal(cpLength('إدلب'), 4);
  assert.equal(cpLength('👍'), 1);
  assert.equal('👍'.length, 2);
  assert.equal(cpLength(mixed), Array.from(mixed).length);
});

test('slice by code points returns the mention after astral characters', () => {
  const cps = Array.from(mixed);
  const start = cps.indexOf('أ');
  const end = start + 'أردوغان'.length; // BMP only, so UTF-16 length = code points
  assert.equal(cpSlice(mixed, start, end), 'أردوغان');
  const m = new OffsetMap(mixed);
  const idlib = cps.join('').indexOf('Idlib');
  assert.equal(m.slice(m.toCodePoint(idlib), m.toCodePoint(idlib) + 5), 'Idlib');
  // the flag is two regional-indicator code points
  const flagStart = cps.indexOf('\u{1F1F8}');
  assert.equal(m.slice(flagStart, flagStart + 2), '🇸🇾');
});

test('toCodePoint refuses an offset inside a surrogate pair', () => {
  const m = new OffsetMap('أ👍ب');
  assert.equal(m.toUtf16(2), 3);
  assert.equal(m.toCodePoint(3), 2);
  assert.throws(() => m.toCodePoint(2), /surrogate pair/);
  assert.throws(() => m.toUtf16(4), RangeError);
});

test('property: cp ↔ utf16 round trip and slices agree with Array.from', () => {
  const alphabet = fc.constantFrom('ا', 'ب', 'َ', 'ّ', ' ', 'a', '٣', '👍', '\u{1F1F8}', '\u200F', '.');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 60 }), fc.nat(), fc.nat(), (chars, a, b) => {
      const text = chars.join('');
      const m = new OffsetMap(text);
      const cps = Array.from(text);
      assert.equal(m.cpLength, cps.length);
      for (let i = 0; i <= cps.length; i++) assert.equal(m.toCodePoint(m.toUtf16(i)), i);
      const s = Math.min(a % (cps.length + 1), b % (cps.length + 1));
      const e = Math.max(a % (cps.length + 1), b % (cps.length + 1));
      assert.equal(m.slice(s, e), cps.slice(s, e).join(''));
    }),
  );
});
