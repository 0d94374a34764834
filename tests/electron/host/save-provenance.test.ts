// Provenance through the real save path: the report store stamps against the file it replaces,
// from its memory of the last load or save, or from the disk when it has none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openReport, saveReport, sha256, sidecarPath } from '../../../electron/host/report-store.ts';
import { stampProvenance, withStamps } from '../../../shared/team/provenance.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';
import { withTmp } from '../../fixtures/tmp.ts';

const T1 = () => '2026-12-01T09:00:00.000Z';
const T2 = () => '2026-12-05T02:30:00.000Z';

for (const how of ['remembered', 'reopened', 'written by another program'] as const) {
  test(`a second save by another user stamps only what changed (previous file ${how})`, () => withTmp(async (dir) => {
    const txt = join(dir, 'تقرير.txt');
    await writeFile(txt, TEXT);
    const journalDir = join(dir, 'journal');
    const a = annotate(TEXT);
    a.source = (await openReport(txt, { journalDir })).annotations.source;
    let s1 = await saveReport(txt, a, null, { journalDir, now: T1, user: 'ليلى' });
    let b = structuredClone(a); // the editor's copy: no provenance on it
    if (how === 'reopened') b = structuredClone((await openReport(txt, { journalDir })).annotations);
    if (how === 'written by another program') {
      // the same content written again with other bytes (one more space at the end): the store
      // knows neither these bytes nor their hash and must read the file
      const bytes = (await readFile(sidecarPath(txt), 'utf8')) + ' ';
      await writeFile(sidecarPath(txt), bytes);
      s1 = { ...s1, sidecarHash: sha256(bytes) };
    }
    b.units[2].status = 'reviewed';
    b.mentions.find((m) => m.text === 'القاهرة')!.type = 'ORG';
    await saveReport(txt, b, s1.sidecarHash, { journalDir, now: T2, user: 'عمر' });
    const saved = (await openReport(txt, { journalDir })).annotations;
    assert.deepEqual(saved.units.map((u) => [u.by, u.at]), [['ليلى', T1()], ['ليلى', T1()], ['عمر', T2()]]);
    for (const m of saved.mentions) assert.deepEqual([m.by, m.at], m.text === 'القاهرة' ? ['عمر', T2()] : ['ليلى', T1()], m.text);
  }));
}

test('a save returns what it stamped anew; the app\'s model with those stamps is saved next without a copy per item', () => withTmp(async (dir) => {
  const txt = join(dir, 'تقرير.txt');
  await writeFile(txt, TEXT);
  const journalDir = join(dir, 'journal');
  const a = annotate(TEXT);
  a.source = (await openReport(txt, { journalDir })).annotations.source;
  const s1 = await saveReport(txt, a, null, { journalDir, now: T1, user: 'ليلى' });
  // a first save stamps every mention and entity and the rows with a status
  assert.equal(s1.stamped.by, 'ليلى');
  assert.deepEqual(s1.stamped.mentions, a.mentions.map((m) => m.id));
  assert.deepEqual(s1.stamped.entities, a.entities.map((e) => e.id));
  assert.deepEqual(s1.stamped.units, a.units.filter((u) => u.status !== 'auto').map((u) => u.id));
  // the app adopts them (EditorHandle.adoptStamps): the next request carries them, so a save that
  // changes nothing stamps nothing and shares every item of the request
  const b = withStamps(structuredClone(a), s1.stamped, s1.savedAt);
  const s2 = await saveReport(txt, b, s1.sidecarHash, { journalDir, now: T2, user: 'عمر' });
  assert.deepEqual([s2.stamped.units, s2.stamped.mentions, s2.stamped.entities], [[], [], []]);
  const again = stampProvenance(stampProvenance(null, a, 'ليلى', T1()), b, 'عمر', T2());
  assert.ok(again.mentions.every((m, i) => m === b.mentions[i]) && again.units.every((u, i) => u === b.units[i]), 'no item copied');
  // without the stamps every mention would be copied to carry the saved ones
  const without = stampProvenance(stampProvenance(null, a, 'ليلى', T1()), structuredClone(a), 'عمر', T2());
  assert.ok(without.mentions.every((m) => m.by === 'ليلى'));
  const saved = (await openReport(txt, { journalDir })).annotations;
  assert.ok(saved.mentions.every((m) => m.by === 'ليلى' && m.at === T1()), 'the file keeps the first stamps');
}));
