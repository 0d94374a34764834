// The editor's commands by catalog id (shared/commands/catalog.ts): what the app shell's menus,
// context menu, palette and row toolbar run through the editor handle (EditorHandle.run / canRun),
// so renderer/ui never imports editor commands or plugins. Row commands are the named ones of
// commands/index.ts; entity commands are the ones entity-keys.ts binds to keys, reused as they are.
import type { EditorState, Transaction } from 'prosemirror-state';
import { commands } from './commands/index.ts';
import type { Command } from './commands/util.ts';
import { cursorOf } from './commands/util.ts';
import {
  acceptAllSuggestions, acceptSuggestion, gotoSuggestion, linkMention, rejectAllSuggestions, rejectSuggestion, removeTag,
  tagAllOccurrences, tagSelection,
} from './commands/entities.ts';
import { mentionAtSelection } from './entities/doc.ts';
import { entityKey, suggestionAtSelection, suggestionsOf } from './entities/state.ts';
import { TAG_AS } from '../../shared/commands/catalog.ts';

/** A command and, where its dry run says yes even when it would only explain a refusal, when it
 * really applies (menus grey it out otherwise). */
interface TableEntry {
  run: Command;
  applies?: (state: EditorState) => boolean;
}

const hasEntities = (s: EditorState) => entityKey.getState(s) !== undefined;
const onMention = (s: EditorState) => hasEntities(s) && mentionAtSelection(s) !== null;
const anySuggestion = (s: EditorState) => hasEntities(s) && suggestionsOf(s).length > 0;

const ENTITY: Record<string, TableEntry> = {
  link: { run: linkMention, applies: onMention },
  tagAll: { run: tagAllOccurrences, applies: onMention },
  removeTag: { run: removeTag, applies: onMention },
  accept: { run: acceptSuggestion, applies: anySuggestion },
  reject: { run: rejectSuggestion, applies: (s) => hasEntities(s) && suggestionAtSelection(s) !== null },
  acceptAll: { run: acceptAllSuggestions },
  rejectAll: { run: rejectAllSuggestions },
  nextSuggestion: { run: gotoSuggestion(1), applies: anySuggestion },
  previousSuggestion: { run: gotoSuggestion(-1), applies: anySuggestion },
};

/** The table entry of an id (`tagAs.PER` tags the selection as PER), or null. */
function entryOf(id: string): TableEntry | null {
  if (id.startsWith(TAG_AS)) {
    const type = id.slice(TAG_AS.length);
    // a tag type the project does not have is refused; the caret must be in a sentence
    return { run: tagSelection(type), applies: (s) => hasEntities(s) && entityKey.getState(s)!.tagSet.some((t) => t.name === type) && cursorOf(s)?.sentence != null };
  }
  if (id in ENTITY) return ENTITY[id];
  const cmd = (commands as Record<string, Command>)[id];
  return cmd ? { run: cmd } : null;
}

/** Runs command `id`; false when there is no such command or it does not apply. */
export function runById(id: string, state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const e = entryOf(id);
  if (!e || (e.applies && !e.applies(state))) return false;
  return e.run(state, dispatch);
}

/** Whether command `id` applies in `state` (a dry run). */
export function canRunById(id: string, state: EditorState): boolean {
  const e = entryOf(id);
  if (!e) return false;
  return e.applies ? e.applies(state) : e.run(state);
}

/** Where the selection is, for the context menu: in a sentence ('row'), on a mention or suggestion ('mention'). */
export function contextsAt(state: EditorState): Array<'row' | 'mention'> {
  const out: Array<'row' | 'mention'> = [];
  if (cursorOf(state)?.sentence) out.push('row');
  if (hasEntities(state) && (mentionAtSelection(state) || suggestionAtSelection(state))) out.push('mention');
  return out;
}
