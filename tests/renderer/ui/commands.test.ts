import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_COMMANDS, displayKeys, isAppCommand, matchesKey } from '../../../renderer/ui/commands.ts';

const ev = (key: string, m: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...m });

test('Mod means Ctrl off macOS and Cmd on macOS; extra modifiers do not match', () => {
  assert.ok(matchesKey(ev('s', { ctrlKey: true }), 'Mod-s', false));
  assert.ok(!matchesKey(ev('s', { metaKey: true }), 'Mod-s', false));
  assert.ok(matchesKey(ev('s', { metaKey: true }), 'Mod-s', true));
  assert.ok(!matchesKey(ev('s', { ctrlKey: true, shiftKey: true }), 'Mod-s', false));
  assert.ok(matchesKey(ev('I', { ctrlKey: true, shiftKey: true }), 'Mod-Shift-i', false));
  assert.ok(matchesKey(ev('F6'), 'F6', false));
  assert.ok(!matchesKey(ev('F6', { altKey: true }), 'F6', false));
});

test('keys are displayed for people', () => {
  assert.equal(displayKeys('Mod-Shift-i', false), 'Ctrl+Shift+I');
  assert.equal(displayKeys('Mod-Shift-i', true), '⌘+Shift+I');
  assert.equal(displayKeys('Mod-Enter', false), 'Ctrl+Enter');
});

test('the command ids are the ones the native menu sends', () => {
  assert.deepEqual([...APP_COMMANDS].sort(), ['about', 'export', 'find', 'findNext', 'findPrevious', 'glossary', 'importMemory', 'importTranslation', 'langAr', 'langEn', 'openFolder', 'openSample', 'redo', 'replace', 'resegment', 'save', 'settings', 'shortcuts', 'undo']);
  assert.ok(isAppCommand('save'));
  assert.ok(!isAppCommand('quit'));
});

test('letter shortcuts match by physical key on an Arabic layout (Ctrl+S types س)', () => {
  assert.ok(matchesKey({ ...ev('س', { ctrlKey: true }), code: 'KeyS' }, 'Mod-s', false));
  assert.ok(matchesKey({ ...ev('ِ', { ctrlKey: true, shiftKey: true }), code: 'KeyI' }, 'Mod-Shift-i', false));
  assert.ok(!matchesKey({ ...ev('ي', { ctrlKey: true }), code: 'KeyD' }, 'Mod-s', false));
  assert.ok(!matchesKey({ ...ev('س'), code: 'KeyS' }, 'Mod-s', false));
});
