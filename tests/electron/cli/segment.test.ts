import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { withTmp } from '../../fixtures/tmp.ts';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdout: () => out, stderr: () => err };
}

const TEXT = 'اشتباكات بإدلب.. قوات النظام 😀\r\nقال د. محمد إنّ ٣ قُتلوا., وأضاف المرصد.';

test('cli segment: one sentence per line, language guessed from the script', () =>
  withTmp(async (dir) => {
    await writeFile(join(dir, 'r.txt'), TEXT);
    const io = capture();
    assert.equal(await main(['segment', join(dir, 'r.txt')], io), 0);
    assert.equal(io.stdout(), 'اشتباكات بإدلب.. قوات النظام 😀\nقال د. محمد إنّ ٣ قُتلوا.,\nوأضاف المرصد.\n');
    assert.equal(io.stderr(), '');
  }));

test('cli segment --json: {start, end, text} in code points of the decoded text', () =>
  withTmp(async (dir) => {
    // windows-1256 bytes: the offsets are into the decoded text, not the bytes
    await writeFile(join(dir, 'utf8.txt'), TEXT);
    const io = capture();
    assert.equal(await main(['segment', join(dir, 'utf8.txt'), '--json', '--lang', 'ar'], io), 0);
    const spans = JSON.parse(io.stdout()) as { start: number; end: number; text: string }[];
    const cps = Array.from(TEXT);
    assert.equal(spans.length, 3);
    for (const s of spans) assert.equal(cps.slice(s.start, s.end).join(''), s.text);
    assert.deepEqual(spans[0], { start: 0, end: 30, text: 'اشتباكات بإدلب.. قوات النظام 😀' });
  }));

test('cli segment: a windows-1256 file is decoded before segmenting', () =>
  withTmp(async (dir) => {
    // "قال. انتهى" in windows-1256
    await writeFile(join(dir, 'w.txt'), new Uint8Array([0xde, 0xc7, 0xe1, 0x2e, 0x20, 0xc7, 0xe4, 0xca, 0xe5, 0xec]));
    const io = capture();
    assert.equal(await main(['segment', join(dir, 'w.txt')], io), 0);
    assert.equal(io.stdout(), 'قال.\nانتهى\n');
  }));

test('cli segment: errors go to stderr with exit 1 (missing file, folder, binary) or 2 (usage)', () =>
  withTmp(async (dir) => {
    let io = capture();
    assert.equal(await main(['segment', join(dir, 'nope.txt')], io), 1);
    assert.match(io.stderr(), /cannot read .*nope\.txt.*no such file/);
    await mkdir(join(dir, 'sub'));
    io = capture();
    assert.equal(await main(['segment', join(dir, 'sub')], io), 1);
    assert.match(io.stderr(), /folder/);
    await writeFile(join(dir, 'b.pdf'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]));
    io = capture();
    assert.equal(await main(['segment', join(dir, 'b.pdf')], io), 1);
    assert.match(io.stderr(), /binary-file.*PDF/);
    assert.equal(io.stdout(), '');
    io = capture();
    assert.equal(await main(['segment', join(dir, 'x.txt'), '--lang', 'fr'], io), 2);
    assert.match(io.stderr(), /--lang must be 'ar' or 'en'/);
    io = capture();
    assert.equal(await main(['segment'], io), 2);
    assert.match(io.stderr(), /missing <file>/);
  }));

test('cli segment, tokenize, align: a file over the report limit is refused before it is read, with the store\'s message', () =>
  withTmp(async (dir) => {
    const { open } = await import('node:fs/promises');
    const { MAX_SOURCE_BYTES } = await import('../../../electron/host/report-store.ts');
    const big = join(dir, 'كبير.txt');
    const fh = await open(big, 'w');
    await fh.truncate(MAX_SOURCE_BYTES + 1); // sparse: no disk, no time
    await fh.close();
    await writeFile(join(dir, 'en.txt'), 'One sentence.');
    for (const argv of [['segment', big], ['tokenize', big], ['align', big, join(dir, 'en.txt')]]) {
      const io = capture();
      assert.equal(await main(argv, io), 1, argv[0]);
      assert.match(io.stderr(), new RegExp(`^muwazi ${argv[0]}: كبير\\.txt is 32\\.0 MiB; the limit is 32\\.0 MiB \\(${MAX_SOURCE_BYTES} bytes\\)`), argv[0]);
      assert.equal(io.stdout(), '');
    }
  }));
