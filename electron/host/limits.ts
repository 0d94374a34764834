// The largest source file accepted, and the message that refuses a larger one (reports, and the
// CLI's segment/tokenize/align inputs). Apart from report-store.ts (which re-exports them) so the
// command line can check a size without loading the store.
import { basename } from 'node:path';

/** Largest source accepted: larger files are not news reports and would make the editor unusable. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

const MiB = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;

/** Why a file over MAX_SOURCE_BYTES is refused. */
export function tooLargeMessage(path: string, size: number): string {
  return `${basename(path)} is ${MiB(size)}; the limit is ${MiB(MAX_SOURCE_BYTES)} (${MAX_SOURCE_BYTES} bytes). Split it into smaller reports.`;
}
