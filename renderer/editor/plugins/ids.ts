// Fresh ids for new rows (u…), source sentences (s…) and target sentences (t…). Commands and
// splitBlock create nodes with an empty or copied id; this plugin's appendTransaction gives each
// such node the next free id (shared/model/ids.ts: max in use + 1, never reused in the session).
//
// Only changed ranges are inspected: an id that occurs more often in a changed range than it did
// in the same range before (a split copied it, a paste brought it) is a duplicate, and its later
// occurrences are renamed. The maximum number per prefix is plugin state, scanned once at init.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { isHistoryTransaction } from 'prosemirror-history';
import { nextId } from '../../../shared/model/ids.ts';
import { N } from '../schema.ts';
import { changedRanges, combinedMapping, mergeRanges, textEdits, type Range } from '../ranges.ts';

type Prefix = 'u' | 's' | 't';
/** Plugin state: the largest id number in use per prefix. */
export type IdsState = Readonly<Record<Prefix, number>>;

export const idsKey = new PluginKey<IdsState>('muwazi-ids');

const prefixOf: Record<string, Prefix> = { [N.row]: 'u', [N.source]: 's', [N.target]: 't' };

function numberOf(id: string, prefix: Prefix): number {
  // nextId('x', [id]) parses exactly like the rest of the model does
  return Number(nextId(prefix, [id]).slice(1)) - 1;
}

function bump(state: IdsState, node: PMNode): IdsState {
  const prefix = prefixOf[node.type.name];
  if (!prefix) return state;
  const n = numberOf(node.attrs.id as string, prefix);
  return n > state[prefix] ? { ...state, [prefix]: n } : state;
}

/** Nodes carrying ids inside the ranges, each once, in document order. */
function idNodes(doc: PMNode, ranges: Range[]): { node: PMNode; pos: number }[] {
  const seen = new Set<number>();
  const out: { node: PMNode; pos: number }[] = [];
  for (const r of ranges) {
    const from = Math.max(0, r.from);
    const to = Math.min(doc.content.size, Math.max(r.to, r.from + 1));
    if (from >= to) continue;
    doc.nodesBetween(from, to, (node, pos) => {
      if (node.isTextblock || node.isText) {
        if (prefixOf[node.type.name] && !seen.has(pos)) { seen.add(pos); out.push({ node, pos }); }
        return false;
      }
      if (prefixOf[node.type.name] && !seen.has(pos)) { seen.add(pos); out.push({ node, pos }); }
      return true;
    });
  }
  return out.sort((a, b) => a.pos - b.pos);
}

export function ids(): Plugin<IdsState> {
  return new Plugin<IdsState>({
    key: idsKey,
    state: {
      init: (_config, state) => {
        let s: IdsState = { u: 0, s: 0, t: 0 };
        state.doc.descendants((node) => {
          s = bump(s, node);
          return !node.isTextblock;
        });
        return s;
      },
      apply: (tr, value) => {
        // a text edit adds no node, so no new id
        if (!tr.docChanged || textEdits(tr)) return value;
        let s = value;
        for (const { node } of idNodes(tr.doc, changedRanges([tr]))) s = bump(s, node);
        return s;
      },
    },
    appendTransaction(trs, oldState, newState) {
      // undo/redo restore ids that were valid before; only new edits can bring duplicates
      const edits = trs.filter((tr) => tr.docChanged && !isHistoryTransaction(tr));
      if (edits.length === 0) return null;
      // fast path: text edits only need an id when text lands in an id-less placeholder
      if (edits.every((tr) => textEdits(tr)?.every((e) => e.parent.attrs.id !== ''))) return null;
      const ranges = changedRanges(edits);
      if (ranges.length === 0) return null;
      const inv = combinedMapping(trs).invert();
      // (all of trs: oldState is the state before the first of them)
      const oldRanges = mergeRanges(ranges.map((r) => ({ from: inv.map(r.from, -1), to: inv.map(r.to, 1) })));
      const before = new Map<string, number>();
      for (const { node } of idNodes(oldState.doc, oldRanges)) {
        const id = node.attrs.id as string;
        before.set(id, (before.get(id) ?? 0) + 1);
      }
      const seen = new Map<string, number>();
      const rename: { pos: number; prefix: Prefix }[] = [];
      for (const { node, pos } of idNodes(newState.doc, ranges)) {
        const id = node.attrs.id as string;
        const prefix = prefixOf[node.type.name];
        const k = (seen.get(id) ?? 0) + 1;
        seen.set(id, k);
        // the first occurrences keep the id (a split keeps it on the first half)
        // an empty English placeholder needs no id until something is typed into it
        if (id === '' && node.type.name === N.target && node.content.size === 0) continue;
        if (id === '' || !id.startsWith(prefix) || k > (before.get(id) ?? 0)) rename.push({ pos, prefix });
      }
      if (rename.length === 0) return null;
      return assignIds(newState, rename);
    },
  });
}

function assignIds(state: EditorState, rename: { pos: number; prefix: Prefix }[]): Transaction {
  const max = { ...(idsKey.getState(state) ?? { u: 0, s: 0, t: 0 }) };
  const tr = state.tr;
  for (const { pos, prefix } of rename) tr.setNodeAttribute(pos, 'id', prefix + ++max[prefix]);
  return tr;
}
