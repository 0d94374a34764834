// English spell check of the target sentences (never the Arabic): misspelt words get a wavy
// underline (class `spell-error`) and `aria-invalid="spelling"`, which screen readers announce.
//
// The dictionary comes from outside (options.loadChecker: nspell + dictionary-en, loaded in idle
// time after the report is shown, see renderer/editor/spell/load.ts). Once it is there, the whole
// document is checked once, a batch of sentences per idle callback, so typing never waits. After
// that only the sentences a transaction changed are checked again; every other decoration is
// mapped. A word is not flagged when it is
//   - correct for the dictionary, or in `accepted` (the project dictionary and the words ignored
//     in this session), with Hunspell's case rules (shared/text/english-words.ts acceptsWord);
//   - inside an English entity mention, or a word of any English mention's text (a name);
//   - the word being typed: a misspelt word holding the caret after an edit is held back (not
//     decorated) until the caret leaves it, as word processors do.
// Accepting words (or learning a new name) removes the underline of that word everywhere at once,
// by a sweep over the decorations, not over the document.
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode } from 'prosemirror-model';
import { acceptsWord, englishWords, spellingKey } from '../../../shared/text/english-words.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { N } from '../schema.ts';
import { changedRanges, mergeRanges, type Range } from '../ranges.ts';
import { AddMarkStep, RemoveMarkStep } from 'prosemirror-transform';
import type { Command } from '../commands/util.ts';
import { forEachRow } from '../rows.ts';

