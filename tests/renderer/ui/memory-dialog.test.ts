import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryFromForm } from '../../../renderer/ui/memory-dialog.ts';

test('the memory dialog asks the host for a TMX file or a Moses pair, and for nothing when a path is missing', () => {
  assert.deepEqual(memoryFromForm('tmx', '  /w/ذاكرة.tmx ', '', ''), { kind: 'tmx', path: '/w/ذاكرة.tmx' });
  assert.deepEqual(memoryFromForm('moses', '/w/x.tmx', ' /w/c.ar', '/w/c.en '), { kind: 'moses', ar: '/w/c.ar', en: '/w/c.en' });
  assert.equal(memoryFromForm('tmx', '   ', '/w/c.ar', '/w/c.en'), null);
  assert.equal(memoryFromForm('moses', '/w/x.tmx', '/w/c.ar', ''), null);
  assert.equal(memoryFromForm('moses', '/w/x.tmx', '', '/w/c.en'), null);
});
