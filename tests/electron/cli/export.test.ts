import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { parseExportArgs, progressBar, run } from '../../../electron/cli/export.ts';
import { buildAnnotatedReport, writeReports } from '../../fixtures/annotated-report.ts';
import { withTmp } from '../../fixtures/tmp.ts';

function io(isTTY = false): CliIO & { stdout: string; stderr: string } {
  const o = { stdout: '', stderr: '', isTTY, out: (s: string) => void (o.stdout += s), err: (s: string) => void (o.stderr += s) };
  return o;
}

const reports = [buildAnnotatedReport({ name: 'a', sample: 0 }), buildAnnotatedReport({ name: 'b', sample: 1 })];

test('muwazi export <folder> --format moses --out PREFIX with options: files, summary line, quiet stderr', async () => {
  await withTmp(async (dir) => {
    // the same report twice under two names: dedupe keeps the second one's rows out
    await writeReports(dir, [reports[0], buildAnnotatedReport({ name: 'twin', sample: 0 })]);
    const o = io();
    const out = join(dir, 'out', 'corpus');
    const code = await main(['export', dir, '--format', 'moses', '--out', out, '--min-status', 'translated', '--only-1-1', '--dedupe'], o);
    assert.equal(code, 0, o.stderr);
    assert.equal(o.stderr, '');
    assert.match(o.stdout, /^exported (\d+) rows from 2 reports; skipped \d+ below-min-status, \d+ duplicate, \d+ no-source, \d+ not-one-to-one(; \d+ bidi control characters preserved)? → .*corpus\.ar, .*corpus\.en\n$/);
    const n = Number(/^exported (\d+)/.exec(o.stdout)![1]);
    const ar = (await readFile(out + '.ar', 'utf8')).split('\n');
    assert.equal(ar.length - 1, n);
    assert.equal(new Set(ar).size, ar.length);
    assert.match(o.stdout, new RegExp(`skipped \\d+ below-min-status, ${n} duplicate,`));
  });
});

test('a TTY gets a progress bar on stderr; every format name is accepted', async () => {
  await withTmp(async (dir) => {
    await writeReports(dir, reports);
    const o = io(true);
    assert.equal(await main(['export', dir, '--format=tmx', '--keep-untranslated'], o), 0, o.stderr);
    assert.ok(o.stderr.includes('[' + '#'.repeat(30) + '] 2/2'), JSON.stringify(o.stderr));
    assert.match(o.stdout, /→ .*export\/corpus\.tmx\n$/);
    for (const f of ['xliff', 'xliff12', 'tsv', 'jsonl', 'conll', 'brat', 'spans']) {
      const q = io();
      assert.equal(await main(['export', join(dir, 'a.txt'), '--format', f, '--out', join(dir, 'o-' + f) + '/', '--clitics', '--normalize-arabic'], q), 0, q.stderr);
    }
  });
});

test('usage errors exit 2 with a specific message; failures exit 1', async () => {
  const cases: [string[], RegExp][] = [
    [['export'], /missing <folder\|file>/],
    [['export', 'x'], /--format is required/],
    [['export', 'x', '--format', 'docx'], /unknown format 'docx'/],
    [['export', 'x', '--format', 'tmx', '--min-status', 'done'], /--min-status must be one of auto, draft, translated, reviewed/],
    [['export', 'x', '--format', 'tmx', '--frobnicate'], /unknown option '--frobnicate'/],
    [['export', 'x', '--format', 'tmx', '--out'], /--out needs a value/],
  ];
  for (const [argv, re] of cases) {
    const o = io();
    assert.equal(await main(argv, o), 2, argv.join(' '));
    assert.match(o.stderr, re);
  }
  await withTmp(async (dir) => {
    const o = io();
    assert.equal(await main(['export', join(dir, 'nope'), '--format', 'tmx'], o), 1);
    assert.match(o.stderr, /^muwazi export: Nothing to export: .*nope does not exist\.\n$/);
    const e = io();
    assert.equal(await main(['export', dir, '--format', 'tmx'], e), 1);
    assert.match(e.stderr, /No reports \(\.txt files\) in/);
  });
});

test('an interrupted export exits 130 and leaves no output', async () => {
  await withTmp(async (dir) => {
    await writeReports(dir, reports);
    const ctl = new AbortController();
    ctl.abort();
    const o = io();
    assert.equal(await run([dir, '--format', 'tmx'], o, { signal: ctl.signal }), 130);
    assert.match(o.stderr, /cancelled/);
    await assert.rejects(readFile(join(dir, 'export', 'corpus.tmx')));
  });
});

