import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { parseTmx } from '../../../shared/formats/tm-import.ts';
import { readTmxWithTranslateToolkit, runTool, xmllintOk } from '../../fixtures/tools.ts';
import { A_AR, A_EN, B_AR, B_EN, TMX_PAIRS, withTmProject } from '../host/tm-fixture.ts';

/** The official TMX 1.4b DTD (shared/data/schemas beside the repository, as the other data tests find it). */
const TMX_DTD = join(process.env.MUWAZI_DATA ?? resolve(import.meta.dirname, '../../../../shared/data'), 'schemas', 'tmx14.dtd');

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

const withProject = withTmProject;

test('muwazi tm --query --json prints [{ score, ar, en, file, row }] best first, exact shape', async () => {
  await withProject(async (dir) => {
    const io = capture();
    // one number changed (Arabic-Indic ٥ for ٣) and the harakat left out
    assert.equal(await main(['tm', dir, '--query', 'قالت الحكومة إن ٥ أشخاص قتلوا في حلب.', '--json'], io), 0);
    const out = JSON.parse(io.stdout) as Record<string, unknown>[];
    assert.equal(out.length, 2);
    for (const m of out) assert.deepEqual(Object.keys(m), ['score', 'ar', 'en', 'file', 'row']);
    assert.deepEqual(out.map((m) => [m.file, m.row, m.ar, m.en]), [['a.txt', 0, A_AR[0], A_EN[0]], ['tm/news.tmx', 1, TMX_PAIRS[1][0], TMX_PAIRS[1][1]]]);
    const score = out[0].score as number;
    assert.ok(score > 0.9 && score < 1, `a changed number costs a little: ${score}`);
    // the skipped files are named on stderr; stdout stays clean JSON
    assert.match(io.stderr, /Skipped corrupt\.txt/);
    assert.match(io.stderr, /Skipped tm\/cut\.tmx, line 11/);
  });
});

test('muwazi tm: --min, --limit and --lang en; an exact match scores 1; text output', async () => {
  await withProject(async (dir) => {
    const io = capture();
    assert.equal(await main(['tm', dir, '--query', B_AR[0], '--json', '--limit', '1', '--min', '0.1'], io), 0);
    assert.deepEqual(JSON.parse(io.stdout), [{ score: 1, ar: B_AR[0], en: B_EN[0], file: 'sub/b.txt', row: 0 }]);
    const en = capture();
    assert.equal(await main(['tm', dir, '--query', 'the ministry of health announced 12 new cases', '--lang', 'en', '--json'], en), 0);
    assert.deepEqual((JSON.parse(en.stdout) as { file: string }[]).map((m) => m.file), ['sub/b.txt']);
    const none = capture();
    assert.equal(await main(['tm', dir, '--query', 'كلمات لا توجد في الذاكرة أبدا', '--json'], none), 0);
    assert.deepEqual(JSON.parse(none.stdout), []);
    const text = capture();
    assert.equal(await main(['tm', dir, '--query', B_AR[0]], text), 0);
    assert.equal(text.stdout, `sub/b.txt row 0  100%\n  ar: ${B_AR[0]}\n  en: ${B_EN[0]}\n`);
  });
});

test('muwazi tm: --help exits 0; usage errors exit 2 with the usage on stderr; a missing folder exits 1', async () => {
  const help = capture();
  assert.equal(await main(['tm', '--help'], help), 0);
  assert.match(help.stdout, /^usage: muwazi tm <folder> --query <text> \[--lang ar\|en\] \[--min 0\.5\] \[--limit 5\] \[--json\]\n {7}muwazi tm <folder> --export <out\.tmx>\n$/);
  await withProject(async (dir) => {
    for (const argv of [
      ['tm'], ['tm', dir], ['tm', dir, '--query'], ['tm', dir, '--query', 'x', '--export', join(dir, 'x.tmx')], ['tm', dir, '--query', 'x', '--lang', 'fr'],
      ['tm', dir, '--query', 'x', '--min', '2'], ['tm', dir, '--query', 'x', '--limit', '0'], ['tm', dir, '--query', 'x', '--csv'],
      ['tm', dir, '--export', join(dir, 'x.xml')], ['tm', dir, dir, '--query', 'x'],
    ]) {
      const io = capture();
      assert.equal(await main(argv, io), 2, argv.join(' '));
      assert.match(io.stderr, /usage: muwazi tm <folder>/, argv.join(' '));
      assert.equal(io.stdout, '');
    }
    const io = capture();
    assert.equal(await main(['tm', join(dir, 'nowhere'), '--query', 'x'], io), 1);
    assert.match(io.stderr, /not a folder/);
  });
});

test('muwazi tm --export writes the whole memory as TMX 1.4b: valid against the TMX 1.4b DTD, both readers get every unit', async () => {
  await withProject(async (dir) => {
    const out = join(dir, 'نتائج', 'memory.tmx');
    const io = capture();
    assert.equal(await main(['tm', dir, '--export', out], io), 0);
    assert.match(io.stderr, /wrote 5 translation units to .*memory\.tmx/);
    xmllintOk(out);
    const valid = runTool('xmllint', ['--noout', '--dtdvalid', TMX_DTD, out]);
    assert.equal(valid.status, 0, `not valid TMX 1.4b per ${TMX_DTD}:\n${valid.stderr}`);
    const xml = await readFile(out, 'utf8');
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<tmx version="1\.4">\n {2}<header creationtool="Muwazi" [^>]*srclang="ar"/);
    const expected: [string, string][] = [[A_AR[0], A_EN[0]], [A_AR[1], A_EN[1]], [B_AR[0], B_EN[0]], ...TMX_PAIRS];
    assert.deepEqual(parseTmx(xml).map((p) => [p.ar, p.en]), expected);
    assert.deepEqual(readTmxWithTranslateToolkit(out), expected);
    assert.match(xml, /<prop type="x-origin">tmx<\/prop>\n {6}<prop type="x-file">tm\/news\.tmx<\/prop>\n {6}<prop type="x-row">1<\/prop>/);
  });
});
