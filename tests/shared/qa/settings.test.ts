import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProjectSettingsSchema } from '../../../shared/model/schema.ts';
import { serializeSettings, ValidProjectSettingsSchema } from '../../../shared/model/settings.ts';

const BASE = { format: 'muwazi-project', version: '1.0', tagSet: [{ name: 'PER', color: '#d9480f', key: 'p' }], segmentation: { abbreviations: {} } };

test('project settings: qa.disabled is optional, written only when used, read back', () => {
  const plain = serializeSettings(ProjectSettingsSchema.parse(BASE));
  assert.ok(!plain.includes('"qa"'));
  assert.ok(!serializeSettings(ProjectSettingsSchema.parse({ ...BASE, qa: { disabled: [] } })).includes('"qa"'));
  const text = serializeSettings(ProjectSettingsSchema.parse({ ...BASE, qa: { disabled: ['spacing', 'length', 'spacing'] } }));
  assert.deepEqual(JSON.parse(text).qa, { disabled: ['spacing', 'length'] });
  assert.deepEqual(ProjectSettingsSchema.parse(JSON.parse(text)).qa, { disabled: ['spacing', 'length'] });
  assert.equal(ValidProjectSettingsSchema.safeParse({ ...BASE, qa: { disabled: 'spacing' } }).success, false);
  assert.equal(ValidProjectSettingsSchema.safeParse({ ...BASE, qa: { disabled: [''] } }).success, false);
});
