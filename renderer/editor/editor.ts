// The editor's public API for the app shell: one EditorView for the whole report.
// The app also loads renderer/editor/editor.css (this module imports no CSS so it stays
// importable in Node tests and bundlers alike).
import { withStamps, type SaveStamps } from '../../shared/team/provenance.ts';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { goToRow, goToUnit } from './commands/navigate.ts';
import { qaFacet, spellFacet, translationFacet, type EditorQa, type EditorSpell, type EditorTranslation } from './facets.ts';
import { reviewFacet, type EditorReview } from './review-facet.ts';
import { EditorView } from 'prosemirror-view';
import type { Annotations, StoredSuggestion, TagType } from '../../shared/model/types.ts';
import { cssIdent, schema, type RowAttrs } from './schema.ts';
import { annotationsToDoc, docToAnnotations } from './convert.ts';
import { editorPlugins } from './setup.ts';
import { commands, type CommandName } from './commands/index.ts';
import { cursorOf, STATUS_LOWERED, type StatusLowered } from './commands/util.ts';
import type { EntityOptions } from './plugins/entity-setup.ts';
import { entityKey, suggestionsOf, type EntityAction, type WordList } from './entities/state.ts';
import { mentionsOf, type MentionRun } from './entities/doc.ts';
import { ensureTypeColorRules } from './plugins/entity-colors.ts';
import { replaceAnnotationsTr } from './replace.ts';
import {
  acceptAllSuggestions, applyGlossary, configureEntities, explainRefusal, rejectAllSuggestions, selectMention, suggestionsToStore, tagAllOccurrences,
} from './commands/entities.ts';
import { resolveScroll } from './scroll.ts';
import type { GlossaryEntry } from '../../shared/entities/glossary.ts';
import { findKey, setFindTr } from './plugins/find.ts';
import { qaKey, type QaOptions } from './plugins/qa.ts';
import type { RegexProblem, SearchOptions } from '../../shared/text/search.ts';
import type { SpellOptions } from './plugins/spell.ts';
import type { ReviewOptions } from './plugins/review.ts';
import { replaceAll, replaceCurrent, type ReplaceOutcome } from './find-replace.ts';
import { canRunById, contextsAt, runById } from './command-table.ts';
import { addSuggestionsTr } from './plugins/suggestion-batches.ts';
import { rowCount } from './rows.ts';

/** What the selection is on, reported to `onSelection`. */
export interface SelectionInfo {
  /** the unit id of the row holding the selection head, or null */
  row: string | null;
  /** the row's status, or null */
  status: RowAttrs['status'] | null;
  /** which side the head is on ('ar' source, 'en' target), or null between sentences */
  side: 'ar' | 'en' | null;
  /** the id of the sentence holding the head, or null */
  sentence: string | null;
  /** the selection's document positions */
  from: number;
  to: number;
  /** the selected text ('' for a cursor) */
  text: string;
}

/** Options of createEditor. */
export interface EditorInit {
  /** the report's annotations (the editor shows units, segments, targets and mentions) */
  annotations: Annotations;
  /** the decoded source text the segments' code-point offsets point into */
  sourceText: string;
  /** colour per tag name (e.g. { PER: '#d9480f' }), set as CSS variables --ent-<TYPE> */
  tagColors?: Record<string, string>;
  /** called after every document change (for autosave scheduling); `rows` is the row count now,
   * `statusLowered` set when a structural edit lowered a row's status (the app says so) */
  onChange?: (info: ChangeInfo) => void;
  /** called when the selection moves or the document changes */
  onSelection?: (info: SelectionInfo) => void;
  /** called when an edit of the Arabic was refused (the editor also flashes a hint class) */
  onSourceRefused?: () => void;
  /** entity tagging options: tag set, glossary, message translation/display */
  entities?: EntityOptions;
  /** called when find's hits or current hit change (a new query, a step, an edit) */
  onFind?: (summary: FindSummary) => void;
  /** English spell check (plugins/spell.ts; wired by renderer/ui/spell.ts); absent: off */
  spell?: SpellOptions;
  /** QA checks' context at open (plugins/qa.ts); the report's entities are added here */
  qa?: QaOptions;
  /** true: the document cannot be edited (a report opened read-only) */
  readOnly?: boolean;
  /** called after every transaction that changed the QA findings' state (the QA panel) */
  onQa?: () => void;
  /** review mode (plugins/review.ts; wired by renderer/ui/review-panel.ts) */
  review?: ReviewOptions;
}

