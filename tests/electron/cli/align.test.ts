import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { presegmentedLines } from '../../../electron/cli/align.ts';
import { PAIRS } from '../../shared/align/fixtures.ts';
import { withTmp } from '../../fixtures/tmp.ts';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return { out: (s) => { o += s; }, err: (s) => { e += s; }, isTTY: false, stdout: () => o, stderr: () => e };
}

test('align --presegmented --json: line indices, every line once, empty lines as their own links', () => withTmp(async (dir) => {
  // Arabic line 2 joins pairs 2 and 3 (a 1-2 link); line 4 is empty; English has a blank line 6
  const ar = [PAIRS[0][0], PAIRS[1][0], `${PAIRS[2][0]} ${PAIRS[3][0]}`, PAIRS[4][0], '', PAIRS[5][0]];
  const en = [PAIRS[0][1], PAIRS[1][1], PAIRS[2][1], PAIRS[3][1], PAIRS[4][1], PAIRS[5][1], ''];
  await writeFile(join(dir, 'ar.txt'), ar.join('\r\n') + '\r\n');
  await writeFile(join(dir, 'en.txt'), '\ufeff' + en.join('\n') + '\n');
  const io = capture();
  assert.equal(await main(['align', join(dir, 'ar.txt'), join(dir, 'en.txt'), '--presegmented', '--json'], io), 0, io.stderr());
  const links = JSON.parse(io.stdout()) as Array<[number[], number[], number]>;
  assert.deepEqual(links.map(([a, e]) => [a, e]), [[[0], [0]], [[1], [1]], [[2], [2, 3]], [[3], [4]], [[4], []], [[5], [5]], [[], [6]]]);
  for (const [, , c] of links) assert.ok(c >= 0 && c <= 1);
}));

test('align without --presegmented segments both texts; the table lists both sides', () => withTmp(async (dir) => {
  await writeFile(join(dir, 'ar.txt'), PAIRS.slice(0, 4).map((p) => p[0]).join(' '));
  await writeFile(join(dir, 'en.txt'), PAIRS.slice(0, 4).map((p) => p[1]).join('\n'));
  const json = capture();
  assert.equal(await main(['align', join(dir, 'ar.txt'), join(dir, 'en.txt'), '--json'], json), 0);
  assert.deepEqual((JSON.parse(json.stdout()) as Array<[number[], number[]]>).map(([a, e]) => [a, e]), [0, 1, 2, 3].map((i) => [[i], [i]]));
  const table = capture();
  assert.equal(await main(['align', join(dir, 'ar.txt'), join(dir, 'en.txt')], table), 0);
  const lines = table.stdout().trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.match(lines[0], /^ar\s+en\s+conf\s+Arabic\s+\| English/);
  assert.match(lines[4], /^3\s+3\s+[01]\.\d\d\s+وأغلق المحتجون .*\| Protesters blocked/);
}));

test('align reports bad arguments and unreadable files', () => withTmp(async (dir) => {
  const io = capture();
  assert.equal(await main(['align', 'only-one.txt'], io), 2);
  assert.match(io.stderr(), /expected two files/);
  const io2 = capture();
  assert.equal(await main(['align', join(dir, 'missing.txt'), join(dir, 'missing2.txt')], io2), 1);
  assert.match(io2.stderr(), /no such file/);
  const io3 = capture();
  assert.equal(await main(['align', 'a', 'b', '--fast'], io3), 2);
}));

test('presegmented lines: all lines count, the final line break does not add one', () => {
  assert.deepEqual(presegmentedLines('a\r\n\r\nب\n'), ['a', '', 'ب']);
  assert.deepEqual(presegmentedLines('a\nb'), ['a', 'b']);
  assert.deepEqual(presegmentedLines(''), []);
  assert.deepEqual(presegmentedLines('\n'), ['']);
});
