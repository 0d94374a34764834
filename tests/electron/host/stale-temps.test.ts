import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanStaleTemps } from '../../../electron/host/stale-temps.ts';
import { withTmp } from '../../fixtures/tmp.ts';

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

test('removes our temp files whose writer is gone or that are old; leaves everything else', () =>
  withTmp(async (dir) => {
    const dead = deadPid();
    const files: Record<string, string> = {
      // ours, writer gone: removed
      [`.muwazi-تقرير.annotations.json.${dead}.0123456789ab.tmp`]: 'x',
      [`.muwazi-تقرير.annotations.json.bak.${dead}.0123456789ab.tmp`]: 'x',
      [`.muwazi-a.annotations.json.lock.${dead}.01234567.stale`]: 'x',
      // ours, writer alive (this process) and young: kept (a save in progress)
      [`.muwazi-b.annotations.json.${process.pid}.abcdefabcdef.tmp`]: 'x',
      // ours by pattern, alive writer, but old: removed (pids are reused)
      [`.muwazi-c.annotations.json.${process.pid}.abcdefabcdef.tmp`]: 'old',
      // not ours: never touched
      '.muwazi-notes.txt': 'x',
      'report.tmp': 'x',
      [`.muwazi-d.json.${dead}.xyz.tmp`]: 'x',
      [`muwazi-e.json.${dead}.0123456789ab.tmp`]: 'x',
      'تقرير.annotations.json': '{}',
      'تقرير.annotations.json.bak': '{}',
      '.muwazi-a.annotations.json.lock': '{}',
    };
    for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(join(dir, `.muwazi-c.annotations.json.${process.pid}.abcdefabcdef.tmp`), old, old);
    await mkdir(join(dir, `.muwazi-dir.${dead}.0123456789ab.tmp`));
    const removed = await cleanStaleTemps(dir);
    assert.deepEqual(removed.sort(), [
      `.muwazi-a.annotations.json.lock.${dead}.01234567.stale`,
      `.muwazi-c.annotations.json.${process.pid}.abcdefabcdef.tmp`,
      `.muwazi-تقرير.annotations.json.${dead}.0123456789ab.tmp`,
      `.muwazi-تقرير.annotations.json.bak.${dead}.0123456789ab.tmp`,
    ].sort());
    const left = await readdir(dir);
    for (const name of Object.keys(files)) assert.equal(left.includes(name), !removed.includes(name), name);
    assert.ok(left.includes(`.muwazi-dir.${dead}.0123456789ab.tmp`), 'a folder is never removed');
  }));

test('an unreadable folder is left alone', async () => {
  assert.deepEqual(await cleanStaleTemps('/nonexistent/muwazi'), []);
});
