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
