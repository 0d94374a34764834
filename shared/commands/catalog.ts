// The command catalog: every command the user can reach, as environment-free data. One list feeds
// the native menu (electron/menu.ts), the in-window menu bar, the context menu, the command palette,
// the row toolbar and the shortcut list (renderer/ui/command-registry.ts adds how to run each and
// whether it applies now). The keys here are the ones the keymaps bind (renderer/editor/keymap.ts,
// renderer/editor/plugins/entity-keys.ts, APP_SHORTCUTS in renderer/ui/commands.ts): the editor's
// keymap takes its keys from here (keysOf in keymap.ts); a unit test
// (tests/shared/commands/catalog.test.ts) fails when any of them disagrees.
// Adding a command is one line in CATALOG (plus its label in shared/i18n/*.json and its handler).

/** Who runs a command: the app shell (App.run), or the editor (EditorHandle.run). 'key' entries are
 * keys handled elsewhere (F6, F10, …): listed for the help panel only, never run by name. */
export type CommandScope = 'app' | 'editor' | 'key';

/** The menus of the menu bar, in order. */
export const MENU_IDS = ['file', 'edit', 'view', 'row', 'entities', 'help'] as const;
export type MenuId = (typeof MENU_IDS)[number];

/** Where a command is offered in the context menu: on any sentence ('row') or on a mention. */
export type CommandContext = 'row' | 'mention';

/** One command. */
export interface CatalogEntry {
  /** stable id: what the native menu sends, what the palette filters by */
  id: string;
  scope: CommandScope;
  /** i18n key of its name ('menu.save', 'commands.splitRow', …) */
  labelKey: string;
  /** keys in prosemirror-keymap notation; the first is the one shown. `<key>` stands for a tag key */
  keys?: readonly string[];
  /** menu placement: which menu, and which group (a separator between groups); `sub` names a
   * submenu (an i18n key) the item sits in */
  menu?: { id: MenuId; group: number; sub?: string };
  /** offered in the context menu there */
  context?: readonly CommandContext[];
  /** on the row toolbar */
  toolbar?: boolean;
  /** not listed in the palette (keys-only entries, per-type templates) */
  noPalette?: boolean;
}

const app = (id: string, labelKey: string, keys?: readonly string[], menu?: CatalogEntry['menu'], extra: Partial<CatalogEntry> = {}): CatalogEntry =>
  ({ id, scope: 'app', labelKey, ...(keys ? { keys } : {}), ...(menu ? { menu } : {}), ...extra });
const ed = (id: string, keys: readonly string[] | undefined, menu: CatalogEntry['menu'] | undefined, extra: Partial<CatalogEntry> = {}): CatalogEntry =>
  ({ id, scope: 'editor', labelKey: `commands.${id}`, ...(keys ? { keys } : {}), ...(menu ? { menu } : {}), ...extra });
const row = ['row'] as const;
const mention = ['mention'] as const;
const both = ['row', 'mention'] as const;

/** The id prefix of "tag as <type>" commands: `tagAs.PER`. */
export const TAG_AS = 'tagAs.';

