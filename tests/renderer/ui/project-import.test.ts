// The in-app import is given the open folder's abbreviations, read at each import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importTranslation } from '../../../shared/align/import.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import { segmentSentences } from '../../../shared/text/segment.ts';
import { withProjectSegmentRules } from '../../../renderer/ui/project-import.ts';
import type { ProjectSettings } from '../../../shared/model/types.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';

// `مستش.` and `Cnslr.` are made-up abbreviations: without them each text splits once more
const AR = 'التقى مستش. أحمدُ بالوزيرِ 😀 في ٣ أيار عبر Reuters. ثم غادر القاعة.';
const EN = 'Cnslr. Ahmed met the minister 😀 on 3 May via Reuters. He then left the hall.';

function report() {
  const info = { file: 'r.txt', sha256: '0'.repeat(64), encoding: 'utf-8', bom: false, lineEnding: 'lf' as const, length: new OffsetMap(AR).cpLength, language: 'ar' };
  return createAnnotations(info, AR, segmentSentences(AR, { lang: 'ar', abbreviations: ['مستش'] }), '2024-01-01T00:00:00.000Z');
}

test('project import: the translation is segmented with the settings read at each import', () => {
  let settings: Pick<ProjectSettings, 'segmentation'> | null = { segmentation: { abbreviations: { ar: ['مستش'], en: ['Cnslr'] } } };
  const fn = withProjectSegmentRules(importTranslation, () => settings);
  const a = report();
  const map = new OffsetMap(AR);
  assert.equal(map.slice(a.segments[0].start, a.segments[0].end), 'التقى مستش. أحمدُ بالوزيرِ 😀 في ٣ أيار عبر Reuters.');
  const r = fn(a, AR, EN);
  assert.deepEqual(r.annotations.targets.map((t) => t.text), ['Cnslr. Ahmed met the minister 😀 on 3 May via Reuters.', 'He then left the hall.']);
  // settings changed (or no folder): read again at the next import
  settings = null;
  assert.equal(fn(a, AR, EN).annotations.targets.length, 3);
});

test('project import: passes the abbreviations of both languages to the aligner', () => {
  const seen: (string[] | undefined)[] = [];
  const fn = withProjectSegmentRules((a, _s, _t, opts) => (seen.push(opts.abbreviations), { annotations: a, lowConfidence: [] }), () => ({ segmentation: { abbreviations: { ar: ['مستش'], en: ['Cnslr'] } } }));
  fn(report(), AR, EN);
  assert.deepEqual(seen, [['مستش', 'Cnslr']]);
});

test('project import: passes the exceptions of both languages too', () => {
  const seen: (string[] | undefined)[] = [];
  const fn = withProjectSegmentRules((a, _s, _t, opts) => (seen.push(opts.exceptions), { annotations: a, lowConfidence: [] }),
    () => ({ segmentation: { abbreviations: {}, exceptions: { ar: ['مَن؟ أنا'], en: ['Yahoo! News'] } } }));
  fn(report(), AR, EN);
  assert.deepEqual(seen, [['مَن؟ أنا', 'Yahoo! News']]);
});
