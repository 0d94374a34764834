import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpBridge, tokenFromHash, type EventSourceLike } from '../../renderer/api.ts';
import { API_PREFIX, TOKEN_HEADER, callNames } from '../../shared/contract/host.ts';

type Req = { url: string; init: RequestInit };

function fakeFetch(reply: (r: Req) => Response | Promise<Response>) {
  const seen: Req[] = [];
  const f = (async (url: string, init: RequestInit) => {
    const r = { url, init };
    seen.push(r);
    return reply(r);
  }) as unknown as typeof fetch;
  return { f, seen };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('each call is POST /api/<name> with the JSON request and the token header; the Result passes through', async () => {
  const { f, seen } = fakeFetch(() => json({ ok: true, value: { root: '/w', name: 'w', isSample: false, reports: [], settings: {} } }));
  const host = createHttpBridge({ token: 'tök-1', fetch: f, base: 'http://127.0.0.1:9' });
  const res = await host.openFolder({ path: '/home/ali/تقارير' });
  assert.equal(res.ok, true);
  assert.equal(seen.length, 1);
  assert.equal(seen[0].url, `http://127.0.0.1:9${API_PREFIX}openFolder`);
  assert.equal(seen[0].init.method, 'POST');
  assert.equal((seen[0].init.headers as Record<string, string>)[TOKEN_HEADER], 'tök-1');
  assert.deepEqual(JSON.parse(seen[0].init.body as string), { path: '/home/ali/تقارير' });
});

test('the client has exactly one method per contract call', () => {
  const { f } = fakeFetch(() => json({ ok: true, value: {} }));
  const host = createHttpBridge({ token: 't', fetch: f });
  for (const n of callNames) assert.equal(typeof host[n], 'function', n);
  assert.equal(typeof host.on, 'function');
});

test('failures come back as Failure, never as a throw: host failure, 403 without JSON, network error, odd body', async () => {
  const host1 = createHttpBridge({ token: 't', fetch: fakeFetch(() => json({ ok: false, code: 'not-found', message: 'No such folder: /x' }, 404)).f });
  assert.deepEqual(await host1.openFolder({ path: '/x' }), { ok: false, code: 'not-found', message: 'No such folder: /x' });
  const host2 = createHttpBridge({ token: 't', fetch: fakeFetch(() => new Response('nope', { status: 403 })).f });
  const r2 = await host2.appInfo({});
  assert.equal(r2.ok, false);
  assert.equal(!r2.ok && r2.code, 'forbidden');
  const host3 = createHttpBridge({ token: 't', fetch: fakeFetch(() => { throw new TypeError('Failed to fetch'); }).f });
  const r3 = await host3.appInfo({});
  assert.equal(!r3.ok && r3.code, 'internal');
  assert.match(!r3.ok ? r3.message : '', /Failed to fetch/);
  const host4 = createHttpBridge({ token: 't', fetch: fakeFetch(() => json([1, 2])).f });
  const r4 = await host4.appInfo({});
  assert.equal(!r4.ok && r4.code, 'internal');
});

test('events: one SSE stream with the token, payloads parsed, routed by name, unsubscribe works, bad data dropped', () => {
  const handlers = new Map<string, (ev: { data: string }) => void>();
  const urls: string[] = [];
  const es: EventSourceLike = { addEventListener: (type, l) => handlers.set(type, l), close() {} };
  const host = createHttpBridge({ token: 'a b', fetch: fakeFetch(() => json({})).f, eventSource: (u) => (urls.push(u), es) });
  const got: unknown[] = [];
  const off = host.on('exportProgress', (p) => got.push(p));
  host.on('menu', (p) => got.push(p));
  assert.deepEqual(urls, [`${API_PREFIX}events?token=a%20b`]);
  handlers.get('exportProgress')!({ data: JSON.stringify({ jobId: 'j', done: 1, total: 2 }) });
  handlers.get('menu')!({ data: '{bad json' });
  handlers.get('menu')!({ data: JSON.stringify({ command: 'save' }) });
  off();
  handlers.get('exportProgress')!({ data: JSON.stringify({ jobId: 'j', done: 2, total: 2 }) });
  assert.deepEqual(got, [{ jobId: 'j', done: 1, total: 2 }, { command: 'save' }]);
});

test('the token is read from the URL fragment', () => {
  assert.equal(tokenFromHash('#token=abc123&open=%2Ftmp%2Fw'), 'abc123');
  assert.equal(tokenFromHash(''), null);
});

test('browser mode: the token leaves the address once read, other hash parameters stay, a reload finds it in sessionStorage', async () => {
  const { takeToken, hashWithoutToken } = await import('../../renderer/api.ts');
  assert.equal(hashWithoutToken('#token=abc&open=%2Fw%2F%D8%AE%D8%A8%D8%B1'), '#open=%2Fw%2F%D8%AE%D8%A8%D8%B1');
  assert.equal(hashWithoutToken('#token=abc'), '');
  const store = new Map<string, string>();
  const win = {
    location: { hash: '#token=s3cret&open=%2Fw', pathname: '/', search: '' },
    history: { state: null, replaceState(_s: unknown, _t: string, url: string) { win.location.hash = url.slice(url.indexOf('#') >= 0 ? url.indexOf('#') : url.length); } },
    sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
  };
  assert.equal(takeToken(win as never), 's3cret');
  assert.equal(win.location.hash, '#open=%2Fw', 'the token is gone from the address; open= stays for the app');
  // a reload: no token in the address any more, the tab's storage has it
  assert.equal(takeToken(win as never), 's3cret');
});
