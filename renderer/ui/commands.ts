// The app's command ids: the in-page menu, the native menu (`menu` host event) and the app's
// shortcuts all name actions with these.
import { keyLetter } from '../editor/key-letter.ts';
import { CATALOG } from '../../shared/commands/catalog.ts';

export const APP_COMMANDS = [
  'openFolder', 'openRecent', 'openSample', 'save', 'importTranslation', 'importMemory', 'export',
  'undo', 'redo', 'langEn', 'langAr', 'shortcuts', 'about', 'glossary', 'settings', 'resegment',
  'find', 'findNext', 'findPrevious', 'replace', 'qaPanel', 'qaReport',
  // teams (renderer/ui/agreement-dialog.ts)
  'agreement',
  // translator's workbench (renderer/ui/workbench.ts): Ctrl+1…Ctrl+5, Edit → Fill Exact Matches, Concordance
  'insertMatch1', 'insertMatch2', 'insertMatch3', 'insertMatch4', 'insertMatch5', 'fillExactMatches', 'concordance',
  // the command palette (renderer/ui/palette.ts)
  'palette',
  // Entities → Tag all occurrences in project… (renderer/ui/project-propagate.ts)
  'tagAllInProject',
  // review mode (renderer/ui/review-panel.ts): View → Review Mode
  'reviewMode',
] as const;

/** One app command id. */
export type AppCommand = (typeof APP_COMMANDS)[number];

export function isAppCommand(s: string): s is AppCommand {
  return (APP_COMMANDS as readonly string[]).includes(s);
}

/** What an app-level key does: an app command, or the shell's own keys (F6, F10, Shift+F10). */
export type AppKeyCommand = AppCommand | 'cycleRegions' | 'menu' | 'contextMenu';
const SHELL_KEYS = new Set(['cycleRegions', 'menu', 'contextMenu']);

/** App-level shortcuts, from the command catalog (shared/commands/catalog.ts): the keys of its app
 * commands and of the shell's own keys (the editor's are bound by renderer/editor/keymap.ts). Keys
 * in ProseMirror notation, `Mod` = Ctrl (Cmd on macOS). */
export const APP_SHORTCUTS: ReadonlyArray<{ keys: string; command: AppKeyCommand; labelKey: string }> = CATALOG
  .filter((e) => e.scope === 'app' || SHELL_KEYS.has(e.id))
  .flatMap((e) => (e.keys ?? []).map((keys) => ({ keys, command: e.id as AppKeyCommand, labelKey: e.labelKey })));

/** Whether a keydown matches a ProseMirror-style key name like 'Mod-Shift-i' (pure, tested). */
export function matchesKey(ev: { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }, keys: string, mac: boolean): boolean {
  const parts = keys.split('-');
  const key = parts.pop()!;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const wantCtrl = mods.has('ctrl') || (mods.has('mod') && !mac);
  const wantMeta = mods.has('meta') || mods.has('cmd') || (mods.has('mod') && mac);
  if (ev.ctrlKey !== wantCtrl || ev.metaKey !== wantMeta) return false;
  if (ev.altKey !== mods.has('alt')) return false;
  if (ev.shiftKey !== mods.has('shift')) return false;
  if (ev.key.toLowerCase() === key.toLowerCase()) return true;
  // a letter shortcut also matches by physical key, so Ctrl+S works on an Arabic layout (key 'س')
  // a digit shortcut matches by physical key too (Ctrl+1 types '&' on AZERTY, '١' on some Arabic layouts)
  if (/^[0-9]$/.test(key)) return ev.code === `Digit${key}`;
  return /^[a-z]$/i.test(key) && keyLetter({ key: ev.key, code: ev.code ?? '' }) === key.toLowerCase();
}

/** A key name for display: 'Mod-Shift-i' → 'Ctrl+Shift+I' (⌘ on macOS). */
export function displayKeys(keys: string, mac: boolean): string {
  return keys
    .split('-')
    .map((p) => {
      const l = p.toLowerCase();
      if (l === 'mod') return mac ? '⌘' : 'Ctrl';
      if (l === 'ctrl') return 'Ctrl';
      if (l === 'alt') return mac ? '⌥' : 'Alt';
      if (l === 'shift') return 'Shift';
      return p.length === 1 ? p.toUpperCase() : p;
    })
    .join('+');
}
