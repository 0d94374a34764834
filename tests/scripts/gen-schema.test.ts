import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SCHEMA_PATH, buildSchema } from '../../scripts/gen-schema.ts';

test('docs/annotation-schema.json is up to date with the zod schema (run `npm run schema`)', () => {
  assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), buildSchema(), 'stale: run `npm run schema` and commit docs/annotation-schema.json');
});

test('the JSON Schema describes the file: required fields, code-point offsets, orphans optional', () => {
  const s = JSON.parse(buildSchema());
  assert.deepEqual(s.required, ['format', 'version', 'tool', 'offsetUnit', 'source', 'target', 'created', 'modified', 'segments', 'targets', 'units', 'entities', 'mentions']);
  assert.equal(s.properties.offsetUnit.const, 'codepoint');
  assert.equal(s.properties.mentions.items.properties.start.minimum, 0);
  assert.ok(s.properties.orphans);
  assert.match(s.description, /code points/);
});
