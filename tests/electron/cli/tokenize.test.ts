import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdout: () => out, stderr: () => err };
}

async function withFile(content: string | Uint8Array, fn: (file: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-cli-tokenize-'));
  try {
    await writeFile(join(dir, 'r.txt'), content);
    await fn(join(dir, 'r.txt'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const TEXT = '😀 وقال الوزيرُ: ٣٫٥ بالمئة.\nThe U.S. Army left.';

test('cli tokenize: tokens of each sentence on one line', () =>
  withFile(TEXT, async (file) => {
    const io = capture();
    assert.equal(await main(['tokenize', file], io), 0);
    assert.equal(io.stdout(), '😀 وقال الوزيرُ : ٣٫٥ بالمئة .\nThe U.S. Army left .\n');
  }));

test('cli tokenize --clitics --json: code-point offsets into the whole file', () =>
  withFile(TEXT, async (file) => {
    const io = capture();
    assert.equal(await main(['tokenize', file, '--clitics', '--json', '--lang', 'ar'], io), 0);
    const tokens = JSON.parse(io.stdout()) as { start: number; end: number; text: string; kind: string }[];
    const cps = Array.from(TEXT);
    for (const t of tokens) assert.equal(cps.slice(t.start, t.end).join(''), t.text);
    assert.deepEqual(tokens.slice(0, 4).map((t) => [t.text, t.start, t.end, t.kind]), [['😀', 0, 1, 'symbol'], ['و', 2, 3, 'word'], ['قال', 3, 6, 'word'], ['الوزيرُ', 7, 14, 'word']]);
    assert.ok(tokens.some((t) => t.text === 'ب') && tokens.some((t) => t.text === 'المئة'));
    const army = tokens.find((t) => t.text === 'Army');
    assert.equal(army && cps.slice(army.start, army.end).join(''), 'Army');
  }));

test('cli tokenize: bad options and unreadable files', () =>
  withFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), async (file) => {
    let io = capture();
    assert.equal(await main(['tokenize', file], io), 1);
    assert.match(io.stderr(), /PNG/);
    io = capture();
    assert.equal(await main(['tokenize', file, '--frobnicate'], io), 2);
    assert.match(io.stderr(), /unknown option '--frobnicate'/);
  }));
