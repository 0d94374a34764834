import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runExport } from '../../../electron/host/export.ts';
import { HostError } from '../../../electron/host/errors.ts';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { parseTmx } from '../../../shared/formats/tm-import.ts';
import { buildAnnotatedReport, writeReports } from '../../fixtures/annotated-report.ts';
import { withTmp } from '../../fixtures/tmp.ts';
import { xmllintOk } from '../../fixtures/tools.ts';

const reports = [0, 1, 2].map((i) => buildAnnotatedReport({ sample: i, name: `r${i}` }));

/** Every file under dir, relative, sorted (hidden staging folders included, to prove they are gone). */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1)).sort();
}

test('a folder export (real report store: sources + sidecars) streams every format to its documented names', async () => {
  await withTmp(async (dir) => {
    await writeReports(dir, reports);
    await writeFile(join(dir, 'r0.en.txt'), 'an English translation, not a report\n');
    const cases: [string, string[]][] = [
      ['tmx', ['export/corpus.tmx']],
      ['xliff', ['export/corpus.xlf']],
      ['tsv', ['export/corpus.tsv']],
      ['jsonl', ['export/corpus.jsonl']],
      ['spans', ['export/corpus.spans.jsonl']],
      ['moses', ['export/corpus.ar', 'export/corpus.en']],
      ['conll', ['export/corpus.ar.conll', 'export/corpus.en.conll']],
    ];
    for (const [format, files] of cases) {
      const s = await runExport({ path: dir, format: format as 'tmx', jobId: 'j' });
      assert.deepEqual(s.files, files.map((f) => join(dir, f)), format);
      assert.equal(s.reports, 3);
      // the streamed files equal the in-memory export of the same reports
      const mem = exportToStrings(format as 'tmx', reports);
      assert.equal(s.rows, mem.stats.rows);
      const keys = Object.keys(mem.outputs).sort();
      for (let k = 0; k < files.length; k++) {
        const bytes = await readFile(join(dir, files[k]));
        assert.ok(!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf), 'no BOM');
        assert.equal(bytes.toString('utf8'), mem.outputs[keys.length === 1 ? '' : (files[k].includes('.en') ? 'en' : 'ar')], files[k]);
      }
    }
    xmllintOk(join(dir, 'export/corpus.tmx'));
    const s = await runExport({ path: dir, format: 'brat', jobId: 'j' });
    assert.equal(s.files.length, 12);
    assert.ok(s.files.includes(join(dir, 'export', 'r1.ar.ann')));
    assert.ok(!(await tree(dir)).some((f) => f.includes('.muwazi-export-')));
  });
});

test('summary: rows, skipped reasons, warnings and bidi controls', async () => {
  await withTmp(async (dir) => {
    await writeReports(dir, reports);
    const s = await runExport({ path: dir, format: 'tmx', jobId: 'j', options: { onlyOneToOne: true } });
    assert.deepEqual(s.skipped, [
      { reason: 'no-source', count: 3 },
      { reason: 'not-one-to-one', count: 9 },
    ]);
    assert.equal(s.bidiControls, 9);
    assert.deepEqual(s.warnings, []);
  });
});

test('one report to an explicit file; a report without sidecar exports only with keepUntranslated', async () => {
  await withTmp(async (dir) => {
    const [txt] = await writeReports(dir, [reports[0]]);
    const out = join(dir, 'out', 'one.tmx');
    const s = await runExport({ path: txt, format: 'tmx', out, jobId: 'j' });
    assert.deepEqual(s.files, [out]);
    assert.equal(parseTmx(await readFile(out, 'utf8')).length, s.rows);
    const [bare] = await writeReports(join(dir, 'bare'), [buildAnnotatedReport({ name: 'bare', sample: 3 })], false);
    const none = await runExport({ path: bare, format: 'moses', out: join(dir, 'bare-out') + '/', jobId: 'j' });
    assert.equal(none.rows, 0);
    assert.deepEqual(none.files, [join(dir, 'bare-out', 'bare.ar'), join(dir, 'bare-out', 'bare.en')]);
    assert.equal(await readFile(none.files[0], 'utf8'), '');
    const kept = await runExport({ path: bare, format: 'moses', out: join(dir, 'bare-out', 'kept'), jobId: 'j', options: { keepUntranslated: true } });
    assert.ok(kept.rows > 0);
    const ar = (await readFile(kept.files[0], 'utf8')).split('\n');
    const en = (await readFile(kept.files[1], 'utf8')).split('\n');
    assert.equal(ar.length, en.length);
    assert.ok(en.slice(0, -1).every((l) => l === ''));
  });
});

