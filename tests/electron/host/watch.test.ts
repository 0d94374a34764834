import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changeKind, watchFolder, type ChangeKind } from '../../../electron/host/watch.ts';
import { openReport, saveReport, sidecarPath } from '../../../electron/host/report-store.ts';
import { TEXT } from '../../fixtures/annotated-report.ts';

test('changeKind', () => {
  assert.equal(changeKind('تقرير.annotations.json'), 'sidecar');
  assert.equal(changeKind('تقرير.txt'), 'source');
  assert.equal(changeKind('muwazi.project.json'), 'other');
  // the project dictionary is a .txt but never a report's source
  assert.equal(changeKind('/w/muwazi.dictionary.txt'), 'other');
  assert.equal(changeKind('/w/sub/muwazi.dictionary.txt'), 'other');
});

// The timeout turns a missed event into a failure instead of a hang. The debounce is long (1 s) so a
// burst of events (a rename, an editor's save) lands in one window even on a loaded machine; every
// wait is for a reported event, never for time.
test('reports external changes (also replace-by-rename), debounced, and not our own saves', { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-watch-'));
  const events: [string, ChangeKind][] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const stop = watchFolder(dir, (path, kind) => {
    events.push([path, kind]);
    for (const w of [...waiters]) if (w.test()) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
  }, { debounceMs: 1000 });
  /** Resolves once `path` has been reported `times` times in all (an explicit signal, no sleeping). */
  const reportedTimes = (path: string, times: number) => new Promise<void>((resolve) => {
    const test = () => events.filter(([p]) => p === path).length >= times;
    if (test()) resolve();
    else waiters.push({ test, resolve });
  });
  const reported = (path: string) => reportedTimes(path, events.filter(([p]) => p === path).length + 1);
  try {
    const a = join(dir, 'أ.txt');
    const b = join(dir, 'ب.txt');
    await writeFile(a, TEXT);
    await writeFile(b, TEXT);
    // both creations reported before anything else is counted
    await Promise.all([reportedTimes(a, 1), reportedTimes(b, 1)]);
    const opened = await openReport(a, { journalDir: join(tmpdir(), 'unused-journal') });
    // our own save (temp file, rename, .bak) — then an external change to another sidecar as a marker
    let r = reported(sidecarPath(b));
    const saved = await saveReport(a, opened.annotations, null, { journalDir: join(dir, '.j') });
    await saveReport(a, { ...opened.annotations, modified: 'x' }, saved.sidecarHash, { journalDir: join(dir, '.j') });
    await writeFile(sidecarPath(b), '{}');
    await r;
    assert.ok(!events.some(([p]) => p === sidecarPath(a)), `own save reported: ${JSON.stringify(events)}`);
    assert.ok(!events.some(([p]) => /\.tmp$|\.bak$|\.lock$/.test(p)));
    // an editor replacing the source by rename, many events: one report
    const before = events.filter(([p]) => p === a).length;
    r = reported(a);
    await writeFile(join(dir, 'أ.txt.new'), TEXT + '\nسطر جديد.');
    await rename(join(dir, 'أ.txt.new'), a);
    await r;
    assert.equal(events.filter(([p]) => p === a).length, before + 1);
    assert.deepEqual(events.find(([p]) => p === a), [a, 'source']);
    // a git pull rewriting our sidecar: reported, as a sidecar
    r = reported(sidecarPath(a));
    await writeFile(sidecarPath(a), '{"changed": true}');
    await r;
    assert.deepEqual(events.at(-1), [sidecarPath(a), 'sidecar']);
    // a new sub-folder is watched too
    const sub = join(dir, 'ملف فرعي');
    await mkdir(sub);
    const c = join(sub, 'ج.txt');
    r = reported(c);
    await writeFile(c, TEXT);
    await r;
    assert.deepEqual(events.at(-1), [c, 'source']);
  } finally {
    stop();
    await rm(dir, { recursive: true, force: true });
  }
});
