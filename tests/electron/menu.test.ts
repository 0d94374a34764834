import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next, { type TFunction } from 'i18next';
import { displayKeys, isAppCommand } from '../../renderer/ui/commands.ts';
import { buildMenuTemplate, menuCommands, type MenuItemSpec } from '../../electron/menu.ts';
import { CATALOG, catalogFor, entryOf, toAccelerator } from '../../shared/commands/catalog.ts';
import { DEFAULT_TAG_SET } from '../../shared/model/schema.ts';
import { resources } from '../../shared/i18n/resources.ts';
import { CommandRegistry } from '../../renderer/ui/command-registry.ts';
import type { MenuEntry } from '../../renderer/ui/menubar.ts';
import en from '../../shared/i18n/en.json' with { type: 'json' };
import ar from '../../shared/i18n/ar.json' with { type: 'json' };

const labels = (items: MenuItemSpec[]): string[] => items.flatMap((i) => [...(i.label ? [i.label] : []), ...(i.submenu ? labels(i.submenu) : [])]);
const find = (items: MenuItemSpec[], pred: (i: MenuItemSpec) => boolean): MenuItemSpec | undefined => {
  for (const i of items) {
    if (pred(i)) return i;
    const sub = i.submenu && find(i.submenu, pred);
    if (sub) return sub;
  }
  return undefined;
};
const items = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [...(i.command ? [i] : []), ...(i.submenu ? itemsOf(i.submenu) : [])]);
const itemsOf = items;

test('the English menu has File, Edit, View, Row, Entities, Help with their items', () => {
  const t = buildMenuTemplate('en');
  assert.deepEqual(t.map((m) => m.label), ['File', 'Edit', 'View', 'Row', 'Entities', 'Help']);
  assert.deepEqual(t[0].submenu!.filter((i) => i.type !== 'separator').map((i) => i.label), [
    en.menu.openFolder, en.menu.openRecent, en.menu.openSample, en.menu.save, en.menu.importTranslation, en.menu.importMemory, en.menu.export, en.menu.qaReport, en.menu.agreement, en.menu.settings, en.menu.quit,
  ]);
  assert.equal(find(t, (i) => i.command === 'save')?.accelerator, 'CmdOrCtrl+S');
  assert.equal(find(t, (i) => i.command === 'save')?.registerAccelerator, undefined);
  assert.equal(find(t, (i) => i.label === en.menu.quit)?.role, 'quit');
  for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const) assert.ok(find(t[1].submenu!, (i) => i.role === role), role);
  // View → QA: F9 shown, not registered: the renderer handles it (one handler, not two)
  const qa = find(t[2].submenu!, (i) => i.command === 'qaPanel');
  assert.equal(qa?.label, en.menu.qaPanel);
  assert.equal(qa?.accelerator, 'F9');
  assert.equal(qa?.registerAccelerator, false);
  assert.equal(find(t[2].submenu!, (i) => i.command === 'palette')?.accelerator, 'CmdOrCtrl+Shift+P');
});

test('Row and Entities list every row and entity command with the catalog key as accelerator', () => {
  const t = buildMenuTemplate('en');
  const row = itemsOf(t[3].submenu!).map((i) => i.command);
  for (const c of ['splitRow', 'mergeRowPrevious', 'mergeRowNext', 'insertTargetRow', 'setStatusAuto', 'setStatusDraft', 'setStatusTranslated', 'setStatusReviewed', 'cycleStatus']) assert.ok(row.includes(c), c);
  assert.equal(find(t[3].submenu!, (i) => i.label === en.menu.status)?.submenu?.length, 4);
  const ents = itemsOf(t[4].submenu!).map((i) => i.command);
  for (const c of ['link', 'tagAll', 'accept', 'reject', 'acceptAll', ...DEFAULT_TAG_SET.map((g) => `tagAs.${g.name}`)]) assert.ok(ents.includes(c), c);
  assert.equal(find(t, (i) => i.command === 'tagAs.PER')?.label, 'Tag as PER');
  assert.equal(find(t, (i) => i.command === 'tagAs.PER')?.accelerator, 'Alt+P');
  // a project's own tag set
  const own = buildMenuTemplate('en', { tagSet: [{ name: 'DATE', key: 'd', label: 'Date' }] });
  assert.equal(find(own, (i) => i.command === 'tagAs.DATE')?.accelerator, 'Alt+D');
  const expanded = catalogFor(DEFAULT_TAG_SET);
  for (const i of itemsOf(t)) {
    const e = expanded.find((x) => x.id === i.command);
    if (!e) continue;
    assert.equal(i.accelerator, e.keys?.length ? toAccelerator(e.keys[0]) : undefined, i.command);
    if (i.accelerator && i.command !== 'save' && i.command !== 'openFolder') assert.equal(i.registerAccelerator, false, `${i.command} is the renderer's key`);
  }
});

