import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineColumn, locateJsonError } from '../../../shared/formats/json-locate.ts';

test('valid JSON gives null, whatever it holds', () => {
  fc.assert(fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (v, indent) => assert.equal(locateJsonError(JSON.stringify(v, null, indent)), null)), { numRuns: 300 });
  assert.equal(locateJsonError('{"نص": "قالَ 😀 ١٢٣", "a": [1, -2.5e3, true, false, null, "\\u0041\\n"]}'), null);
});

test('agrees with JSON.parse on random text', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', 'e', '.', ' ', 't', 'n', '\\', 'ع') , maxLength: 20 }), (s) => {
      let ok = true;
      try {
        JSON.parse(s);
      } catch {
        ok = false;
      }
      assert.equal(locateJsonError(s) === null, ok, s);
    }),
    { numRuns: 2000 },
  );
});

test('line and column (code points) of the first error', () => {
  const text = '{\n  "عنوان": "😀 خبر",\n  "b": 1,\n}';
  assert.deepEqual(locateJsonError(text), { line: 4, column: 1, offset: text.length - 1, expected: 'a property name in double quotes' });
  const t2 = '{"نص": "😀" x}';
  // 'x' is UTF-16 unit 12 but the 12th code point (the emoji is one code point, two units)
  assert.deepEqual(locateJsonError(t2), { line: 1, column: 12, offset: 12, expected: "',' or '}'" });
  assert.deepEqual(lineColumn('ab\nc😀d', 6), { line: 2, column: 3 });
  assert.equal(locateJsonError('[1, 2')!.expected, "',' or ']'");
  assert.equal(locateJsonError('')!.expected, 'a value');
  assert.equal(locateJsonError('{} x')!.expected, 'the end of the text');
});

test('deep nesting does not overflow the stack', () => {
  assert.equal(locateJsonError('['.repeat(100_000) + ']'.repeat(100_000)), null);
  assert.equal(locateJsonError('['.repeat(100_000))!.expected, 'a value');
});
