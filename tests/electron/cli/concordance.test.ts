import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { A_AR, A_EN, withTmProject, writeReport } from '../host/tm-fixture.ts';

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

const withProject = withTmProject;

test('muwazi concordance --json prints [{ file, row, side, start, end, text, ar, en }]; offsets are code points that slice the text', async () => {
  await withProject(async (dir) => {
    // a row with harakat, an emoji before the term (astral: code points ≠ UTF-16 units), the term after
    // a clitic (والحكومة) and a hamza variant of it in the query
    await writeReport(dir, 'c.txt', ['😀 قالَ رئيسُ الوزراء والحُكومةُ إنّ الأمرَ انتهى.'], ['😀 The prime minister and the Government said it was over.']);
    const io = capture();
    assert.equal(await main(['concordance', dir, 'الحكومة', '--json'], io), 0);
    const hits = JSON.parse(io.stdout) as Record<string, unknown>[];
    for (const h of hits) assert.deepEqual(Object.keys(h), ['file', 'row', 'side', 'start', 'end', 'text', 'ar', 'en']);
    assert.deepEqual(hits.map((h) => [h.file, h.row, h.side, h.text]), [['a.txt', 0, 'ar', 'الحكومةُ'], ['c.txt', 0, 'ar', 'الحُكومةُ']]);
    for (const h of hits) {
      const side = h[h.side as 'ar' | 'en'] as string;
      assert.equal(Array.from(side).slice(h.start as number, h.end as number).join(''), h.text);
    }
    assert.equal(hits[0].ar, A_AR[0]);
    assert.equal(hits[0].en, A_EN[0]);
    assert.equal(hits[1].start, 22, 'after و, the emoji counted as one code point (23 in UTF-16 units)');
    // English side only, case-insensitive; both sides without --lang
    const en = capture();
    assert.equal(await main(['concordance', dir, 'GOVERNMENT', '--lang', 'en', '--json'], en), 0);
    assert.deepEqual((JSON.parse(en.stdout) as { file: string; side: string; text: string; start: number }[]).map((h) => [h.file, h.side, h.text, h.start]), [['a.txt', 'en', 'government', 4], ['c.txt', 'en', 'Government', 29]]);
    const hamza = capture();
    assert.equal(await main(['concordance', dir, 'اعلنت', '--json'], hamza), 0);
    assert.deepEqual((JSON.parse(hamza.stdout) as { text: string; file: string }[]).map((h) => [h.file, h.text]), [['sub/b.txt', 'أعلنت']]);
  });
});

test('muwazi concordance: text output marks the term; --help 0; usage errors 2; a missing folder 1', async () => {
  await withProject(async (dir) => {
    const io = capture();
    assert.equal(await main(['concordance', dir, 'دمشق'], io), 0);
    assert.equal(io.stdout, 'a.txt row 1 (ar): وصل الوفد إلى [دمشق] صباح اليوم.\n');
    const help = capture();
    assert.equal(await main(['concordance', '--help'], help), 0);
    assert.equal(help.stdout, 'usage: muwazi concordance <folder> <term> [--lang ar|en] [--json]\n');
    for (const argv of [['concordance'], ['concordance', dir], ['concordance', dir, 'a', 'b'], ['concordance', dir, 'a', '--lang', 'de'], ['concordance', dir, 'a', '--limit', '3']]) {
      const bad = capture();
      assert.equal(await main(argv, bad), 2, argv.join(' '));
      assert.match(bad.stderr, /usage: muwazi concordance/);
    }
    const missing = capture();
    assert.equal(await main(['concordance', dir + '-nowhere', 'x'], missing), 1);
  });
});
