// The editor's keyboard shortcuts, and the same list as data for the app's help panel and menu
// accelerators. Mod = Ctrl on Linux/Windows, Cmd on macOS. Mod-s (save) is the app's.
// Translators' habits win (issue 14): Ctrl+Backspace / Ctrl+Delete are left to the browser
// (delete a word), Enter moves on to the next row's English as in OmegaT, and the structural
// edits sit on deliberate Ctrl+Alt chords (docs/user-guide.md, "Keys for OmegaT users").
import { keymap } from 'prosemirror-keymap';
import type { Plugin } from 'prosemirror-state';
import { commands, type CommandName } from './commands/index.ts';
import { cursorOf, type Command } from './commands/util.ts';
import { arrowToRow, inSentence } from './commands/arrows.ts';
import { entryOf } from '../../shared/commands/catalog.ts';

/** One documented shortcut. */
export interface Shortcut {
  /** the command it runs (EditorHandle.runCommand name) */
  command: CommandName;
  /** key names in prosemirror-keymap notation, first one is the primary */
  keys: string[];
  /** English description (the app may translate by `command`) */
  description: string;
}

/** The keys of an editor command: the command catalog (shared/commands/catalog.ts) is the one
 * list the menus, palette, help and this keymap read, so they cannot disagree. */
function keysOf(id: CommandName): string[] {
  const keys = entryOf(id)?.keys;
  if (!keys?.length) throw new Error(`the command catalog has no keys for ${id}`);
  return [...keys];
}

/** All shortcuts of the editor, in the order a help panel should show them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'nextRowTarget', keys: keysOf('nextRowTarget'), description: "Next row's English" },
  // Ctrl+Enter goes back a row, as OmegaT's does
  { command: 'previousRowTarget', keys: keysOf('previousRowTarget'), description: "Previous row's English" },
  { command: 'firstRowTarget', keys: keysOf('firstRowTarget'), description: "First row's English" },
  { command: 'lastRowTarget', keys: keysOf('lastRowTarget'), description: "Last row's English" },
  { command: 'splitTarget', keys: keysOf('splitTarget'), description: 'Split the English sentence at the cursor' },
  { command: 'mergeTargetNext', keys: keysOf('mergeTargetNext'), description: 'Merge the English sentence with the next one' },
  { command: 'splitRow', keys: keysOf('splitRow'), description: 'Split the row at the sentence under the cursor' },
  { command: 'mergeRowPrevious', keys: keysOf('mergeRowPrevious'), description: 'Merge the row with the previous row' },
  { command: 'mergeRowNext', keys: keysOf('mergeRowNext'), description: 'Merge the row with the next row' },
  { command: 'moveSentenceUp', keys: keysOf('moveSentenceUp'), description: 'Move the first sentence of the cell into the previous row' },
  { command: 'moveSentenceDown', keys: keysOf('moveSentenceDown'), description: 'Move the last sentence of the cell into the next row' },
  { command: 'insertTargetRow', keys: keysOf('insertTargetRow'), description: 'Insert an empty row with only English (0-1)' },
  { command: 'leaveUntranslated', keys: keysOf('leaveUntranslated'), description: 'Leave the Arabic untranslated (1-0), or undo that' },
  { command: 'splitSource', keys: keysOf('splitSource'), description: 'Split the Arabic sentence at the cursor' },
  { command: 'mergeSourceNext', keys: keysOf('mergeSourceNext'), description: 'Merge the Arabic sentence with the next one' },
  { command: 'confirmRow', keys: keysOf('confirmRow'), description: 'Confirm the row' },
  { command: 'cycleStatus', keys: keysOf('cycleStatus'), description: 'Next row status (auto → draft → translated → auto; reviewed only by Accept in review mode)' },
  { command: 'nextLowConfidence', keys: keysOf('nextLowConfidence'), description: 'Next row to review (QA finding or low confidence)' },
  { command: 'previousLowConfidence', keys: keysOf('previousLowConfidence'), description: 'Previous row to review (QA finding or low confidence)' },
  // review mode only (renderer/ui/review-panel.ts); accept and send back are the panel's Ctrl+Alt+A / Ctrl+Alt+B
  { command: 'nextChangedRow', keys: keysOf('nextChangedRow'), description: 'Review mode: next row changed since its review' },
  { command: 'previousChangedRow', keys: keysOf('previousChangedRow'), description: 'Review mode: previous row changed since its review' },
  { command: 'undo', keys: keysOf('undo'), description: 'Undo' },
  { command: 'redo', keys: keysOf('redo'), description: 'Redo' },
];

/** Enter in the Arabic does nothing (the source is read-only), quietly. */
const enterInSource: Command = (state) => cursorOf(state)?.side === 'source';

/** The shortcut plugin; put it before the base keymap. */
export function editorKeymap(): Plugin {
  return keymap(editorBindings());
}

/** The key → command table of editorKeymap (the command catalog's agreement test reads it). */
export function editorBindings(): Record<string, Command> {
  const bindings: Record<string, Command> = {};
  for (const s of SHORTCUTS) for (const k of s.keys) bindings[k] = commands[s.command];
  // Enter in the English moves on; in the last row (or the Arabic) it does nothing, quietly: the
  // base keymap's paragraph split must not run. Shift+Enter splits the sentence, or does nothing.
  const next = commands.nextRowTarget;
  bindings['Enter'] = (state, dispatch) => (cursorOf(state)?.side === 'target' ? next(state, dispatch) || true : enterInSource(state, dispatch));
  bindings['Shift-Enter'] = (state, dispatch) => commands.splitTarget(state, dispatch) || inSentence(state);
  // ArrowDown on the English cell's last line → next row's English (ArrowUp: previous row's)
  bindings['ArrowDown'] = arrowToRow(1);
  bindings['ArrowUp'] = arrowToRow(-1);
  return bindings;
}
