// The renderer's one way to reach the host. In Electron the preload exposes `window.muwazi` (a
// HostBridge); in browser mode this module builds the same HostBridge over HTTP, following the
// protocol written in shared/contract/host.ts. Either way the type comes from the contract.
import {
  API_PREFIX, TOKEN_HEADER, callNames, eventNames,
  type CallName, type EventName, type Failure, type HostApi, type HostBridge, type HostEvents, type Result,
} from '../shared/contract/host.ts';

/** What the HTTP client needs from its environment (injected so tests can fake it). */
export interface HttpBridgeOptions {
  /** the per-run token from the URL fragment `#token=…` */
  token: string;
  /** origin-relative base, normally '' (same origin as the page) */
  base?: string;
  fetch: typeof fetch;
  /** opens a server-sent-events stream; absent → events are not delivered */
  eventSource?: (url: string) => EventSourceLike;
}

/** The part of EventSource the client uses. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (ev: { data: string }) => void): void;
  close(): void;
}

function failure(code: Failure['code'], message: string): Failure {
  return { ok: false, code, message };
}

/** A HostBridge speaking the browser-mode HTTP protocol. */
export function createHttpBridge(opts: HttpBridgeOptions): HostBridge {
  const base = opts.base ?? '';
  const listeners = new Map<EventName, Set<(p: never) => void>>();
  let source: EventSourceLike | null = null;

  async function invoke(name: CallName, req: unknown): Promise<Result<unknown>> {
    let res: Response;
    try {
      res = await opts.fetch(`${base}${API_PREFIX}${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: opts.token },
        body: JSON.stringify(req ?? {}),
      });
    } catch (e) {
      // the host process is gone or unreachable: say so instead of throwing into the UI
      return failure('internal', `The Muwazi host did not answer (${e instanceof Error ? e.message : String(e)}).`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      return failure(res.status === 403 ? 'forbidden' : 'internal', `The host answered ${res.status} without a result.`);
    }
    if (body && typeof body === 'object' && 'ok' in body && typeof (body as { ok: unknown }).ok === 'boolean') {
      return body as Result<unknown>;
    }
    return failure('internal', `The host answered ${res.status} with an unexpected body.`);
  }

  function ensureEvents(): void {
    if (source || !opts.eventSource) return;
    source = opts.eventSource(`${base}${API_PREFIX}events?token=${encodeURIComponent(opts.token)}`);
    for (const name of eventNames) {
      source.addEventListener(name, (ev) => {
        let payload: unknown;
        try {
          payload = JSON.parse(ev.data);
        } catch {
          return; // a malformed event is dropped, never thrown into a listener
        }
        for (const l of listeners.get(name) ?? []) (l as (p: unknown) => void)(payload);
      });
    }
  }

  const api = Object.fromEntries(callNames.map((name) => [name, (req: unknown) => invoke(name, req)])) as unknown as HostApi;
  return Object.assign(api, {
    on<E extends EventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void {
      ensureEvents();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: never) => void);
      return () => set.delete(listener as (p: never) => void);
    },
  });
}

/** The token in a location fragment like `#token=abc&x=y`, or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('token');
}

/** The hash without its `token` parameter ('' when nothing else is left). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

const TOKEN_KEY = 'muwazi.token';

/** What takeToken needs of a window. */
export type TokenWindow = Pick<Window, 'location' | 'history' | 'sessionStorage'>;

/**
 * Browser mode's per-run token: taken from the URL fragment the server opened, then removed from the
 * address (it would otherwise sit in the history, in screenshots and in any copied link) and kept in
 * this tab's sessionStorage so a reload still works.
 */
export function takeToken(win: TokenWindow): string {
  const token = tokenFromHash(win.location.hash);
  if (token) {
    try {
      win.sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // no storage: a reload will ask for the token again (the server prints the URL)
    }
    win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search + hashWithoutToken(win.location.hash));
    return token;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The host bridge for this page: the preload's in Electron, the HTTP client in browser mode. */
export function getHost(win: Window & { muwazi?: HostBridge } = window): HostBridge {
  if (win.muwazi) return win.muwazi;
  const token = takeToken(win);
  return createHttpBridge({
    token,
    fetch: win.fetch.bind(win),
    eventSource: (url) => new EventSource(url),
  });
}
