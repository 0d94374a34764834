// The saveReport request's validation, incremental (issue 17 item 2): each save carries the whole
// report, so the host keeps the last validated annotations of the few reports being edited (by the
// request's path) and runs the schema only on the rows that changed since
// (shared/model/validate-incremental.ts). The result, errors included, is the contract's.
import { z } from 'zod';
import { hostCalls } from '../../shared/contract/host.ts';
import type { Annotations } from '../../shared/model/types.ts';
import { parseAnnotationsAgainst } from '../../shared/model/validate-incremental.ts';

const SaveRequest = hostCalls.saveReport.request;
/** The request without its annotations: path, hash, no other fields. */
const Envelope = SaveRequest.extend({ annotations: z.unknown() });
type Parsed = ReturnType<typeof SaveRequest.safeParse>;

/** How many reports' last versions are kept (the open one and the one before; each is a whole
 * report in memory). */
const KEEP = 2;

export class SaveRequestParser {
  private readonly last = new Map<string, Annotations>();

  /** `annotations` (a schema output, not mutated afterwards) are the version of `path` the page now edits. */
  remember(path: string, annotations: Annotations): void {
    this.last.delete(path);
    this.last.set(path, annotations);
    if (this.last.size > KEEP) this.last.delete(this.last.keys().next().value as string);
  }

  /** What hostCalls.saveReport.request.safeParse(payload) gives; remembers the validated annotations. */
  parse(payload: unknown): Parsed {
    const env = Envelope.safeParse(payload ?? {});
    if (!env.success) return SaveRequest.safeParse(payload ?? {});
    const a = parseAnnotationsAgainst(this.last.get(env.data.path), env.data.annotations);
    if (!a.success) return SaveRequest.safeParse(payload);
    const annotations = a.data as Annotations;
    this.remember(env.data.path, annotations);
    return { success: true, data: { ...env.data, annotations } } as Parsed;
  }
}
