// The native menu as plain data built from the command catalog (shared/commands/catalog.ts, the
// same list the in-window menu bar, palette and context menu use) and the UI's translated labels
// (shared/i18n/*.json). electron/main.ts turns it into an Electron Menu; items with a `command` send
// the renderer a `menu` event `{ command }`, items with a `role` are Electron's own (clipboard,
// quit, devtools). Every item shows its shortcut; only Ctrl+O and Ctrl+S are registered with the
// system, the other keys are the renderer's (its keymaps), so a key never runs a command twice.
import en from '../shared/i18n/en.json' with { type: 'json' };
import ar from '../shared/i18n/ar.json' with { type: 'json' };
import { MENU_IDS, catalogFor, toAccelerator, type CatalogEntry, type TagKey } from '../shared/commands/catalog.ts';
import { DEFAULT_TAG_SET } from '../shared/model/schema.ts';

/** UI languages the menu is translated into. */
export type MenuLang = 'en' | 'ar';

/** One menu item, Electron-independent. */
export interface MenuItemSpec {
  /** translated label (absent for separators and plain roles) */
  label?: string;
  /** an Electron role (undo, copy, quit, toggleDevTools, …) handled natively */
  role?: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'quit' | 'toggleDevTools' | 'appMenu';
  /** renderer command sent as the `menu` event: the i18n key name (openFolder, save, export, …),
   * except the language items, which use the renderer's ids langEn / langAr */
  command?: string;
  /** keyboard accelerator in Electron syntax */
  accelerator?: string;
  /** false: the accelerator is shown but the renderer handles the key (Electron's registerAccelerator) */
  registerAccelerator?: boolean;
  /** 'separator', 'radio' (language choice) or a normal item */
  type?: 'separator' | 'radio' | 'normal';
  /** radio state */
  checked?: boolean;
  /** nested items */
  submenu?: MenuItemSpec[];
}

/** Options of `buildMenuTemplate`. */
export interface MenuOptions {
  /** show Toggle Developer Tools */
  dev?: boolean;
  /** macOS gets the standard app menu first */
  platform?: NodeJS.Platform;
  /** the tag set for Entities → Tag as (default: the default tag set) */
  tagSet?: readonly (TagKey & { label?: string })[];
}

type Json = { [k: string]: string | Json };
const JSON_OF: Record<MenuLang, Json> = { en: en as unknown as Json, ar: ar as unknown as Json };

/** A dotted i18n key's text in a language ('menu.save'), English when missing, with {{vars}} filled. */
function translate(lang: MenuLang, key: string, vars: Record<string, string> = {}): string {
  const look = (j: Json) => key.split('.').reduce<string | Json | undefined>((o, k) => (o && typeof o === 'object' ? o[k] : undefined), j);
  const v = look(JSON_OF[lang]);
  const text = typeof v === 'string' ? v : (() => { const e = look(JSON_OF.en); return typeof e === 'string' ? e : key; })();
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

/** Keys the system registers (the renderer has no other way to get them before a page loads). */
const REGISTERED = new Set(['openFolder', 'save']);

/** The menu template in a language. */
export function buildMenuTemplate(lang: MenuLang, opts: MenuOptions = {}): MenuItemSpec[] {
  const t = (key: string, vars?: Record<string, string>) => translate(lang, key, vars);
  const tagSet = opts.tagSet ?? DEFAULT_TAG_SET;
  const sep: MenuItemSpec = { type: 'separator' };
  const item = (e: CatalogEntry): MenuItemSpec => {
    const tag = e.id.startsWith('tagAs.') ? tagSet.find((x) => `tagAs.${x.name}` === e.id) : undefined;
    const label = tag ? t('commands.tagAs', { type: tag.name }) : t(e.labelKey);
    const keys = e.keys?.[0];
    return {
      label, command: e.id,
      ...(keys ? { accelerator: toAccelerator(keys), ...(REGISTERED.has(e.id) ? {} : { registerAccelerator: false }) } : {}),
    };
  };
  const fromCatalog = (id: string): MenuItemSpec[] => {
    const out: MenuItemSpec[] = [];
    let group = -1;
    let sub: { key: string; items: MenuItemSpec[] } | null = null;
    // undo and redo are the Edit menu's roles
    for (const e of catalogFor(tagSet).filter((x) => x.menu?.id === id && x.id !== 'undo' && x.id !== 'redo')) {
      const m = e.menu!;
      if (m.group !== group) {
        if (out.length) out.push(sep);
        group = m.group;
        sub = null;
      }
      if (m.sub) {
        if (!sub || sub.key !== m.sub) {
          sub = { key: m.sub, items: [] };
          out.push({ label: t(m.sub), submenu: sub.items });
        }
        sub.items.push(item(e));
      } else {
        sub = null;
        out.push(item(e));
      }
    }
    return out;
  };
  const menus: Record<(typeof MENU_IDS)[number], MenuItemSpec[]> = {
    file: [...fromCatalog('file'), sep, { label: t('menu.quit'), role: 'quit' }],
    edit: [
      { label: t('menu.undo'), role: 'undo' },
      { label: t('menu.redo'), role: 'redo' },
      sep,
      { label: t('menu.cut'), role: 'cut' },
      { label: t('menu.copy'), role: 'copy' },
      { label: t('menu.paste'), role: 'paste' },
      { label: t('menu.selectAll'), role: 'selectAll' },
      sep,
      ...fromCatalog('edit'),
    ],
    view: [
      {
        label: t('menu.language'),
        submenu: [
          // The renderer's command ids for the language switch (renderer/ui/commands.ts).
          { label: t('menu.english'), command: 'langEn', type: 'radio', checked: lang === 'en' },
          { label: t('menu.arabic'), command: 'langAr', type: 'radio', checked: lang === 'ar' },
        ],
      },
      sep,
      ...fromCatalog('view'),
      ...(opts.dev ? [sep, { role: 'toggleDevTools' } as MenuItemSpec] : []),
    ],
    row: fromCatalog('row'),
    entities: fromCatalog('entities'),
    help: fromCatalog('help'),
  };
  const template: MenuItemSpec[] = MENU_IDS.map((id) => ({ label: t(`menu.${id}`), submenu: menus[id] }));
  if (opts.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}

/** Every command the menu can send (for the renderer's command table and tests). */
export function menuCommands(template: MenuItemSpec[]): string[] {
  return template.flatMap((i) => [...(i.command ? [i.command] : []), ...(i.submenu ? menuCommands(i.submenu) : [])]);
}
