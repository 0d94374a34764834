// Parts of the editor handle (EditorHandle in editor.ts) for the panels around the editor: QA,
// spell check and the translation workbench reach the plugins' state and the commands through
// these, never by importing commands/ or plugins/ themselves (a lint rule in eslint.config.js).
import type { EditorView } from 'prosemirror-view';
import type { QaContext, QaFinding } from '../../shared/qa/types.ts';
import { qaFindings, qaKey, refreshConsistencyTr, setQaContextTr, type QaFilter } from './plugins/qa.ts';
import { setQaIgnore } from './commands/qa.ts';
import { acceptWordsTr, replaceMisspelling, setAcceptedTr, suggestionsFor, type Misspelling } from './plugins/spell.ts';
import { fillTranslations, insertTranslation, rowArabic, untranslatedRows, type Fill, type FillOptions } from './commands/translation.ts';
import { cursorOf } from './commands/util.ts';
import type { RowAttrs } from './schema.ts';

export type { QaFilter } from './plugins/qa.ts';
export type { Misspelling, SpellChecker } from './plugins/spell.ts';
export type { Fill, FillOptions } from './commands/translation.ts';

/** QA findings of the open report and their actions (renderer/ui/qa-panel.ts). */
export interface EditorQa {
  /** a value that changes whenever the findings do (compare by identity to skip redraws) */
  version(): unknown;
  /** the findings in row order, open or ignored */
  findings(filter: QaFilter): QaFinding[];
  /** whether the cross-row consistency check is out of date */
  consistencyStale(): boolean;
  /** runs the cross-row consistency check when it is out of date; false when it was not */
  refreshConsistency(): boolean;
  /** ignores (or un-ignores) a check on a row: an undoable edit of the row */
  setIgnore(unit: string, check: string, ignored: boolean): boolean;
  /** new QA context (disabled checks, glossary); not an undo step */
  setContext(ctx: QaContext): void;
}

/** Spell-check actions (renderer/ui/spell.ts). */
export interface EditorSpell {
  /** words no longer flagged (added to the dictionary or ignored) */
  accept(words: readonly string[]): void;
  /** replaces the whole accepted list (the dictionary reloaded) */
  setAccepted(words: readonly string[]): void;
  /** spelling suggestions for a flagged word */
  suggestions(word: string): string[];
  /** replaces a flagged word; false when it changed meanwhile */
  replace(hit: Misspelling, text: string): boolean;
}

/** Rows and translation inserts (renderer/ui/workbench.ts). */
export interface EditorTranslation {
  /** the caret's row: its unit id and Arabic, or null outside a row */
  caretRow(): { unit: string; ar: string } | null;
  /** rows with Arabic and no English yet, in order */
  untranslated(): Array<{ unit: string; ar: string }>;
  /** puts `text` as the English of row `unit` with `status` (one undo step) */
  insert(unit: string, text: string, status?: Exclude<RowAttrs['status'], 'reviewed'>): boolean;
  /** fills many rows' English in one undo step */
  fill(fills: readonly Fill[], options: FillOptions): boolean;
}

export function qaFacet(view: EditorView): EditorQa {
  return {
    version: () => qaKey.getState(view.state),
    findings: (filter) => qaFindings(view.state, filter),
    consistencyStale: () => qaKey.getState(view.state)?.consistencyStale ?? false,
    refreshConsistency() {
      const tr = refreshConsistencyTr(view.state);
      if (tr) view.dispatch(tr);
      return tr !== null;
    },
    setIgnore: (unit, check, ignored) => setQaIgnore(unit, check, ignored)(view.state, view.dispatch),
    setContext: (ctx) => view.dispatch(setQaContextTr(view.state, ctx)),
  };
}

export function spellFacet(view: EditorView): EditorSpell {
  return {
    accept: (words) => view.dispatch(acceptWordsTr(view.state, words)),
    setAccepted: (words) => view.dispatch(setAcceptedTr(view.state, words)),
    suggestions: (word) => suggestionsFor(view.state, word),
    replace: (hit, text) => replaceMisspelling(hit, text)(view.state, view.dispatch),
  };
}

export function translationFacet(view: EditorView): EditorTranslation {
  return {
    caretRow() {
      const c = cursorOf(view.state);
      const unit = c ? (c.row.attrs as RowAttrs).id : '';
      return c && unit ? { unit, ar: rowArabic(c.row) } : null;
    },
    untranslated: () => untranslatedRows(view.state.doc),
    insert: (unit, text, status = 'draft') => insertTranslation(unit, text, status)(view.state, view.dispatch),
    fill: (fills, options) => fillTranslations(fills, options)(view.state, view.dispatch),
  };
}
