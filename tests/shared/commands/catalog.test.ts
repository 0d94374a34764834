// The command catalog and the keymaps can never disagree (issue 14 §1): every key a keymap binds is
// the catalog's key for the same command, every key the catalog lists is bound, every editor
// command of the catalog runs through the editor's command table, every app command is one the app
// runs, and every label exists in English and Arabic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CATALOG, catalogFor, entryOf, tagAsEntries, toAccelerator } from '../../../shared/commands/catalog.ts';
import { DEFAULT_TAG_SET } from '../../../shared/model/schema.ts';
import { SHORTCUTS, editorBindings } from '../../../renderer/editor/keymap.ts';
import { ENTITY_SHORTCUTS, commandForKey, tagShortcuts } from '../../../renderer/editor/plugins/entity-keys.ts';
import { SPELL_MENU_KEY } from '../../../renderer/editor/plugins/spell.ts';
import { APP_COMMANDS, APP_SHORTCUTS } from '../../../renderer/ui/commands.ts';
import { canRunById } from '../../../renderer/editor/command-table.ts';
import { at, makeState } from '../../renderer/editor/helpers.ts';
import en from '../../../shared/i18n/en.json' with { type: 'json' };
import ar from '../../../shared/i18n/ar.json' with { type: 'json' };

const keysOf = (id: string) => [...(entryOf(id)?.keys ?? [])].sort();

test('ids are unique', () => {
  const ids = CATALOG.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
});

test('every editor keymap binding is the catalog key of the same command, and back', () => {
  for (const s of SHORTCUTS) assert.deepEqual(keysOf(s.command), [...s.keys].sort(), s.command);
  // the catalog's editor commands with keys bound by the editor keymap (not the entity ones)
  const entity = new Set([...ENTITY_SHORTCUTS.map((s) => s.id), 'tagAs', 'previousSuggestion']);
  for (const e of CATALOG.filter((x) => x.scope === 'editor' && x.keys && !entity.has(x.id))) {
    assert.ok(SHORTCUTS.some((s) => s.command === e.id), `${e.id}'s keys are bound by the editor keymap`);
  }
  // the keymap plugin binds nothing else, apart from plain caret movement
  const bound = Object.keys(editorBindings());
  assert.ok(bound.length >= SHORTCUTS.length);
  const listed = new Set(CATALOG.flatMap((e) => e.keys ?? []));
  for (const k of bound) assert.ok(listed.has(k) || k === 'ArrowDown' || k === 'ArrowUp', `${k} is in the catalog`);
});

test('every entity key is the catalog key of the same command', () => {
  for (const s of ENTITY_SHORTCUTS) {
    if (s.id === 'nextSuggestion') {
      // one help row for both directions
      assert.deepEqual(keysOf('nextSuggestion'), ['Alt-.']);
      assert.deepEqual(keysOf('previousSuggestion'), ['Alt-,']);
    } else assert.deepEqual(keysOf(s.id), [s.keys], s.id);
  }
  const tags = tagShortcuts(DEFAULT_TAG_SET);
  const expanded = tagAsEntries(DEFAULT_TAG_SET);
  assert.deepEqual(expanded.map((e) => [e.id, e.keys![0]]), tags.map((s) => [`tagAs.${s.id.slice(4)}`, s.keys]));
  assert.deepEqual(keysOf('spellMenu'), [SPELL_MENU_KEY]);
});

test('every entity key of the catalog is one the entity key handler acts on', () => {
  const state = at(makeState(undefined, undefined, { entities: {} }), 't1', 21);
  const evOf = (keys: string) => {
    const parts = keys.split('-');
    const key = parts.pop()!;
    const named: Record<string, string> = { '.': 'Period', ',': 'Comma' };
    return {
      key, code: /^[a-z]$/.test(key) ? `Key${key.toUpperCase()}` : named[key] ?? key,
      altKey: parts.includes('Alt'), shiftKey: parts.includes('Shift'), ctrlKey: false, metaKey: false,
    };
  };
  const entries = catalogFor(DEFAULT_TAG_SET).filter((e) => e.scope === 'editor' && e.keys?.some((k) => k.startsWith('Alt-')) && !e.keys.some((k) => k.includes('<key>')));
  assert.ok(entries.length >= 12);
  for (const e of entries) for (const k of e.keys!) assert.ok(commandForKey({ state }, evOf(k)), `${e.id}: ${k}`);
  // and a key the catalog does not list is not taken
  assert.equal(commandForKey({ state }, evOf('Alt-q')), null);
});

