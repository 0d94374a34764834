// Rows whose aligner confidence is below the threshold get the class `low-confidence`. The
// DecorationSet is a persistent value: mapped forward on each transaction, and only the rows in
// the changed ranges are re-examined. Commands step through the decorated rows (see
// lowConfidenceRows).
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { N, type RowAttrs } from '../schema.ts';
import { changedRanges, textEdits } from '../ranges.ts';
import { forEachRow, holdsRows } from '../rows.ts';

/** Rows with a confidence below this are highlighted. */
export const LOW_CONFIDENCE = 0.5;

export const lowConfidenceKey = new PluginKey<DecorationSet>('muwazi-low-confidence');

function isLow(row: PMNode): boolean {
  const c = (row.attrs as RowAttrs).confidence;
  return c !== null && c < LOW_CONFIDENCE;
}

function deco(pos: number, row: PMNode): Decoration {
  return Decoration.node(pos, pos + row.nodeSize, { class: 'low-confidence' }, { lowConfidence: true });
}

export function lowConfidence(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: lowConfidenceKey,
    state: {
      init: (_config, state) => {
        const decos: Decoration[] = [];
        forEachRow(state.doc, (row, pos) => {
          if (isLow(row)) decos.push(deco(pos, row));
        });
        return DecorationSet.create(state.doc, decos);
      },
      apply: (tr, set) => {
        if (!tr.docChanged) return set;
        let next = set.map(tr.mapping, tr.doc);
        // text edits never change a row's confidence
        if (textEdits(tr)) return next;
        for (const r of changedRanges([tr])) {
          const from = Math.max(0, r.from);
          const to = Math.min(tr.doc.content.size, Math.max(r.to, r.from + 1));
          if (from >= to) continue;
          tr.doc.nodesBetween(from, to, (node, pos) => {
            if (node.type.name !== N.row) return holdsRows(node);
            // find() includes neighbours that only touch this row: keep just this row's own
            const old = next.find(pos, pos + node.nodeSize, (spec) => spec.lowConfidence === true).filter((d) => d.from === pos);
            if (old.length) next = next.remove(old);
            if (isLow(node)) next = next.add(tr.doc, [deco(pos, node)]);
            return false;
          });
        }
        return next;
      },
    },
    props: {
      decorations: (state) => lowConfidenceKey.getState(state) ?? null,
    },
  });
}

/** Start positions of the highlighted rows in [from, to), ascending. */
export function lowConfidenceRows(state: EditorState, from = 0, to = state.doc.content.size): number[] {
  const set = lowConfidenceKey.getState(state);
  if (!set) return [];
  // find() also returns decorations that merely touch the range: keep those starting inside it
  return set.find(from, to, (spec) => spec.lowConfidence === true)
    .map((d) => d.from)
    .filter((p) => p >= from && p < to)
    .sort((a, b) => a - b);
}
