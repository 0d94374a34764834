import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadLexicon, LEXICON_FILE, LEXICON_INDEX_FILE, sha256 } from '../../../electron/host/lexicon.ts';
import { parseLexicon } from '../../../shared/align/lexical.ts';
import { serializeLexiconIndex } from '../../../shared/align/lexicon-index.ts';

const LIST = 'الأطفال\tchildren|kids\nمدرسة\tschool\nمدرس\tteacher\n';

/** An assets folder holding `files` (path under assets → text). */
function assets(t: { after: (fn: () => void) => void }, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'muwazi-lexicon-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'lexicon'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('loadLexicon reads the index when it was built from this list, and parses the list otherwise', (t) => {
  const parsed = parseLexicon(LIST);
  // a doctored index with the right hash is believed: proof that the index, not the list, was read
  const doctored = { ...parsed, map: new Map([...parsed.map, ['قمر', ['moon']]]) };
  const used = loadLexicon(assets(t, { [LEXICON_FILE]: LIST, [LEXICON_INDEX_FILE]: serializeLexiconIndex(doctored, sha256(LIST)) }));
  assert.deepEqual(used?.map.get('قمر'), ['moon']);
  // built from another list (the list was edited since): ignored, the list is parsed
  const stale = loadLexicon(assets(t, { [LEXICON_FILE]: LIST, [LEXICON_INDEX_FILE]: serializeLexiconIndex(doctored, sha256('old list')) }));
  assert.deepEqual(stale && [...stale.map], [...parsed.map]);
  // no index, or a damaged one: parsed
  for (const index of [undefined, 'garbage\n']) {
    const lex = loadLexicon(assets(t, { [LEXICON_FILE]: LIST, ...(index === undefined ? {} : { [LEXICON_INDEX_FILE]: index }) }));
    assert.deepEqual(lex && [...lex.map], [...parsed.map]);
    assert.deepEqual(lex?.map.get('اطفال'), ['children', 'kid']);
  }
  // an index without its list is not a word list (the list is the licensed source of truth)
  assert.equal(loadLexicon(assets(t, { [LEXICON_INDEX_FILE]: serializeLexiconIndex(parsed, sha256(LIST)) })), null);
});

test('the app\'s assets: the committed index loads the same lexicon as parsing the committed list', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'muwazi-lexicon-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'lexicon'));
  copyFileSync(resolve('assets', LEXICON_FILE), join(dir, LEXICON_FILE));
  const parsedOnly = loadLexicon(dir)!;
  const indexed = loadLexicon(resolve('assets'))!;
  assert.equal(indexed.size, parsedOnly.size);
  // the index iterates in key order, the parsed list in file order
  const byKey = (m: ReadonlyMap<string, string[]>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  assert.deepEqual(byKey(indexed.map), byKey(parsedOnly.map));
  assert.deepEqual(byKey(indexed.stemmed), byKey(parsedOnly.stemmed));
  assert.equal(parseLexicon(readFileSync(join(dir, LEXICON_FILE), 'utf8')).size, indexed.size);
});
