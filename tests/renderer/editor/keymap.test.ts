// The editor's keys collide with nothing (issue 14 §2): no key is bound twice, none is an app
// shortcut, an entity key (Alt+letter, Alt+Shift+letter, Alt+Enter/Delete/Backspace/./,) or a
// word-deletion key, and every structural edit sits on a chord with both Ctrl and Alt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHORTCUTS } from '../../../renderer/editor/keymap.ts';
import { APP_SHORTCUTS } from '../../../renderer/ui/commands.ts';
import { ENTITY_SHORTCUTS } from '../../../renderer/editor/plugins/entity-keys.ts';

const keys = SHORTCUTS.flatMap((s) => s.keys.map((k) => ({ k, command: s.command })));

test('no editor key is bound twice or shadows an app shortcut', () => {
  const seen = new Map<string, string>();
  for (const { k, command } of keys) {
    assert.ok(!seen.has(k), `${k}: ${seen.get(k)} and ${command}`);
    seen.set(k, command);
  }
  for (const a of APP_SHORTCUTS) assert.ok(!seen.has(a.keys), `${a.keys} is the app's ${a.command} and the editor's ${seen.get(a.keys)}`);
});

test('word deletion and the entity keys stay free; structural edits need Ctrl and Alt', () => {
  for (const { k } of keys) {
    assert.ok(!['Mod-Backspace', 'Mod-Delete', 'Backspace', 'Delete'].includes(k), k);
    // entity keys are Alt without Ctrl
    assert.ok(!/^Alt-/.test(k) || /^Alt-Shift-Arrow/.test(k), `${k} looks like an entity key`);
    for (const e of ENTITY_SHORTCUTS) assert.notEqual(k, e.keys);
  }
  const structural = ['splitRow', 'mergeRowNext', 'mergeRowPrevious', 'leaveUntranslated', 'splitSource', 'mergeSourceNext', 'mergeTargetNext'];
  for (const { k, command } of keys) if (structural.includes(command)) assert.match(k, /^Mod-Alt-/, `${command} on ${k}`);
});

test('the keys translators expect: Enter and Tab move on, Ctrl+Enter goes back, Shift+Enter splits the English, Ctrl+Y redoes', () => {
  const of = (name: string) => SHORTCUTS.find((s) => s.command === name)!.keys;
  assert.deepEqual(of('nextRowTarget'), ['Enter', 'Tab']);
  assert.deepEqual(of('previousRowTarget'), ['Shift-Tab', 'Mod-Enter']);
  assert.deepEqual(of('splitTarget'), ['Shift-Enter']);
  assert.ok(of('redo').includes('Mod-y'));
});
