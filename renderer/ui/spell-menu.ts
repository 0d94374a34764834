// The spelling menu on a misspelt word (right-click, the context-menu key, or Ctrl+. at the
// caret): up to six suggestions, "Add to project dictionary", "Ignore in this session". ARIA menu
// pattern like the menu bar's: focus moves to the first item; Up/Down/Home/End move; Enter or
// Space activates; Escape, Tab or a click elsewhere closes it and gives focus back to the editor.
// It takes the page's direction (mirrored in the Arabic UI); the English words stay LTR.
import type { TFunction } from 'i18next';
import { h, uid } from './dom.ts';
import { commandItem, popUpMenu } from './context-menu.ts';
import type { CommandItem } from './command-registry.ts';

/** What the menu offers and what each choice does. */
export interface SpellMenuSpec {
  /** the misspelt word (the menu's label) */
  word: string;
  /** suggestions, best first (at most six are shown) */
  suggestions: string[];
  /** where to show it: the word's box in the viewport */
  anchor: { left: number; right: number; top: number; bottom: number };
  replace: (suggestion: string) => void;
  /** absent when no folder is open (the item is shown disabled) */
  addToDictionary?: () => void;
  ignore: () => void;
  /** the menu closed (after a choice or not): focus the editor */
  closed: () => void;
  /** the context menu's commands, listed below the spelling choices, and how to run one */
  commands?: { items: CommandItem[]; run: (id: string) => void };
}

let current: { close: () => void } | null = null;

/** Opens the menu (closing any other one); returns the menu element. */
export function openSpellMenu(t: TFunction, spec: SpellMenuSpec): HTMLElement {
  current?.close();
  let close = () => {};
  const item = (label: string, action: (() => void) | undefined, attrs: Record<string, string> = {}) => {
    const b = h('button', { type: 'button', role: 'menuitem', class: 'menu-item spell-menu-item', tabindex: -1, 'aria-disabled': action ? null : 'true', ...attrs }, label);
    b.addEventListener('click', () => {
      if (!action) return;
      close();
      action();
      spec.closed();
    });
    return b;
  };
  const suggestions = spec.suggestions.slice(0, 6);
  const labelId = uid('spell-menu');
  const el = h('div', { role: 'menu', class: 'menu spell-menu', 'aria-labelledby': labelId, dir: document.documentElement.dir || 'ltr' },
    h('div', { id: labelId, class: 'menu-group-label spell-menu-word' }, t('spell.menuLabel', { word: spec.word })),
    ...(suggestions.length
      ? suggestions.map((s) => item(s, () => spec.replace(s), { lang: 'en', dir: 'ltr', 'data-suggestion': s }))
      : [h('div', { class: 'menu-group-label', role: 'presentation' }, t('spell.noSuggestions'))]),
    h('div', { class: 'menu-sep', role: 'separator' }),
    item(t('spell.add'), spec.addToDictionary, { 'data-action': 'add' }),
    item(t('spell.ignore'), spec.ignore, { 'data-action': 'ignore' }),
    ...(spec.commands?.items.length ? [h('div', { class: 'menu-sep', role: 'separator' })] : []),
    ...(spec.commands?.items ?? []).map((c) => {
      const b = commandItem(c, () => {
        close();
        spec.closed();
        spec.commands!.run(c.id);
      });
      return b;
    }),
  );
  // below the word (above when there is no room), keyboard, Esc / Tab / a click outside: as the context menu
  const shown = popUpMenu(el, spec.anchor, spec.closed);
  close = shown.close;
  current = shown;
  shown.move('first');
  return el;
}

/** Closes the open spelling menu, if any (the editor went away). */
export function closeSpellMenu(): void {
  current?.close();
}
