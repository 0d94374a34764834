// The bytes of a sidecar, reusing the UTF-8 of rows unchanged since the last save (issue 17 item 2).
// A save after a one-row edit used to serialise and encode all 11.7 MB of a fully tagged
// 10,000-row report (≈ 45 % of its CPU time). serializeInPieces hands the row lists over in
// chunks of ~64 items; a chunk made of the very same item objects as a chunk of the previous save
// of that report is taken as bytes from it, any other is rendered and encoded. The bytes are
// identical to Buffer.from(serializeAnnotations(a)) (tested).
//
// Identity is the key, so this relies on the rule saveReport already states for validated
// annotations: a saved item object is never mutated afterwards (the host service's requests are
// fresh copies from IPC; the incremental validator hands back the previous request's objects only
// for items equal to them). The cached items are frozen, so a caller breaking the rule gets a
// TypeError instead of a stale file.
import { serializeInPieces, type RowList } from '../../shared/formats/sidecar.ts';
import type { Annotations } from '../../shared/model/types.ts';

interface Chunk {
  items: readonly object[];
  bytes: Buffer;
}

/** How many reports' chunks are kept (the open one and the one before: ~12 MB each when fully tagged). */
const KEEP = 2;
/** Per sidecar path: the version last serialised (its canonical order is known) and its chunks. */
const byPath = new Map<string, { model: Annotations; chunks: Map<object, Chunk> }>();

function sameItems(x: readonly object[], y: readonly object[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Chunks the last sidecarBytes call rendered and reused (tests, benches). */
let counts = { rendered: 0, reused: 0 };
export function lastSidecarBytesCounts(): { rendered: number; reused: number } {
  return { ...counts };
}

/** Forgets every kept chunk (tests). */
export function forgetSidecarBytes(): void {
  byPath.clear();
}

/** The UTF-8 of the short texts between chunks (mostly ",\n"), made once. */
const small = new Map<string, Buffer>();
function textBytes(s: string): Buffer {
  if (s.length > 8) return Buffer.from(s, 'utf8');
  let b = small.get(s);
  if (!b) small.set(s, (b = Buffer.from(s, 'utf8')));
  return b;
}

/**
 * Buffer.from(serializeAnnotations(a)) as pieces to write one after the other (not joined: that
 * would copy the 12 MB once more), reusing the bytes of chunks unchanged since the last call for
 * `key` (the sidecar's path). `a` must be AnnotationsSchema output whose items are not mutated
 * afterwards (see the header).
 */
export function sidecarBytes(key: string, a: Annotations): Buffer[] {
  counts = { rendered: 0, reused: 0 };
  const last = byPath.get(key);
  const before = last?.chunks;
  // keyed by a chunk's list and first item: the list decides how the items render
  const next = new Map<object, Chunk>();
  const pieces = serializeInPieces<Buffer>(a, {
    text: textBytes,
    chunk: (_list: RowList, items, render) => {
      const old = before?.get(items[0]);
      if (old && sameItems(old.items, items)) {
        next.set(items[0], old);
        counts.reused++;
        return old.bytes;
      }
      counts.rendered++;
      const bytes = Buffer.from(render(), 'utf8');
      for (const x of items) Object.freeze(x);
      next.set(items[0], { items, bytes });
      return bytes;
    },
  }, last?.model);
  byPath.delete(key);
  byPath.set(key, { model: a, chunks: next });
  if (byPath.size > KEEP) byPath.delete(byPath.keys().next().value as string);
  return pieces;
}

/**
 * Renders and keeps the bytes of a report's rows as loaded, so the first save after opening reuses
 * every chunk its edit did not touch instead of rendering all of them (≈ 60 ms CPU for a fully
 * tagged 10,000-row report). The host service calls it in the background right after an open;
 * `a` is the loaded model the next save is validated and stamped against (never mutated after).
 */
export function prepareSidecarBytes(key: string, a: Annotations): void {
  sidecarBytes(key, a);
}
