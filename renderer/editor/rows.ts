// How rows sit in the document: `doc > row_group+ > row+` (schema.ts). Every other module reaches
// rows through here, by GLOBAL index (0 … rowCount-1) and position, never through doc.child(i).
//
// Depths of a resolved position: 1 group, 2 row, 3 cell, 4 sentence (ROW_DEPTH … SENTENCE_DEPTH).
// Index lookups are O(log groups + group size): a per-document cache (WeakMap keyed by the doc node,
// built once per document version in O(groups)) holds each group's first row index and position.
import { Fragment, type Node as PMNode, type ResolvedPos, type Schema } from 'prosemirror-model';

/** Rows per group when a document is built (convert.ts). Measured (docs/NOTES.md, Session 5): a dirty
 * row costs a layout of its group, so smaller is cheaper per edit; 100 keeps the top level at 100
 * groups for 10,000 rows, so ProseMirror's top-level walk is short too. */
export const ROWS_PER_GROUP = 100;

export const GROUP_DEPTH = 1;
export const ROW_DEPTH = 2;
export const CELL_DEPTH = 3;
export const SENTENCE_DEPTH = 4;

/** A row with its position (before the row) and its global index. */
export interface RowAt {
  row: PMNode;
  pos: number;
  index: number;
}

interface GroupIndex {
  /** first global row index of each group, plus the total row count at the end */
  first: number[];
  /** position before each group */
  pos: number[];
}

const cache = new WeakMap<PMNode, GroupIndex>();

function groupIndex(doc: PMNode): GroupIndex {
  let gi = cache.get(doc);
  if (!gi) {
    const first: number[] = [];
    const pos: number[] = [];
    let n = 0;
    doc.forEach((group, offset) => {
      first.push(n);
      pos.push(offset);
      n += group.childCount;
    });
    first.push(n);
    gi = { first, pos };
    cache.set(doc, gi);
  }
  return gi;
}

/** Number of rows in the document. */
export function rowCount(doc: PMNode): number {
  const f = groupIndex(doc).first;
  return f[f.length - 1];
}