test('app shortcuts are the catalog keys of app commands; app commands are the app ids', () => {
  for (const s of APP_SHORTCUTS) assert.ok(entryOf(s.command)?.keys?.includes(s.keys), `${s.keys} → ${s.command}`);
  for (const e of CATALOG.filter((x) => x.scope === 'app')) {
    for (const k of e.keys ?? []) assert.ok(APP_SHORTCUTS.some((s) => s.keys === k && s.command === e.id), `${e.id} binds ${k}`);
    assert.ok((APP_COMMANDS as readonly string[]).includes(e.id), `${e.id} is an app command`);
  }
  // every app command is in the catalog (the language items are the menus' radio items)
  for (const c of APP_COMMANDS) if (c !== 'langEn' && c !== 'langAr') assert.ok(entryOf(c), `${c} is in the catalog`);
  assert.ok(APP_SHORTCUTS.some((s) => s.keys === 'Mod-Shift-p' && s.command === 'palette'));
});

test('no key is bound to two commands', () => {
  const seen = new Map<string, string>();
  for (const e of catalogFor(DEFAULT_TAG_SET)) {
    for (const k of e.keys ?? []) {
      assert.ok(!seen.has(k), `${k}: ${seen.get(k)} and ${e.id}`);
      seen.set(k, e.id);
    }
  }
});

test('every editor command of the catalog is in the editor command table', () => {
  const state = at(makeState(), 't1', 3);
  for (const e of catalogFor(DEFAULT_TAG_SET).filter((x) => x.scope === 'editor' && x.id !== 'tagExact')) {
    // a dry run: answers without throwing; a name the table lacks would answer false everywhere
    assert.equal(typeof canRunById(e.id, state), 'boolean');
  }
  assert.equal(canRunById('mergeRowNext', at(makeState(), 's1', 0)), true);
  assert.equal(canRunById('mergeRowPrevious', at(makeState(), 's1', 0)), false);
  // entity commands: on the English mention "Apple" (t1 19–24) they apply, off it they do not
  const withEntities = makeState(undefined, undefined, { entities: {} });
  for (const id of ['removeTag', 'link', 'tagAll', 'tagAs.PER']) assert.equal(canRunById(id, at(withEntities, 't1', 21)), true, id);
  for (const id of ['removeTag', 'link', 'tagAll', 'reject']) assert.equal(canRunById(id, at(withEntities, 't1', 2)), false, id);
  assert.equal(canRunById('tagAs.NOPE', at(withEntities, 't1', 2)), false);
  assert.equal(canRunById('noSuchCommand', state), false);
});

test('every label exists in English and Arabic, and the Arabic is Arabic', () => {
  const get = (j: unknown, key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], j);
  for (const e of CATALOG) {
    for (const [lang, j] of [['en', en], ['ar', ar]] as const) assert.equal(typeof get(j, e.labelKey), 'string', `${lang} ${e.labelKey}`);
    if (e.scope === 'editor') assert.match(get(ar, e.labelKey) as string, /\p{Script=Arabic}/u, e.labelKey);
    if (e.menu?.sub) for (const j of [en, ar]) assert.equal(typeof get(j, e.menu.sub), 'string', e.menu.sub);
  }
});

test('keys become Electron accelerators', () => {
  assert.equal(toAccelerator('Mod-Alt-r'), 'CmdOrCtrl+Alt+R');
  assert.equal(toAccelerator('Mod-Shift-ArrowUp'), 'CmdOrCtrl+Shift+Up');
  assert.equal(toAccelerator('Alt-Shift-Enter'), 'Alt+Shift+Enter');
  assert.equal(toAccelerator('Alt-.'), 'Alt+.');
  assert.equal(toAccelerator('F8'), 'F8');
  fc.assert(fc.property(fc.constantFrom(...CATALOG.flatMap((e) => e.keys ?? [])), (k) => !toAccelerator(k).includes('-') || k.endsWith('-')));
});
