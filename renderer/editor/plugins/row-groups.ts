// Keeps row groups (rows.ts) near their built size: a group grown past twice the size (rows merged
// across a group boundary join the two groups, a paste, many inserted rows) is split into groups of
// `size` rows. Appended to the transaction that grew it, so it is the same undo step. Empty groups
// cannot occur: the schema says `row_group > row+`, and ProseMirror's delete and replace remove a
// group whose last row goes.
import { Plugin, PluginKey } from 'prosemirror-state';
import { changedRanges, textEdits } from '../ranges.ts';
import { N } from '../schema.ts';
import { ROWS_PER_GROUP } from '../rows.ts';

export const rowGroupsKey = new PluginKey('muwazi-row-groups');

/** The plugin; `size` is the group size splits go back to (tests use tiny ones). */
export function rowGroups(size = ROWS_PER_GROUP): Plugin {
  return new Plugin({
    key: rowGroupsKey,
    appendTransaction(trs, _old, state) {
      const changed = trs.filter((tr) => tr.docChanged);
      // typing never adds rows
      if (changed.length === 0 || changed.every((tr) => textEdits(tr))) return null;
      const doc = state.doc;
      const cuts = new Set<number>();
      for (const r of changedRanges(changed)) {
        const from = Math.max(0, r.from);
        const to = Math.min(doc.content.size, Math.max(r.to, r.from + 1));
        doc.nodesBetween(from, to, (node, pos) => {
          if (node.type.name !== N.group) return node.type.name === N.doc;
          if (node.childCount > 2 * size) {
            node.forEach((_row, off, i) => {
              if (i > 0 && i % size === 0) cuts.add(pos + 1 + off);
            });
          }
          return false;
        });
      }
      if (cuts.size === 0) return null;
      const tr = state.tr;
      // from the end, so earlier cut positions stay valid
      for (const at of [...cuts].sort((a, b) => b - a)) tr.split(at, 1);
      return tr;
    },
  });
}
