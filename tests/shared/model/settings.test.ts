import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TAG_SET, ProjectSettingsSchema } from '../../../shared/model/schema.ts';
import { serializeSettings, settingsProblems, sourceAbbreviations, sourceSegmentRules, ValidProjectSettingsSchema } from '../../../shared/model/settings.ts';
import type { ProjectSettings } from '../../../shared/model/types.ts';

const base = (): ProjectSettings => ({ format: 'muwazi-project', version: '1.0', tagSet: DEFAULT_TAG_SET.map((t) => ({ ...t })), segmentation: { abbreviations: {} } });

test('the default settings have no problem', () => {
  assert.deepEqual(settingsProblems(base()), []);
  assert.ok(ValidProjectSettingsSchema.safeParse(base()).success);
});

test('duplicate names and keys (case-insensitive), non-Latin or reserved keys, bad abbreviations are problems with codes and paths', () => {
  const s = base();
  s.tagSet.push({ name: 'PER', color: '#000000', key: 'x' }, { name: 'EVT', color: '#0b7285', key: 'P' }, { name: 'DATE', color: '#0b7285', key: 'ت' }, { name: 'LINK', color: '#0b7285', key: 'k' });
  s.segmentation.abbreviations = { ar: ['مستش', 'مستش.', 'كلمتان هنا', ''], en: ['corr', 'Corr'] };
  const p = settingsProblems(s);
  assert.deepEqual(p.map((x) => `${x.code}@${x.path.join('.')}`), [
    'duplicate-name@tagSet.4.name', 'duplicate-key@tagSet.5.key', 'key-not-letter@tagSet.6.key', 'reserved-key@tagSet.7.key',
    'duplicate-abbreviation@segmentation.abbreviations.ar.1', 'bad-abbreviation@segmentation.abbreviations.ar.2', 'bad-abbreviation@segmentation.abbreviations.ar.3',
    'duplicate-abbreviation@segmentation.abbreviations.en.1',
  ]);
  assert.deepEqual(p[1].params, { name: 'EVT', key: 'P', other: 'PER' });
  const r = ValidProjectSettingsSchema.safeParse(s);
  assert.ok(!r.success);
  assert.deepEqual(r.error.issues[0].path, ['tagSet', 4, 'name']);
  // the plain schema (used to open folders) stays lenient about these
  assert.ok(ProjectSettingsSchema.safeParse(s).success);
});

test('colours must be #rrggbb', () => {
  const s = base();
  s.tagSet[0].color = '#abc';
  assert.ok(!ValidProjectSettingsSchema.safeParse(s).success);
});

test('serializeSettings: fixed key order, lower-case colours, 2 spaces, final newline, same bytes for the same settings', () => {
  const s: ProjectSettings = {
    version: '1.0', format: 'muwazi-project',
    segmentation: { abbreviations: { en: ['corr'], ar: ['مستش'] } },
    tagSet: [{ key: 'e', label: '', color: '#0B7285', name: 'EVT' }],
  } as ProjectSettings;
  const text = serializeSettings(s);
  assert.equal(text, '{\n  "format": "muwazi-project",\n  "version": "1.0",\n  "tagSet": [\n    {\n      "name": "EVT",\n      "color": "#0b7285",\n      "key": "e"\n    }\n  ],\n  "segmentation": {\n    "abbreviations": {\n      "ar": [\n        "مستش"\n      ],\n      "en": [\n        "corr"\n      ]\n    }\n  }\n}\n');
  assert.equal(serializeSettings(ProjectSettingsSchema.parse(JSON.parse(text))), text);
});

test('sourceAbbreviations joins the Arabic and English lists', () => {
  assert.deepEqual(sourceAbbreviations({ segmentation: { abbreviations: { ar: ['مستش'], en: ['corr'] } } }), ['مستش', 'corr']);
  assert.deepEqual(sourceAbbreviations(null), []);
});

test('exceptions: one line with a stop inside, no duplicates (case and spacing ignored), a bounded count', () => {
  const s = base();
  s.segmentation.exceptions = { ar: ['مَن؟ أنا', 'مَن؟  أنا', 'بلا علامة', 'انتهى.', 'سطر.\nآخر', ''], en: ['Yahoo! News', 'yahoo! news', 'x'.repeat(81) + '. y'] };
  assert.deepEqual(settingsProblems(s).map((x) => `${x.code}@${x.path.join('.')}`), [
    'duplicate-exception@segmentation.exceptions.ar.1', 'exception-without-stop@segmentation.exceptions.ar.2', 'exception-without-stop@segmentation.exceptions.ar.3',
    'bad-exception@segmentation.exceptions.ar.4', 'bad-exception@segmentation.exceptions.ar.5',
    'duplicate-exception@segmentation.exceptions.en.1', 'bad-exception@segmentation.exceptions.en.2',
  ]);
  s.segmentation.exceptions = { en: Array.from({ length: 501 }, (_, i) => `a${i}. b`) };
  assert.deepEqual(settingsProblems(s).map((x) => x.code), ['too-many-exceptions']);
  s.segmentation.exceptions = { ar: ['مَن؟ أنا'], en: ['Yahoo! News'] };
  assert.deepEqual(settingsProblems(s), []);
  assert.ok(ValidProjectSettingsSchema.safeParse(s).success);
});

test('serializeSettings writes exceptions only when there are some, and reads them back', () => {
  const s = base();
  assert.ok(!serializeSettings(s).includes('exceptions'));
  s.segmentation.exceptions = { ar: [], en: [] };
  assert.ok(!serializeSettings(s).includes('exceptions'));
  s.segmentation.exceptions = { en: ['Yahoo! News'] };
  const text = serializeSettings(s);
  assert.match(text, /"exceptions": \{\n {6}"ar": \[\],\n {6}"en": \[\n {8}"Yahoo! News"\n {6}\]/);
  const back = ProjectSettingsSchema.parse(JSON.parse(text));
  assert.deepEqual(back.segmentation.exceptions, { ar: [], en: ['Yahoo! News'] });
  assert.equal(serializeSettings(back), text);
});

test('sourceSegmentRules joins both languages of both lists', () => {
  assert.deepEqual(sourceSegmentRules({ segmentation: { abbreviations: { ar: ['مستش'] }, exceptions: { ar: ['مَن؟ أنا'], en: ['Yahoo! News'] } } }),
    { abbreviations: ['مستش'], exceptions: ['مَن؟ أنا', 'Yahoo! News'] });
  assert.deepEqual(sourceSegmentRules(null), { abbreviations: [], exceptions: [] });
});