/** What the plugin needs of a spell checker (nspell satisfies it). */
export interface SpellChecker {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/** A misspelt word, in document positions. */
export interface Misspelling {
  from: number;
  to: number;
  word: string;
}

/** A function that runs `fn` when the page is idle; returns a canceller. */
export type IdleScheduler = (fn: () => void) => () => void;

/** Options of the spell plugin. */
export interface SpellOptions {
  /** loads the English dictionary; called once per editor state, in idle time */
  loadChecker: () => Promise<SpellChecker>;
  /** words accepted from the start (the project dictionary and this session's ignored words) */
  accepted?: () => Iterable<string>;
  /** opens the suggestions menu on a misspelling (renderer/ui/spell-menu.ts); absent: no menu */
  openMenu?: (view: EditorView, hit: Misspelling) => void;
  /** told when the dictionary could not be loaded (the editor works on, unchecked) */
  onError?: (e: unknown) => void;
  /** schedules idle work (default: requestIdleCallback, else a timeout) */
  idle?: IdleScheduler;
}

/** The plugin's state. */
export interface SpellState {
  /** null until the dictionary is loaded */
  checker: SpellChecker | null;
  /** accepted words (project dictionary + ignored in this session), as written */
  accepted: ReadonlySet<string>;
  /** words of English mention texts seen so far (names are not misspellings) */
  names: ReadonlySet<string>;
  /** positions of target sentences still to check in the whole-document pass, ascending */
  pending: readonly number[];
  /** the misspelt word being typed at the caret, not decorated until the caret leaves it */
  held: Misspelling | null;
  decorations: DecorationSet;
}

/** Actions, as transaction meta. */
export type SpellMeta =
  | { checker: SpellChecker }
  | { run: number }
  | { accept: readonly string[] }
  | { setAccepted: readonly string[] }
  | { noHold: true };

export const spellKey = new PluginKey<SpellState>('muwazi-spell');

/** Shortcut of the spelling menu on the word at the caret (or the next misspelling). */
export const SPELL_MENU_KEY = 'Mod-.';

const isTarget = (node: PMNode) => node.type.name === N.target;

function deco(m: Misspelling): Decoration {
  return Decoration.inline(m.from, m.to, { class: 'spell-error', 'aria-invalid': 'spelling' }, { spell: true, word: m.word });
}

/** Entity mentions of a sentence: their UTF-16 ranges and texts. */
function mentionsIn(node: PMNode): Array<{ from: number; to: number; text: string }> {
  const out: Array<{ from: number; to: number; text: string; id: string }> = [];
  node.forEach((child, offset) => {
    const mark = child.marks.find((m) => m.type.name === 'entity');
    if (!mark || !child.text) return;
    const last = out[out.length - 1];
    if (last && last.id === mark.attrs.id && last.to === offset) {
      last.to += child.text.length;
      last.text += child.text;
    } else out.push({ from: offset, to: offset + child.text.length, text: child.text, id: mark.attrs.id as string });
  });
  return out;
}

/** What checking one sentence gives. */
interface Checked {
  misspelt: Misspelling[];
  /** the misspelt word at `hold`, if any (not in `misspelt`) */
  held: Misspelling | null;
  /** words of the sentence's mention texts */
  names: string[];
}

/** Checks the target sentence `node` at `pos`; a misspelling containing position `hold` is held back. */
function checkSentence(node: PMNode, pos: number, s: Pick<SpellState, 'checker' | 'accepted' | 'names'>, hold: number | null): Checked {
  const text = node.textContent;
  const mentions = mentionsIn(node);
  const names = mentions.flatMap((m) => englishWords(m.text, { skipAllCaps: false }).map((w) => w.text));
  const out: Checked = { misspelt: [], held: null, names };
  if (!s.checker || text === '') return out;
  const map = new OffsetMap(text);
  for (const w of englishWords(text)) {
    // sentences hold text only: a UTF-16 offset into textContent is a position offset
    const from = pos + 1 + map.toUtf16(w.start);
    const to = pos + 1 + map.toUtf16(w.end);
    if (mentions.some((m) => pos + 1 + m.from < to && pos + 1 + m.to > from)) continue;
    if (acceptsWord(s.accepted, w.text) || s.names.has(w.text) || names.includes(w.text) || s.checker.correct(spellingKey(w.text))) continue;
    const m = { from, to, word: w.text };
    if (hold !== null && from <= hold && hold <= to) out.held = m;
    else out.misspelt.push(m);
  }
  return out;
}

/** Positions of every target sentence, in document order (one walk over rows and cells). */
function targetPositions(doc: PMNode): number[] {
  const out: number[] = [];
  forEachRow(doc, (row, rowOffset) => {
    const cell = row.lastChild;
    if (!cell || cell.type.name !== N.targetCell) return;
    let p = rowOffset + 1 + row.firstChild!.nodeSize + 1;
    cell.forEach((sentence) => {
      out.push(p);
      p += sentence.nodeSize;
    });
  });
  return out;
}

/** Replaces the decorations of the sentence at `pos` with `misspelt`. Usually they are the mapped
 * old ones (typing a correct word): then the set is left as it is, since add and remove walk every
 * row of the document (DecorationSet.addInner) and would cost milliseconds per key in a long report. */
function replaceIn(set: DecorationSet, doc: PMNode, pos: number, node: PMNode, misspelt: Misspelling[]): DecorationSet {
  const old = set.find(pos, pos + node.nodeSize, (spec) => spec.spell === true).sort((a, b) => a.from - b.from);
  if (old.length === misspelt.length && old.every((d, i) => d.from === misspelt[i].from && d.to === misspelt[i].to && d.spec.word === misspelt[i].word)) return set;
  const next = old.length ? set.remove(old) : set;
  return misspelt.length ? next.add(doc, misspelt.map(deco)) : next;
}

/** Removes the decorations (and the held word) of words that are accepted now. */
function sweep(s: SpellState): SpellState {
  const ok = (word: string) => acceptsWord(s.accepted, word) || s.names.has(word);
  const gone = s.decorations.find(undefined, undefined, (spec) => spec.spell === true && ok(spec.word as string));
  const decorations = gone.length ? s.decorations.remove(gone) : s.decorations;
  const held = s.held && ok(s.held.word) ? null : s.held;
  if (decorations === s.decorations && held === s.held) return s;
  return { ...s, decorations, held };
}

/** Adds names learnt from checked sentences; sweeps when any is new. */
function learnNames(s: SpellState, names: readonly string[]): SpellState {
  const fresh = names.filter((n) => !s.names.has(n));
  if (!fresh.length) return s;
  return sweep({ ...s, names: new Set([...s.names, ...fresh]) });
}

/** Checks the next `count` sentences of the whole-document pass. */
function runPending(s: SpellState, doc: PMNode, count: number): SpellState {
  const batch = s.pending.slice(0, count);
  const misspelt: Misspelling[] = [];
  const names: string[] = [];
  for (const pos of batch) {
    const node = doc.nodeAt(pos);
    if (!node || !isTarget(node)) continue;
    const c = checkSentence(node, pos, s, null);
    // the pass may meet a sentence already checked after an edit: its decorations are replaced
    const old = s.decorations.find(pos, pos + node.nodeSize, (spec) => spec.spell === true);
    if (old.length) s = { ...s, decorations: s.decorations.remove(old) };
    misspelt.push(...c.misspelt);
    names.push(...c.names);
  }
  const decorations = misspelt.length ? s.decorations.add(doc, misspelt.map(deco)) : s.decorations;
  return learnNames({ ...s, pending: s.pending.slice(count), decorations }, names);
}

/** Where `tr` changed the document, including marks added or removed (a new mention makes its
 * words names; changedRanges sees only steps that move content). */
function touched(tr: Transaction): Range[] {
  const marks: Range[] = [];
  tr.steps.forEach((step, i) => {
    if (!(step instanceof AddMarkStep || step instanceof RemoveMarkStep)) return;
    const rest = tr.mapping.slice(i + 1);
    marks.push({ from: rest.map(step.from, 1), to: rest.map(step.to, -1) });
  });
  return marks.length ? mergeRanges([...changedRanges([tr]), ...marks]) : changedRanges([tr]);
}

/** After a document change: map everything, check again the target sentences the change touched. */
function afterChange(s: SpellState, tr: Transaction, noHold: boolean): SpellState {
  const doc = tr.doc;
  let decorations = s.decorations.map(tr.mapping, doc);
  const pending = s.pending.length ? s.pending.map((p) => tr.mapping.mapResult(p, 1)).filter((r) => !r.deleted).map((r) => r.pos) : s.pending;
  let held: Misspelling | null = null;
  let oldHeld = s.held;
  if (oldHeld) {
    const from = tr.mapping.mapResult(oldHeld.from, 1);
    const to = tr.mapping.mapResult(oldHeld.to, -1);
    oldHeld = from.deleted || to.deleted || to.pos <= from.pos ? null : { ...oldHeld, from: from.pos, to: to.pos };
  }
  if (!s.checker) return { ...s, decorations, pending, held: null };
  const sel = tr.selection;
  const hold = !noHold && sel.empty ? sel.head : null;
  const names: string[] = [];
  const checked: Array<{ from: number; to: number }> = [];
  for (const r of touched(tr)) {
    doc.nodesBetween(Math.max(0, r.from - 1), Math.min(doc.content.size, r.to + 1), (node, pos) => {
      if (isTarget(node)) {
        if (checked.some((c) => c.from === pos)) return false;
        checked.push({ from: pos, to: pos + node.nodeSize });
        const c = checkSentence(node, pos, s, hold);
        decorations = replaceIn(decorations, doc, pos, node, c.misspelt);
        if (c.held) held = c.held;
        names.push(...c.names);
        return false;
      }
      return !node.isTextblock;
    });
  }
  // a word held back before, in a sentence not checked again: the caret has left it (typing goes
  // where the caret is), so it is decorated now if it still reads the same
  if (oldHeld && !checked.some((c) => oldHeld!.from >= c.from && oldHeld!.to <= c.to)) {
    if (doc.textBetween(oldHeld.from, oldHeld.to) === oldHeld.word) decorations = decorations.add(doc, [deco(oldHeld)]);
  }
  return learnNames({ ...s, decorations, pending, held }, names);
}

/** The selection moved without an edit: a held word is decorated once the caret leaves it. */
function afterSelection(s: SpellState, state: EditorState): SpellState {
  const h = s.held;
  if (!h) return s;
  const sel = state.selection;
  if (sel.empty && sel.head >= h.from && sel.head <= h.to) return s;
  return { ...s, held: null, decorations: s.decorations.add(state.doc, [deco(h)]) };
}

function initial(options: SpellOptions | undefined): SpellState {
  return { checker: null, accepted: new Set(options?.accepted?.() ?? []), names: new Set(), pending: [], held: null, decorations: DecorationSet.empty };
}

const defaultIdle: IdleScheduler = (fn) => {
  const g = globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (g.requestIdleCallback) {
    const handle = g.requestIdleCallback(fn, { timeout: 2000 });
    return () => g.cancelIdleCallback?.(handle);
  }
  const t = setTimeout(fn, 0);
  return () => clearTimeout(t);
};

/** Sentences per idle callback at first; then sized to take about TARGET_MS. */
const FIRST_BATCH = 100;
const TARGET_MS = 8;

/** The spell-check plugin and its keys (the menu shortcut). No options: spell check off. */
export function spellPlugins(options?: SpellOptions): Plugin[] {
  if (!options) return [];
  const idle = options.idle ?? defaultIdle;
  const plugin = new Plugin<SpellState>({
    key: spellKey,
    state: {
      init: () => initial(options),
      apply(tr, s, _old, state) {
        const meta = tr.getMeta(spellKey) as SpellMeta | undefined;
        if (meta && 'checker' in meta) {
          return { ...s, checker: meta.checker, held: null, pending: targetPositions(tr.doc), decorations: DecorationSet.empty };
        }
        if (meta && 'run' in meta) return runPending(s, tr.doc, meta.run);
        if (meta && 'accept' in meta) return sweep({ ...s, accepted: new Set([...s.accepted, ...meta.accept]) });
        if (meta && 'setAccepted' in meta) {
          const accepted = new Set(meta.setAccepted);
          const shrunk = [...s.accepted].some((w) => !accepted.has(w));
          // a word taken out (a teammate edited the file): check everything again, in idle time
          if (shrunk && s.checker) return { ...s, accepted, pending: targetPositions(tr.doc) };
          return sweep({ ...s, accepted });
        }
        if (tr.docChanged) return afterChange(s, tr, meta !== undefined && 'noHold' in meta);
        return tr.selectionSet ? afterSelection(s, state) : s;
      },
    },
    props: {
      decorations: (state) => {
        return spellKey.getState(state)?.decorations ?? null;
      },
      handleDOMEvents: {
        contextmenu(view, event) {
          if (!options.openMenu) return false;
          // a right-click names its word by where it is; the context-menu key (button 0) the caret's
          const at = event.button === 2 ? view.posAtCoords({ left: event.clientX, top: event.clientY }) : null;
          const hit = event.button === 2 ? at && misspellingAt(view.state, at.pos) : misspellingAt(view.state, view.state.selection.head);
          if (!hit) return false;
          event.preventDefault();
          options.openMenu(view, hit);
          return true;
        },
      },
    },
    view(view) {
      let cancel: (() => void) | null = null;
      let destroyed = false;
      let batch = FIRST_BATCH;
      const dom = view.dom as HTMLElement;
      dom.setAttribute('data-spell', 'loading');
      const step = () => {
        cancel = null;
        if (destroyed) return;
        const t0 = performance.now();
        view.dispatch(view.state.tr.setMeta(spellKey, { run: batch } satisfies SpellMeta).setMeta('addToHistory', false));
        const ms = performance.now() - t0;
        batch = Math.max(10, Math.min(5000, Math.round(batch * (ms > 0 ? TARGET_MS / ms : 2))));
      };
      const sync = () => {
        const s = spellKey.getState(view.state);
        if (!s?.checker) return;
        if (s.pending.length) {
          if (!cancel) cancel = idle(step);
        } else dom.setAttribute('data-spell', 'ready');
      };
      cancel = idle(() => {
        cancel = null;
        options.loadChecker().then((checker) => {
          if (destroyed) return;
          view.dispatch(view.state.tr.setMeta(spellKey, { checker } satisfies SpellMeta).setMeta('addToHistory', false));
        }, (e: unknown) => {
          if (destroyed) return;
          dom.setAttribute('data-spell', 'error');
          options.onError?.(e);
        });
      });
      return {
        update: sync,
        destroy() {
          destroyed = true;
          cancel?.();
          dom.removeAttribute('data-spell');
        },
      };
    },
  });
  const menu = (state: EditorState, dispatch?: (tr: Transaction) => void, view?: EditorView): boolean => {
    if (!options.openMenu) return false;
    const here = misspellingAt(state, state.selection.head);
    if (here) {
      if (dispatch && view) options.openMenu(view, here);
      return true;
    }
    if (!nextMisspelling(state, dispatch)) return false;
    if (view) {
      const hit = misspellingAt(view.state, view.state.selection.from);
      if (hit) options.openMenu(view, hit);
    }
    return true;
  };
  return [plugin, keymap({ [SPELL_MENU_KEY]: menu })];
}

/** The misspelling at `pos` (a decorated word or the held one), or null. */
export function misspellingAt(state: EditorState, pos: number): Misspelling | null {
  const s = spellKey.getState(state);
  if (!s) return null;
  if (s.held && pos >= s.held.from && pos <= s.held.to) return s.held;
  const d = s.decorations.find(pos, pos, (spec) => spec.spell === true)[0];
  return d ? { from: d.from, to: d.to, word: d.spec.word as string } : null;
}

/** Every decorated misspelling, in document order (tests, a count). */
export function misspellings(state: EditorState): Misspelling[] {
  const s = spellKey.getState(state);
  if (!s) return [];
  return s.decorations.find(undefined, undefined, (spec) => spec.spell === true)
    .map((d) => ({ from: d.from, to: d.to, word: d.spec.word as string }))
    .sort((a, b) => a.from - b.from);
}

/** Selects the next misspelling after the selection (wrapping) and scrolls to it. */
export const nextMisspelling: Command = (state, dispatch) => {
  const all = misspellings(state);
  if (!all.length) return false;
  const after = state.selection.to;
  const hit = all.find((m) => m.from > after) ?? all[0];
  if (hit.from === state.selection.from && hit.to === state.selection.to && all.length === 1) return false;
  dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, hit.from, hit.to)).scrollIntoView());
  return true;
};

