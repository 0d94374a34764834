// Typing English in an 'auto' row moves it to 'draft'; typing in a row left untranslated (1-0)
// clears that mark. Only the rows around the changed ranges are looked at. Row commands and
// undo/redo set their statuses themselves, so their transactions are skipped.
import { Plugin, PluginKey } from 'prosemirror-state';
import { isHistoryTransaction } from 'prosemirror-history';
import { N, type RowAttrs } from '../schema.ts';
import { changedRanges, textEdits } from '../ranges.ts';
import { holdsRows, ROW_DEPTH } from '../rows.ts';

export const statusDraftKey = new PluginKey('muwazi-status-draft');
/** Transaction meta set by commands that restructure rows: the plugin leaves them alone. */
export const ROW_OP = 'muwazi-row-op';

export function statusDraft(): Plugin {
  return new Plugin({
    key: statusDraftKey,
    appendTransaction(trs, _oldState, newState) {
      const typed = trs.filter((tr) => tr.docChanged && !tr.getMeta(ROW_OP) && !isHistoryTransaction(tr) && !tr.getMeta('appendedTransaction'));
      if (typed.length === 0) return null;
      // fast path: text edits in rows that are neither 'auto' nor untranslated change nothing
      const settled = (tr: (typeof typed)[number]) => textEdits(tr)?.every((e) => {
        const row = e.$from.node(ROW_DEPTH).attrs as RowAttrs;
        return row.status !== 'auto' && !row.untranslated;
      });
      if (typed.every(settled)) return null;
      const doc = newState.doc;
      const tr = newState.tr;
      for (const r of changedRanges(typed)) {
        const from = Math.max(0, r.from);
        const to = Math.min(doc.content.size, Math.max(r.to, r.from + 1));
        if (from >= to) continue;
        doc.nodesBetween(from, to, (node, pos) => {
          if (node.type.name !== N.row) return holdsRows(node);
          const a = node.attrs as RowAttrs;
          if (a.status !== 'auto' && !a.untranslated) return false;
          // the target cell's interior, [start, end]
          const start = pos + 1 + node.child(0).nodeSize + 1;
          const end = pos + node.nodeSize - 2;
          if (r.to < start || r.from > end) return false;
          // an edit of the English that leaves only the empty placeholder is not typing
          if (node.child(1).textContent === '') return false;
          if (a.status === 'auto') tr.setNodeAttribute(pos, 'status', 'draft');
          if (a.untranslated) tr.setNodeAttribute(pos, 'untranslated', false);
          return false;
        });
      }
      return tr.docChanged ? tr : null;
    },
  });
}