/** Every command, in menu order. */
export const CATALOG: readonly CatalogEntry[] = [
  // File
  app('openFolder', 'menu.openFolder', ['Mod-o'], { id: 'file', group: 0 }),
  app('openRecent', 'menu.openRecent', undefined, { id: 'file', group: 0 }),
  app('openSample', 'menu.openSample', undefined, { id: 'file', group: 0 }),
  app('save', 'menu.save', ['Mod-s'], { id: 'file', group: 1 }),
  app('importTranslation', 'menu.importTranslation', ['Mod-Shift-i'], { id: 'file', group: 2 }),
  app('importMemory', 'menu.importMemory', undefined, { id: 'file', group: 2 }),
  app('export', 'menu.export', ['Mod-e'], { id: 'file', group: 2 }),
  app('qaReport', 'menu.qaReport', undefined, { id: 'file', group: 2 }),
  app('agreement', 'menu.agreement', undefined, { id: 'file', group: 2 }),
  app('settings', 'menu.settings', undefined, { id: 'file', group: 3 }),
  // Edit
  // the editor's keymap binds undo and redo (a text field's Ctrl+Z stays the field's)
  { ...ed('undo', ['Mod-z'], { id: 'edit', group: 0 }), labelKey: 'menu.undo' },
  { ...ed('redo', ['Mod-Shift-z', 'Mod-y'], { id: 'edit', group: 0 }), labelKey: 'menu.redo' },
  app('find', 'menu.find', ['Mod-f'], { id: 'edit', group: 1 }),
  app('findNext', 'menu.findNext', ['F3'], { id: 'edit', group: 1 }),
  app('findPrevious', 'menu.findPrevious', ['Shift-F3'], { id: 'edit', group: 1 }),
  app('replace', 'menu.replace', ['Mod-h'], { id: 'edit', group: 1 }),
  app('fillExactMatches', 'menu.fillExactMatches', undefined, { id: 'edit', group: 2 }),
  app('concordance', 'menu.concordance', ['Mod-Shift-c'], { id: 'edit', group: 2 }),
  ...[1, 2, 3, 4, 5].map((n) => app(`insertMatch${n}`, `workbench.keys.insertMatch${n}`, [`Mod-${n}`])),
  app('glossary', 'menu.glossary', undefined, { id: 'edit', group: 3 }),
  app('resegment', 'menu.resegment', undefined, { id: 'edit', group: 4 }),
  // View (the language radio items are built by the menus themselves)
  app('qaPanel', 'menu.qaPanel', ['F9'], { id: 'view', group: 1 }),
  app('palette', 'menu.palette', ['Mod-Shift-p'], { id: 'view', group: 1 }),
  app('reviewMode', 'menu.reviewMode', undefined, { id: 'view', group: 1 }),
  // Row
  ed('splitRow', ['Mod-Alt-r'], { id: 'row', group: 0 }, { context: row, toolbar: true }),
  ed('mergeRowPrevious', ['Mod-Alt-p'], { id: 'row', group: 0 }, { context: row, toolbar: true }),
  ed('mergeRowNext', ['Mod-Alt-n'], { id: 'row', group: 0 }, { context: row, toolbar: true }),
  ed('insertTargetRow', ['Mod-Shift-Enter'], { id: 'row', group: 0 }, { context: row, toolbar: true }),
  ed('leaveUntranslated', ['Mod-Alt-u'], { id: 'row', group: 0 }, { context: row }),
  ed('splitTarget', ['Shift-Enter'], { id: 'row', group: 1 }),
  ed('mergeTargetNext', ['Mod-Alt-j'], { id: 'row', group: 1 }),
  ed('splitSource', ['Mod-Alt-k'], { id: 'row', group: 1 }),
  ed('mergeSourceNext', ['Mod-Alt-m'], { id: 'row', group: 1 }),
  ed('moveSentenceUp', ['Mod-Shift-ArrowUp'], { id: 'row', group: 1 }),
  ed('moveSentenceDown', ['Mod-Shift-ArrowDown'], { id: 'row', group: 1 }),
  ed('setStatusAuto', undefined, { id: 'row', group: 2, sub: 'menu.status' }, { context: row }),
  ed('setStatusDraft', undefined, { id: 'row', group: 2, sub: 'menu.status' }, { context: row }),
  ed('setStatusTranslated', undefined, { id: 'row', group: 2, sub: 'menu.status' }, { context: row }),
  // refused outside review mode (the review command decides, not the menu)
  ed('setStatusReviewed', undefined, { id: 'row', group: 2, sub: 'menu.status' }, { context: row }),
  ed('cycleStatus', ['Mod-Alt-s'], { id: 'row', group: 2 }, { context: row, toolbar: true }),
  ed('confirmRow', ['Mod-Alt-Enter'], { id: 'row', group: 2 }),
  ed('nextLowConfidence', ['F8'], { id: 'row', group: 3 }),
  ed('previousLowConfidence', ['Shift-F8'], { id: 'row', group: 3 }),
  ed('nextChangedRow', ['F7'], { id: 'row', group: 3 }),
  ed('previousChangedRow', ['Shift-F7'], { id: 'row', group: 3 }),
  ed('nextRowTarget', ['Enter', 'Tab'], undefined),
  ed('previousRowTarget', ['Shift-Tab', 'Mod-Enter'], undefined),
  ed('firstRowTarget', ['Mod-Home'], undefined),
  ed('lastRowTarget', ['Mod-End'], undefined),
  // Entities: "tag as" is a template expanded per type of the project's tag set (tagAsEntries)
  ed('tagAs', ['Alt-<key>'], { id: 'entities', group: 0, sub: 'menu.tagAs' }, { context: row, noPalette: true }),
  ed('tagExact', ['Alt-Shift-<key>'], undefined, { noPalette: true }),
  ed('link', ['Alt-k'], { id: 'entities', group: 1 }, { context: mention }),
  ed('tagAll', ['Alt-a'], { id: 'entities', group: 1 }, { context: mention }),
  app('tagAllInProject', 'menu.tagAllInProject', undefined, { id: 'entities', group: 1 }),
  ed('removeTag', ['Alt-Backspace'], { id: 'entities', group: 1 }, { context: mention }),
  ed('accept', ['Alt-Enter'], { id: 'entities', group: 2 }, { context: both }),
  ed('reject', ['Alt-Delete'], { id: 'entities', group: 2 }, { context: both }),
  ed('acceptAll', ['Alt-Shift-Enter'], { id: 'entities', group: 2 }),
  ed('rejectAll', ['Alt-Shift-Delete'], { id: 'entities', group: 2 }),
  ed('nextSuggestion', ['Alt-.'], { id: 'entities', group: 3 }),
  ed('previousSuggestion', ['Alt-,'], { id: 'entities', group: 3 }),
  // Help
  app('shortcuts', 'menu.shortcuts', ['F1'], { id: 'help', group: 0 }),
  app('about', 'menu.about', undefined, { id: 'help', group: 0 }),
  // keys handled by the shell or a plugin, listed for the help panel
  { id: 'cycleRegions', scope: 'key', labelKey: 'shortcuts.cycleRegions', keys: ['F6'], noPalette: true },
  { id: 'menu', scope: 'key', labelKey: 'shortcuts.menu', keys: ['F10'], noPalette: true },
  { id: 'contextMenu', scope: 'key', labelKey: 'commands.contextMenu', keys: ['Shift-F10', 'ContextMenu'], noPalette: true },
  { id: 'spellMenu', scope: 'key', labelKey: 'spell.shortcut', keys: ['Mod-.'], noPalette: true },
];

