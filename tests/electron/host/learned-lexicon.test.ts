// The project's learned word list file: built from known rows, refreshed per changed sidecar only,
// rebuilt when missing or corrupt, updated after saves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, unlink, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { learnedRootFor, ProjectLearned } from '../../../electron/host/learned-lexicon.ts';
import { LEARNED_LEXICON_FILE } from '../../../shared/align/learned-file.ts';
import { withTmp } from '../../fixtures/tmp.ts';
import { KNOWN, knownReport, writeKnown, writeLearnedProject } from './learned-fixture.ts';

test('refresh: learns from translated rows, writes the file; a second refresh reads it and recounts nothing', () => withTmp(async (dir) => {
  await writeLearnedProject(dir);
  const { learned, stats } = await ProjectLearned.load(dir);
  assert.equal(stats.rebuilt, true, 'no file yet');
  assert.equal(stats.recounted, 1);
  assert.equal(stats.written, true);
  assert.deepEqual(learned.lexicon().map.get('كحلوم'), ['vespid']);
  const again = await ProjectLearned.load(dir);
  assert.deepEqual({ rebuilt: again.stats.rebuilt, recounted: again.stats.recounted, written: again.stats.written }, { rebuilt: false, recounted: 0, written: false });
  assert.deepEqual(again.learned.lexicon().map.get('كحلوم'), ['vespid'], 'from the stored keys alone');
}));

test('refresh recounts only the report whose sidecar changed; a removed sidecar drops its rows', () => withTmp(async (dir) => {
  await writeLearnedProject(dir);
  await writeKnown(dir, 'b.txt', knownReport([['وصلت المسيّرة إلى سراقب.', 'The drone reached Saraqib.'], ['وحلّقت مسيّرة فوق سراقب.', 'A drone flew over Saraqib.']], 'reviewed'));
  await ProjectLearned.load(dir);
  // b's rows become drafts: its evidence goes, known.txt is not read again
  await writeKnown(dir, 'b.txt', knownReport([['وصلت المسيّرة إلى سراقب.', 'The drone reached Saraqib.'], ['وحلّقت مسيّرة فوق سراقب.', 'A drone flew over Saraqib.']], 'draft'));
  const r = await ProjectLearned.load(dir);
  assert.equal(r.stats.recounted, 1);
  assert.equal(r.stats.rows, 2);
  assert.equal(r.learned.lexicon().map.has('مسيره'), false);
  await unlink(join(dir, 'b.annotations.json'));
  const r2 = await ProjectLearned.load(dir);
  assert.equal(r2.stats.reports, 1);
  assert.equal(r2.stats.written, true);
}));

test('table: which rows are known (confirmed, translated, reviewed — not draft or auto)', () => withTmp(async (dir) => {
  const cases: Array<[Parameters<typeof knownReport>[1], boolean, boolean]> = [
    ['translated', false, true],
    ['reviewed', false, true],
    ['draft', true, true],
    ['draft', false, false],
    ['auto', false, false],
  ];
  for (const [status, confirmed, learns] of cases) {
    await writeKnown(dir, 'r.txt', knownReport(KNOWN, status, confirmed));
    const { learned } = await ProjectLearned.load(dir, { force: true });
    assert.equal(learned.lexicon().map.has('كحلوم'), learns, `${status} confirmed=${confirmed}`);
  }
}));

