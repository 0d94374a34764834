import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  defaultSettings, ensureSampleProject, findReports, isReportFile, PROJECT_FILE, readSettings, scanWorkspace,
} from '../../../electron/host/workspace.ts';
import { HostError } from '../../../electron/host/errors.ts';
import { DEFAULT_TAG_SET } from '../../../shared/model/schema.ts';

const assets = resolve('assets');

async function tmp(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-ws-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function digest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort()) out[f] = createHash('sha256').update(await readFile(join(dir, f))).digest('hex');
  return out;
}

test('isReportFile: .txt sources, not English translations', () => {
  assert.equal(isReportFile('خبر.txt'), true);
  assert.equal(isReportFile('REPORT.TXT'), true);
  assert.equal(isReportFile('خبر.en.txt'), false);
  assert.equal(isReportFile('خبر.annotations.json'), false);
});

test('scan lists reports recursively, skipping translations, hidden folders, node_modules, export/ and escaping symlinks', async (t) => {
  const root = await tmp(t);
  const outside = await tmp(t);
  await writeFile(join(outside, 'far.txt'), 'بعيد');
  const files: Record<string, string> = {
    'ب.txt': 'خبرٌ ثانٍ.',
    'أ.txt': 'خبرٌ أولُ ١٢٣.',
    'أ.en.txt': 'First report.',
    'sub/ج 😀.txt': 'ثالثٌ.',
    '.git/x.txt': 'hidden',
    'node_modules/y.txt': 'dep',
    'export/corpus.txt': 'output',
    'notes.md': 'not a report',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  await symlink(join(outside, 'far.txt'), join(root, 'link-out.txt'));
  await symlink(join(root, 'ب.txt'), join(root, 'link-in.txt'));
  await symlink(outside, join(root, 'linked-dir'));
  const found = (await findReports(root)).map((p) => p.slice(root.length + 1)).sort();
  assert.deepEqual(found, ['link-in.txt', 'sub/ج 😀.txt', 'أ.txt', 'ب.txt'].sort());

  const ws = await scanWorkspace(root, {
    isSample: false,
    readSummary: async (p) => {
      if (p.endsWith('ب.txt')) throw new Error('الملف تالف');
      return { rows: 3, translated: 1, entities: 2, hasAnnotations: true };
    },
  });
  assert.equal(ws.root, root);
  assert.equal(ws.reports.length, 4);
  const a = ws.reports.find((r) => r.relPath === 'أ.txt')!;
  assert.deepEqual({ name: a.name, rows: a.rows, translated: a.translated, entities: a.entities }, { name: 'أ', rows: 3, translated: 1, entities: 2 });
  assert.equal(ws.reports.find((r) => r.relPath === 'sub/ج 😀.txt')?.name, 'ج 😀');
  const broken = ws.reports.find((r) => r.relPath === 'ب.txt')!;
  assert.equal(broken.problem, 'الملف تالف');
  assert.deepEqual(ws.settings, defaultSettings());
});

test('an annotation file whose report is missing is listed as "source missing", not hidden', async (t) => {
  const root = await tmp(t);
  await writeFile(join(root, 'حاضر.txt'), 'خبرٌ.');
  await writeFile(join(root, 'حاضر.annotations.json'), '{}');
  await mkdir(join(root, 'sub'));
  await writeFile(join(root, 'sub', 'غائب ٢.annotations.json'), '{}');
  await writeFile(join(root, 'sub', 'غائب ٢.annotations.mine-20240101-000000.json'), '{}');
  const ws = await scanWorkspace(root, { isSample: false, readSummary: async () => ({ rows: 7, translated: 2, entities: 1, hasAnnotations: true }) });
  assert.deepEqual(ws.reports.map((r) => `${r.relPath}|${r.sourceMissing ?? false}`), ['sub/غائب ٢.txt|true', 'حاضر.txt|false']);
  const gone = ws.reports[0];
  assert.deepEqual({ name: gone.name, rows: gone.rows, path: gone.path, problem: gone.problem }, { name: 'غائب ٢', rows: 7, path: join(root, 'sub', 'غائب ٢.txt'), problem: 'غائب ٢.txt is missing' });
  // the report list of the other services is unchanged
  assert.deepEqual((await findReports(root)).map((p) => p.slice(root.length + 1)), ['حاضر.txt']);
});

test('project settings: defaults when absent, read when valid, a specific error when corrupt', async (t) => {
  const root = await tmp(t);
  assert.deepEqual((await readSettings(root)).tagSet, DEFAULT_TAG_SET);
  const custom = { format: 'muwazi-project', version: '1.0', tagSet: [{ name: 'EVENT', color: '#123456', key: 'v', label: 'حدث' }] };
  await writeFile(join(root, PROJECT_FILE), JSON.stringify(custom));
  const s = await readSettings(root);
  assert.equal(s.tagSet[0].label, 'حدث');
  assert.deepEqual(s.segmentation, { abbreviations: {} });

  await writeFile(join(root, PROJECT_FILE), '{ not json');
  await assert.rejects(readSettings(root), (e: unknown) => e instanceof HostError && e.code === 'corrupt-sidecar' && /muwazi\.project\.json/.test(e.message));
  await writeFile(join(root, PROJECT_FILE), JSON.stringify({ ...custom, tagSet: [] }));
  await assert.rejects(readSettings(root), (e: unknown) => e instanceof HostError && e.code === 'corrupt-sidecar' && /tagSet/.test(e.message));
});

test('the sample project is copied once into the data folder; bundled copies stay unchanged', async (t) => {
  const dataDir = await tmp(t);
  const bundled = join(assets, 'samples');
  const before = await digest(bundled);
  const dir = await ensureSampleProject(dataDir, assets);
  assert.equal(dir, join(dataDir, 'sample-project'));
  assert.deepEqual(await digest(dir), before);
  // The user edits a sample: a second start must not overwrite it.
  const first = Object.keys(before)[0];
  await writeFile(join(dir, first), 'نصٌّ عدّله المستخدم');
  await ensureSampleProject(dataDir, assets);
  assert.equal(await readFile(join(dir, first), 'utf8'), 'نصٌّ عدّله المستخدم');
  assert.deepEqual(await digest(bundled), before);
});
