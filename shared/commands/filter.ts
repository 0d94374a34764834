// The command palette's filter: a command matches when every word of the query is found in its
// English name, its Arabic name or its id, whatever the UI language. Arabic is compared folded
// (harakat, tatweel and hamza/alef variants ignored: shared/text/normalize.ts's nameKey), Latin
// case-insensitively; names that start with the query rank first, then catalog order.
import { nameKey } from '../text/normalize.ts';

/** What the filter reads of a command. */
export interface Filterable {
  id: string;
  /** its names in every UI language */
  names: readonly string[];
}

const fold = (s: string) => nameKey(s).toLowerCase();

/** The commands matching `query`, best first (an empty query keeps them all, in order). */
export function filterCommands<T extends Filterable>(items: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...items];
  const scored: Array<{ item: T; rank: number; i: number }> = [];
  items.forEach((item, i) => {
    const hay = [...item.names, item.id].map(fold);
    if (!words.every((w) => hay.some((h) => h.includes(w)))) return;
    const starts = hay.some((h) => h.startsWith(words[0]) || h.includes(` ${words[0]}`));
    scored.push({ item, rank: starts ? 0 : 1, i });
  });
  return scored.sort((a, b) => a.rank - b.rank || a.i - b.i).map((s) => s.item);
}
