import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir, isInside, OpenedRoots, realpathLoose } from '../../../electron/host/paths.ts';
import { HostError } from '../../../electron/host/errors.ts';

test('isInside compares whole path components', () => {
  assert.equal(isInside('/a/تقارير', '/a/تقارير'), true);
  assert.equal(isInside('/a/تقارير', '/a/تقارير/خبر.txt'), true);
  assert.equal(isInside('/a/تقارير', '/a/تقارير-2/خبر.txt'), false);
  assert.equal(isInside('/a/تقارير', '/a'), false);
  assert.equal(isInside('/a/b', '/a/b/..c'), true);
});

test('OpenedRoots resolves .. and symlinks before judging', async (t) => {
  const tmp = await realpath(await mkdtemp(join(tmpdir(), 'muwazi-paths-')));
  t.after(() => rm(tmp, { recursive: true, force: true }));
  const ws = join(tmp, 'مشروع 😀');
  await mkdir(join(ws, 'sub'), { recursive: true });
  await writeFile(join(ws, 'sub', 'خبر.txt'), 'نص');
  await writeFile(join(tmp, 'outside.txt'), 'x');
  await symlink(join(tmp, 'outside.txt'), join(ws, 'link.txt'));
  await symlink(ws, join(tmp, 'alias'));
  const roots = new OpenedRoots();
  await assert.rejects(roots.resolve(join(ws, 'sub', 'خبر.txt')), (e: unknown) => e instanceof HostError && e.code === 'outside-workspace');
  assert.equal(await roots.add(join(tmp, 'alias')), ws, 'a folder opened through a symlink is registered by its real path');
  assert.equal(await roots.resolve(join(ws, 'sub', 'خبر.txt')), join(ws, 'sub', 'خبر.txt'));
  assert.equal(await roots.resolve(join(tmp, 'alias', 'sub', 'خبر.txt')), join(ws, 'sub', 'خبر.txt'));
  assert.equal(await roots.resolve(join(ws, 'sub', 'new', 'out.tmx')), join(ws, 'sub', 'new', 'out.tmx'), 'not-yet-existing outputs');
  for (const bad of [join(ws, 'link.txt'), `${ws}/sub/../../outside.txt`, join(tmp, 'outside.txt'), 'sub/خبر.txt']) {
    await assert.rejects(roots.resolve(bad), (e: unknown) => e instanceof HostError && e.code === 'outside-workspace', bad);
  }
  await assert.rejects(roots.add(join(ws, 'sub', 'خبر.txt')), (e: unknown) => e instanceof HostError && e.code === 'invalid-request');
  await assert.rejects(roots.add(join(tmp, 'missing')), (e: unknown) => e instanceof HostError && e.code === 'not-found');
  assert.equal(roots.rootOf(join(ws, 'sub')), ws);
  assert.equal(await realpathLoose(join(tmp, 'alias', 'a', 'b')), join(ws, 'a', 'b'));
});

test('defaultDataDir follows Electron userData per platform, MUWAZI_DATA_DIR wins', () => {
  assert.equal(defaultDataDir({}, 'linux', '/home/u'), '/home/u/.config/Muwazi');
  assert.equal(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u'), '/x/Muwazi');
  assert.equal(defaultDataDir({}, 'darwin', '/Users/u'), '/Users/u/Library/Application Support/Muwazi');
  assert.equal(defaultDataDir({ MUWAZI_DATA_DIR: '/tmp/d' }, 'linux', '/home/u'), '/tmp/d');
});
