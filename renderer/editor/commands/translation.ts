// Putting a translation-memory match into rows (issue 11): the matches pane's Ctrl+1…Ctrl+5 and
// Edit → Fill exact matches, plus "go to a row" for the concordance.
//
// Policy:
//   - a filled row's English becomes ONE English sentence holding the match's English (the memory
//     stores a unit's English as one string; Shift+Enter splits it like any sentence). The first English
//     sentence keeps its id; mentions on the replaced English go with its text.
//   - the row's status becomes the status given: 'draft' for a match the user chose (the English is
//     new, so an earlier 'translated' or 'reviewed' no longer vouches for it), 'auto' for exact
//     matches filled in bulk. A row left untranslated (1-0) stops being so.
//   - all rows of one call are one undoable step (a row operation: the auto→draft plugin leaves it).
import { TextSelection } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import type { RowStatus } from '../../../shared/model/types.ts';
import { schema, type RowAttrs } from '../schema.ts';
import { realTargets, rowOp, sentenceStart, sentencesOf, type Command } from './util.ts';
import { forEachRow } from '../rows.ts';

/** One row to fill: its unit id and the English to put there. */
export interface Fill {
  unit: string;
  text: string;
}

/** Options of fillTranslations. */
export interface FillOptions {
  /** the status the filled rows get (never `reviewed`: only review mode's Accept sets that) */
  status: Exclude<RowStatus, 'reviewed'>;
  /** skip rows that have English by now (a bulk fill answered after the user typed) */
  onlyEmpty?: boolean;
  /** put the caret at the end of this unit's new English */
  caretIn?: string;
}

/** Each row's position by unit id (one walk over the rows). */
export function rowPositions(doc: PMNode): Map<string, { pos: number; index: number; row: PMNode }> {
  const out = new Map<string, { pos: number; index: number; row: PMNode }>();
  forEachRow(doc, (row, pos, index) => {
    const id = (row.attrs as RowAttrs).id;
    if (id) out.set(id, { pos, index, row });
  });
  return out;
}

/** A row's Arabic: its source sentences joined with a space (as the memory and concordance join them). */
export function rowArabic(row: PMNode): string {
  return sentencesOf(row, 'source').map((s) => s.textContent).join(' ');
}

/** Rows with Arabic and no English, not left untranslated on purpose: what Fill exact matches fills. */
export function untranslatedRows(doc: PMNode): Array<{ unit: string; ar: string }> {
  const out: Array<{ unit: string; ar: string }> = [];
  forEachRow(doc, (row) => {
    const a = row.attrs as RowAttrs;
    if (!a.id || a.untranslated || realTargets(row).length) return;
    const ar = rowArabic(row);
    if (ar.trim()) out.push({ unit: a.id, ar });
  });
  return out;
}

/**
 * Replace the English of the rows named in `fills` (or fill their empty English) as one undoable
 * step. False when no row would change.
 */
export function fillTranslations(fills: readonly Fill[], o: FillOptions): Command {
  return (state, dispatch) => {
    const rows = rowPositions(state.doc);
    const todo: Array<{ pos: number; row: PMNode; text: string; unit: string }> = [];
    const seen = new Set<string>();
    for (const f of fills) {
      const r = rows.get(f.unit);
      if (!r || seen.has(f.unit) || !f.text.trim()) continue;
      const targets = realTargets(r.row);
      if (o.onlyEmpty && targets.length) continue;
      const a = r.row.attrs as RowAttrs;
      const unchanged = targets.length === 1 && targets[0].textContent === f.text && a.status === o.status && !a.untranslated;
      if (unchanged) continue;
      seen.add(f.unit);
      todo.push({ pos: r.pos, row: r.row, text: f.text, unit: f.unit });
    }
    if (!todo.length) return false;
    if (dispatch) {
      const tr = state.tr;
      // from the end, so earlier positions stay valid
      todo.sort((a, b) => b.pos - a.pos);
      for (const t of todo) {
        const id = (realTargets(t.row)[0]?.attrs.id as string | undefined) ?? '';
        const cell = schema.nodes.target_cell.create(null, [schema.nodes.target_sentence.create({ id }, schema.text(t.text))]);
        const cellStart = t.pos + 1 + t.row.child(0).nodeSize;
        tr.replaceWith(cellStart, cellStart + t.row.child(1).nodeSize, cell);
        tr.setNodeAttribute(t.pos, 'status', o.status);
        if ((t.row.attrs as RowAttrs).untranslated) tr.setNodeAttribute(t.pos, 'untranslated', false);
      }
      const caret = o.caretIn ? rowPositions(tr.doc).get(o.caretIn) : undefined;
      if (caret) {
        const end = sentenceStart(caret.row, caret.pos, 'target', 0) + caret.row.child(1).child(0).content.size;
        tr.setSelection(TextSelection.create(tr.doc, end));
      }
      dispatch(rowOp(tr).scrollIntoView());
    }
    return true;
  };
}

/** Put `text` into row `unit`'s English (a match the user chose): status 'draft' unless told otherwise, caret at its end. */
export function insertTranslation(unit: string, text: string, status: FillOptions['status'] = 'draft'): Command {
  return fillTranslations([{ unit, text }], { status, caretIn: unit });
}

