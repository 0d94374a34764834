// The command registry: the catalog (shared/commands/catalog.ts) plus how to run each command and
// whether it applies now. It builds the in-window menus, the context menu's items, the palette's
// list and the app's shortcut table, so none of them keeps a list of its own. Pure (no DOM): the
// menu bar, context menu and palette render what it returns.
import type { TFunction } from 'i18next';
import { MENU_IDS, catalogFor, entryOf, type CatalogEntry, type CommandContext, type TagKey } from '../../shared/commands/catalog.ts';
import type { MenuDef, MenuEntry } from './menubar.ts';
import { displayKeys } from './commands.ts';

/** What the registry needs from the app. */
export interface RegistryDeps {
  /** the UI's translation function now */
  t: () => TFunction;
  /** the project's tag set now (for "Tag as …") */
  tagSet: () => readonly (TagKey & { label?: string })[];
  /** macOS shows ⌘ */
  mac: boolean;
  /** the UI language (the language radio items) */
  lang: () => 'en' | 'ar';
  /** runs an app-scope command */
  runApp: (id: string) => void | Promise<void>;
  /** the open report's editor, or null */
  editor: () => { run(id: string): boolean; canRun(id: string): boolean; contexts(): CommandContext[]; focus(): void } | null;
}

/** One command as the palette and the context menu list it. */
export interface CommandItem {
  id: string;
  label: string;
  /** the first key, for people ('Ctrl+Alt+R'), or '' */
  shortcut: string;
  enabled: boolean;
  /** the label's language when it is not the UI's (a language's own name) */
  lang?: string;
}

/** The label of a catalog entry in a language (`tagAs.PER` → "Tag as PER"). */
export function labelOf(t: TFunction, e: CatalogEntry): string {
  if (e.id.startsWith('tagAs.')) {
    // the type's code, as the editor's chips show it (tag labels are free text in one language)
    return t('commands.tagAs', { type: e.id.slice('tagAs.'.length) });
  }
  return t(e.labelKey);
}

export class CommandRegistry {
  constructor(private readonly d: RegistryDeps) {}

  /** Every command of the project (tag types expanded). */
  entries(): CatalogEntry[] {
    return catalogFor(this.d.tagSet());
  }

  shortcutOf(e: CatalogEntry): string {
    return e.keys?.length ? displayKeys(e.keys[0], this.d.mac) : '';
  }

  /** Whether a command applies now: editor commands ask the editor; app commands always run. */
  enabled(id: string): boolean {
    const e = entryOf(id);
    if (!e) return false;
    if (e.scope === 'editor') return this.d.editor()?.canRun(id) ?? false;
    return e.scope === 'app';
  }

  /** Runs a command by id; an editor command gets the editor's focus back. */
  run(id: string): void {
    const e = entryOf(id);
    if (!e) return;
    if (e.scope === 'app') {
      void this.d.runApp(id);
      return;
    }
    const ed = this.d.editor();
    if (!ed || e.scope !== 'editor') return;
    ed.run(id);
    ed.focus();
  }

  item(e: CatalogEntry, label?: string): CommandItem {
    return { id: e.id, label: label ?? labelOf(this.d.t(), e), shortcut: this.shortcutOf(e), enabled: this.enabled(e.id) };
  }

  /** The in-window menus (the native one is electron/menu.ts, built from the same catalog). */
  menus(): MenuDef[] {
    const t = this.d.t();
    return MENU_IDS.map((id) => {
      const entries: MenuEntry[] = [];
      if (id === 'view') {
        entries.push({ kind: 'group', label: t('menu.language'), entries: [
          { kind: 'radio', command: 'langEn', label: t('menu.english'), checked: this.d.lang() === 'en', lang: 'en' },
          { kind: 'radio', command: 'langAr', label: t('menu.arabic'), checked: this.d.lang() === 'ar', lang: 'ar' },
        ] });
      }
      let group = id === 'view' ? 0 : -1;
      let sub: { key: string; entries: MenuEntry[] } | null = null;
      for (const e of this.entries().filter((x) => x.menu?.id === id)) {
        const m = e.menu!;
        if (m.group !== group) {
          if (group >= 0 || entries.length) entries.push({ kind: 'separator' });
          group = m.group;
          sub = null;
        }
        const item: MenuEntry = { kind: 'item', command: e.id, label: labelOf(t, e), ...(e.keys?.length ? { shortcut: this.shortcutOf(e) } : {}) };
        if (m.sub) {
          if (!sub || sub.key !== m.sub) {
            sub = { key: m.sub, entries: [] };
            entries.push({ kind: 'group', label: t(m.sub), entries: sub.entries });
          }
          sub.entries.push(item);
        } else {
          sub = null;
          entries.push(item);
        }
      }
      return { id, label: t(`menu.${id}`), entries };
    });
  }

  /** The context menu's commands where the selection is now (row commands on a sentence, entity
   * ones on a mention), in catalog order; none outside the text. */
  contextItems(): CommandItem[] {
    const ed = this.d.editor();
    if (!ed) return [];
    const here = ed.contexts();
    if (!here.length) return [];
    // on a mention its own commands come first, then the row's
    const rank = (e: CatalogEntry) => (e.context!.includes('mention') && here.includes('mention') ? 0 : 1);
    return this.entries()
      .filter((e) => e.context?.some((c) => here.includes(c)))
      .filter((e) => !(e.id.startsWith('tagAs.') && here.includes('mention') && !ed.canRun(e.id)))
      .sort((a, b) => rank(a) - rank(b))
      .map((e) => this.item(e));
  }

  /** The palette's commands: every one that can be run by name, with its English and Arabic names. */
  paletteItems(tEn: TFunction, tAr: TFunction): Array<CommandItem & { names: string[] }> {
    const t = this.d.t();
    const items: Array<CommandItem & { names: string[] }> = this.entries().filter((e) => !e.noPalette && e.scope !== 'key').map((e) => ({
      ...this.item(e, labelOf(t, e)),
      names: [labelOf(tEn, e), labelOf(tAr, e)],
    }));
    // the language switch, which the menu shows as radio items
    for (const [id, key, lang] of [['langEn', 'menu.english', 'en'], ['langAr', 'menu.arabic', 'ar']] as const) {
      // each language by its own name (as the menu shows it), found by "Language" in either UI language too
      items.push({ id, label: t(key), lang, shortcut: '', enabled: true, names: [`${tEn('menu.language')}: ${tEn(key)}`, `${tAr('menu.language')}: ${tAr(key)}`] });
    }
    return items;
  }
}
