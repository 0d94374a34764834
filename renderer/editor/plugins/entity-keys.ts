// Entity shortcuts and clicks. Tag keys come from the project's tag set (P O L M by default):
//   - in the Arabic cells, which refuse typing, the plain key tags: P tags PER;
//   - anywhere (English too, where a plain key must type), Alt+key tags;
//   - Shift added (Shift+P in the Arabic, Alt+Shift+P anywhere) keeps the selection exactly as
//     made, without snapping.
// Keys are matched by letter (event.key) and, for non-Latin layouts (an Arabic keyboard gives
// 'ح' for P), by the physical key (event.code KeyP). Other shortcuts: see ENTITY_SHORTCUTS.
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { tagByKey } from '../../../shared/entities/tagset.ts';
import type { Command } from 'prosemirror-state';
import {
  acceptAllSuggestions, acceptSuggestion, cancelLink, explainRefusal, gotoSuggestion, linkMention, linkWith, rejectAllSuggestions,
  rejectSuggestion, removeTag, tagAllOccurrences, tagSelection,
} from '../commands/entities.ts';
import { mentionAtSelection, runsOf, sentenceAt } from '../entities/doc.ts';
import { entityKey, suggestionAtSelection } from '../entities/state.ts';
import { keyLetter } from '../key-letter.ts';

/** One documented entity shortcut (for the help panel). */
export interface EntityShortcut {
  /** stable id; the i18n key is shortcuts.entities.<id> */
  id: string;
  /** key names in prosemirror-keymap notation */
  keys: string;
  /** English description */
  description: string;
}

/** The entity shortcuts, for the help panel (tag keys from the tag set come first, see tagShortcuts). */
export const ENTITY_SHORTCUTS: readonly EntityShortcut[] = [
  { id: 'tagExact', keys: 'Alt-Shift-<key>', description: 'Tag the selection exactly as selected (no snapping); Shift+<key> in the Arabic' },
  { id: 'removeTag', keys: 'Alt-Backspace', description: 'Remove the tag under the caret (Backspace or Delete in the Arabic)' },
  { id: 'link', keys: 'Alt-k', description: 'Link: on a mention, then on its counterpart in the same row (or click it); Esc cancels' },
  { id: 'tagAll', keys: 'Alt-a', description: 'Tag all occurrences of the mention in this report (as suggestions)' },
  { id: 'accept', keys: 'Alt-Enter', description: 'Accept the suggestion under the caret, or the next one (Enter in the Arabic)' },
  { id: 'reject', keys: 'Alt-Delete', description: 'Reject the suggestion under the caret' },
  { id: 'acceptAll', keys: 'Alt-Shift-Enter', description: 'Accept all suggestions' },
  { id: 'rejectAll', keys: 'Alt-Shift-Delete', description: 'Reject all suggestions' },
  { id: 'nextSuggestion', keys: 'Alt-.', description: 'Next suggestion (Alt+, previous)' },
];

/** The tag keys of a tag set as help rows: "Alt-p: tag PER" (a plain P in the Arabic). */
export function tagShortcuts(tagSet: readonly { name: string; key: string; label?: string }[]): EntityShortcut[] {
  return tagSet.map((t) => ({ id: `tag.${t.name}`, keys: `Alt-${t.key.toLowerCase()}`, description: `Tag as ${t.label || t.name} (${t.key.toUpperCase()} alone in the Arabic)` }));
}

/** The command a key event runs, or null (pure, for tests). */
export function commandForKey(view: Pick<EditorView, 'state'>, ev: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): Command | null {
  const es = entityKey.getState(view.state);
  if (!es || ev.ctrlKey || ev.metaKey) return null;
  const inSource = sentenceAt(view.state.doc, view.state.selection.head)?.side === 'ar';
  const letter = keyLetter(ev);
  if (letter && (ev.altKey || inSource)) {
    const tag = tagByKey(es.tagSet, letter);
    if (tag) return tagSelection(tag.name, { exact: ev.shiftKey });
  }
  if (ev.key === 'Escape') return cancelLink;
  if (ev.altKey) {
    if (letter === 'k' && !ev.shiftKey) return linkMention;
    if (letter === 'a' && !ev.shiftKey) return tagAllOccurrences;
    if (ev.key === 'Enter') return ev.shiftKey ? acceptAllSuggestions : acceptSuggestion;
    if (ev.key === 'Delete' || ev.key === 'Backspace') {
      if (ev.shiftKey) return rejectAllSuggestions;
      return (state, dispatch) => (suggestionAtSelection(state) ? rejectSuggestion(state, dispatch) : removeTag(state, dispatch));
    }
    if (ev.code === 'Period' || ev.key === '.') return gotoSuggestion(1);
    if (ev.code === 'Comma' || ev.key === ',') return gotoSuggestion(-1);
    return null;
  }
  if (inSource && !ev.shiftKey) {
    // the Arabic refuses typing, so these keys are free there
    if (ev.key === 'Enter') return (state, dispatch) => (suggestionAtSelection(state) ? acceptSuggestion(state, dispatch) : false);
    if (ev.key === 'Backspace' || ev.key === 'Delete') {
      return (state, dispatch) => {
        if (suggestionAtSelection(state)) return rejectSuggestion(state, dispatch);
        return mentionAtSelection(state) ? removeTag(state, dispatch) : false;
      };
    }
  }
  return null;
}

export const entityKeysKey = new PluginKey('muwazi-entity-keys');

/** Entity keys and link-by-click; put it before the editor's other keymaps. */
export function entityKeys(): Plugin {
  return new Plugin({
    key: entityKeysKey,
    props: {
      handleKeyDown(view, ev) {
        const cmd = commandForKey(view, ev);
        if (!cmd) return false;
        if (cmd(view.state, view.dispatch)) return true;
        // refused: a command that can say why shows it and takes the key; the others (Alt+Backspace
        // with nothing to remove, Enter off a suggestion) leave it to the next handler or the
        // platform, e.g. Alt+Backspace deletes a word
        return explainRefusal(cmd, view.state, view.dispatch);
      },
      handleClick(view, pos) {
        // with a link pending, a click on a mention of the other side completes it
        const link = entityKey.getState(view.state)?.link;
        if (!link) return false;
        const s = sentenceAt(view.state.doc, pos);
        if (!s || s.side === link.side) return false;
        const run = runsOf(s).find((r) => r.from <= pos && pos <= r.to);
        if (!run) return false;
        const cmd = linkWith(run);
        return cmd(view.state, view.dispatch) || explainRefusal(cmd, view.state, view.dispatch);
      },
    },
  });
}