test('a missing or corrupt file is rebuilt; an unreadable sidecar is skipped, not an error', () => withTmp(async (dir) => {
  await writeLearnedProject(dir);
  await writeFile(join(dir, 'bad.txt'), 'نص');
  await writeFile(join(dir, 'bad.annotations.json'), '{ not json');
  for (const broken of ['', 'muwazi-learned-lexicon\t9\n', 'muwazi-learned-lexicon\t1\nrow\tx\ty\n', 'muwazi-learned-lexicon\t1\nreport\ta.txt\tnothex\n', '\u0000\u0001']) {
    await writeFile(join(dir, LEARNED_LEXICON_FILE), broken);
    const { learned, stats } = await ProjectLearned.load(dir);
    assert.equal(stats.rebuilt, true, JSON.stringify(broken));
    assert.deepEqual(stats.skipped, ['bad.txt']);
    assert.deepEqual(learned.lexicon().map.get('كحلوم'), ['vespid']);
    assert.match(await readFile(join(dir, LEARNED_LEXICON_FILE), 'utf8'), /^report\tnews\/known\.txt\t/m);
  }
}));

test('updateReport: a save that changes known rows rewrites the file; an unchanged one does not', () => withTmp(async (dir) => {
  await writeLearnedProject(dir);
  const { learned } = await ProjectLearned.load(dir);
  const path = join(dir, LEARNED_LEXICON_FILE);
  const before = await readFile(path, 'utf8');
  const txt = join(dir, 'news', 'known.txt');
  await learned.updateReport(txt, knownReport(KNOWN, 'translated').annotations, 'b'.repeat(64));
  assert.equal(await readFile(path, 'utf8'), before, 'same rows: not written');
  await learned.updateReport(txt, knownReport(KNOWN, 'draft').annotations, 'c'.repeat(64));
  assert.equal(learned.lexicon().map.has('كحلوم'), false);
  assert.match(await readFile(path, 'utf8'), /^report\tnews\/known\.txt\tc{64}$/m);
  assert.doesNotMatch(await readFile(path, 'utf8'), /^row\t/m);
}));

test('learnedRootFor: the nearest folder with muwazi.project.json or a learned list; null outside', () => withTmp(async (dir) => {
  await mkdir(join(dir, 'p', 'sub', 'deeper'), { recursive: true });
  await writeFile(join(dir, 'p', 'muwazi.project.json'), '{}');
  assert.equal(await learnedRootFor(join(dir, 'p', 'sub', 'deeper', 'x.txt')), join(dir, 'p'));
  await writeFile(join(dir, 'p', 'sub', LEARNED_LEXICON_FILE), '');
  assert.equal(await learnedRootFor(join(dir, 'p', 'sub', 'deeper', 'x.txt')), join(dir, 'p', 'sub'));
  assert.equal(await learnedRootFor(join(dir, 'x.txt')), null);
}));

test('refreshSoon: a burst of requests is one refresh; a deleted file is written again from memory', () => withTmp(async (dir) => {
  await writeLearnedProject(dir);
  const { learned } = await ProjectLearned.load(dir);
  await unlink(join(dir, LEARNED_LEXICON_FILE));
  await writeKnown(dir, 'c.txt', knownReport([['وصل الكحلوم إلى حماة.', 'The vespid reached Hama.']], 'translated'));
  for (let k = 0; k < 5; k++) learned.refreshSoon();
  await learned.idle();
  const text = await readFile(join(dir, LEARNED_LEXICON_FILE), 'utf8');
  assert.match(text, /^report\tc\.txt\t/m);
  assert.match(text, /^report\tnews\/known\.txt\t/m);
  assert.equal((await learned.current()).map.get('كحلوم')?.[0], 'vespid');
}));

test('a folder with no known rows gets no file, unless asked (--learn) or one is there to repair', () => withTmp(async (dir) => {
  await writeKnown(dir, 'r.txt', knownReport(KNOWN, 'draft'));
  const path = join(dir, LEARNED_LEXICON_FILE);
  assert.equal((await ProjectLearned.load(dir)).stats.written, false);
  assert.equal(existsSync(path), false);
  await writeFile(path, 'corrupt');
  assert.equal((await ProjectLearned.load(dir)).stats.written, true);
  assert.match(await readFile(path, 'utf8'), /^report\tr\.txt\t/m);
  await unlink(path);
  assert.equal((await ProjectLearned.load(dir, { force: true })).stats.written, true);
}));
