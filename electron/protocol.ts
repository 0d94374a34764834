// The app:// protocol: Electron loads the renderer from `app://muwazi/…` (never file://, whose
// "null" origin breaks module loading and grants the page the whole disk), answering from the built
// renderer folder with the app's strict CSP. The file lookup is shared with the browser-mode server.
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve } from 'node:path';
import { contentTypeOf, SECURITY_HEADERS } from './host/csp.ts';
import { isInside } from './host/paths.ts';

/** Scheme of the app's pages. */
export const APP_SCHEME = 'app';
/** Origin of the app's pages (host fixed, so the origin is stable for storage). */
export const APP_ORIGIN = 'app://muwazi';
/** The renderer's entry page. */
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** The privileges Electron must give the scheme before `ready` (protocol.registerSchemesAsPrivileged). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false, bypassCSP: false },
} as const;

/** True when `url` is a page of the app (used to check IPC senders). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'muwazi';
  } catch {
    return false;
  }
}

/** A file of the renderer build, ready to send. */
export interface StaticFile {
  /** absolute path */
  file: string;
  body: Buffer;
  /** Content-Type header value */
  type: string;
}

/**
 * The renderer file a URL path names (`/` → index.html), or null when it does not exist or would
 * lie outside `rendererDir` (`..`, encoded or not).
 */
export async function readStaticFile(rendererDir: string, pathname: string): Promise<StaticFile | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const root = resolve(rendererDir);
  const file = join(root, normalize(rel));
  if (!isInside(root, file) || file === root) return null;
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) return null;
  return { file, body: await readFile(file), type: contentTypeOf(file) };
}

/**
 * The handler for `protocol.handle('app', …)`: GET only, host `muwazi` only, files from
 * `rendererDir` with the security headers (CSP included).
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'muwazi') return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: SECURITY_HEADERS });
    const found = await readStaticFile(rendererDir, url.pathname);
    if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.body), {
      status: 200,
      headers: { 'Content-Type': found.type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS },
    });
  };
}
