// The settings dialog's pure part: what the fields stand for, and the problems shown before saving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftProblems, draftToSettings, parseAbbreviations, type TagDraft } from '../../../renderer/ui/settings-dialog.ts';
import { ValidProjectSettingsSchema } from '../../../shared/model/settings.ts';
import type { ProjectSettings } from '../../../shared/model/types.ts';
import en from '../../../shared/i18n/en.json' with { type: 'json' };
import ar from '../../../shared/i18n/ar.json' with { type: 'json' };

const BASE: ProjectSettings = { format: 'muwazi-project', version: '1.0', tagSet: [{ name: 'PER', color: '#d9480f', key: 'p' }], segmentation: { abbreviations: {} } };
const tag = (name: string, key: string, color = '#0b7285', label = ''): TagDraft => ({ name, color, key, label });

test('abbreviations: one per line, trimmed, blank lines dropped (CRLF too)', () => {
  assert.deepEqual(parseAbbreviations(' مستش \r\n\n  Corr.\n'), ['مستش', 'Corr.']);
});

test('a draft becomes settings the host accepts: names upper-cased, keys lower-cased, empty labels left out', () => {
  const s = draftToSettings(BASE, [tag('per', 'P', '#D9480F', ' Person '), tag('evt', 'e')], 'مستش\n', 'Corr\n');
  assert.deepEqual(s.tagSet, [{ name: 'PER', color: '#d9480f', key: 'p', label: 'Person' }, { name: 'EVT', color: '#0b7285', key: 'e' }]);
  assert.deepEqual(s.segmentation.abbreviations, { ar: ['مستش'], en: ['Corr'] });
  assert.deepEqual(draftProblems(s), []);
  assert.ok(ValidProjectSettingsSchema.safeParse(s).success);
});

test('problems: bad names, duplicate and reserved keys, empty set, bad abbreviations; each has an en and ar message', () => {
  const s = draftToSettings(BASE, [tag('PER', 'p'), tag('1X', 'x'), tag('EVT', 'p'), tag('LINK', 'k'), tag('DATE', 'ت')], 'كلمتان هنا', '');
  const p = draftProblems(s);
  assert.deepEqual(p.map((x) => `${x.code}@${x.path.join('.')}`), [
    'bad-name@tagSet.1.name', 'duplicate-key@tagSet.2.key', 'reserved-key@tagSet.3.key', 'key-not-letter@tagSet.4.key',
    'bad-abbreviation@segmentation.abbreviations.ar.0',
  ]);
  assert.deepEqual(draftProblems(draftToSettings(BASE, [], '', '')).map((x) => x.code), ['empty-set']);
  const codes = ['empty-set', 'bad-name', 'bad-color', 'duplicate-name', 'duplicate-key', 'reserved-key', 'key-not-letter', 'name-too-long', 'label-too-long', 'too-many-types', 'bad-abbreviation', 'duplicate-abbreviation', 'too-many-abbreviations'];
  for (const c of codes) {
    assert.ok((en.settings.problems as Record<string, string>)[c], `en ${c}`);
    assert.ok((ar.settings.problems as Record<string, string>)[c], `ar ${c}`);
  }
});
