import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idAllocator, nextId } from '../../../shared/model/ids.ts';

test('nextId takes the largest number in use plus one, per prefix', () => {
  assert.equal(nextId('s', []), 's1');
  assert.equal(nextId('s', ['s1', 's9', 't20', 's3']), 's10');
  assert.equal(nextId('t', ['s1', 't20']), 't21');
});

test('idAllocator never reuses an id', () => {
  const next = idAllocator('m', ['m2', 'm5']);
  assert.deepEqual([next(), next(), next()], ['m6', 'm7', 'm8']);
});
