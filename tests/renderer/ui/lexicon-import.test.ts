import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withLexicon } from '../../../renderer/ui/lexicon-import.ts';
import { parseLexicon } from '../../../shared/align/lexical.ts';
import { serializeLexiconIndex } from '../../../shared/align/lexicon-index.ts';
import type { ImportOptions } from '../../../shared/align/import.ts';
import type { Annotations } from '../../../shared/model/types.ts';

type LoadLexicon = Parameters<typeof withLexicon>[1]['loadLexicon'];

/** A host whose loadLexicon resolves when `release` is called (with `index`: the list's prebuilt
 * index and hash instead of its text, as the host sends when they match). */
function host(text: string | null, index?: { index: string; sha256: string }) {
  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  const value = index ? { text: null, ...index } : { text };
  const loadLexicon = (async () => { await gate; return { ok: true as const, value }; }) as unknown as LoadLexicon;
  return { host: { loadLexicon }, release, gate };
}

const empty = {} as Annotations;

test('the import gets the word list once it has loaded, and says when it had none', async () => {
  const seen: Array<ImportOptions['lexicon']> = [];
  const fn = (a: Annotations, _s: string, _t: string, opts: ImportOptions) => { seen.push(opts.lexicon); return { annotations: a, lowConfidence: [] }; };
  const h = host('الأطفال\tchildren|kids\nماء\twater\n');
  const states: string[] = [];
  const imp = withLexicon(fn, h.host, (s) => states.push(s));
  // before it has loaded: no lexicon, and the result says so
  assert.equal((await imp(empty, 'نص', 'text', { abbreviations: ['Dr'] })).noLexicon, true);
  assert.equal(seen[0], null);
  h.release();
  await h.gate;
  await new Promise((r) => setImmediate(r));
  const r = await imp(empty, 'نص', 'text', {});
  assert.equal(r.noLexicon, false);
  assert.deepEqual(states, ['ready']);
  assert.deepEqual(seen[1]?.map.get('اطفال'), ['children', 'kid']);
});

test('a missing word list: every import says so', async () => {
  const h = host(null);
  const states: string[] = [];
  const imp = withLexicon((a) => ({ annotations: a, lowConfidence: [] }), h.host, (s) => states.push(s));
  h.release();
  await h.gate;
  await new Promise((r) => setImmediate(r));
  assert.equal((await imp(empty, 'نص', 'text', {})).noLexicon, true);
  assert.deepEqual(states, ['absent']);
});

test('the open folder\'s learned word list joins the general one at each import; a failed request changes nothing', async () => {
  const seen: Array<ImportOptions['lexicon']> = [];
  const fn = (a: Annotations, _s: string, _t: string, opts: ImportOptions) => { seen.push(opts.lexicon); return { annotations: a, lowConfidence: [] }; };
  const h = host('الأطفال\tchildren\n');
  let answer: unknown = { ok: true, value: { entries: [['مسيره', ['dron']], ['اطفال', ['kid']]] } };
  const asked: string[] = [];
  const learnedLexicon = (async (req: { root: string }) => { asked.push(req.root); return answer; }) as unknown as NonNullable<Parameters<typeof withLexicon>[1]['learnedLexicon']>;
  let root: string | null = '/p';
  const imp = withLexicon(fn, { ...h.host, learnedLexicon }, undefined, () => root);
  h.release();
  await h.gate;
  await new Promise((r) => setImmediate(r));
  await imp(empty, 'مسيّرة', 'A drone.', {});
  assert.deepEqual(seen[0]?.map.get('مسيره'), ['dron'], 'a learned word the general list lacks');
  assert.deepEqual(seen[0]?.map.get('اطفال'), ['children', 'kid'], 'a learned translation joins the general ones');
  answer = { ok: false, code: 'outside-workspace', message: 'no' };
  await imp(empty, 'مسيّرة', 'A drone.', {});
  assert.equal(seen[1]?.map.has('مسيره'), false, 'failed: the general list alone');
  root = null;
  await imp(empty, 'مسيّرة', 'A drone.', {});
  assert.deepEqual(asked, ['/p', '/p'], 'no folder open: not asked');
});

test('the word list from its prebuilt index (what the host sends when it matches the list): the same lookups as parsing the list', async () => {
  const list = 'الأطفال\tchildren|kids\nماء\twater\n';
  const sha = 'b'.repeat(64);
  const index = serializeLexiconIndex(parseLexicon(list), sha);
  const seen: Array<ImportOptions['lexicon']> = [];
  const h = host(null, { index, sha256: sha });
  const imp = withLexicon((a, _s, _t, opts) => { seen.push(opts.lexicon); return { annotations: a, lowConfidence: [] }; }, h.host);
  h.release();
  await h.gate;
  await new Promise((r) => setImmediate(r));
  assert.equal((await imp(empty, 'نص', 'text', {})).noLexicon, false);
  assert.deepEqual(seen[0]?.map.get('اطفال'), ['children', 'kid']);
  assert.deepEqual(seen[0]?.map.get('ماء'), parseLexicon(list).map.get('ماء'));
});
