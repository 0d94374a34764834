import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { withTmp } from '../../fixtures/tmp.ts';
import { writeQaFolder, writeReport } from '../../fixtures/qa-folder.ts';

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

async function qa(args: string[]) {
  const io = capture();
  const code = await main(['qa', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

test('muwazi qa --json: exactly { file, row, check, severity, message, ar, en }, file relative, row 0-based; exit 1 on an error', async () => {
  await withTmp(async (dir) => {
    await writeQaFolder(dir);
    const r = await qa([dir, '--json']);
    assert.equal(r.code, 1);
    const arr = JSON.parse(r.out) as Array<Record<string, unknown>>;
    assert.deepEqual(arr, [
      { file: 'sub/numbers.txt', row: 0, check: 'number-mismatch', severity: 'error', message: 'The Arabic has ٦٧ where the English has 76.', ar: 'قتل ٦٧ شخصا في الهجوم.', en: 'The attack killed 76 people.' },
      { file: 'sub/numbers.txt', row: 1, check: 'spacing', severity: 'info', message: '1 double space in the English.', ar: 'قال إن <الوضع> صعب  جدا.', en: 'It is <script>x</script>  hard.' },
    ]);
    for (const f of arr) assert.deepEqual(Object.keys(f), ['file', 'row', 'check', 'severity', 'message', 'ar', 'en']);
    // skipped sidecars are named on stderr, never fatal
    assert.match(r.err, /skipped broken\.txt/);
    assert.match(r.err, /skipped future\.txt/);
  });
});

test('muwazi qa: --fail-on and --checks decide the exit code; human output grouped with counts', async () => {
  await withTmp(async (dir) => {
    await writeQaFolder(dir);
    assert.equal((await qa([dir, '--checks', 'spacing'])).code, 0, 'info never fails');
    assert.equal((await qa([dir, '--checks=spacing,length', '--fail-on', 'warning'])).code, 0);
    await writeReport(dir, 'warn.txt', ['هل وصل الوفد؟'], ['The delegation arrived (yesterday.']);
    assert.equal((await qa([dir, '--checks', 'punctuation'])).code, 0, 'warnings pass at the default level');
    assert.equal((await qa([dir, '--checks', 'punctuation', '--fail-on=warning'])).code, 1);
    assert.equal((await qa([join(dir, 'clean.txt')])).code, 0, 'one clean report');
    const human = await qa([dir]);
    assert.equal(human.code, 1);
    assert.match(human.out, /^sub\/numbers\.txt\n  row 0  error    number-mismatch: The Arabic has ٦٧ where the English has 76\.\n/m);
    assert.match(human.out, /^number-mismatch +1 +\(1 error\)$/m);
    assert.match(human.out, /^4 findings \(1 error, 1 warning, 2 info\) in 3 reports; 1 report not started; 2 warnings\n$/m);
  });
});

test('muwazi qa: bad usage exits 2 with the usage on stderr; --help exits 0', async () => {
  await withTmp(async (dir) => {
    await writeQaFolder(dir);
    for (const args of [[dir, '--frobnicate'], [dir, '--checks', 'numbers'], [dir, '--checks'], [dir, '--fail-on', 'info'], [dir, '--fail-on'], [], [join(dir, 'missing')], [dir, dir]]) {
      const r = await qa(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /usage: muwazi qa <folder\|file>/, args.join(' '));
      assert.equal(r.out, '');
    }
    const help = await qa(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^usage: muwazi qa <folder\|file> \[--json\] \[--checks a,b,\.\.\.\] \[--fail-on error\|warning\]/);
    assert.match((await qa([dir, '--checks', 'numbers'])).err, /Unknown QA check 'numbers'/);
  });
});

test('muwazi export --qa-fail-on refuses while findings remain (counts per check), exports when clean', async () => {
  await withTmp(async (dir) => {
    await writeQaFolder(dir);
    const io = capture();
    const code = await main(['export', dir, '--format', 'tsv', '--qa-fail-on', 'error'], io);
    assert.equal(code, 1);
    assert.match(io.stderr, /not exported: 1 QA finding at level error or above remain \(number-mismatch 1\)/);
    assert.deepEqual(await readdir(dir).then((l) => l.includes('export')), false, 'nothing written');
    const bad = capture();
    assert.equal(await main(['export', dir, '--format', 'tsv', '--qa-fail-on', 'info'], bad), 2);
    await withTmp(async (clean) => {
      await writeReport(clean, 'a.txt', ['وصل الوفد إلى إدلب يوم ٣ آذار ٢٠٢٠.'], ['The delegation reached Idlib on 3 March 2020.']);
      const ok = capture();
      assert.equal(await main(['export', clean, '--format', 'tsv', '--qa-fail-on', 'warning'], ok), 0, ok.stderr);
      assert.match(ok.stdout, /exported 1 row/);
    });
  });
});
