// One wrapper for the parts of the UI that learn the open workspace (tag set, glossary root, QA's
// switched-off checks) from the host's answers: every call that answers a Workspace passes it to
// `learn` after it succeeded. Written once so a new workspace-answering call (openRecent) reaches
// every listener, instead of one hand-kept list per panel.
import type { HostBridge, Workspace } from '../../shared/contract/host.ts';

/** The host calls whose successful answer is the opened workspace. */
const WORKSPACE_CALLS = ['openFolder', 'openRecent', 'openSample', 'openFolderDialog', 'listReports', 'saveSettings'] as const;

/** `host` with `learn` called on each workspace it answers (null from a cancelled folder dialog is skipped). */
export function watchWorkspace(host: HostBridge, learn: (ws: Workspace) => void): HostBridge {
  const wrapped: HostBridge = { ...host, on: host.on.bind(host) as HostBridge['on'] };
  for (const name of WORKSPACE_CALLS) {
    const call = host[name] as (req: unknown) => Promise<{ ok: boolean; value?: Workspace | null }>;
    (wrapped as unknown as Record<string, unknown>)[name] = async (req: unknown) => {
      const r = await call.call(host, req);
      if (r.ok && r.value) learn(r.value);
      return r;
    };
  }
  return wrapped;
}
