// Expected failures of host services carry a contract error code and a message for the user.
import type { ErrorCode, Failure } from '../../shared/contract/host.ts';

export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** Turns any thrown value into a contract failure; unexpected errors become 'internal'. */
export function toFailure(e: unknown): Failure {
  if (e instanceof HostError) return { ok: false, code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) };
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && typeof err.code === 'string') {
    const path = err.path ? ` (${err.path})` : '';
    if (err.code === 'ENOENT') return { ok: false, code: 'not-found', message: `File or folder not found${path}.` };
    if (err.code === 'EACCES' || err.code === 'EPERM') return { ok: false, code: 'permission-denied', message: `Permission denied${path}.` };
    if (err.code === 'ENOSPC') return { ok: false, code: 'disk-full', message: `The disk is full${path}; nothing was overwritten.` };
  }
  return { ok: false, code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
