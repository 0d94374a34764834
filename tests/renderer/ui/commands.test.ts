import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_COMMANDS, APP_SHORTCUTS, displayKeys, isAppCommand, matchesKey } from '../../../renderer/ui/commands.ts';

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
  assert.deepEqual([...APP_COMMANDS].sort(), ['about', 'agreement', 'concordance', 'export', 'fillExactMatches', 'find', 'findNext', 'findPrevious', 'glossary', 'importMemory', 'importTranslation',
    'insertMatch1', 'insertMatch2', 'insertMatch3', 'insertMatch4', 'insertMatch5',
    'langAr', 'langEn', 'openFolder', 'openRecent', 'openSample', 'palette', 'qaPanel', 'qaReport', 'redo', 'replace', 'resegment', 'reviewMode', 'save', 'settings', 'shortcuts', 'tagAllInProject', 'undo']);
  assert.ok(isAppCommand('save'));
  assert.ok(!isAppCommand('quit'));
});

test('letter shortcuts match by physical key on an Arabic layout (Ctrl+S types س)', () => {
  assert.ok(matchesKey({ ...ev('س', { ctrlKey: true }), code: 'KeyS' }, 'Mod-s', false));
  assert.ok(matchesKey({ ...ev('ِ', { ctrlKey: true, shiftKey: true }), code: 'KeyI' }, 'Mod-Shift-i', false));
  assert.ok(!matchesKey({ ...ev('ي', { ctrlKey: true }), code: 'KeyD' }, 'Mod-s', false));
  assert.ok(!matchesKey({ ...ev('س'), code: 'KeyS' }, 'Mod-s', false));
});

test('workbench keys: Ctrl+1…Ctrl+5 by key or physical digit, Ctrl+Shift+C on an Arabic layout', () => {
  assert.ok(matchesKey(ev('1', { ctrlKey: true }), 'Mod-1', false));
  assert.ok(matchesKey({ ...ev('&', { ctrlKey: true }), code: 'Digit1' }, 'Mod-1', false));
  assert.ok(matchesKey({ ...ev('١', { ctrlKey: true }), code: 'Digit1' }, 'Mod-1', false));
  assert.ok(!matchesKey({ ...ev('2', { ctrlKey: true }), code: 'Digit2' }, 'Mod-1', false));
  assert.ok(!matchesKey(ev('1'), 'Mod-1', false));
  assert.ok(matchesKey(ev('C', { ctrlKey: true, shiftKey: true }), 'Mod-Shift-c', false));
  assert.ok(matchesKey({ ...ev('ؤ', { ctrlKey: true, shiftKey: true }), code: 'KeyC' }, 'Mod-Shift-c', false));
  assert.ok(!matchesKey(ev('c', { ctrlKey: true }), 'Mod-Shift-c', false));
  assert.equal(displayKeys('Mod-1', false), 'Ctrl+1');
});

test('app shortcuts come from the command catalog: the palette on Ctrl+Shift+P, the context menu on Shift+F10', () => {
  assert.ok(APP_SHORTCUTS.some((s) => s.keys === 'Mod-Shift-p' && s.command === 'palette'));
  assert.ok(APP_SHORTCUTS.some((s) => s.keys === 'Shift-F10' && s.command === 'contextMenu'));
  assert.ok(matchesKey({ ...ev('P', { ctrlKey: true, shiftKey: true }), code: 'KeyP' }, 'Mod-Shift-p', false));
  assert.ok(matchesKey({ ...ev('ح', { ctrlKey: true, shiftKey: true }), code: 'KeyP' }, 'Mod-Shift-p', false));
  // the editor's keys (undo, row commands) are not caught by the app
  assert.ok(!APP_SHORTCUTS.some((s) => s.keys === 'Mod-z' || s.keys === 'Mod-Alt-r'));
});