/** The entry of an id (`tagAs.PER` → the tagAs template), or undefined. */
export function entryOf(id: string): CatalogEntry | undefined {
  const base = id.startsWith(TAG_AS) ? 'tagAs' : id;
  return CATALOG.find((e) => e.id === base);
}

/** One tag type as the entity commands see it. */
export interface TagKey {
  name: string;
  key: string;
}

/** The "tag as" template expanded for a tag set: one command per type, its key Alt+<key>. */
export function tagAsEntries(tagSet: readonly TagKey[]): CatalogEntry[] {
  const tpl = entryOf('tagAs')!;
  return tagSet.map((t) => ({ ...tpl, id: `${TAG_AS}${t.name}`, keys: [`Alt-${t.key.toLowerCase()}`], noPalette: false }));
}

/** The catalog with "tag as" expanded for a tag set (the template itself dropped). */
export function catalogFor(tagSet: readonly TagKey[]): CatalogEntry[] {
  return CATALOG.flatMap((e) => (e.id === 'tagAs' ? tagAsEntries(tagSet) : [e]));
}

/** A key in prosemirror-keymap notation as an Electron accelerator ('Mod-Alt-r' → 'CmdOrCtrl+Alt+R'). */
export function toAccelerator(keys: string): string {
  const names: Record<string, string> = { mod: 'CmdOrCtrl', ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Cmd', cmd: 'Cmd' };
  const arrows: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right' };
  const parts = keys.split('-');
  // 'Alt--' would be a minus; no such key here
  const key = parts.pop()!;
  const mods = parts.map((p) => names[p.toLowerCase()] ?? p);
  const k = arrows[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [...mods, k].join('+');
}
