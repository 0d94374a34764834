// Review commands (issue 18 item 4). Only here does a row become `reviewed`: accepting writes the
// snapshot the next review compares against. Sending back lowers the row to `draft` with a comment.
// Conflicts from a git merge and a curation pick become ordinary edits of the rows, each one undo
// step (rowOp). Who and when are parameters: commands hold no clock and no user name.
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { schema, type DocAttrs, type EntityAttrs, type RowAttrs } from '../schema.ts';
import { cursorOf, rowOp, type Command } from './util.ts';
import { toRowTarget } from './navigate.ts';
import { rowOfUnit } from '../rows.ts';
import { changedRows, reviewActive, reviewRefused, rowView, setReviewModeTr } from '../plugins/review.ts';
import { snapshotOf } from '../../../shared/review/snapshot.ts';
import { conflictEdit, type ConflictChoice, type ConflictMention } from '../../../shared/review/conflicts.ts';
import { curatedMentions, type CurationChoice, type CurationItem } from '../../../shared/review/curation.ts';
import { idAllocator } from '../../../shared/model/ids.ts';
import { entityKey, type EntityAction } from '../entities/state.ts';
import { liteAnnotations, mentionsOf, spanPositions } from '../entities/doc.ts';
import type { RowComment } from '../../../shared/model/types.ts';

/** Who acts and when (ISO 8601 UTC). */
export interface Stamp {
  by: string;
  at: string;
}

/** The conflicts still open. */
export function openConflicts(state: EditorState): DocAttrs['conflicts'] {
  return (state.doc.attrs as DocAttrs).conflicts;
}

/** Switch review mode on or off (UI state: not a document change, not undoable). */
export function setReviewMode(active: boolean): Command {
  return (state, dispatch) => {
    if (reviewActive(state) === active) return false;
    if (dispatch) dispatch(setReviewModeTr(state, active));
    return true;
  };
}

function updateRow(tr: Transaction, pos: number, row: PMNode, attrs: Partial<RowAttrs>): Transaction {
  return tr.setNodeMarkup(pos, undefined, { ...(row.attrs as RowAttrs), ...attrs });
}

/** Accept the cursor's row: status `reviewed` and a fresh snapshot. Review mode only; refused while
 * merge conflicts are open (a report is not signed off over unresolved merges). */
export function acceptRow(stamp: Stamp): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c) return false;
    if (!reviewActive(state)) {
      if (dispatch) reviewRefused(state, 'outsideReview');
      return false;
    }
    if (openConflicts(state).length) {
      if (dispatch) reviewRefused(state, 'conflictsOpen');
      return false;
    }
    if (dispatch) {
      const reviewed = snapshotOf(rowView(c.row), stamp.by, stamp.at);
      dispatch(rowOp(updateRow(state.tr, c.rowPos, c.row, { status: 'reviewed', reviewed })));
    }
    return true;
  };
}

