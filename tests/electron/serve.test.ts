import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile, copyFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../../electron/serve.ts';
import { API_PREFIX, TOKEN_HEADER } from '../../shared/contract/host.ts';
import { CSP } from '../../electron/host/csp.ts';

const samples = resolve('assets/samples');

async function setup(t: { after(fn: () => Promise<void>): void }): Promise<{ server: RunningServer; ws: string; tmp: string }> {
  const tmp = await mkdtemp(join(tmpdir(), 'muwazi-serve-'));
  const rendererDir = join(tmp, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Muwazi</title><script src="app.js"></script>');
  await writeFile(join(rendererDir, 'app.js'), 'document.documentElement.dataset.ready = "true";');
  await writeFile(join(tmp, 'secret.txt'), 'outside');
  const ws = join(tmp, 'ws');
  await mkdir(ws);
  for (const f of (await readdir(samples)).slice(0, 2)) await copyFile(join(samples, f), join(ws, f));
  const server = await startServer({ dataDir: join(tmp, 'data'), assetsDir: resolve('assets'), rendererDir, openPath: ws });
  t.after(async () => {
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  });
  return { server, ws, tmp };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP (not fetch) so the Host and Origin headers can be set freely. */
function http(server: RunningServer, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const port = Number(new URL(server.origin).port);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

function call(server: RunningServer, name: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return http(server, 'POST', API_PREFIX + name, { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers }, JSON.stringify(payload));
}

test('url carries a random token and the opened folder in the fragment', async (t) => {
  const { server, ws } = await setup(t);
  const url = new URL(server.url);
  assert.equal(url.hostname, '127.0.0.1');
  const frag = new URLSearchParams(url.hash.slice(1));
  assert.equal(frag.get('token'), server.token);
  assert.ok(server.token.length >= 40);
  assert.equal(frag.get('open'), ws);
  const other = await setup(t);
  assert.notEqual(other.server.token, server.token);
});

test('index.html is served with the strict CSP', async (t) => {
  const { server } = await setup(t);
  const r = await http(server, 'GET', '/');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-security-policy'], CSP);
  assert.match(String(r.headers['content-type']), /text\/html/);
  assert.match(r.body, /<title>Muwazi/);
  assert.match(CSP, /default-src 'none'/);
  assert.doesNotMatch(CSP, /unsafe/);
  const js = await http(server, 'GET', '/app.js');
  assert.match(String(js.headers['content-type']), /javascript/);
});

test('static files cannot escape the renderer folder', async (t) => {
  const { server } = await setup(t);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
    const r = await http(server, 'GET', p);
    assert.equal(r.status, 404, p);
    assert.doesNotMatch(r.body, /outside/);
  }
});

test('API calls without the right token are refused with 403', async (t) => {
  const { server } = await setup(t);
  const none = await http(server, 'POST', API_PREFIX + 'appInfo', { 'content-type': 'application/json' }, '{}');
  assert.equal(none.status, 403);
  assert.equal(JSON.parse(none.body).code, 'forbidden');
  const wrong = await call(server, 'appInfo', {}, { [TOKEN_HEADER]: 'x'.repeat(server.token.length) });
  assert.equal(wrong.status, 403);
  const ev = await http(server, 'GET', API_PREFIX + 'events');
  assert.equal(ev.status, 403);
});

test('a wrong Host header (DNS rebinding) or a foreign Origin is refused', async (t) => {
  const { server } = await setup(t);
  const port = new URL(server.origin).port;
  const evil = await call(server, 'appInfo', {}, { host: `evil.example:${port}` });
  assert.equal(evil.status, 403);
  const wrongPort = await http(server, 'GET', '/', { host: '127.0.0.1:1' });
  assert.equal(wrongPort.status, 403);
  const local = await call(server, 'appInfo', {}, { host: `localhost:${port}` });
  assert.equal(local.status, 200);
  const cross = await call(server, 'appInfo', {}, { origin: 'https://evil.example' });
  assert.equal(cross.status, 403);
  const same = await call(server, 'appInfo', {}, { origin: server.origin });
  assert.equal(same.status, 200);
});

test('the API works with the token: appInfo, listReports, validation and confinement', async (t) => {
  const { server, ws, tmp } = await setup(t);
  const info = JSON.parse((await call(server, 'appInfo', {})).body);
  assert.equal(info.ok, true);
  assert.equal(info.value.mode, 'browser');
  const list = JSON.parse((await call(server, 'listReports', { root: ws })).body);
  assert.equal(list.ok, true);
  assert.equal(list.value.reports.length, 2);
  const bad = JSON.parse((await call(server, 'listReports', { root: 42 })).body);
  assert.equal(bad.code, 'invalid-request');
  const out = JSON.parse((await call(server, 'readTextFile', { path: join(tmp, 'secret.txt') })).body);
  assert.equal(out.code, 'outside-workspace');
  const unknown = JSON.parse((await call(server, 'rmRf', {})).body);
  assert.equal(unknown.code, 'invalid-request');
  const notJson = await http(server, 'POST', API_PREFIX + 'appInfo', { 'content-type': 'text/plain', [TOKEN_HEADER]: server.token }, '{}');
  assert.equal(notJson.status, 415);
});

test('HTTP: the page may open system and hidden folders by no path; the start-up folder and its recents it may', async (t) => {
  const { server, ws } = await setup(t);
  for (const path of ['/etc', '/', '/usr/share', '/root/.ssh', '/proc/self']) {
    const r = JSON.parse((await call(server, 'openFolder', { path })).body);
    assert.ok(!r.ok && (r.code === 'forbidden' || r.code === 'not-found'), `${path}: ${JSON.stringify(r)}`);
    if (r.code === 'forbidden') assert.match(r.message, /never a hidden or system folder/);
  }
  const again = JSON.parse((await call(server, 'openFolder', { path: ws })).body);
  assert.equal(again.ok, true, 'the folder given at start-up stays openable');
  const recent = JSON.parse((await call(server, 'recentFolders', {})).body);
  assert.ok(recent.value.folders.some((f: { path: string }) => f.path === again.value.root));
});

test('bodies over the limit are refused', async (t) => {
  const tmp = await mkdtemp(join(tmpdir(), 'muwazi-serve-'));
  await mkdir(join(tmp, 'r'));
  const server = await startServer({ dataDir: join(tmp, 'd'), assetsDir: resolve('assets'), rendererDir: join(tmp, 'r'), maxBody: 1000 });
  t.after(async () => {
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  });
  const r = await call(server, 'appInfo', { pad: 'x'.repeat(5000) });
  assert.equal(r.status, 413);
  assert.equal(JSON.parse(r.body).code, 'too-large');
});

test('server-sent events deliver host events', async (t) => {
  const { server } = await setup(t);
  const port = Number(new URL(server.origin).port);
  const text = await new Promise<string>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: `${API_PREFIX}events?token=${server.token}`, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/event-stream/);
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        buf += c;
        // The first comment says the stream is subscribed: only then emit.
        if (buf.startsWith(': connected') && !buf.includes('event:')) server.service.emit('fileChanged', { path: '/x/تقرير 😀.txt', kind: 'source' });
        const at = buf.indexOf('event:');
        if (at >= 0 && buf.includes('\n\n', at)) {
          req.destroy();
          ok(buf);
        }
      });
    });
    req.on('error', fail);
    req.end();
  });
  const m = /event: (\w+)\ndata: (.*)\n\n/.exec(text);
  assert.ok(m, text);
  assert.equal(m[1], 'fileChanged');
  assert.deepEqual(JSON.parse(m[2]), { path: '/x/تقرير 😀.txt', kind: 'source' });
});
