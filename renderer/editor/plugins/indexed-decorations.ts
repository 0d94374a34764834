// Decorations for a 10,000-row document without a per-keystroke cost that grows with them.
//
// On every view update ProseMirror walks the document's rows and asks the decoration set for
// each row's share (DecorationSet.forChild). That method scans the set's per-child index from
// its start and then every decoration kept at the top level (node decorations on rows, such as
// low-confidence highlighting): O(rows × decorated rows) per keystroke. With 1,700 suggestions
// spread over the report that was ~4 ms of every keystroke.
//
// `indexed(set)` returns the same decorations as a DecorationSet whose forChild finds the row's
// share in O(1) when asked in document order (else by binary search) and skips the top-level
// scan when it holds no inline decorations (only those are handed down to children; node
// decorations reach the view through locals()). The
// result is cached per set, so an unchanged set stays the same object and the view's identity
// check still skips work. It relies on two fields of prosemirror-view's DecorationSet (`local`,
// `children`: [start, end, set] triples sorted by start), pinned by package-lock and checked
// against DecorationSet's own forChild in tests/renderer/editor/plugins/indexed-decorations.test.ts.
import type { Node as PMNode } from 'prosemirror-model';
import { DecorationSet, type Decoration, type DecorationSource } from 'prosemirror-view';

/** The internal shape of a DecorationSet that the index reads. */
interface SetInternals {
  local: readonly Decoration[];
  children: readonly (number | DecorationSet)[];
}

/** What the subclass sees of DecorationSet (its constructor is internal, so not typed). */
interface SetBase {
  forChild(offset: number, node: PMNode): DecorationSource;
}
type SetConstructor = new (local: readonly Decoration[], children: readonly (number | DecorationSet)[]) => SetBase;

class IndexedSet extends (DecorationSet as unknown as SetConstructor) {
  /** some top-level decoration is inline (then forChild must look at them, as the original does) */
  private readonly inlineLocal: boolean;

  constructor(set: DecorationSet) {
    const s = set as unknown as SetInternals;
    super(s.local, s.children);
    this.inlineLocal = s.local.some((d) => (d as unknown as { inline: boolean }).inline);
  }

  /** index (in triples) of the first child starting at or after the last offset asked for: the
   * view asks for rows in document order, so the next answer is usually right there */
  private cursor = 0;

  override forChild(offset: number, node: PMNode): DecorationSource {
    if (this.inlineLocal) return super.forChild(offset, node);
    if (node.isLeaf) return DecorationSet.empty;
    const children = (this as unknown as SetInternals).children;
    const n = children.length / 3;
    let c = this.cursor;
    if (!(c <= n && (c === n || (children[c * 3] as number) >= offset) && (c === 0 || (children[(c - 1) * 3] as number) < offset))) {
      // not in order: binary search for the first triple starting at or after `offset`
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((children[mid * 3] as number) < offset) lo = mid + 1;
        else hi = mid;
      }
      c = lo;
    }
    if (c < n && children[c * 3] === offset) {
      this.cursor = c + 1;
      return children[c * 3 + 2] as DecorationSet;
    }
    this.cursor = c;
    return DecorationSet.empty;
  }
}

const cache = new WeakMap<DecorationSet, DecorationSet>();

/** The same decorations with a cheap forChild at the top level (see above); the empty set stays itself. */
export function indexed(set: DecorationSet): DecorationSet {
  if (set === DecorationSet.empty) return set;
  let out = cache.get(set);
  if (!out) cache.set(set, (out = new IndexedSet(set) as unknown as DecorationSet));
  return out;
}
