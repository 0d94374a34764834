import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeXml, escapeXmlText, xmlContent } from '../../../shared/formats/xml.ts';
import { decodeEntities } from '../../../shared/formats/tm-import.ts';

test('escapeXml escapes markup, keeps Arabic, harakat, emoji and bidi controls', () => {
  const s = 'قالَ "أ" <b> & ٣ 🙂 \u200F\u202BGoogle\u202C';
  const r = escapeXml(s);
  assert.equal(r.xml, 'قالَ &quot;أ&quot; &lt;b&gt; &amp; ٣ 🙂 \u200F\u202BGoogle\u202C');
  assert.deepEqual(r.removed, []);
});

test('characters XML 1.0 forbids are removed and named; CR survives as a reference', () => {
  const r = escapeXmlText('a\u0001b\u000Bc\uFFFEd\uD800e\r\nf');
  assert.equal(r.xml, 'abcde&#13;\nf');
  assert.deepEqual(r.removed, ['U+0001', 'U+000B', 'U+FFFE', 'U+D800']);
  const warnings: string[] = [];
  xmlContent('x\u0000y', { warn: (m) => warnings.push(m) }, 'report "r", row 3 (u3)');
  assert.deepEqual(warnings, ['report "r", row 3 (u3): removed 1 character(s) XML 1.0 forbids (U+0000)']);
});

test('property: decoding the escaped text gives the text minus forbidden characters', () => {
  const allowed = (s: string) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      assert.equal(decodeEntities(escapeXml(s).xml), allowed(s));
      assert.equal(decodeEntities(escapeXmlText(s).xml), allowed(s));
    }),
  );
});
