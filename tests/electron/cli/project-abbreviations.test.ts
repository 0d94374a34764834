// `muwazi segment|tokenize|align` inside a project use its abbreviations; --no-project ignores
// them; files outside a project are unchanged; a corrupt settings file is a clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import { defaultSettings, PROJECT_FILE } from '../../../electron/host/workspace.ts';
import { serializeSettings } from '../../../shared/model/settings.ts';
import { OffsetMap } from '../../../shared/text/offsets.ts';
import { withTmp } from '../../fixtures/tmp.ts';

function capture(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, stdout: () => out, stderr: () => err };
}

// `مستش.` is a made-up abbreviation: without it the text splits into three sentences
const AR = 'التقى مستش. أحمدُ بالوزيرِ 😀 في ٣ أيار عبر Reuters. ثم غادر القاعة.';
const EN = 'Cnslr. Ahmed met the minister 😀 on 3 May via Reuters. He then left the hall.';

/** `dir/proj/muwazi.project.json` and `dir/proj/sub/{r.txt,r.en.txt}`; also plain copies in `dir/plain`. */
async function setup(dir: string): Promise<{ ar: string; en: string; plainAr: string }> {
  const s = defaultSettings();
  s.segmentation.abbreviations = { ar: ['مستش'], en: ['Cnslr'] };
  await mkdir(join(dir, 'proj', 'sub'), { recursive: true });
  await mkdir(join(dir, 'plain'));
  await writeFile(join(dir, 'proj', PROJECT_FILE), serializeSettings(s));
  await writeFile(join(dir, 'proj', 'sub', 'r.txt'), AR);
  await writeFile(join(dir, 'proj', 'sub', 'r.en.txt'), EN);
  await writeFile(join(dir, 'plain', 'r.txt'), AR);
  return { ar: join(dir, 'proj', 'sub', 'r.txt'), en: join(dir, 'proj', 'sub', 'r.en.txt'), plainAr: join(dir, 'plain', 'r.txt') };
}

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

test('cli segment: project abbreviations inside a project, --no-project ignores them', () => withTmp(async (dir) => {
  const f = await setup(dir);
  const inProject = await cli(['segment', f.ar]);
  assert.equal(inProject.code, 0);
  assert.equal(inProject.out, 'التقى مستش. أحمدُ بالوزيرِ 😀 في ٣ أيار عبر Reuters.\nثم غادر القاعة.\n');
  const json = JSON.parse((await cli(['segment', f.ar, '--json'])).out) as { start: number; end: number; text: string }[];
  const map = new OffsetMap(AR);
  assert.deepEqual(json.map((s) => map.slice(s.start, s.end)), json.map((s) => s.text));
  assert.equal(json.length, 2);
  const ignored = await cli(['segment', '--no-project', f.ar]);
  assert.equal(ignored.code, 0);
  assert.equal(ignored.out.split('\n').filter(Boolean).length, 3);
  // outside a project the output is what it always was
  assert.equal((await cli(['segment', f.plainAr])).out, ignored.out);
  assert.equal((await cli(['segment', f.en, '--lang', 'en'])).out, 'Cnslr. Ahmed met the minister 😀 on 3 May via Reuters.\nHe then left the hall.\n');
}));

test('cli tokenize and align: project abbreviations, --no-project', () => withTmp(async (dir) => {
  const f = await setup(dir);
  assert.equal((await cli(['tokenize', f.ar])).out.split('\n').filter(Boolean).length, 2);
  assert.equal((await cli(['tokenize', f.ar, '--no-project'])).out.split('\n').filter(Boolean).length, 3);
  const links = (argv: string[]) => cli(['align', f.ar, f.en, '--json', ...argv]).then((r) => JSON.parse(r.out) as [number[], number[], number][]);
  const sides = (ls: [number[], number[], number][]) => [Math.max(...ls.flatMap((l) => l[0])) + 1, Math.max(...ls.flatMap((l) => l[1])) + 1];
  assert.deepEqual(sides(await links([])), [2, 2]);
  assert.deepEqual(sides(await links(['--no-project'])), [3, 3]);
}));

test('cli segment: a corrupt muwazi.project.json is a clear error; --no-project still works', () => withTmp(async (dir) => {
  const f = await setup(dir);
  await writeFile(join(dir, 'proj', PROJECT_FILE), '{"format": 3}');
  const r = await cli(['segment', f.ar]);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.match(r.err, /^muwazi segment: Project settings .*muwazi\.project\.json: .*--no-project/);
  assert.equal((await cli(['segment', f.ar, '--no-project'])).code, 0);
  assert.equal((await cli(['align', f.ar, f.en])).code, 1);
}));

test('cli segment, tokenize and align: project exceptions keep a phrase whole; --no-project ignores them', () => withTmp(async (dir) => {
  const s = defaultSettings();
  s.segmentation.exceptions = { ar: ['مَن؟ أنا'], en: ['Yahoo! News'] };
  await mkdir(join(dir, 'proj'));
  await writeFile(join(dir, 'proj', PROJECT_FILE), serializeSettings(s));
  const ar = join(dir, 'proj', 'r.txt');
  const en = join(dir, 'proj', 'r.en.txt');
  await writeFile(ar, 'سألَ 😀: مَن؟ أنا. نقلت Yahoo! News الخبر.');
  await writeFile(en, 'He asked: who? Me. Yahoo! News reported it.');
  assert.equal((await cli(['segment', ar])).out, 'سألَ 😀: مَن؟ أنا.\nنقلت Yahoo! News الخبر.\n');
  assert.equal((await cli(['segment', ar, '--no-project'])).out.split('\n').filter(Boolean).length, 4);
  const json = JSON.parse((await cli(['segment', ar, '--json'])).out) as { start: number; end: number; text: string }[];
  const map = new OffsetMap('سألَ 😀: مَن؟ أنا. نقلت Yahoo! News الخبر.');
  assert.deepEqual(json.map((x) => map.slice(x.start, x.end)), ['سألَ 😀: مَن؟ أنا.', 'نقلت Yahoo! News الخبر.']);
  assert.equal((await cli(['segment', en, '--lang', 'en'])).out, 'He asked: who?\nMe.\nYahoo! News reported it.\n');
  assert.equal((await cli(['tokenize', ar])).out.split('\n').filter(Boolean).length, 2);
  const links = JSON.parse((await cli(['align', ar, en, '--json'])).out) as [number[], number[], number][];
  assert.equal(Math.max(...links.flatMap((l) => l[0])) + 1, 2);
}));