/** Replaces a misspelt word by `text`: one undo step; marks on the word (none: words in mentions
 * are never flagged) are kept by insertText. False when the word is not there any more. */
export function replaceMisspelling(hit: Misspelling, text: string): Command {
  return (state, dispatch) => {
    if (hit.to > state.doc.content.size || state.doc.textBetween(hit.from, hit.to) !== hit.word || text === '') return false;
    if (dispatch) {
      const tr = state.tr.insertText(text, hit.from, hit.to);
      tr.setSelection(TextSelection.create(tr.doc, hit.from + text.length)).setMeta(spellKey, { noHold: true } satisfies SpellMeta);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** A transaction accepting `words` (added to the project dictionary or ignored): their underlines go. Not undoable. */
export function acceptWordsTr(state: EditorState, words: readonly string[]): Transaction {
  return state.tr.setMeta(spellKey, { accept: words } satisfies SpellMeta).setMeta('addToHistory', false);
}

/** A transaction replacing the accepted words (the project dictionary reloaded). Not undoable. */
export function setAcceptedTr(state: EditorState, words: readonly string[]): Transaction {
  return state.tr.setMeta(spellKey, { setAccepted: words } satisfies SpellMeta).setMeta('addToHistory', false);
}

/** Up to `max` suggestions for a word (empty before the dictionary is loaded). */
export function suggestionsFor(state: EditorState, word: string, max = 6): string[] {
  const checker = spellKey.getState(state)?.checker;
  if (!checker) return [];
  const typographic = word.includes('’');
  return checker.suggest(spellingKey(word)).slice(0, max).map((w) => (typographic ? w.replace(/'/g, '’') : w));
}