/** What onChange reports. */
export interface ChangeInfo {
  docChanged: true;
  rows?: number;
  statusLowered?: StatusLowered;
}

/** The handle the app holds on a mounted editor. */
export interface EditorHandle {
  /** the ProseMirror view (for entity tagging and tests) */
  view: EditorView;
  /** the current annotations: units, segments, targets and mentions from the document, the rest from the last loaded annotations */
  getAnnotations(): Annotations;
  /** provenance a save stamped (format 1.1): the model the next saves start from carries it */
  adoptStamps(stamped: SaveStamps, at: string): void;
  /** run a named command (see commands/index.ts); false when it does not apply here */
  runCommand(name: string): boolean;
  /** run a catalog command by id (shared/commands/catalog.ts, via command-table.ts); false when it does not apply */
  run(id: string): boolean;
  /** whether a catalog command applies at the selection now (menus grey out the others) */
  canRun(id: string): boolean;
  /** where the selection is: in a sentence ('row'), on a mention or suggestion ('mention') */
  contexts(): Array<'row' | 'mention'>;
  /** a right-click at viewport point (left, top) outside the selection puts the caret there; false when not in the text */
  caretAtPoint(left: number, top: number): boolean;
  /** replace the content (after import or reload); clears undo history. A new source text may be given. */
  setAnnotations(a: Annotations, sourceText?: string): void;
  /** replace the content as ONE undoable edit over the same source (imports); history kept */
  replaceAnnotations(a: Annotations): void;
  /** use another tag set (project settings saved): colours, keys and labels apply at once, no reload */
  setTagSet(tagSet: TagType[]): void;
  /** find: set the query ('' turns it off) and its options; returns the hit count and the current
   * hit's index (-1 when none) and whether there were more than MAX_HITS */
  setFind(query: string, options?: SearchOptions): FindSummary;
  /** replace: the current hit (then on to the next) or every hit, in the English only; one undo step */
  replaceFind(replacement: string, all: boolean): ReplaceOutcome;
  /** puts the caret at the start of a row's English (by unit id) and scrolls to it; false when there is no such row */
  /** puts the caret at the end of a row's English (by unit id; else the row at `fallbackIndex`); false when neither exists */
  goToUnit(unit: string, fallbackIndex?: number): boolean;
  /** the selected text ('' for a cursor; sentences joined by a line break) */
  selectedText(): string;
  /** adds pending suggestions (sidecar-shaped: project tag-all) as one undo step; returns those added
   * (not already suggested, still matching the text, clear of mentions). `dryRun`: only says which */
  addSuggestions(list: readonly StoredSuggestion[], opts?: { dryRun?: boolean }): StoredSuggestion[];
  /** focus the editor */
  focus(): void;
  /** the report's mentions (entity marks' runs), in document order */
  mentions(): MentionRun[];
  /** how many suggestions are pending */
  suggestionCount(): number;
  /** run an entity action of the entity panel; a refusal is explained by a message (false) */
  runEntityCommand(name: EntityCommandName): boolean;
  /** select the mention with this id and scroll to it when hidden; false when there is none */
  selectMention(id: string): boolean;
  /** use another glossary: pre-annotation follows it (not an undo step) */
  setGlossary(glossary: GlossaryEntry[]): void;
  /** the app's word list for tag-all's common-word check (no document change, not an undo step) */
  setWordList(wordList: WordList | null): void;
  /** selects row `index`'s English (by position in the document) and scrolls to it; false when there is no such row */
  goToRow(index: number): boolean;
  /** QA findings and actions (QA panel) */
  qa: EditorQa;
  /** spell-check actions (spell menu) */
  spell: EditorSpell;
  /** rows and translation inserts (translation workbench) */
  translation: EditorTranslation;
  /** review mode (renderer/ui/review-panel.ts, curation-dialog.ts) */
  review: EditorReview;
  /** unmount and release everything */
  destroy(): void;
}

/** Entity actions the UI may run by name (EditorHandle.runEntityCommand). */
export const ENTITY_COMMANDS = { acceptAll: acceptAllSuggestions, rejectAll: rejectAllSuggestions, tagAll: tagAllOccurrences } as const;
export type EntityCommandName = keyof typeof ENTITY_COMMANDS;

