// Where two versions of a list differ, by identity: the store hands unchanged items from one save to
// the next as the very same objects, so comparing references finds what a save must look at again
// (the save's checks, check-since.ts, and its canonical order, sidecar.ts).

/** The first and last differing positions of `p` and `n` (by identity): [start, end in p, end in n). */
export function region<T>(p: readonly T[], n: readonly T[]): [number, number, number] {
  const m = Math.min(p.length, n.length);
  let s = 0;
  while (s < m && p[s] === n[s]) s++;
  let ep = p.length;
  let en = n.length;
  while (ep > s && en > s && p[ep - 1] === n[en - 1]) {
    ep--;
    en--;
  }
  return [s, ep, en];
}

/** Two lists of plain values, element by element. */
export const sameList = <T>(x: readonly T[], y: readonly T[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

/** Whether every row of `next` holds the same target sentences as the row at its place in `prev`
 * (the order of target sentences and English mentions follows the rows'). */
export function sameTargetRows(prev: readonly { target: readonly string[] }[], next: readonly { target: readonly string[] }[]): boolean {
  if (prev.length !== next.length) return false;
  const [s, e] = region(prev, next);
  for (let i = s; i < e; i++) if (prev[i] !== next[i] && !sameList(prev[i].target, next[i].target)) return false;
  return true;
}