test('a broken sidecar leaves that report out of a folder export with a warning; alone it fails', async () => {
  await withTmp(async (dir) => {
    await writeReports(dir, reports);
    await writeFile(join(dir, 'r1.annotations.json'), '{ not json');
    const s = await runExport({ path: dir, format: 'jsonl', jobId: 'j' });
    assert.equal(s.reports, 2);
    assert.equal(s.warnings.length, 1);
    assert.match(s.warnings[0], /^report "r1" was left out: /);
    await assert.rejects(runExport({ path: join(dir, 'r1.txt'), format: 'jsonl', jobId: 'j' }), (e) => e instanceof HostError && e.code === 'corrupt-sidecar');
    await assert.rejects(runExport({ path: join(dir, 'missing'), format: 'jsonl', jobId: 'j' }), (e) => e instanceof HostError && e.code === 'not-found');
  });
});

test('progress is reported per report; cancelling removes partial output and keeps an earlier export', async () => {
  await withTmp(async (dir) => {
    await writeReports(dir, reports);
    const first = await runExport({ path: dir, format: 'tmx', jobId: 'j' });
    const before = await readFile(first.files[0], 'utf8');
    const seen: string[] = [];
    const ctl = new AbortController();
    await assert.rejects(
      runExport(
        { path: dir, format: 'tmx', jobId: 'j', options: { keepUntranslated: true } },
        {
          signal: ctl.signal,
          onProgress: (p) => {
            seen.push(`${p.done}/${p.total}${p.current ? ' ' + p.current : ''}`);
            if (p.current === 'r1') ctl.abort();
          },
        },
      ),
      (e) => e instanceof HostError && e.code === 'cancelled',
    );
    assert.deepEqual(seen, ['0/3', '0/3 r0', '1/3 r1']);
    assert.equal(await readFile(first.files[0], 'utf8'), before);
    assert.deepEqual((await tree(join(dir, 'export'))), ['corpus.tmx']);
    // brat writes many files: none of them may survive a cancel
    const ctl2 = new AbortController();
    await assert.rejects(
      runExport({ path: dir, format: 'brat', out: join(dir, 'brat'), jobId: 'j' }, { signal: ctl2.signal, onProgress: (p) => p.done === 2 && ctl2.abort() }),
      (e) => e instanceof HostError && e.code === 'cancelled',
    );
    assert.deepEqual(await tree(join(dir, 'brat')), []);
  });
});

test('reports in subfolders keep their relative names (brat files land in subfolders)', async () => {
  await withTmp(async (dir) => {
    await writeReports(dir, [buildAnnotatedReport({ name: 'a/x' }), buildAnnotatedReport({ name: 'b', sample: 2 })]);
    await mkdir(join(dir, 'export'), { recursive: true });
    const s = await runExport({ path: dir, format: 'brat', jobId: 'j' });
    assert.ok(s.files.includes(join(dir, 'export', 'a', 'x.ar.txt')));
    const tsv = await runExport({ path: dir, format: 'tsv', jobId: 'j' });
    assert.match(await readFile(tsv.files[0], 'utf8'), /\na\/x#u1\t/);
  });
});

test('entity formats leave a folder\'s never-annotated reports out (all-O data), say how many, and keep them when asked', async () => {
  await withTmp(async (dir) => {
    const bare = buildAnnotatedReport({ sample: 1, name: 'بلا-كيانات' });
    bare.annotations.mentions = [];
    bare.annotations.entities = [];
    await writeReports(dir, [reports[0], bare]);
    for (const format of ['conll', 'brat', 'spans'] as const) {
      const s = await runExport({ path: dir, format, out: join(dir, 'export', `out-${format}`) + '/', jobId: format });
      assert.equal(s.reports, 1, format);
      assert.deepEqual(s.skipped.filter((k) => k.reason === 'unannotated-report'), [{ reason: 'unannotated-report', count: 1 }], format);
      const all = await runExport({ path: dir, format, out: join(dir, 'export', `all-${format}`) + '/', jobId: format, options: { includeUnannotated: true } });
      assert.equal(all.reports, 2, `${format} with includeUnannotated`);
    }
    // a parallel format is not concerned; one report asked for by name is exported as it is
    assert.equal((await runExport({ path: dir, format: 'tsv', out: join(dir, 'p.tsv'), jobId: 'p', options: { keepUntranslated: true } })).reports, 2);
    assert.equal((await runExport({ path: join(dir, 'بلا-كيانات.txt'), format: 'conll', out: join(dir, 'export', 'one') + '/', jobId: 'one' })).reports, 1);
  });
});