export type { MentionRun } from './entities/doc.ts';
export type { EditorReview, ReviewRefusal, ReviewRow, Stamp } from './review-facet.ts';
export type { EditorQa, EditorSpell, EditorTranslation, Fill, FillOptions, Misspelling, QaFilter, SpellChecker } from './facets.ts';

/** What find has: the number of hits, the current one (-1: none), whether there were more. */
export interface FindSummary {
  count: number;
  current: number;
  truncated: boolean;
  /** why a regular expression finds nothing (invalid or refused), else null */
  problem: RegexProblem | null;
}

/** CSS class set on the mount element briefly after a refused edit of the Arabic. */
export const REFUSED_CLASS = 'muwazi-source-refused';

/** Mount the editor for one report in `mount`. */
export function createEditor(mount: HTMLElement, init: EditorInit): EditorHandle {
  let base = init.annotations;
  let sourceText = init.sourceText;
  let hintTimer: ReturnType<typeof setTimeout> | undefined;
  mount.classList.add('muwazi-editor-host');
  const setColors = (colors: Record<string, string>) => {
    for (const [type, color] of Object.entries(colors)) mount.style.setProperty(`--ent-${cssIdent(type)}`, color);
  };
  setColors(init.tagColors ?? {});
  ensureTypeColorRules([...Object.keys(init.tagColors ?? {}), ...(init.entities?.tagSet ?? []).map((t) => t.name), 'PER', 'ORG', 'LOC', 'MISC']);

  const refused = () => {
    init.onSourceRefused?.();
    mount.classList.add(REFUSED_CLASS);
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => mount.classList.remove(REFUSED_CLASS), 1200);
  };
  const makeState = () => EditorState.create({
    doc: annotationsToDoc(schema, base, sourceText),
    // the sidecar's suggestions (pending, rejected) go to the entity plugin (issue 15)
    plugins: editorPlugins({ sourceText, onSourceRefused: refused, entities: init.entities && { ...init.entities, stored: base.suggestions }, spell: init.spell, qa: { ...init.qa, entities: base.entities }, review: init.review }),
  });

  const report = (state: EditorState) => {
    if (!init.onSelection) return;
    const c = cursorOf(state);
    const { from, to } = state.selection;
    init.onSelection({
      row: c ? (c.row.attrs as RowAttrs).id : null,
      status: c ? (c.row.attrs as RowAttrs).status : null,
      side: c?.side === 'source' ? 'ar' : c?.side === 'target' ? 'en' : null,
      sentence: c?.sentence ? (c.sentence.attrs.id as string) : null,
      from,
      to,
      text: state.doc.textBetween(from, to, ' '),
    });
  };

  const view: EditorView = new EditorView(mount, {
    state: makeState(),
    attributes: { class: 'muwazi-editor', spellcheck: 'false' },
    editable: () => !init.readOnly,
    dispatchTransaction(tr: Transaction) {
      // scroll only to a selection out of sight, read before the view writes the DOM (scroll.ts)
      resolveScroll(view, tr);
      const before = view.state;
      const next = before.apply(tr);
      view.updateState(next);
      // a rejected suggestion is saved with the report too
      const rejected = entityKey.getState(next)?.rejected !== entityKey.getState(before)?.rejected;
      if (next.doc !== before.doc || rejected) init.onChange?.({ docChanged: true, rows: rowCount(next.doc), statusLowered: tr.getMeta(STATUS_LOWERED) as StatusLowered | undefined });
      // suggestions changed without a document or caret change (Alt+A tag all, Alt+Shift+Delete
      // reject all): listeners such as the entity panel's count must hear of it too
      const suggested = entityKey.getState(next)?.suggestions !== entityKey.getState(before)?.suggestions;
      if (next.selection !== before.selection || next.doc !== before.doc || suggested) report(next);
      if (init.onFind && findKey.getState(next) !== findKey.getState(before)) init.onFind(summary());
      if (init.onQa && qaKey.getState(next) !== qaKey.getState(before)) init.onQa();
    },
  });

  const summary = (): FindSummary => {
    const s = findKey.getState(view.state);
    return { count: s?.hits.length ?? 0, current: s?.current ?? -1, truncated: s?.truncated ?? false, problem: s?.problem ?? null };
  };

  return {
    view,
    getAnnotations: () => withSuggestions(docToAnnotations(view.state.doc, base, sourceText), view.state),
    adoptStamps(stamped: SaveStamps, at: string) {
      base = withStamps(base, stamped, at);
    },
    runCommand(name: string) {
      const cmd = (commands as Record<string, (typeof commands)[CommandName]>)[name];
      if (!cmd) return false;
      return cmd(view.state, view.dispatch);
    },
    // a report open read-only runs only commands that leave the document as it is (moves, selections)
    run: (id: string) => runById(id, view.state, (tr) => (init.readOnly && tr.docChanged ? undefined : view.dispatch(tr))),
    canRun(id: string) {
      if (!init.readOnly) return canRunById(id, view.state);
      let changes = false;
      return runById(id, view.state, (tr) => (changes ||= tr.docChanged)) && !changes;
    },
    contexts: () => contextsAt(view.state),
    caretAtPoint(left: number, top: number) {
      const at = view.posAtCoords({ left, top });
      if (!at) return false;
      const { from, to } = view.state.selection;
      if (at.pos < from || at.pos > to) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
      return true;
    },
    setAnnotations(a: Annotations, text?: string) {
      base = a;
      if (text !== undefined) sourceText = text;
      view.updateState(makeState());
      report(view.state);
    },
    replaceAnnotations(a: Annotations) {
      base = a;
      view.dispatch(replaceAnnotationsTr(view.state, a, sourceText));
    },
    setTagSet(tagSet: TagType[]) {
      setColors(Object.fromEntries(tagSet.map((t) => [t.name, t.color])));
      ensureTypeColorRules(tagSet.map((t) => t.name));
      // no document change, not undoable; false when entity tagging is not set up (nothing to tell)
      configureEntities({ tagSet })(view.state, view.dispatch);
    },
    setFind(query: string, options: SearchOptions = {}) {
      view.dispatch(setFindTr(view.state, query, options));
      return summary();
    },
    replaceFind(replacement: string, all: boolean) {
      return all ? replaceAll(view.state, view.dispatch, replacement) : replaceCurrent(view.state, view.dispatch, replacement, () => view.state);
    },
    goToUnit(unit: string, fallbackIndex?: number) {
      return goToUnit(unit, fallbackIndex)(view.state, view.dispatch);
    },
    selectedText: () => view.state.doc.textBetween(view.state.selection.from, view.state.selection.to, '\n'),
    addSuggestions(list, opts = {}) {
      const r = addSuggestionsTr(view.state, list);
      if (r && !opts.dryRun) view.dispatch(r.tr);
      return r?.added ?? [];
    },
    focus: () => view.focus(),
    mentions: () => mentionsOf(view.state.doc),
    suggestionCount: () => suggestionsOf(view.state).length,
    runEntityCommand(name: EntityCommandName) {
      const cmd = ENTITY_COMMANDS[name];
      return cmd(view.state, view.dispatch) || (explainRefusal(cmd, view.state, view.dispatch) && false);
    },
    selectMention: (id: string) => selectMention(id)(view.state, view.dispatch),
    setGlossary(glossary: GlossaryEntry[]) {
      applyGlossary(glossary)(view.state, view.dispatch);
    },
    setWordList(wordList: WordList | null) {
      if (!entityKey.getState(view.state)) return;
      const action: EntityAction = { config: { wordList } };
      view.dispatch(view.state.tr.setMeta(entityKey, action).setMeta('addToHistory', false));
    },
    goToRow: (index: number) => goToRow(index)(view.state, view.dispatch),
    qa: qaFacet(view),
    spell: spellFacet(view),
    translation: translationFacet(view),
    review: reviewFacet(view),
    destroy() {
      clearTimeout(hintTimer);
      view.destroy();
      mount.classList.remove('muwazi-editor-host', REFUSED_CLASS);
    },
  };
}

/** The annotations with the suggestions the sidecar keeps (rejected, and pending ones from it). */
function withSuggestions(a: Annotations, state: EditorState): Annotations {
  const suggestions = suggestionsToStore(state);
  if (suggestions === null) return a;
  if (suggestions) return { ...a, suggestions };
  if (!a.suggestions) return a;
  const { suggestions: _dropped, ...rest } = a;
  return rest as Annotations;
}
