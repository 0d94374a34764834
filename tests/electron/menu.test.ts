import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAppCommand } from '../../renderer/ui/commands.ts';
import { buildMenuTemplate, menuCommands, type MenuItemSpec } from '../../electron/menu.ts';
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

test('the English menu has File, Edit, View, Help with their items', () => {
  const t = buildMenuTemplate('en');
  assert.deepEqual(t.map((m) => m.label), ['File', 'Edit', 'View', 'Help']);
  assert.deepEqual(t[0].submenu!.filter((i) => i.type !== 'separator').map((i) => i.label), [
    en.menu.openFolder, en.menu.openRecent, en.menu.openSample, en.menu.save, en.menu.importTranslation, en.menu.importMemory, en.menu.export, en.menu.qaReport, en.menu.agreement, en.menu.settings, en.menu.quit,
  ]);
  assert.equal(find(t, (i) => i.command === 'save')?.accelerator, 'CmdOrCtrl+S');
  assert.equal(find(t, (i) => i.label === en.menu.quit)?.role, 'quit');
  for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const) assert.ok(find(t[1].submenu!, (i) => i.role === role), role);
  // View → QA: no accelerator, F9 is the renderer's (one handler, not two)
  const qa = find(t[2].submenu!, (i) => i.command === 'qaPanel');
  assert.equal(qa?.label, en.menu.qaPanel);
  assert.equal(qa?.accelerator, undefined);
});

test('menu items send their i18n key as the command', () => {
  const cmds = menuCommands(buildMenuTemplate('en'));
  for (const c of ['openFolder', 'openRecent', 'openSample', 'save', 'importTranslation', 'importMemory', 'export', 'settings', 'resegment', 'langEn', 'langAr', 'about']) assert.ok(cmds.includes(c), c);
  for (const c of cmds) assert.ok(isAppCommand(c), `${c} is a renderer command`);
  for (const c of cmds.filter((c) => !c.startsWith('lang'))) assert.ok(c in en.menu, `${c} is an i18n key`);
});

test('the Arabic menu uses the Arabic labels and checks العربية', () => {
  const t = buildMenuTemplate('ar');
  assert.deepEqual(t.map((m) => m.label), [ar.menu.file, ar.menu.edit, ar.menu.view, ar.menu.help]);
  assert.equal(t[0].label, 'ملف');
  const all = labels(t);
  assert.ok(all.includes('فتح مجلد…'));
  assert.ok(!all.includes('File'));
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
