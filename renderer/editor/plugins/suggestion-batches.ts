// Suggestions added in one batch from outside the editor ("Tag all occurrences in project…", issue
// 15) as ONE undo step. Suggestions are UI state (decorations in the entity plugin), which the
// history does not see; so the batch's transaction also sets the document attribute
// `suggestionBatch` to the batch's number (a DocAttrStep: no content changes, but a real step the
// history records and inverts). When an undo or redo moves that number, this plugin follows: an
// undone batch's suggestions still shown are removed from the entity plugin and parked here
// (positions mapped forward through every later transaction), a redone batch's come back. Accepted
// or rejected suggestions have left the batch already and stay as they are.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import type { StoredSuggestion } from '../../../shared/model/types.ts';
import { storedAnnotation, storedOf } from '../entities/doc.ts';
import { entityKey, suggestionsOf, type EntityAction, type SuggestionSpec } from '../entities/state.ts';

/** A parked suggestion: where it would be now, and what it proposes. */
interface Parked {
  from: number;
  to: number;
  spec: SuggestionSpec;
}

/** The plugin's state (immutable). */
interface BatchState {
  /** suggestion ids of each batch applied and not undone, by batch number */
  live: ReadonlyMap<number, readonly string[]>;
  /** the suggestions of each undone batch, to bring back on redo */
  parked: ReadonlyMap<number, readonly Parked[]>;
}

/** What a transaction tells the plugin. */
interface BatchAction {
  /** a batch just added (its number and suggestion ids) */
  added?: { batch: number; ids: string[] };
  /** batches undone, with their suggestions as they were */
  park?: Map<number, Parked[]>;
  /** batches redone */
  unpark?: number[];
}

const batchKey = new PluginKey<BatchState>('muwazi-suggestion-batches');

/** The batch number in a document (0: none yet). */
const batchOf = (state: { doc: { attrs: Record<string, unknown> } }) => Number(state.doc.attrs.suggestionBatch ?? 0);

/**
 * A transaction adding the sidecar-shaped suggestions `list` (pending, e.g. from the host's project
 * preview) as one undo step, joined to the report's entities where they still exist, and the ones it
 * adds (as the sidecar will store them); null when none applies (text changed, over a mention,
 * already suggested) or entity tagging is off.
 */
export function addSuggestionsTr(state: EditorState, list: readonly StoredSuggestion[]): { tr: Transaction; added: StoredSuggestion[] } | null {
  const es = entityKey.getState(state);
  const bs = batchKey.getState(state);
  if (!es || !bs || list.length === 0) return null;
  const existing = new Set(suggestionsOf(state).map((g) => `${g.from}:${g.to}`));
  const { add, used } = storedAnnotation(state.doc, list.map((s) => ({ ...s, status: 'pending' as const })), { e: es.next.e, g: es.next.g }, existing);
  if (add.length === 0) return null;
  const batch = Math.max(batchOf(state), ...bs.live.keys(), ...bs.parked.keys()) + 1;
  const tr = closeHistory(state.tr.setDocAttribute('suggestionBatch', batch));
  tr.setMeta(entityKey, { add, used } satisfies EntityAction);
  tr.setMeta(batchKey, { added: { batch, ids: add.map((a) => a.spec.id) } } satisfies BatchAction);
  const added = add.map((a) => storedOf(state.doc, { ...a.spec, from: a.from, to: a.to }, 'pending')).filter((x) => x !== null);
  return { tr, added };
}

function mapParked(parked: ReadonlyMap<number, readonly Parked[]>, tr: Transaction): ReadonlyMap<number, readonly Parked[]> {
  if (parked.size === 0 || !tr.docChanged) return parked;
  const out = new Map<number, Parked[]>();
  for (const [b, list] of parked) {
    const kept: Parked[] = [];
    for (const p of list) {
      const from = tr.mapping.mapResult(p.from, 1);
      const to = tr.mapping.mapResult(p.to, -1);
      if (!from.deleted && !to.deleted && from.pos < to.pos) kept.push({ ...p, from: from.pos, to: to.pos });
    }
    out.set(b, kept);
  }
  return out;
}

/** The plugin that makes an added batch follow undo and redo (see the header). */
export function suggestionBatches(): Plugin<BatchState> {
  return new Plugin<BatchState>({
    key: batchKey,
    state: {
      init: () => ({ live: new Map(), parked: new Map() }),
      apply(tr, value) {
        const action = tr.getMeta(batchKey) as BatchAction | undefined;
        const parked0 = mapParked(value.parked, tr);
        if (!action) return parked0 === value.parked ? value : { ...value, parked: parked0 };
        const live = new Map(value.live);
        const parked = new Map(parked0);
        if (action.added) live.set(action.added.batch, action.added.ids);
        for (const [b, list] of action.park ?? []) {
          live.delete(b);
          parked.set(b, list);
        }
        for (const b of action.unpark ?? []) {
          const list = parked.get(b);
          parked.delete(b);
          if (list) live.set(b, list.map((p) => p.spec.id));
        }
        return { live, parked };
      },
    },
    appendTransaction(trs, oldState, newState) {
      const before = batchOf(oldState);
      const now = batchOf(newState);
      if (before === now || trs.some((t) => (t.getMeta(batchKey) as BatchAction | undefined)?.added)) return null;
      const bs = batchKey.getState(newState)!;
      const tr = newState.tr.setMeta('addToHistory', false);
      if (now < before) {
        // undo: batches above the number now are gone
        const undone = [...bs.live.keys()].filter((b) => b > now && b <= before);
        if (undone.length === 0) return null;
        const park = new Map<number, Parked[]>();
        const shown = suggestionsOf(newState);
        for (const b of undone) {
          const ids = new Set(bs.live.get(b));
          park.set(b, shown.filter((g) => ids.has(g.id)).map(({ from, to, ...spec }) => ({ from, to, spec })));
        }
        tr.setMeta(entityKey, { remove: [...park.values()].flat().map((p) => p.spec.id) } satisfies EntityAction);
        return tr.setMeta(batchKey, { park } satisfies BatchAction);
      }
      // redo: batches up to the number now come back
      const redone = [...bs.parked.keys()].filter((b) => b > before && b <= now);
      if (redone.length === 0) return null;
      const add = redone.flatMap((b) => bs.parked.get(b)!.map((p) => ({ from: p.from, to: p.to, spec: p.spec })));
      tr.setMeta(entityKey, { add } satisfies EntityAction);
      return tr.setMeta(batchKey, { unpark: redone } satisfies BatchAction);
    },
  });
}
