import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile, isOwnScratchFile } from '../../../electron/host/atomic-write.ts';
import { HostError } from '../../../electron/host/errors.ts';
import { withTmp } from '../../fixtures/tmp.ts';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

test('writes the file, keeps the previous version as .bak and the one before as .bak.2, leaves no temporary files', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'تقرير.annotations.json');
    await atomicWriteFile(f, 'الأولى 😀\n');
    assert.equal(await readFile(f, 'utf8'), 'الأولى 😀\n');
    assert.deepEqual(await readdir(dir), ['تقرير.annotations.json']);
    await atomicWriteFile(f, 'الثانية\n');
    await atomicWriteFile(f, 'الثالثة\n');
    assert.equal(await readFile(f, 'utf8'), 'الثالثة\n');
    assert.equal(await readFile(f + '.bak', 'utf8'), 'الثانية\n');
    assert.equal(await readFile(f + '.bak.2', 'utf8'), 'الأولى 😀\n');
    assert.deepEqual((await readdir(dir)).sort(), ['تقرير.annotations.json', 'تقرير.annotations.json.bak', 'تقرير.annotations.json.bak.2']);
  }));

test('pieces are written one after the other, more of them than one writev takes (IOV_MAX 1024)', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'قطع.annotations.json');
    const words = Array.from({ length: 3000 }, (_, i) => `كلمة ${i} 😀\n`);
    await atomicWriteFile(f, words.map((w) => Buffer.from(w, 'utf8')));
    assert.equal(await readFile(f, 'utf8'), words.join(''));
    await atomicWriteFile(f, []);
    assert.equal(await readFile(f, 'utf8'), '');
    assert.deepEqual((await readdir(dir)).sort(), ['قطع.annotations.json', 'قطع.annotations.json.bak']);
  }));

test('disk full while writing: HostError disk-full, file and .bak unchanged, temp file removed', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    await atomicWriteFile(f, 'v1');
    await atomicWriteFile(f, 'v2');
    await assert.rejects(
      atomicWriteFile(f, 'v3', { fs: { write: async () => { throw errno('ENOSPC'); } } }),
      (e: unknown) => e instanceof HostError && e.code === 'disk-full' && /disk is full: a\.json could not be saved\. The file on disk is unchanged/.test(e.message),
    );
    assert.equal(await readFile(f, 'utf8'), 'v2');
    assert.equal(await readFile(f + '.bak', 'utf8'), 'v1');
    assert.deepEqual((await readdir(dir)).sort(), ['a.json', 'a.json.bak']);
  }));

test('permission denied creating the temp file or renaming: specific message, file unchanged', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    await atomicWriteFile(f, 'v1');
    await assert.rejects(
      atomicWriteFile(f, 'v2', { fs: { open: async () => { throw errno('EACCES'); } } }),
      (e: unknown) => e instanceof HostError && e.code === 'permission-denied' && e.message.includes(dir),
    );
    await assert.rejects(
      atomicWriteFile(f, 'v2', { fs: { rename: async (from: string, to: string) => { if (to === f) throw errno('EPERM'); return rename(from, to); } } }),
      (e: unknown) => e instanceof HostError && e.code === 'permission-denied',
    );
    assert.equal(await readFile(f, 'utf8'), 'v1');
    assert.deepEqual((await readdir(dir)).filter((n) => n.endsWith('.tmp')), []);
  }));

test('fsync failure (I/O error) also leaves the file as it was', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    await writeFile(f, 'old');
    await assert.rejects(atomicWriteFile(f, 'new', { fs: { sync: async () => { throw errno('EIO'); } } }), (e: unknown) => e instanceof HostError && e.code === 'internal' && /unchanged/.test(e.message));
    assert.equal(await readFile(f, 'utf8'), 'old');
    assert.deepEqual(await readdir(dir), ['a.json']);
  }));

test('without hard links (FAT, network shares) the .bak is copied', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'a.json');
    await atomicWriteFile(f, 'v1');
    await atomicWriteFile(f, 'v2', { fs: { link: async () => { throw errno('EPERM'); } } });
    assert.equal(await readFile(f, 'utf8'), 'v2');
    assert.equal(await readFile(f + '.bak', 'utf8'), 'v1');
  }));

test('scratch file names are recognisable for the watcher', () => {
  assert.ok(isOwnScratchFile('.muwazi-a.annotations.json.123.abcdef.tmp'));
  assert.ok(isOwnScratchFile('a.annotations.json.bak'));
  assert.ok(isOwnScratchFile('a.annotations.json.bak.2'));
  assert.ok(isOwnScratchFile('.muwazi-a.annotations.json.lock'));
  assert.ok(isOwnScratchFile('.muwazi-a.annotations.json.lock.123.abcdef01.stale'));
  assert.ok(!isOwnScratchFile('.muwazi-notes.txt'));
  assert.ok(!isOwnScratchFile('a.annotations.json'));
  assert.ok(!isOwnScratchFile('a.txt'));
});

test('beforeRename runs before the new version takes the name; its failure leaves the file as it was', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'تقرير.annotations.json');
    await atomicWriteFile(f, 'القديمة\n');
    let seen = '';
    await atomicWriteFile(f, 'الجديدة 😀\n', {
      beforeRename: async () => {
        seen = await readFile(f, 'utf8');
      },
    });
    assert.equal(seen, 'القديمة\n');
    assert.equal(await readFile(f, 'utf8'), 'الجديدة 😀\n');
    await assert.rejects(
      atomicWriteFile(f, 'لن تُكتب\n', {
        beforeRename: () => {
          throw Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' });
        },
      }),
      (e) => e instanceof HostError && e.code === 'permission-denied',
    );
    assert.equal(await readFile(f, 'utf8'), 'الجديدة 😀\n');
    assert.equal(await readFile(f + '.bak', 'utf8'), 'القديمة\n');
    assert.deepEqual((await readdir(dir)).sort(), ['تقرير.annotations.json', 'تقرير.annotations.json.bak']);
  }));

test('a failure between the backup and the rename keeps the older version (.bak.2) and the target', () =>
  withTmp(async (dir) => {
    const f = join(dir, 'تقرير.json');
    await atomicWriteFile(f, 'v1');
    await atomicWriteFile(f, 'v2');
    // the backup step has run (.bak is now v2, v1 moved to .bak.2); the final rename fails, as a kill there would
    const failFinal = async (from: string, to: string) => {
      if (to === f) throw errno('EIO');
      await rename(from, to);
    };
    await assert.rejects(atomicWriteFile(f, 'v3', { fs: { rename: failFinal } }), HostError);
    assert.equal(await readFile(f, 'utf8'), 'v2');
    assert.equal(await readFile(f + '.bak', 'utf8'), 'v2');
    assert.equal(await readFile(f + '.bak.2', 'utf8'), 'v1', 'the version before the last is still there');
  }));
