import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { reanchor } from '../../../shared/formats/drift.ts';
import { checkAnnotations } from '../../../shared/formats/sidecar.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

const NEW_SHA = 'b'.repeat(64);

/** Every kept span slices the new text to its stored text, and the file is valid. */
function assertValid(a: Annotations, text: string) {
  assert.deepEqual(checkAnnotations(a, { text }), []);
  const map = new OffsetMap(text);
  for (const s of a.segments) assert.equal(map.slice(s.start, s.end), s.text);
  for (const m of a.mentions) if (m.side === 'ar') assert.equal(map.slice(m.start, m.end), m.text);
}

function mentionTexts(a: Annotations) {
  return a.mentions.filter((m) => m.side === 'ar').map((m) => `${m.id}:${m.text}`);
}

test('same text: nothing changes', () => {
  const a = annotate(TEXT);
  const r = reanchor(a, TEXT, { sha256: NEW_SHA });
  assert.deepEqual(r.unmapped, []);
  assert.deepEqual(r.changed, []);
  assert.deepEqual(r.annotations.segments, a.segments);
  assert.deepEqual(r.annotations.mentions, a.mentions);
  assert.equal(r.annotations.source.sha256, NEW_SHA);
  assert.equal(r.annotations.orphans, undefined);
});

test('edit before the mentions: everything shifts, the edited sentence goes back to draft', () => {
  const a = annotate(TEXT);
  const text = TEXT.replace('قالَ الرئيسُ', 'قالَ ولي العهد الرئيسُ'); // +10 code points before محمد
  const r = reanchor(a, text);
  assertValid(r.annotations, text);
  assert.deepEqual(r.unmapped, []);
  assert.deepEqual(mentionTexts(r.annotations), mentionTexts(a));
  const before = a.mentions.find((m) => m.text === 'محمد بن سلمان')!;
  const after = r.annotations.mentions.find((m) => m.id === before.id)!;
  assert.equal(after.start, before.start + 10);
  assert.deepEqual(r.changed, ['s1']);
  assert.equal(r.annotations.units[0].status, 'draft');
  assert.equal(r.annotations.units[1].status, 'translated');
});

test('edit inside a mention: exactly that mention is orphaned, with its old offsets', () => {
  const a = annotate(TEXT);
  const text = TEXT.replace('الرياض', 'جدة');
  const r = reanchor(a, text);
  assertValid(r.annotations, text);
  const lost = a.mentions.find((m) => m.text === 'الرياض')!;
  assert.deepEqual(r.unmapped.map((u) => u.id), [lost.id]);
  assert.equal(r.unmapped[0].reason, 'its text was edited');
  assert.deepEqual(r.annotations.orphans, [{ kind: 'mention', sourceSha256: a.source.sha256, reason: 'its text was edited', mention: lost }]);
  assert.ok(r.warnings.some((w) => w.code === 'unmapped-mention' && w.message.includes(lost.id)));
  // the English mention of the same entity is untouched
  assert.ok(r.annotations.mentions.some((m) => m.side === 'en' && m.text === 'Riyadh'));
});

test('a haraka added inside a mention orphans it; one added beside it does not', () => {
  const a = annotate(TEXT);
  const inside = TEXT.replace('محمد', 'مُحمد');
  const r1 = reanchor(a, inside);
  assertValid(r1.annotations, inside);
  assert.deepEqual(r1.unmapped.map((u) => u.text), ['محمد بن سلمان']);
  const beside = TEXT.replace('ناجحاً', 'ناجحاًً');
  const r2 = reanchor(a, beside);
  assertValid(r2.annotations, beside);
  assert.deepEqual(r2.unmapped, []);
});

test('edit after the mentions (a new sentence appended): a new row, nothing else moves', () => {
  const a = annotate(TEXT);
  const text = TEXT + '\nوختم الوفد زيارته يوم ٥ أيار.';
  const r = reanchor(a, text);
  assertValid(r.annotations, text);
  assert.deepEqual(r.unmapped, []);
  assert.deepEqual(r.changed, []);
  assert.deepEqual(r.added, ['s4']);
  assert.deepEqual(r.annotations.segments.slice(0, 3), a.segments);
  assert.deepEqual(r.annotations.units.at(-1), { id: 'u4', source: ['s4'], target: [], status: 'auto', origin: 'segmenter', confirmed: false });
  assert.deepEqual(r.annotations.mentions, a.mentions);
});

