// The app's keys and focus regions: the app-level shortcuts (APP_SHORTCUTS, from the command
// catalog) caught before the editor sees them, F6 / Shift+F6 cycling the regions (menu bar →
// reports → row toolbar → editor → status bar), F10 or a lone Alt to the menu bar, Shift+F10 for
// the context menu. A modal dialog owns the keyboard: nothing here runs while one is open.
import { APP_SHORTCUTS, matchesKey, type AppCommand } from './commands.ts';

/** A region F6 visits: its element, and how to focus it. */
export interface Region {
  el: HTMLElement;
  /** false: skipped (hidden) */
  shown?: () => boolean;
  focus: () => void;
}

/** What the keys run. */
export interface KeysDeps {
  /** the regions in F6 order */
  regions: () => Region[];
  /** focus the menu bar (F10, a lone Alt) */
  focusMenu: () => void;
  /** open the context menu at the caret (Shift+F10) */
  contextMenu: () => void;
  run: (c: AppCommand) => void;
  mac: boolean;
}

const dialogOpen = () => document.querySelector('dialog[open]') !== null;

/** Installs the window's key handlers. */
export function installKeys(d: KeysDeps): void {
  let altAlone = false;
  window.addEventListener('keydown', (ev) => {
    altAlone = ev.key === 'Alt' && !ev.ctrlKey && !ev.metaKey && !ev.shiftKey;
    if (dialogOpen()) return;
    if (ev.key === 'F6') {
      ev.preventDefault();
      cycleRegion(d.regions(), ev.shiftKey ? -1 : 1);
      return;
    }
    for (const s of APP_SHORTCUTS) {
      // the context-menu key itself fires the page's contextmenu event (the editor handles it)
      if (s.command === 'cycleRegions' || s.keys === 'ContextMenu' || !matchesKey(ev, s.keys, d.mac)) continue;
      ev.preventDefault();
      ev.stopPropagation();
      if (s.command === 'menu') d.focusMenu();
      else if (s.command === 'contextMenu') d.contextMenu();
      else void d.run(s.command);
      return;
    }
  }, true);
  window.addEventListener('keyup', (ev) => {
    if (ev.key === 'Alt' && altAlone && !dialogOpen()) {
      ev.preventDefault();
      d.focusMenu();
    }
    altAlone = false;
  }, true);
}

/** F6: the next region holding focus (Shift+F6 the previous), skipping hidden ones. */
export function cycleRegion(all: Region[], step: number): void {
  const regions = all.filter((r) => r.shown?.() ?? true);
  const active = document.activeElement;
  // the innermost region holding focus (the toolbar sits inside the editor area)
  let i = -1;
  regions.forEach((r, j) => {
    if (r.el.contains(active) && (i < 0 || regions[i].el.contains(r.el))) i = j;
  });
  const next = regions[((i < 0 ? -1 : i) + step + regions.length) % regions.length];
  next.focus();
}
