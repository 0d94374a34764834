// Find's first query folds the whole document at once (issue 17 item 5). Its hits must be exactly
// those of the eager per-sentence fold: every sentence folded alone and searched with findInText,
// in document order, on random Arabic/English reports with harakat, tatweel, alef forms, ة/ه,
// Arabic-Indic digits, emoji and white space at the sentence edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { EditorState } from 'prosemirror-state';
import { findKey, setFindTr } from '../../../../renderer/editor/plugins/find.ts';
import { findInText, prepareQuery, type SearchOptions } from '../../../../shared/text/search.ts';
import { OffsetMap, cpLength } from '../../../../shared/text/offsets.ts';
import { createAnnotations } from '../../../../shared/model/create.ts';
import { makeState } from '../helpers.ts';

const WORDS = [
  'الرئيس', 'الرَّئِيسُ', 'الرئـــيس', 'أحمد', 'احمد', 'إحمد', 'آمنة', 'امنه', 'مدرسة', 'مدرسه', 'مصطفى', 'مصطفي', '٢٠٢٤', '2024',
  'Apple', 'apple', 'APPLE', 'café', '😀', 'x😀y', 'ﻻ', 'لا', 'و', ' ', '  ', '\u200f', 'ـ', '.', '،',
];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ').replace(/\n/g, ' '));

/** A report of the Arabic lines (one segment each) with the English lines as translations. */
function stateOf(ar: string[], en: string[]): EditorState {
  const lines = ar.map((l) => l.trim() || 'نص');
  const text = lines.join('\n');
  const spans: { start: number; end: number }[] = [];
  let at = 0;
  for (const l of lines) {
    spans.push({ start: at, end: at + cpLength(l) });
    at += cpLength(l) + 1;
  }
  const a = createAnnotations({ file: 'r.txt', sha256: 'a'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf', length: cpLength(text), language: 'ar' }, text, spans, '2024-01-01T00:00:00.000Z');
  a.targets = en.slice(0, lines.length).map((t, i) => ({ id: `t${i + 1}`, text: t }));
  a.targets.forEach((_, i) => (a.units[i].target = [`t${i + 1}`]));
  return makeState(a, text);
}

/** The eager fold: each sentence alone, in document order. */
function oracle(s: EditorState, query: string, opts: SearchOptions): string[] {
  const q = prepareQuery(query, opts);
  const out: string[] = [];
  s.doc.descendants((node, pos) => {
    if (node.type.name === 'source_sentence' || node.type.name === 'target_sentence') {
      const map = new OffsetMap(node.textContent);
      for (const h of findInText(node.textContent, q)) out.push(`${pos + 1 + map.toUtf16(h.start)}-${pos + 1 + map.toUtf16(h.end)}`);
      return false;
    }
    return !node.isTextblock;
  });
  return out;
}

const got = (s: EditorState) => findKey.getState(s)!.hits.map((h) => `${h.from}-${h.to}`);

test('find property: the document folded at once gives the hits of the per-sentence fold', () => {
  fc.assert(
    fc.property(
      fc.array(sentence, { minLength: 1, maxLength: 8 }),
      fc.array(sentence, { maxLength: 8 }),
      fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom('رئيس', 'احمد ', ' apple', 'ه', 'ا', 'سه 2', '😀', 'ﻻ', 'y ا')),
      fc.record({ matchCase: fc.boolean(), exactLetters: fc.boolean() }),
      (ar, en, query, opts) => {
        const s0 = stateOf(ar, en);
        const s = s0.apply(setFindTr(s0, query, opts));
        assert.deepEqual(got(s), oracle(s0, query, opts));
        // a second query on the same document reuses the fold and is still exact
        const t = s.apply(setFindTr(s, 'ا', opts));
        assert.deepEqual(got(t), oracle(s0, 'ا', opts));
      },
    ),
    { numRuns: 300 },
  );
});

test('find: a hit never spans two sentences, and each side is labelled', () => {
  const s0 = stateOf(['قال الرئيس', 'الرئيس قال'], ['the president said', 'said the president']);
  const s = s0.apply(setFindTr(s0, 'الرئيس الرئيس'));
  assert.deepEqual(got(s), []);
  const t = s0.apply(setFindTr(s0, 'president'));
  assert.deepEqual(findKey.getState(t)!.hits.map((h) => `${h.side}:${t.doc.textBetween(h.from, h.to)}`), ['en:president', 'en:president']);
});
