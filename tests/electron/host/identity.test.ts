import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { currentUserName, osUserName, readIdentity, writeUserName } from '../../../electron/host/identity.ts';
import { withTmp } from '../../fixtures/tmp.ts';

const NO_ENV = {};

test('the name defaults to the OS user until one is set; setting it keeps other preferences', () => withTmp(async (dir) => {
  assert.deepEqual(await readIdentity(dir, NO_ENV), { name: osUserName(NO_ENV), isDefault: true });
  await writeFile(join(dir, 'preferences.json'), JSON.stringify({ other: 1 }));
  await writeUserName(dir, '  ليلى الحسن  ');
  assert.deepEqual(await readIdentity(dir, NO_ENV), { name: 'ليلى الحسن', isDefault: false });
  assert.deepEqual(JSON.parse(await readFile(join(dir, 'preferences.json'), 'utf8')), { other: 1, userName: 'ليلى الحسن' });
  // an empty name goes back to the default
  await writeUserName(dir, '   ');
  assert.equal((await readIdentity(dir, NO_ENV)).isDefault, true);
}));

test('MUWAZI_USER overrides; an unreadable file is the default, never an error', () => withTmp(async (dir) => {
  await writeFile(join(dir, 'preferences.json'), '{ not json');
  assert.equal(await currentUserName(dir, NO_ENV), osUserName(NO_ENV));
  assert.equal(await currentUserName(dir, { MUWAZI_USER: 'عمر' }), 'عمر');
  await writeUserName(dir, 'x'.repeat(500));
  assert.equal((await currentUserName(dir, NO_ENV)).length, 200);
}));