/** The group holding global row `index` (binary search over first indexes). */
function groupOf(gi: GroupIndex, index: number): number {
  let lo = 0;
  let hi = gi.first.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (gi.first[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The row at global `index`, or null when out of range. */
export function rowAt(doc: PMNode, index: number): RowAt | null {
  if (!Number.isInteger(index) || index < 0 || index >= rowCount(doc)) return null;
  const gi = groupIndex(doc);
  const g = groupOf(gi, index);
  const group = doc.child(g);
  let pos = gi.pos[g] + 1;
  const k = index - gi.first[g];
  for (let i = 0; i < k; i++) pos += group.child(i).nodeSize;
  return { row: group.child(k), pos, index };
}

/** The row containing resolved position `$p` (depth ≥ 2), or null between rows. */
export function rowOf($p: ResolvedPos): RowAt | null {
  if ($p.depth < ROW_DEPTH) return null;
  const gi = groupIndex($p.doc);
  return { row: $p.node(ROW_DEPTH), pos: $p.before(ROW_DEPTH), index: gi.first[$p.index(0)] + $p.index(GROUP_DEPTH) };
}

/** The global index of the row containing `pos`, or -1 between rows. */
export function rowIndexAt(doc: PMNode, pos: number): number {
  return rowOf(doc.resolve(pos))?.index ?? -1;
}

/** The row `dir` rows away from `from` (across group boundaries), or null past either end. */
export function neighbourRow(doc: PMNode, from: RowAt, dir: -1 | 1): RowAt | null {
  const $end = doc.resolve(dir > 0 ? from.pos + from.row.nodeSize : from.pos);
  // within the same group the neighbour is right there; else ask by index
  if (dir > 0 && $end.index(GROUP_DEPTH) < $end.parent.childCount) {
    return { row: $end.parent.child($end.index(GROUP_DEPTH)), pos: $end.pos, index: from.index + 1 };
  }
  if (dir < 0 && $end.index(GROUP_DEPTH) > 0) {
    const row = $end.parent.child($end.index(GROUP_DEPTH) - 1);
    return { row, pos: $end.pos - row.nodeSize, index: from.index - 1 };
  }
  return rowAt(doc, from.index + dir);
}

/**
 * Call `f` for every row in document order (with position and global index); `f` returning false
 * stops the walk. With `from`/`to`, only rows overlapping that range (as `nodesBetween` counts it).
 */
export function forEachRow(doc: PMNode, f: (row: PMNode, pos: number, index: number) => void | boolean, from = 0, to = doc.content.size): void {
  const gi = groupIndex(doc);
  let g = 0;
  if (from > 0) {
    // the first group that ends after `from`
    let lo = 0;
    let hi = gi.pos.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (gi.pos[mid] <= from) lo = mid;
      else hi = mid - 1;
    }
    g = lo;
  }
  for (; g < doc.childCount; g++) {
    const gpos = gi.pos[g];
    if (gpos >= to) return;
    const group = doc.child(g);
    let pos = gpos + 1;
    for (let i = 0; i < group.childCount; i++) {
      const row = group.child(i);
      const end = pos + row.nodeSize;
      if (pos >= to) return;
      if (end > from && f(row, pos, gi.first[g] + i) === false) return;
      pos = end;
    }
  }
}

/** All rows in document order (a fresh array). */
export function allRows(doc: PMNode): PMNode[] {
  const out: PMNode[] = [];
  doc.forEach((g) => g.forEach((r) => out.push(r)));
  return out;
}

/** Rows into groups of `size` (the last one shorter): the document's content. */
export function groupRows(schema: Schema, rows: readonly PMNode[], size = ROWS_PER_GROUP): PMNode[] {
  const groups: PMNode[] = [];
  for (let i = 0; i < rows.length; i += size) groups.push(schema.nodes.row_group.create(null, rows.slice(i, i + size)));
  return groups;
}

/** The first row whose unit id is `unit`, or null ('' never matches a row, only ids do). */
export function rowOfUnit(doc: PMNode, unit: string): RowAt | null {
  let found: RowAt | null = null;
  if (unit === '') return null;
  forEachRow(doc, (row, pos, index) => {
    if (row.attrs.id !== unit) return true;
    found = { row, pos, index };
    return false;
  });
  return found;
}

/** For a `nodesBetween` walk looking for rows: whether to descend into a non-row node (the doc
 * and the groups hold rows; cells and sentences do not). */
export function holdsRows(node: PMNode): boolean {
  return node.type.name === 'doc' || node.type.name === 'row_group';
}

/**
 * Rows swapped by global index, as one replacement of whole groups (from the group of the first to
 * that of the last): the grouping stays exactly as it was, so positions outside the swapped rows map
 * as if the rows alone had been replaced. `replaced` must not be empty.
 */
export function swapRows(doc: PMNode, replaced: ReadonlyMap<number, PMNode>): { from: number; to: number; groups: PMNode[] } {
  const gi = groupIndex(doc);
  const indexes = [...replaced.keys()];
  const g0 = groupOf(gi, Math.min(...indexes));
  const g1 = groupOf(gi, Math.max(...indexes));
  const groups: PMNode[] = [];
  for (let g = g0; g <= g1; g++) {
    const group = doc.child(g);
    const rows: PMNode[] = [];
    let changed = false;
    group.forEach((row, _o, i) => {
      const next = replaced.get(gi.first[g] + i);
      if (next) changed = true;
      rows.push(next ?? row);
    });
    groups.push(changed ? group.copy(Fragment.from(rows)) : group);
  }
  const last = doc.child(g1);
  return { from: gi.pos[g0], to: gi.pos[g1] + last.nodeSize, groups };
}

/**
 * How the rows of `doc` differ from an older row list (compared by node identity from both ends):
 * `head` rows equal at the start, `tail` at the end, and the rows of `doc` between them. Builds no
 * array of all rows (a plugin calls it on every document change).
 */
export function rowsDiff(doc: PMNode, oldCount: number, oldRow: (index: number) => PMNode): { head: number; tail: number; middle: PMNode[] } {
  const n = rowCount(doc);
  let head = 0;
  forEachRow(doc, (row) => {
    if (head >= oldCount || row !== oldRow(head)) return false;
    head++;
    return true;
  });
  let tail = 0;
  outer: for (let g = doc.childCount - 1; g >= 0; g--) {
    const group = doc.child(g);
    for (let i = group.childCount - 1; i >= 0; i--) {
      if (tail >= n - head || tail >= oldCount - head || group.child(i) !== oldRow(oldCount - 1 - tail)) break outer;
      tail++;
    }
  }
  const middle: PMNode[] = [];
  if (head < n - tail) {
    forEachRow(doc, (row, _pos, i) => {
      if (i >= n - tail) return false;
      middle.push(row);
      return true;
    }, rowAt(doc, head)!.pos);
  }
  return { head, tail, middle };
}