test('argument parsing and the progress bar', () => {
  assert.deepEqual(parseExportArgs(['f', '--format', 'conll', '--clitics', '--only-1-1']), {
    path: join(process.cwd(), 'f'),
    format: 'conll',
    out: undefined,
    options: { clitics: true, onlyOneToOne: true },
  });
  assert.equal(progressBar(1, 4, 'r').trimEnd(), '[########......................] 1/4  r');
});

test('export sees a report without a sidecar as the app and `segment` do: project abbreviations apply, invalid settings fail, no journal', async () => {
  await withTmp(async (dir) => {
    const { writeFile, mkdir } = await import('node:fs/promises');
    await writeFile(join(dir, 'خبر.txt'), 'أعلن العقيد ركن. أحمد في الرياض أمس أن الاجتماع انتهى.\n');
    const settings = { format: 'muwazi-project', version: '1.0', tagSet: [{ name: 'PER', color: '#d9480f', key: 'p' }], segmentation: { abbreviations: { ar: ['ركن'] } } };
    await writeFile(join(dir, 'muwazi.project.json'), JSON.stringify(settings));
    const seg = io();
    assert.equal(await main(['segment', join(dir, 'خبر.txt')], seg), 0, seg.stderr);
    assert.equal(seg.stdout.trim().split('\n').length, 1, 'segment: one sentence (ركن. is an abbreviation here)');
    // an unsaved-edits journal in the data folder must not leak into an export
    const data = join(dir, '.data');
    await mkdir(data);
    const saved = process.env.MUWAZI_DATA_DIR;
    process.env.MUWAZI_DATA_DIR = data;
    try {
      const o = io();
      const out = join(dir, 'out.tsv');
      assert.equal(await main(['export', join(dir, 'خبر.txt'), '--format', 'tsv', '--keep-untranslated', '--out', out], o), 0, o.stderr);
      const lines = (await readFile(out, 'utf8')).trim().split('\n');
      assert.equal(lines.length - 1, 1, 'export: one row, as segment says');
      assert.ok(lines[1].includes('أعلن العقيد ركن. أحمد في الرياض أمس أن الاجتماع انتهى.'));
      // invalid settings: refused before anything is written, the file named
      await writeFile(join(dir, 'muwazi.project.json'), '{ "format": "muwazi-project", ');
      const bad = io();
      assert.equal(await main(['export', dir, '--format', 'tsv', '--out', join(dir, 'bad.tsv')], bad), 1);
      assert.match(bad.stderr, /muwazi\.project\.json/);
      await assert.rejects(readFile(join(dir, 'bad.tsv')));
    } finally {
      if (saved === undefined) delete process.env.MUWAZI_DATA_DIR; else process.env.MUWAZI_DATA_DIR = saved;
    }
  });
});

test('--out with a trailing separator, or an existing folder, is a folder: the export lands inside it', async () => {
  await withTmp(async (dir) => {
    await writeReports(dir, [reports[0]]);
    for (const [out, made] of [['مجلد-جديد/', true], ['موجود', false]] as const) {
      const { mkdir, readdir, stat } = await import('node:fs/promises');
      if (!made) await mkdir(join(dir, out));
      const o = io();
      assert.equal(await main(['export', dir, '--format', 'tsv', '--out', join(dir, out)], o), 0, o.stderr);
      const folder = join(dir, out.replace(/\/$/, ''));
      assert.ok((await stat(folder)).isDirectory(), `${out} is a folder`);
      assert.deepEqual(await readdir(folder), ['corpus.tsv']);
    }
  });
});

test('muwazi export --format conll --clitics splits with the app word list (بمساعدة → ب + مساعدة)', async () => {
  const { makeReport } = await import('../../fixtures/annotated-report.ts');
  await withTmp(async (dir) => {
    // مساعدة occurs nowhere else in the report: only the word list (assets/lexicon: المساعدة) knows it
    const r = makeReport(['قال بمساعدة طائرات.'], ['He said with the help of planes.'], 'w.txt');
    await writeReports(dir, [{ name: 'w', text: r.text, annotations: r.annotations }]);
    const words = async (flags: string[], out: string) => {
      const o = io();
      assert.equal(await main(['export', join(dir, 'w.txt'), '--format', 'conll', '--out', join(dir, out) + '/', ...flags], o), 0, o.stderr);
      return (await readFile(join(dir, out, 'w.ar.conll'), 'utf8')).split('\n').filter((l) => l && !l.startsWith('-DOCSTART-')).map((l) => l.split('\t')[0]);
    };
    assert.deepEqual(await words(['--clitics'], 'split'), ['قال', 'ب', 'مساعدة', 'طائرات', '.']);
    assert.deepEqual(await words([], 'whole'), ['قال', 'بمساعدة', 'طائرات', '.']);
  });
});
