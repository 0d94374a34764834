// The project's abbreviations outside the app: found by walking up from a report, used by
// `muwazi import` (host imports) for the Arabic of a new report and the English, and by
// re-anchoring a drifted report; a corrupt settings file fails before anything is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findProjectRoot, projectSegmentRules } from '../../../electron/host/project-settings.ts';
import { importFolder, importTranslationFile } from '../../../electron/host/import.ts';
import { openReport, saveReport, sidecarPath } from '../../../electron/host/report-store.ts';
import { defaultSettings, PROJECT_FILE } from '../../../electron/host/workspace.ts';
import { serializeSettings } from '../../../shared/model/settings.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { withTmp } from '../../fixtures/tmp.ts';

// `مستش.` is a made-up abbreviation: without it each text below splits into one more sentence
const AR = 'التقى مستش. أحمدُ بالوزيرِ 😀 في ٣ أيار عبر Reuters. ثم غادر القاعة.';
const AR_SENTENCES = ['التقى مستش. أحمدُ بالوزيرِ 😀 في ٣ أيار عبر Reuters.', 'ثم غادر القاعة.'];
const EN = 'Cnslr. Ahmed met the minister 😀 on 3 May via Reuters. He then left the hall.';

async function writeProject(dir: string): Promise<void> {
  const s = defaultSettings();
  s.segmentation.abbreviations = { ar: ['مستش'], en: ['Cnslr.'] };
  await writeFile(join(dir, PROJECT_FILE), serializeSettings(s));
}

const exists = (p: string) => access(p).then(() => true, () => false);

test('project settings: the nearest muwazi.project.json at or above the file', () => withTmp(async (dir) => {
  const sub = join(dir, 'p', 'a', 'b');
  await mkdir(sub, { recursive: true });
  await writeProject(join(dir, 'p'));
  assert.equal(await findProjectRoot(join(sub, 'r.txt')), join(dir, 'p'));
  assert.deepEqual((await projectSegmentRules(join(sub, 'r.txt'))).abbreviations, ['مستش', 'Cnslr.']);
  await writeProject(join(dir, 'p', 'a'));
  assert.equal(await findProjectRoot(join(sub, 'r.txt')), join(dir, 'p', 'a'));
}));

test('host import: a new report and its translation are segmented with the project abbreviations', () => withTmp(async (dir) => {
  const withP = join(dir, 'with', 'reports');
  const without = join(dir, 'without');
  await mkdir(withP, { recursive: true });
  await mkdir(without, { recursive: true });
  await writeProject(join(dir, 'with'));
  for (const d of [withP, without]) {
    await writeFile(join(d, 'r.txt'), AR);
    await writeFile(join(d, 'r.en.txt'), EN);
  }
  const journalDir = join(dir, '.journal');
  const r = await importTranslationFile(join(withP, 'r.txt'), join(withP, 'r.en.txt'), { journalDir });
  assert.equal(r.rows, 2);
  assert.equal(r.sentences, 2);
  const a = (await openReport(join(withP, 'r.txt'), { journalDir })).annotations;
  const map = new OffsetMap(AR);
  assert.deepEqual(a.segments.map((s) => map.slice(s.start, s.end)), AR_SENTENCES);
  assert.deepEqual(a.targets.map((t) => t.text), ['Cnslr. Ahmed met the minister 😀 on 3 May via Reuters.', 'He then left the hall.']);
  // the same files outside a project split at the unknown abbreviations
  const plain = await importTranslationFile(join(without, 'r.txt'), join(without, 'r.en.txt'), { journalDir });
  assert.equal(plain.rows, 3);
  assert.equal(plain.sentences, 3);
  // explicit abbreviations win over the project's
  await rm(sidecarPath(join(withP, 'r.txt')));
  assert.equal((await importTranslationFile(join(withP, 'r.txt'), join(withP, 'r.en.txt'), { journalDir, abbreviations: [] })).rows, 3);
}));

test('host import: a corrupt muwazi.project.json is a clear error and nothing is written', () => withTmp(async (dir) => {
  await writeFile(join(dir, PROJECT_FILE), '{"format": "muwazi-project",');
  await writeFile(join(dir, 'r.txt'), AR);
  await writeFile(join(dir, 'r.en.txt'), EN);
  const journalDir = join(dir, '.journal');
  await assert.rejects(importTranslationFile(join(dir, 'r.txt'), join(dir, 'r.en.txt'), { journalDir }), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'corrupt-sidecar');
    assert.match(e.message, new RegExp(`${join(dir, PROJECT_FILE).replace(/[.\\/]/g, '\\$&')}.*not valid JSON`));
    return true;
  });
  const summary = await importFolder(dir, { journalDir });
  assert.equal(summary.imported.length, 0);
  assert.equal(summary.failures.length, 1);
  assert.equal(summary.failures[0].code, 'corrupt-sidecar');
  assert.equal(await exists(sidecarPath(join(dir, 'r.txt'))), false);
}));

test('re-anchoring a drifted report segments new text with the abbreviations', () => withTmp(async (dir) => {
  const txt = join(dir, 'r.txt');
  const journalDir = join(dir, '.journal');
  await writeFile(txt, 'قال المرصدُ إنّ ٣ قُتلوا.');
  const first = await openReport(txt, { journalDir });
  await saveReport(txt, first.annotations, first.sidecarHash, { journalDir });
  const grown = 'قال المرصدُ إنّ ٣ قُتلوا.\n' + AR;
  await writeFile(txt, grown);
  const count = async (abbreviations?: string[]) => {
    const o = await openReport(txt, { journalDir, abbreviations });
    assert.equal(o.state, 'drifted');
    const map = new OffsetMap(grown);
    return o.annotations.segments.map((s) => map.slice(s.start, s.end));
  };
  assert.deepEqual(await count(['مستش']), ['قال المرصدُ إنّ ٣ قُتلوا.', ...AR_SENTENCES]);
  assert.equal((await count()).length, 4);
}));
