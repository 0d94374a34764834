import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../../electron/cli/main.ts';
import { sha256, sidecarPath } from '../../../electron/host/report-store.ts';
import { serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { TEXT, annotate, sourceInfo } from '../../fixtures/annotated-report.ts';
import { withTmp } from '../../fixtures/tmp.ts';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['agree', ...argv], { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

/** The fixture report with its real source hash; `b` drops the English mention of مِصر (Egypt) and retypes الرياض. */
function copies(): [Annotations, Annotations] {
  const a = annotate(TEXT, undefined, undefined, sha256(TEXT));
  a.source = sourceInfo(TEXT, sha256(TEXT), 'تقرير.txt');
  const b = structuredClone(a);
  b.mentions = b.mentions.filter((m) => m.text !== 'Egypt');
  b.mentions.find((m) => m.text === 'الرياض')!.type = 'ORG';
  b.units[1].status = 'reviewed';
  return [a, b];
}

async function folder(dir: string, a: Annotations) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'تقرير.txt'), TEXT);
  await writeFile(sidecarPath(join(dir, 'تقرير.txt')), serializeAnnotations(a));
}

test('agree <dirA> <dirB>: a table and JSON, per report and overall; a report without a second copy is skipped', () => withTmp(async (dir) => {
  const [a, b] = copies();
  await folder(join(dir, 'ليلى'), a);
  await folder(join(dir, 'عمر'), b);
  await writeFile(join(dir, 'ليلى', 'وحيد.txt'), 'نص بلا نسخة ثانية.');
  await writeFile(join(dir, 'ليلى', 'وحيد.annotations.json'), '{}');
  const r = await cli(join(dir, 'ليلى'), join(dir, 'عمر'), '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(j.reports.map((x: { name: string }) => x.name), ['تقرير.txt']);
  assert.deepEqual(j.skipped.map((x: { name: string }) => x.name), ['وحيد.txt']);
  // 12 mentions and 11: 10 the same (الرياض retyped on one side, Egypt dropped) → 2·10/23
  assert.ok(Math.abs(j.overall.entities.f1 - 20 / 23) < 1e-9);
  assert.equal(j.overall.status.agreement, 2 / 3);
  assert.equal(j.overall.alignment.linkF1, 1);
  const t = await cli(join(dir, 'ليلى'), join(dir, 'عمر'));
  assert.match(t.out, /^report\s+entity F1\s+kappa\s+e-link F1\s+align F1\s+status\s+rows$/m);
  assert.match(t.out, /^تقرير\.txt\s+0\.870\s/m);
  assert.match(t.out, /^\(all reports\)\s+0\.870\s/m);
  assert.match(t.out, /per type \(all reports\): LOC F1 /);
  assert.match(t.out, /skipped وحيد\.txt: no annotation file in the second copy/);
}));

test('agree --rev A --rev B compares two git revisions of one folder', { timeout: 60_000 }, () => withTmp(async (dir) => {
  const git = (...args: string[]) => { const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' }); assert.equal(r.status, 0, r.stderr); return r.stdout.trim(); };
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'commit.gpgsign', 'false');
  const [a, b] = copies();
  await folder(join(dir, 'قسم'), a);
  git('add', '-A');
  git('commit', '-qm', 'laila');
  await writeFile(sidecarPath(join(dir, 'قسم', 'تقرير.txt')), serializeAnnotations(b));
  git('commit', '-qam', 'omar');
  const r = await cli(dir, '--rev', 'HEAD~1', '--rev', 'HEAD', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(j.reports.map((x: { name: string }) => x.name), ['قسم/تقرير.txt']);
  assert.ok(Math.abs(j.overall.entities.f1 - 20 / 23) < 1e-9);
  assert.equal((await cli(dir, '--rev', 'HEAD', '--rev', 'nope')).code, 2);
  assert.equal((await cli(dir, '--rev', 'HEAD')).code, 2);
  assert.equal((await cli(join(dir, 'قسم'))).code, 2);
}));