function nextCommentId(comments: readonly RowComment[]): string {
  let max = 0;
  for (const k of comments) {
    const n = Number(k.id.replace(/^c/, ''));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `c${max + 1}`;
}

/** Add a comment to the cursor's row; `sendBack` also lowers the row to `draft` (review mode only). */
export function commentRow(text: string, kind: RowComment['kind'], stamp: Stamp): Command {
  return (state, dispatch) => {
    const c = cursorOf(state);
    if (!c) return false;
    if (!text.trim()) {
      if (dispatch) reviewRefused(state, 'emptyComment');
      return false;
    }
    if (kind === 'sendBack' && !reviewActive(state)) {
      if (dispatch) reviewRefused(state, 'outsideReview');
      return false;
    }
    if (dispatch) {
      const a = c.row.attrs as RowAttrs;
      const comment: RowComment = { id: nextCommentId(a.comments), by: stamp.by, at: stamp.at, text: text.trim(), kind };
      const attrs: Partial<RowAttrs> = { comments: [...a.comments, comment] };
      if (kind === 'sendBack') attrs.status = 'draft';
      dispatch(rowOp(updateRow(state.tr, c.rowPos, c.row, attrs)));
    }
    return true;
  };
}

function stepChanged(dir: 1 | -1): Command {
  return (state, dispatch) => {
    if (!reviewActive(state)) return false;
    const c = cursorOf(state);
    const here = c ? c.rowPos : dir > 0 ? -1 : state.doc.content.size;
    const rows = dir > 0 ? changedRows(state, here + (c ? c.row.nodeSize : 1)) : changedRows(state, 0, Math.max(0, here));
    const target = dir > 0 ? rows[0] : rows[rows.length - 1];
    if (target === undefined) return false;
    if (dispatch) dispatch(toRowTarget(state, target));
    return true;
  };
}

/** Cursor to the next row changed since its review (or never reviewed). */
export const nextChangedRow: Command = stepChanged(1);
/** Cursor to the previous such row. */
export const previousChangedRow: Command = stepChanged(-1);


/** Fresh mention and entity id allocators past every id in the document, `known` and the entity plugin's counters. */
function allocators(state: EditorState, knownEntities: readonly string[]) {
  const runs = mentionsOf(state.doc);
  const es = entityKey.getState(state);
  const m = idAllocator('m', [...runs.map((r) => r.attrs.id), ...(es ? [`m${es.next.m - 1}`] : [])]);
  const e = idAllocator('e', [...runs.map((r) => r.attrs.entity), ...knownEntities, ...(es ? [`e${es.next.e - 1}`] : [])]);
  const used = { m: 0, e: 0 };
  const take = (prefix: 'm' | 'e') => {
    const id = (prefix === 'm' ? m : e)();
    used[prefix] = Number(id.slice(1));
    return id;
  };
  return { m: () => take('m'), e: () => take('e'), used };
}

/** Drop the mentions over `remove`'s span and tag `add`, in `tr` (positions from `state`'s document).
 * `foreign`: `add` comes from another copy whose entity ids mean nothing here (curation), so each of
 * its entities gets a fresh id; else (a merge, which shares ids) a known entity id is kept. */
function editMentions(state: EditorState, tr: Transaction, remove: ConflictMention[], add: ConflictMention[], knownEntities: readonly string[], foreign: boolean): boolean {
  const { where } = liteAnnotations(state.doc);
  const ids = allocators(state, knownEntities);
  const newEntity = new Map<string, string>();
  if (!foreign) {
    const known = new Set([...knownEntities, ...mentionsOf(state.doc).map((r) => r.attrs.entity)]);
    for (const a of add) if (a.entity && known.has(a.entity)) newEntity.set(a.entity, a.entity);
  }
  for (const r of remove) {
    const at = spanPositions(where, r);
    if (!at) return false;
    tr.removeMark(at.from, at.to, schema.marks.entity);
  }
  for (const a of add) {
    const at = spanPositions(where, a);
    if (!at || state.doc.textBetween(at.from, at.to) !== a.text) return false;
    // one fresh entity per entity of theirs not kept above
    const key = a.entity ?? `${a.start}:${a.end}`;
    if (!newEntity.has(key)) newEntity.set(key, ids.e());
    const attrs: EntityAttrs = { id: ids.m(), type: a.type, entity: newEntity.get(key)! };
    tr.removeMark(at.from, at.to, schema.marks.entity).addMark(at.from, at.to, schema.marks.entity.create(attrs));
  }
  // the entity plugin's counters move past the ids used here (its next tag must not reuse them)
  if (entityKey.getState(state) && add.length) tr.setMeta(entityKey, { used: ids.used } satisfies EntityAction);
  return true;
}

/** In the row at `pos`: the English sentence reading `ours` (null: a new one at the end) gets `text`
 * (null: it goes; the row keeps its empty placeholder if it was the last). False when no sentence of
 * the row reads `ours` any more (edited since the merge: the user decides by hand). */
function editEnglish(tr: Transaction, pos: number, row: PMNode, ours: string | null, text: string | null): boolean {
  const cell = row.child(1);
  const cellStart = pos + 1 + row.child(0).nodeSize;
  const sentences: { node: PMNode; at: number }[] = [];
  cell.forEach((n, off) => sentences.push({ node: n, at: cellStart + 1 + off }));
  const make = (t: string, id = '') => schema.nodes.target_sentence.create({ id }, t ? schema.text(t) : null);
  if (ours === null) {
    if (text === null) return false;
    const real = sentences.filter((x) => x.node.content.size > 0);
    // into the empty placeholder when the row has no English yet, else after the last sentence
    if (!real.length) tr.replaceWith(cellStart, cellStart + cell.nodeSize, schema.nodes.target_cell.create(null, make(text)));
    else tr.insert(cellStart + cell.nodeSize - 1, make(text));
    return true;
  }
  const hit = sentences.find((x) => x.node.textContent === ours && x.node.content.size > 0);
  if (!hit) return false;
  const end = hit.at + hit.node.nodeSize;
  if (text !== null) tr.replaceWith(hit.at, end, make(text, hit.node.attrs.id as string));
  else if (sentences.length > 1) tr.delete(hit.at, end);
  else tr.replaceWith(hit.at, end, make(''));
  return true;
}

/** Resolve conflict `id` with `choice`: the edit and the conflict's removal are one undo step.
 * False when there is no such conflict or the choice does not apply to it. */
export function resolveConflict(id: string, choice: ConflictChoice, knownEntities: readonly string[] = []): Command {
  return (state, dispatch) => {
    const conflicts = openConflicts(state);
    const c = conflicts.find((k) => k.id === id);
    if (!c) return false;
    const edit = conflictEdit(c, choice);
    if (!edit) return false;
    const tr = state.tr;
    if (edit.kind === 'english' || edit.kind === 'status') {
      const pos = rowOfUnit(state.doc, edit.unit)?.pos ?? -1;
      if (pos < 0) return false;
      const row = state.doc.nodeAt(pos)!;
      if (edit.kind === 'status') updateRow(tr, pos, row, { status: edit.status });
      else if (!editEnglish(tr, pos, row, edit.ours, edit.text)) return false;
    } else if (edit.kind === 'mentions') {
      if (!editMentions(state, tr, edit.remove ? [edit.remove] : [], edit.add, knownEntities, false)) return false;
    }
    if (dispatch) dispatch(rowOp(tr.setDocAttribute('conflicts', conflicts.filter((k) => k !== c))).scrollIntoView());
    return true;
  };
}

/** Apply curation picks to the Arabic mentions: per place, the mentions there become the chosen
 * ones. One undo step for the whole pick list; false when nothing changes or a span no longer fits. */
export function applyCuration(picks: ReadonlyArray<{ item: CurationItem; choice: CurationChoice }>, knownEntities: readonly string[] = []): Command {
  return (state, dispatch) => {
    const remove: ConflictMention[] = [];
    const add: ConflictMention[] = [];
    const { where } = liteAnnotations(state.doc);
    const tr = state.tr;
    for (const { item, choice } of picks) {
      const { keep, add: more } = curatedMentions(item, choice);
      const keepIds = new Set(keep.map((m) => m.id));
      remove.push(...item.mine.filter((m) => !keepIds.has(m.id)));
      add.push(...more);
    }
    if (!remove.length && !add.length) return false;
    // each of mine, removed by its own span (a kept neighbour in the same place is left alone)
    for (const r of remove) {
      const at = spanPositions(where, r);
      if (!at) return false;
      tr.removeMark(at.from, at.to, schema.marks.entity);
    }
    if (!editMentions(state, tr, [], add, knownEntities, true)) return false;
    if (dispatch) dispatch(rowOp(tr));
    return true;
  };
}
