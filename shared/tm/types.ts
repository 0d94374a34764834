// The translation-memory types the shared core and the host share: the contract's, re-exported so
// shared/tm never declares them twice.
export type { TmMatch, ConcordanceHit } from '../contract/host.ts';
import type { z } from 'zod';
import type { TmOriginSchema } from '../contract/host.ts';

/** Where a memory unit comes from (a report row or a TMX unit). */
export type TmOrigin = z.infer<typeof TmOriginSchema>;
