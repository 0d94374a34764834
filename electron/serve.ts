// Browser mode: the same renderer and the same host service, served on the loopback interface.
// A random per-run token guards the API (sent in a header; the page gets it in the URL fragment,
// which browsers never send to servers); the Host header is checked against DNS rebinding and the
// Origin header, when present, against cross-site requests. Static files get the app's strict CSP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, TOKEN_HEADER, type Result } from '../shared/contract/host.ts';
import { SECURITY_HEADERS } from './host/csp.ts';
import { readStaticFile } from './protocol.ts';
import { createHostService, type HostService, type HostServiceOptions } from './host/service.ts';

/** Options of `startServer`. */
export interface ServerOptions {
  /** interface to listen on; only loopback is allowed */
  host?: '127.0.0.1';
  /** port; 0 (default) picks a free one */
  port?: number;
  /** the app's writable data folder */
  dataDir: string;
  /** the bundled assets folder (samples/) */
  assetsDir: string;
  /** the built renderer (dist/renderer) */
  rendererDir: string;
  /** a folder to open at start; passed to the page as `open=` in the URL fragment */
  openPath?: string;
  /** largest accepted request body in bytes (default 64 MB: a 10,000-row sidecar is a few MB) */
  maxBody?: number;
  /** extra host service options (tests inject services here) */
  service?: Partial<Omit<HostServiceOptions, 'dataDir' | 'assetsDir' | 'mode'>>;
}

/** A running browser-mode server. */
export interface RunningServer {
  /** the page to open: origin + `/#token=…` (+ `&open=…`) */
  url: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** the per-run API token */
  token: string;
  /** the host service behind the API (tests emit events through it) */
  service: HostService;
  /** stops the server, ends event streams and closes the service */
  close(): Promise<void>;
}

const SSE_HEARTBEAT_MS = 20_000;

function sameToken(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(data);
}

function forbidden(res: ServerResponse, message: string): void {
  sendJson(res, 403, { ok: false, code: 'forbidden', message });
}

/** Reads a request body up to `limit` bytes; null when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolveBody(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Starts the browser-mode server. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('browser mode listens on 127.0.0.1 only');
  const token = randomBytes(32).toString('base64url');
  const rendererDir = resolve(opts.rendererDir);
  const maxBody = opts.maxBody ?? 64 * 1024 * 1024;
  const service = createHostService({ ...opts.service, dataDir: opts.dataDir, assetsDir: opts.assetsDir, mode: 'browser' });
  const streams = new Set<ServerResponse>();
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    const found = await readStaticFile(rendererDir, pathname);
    if (!found && pathname === '/favicon.ico') {
      // Browsers ask for it on their own; answering 204 keeps the console free of a 404.
      res.writeHead(204, SECURITY_HEADERS).end();
      return;
    }
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
      return;
    }
    const body = found.body;
    res.writeHead(200, { 'Content-Type': found.type, 'Content-Length': body.length, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!sameToken(url.searchParams.get('token'), token)) return forbidden(res, 'Missing or wrong token.');
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(': connected\n\n');
    streams.add(res);
    const off = service.on((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    // Comments keep idle connections from being dropped by the browser.
    const beat = setInterval(() => res.write(': ping\n\n'), SSE_HEARTBEAT_MS);
    beat.unref();
    const end = () => {
      clearInterval(beat);
      off();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('close', end);
  }

  async function serveCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST', ...SECURITY_HEADERS }).end();
      return;
    }
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, token)) return forbidden(res, 'Missing or wrong token.');
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      sendJson(res, 415, { ok: false, code: 'invalid-request', message: 'The request body must be JSON (Content-Type: application/json).' });
      return;
    }
    const body = await readBody(req, maxBody);
    if (body === null) {
      sendJson(res, 413, { ok: false, code: 'too-large', message: `The request is larger than ${maxBody} bytes.` });
      return;
    }
    let payload: unknown;
    try {
      payload = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      sendJson(res, 400, { ok: false, code: 'invalid-request', message: 'The request body is not valid JSON.' });
      return;
    }
    sendJson(res, 200, await service.handle(name, payload));
  }

  const server = createServer((req, res) => {
    (async () => {
      // DNS rebinding: a page on another name resolving to 127.0.0.1 sends its own Host.
      if (!allowedHosts().includes(req.headers.host ?? '')) return forbidden(res, 'Wrong Host header.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().includes(origin)) return forbidden(res, 'Cross-origin requests are refused.');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname === `${API_PREFIX}events`) return serveEvents(req, res, url);
      if (url.pathname.startsWith(API_PREFIX)) return serveCall(req, res, url.pathname.slice(API_PREFIX.length));
      return serveStatic(req, res, url.pathname);
    })().catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'internal', message: e instanceof Error ? e.message : String(e) });
      else res.destroy();
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  let fragment = `#token=${token}`;
  const close = async () => {
    for (const s of streams) s.end();
    streams.clear();
    await new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
    await service.close();
  };
  if (opts.openPath) {
    // Registered now so the page's first openFolder finds it; errors show up at start, not later.
    try {
      const ws = await service.openFolder(opts.openPath);
      fragment += `&open=${encodeURIComponent(ws.root)}`;
    } catch (e) {
      await close();
      throw e;
    }
  }
  return { url: `${origin}/${fragment}`, origin, token, service, close };
}
