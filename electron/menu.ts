// The native menu as plain data built from the UI's translated labels (shared/i18n/*.json, `menu`
// key). electron/main.ts turns it into an Electron Menu; items with a `command` send the renderer a
// `menu` event `{ command }`, items with a `role` are Electron's own (clipboard, quit, devtools).
import en from '../shared/i18n/en.json' with { type: 'json' };
import ar from '../shared/i18n/ar.json' with { type: 'json' };

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
}

type Labels = Record<string, string>;
const LABELS: Record<MenuLang, Labels> = { en: en.menu, ar: ar.menu };

/** The menu template in a language. */
export function buildMenuTemplate(lang: MenuLang, opts: MenuOptions = {}): MenuItemSpec[] {
  const l = LABELS[lang];
  // A missing translation falls back to English rather than showing a key.
  const t = (key: string) => l[key] ?? LABELS.en[key] ?? key;
  const cmd = (key: string, accelerator?: string): MenuItemSpec => ({ label: t(key), command: key, ...(accelerator ? { accelerator } : {}) });
  const sep: MenuItemSpec = { type: 'separator' };
  const template: MenuItemSpec[] = [
    {
      label: t('file'),
      submenu: [
        cmd('openFolder', 'CmdOrCtrl+O'),
        cmd('openRecent'),
        cmd('openSample'),
        sep,
        cmd('save', 'CmdOrCtrl+S'),
        sep,
        cmd('importTranslation'),
        cmd('importMemory'),
        cmd('export'),
        cmd('qaReport'),
        cmd('agreement'),
        sep,
        cmd('settings'),
        sep,
        { label: t('quit'), role: 'quit' },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo' },
        { label: t('redo'), role: 'redo' },
        sep,
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
        sep,
        // no accelerators: Ctrl+F, F3 and Ctrl+H are the renderer's (renderer/ui/commands.ts APP_SHORTCUTS)
        cmd('find'),
        cmd('findNext'),
        cmd('findPrevious'),
        cmd('replace'),
        sep,
        // no accelerators: Ctrl+Shift+C (and Ctrl+1…Ctrl+5) are the renderer's too
        cmd('fillExactMatches'),
        cmd('concordance'),
        sep,
        cmd('glossary'),
        sep,
        cmd('resegment'),
      ],
    },
    {
      label: t('view'),
      submenu: [
        {
          label: t('language'),
          submenu: [
            // The renderer's command ids for the language switch (renderer/ui/commands.ts).
            { label: t('english'), command: 'langEn', type: 'radio', checked: lang === 'en' },
            { label: t('arabic'), command: 'langAr', type: 'radio', checked: lang === 'ar' },
          ],
        },
        sep,
        // no accelerator: F9 is the renderer's (renderer/ui/commands.ts APP_SHORTCUTS)
        cmd('qaPanel'),
        cmd('reviewMode'),
        ...(opts.dev ? [sep, { role: 'toggleDevTools' } as MenuItemSpec] : []),
      ],
    },
    {
      label: t('help'),
      submenu: [...(l.shortcuts || LABELS.en.shortcuts ? [cmd('shortcuts')] : []), cmd('about')],
    },
  ];
  if (opts.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}

/** Every command the menu can send (for the renderer's command table and tests). */
export function menuCommands(template: MenuItemSpec[]): string[] {
  return template.flatMap((i) => [...(i.command ? [i.command] : []), ...(i.submenu ? menuCommands(i.submenu) : [])]);
}
