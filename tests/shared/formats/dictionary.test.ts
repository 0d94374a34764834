import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareWords, dictionaryWordProblem, parseDictionary, serializeDictionary } from '../../../shared/formats/dictionary.ts';

test('dictionary format: words are single tokens of at most 100 code points', () => {
  for (const ok of ['Saraqib', "Jones's", 'al-Numan', 'café', 'سراقب', '𝒜'.repeat(100)]) assert.equal(dictionaryWordProblem(ok), null, ok);
  for (const bad of ['', 'a b', 'a\nb', 'a\u00a0b', 'x'.repeat(101), '#x', 'a\u0000']) assert.notEqual(dictionaryWordProblem(bad), null, JSON.stringify(bad));
});

test('property: parse(serialize(words)) gives the words sorted and deduplicated', () => {
  const word = fc.string({ unit: fc.constantFrom(...'abcABCéـسرق\'’-'.split('')), minLength: 1, maxLength: 8 }).filter((w) => !w.startsWith('#'));
  fc.assert(fc.property(fc.array(word, { maxLength: 30 }), (words) => {
    const text = serializeDictionary(words);
    const back = parseDictionary(text);
    assert.deepEqual(back.problems, []);
    assert.deepEqual(back.words, [...new Set(words)].sort(compareWords));
    assert.equal(serializeDictionary(back.words), text, 'stable');
    assert.ok(text === '' || text.endsWith('\n'));
    assert.ok(!text.includes('\r'));
  }));
});
