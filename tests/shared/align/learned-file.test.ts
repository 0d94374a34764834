import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLearnedFile, serializeLearnedFile, type LearnedFile } from '../../../shared/align/learned-file.ts';
import { rowKeys } from '../../../shared/align/learned.ts';

const HASH = 'ab'.repeat(32);

test('a file of real rows round-trips; the header says it is derived and safe to delete', () => {
  const file: LearnedFile = new Map([
    ['news/حلب.txt', { hash: HASH, rows: [rowKeys('قالَ المتحدثُ إنَّ الوضعَ في حلبَ صعبٌ 🙂.', 'The spokesman said the situation in Aleppo is hard 🙂.'), rowKeys('وصل ٣ وفود.', '3 delegations arrived.')] }],
    ['a.txt', { hash: 'cd'.repeat(32), rows: [] }],
  ]);
  const text = serializeLearnedFile(file);
  assert.match(text.split('\n')[0], /DERIVED DATA, safe to delete/);
  assert.deepEqual(parseLearnedFile(text), file);
  assert.deepEqual([...parseLearnedFile(text)!.keys()], ['a.txt', 'news/حلب.txt'], 'sorted by path');
});

test('table: not such a file → null (the caller rebuilds)', () => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['comments only', '# hi\n'],
    ['other version', 'muwazi-learned-lexicon\t2\n'],
    ['row before a report', 'muwazi-learned-lexicon\t1\nrow\tحلب\taleppo\n'],
    ['bad hash', `muwazi-learned-lexicon\t1\nreport\ta.txt\t${'z'.repeat(64)}\n`],
    ['duplicate report', `muwazi-learned-lexicon\t1\nreport\ta.txt\t${HASH}\nreport\ta.txt\t${HASH}\n`],
    ['unknown line', `muwazi-learned-lexicon\t1\nreport\ta.txt\t${HASH}\nword\tحلب\n`],
    ['binary', '\u0000\u0001\u0002'],
  ];
  for (const [name, text] of cases) assert.equal(parseLearnedFile(text), null, name);
  assert.deepEqual(parseLearnedFile('muwazi-learned-lexicon\t1\n'), new Map(), 'no reports yet');
});

test('property: parse(serialize(x)) equals x for keys without white space', () => {
  const key = fc.stringMatching(/^[\u0621-\u064Aa-z0-9😀]{1,8}$/);
  const keys = fc.uniqueArray(key, { maxLength: 6 }).map((k) => k.sort());
  const report = fc.record({ hash: fc.stringMatching(/^[0-9a-f]{64}$/), rows: fc.array(fc.tuple(keys, keys), { maxLength: 4 }) });
  const file = fc.dictionary(fc.stringMatching(/^[^\t\n\r]{1,12}$/).filter((p) => !p.startsWith('#')), report, { maxKeys: 5 })
    .map((d) => new Map(Object.entries(d).map(([p, r]) => [p, { hash: r.hash, rows: r.rows }])) as LearnedFile);
  fc.assert(fc.property(file, (f) => {
    assert.deepEqual(parseLearnedFile(serializeLearnedFile(f)), f);
  }), { numRuns: 200 });
});
