// The git merge driver and git-setup: the command's contract (files, exit status), then a real
// `git merge` of two branches in a temporary repository going through the driver.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../electron/cli/main.ts';
import { ATTRIBUTE_LINE, DRIVER, withAttribute } from '../../../electron/cli/git-setup.ts';
import { parseAnnotations, serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { TEXT, base, edit } from '../../shared/team/merge-fixture.ts';
import { withTmp } from '../../fixtures/tmp.ts';

const BIN = fileURLToPath(new URL('../../../bin/muwazi.mjs', import.meta.url));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

async function sides(dir: string, o: Annotations | string, a: Annotations, b: Annotations) {
  const p = (n: string) => join(dir, n);
  await writeFile(p('O'), typeof o === 'string' ? o : serializeAnnotations(o));
  await writeFile(p('A'), serializeAnnotations(a));
  await writeFile(p('B'), serializeAnnotations(b));
  return [p('O'), p('A'), p('B'), 'أخبار/تقرير.annotations.json'];
}

test('merge-driver: 0 and the merge in %A when clean; 1 with conflicts recorded; never line markers', () => withTmp(async (dir) => {
  const b = base();
  let args = await sides(dir, b, edit(b, [{ k: 'en', row: 0, suffix: ' ✓' }]), edit(b, [{ k: 'status', row: 2, status: 'reviewed' }]));
  let r = await cli('merge-driver', ...args);
  assert.deepEqual([r.code, r.err], [0, '']);
  let merged = parseAnnotations(await readFile(args[1], 'utf8'), { text: TEXT });
  assert.match(merged.targets[0].text, / ✓$/);
  assert.equal(merged.units[2].status, 'reviewed');

  args = await sides(dir, b, edit(b, [{ k: 'en', row: 1, suffix: ' ✓' }]), edit(b, [{ k: 'en', row: 1, suffix: ' — محدّث' }]));
  r = await cli('merge-driver', ...args);
  assert.equal(r.code, 1);
  assert.match(r.err, /أخبار\/تقرير\.annotations\.json: 1 conflict recorded \(english\)/);
  const text = await readFile(args[1], 'utf8');
  assert.doesNotMatch(text, /<<<<<<<|>>>>>>>/);
  merged = parseAnnotations(text, { text: TEXT });
  assert.equal(merged.conflicts!.length, 1);
}));

test('merge-driver: an empty ancestor (added on both sides) merges; unusable input is exit 2 and %A untouched', () => withTmp(async (dir) => {
  const b = base();
  let args = await sides(dir, '', b, structuredClone(b));
  assert.equal((await cli('merge-driver', ...args)).code, 0);

  const other = structuredClone(b);
  other.source = { ...other.source, sha256: 'c'.repeat(64) };
  args = await sides(dir, b, b, other);
  const before = await readFile(args[1], 'utf8');
  let r = await cli('merge-driver', ...args);
  assert.equal(r.code, 2);
  assert.match(r.err, /different sources/);
  assert.equal(await readFile(args[1], 'utf8'), before);

  await writeFile(args[2], '{ "format": "muwazi-annotations", "version": "1.1",');
  r = await cli('merge-driver', ...args);
  assert.equal(r.code, 2);
  assert.match(r.err, /theirs is not a usable annotation file: .*not valid JSON/);
  assert.equal((await cli('merge-driver', args[0])).code, 2, 'usage');
  assert.match((await cli('merge-driver', '--help')).out, /usage: muwazi merge-driver/);
}));

test('git-setup: the .gitattributes line once, other lines kept; refuses outside a repository', () => withTmp(async (dir) => {
  assert.equal(withAttribute(''), ATTRIBUTE_LINE + '\n');
  assert.equal(withAttribute('*.txt text\r\n'), `*.txt text\r\n${ATTRIBUTE_LINE}\r\n`);
  assert.equal(withAttribute(`*.txt text\n${ATTRIBUTE_LINE}\n`), null);
  assert.equal((await cli('git-setup', dir)).code, 2);
  execFileSync('git', ['init', '-q', dir]);
  await writeFile(join(dir, '.gitattributes'), '*.txt text');
  assert.equal((await cli('git-setup', dir)).code, 0);
  assert.equal((await cli('git-setup', dir)).code, 0);
  assert.equal(await readFile(join(dir, '.gitattributes'), 'utf8'), `*.txt text\n${ATTRIBUTE_LINE}\n`);
  assert.equal(execFileSync('git', ['-C', dir, 'config', 'merge.muwazi.driver'], { encoding: 'utf8' }).trim(), DRIVER);
  // the pattern matches our sidecar names at any depth
  const attr = execFileSync('git', ['-c', 'core.quotePath=false', '-C', dir, 'check-attr', 'merge', '--', 'قسم/تقرير ١.annotations.json', 'r.txt'], { encoding: 'utf8' });
  assert.match(attr, /تقرير ١\.annotations\.json: merge: muwazi/);
  assert.match(attr, /r\.txt: merge: unspecified/);
}));

test('a real git merge of two branches goes through the driver: clean, then a recorded conflict', { timeout: 180_000 }, () => withTmp(async (dir) => {
  const git = (...args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  const ok = (...args: string[]) => { const r = git(...args); assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`); return r.stdout; };
  ok('init', '-q', '-b', 'main');
  ok('config', 'user.name', 'Test');
  ok('config', 'user.email', 'test@example.invalid');
  ok('config', 'commit.gpgsign', 'false');
  assert.equal((await cli('git-setup', dir)).code, 0);
  // the configured `npx muwazi …` would look for an installed muwazi; this checkout's bin runs the sources
  ok('config', 'merge.muwazi.driver', `node "${BIN}" merge-driver %O %A %B %P`);
  const file = join(dir, 'تقرير.annotations.json');
  const b = base();
  await writeFile(join(dir, 'تقرير.txt'), TEXT);
  await writeFile(file, serializeAnnotations(b));
  ok('add', '-A');
  ok('commit', '-qm', 'base');
  const branch = async (name: string, from: string, a: Annotations) => {
    ok('checkout', '-q', '-b', name, from);
    await writeFile(file, serializeAnnotations(a));
    ok('commit', '-qam', name);
  };
  await branch('laila', 'main', edit(b, [{ k: 'en', row: 0, suffix: ' — محدّث' }, { k: 'add', word: 'الوفد', type: 'ORG' }]));
  await branch('omar', 'main', edit(b, [{ k: 'status', row: 2, status: 'reviewed' }, { k: 'type', mention: 6, type: 'ORG' }]));
  ok('checkout', '-q', 'laila');
  const m = git('merge', '--no-edit', 'omar');
  assert.equal(m.status, 0, m.stdout + m.stderr);
  const merged = parseAnnotations(await readFile(file, 'utf8'), { text: TEXT });
  assert.match(merged.targets[0].text, / — محدّث$/);
  assert.equal(merged.units[2].status, 'reviewed');
  assert.equal(merged.mentions.find((x) => x.text === 'مِصر')!.type, 'ORG');
  assert.ok(merged.mentions.some((x) => x.text === 'الوفد'));
  assert.equal(merged.conflicts, undefined);

  // the same row's English on both sides: git reports a conflict, the file stays valid JSON
  await branch('laila2', 'main', edit(b, [{ k: 'en', row: 1, suffix: ' ✓' }]));
  await branch('omar2', 'main', edit(b, [{ k: 'en', row: 1, suffix: ' (checked)' }]));
  const c = git('merge', '--no-edit', 'laila2');
  assert.equal(c.status, 1, c.stdout + c.stderr);
  assert.match(c.stdout + c.stderr, /1 conflict recorded \(english\)/);
  const text = await readFile(file, 'utf8');
  assert.doesNotMatch(text, /<<<<<<<|>>>>>>>/);
  const withConflict = parseAnnotations(text, { text: TEXT });
  assert.deepEqual(withConflict.conflicts!.map((x) => [x.kind, x.unit]), [['english', 'u2']]);
  assert.match(ok('status', '--porcelain'), /^UU /m);
}));
