// The command registry: menus built from the catalog (every command with a menu place appears once,
// with its key), the palette (every runnable command, named in English and Arabic), the context
// menu (row commands on a sentence, entity commands first on a mention), enabled states asked of the
// editor, and running: app commands by the app, editor commands by the editor, then focus back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next, { type TFunction } from 'i18next';
import { CATALOG } from '../../../shared/commands/catalog.ts';
import { resources } from '../../../shared/i18n/resources.ts';
import { filterCommands } from '../../../shared/commands/filter.ts';
import { CommandRegistry, type RegistryDeps } from '../../../renderer/ui/command-registry.ts';
import type { MenuEntry } from '../../../renderer/ui/menubar.ts';

async function tOf(lng: 'en' | 'ar'): Promise<TFunction> {
  const inst = i18next.createInstance();
  await inst.init({ lng, resources: { en: { translation: resources.en }, ar: { translation: resources.ar } }, interpolation: { escapeValue: false } });
  return inst.t as TFunction;
}
const TAGS = [{ name: 'PER', key: 'p', label: 'Person' }, { name: 'LOC', key: 'l', label: 'Location' }];

function registry(t: TFunction, o: Partial<RegistryDeps> = {}) {
  const log: string[] = [];
  const ed = { contexts: ['row'] as Array<'row' | 'mention'>, can: new Set(['splitRow', 'mergeRowNext', 'tagAs.PER']) };
  const reg = new CommandRegistry({
    t: () => t, tagSet: () => TAGS, mac: false, lang: () => 'en',
    runApp: (id) => void log.push(`app:${id}`),
    editor: () => ({ run: (id) => (log.push(`editor:${id}`), true), canRun: (id) => ed.can.has(id), contexts: () => ed.contexts, focus: () => void log.push('focus') }),
    ...o,
  });
  return { reg, log, ed };
}
const flat = (es: MenuEntry[]): MenuEntry[] => es.flatMap((e) => (e.kind === 'group' ? flat(e.entries) : [e]));

test('every catalog command with a menu place is in its menu once, with its key', async () => {
  const { reg } = registry(await tOf('en'));
  const menus = reg.menus();
  assert.deepEqual(menus.map((m) => m.label), ['File', 'Edit', 'View', 'Row', 'Entities', 'Help']);
  const all = menus.flatMap((m) => flat(m.entries).map((e) => ({ menu: m.id, e })));
  for (const c of CATALOG.filter((x) => x.menu && x.id !== 'tagAs')) {
    const found = all.filter((x) => x.e.kind === 'item' && x.e.command === c.id);
    assert.equal(found.length, 1, c.id);
    assert.equal(found[0].menu, c.menu!.id);
    assert.equal(found[0].e.kind === 'item' && found[0].e.shortcut, c.keys?.length ? reg.shortcutOf(c) : undefined, c.id);
  }
  const row = menus.find((m) => m.id === 'row')!;
  const status = row.entries.find((e) => e.kind === 'group' && e.label === 'Status');
  assert.ok(status && status.kind === 'group' && status.entries.some((e) => e.kind === 'item' && e.command === 'setStatusReviewed'));
  const ents = flat(menus.find((m) => m.id === 'entities')!.entries);
  assert.deepEqual(ents.filter((e) => e.kind === 'item' && e.command.startsWith('tagAs.')).map((e) => e.kind === 'item' && [e.label, e.shortcut]),
    [['Tag as PER', 'Alt+P'], ['Tag as LOC', 'Alt+L']]);
  // no empty group, no separator first or last or doubled
  for (const m of menus) {
    assert.notEqual(m.entries[0].kind, 'separator', m.id);
    assert.notEqual(m.entries[m.entries.length - 1].kind, 'separator', m.id);
  }
});

test('the Arabic menus are in Arabic', async () => {
  const { reg } = registry(await tOf('ar'));
  const menus = reg.menus();
  assert.equal(menus[0].label, 'ملف');
  assert.deepEqual([menus[3].label, menus[4].label], ['الصف', 'الكيانات']);
  for (const m of menus) assert.match(m.label, /\p{Script=Arabic}/u, m.id);
  for (const e of flat(menus.flatMap((m) => m.entries))) if (e.kind === 'item') assert.match(e.label, /\p{Script=Arabic}/u, e.command);
});

test('the palette lists every runnable command with its English and Arabic names; an Arabic name finds it in the English UI', async () => {
  const en = await tOf('en');
  const ar = await tOf('ar');
  const { reg } = registry(en);
  const items = reg.paletteItems(en, ar);
  for (const c of CATALOG.filter((x) => !x.noPalette && x.scope !== 'key')) assert.ok(items.some((i) => i.id === c.id), c.id);
  assert.ok(items.some((i) => i.id === 'tagAs.PER'));
  assert.ok(!items.some((i) => i.id === 'cycleRegions' || i.id === 'tagAs'));
  const split = items.find((i) => i.id === 'splitRow')!;
  assert.equal(split.label, 'Split Row at Sentence');
  assert.equal(split.shortcut, 'Ctrl+Alt+R');
  assert.equal(split.enabled, true);
  assert.equal(items.find((i) => i.id === 'mergeRowPrevious')!.enabled, false);
  assert.equal(filterCommands(items, 'تقسيم الصف')[0].id, 'splitRow');
  assert.ok(filterCommands(items, 'العربية').some((i) => i.id === 'langAr'));
});

test('context menu: row commands on a sentence; on a mention its commands first; nothing outside the text', async () => {
  const { reg, ed } = registry(await tOf('en'));
  const onRow = reg.contextItems().map((i) => i.id);
  assert.ok(onRow.includes('splitRow') && onRow.includes('setStatusReviewed') && onRow.includes('tagAs.PER'));
  assert.ok(!onRow.includes('link') && !onRow.includes('removeTag'));
  ed.contexts = ['row', 'mention'];
  const onMention = reg.contextItems().map((i) => i.id);
  assert.equal(onMention[0], 'link');
  for (const id of ['tagAll', 'removeTag', 'accept', 'reject']) assert.ok(onMention.indexOf(id) < onMention.indexOf('splitRow'), id);
  // "tag as" the mention's own type is offered to change it; types that do not apply are left out
  assert.ok(onMention.includes('tagAs.PER') && !onMention.includes('tagAs.LOC'));
  ed.contexts = [];
  assert.deepEqual(reg.contextItems(), []);
});

test('running: app commands by the app, editor commands by the editor (focus back); disabled state asked each time', async () => {
  const { reg, log, ed } = registry(await tOf('en'));
  reg.run('save');
  reg.run('splitRow');
  reg.run('tagAs.PER');
  reg.run('nonsense');
  assert.deepEqual(log, ['app:save', 'editor:splitRow', 'focus', 'editor:tagAs.PER', 'focus']);
  assert.equal(reg.enabled('mergeRowPrevious'), false);
  ed.can.add('mergeRowPrevious');
  assert.equal(reg.enabled('mergeRowPrevious'), true);
  assert.equal(reg.enabled('save'), true);
  const none = registry(await tOf('en'), { editor: () => null });
  assert.equal(none.reg.enabled('splitRow'), false);
  assert.deepEqual(none.reg.contextItems(), []);
});
