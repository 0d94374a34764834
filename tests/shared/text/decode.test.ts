import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeText, DecodeError, detectLineEnding } from '../../../shared/text/decode.ts';
import { decodeCp720 } from '../../../shared/text/cp720.ts';

// ../shared beside the checkout (as on the developers' machines and in CI)
const LEGACY = resolve(import.meta.dirname, '../../../../shared/data/legacy-encodings-chardet');
const enc = new TextEncoder();
const ar = 'قال الوزيرُ إنّ ٣ مدنيين قُتلوا في إدلب 😀 (Idlib) اليوم.\r\nسطر ثانٍ';

function utf16(text: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  let o = 0;
  if (bom) {
    out[o++] = le ? 0xff : 0xfe;
    out[o++] = le ? 0xfe : 0xff;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o++] = le ? c & 0xff : c >> 8;
    out[o++] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

test('decode: UTF-8 with and without BOM, line endings kept', () => {
  const plain = decodeText(enc.encode(ar));
  assert.deepEqual(plain, { text: ar, encoding: 'utf-8', bom: false, lineEnding: 'crlf' });
  const withBom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(ar)]));
  assert.deepEqual(withBom, { text: ar, encoding: 'utf-8', bom: true, lineEnding: 'crlf' });
});

test('decode: UTF-16 LE/BE with BOM and BOM-less, Arabic with an astral emoji', () => {
  for (const le of [true, false]) {
    assert.deepEqual(decodeText(utf16(ar, le, true)), { text: ar, encoding: le ? 'utf-16le' : 'utf-16be', bom: true, lineEnding: 'crlf' });
    assert.deepEqual(decodeText(utf16(ar, le, false)), { text: ar, encoding: le ? 'utf-16le' : 'utf-16be', bom: false, lineEnding: 'crlf' });
  }
  const latin = 'DateTime,Bid\r\n07/19/2015,1.08\r\n';
  assert.equal(decodeText(utf16(latin, true, false)).text, latin);
});

test('decode: the legacy-encodings data set decodes to the right encoding and the same text', { skip: existsSync(LEGACY) ? false : `missing ${LEGACY}` }, () => {
  const expected: Record<string, string> = {
    'windows-1256-arabic': 'windows-1256', 'iso-8859-6-arabic': 'iso-8859-6', 'cp720-arabic': 'cp720',
    'utf-16-english': 'utf-16', 'utf-16le-english': 'utf-16le',
  };
  const texts = new Map<string, string[]>();
  for (const [dir, label] of Object.entries(expected)) {
    for (const f of readdirSync(join(LEGACY, dir))) {
      const d = decodeText(readFileSync(join(LEGACY, dir, f)));
      assert.ok(d.encoding.startsWith(label), `${dir}/${f}: got ${d.encoding}`);
      assert.ok(!d.text.includes('\ufffd'), `${dir}/${f}: replacement characters`);
      if (f.startsWith('culturax')) texts.set(f, [...(texts.get(f) ?? []), d.text]);
    }
  }
  // the same culturax texts exist in all three code pages; the ISO/CP720 copies have ',' for '،'
  for (const [f, versions] of texts) {
    assert.equal(versions.length, 3, f);
    const norm = versions.map((t) => t.replaceAll('،', ','));
    assert.equal(norm[1], norm[0], f);
    assert.equal(norm[2], norm[0], f);
  }
});

test('decode: the three Arabic code pages on a short sentence', () => {
  const sentence = 'قال المرصد إن 15 مدنيا قتلوا اليوم في إدلب.';
  const win = new Uint8Array(Array.from(sentence, (ch) => cp1256Byte(ch)));
  assert.deepEqual([decodeText(win).text, decodeText(win).encoding], [sentence, 'windows-1256']);
  const cp = new Uint8Array(Array.from(sentence, (ch) => cp720Byte(ch)));
  assert.deepEqual([decodeText(cp).text, decodeText(cp).encoding], [sentence, 'cp720']);
});

test('decode: CP720 table maps the Arabic letters and marks where the code page puts them', () => {
  assert.equal(decodeCp720(new Uint8Array([0x9f, 0xa0, 0xa1, 0xe0, 0xef, 0x91, 0xf1, 0x95, 0x41, 0xff])), 'ابةضي\u0651\u064bـA\u00a0');
  const all = decodeCp720(new Uint8Array(Array.from({ length: 256 }, (_, k) => k)));
  assert.equal(all.length, 256);
  assert.equal(new Set(all).size, 256, 'every byte maps to a distinct character');
});

test('decode: binary files are refused with a specific message', () => {
  const cases: [Uint8Array, RegExp][] = [
    [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /PDF/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), /ZIP/],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), /PNG/],
    [new Uint8Array([...enc.encode('نص'), 0, 1, 2, 3, 0xd8, 0xa7]), /NUL byte at offset 4/],
    [new Uint8Array(Array.from({ length: 200 }, (_, k) => (k % 7 === 0 ? 3 : 0x41))), /control bytes/],
  ];
  for (const [bytes, message] of cases) {
    assert.throws(() => decodeText(bytes), (e: unknown) => e instanceof DecodeError && e.code === 'binary-file' && message.test(e.message));
  }
});

test('decode: text in a non-Arabic legacy code page is an unknown encoding', () => {
  // French in windows-1252 ("café à la crème"): decodable in every Arabic code page, not Arabic
  const french = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x6c, 0x61, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]);
  assert.throws(() => decodeText(french), (e: unknown) => e instanceof DecodeError && e.code === 'unknown-encoding' && /UTF-8/.test(e.message));
  // a UTF-8 BOM followed by invalid UTF-8
  assert.throws(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x28])), (e: unknown) => e instanceof DecodeError && e.code === 'unknown-encoding');
});

test('decode: empty file and line-ending detection', () => {
  assert.deepEqual(decodeText(new Uint8Array()), { text: '', encoding: 'utf-8', bom: false, lineEnding: 'none' });
  assert.equal(detectLineEnding('أ\nب\n'), 'lf');
  assert.equal(detectLineEnding('أ\rب'), 'cr');
  assert.equal(detectLineEnding('أ\r\nب\nج'), 'mixed');
});

// windows-1256 and CP720 bytes of a few characters, written from the code page charts
function cp1256Byte(ch: string): number {
  if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
  const map: Record<string, number> = { ق: 0xde, ا: 0xc7, ل: 0xe1, م: 0xe3, ر: 0xd1, ص: 0xd5, د: 0xcf, إ: 0xc5, ن: 0xe4, ي: 0xed, ت: 0xca, و: 0xe6, ف: 0xdd, ب: 0xc8 };
  return map[ch];
}
function cp720Byte(ch: string): number {
  if (ch.charCodeAt(0) < 0x80) return ch.charCodeAt(0);
  const map: Record<string, number> = { ق: 0xe7, ا: 0x9f, ل: 0xe9, م: 0xea, ر: 0xa9, ص: 0xad, د: 0xa7, إ: 0x9d, ن: 0xeb, ي: 0xef, ت: 0xa2, و: 0xed, ف: 0xe5, ب: 0xa0 };
  return map[ch];
}
