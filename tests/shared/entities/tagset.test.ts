import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tagByKey, tagByName, tagColor, tagSetOf, tagSetProblems } from '../../../shared/entities/tagset.ts';
import { DEFAULT_TAG_SET } from '../../../shared/model/schema.ts';

test('default tag set PER ORG LOC MISC, lookups by key and name, problems', () => {
  assert.deepEqual(tagSetOf(null).map((t) => t.name), ['PER', 'ORG', 'LOC', 'MISC']);
  assert.equal(tagByKey(DEFAULT_TAG_SET, 'L')?.name, 'LOC');
  assert.equal(tagByKey(DEFAULT_TAG_SET, 'x'), undefined);
  assert.equal(tagByName(DEFAULT_TAG_SET, 'ORG')?.key, 'o');
  assert.equal(tagColor(DEFAULT_TAG_SET, 'NOPE'), '#868e96');
  assert.deepEqual(tagSetProblems(DEFAULT_TAG_SET), []);
  const bad = [...DEFAULT_TAG_SET, { name: 'PER', color: '#000000', key: 'P' }];
  assert.deepEqual(tagSetProblems(bad), ['The type PER is defined twice.', 'The key “P” is used by both PER and PER.']);
  const custom = [{ name: 'DATE', color: '#123456', key: 'd' }];
  assert.deepEqual(tagSetOf({ tagSet: custom }), custom);
});