test('the native menu and the in-window menu bar list the same commands with the same keys', async () => {
  const inst = i18next.createInstance();
  await inst.init({ lng: 'en', resources: { en: { translation: resources.en }, ar: { translation: resources.ar } }, interpolation: { escapeValue: false } });
  const reg = new CommandRegistry({ t: () => inst.t as TFunction, tagSet: () => DEFAULT_TAG_SET, mac: false, lang: () => 'en', runApp: () => undefined, editor: () => null });
  const flat = (es: MenuEntry[]): Array<{ command: string; shortcut?: string; label: string }> =>
    es.flatMap((e) => (e.kind === 'item' ? [e] : e.kind === 'group' ? flat(e.entries) : e.kind === 'radio' ? [{ command: e.command, label: e.label }] : []));
  const inWindow = reg.menus().map((m) => ({ id: m.id, items: flat(m.entries) }));
  const native = buildMenuTemplate('en');
  assert.deepEqual(inWindow.map((m) => m.id), ['file', 'edit', 'view', 'row', 'entities', 'help']);
  inWindow.forEach((m, i) => {
    const nat = itemsOf(native[i].submenu!).filter((x) => x.command);
    // undo/redo are native roles (no command)
    assert.deepEqual(m.items.map((x) => x.command).filter((c) => c !== 'undo' && c !== 'redo'), nat.map((x) => x.command), m.id);
    for (const x of m.items) {
      const e = catalogFor(DEFAULT_TAG_SET).find((y) => y.id === x.command);
      const n = nat.find((y) => y.command === x.command);
      if (n) assert.equal(x.label, n.label, x.command);
      // one catalog key, shown by both menus
      const k = e?.keys?.[0];
      assert.equal(x.shortcut, k ? displayKeys(k, false) : undefined, x.command);
      if (n) assert.equal(n.accelerator, k ? toAccelerator(k) : undefined, x.command);
    }
  });
});

test('menu items send catalog ids the renderer runs', () => {
  const cmds = menuCommands(buildMenuTemplate('en'));
  for (const c of ['openFolder', 'openRecent', 'openSample', 'save', 'importTranslation', 'importMemory', 'export', 'settings', 'resegment', 'tagAllInProject', 'langEn', 'langAr', 'about', 'splitRow', 'tagAll']) assert.ok(cmds.includes(c), c);
  for (const c of cmds) assert.ok(isAppCommand(c) || entryOf(c)?.scope === 'editor', `${c} is a renderer command`);
  for (const e of CATALOG.filter((x) => x.menu && x.id !== 'tagAs' && x.id !== 'undo' && x.id !== 'redo')) assert.ok(cmds.includes(e.id), `${e.id} is in the native menu`);
});

test('the Arabic menu uses the Arabic labels and checks العربية', () => {
  const t = buildMenuTemplate('ar');
  assert.deepEqual(t.map((m) => m.label), [ar.menu.file, ar.menu.edit, ar.menu.view, ar.menu.row, ar.menu.entities, ar.menu.help]);
  assert.equal(t[0].label, 'ملف');
  const all = labels(t);
  assert.ok(all.includes('فتح مجلد…'));
  assert.ok(all.includes(ar.commands.splitRow));
  assert.ok(!all.includes('File'));
  assert.ok(all.every((l) => !/\b(Row|Split|Merge|Tag)\b/.test(l)), 'no English left');
  assert.equal(find(t, (i) => i.command === 'langAr')?.checked, true);
  assert.equal(find(t, (i) => i.command === 'langEn')?.checked, false);
  assert.equal(find(buildMenuTemplate('en'), (i) => i.command === 'langEn')?.checked, true);
});

test('devtools only in dev; macOS gets the app menu first', () => {
  assert.equal(find(buildMenuTemplate('en'), (i) => i.role === 'toggleDevTools'), undefined);
  assert.ok(find(buildMenuTemplate('en', { dev: true }), (i) => i.role === 'toggleDevTools'));
  assert.equal(buildMenuTemplate('en', { platform: 'darwin' })[0].role, 'appMenu');
  assert.equal(buildMenuTemplate('en', { platform: 'linux' })[0].label, 'File');
});
