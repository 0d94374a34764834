// The review part of the editor handle (EditorHandle.review): renderer/ui/review-panel.ts and
// curation-dialog.ts reach review mode's plugin state and commands through this, never by
// importing commands/ or plugins/ themselves (the lint rule in eslint.config.js).
import type { EditorView } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { MergeConflict, RowComment } from '../../shared/model/types.ts';
import type { ConflictChoice } from '../../shared/review/conflicts.ts';
import type { CurationChoice, CurationItem } from '../../shared/review/curation.ts';
import type { RowView } from '../../shared/review/snapshot.ts';
import { changedRows, relabelReviewTr, reviewActive, rowView } from './plugins/review.ts';
import { acceptRow, applyCuration, commentRow, openConflicts, resolveConflict, setReviewMode, type Stamp } from './commands/review.ts';
import { goToUnit } from './commands/navigate.ts';
import { cursorOf } from './commands/util.ts';
import type { RowAttrs } from './schema.ts';
import { forEachRow } from './rows.ts';

export type { ReviewRefusal } from './plugins/review.ts';
export type { Stamp } from './commands/review.ts';

/** The caret's row as review shows it. */
export interface ReviewRow {
  node: PMNode;
  attrs: RowAttrs;
  /** index of the row in the document */
  index: number;
  view: RowView;
}

/** Review mode's state and actions on the open report; every action is one undo step. */
export interface EditorReview {
  active(): boolean;
  /** review mode on or off (rows marked, reviewed status allowed through Accept) */
  setMode(on: boolean): boolean;
  /** the merge driver's conflicts not yet resolved */
  openConflicts(): readonly MergeConflict[];
  /** how many rows changed since their last review (0 while review mode is off) */
  changedCount(): number;
  caretRow(): ReviewRow | null;
  /** row index by unit id */
  rowIndexes(): Map<string, number>;
  accept(stamp: Stamp): boolean;
  comment(text: string, kind: RowComment['kind'], stamp: Stamp): boolean;
  resolve(id: string, choice: ConflictChoice, knownEntities: readonly string[]): boolean;
  curate(picks: ReadonlyArray<{ item: CurationItem; choice: CurationChoice }>, knownEntities: readonly string[]): boolean;
  goToUnit(unit: string): boolean;
  /** the row marks' texts after a UI language change */
  relabel(): void;
}

export function reviewFacet(view: EditorView): EditorReview {
  const run = (cmd: (s: EditorView['state'], d: EditorView['dispatch']) => boolean) => cmd(view.state, view.dispatch);
  return {
    active: () => reviewActive(view.state),
    setMode: (on) => run(setReviewMode(on)),
    openConflicts: () => openConflicts(view.state),
    changedCount: () => (reviewActive(view.state) ? changedRows(view.state).length : 0),
    caretRow() {
      const c = cursorOf(view.state);
      return c ? { node: c.row, attrs: c.row.attrs as RowAttrs, index: c.rowIndex, view: rowView(c.row) } : null;
    },
    rowIndexes() {
      const out = new Map<string, number>();
      forEachRow(view.state.doc, (r, _p, i) => { out.set((r.attrs as RowAttrs).id, i); });
      return out;
    },
    accept: (stamp) => run(acceptRow(stamp)),
    comment: (text, kind, stamp) => run(commentRow(text, kind, stamp)),
    resolve: (id, choice, known) => run(resolveConflict(id, choice, known)),
    curate: (picks, known) => run(applyCuration(picks, known)),
    goToUnit: (unit) => run(goToUnit(unit)),
    relabel: () => view.dispatch(relabelReviewTr(view.state)),
  };
}