test('removing the emoji and its space shifts later spans by two code points', () => {
  const a = annotate(TEXT);
  const text = TEXT.replace(' 😀', '');
  const r = reanchor(a, text);
  assertValid(r.annotations, text);
  const old = a.mentions.find((m) => m.text === 'Aramco')!;
  assert.equal(r.annotations.mentions.find((m) => m.id === old.id)!.start, old.start - 2);
});

test('a deleted sentence: segment and its mentions orphaned, the translation row kept as draft', () => {
  const a = annotate(TEXT);
  const lines = TEXT.split('\n');
  const text = [lines[0], lines[2]].join('\n');
  const r = reanchor(a, text);
  assertValid(r.annotations, text);
  assert.deepEqual(r.unmapped.map((u) => `${u.kind}:${u.text}`), ['segment:' + lines[1], 'mention:Aramco', 'mention:مِصر']);
  const row = r.annotations.units.find((u) => u.id === 'u2')!;
  assert.deepEqual(row.source, []);
  assert.deepEqual(row.target, ['t2']);
  assert.equal(row.status, 'draft');
  assert.equal(r.annotations.orphans!.length, 3);
});

test('CRLF line endings instead of LF: everything maps (gaps are white space)', () => {
  const a = annotate(TEXT);
  const text = TEXT.replace(/\n/g, '\r\n');
  const r = reanchor(a, text);
  assertValid(r.annotations, text);
  assert.deepEqual(r.unmapped, []);
  assert.deepEqual(r.changed, []);
  assert.equal(r.annotations.mentions.find((m) => m.text === 'الأمم المتحدة')!.start, a.mentions.find((m) => m.text === 'الأمم المتحدة')!.start + 2);
});

test('a word inserted at a sentence start joins that sentence', () => {
  const a = annotate(TEXT);
  const text = TEXT.replace('وفي القاهرة', 'أمس وفي القاهرة');
  const r = reanchor(a, text);
  assertValid(r.annotations, text);
  assert.deepEqual(r.added, []);
  assert.ok(r.annotations.segments[2].text.startsWith('أمس وفي'));
});

test('property: random edits never drop a span silently and always give a valid file', () => {
  const a = annotate(TEXT);
  const cps = Array.from(TEXT);
  const piece = fc.constantFrom('ا', 'َ', ' ', '\n', '😀', '٣', 'x', '.', 'الرياض', 'جملة جديدة.');
  const edit = fc.record({ at: fc.nat(cps.length), del: fc.nat(12), ins: fc.array(piece, { maxLength: 3 }) });
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 5 }), (edits) => {
      const t = [...cps];
      for (const e of edits) t.splice(Math.min(e.at, t.length), e.del, ...e.ins);
      const text = t.join('');
      const r = reanchor(a, text);
      assertValid(r.annotations, text);
      const kept = new Set([...r.annotations.segments.map((s) => 's:' + s.id), ...r.annotations.mentions.map((m) => 'm:' + m.id)]);
      const lost = new Set(r.unmapped.map((u) => (u.kind === 'segment' ? 's:' : 'm:') + u.id));
      for (const s of a.segments) assert.ok(kept.has('s:' + s.id) !== lost.has('s:' + s.id), `segment ${s.id} kept xor unmapped`);
      for (const m of a.mentions) assert.ok(kept.has('m:' + m.id) !== lost.has('m:' + m.id), `mention ${m.id} kept xor unmapped`);
      assert.equal(r.annotations.orphans?.length ?? 0, r.unmapped.length);
      // every non-blank character of the new text is in some segment
      const covered = new Uint8Array(Array.from(text).length);
      for (const s of r.annotations.segments) covered.fill(1, s.start, s.end);
      Array.from(text).forEach((c, i) => assert.ok(covered[i] || /\s/u.test(c), `code point ${i} (${c}) not in any segment`));
    }),
    { numRuns: 300 },
  );
});
