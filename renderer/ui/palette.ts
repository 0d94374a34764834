// The command palette (Ctrl+Shift+P, View → Command Palette…): a dialog with a search field and a
// list of every command (ARIA combobox + listbox, the active option followed by
// aria-activedescendant). Typing filters by name in English or Arabic, whatever the UI language,
// or by id (shared/commands/filter.ts); Up/Down/Home/End move; Enter runs the active command; a
// command that does not apply here is listed as such and does not run. The dialog gives focus back
// where it was (the editor) before the command runs. The count is announced (aria-live).
import type { TFunction } from 'i18next';
import { h, uid } from './dom.ts';
import { openDialog } from './dialog.ts';
import { filterCommands } from '../../shared/commands/filter.ts';
import type { CommandItem } from './command-registry.ts';

/** A palette entry: a command with its names in every UI language. */
export type PaletteItem = CommandItem & { names: string[] };

/** Opens the palette; resolves with the id run, or null when closed without running one. */
export async function openPalette(t: TFunction, items: PaletteItem[], run: (id: string) => void): Promise<string | null> {
  const listId = uid('palette-list');
  const input = h('input', {
    type: 'text', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'true', 'aria-controls': listId,
    'aria-label': t('commands.palette.label'), placeholder: t('commands.palette.placeholder'), autocomplete: 'off', spellcheck: 'false',
    class: 'palette-input', dir: 'auto',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'palette-list', 'aria-label': t('commands.palette.list') });
  const count = h('p', { class: 'palette-count visually-hidden', role: 'status', 'aria-live': 'polite' });
  let shown: PaletteItem[] = [];
  let active = 0;
  let chosen: string | null = null;

  const setActive = (i: number) => {
    const opts = [...list.children] as HTMLElement[];
    if (!opts.length) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    active = (i + opts.length) % opts.length;
    opts.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    input.setAttribute('aria-activedescendant', opts[active].id);
    opts[active].scrollIntoView({ block: 'nearest' });
  };
  const render = () => {
    shown = filterCommands(items, input.value);
    list.replaceChildren(...shown.map((c, i) => {
      const li = h('li', {
        id: `${listId}-${i}`, role: 'option', class: 'palette-option', 'data-command': c.id, 'aria-selected': 'false',
        'aria-disabled': c.enabled ? null : 'true',
      }, h('span', { class: 'menu-label', lang: c.lang ?? null }, c.label),
      c.enabled ? null : h('span', { class: 'palette-disabled' }, ` — ${t('commands.palette.disabled')}`),
      c.shortcut ? h('kbd', { class: 'menu-shortcut', dir: 'ltr' }, c.shortcut) : null);
      li.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep focus in the field
      li.addEventListener('click', () => choose(i));
      return li;
    }));
    if (!shown.length) list.append(h('li', { role: 'presentation', class: 'palette-none' }, t('commands.palette.none')));
    count.textContent = t('commands.palette.count', { count: shown.length });
    list.dataset.count = String(shown.length);
    setActive(0);
  };
  const choose = (i: number) => {
    const c = shown[i];
    if (!c || !c.enabled) return;
    chosen = c.id;
    dlg.close('run');
  };
  input.addEventListener('input', render);
  input.addEventListener('keydown', (ev) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive(active + 1), ArrowUp: () => setActive(active - 1),
      Home: () => setActive(0), End: () => setActive(shown.length - 1),
      Enter: () => choose(active),
    };
    // Home/End move in the list only with Ctrl (plain Home/End edit the field)
    if ((ev.key === 'Home' || ev.key === 'End') && !ev.ctrlKey) return;
    const k = keys[ev.key];
    if (!k) return;
    ev.preventDefault();
    k();
  });
  const dlg = openDialog({
    name: 'palette', title: t('commands.palette.title'), body: [input, count, list], initialFocus: input,
    actions: [{ id: 'close', label: t('commands.palette.close') }], cancelId: null,
  });
  dlg.el.classList.add('palette');
  render();
  await dlg.result;
  // the dialog has given focus back (the editor): the command runs there
  if (chosen) run(chosen);
  return chosen;
}
