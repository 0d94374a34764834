import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { FolderAccess, MAX_RECENT } from '../../../electron/host/folder-access.ts';
import { withTmp } from '../../fixtures/tmp.ts';

test('Electron: only folders granted by main may be opened; the grant survives a restart (persisted list)', () =>
  withTmp(async (dir) => {
    const data = join(dir, 'data');
    const ws = await realpath(dir).then((d) => join(d, 'مشروع'));
    await mkdir(ws);
    const a = new FolderAccess({ mode: 'electron', dataDir: data });
    assert.equal(await a.mayOpen(ws), false);
    const entry = await a.grant(ws);
    assert.equal(entry.name, 'مشروع');
    assert.equal(await a.mayOpen(ws), true);
    assert.equal(await a.mayOpen(join(ws, 'sub')), false, 'a grant is for that folder, not what is below it');
    const b = new FolderAccess({ mode: 'electron', dataDir: data });
    assert.equal(await b.mayOpen(ws), true);
    assert.equal(await b.pathOf(entry.id), ws);
    assert.equal(await b.pathOf('forged'), undefined);
    assert.deepEqual(JSON.parse(await readFile(join(data, 'recent-folders.json'), 'utf8'))[0].path, ws);
  }));

test('browser mode: a typed folder only inside the home or temp folders, never hidden or the root itself', () =>
  withTmp(async (dir) => {
    const home = await realpath(dir);
    await mkdir(join(home, 'work', 'تقارير'), { recursive: true });
    await mkdir(join(home, '.ssh'));
    await mkdir(join(home, '.config', 'x'), { recursive: true });
    const a = new FolderAccess({ mode: 'browser', dataDir: join(home, 'data'), typedRoots: [home] });
    assert.equal(await a.mayOpen(join(home, 'work', 'تقارير')), true);
    assert.equal(await a.mayOpen(join(home, 'work')), true);
    for (const p of [home, join(home, '.ssh'), join(home, '.config', 'x'), '/etc', '/', '/usr/share']) {
      assert.equal(await a.mayOpen(p), false, p);
    }
    assert.match(a.refusal('/etc'), /inside your home or temporary folder, and never a hidden or system folder: \/etc/);
  }));

test('the recent list keeps the newest first, once each, at most MAX_RECENT', () =>
  withTmp(async (dir) => {
    const a = new FolderAccess({ mode: 'electron', dataDir: dir, now: () => '2026-12-04T00:00:00Z' });
    for (let i = 0; i < MAX_RECENT + 3; i++) await a.grant(`/w/${i}`);
    const first = (await a.list())[0];
    await a.grant('/w/5');
    const list = await a.list();
    assert.equal(list.length, MAX_RECENT);
    assert.equal(list[0].path, '/w/5');
    assert.equal(new Set(list.map((r) => r.path)).size, list.length);
    assert.notEqual(first.path, '/w/5');
  }));

test('a corrupt recent list is an empty one, never an error', () =>
  withTmp(async (dir) => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'recent-folders.json'), '{ not json');
    const a = new FolderAccess({ mode: 'electron', dataDir: dir });
    assert.deepEqual(await a.list(), []);
  }));
