import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppProtocolHandler, isAppUrl, readStaticFile } from '../../electron/protocol.ts';
import { CSP } from '../../electron/host/csp.ts';

async function renderer(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const tmp = await mkdtemp(join(tmpdir(), 'muwazi-proto-'));
  t.after(() => rm(tmp, { recursive: true, force: true }));
  const dir = join(tmp, 'renderer');
  await mkdir(join(dir, 'fonts'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>موازي</title>');
  await writeFile(join(dir, 'fonts', 'naskh.woff2'), 'font');
  await writeFile(join(tmp, 'secret.txt'), 'secret');
  return dir;
}

test('app:// serves the renderer with the strict CSP', async (t) => {
  const handle = createAppProtocolHandler(await renderer(t));
  const r = await handle(new Request('app://muwazi/index.html'));
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-security-policy'), CSP);
  assert.match(r.headers.get('content-type')!, /text\/html/);
  assert.match(await r.text(), /موازي/);
  const root = await handle(new Request('app://muwazi/'));
  assert.equal(root.status, 200);
  const font = await handle(new Request('app://muwazi/fonts/naskh.woff2'));
  assert.equal(font.headers.get('content-type'), 'font/woff2');
});

test('app:// serves the spell check\'s dictionary files as UTF-8 text, with the CSP (the renderer fetches them)', async (t) => {
  const dir = await renderer(t);
  await mkdir(join(dir, 'dict'));
  await writeFile(join(dir, 'dict', 'en.dic'), '2\ncolor/MS\ncafé\n');
  const r = await createAppProtocolHandler(dir)(new Request('app://muwazi/dict/en.dic'));
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(r.headers.get('content-security-policy'), CSP);
  assert.match(await r.text(), /café/);
  assert.match(CSP, /connect-src 'self'/);
});

test('app:// refuses other hosts, other methods and paths out of the renderer folder', async (t) => {
  const dir = await renderer(t);
  const handle = createAppProtocolHandler(dir);
  assert.equal((await handle(new Request('app://other/index.html'))).status, 404);
  assert.equal((await handle(new Request('app://muwazi/index.html', { method: 'POST', body: 'x' }))).status, 405);
  assert.equal((await handle(new Request('app://muwazi/missing.js'))).status, 404);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) assert.equal(await readStaticFile(dir, p), null, p);
});

test('isAppUrl accepts only app://muwazi pages', () => {
  assert.equal(isAppUrl('app://muwazi/index.html#open=%2Ftmp'), true);
  for (const u of ['app://evil/index.html', 'file:///index.html', 'http://127.0.0.1/', '', null, undefined, 'nonsense']) assert.equal(isAppUrl(u), false, String(u));
});
