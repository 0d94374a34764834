// The name review stamps comments and accepted rows with: the host's user name (set in Settings,
// else the OS user; format 1.1 provenance), asked once per session and cached.
import type { HostBridge } from '../../shared/contract/host.ts';

/** Returns a function giving the current user's name (a neutral fallback when the host cannot say). */
export function userNameSource(host: HostBridge, fallback = 'reviewer'): () => Promise<string> {
  let cached: string | null = null;
  return async () => {
    if (cached) return cached;
    const res = await host.userName({});
    cached = res.ok && res.value.name.trim() ? res.value.name.trim() : fallback;
    return cached;
  };
}
