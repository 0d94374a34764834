// Stable ids: a prefix and a number. New ids take the largest number in use plus one, so an id is
// never reused within a file and saves stay deterministic.

export type IdPrefix = 's' | 't' | 'u' | 'm' | 'e';

/** The next free id for `prefix` among `ids`. */
export function nextId(prefix: IdPrefix, ids: Iterable<string>): string {
  let max = 0;
  for (const id of ids) {
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  return prefix + (max + 1);
}

/** An allocator that hands out consecutive ids after those already used. */
export function idAllocator(prefix: IdPrefix, ids: Iterable<string> = []): () => string {
  let n = Number(nextId(prefix, ids).slice(prefix.length));
  return () => prefix + n++;
}
