import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIO } from '../../../electron/cli/main.ts';
import type { PropagateOutput } from '../../../electron/cli/entities-propagate.ts';
import { addMention } from '../../../shared/entities/mentions.ts';
import { parseAnnotations, serializeAnnotations } from '../../../shared/formats/sidecar.ts';
import { cpIndexOf, makeReport } from '../../fixtures/annotated-report.ts';
import { HELD_BACK_EXPECTED, writeHeldBackProject } from '../../fixtures/held-back-project.ts';

function capture(): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (s: string) => void (io.stdout += s), err: (s: string) => void (io.stderr += s) };
  return io;
}

/** a.txt tags إدلب (LOC) and حزب الله (ORG); b.txt mentions both, untagged, and بإدلب; c.txt has no sidecar. */
async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-propagate-'));
  const a = makeReport(['قصف إدلب وقال حزب الله.', 'ثم إدلب.'], ['Idlib was shelled and Hezbollah said.', 'Then Idlib.'], 'a.txt');
  const s = cpIndexOf(a.text, 'إدلب');
  let ann = addMention(a.annotations, { side: 'ar', sentence: 's1', start: s, end: s + 4, type: 'LOC' }).annotations;
  const h = cpIndexOf(a.text, 'حزب الله');
  ann = addMention(ann, { side: 'ar', sentence: 's1', start: h, end: h + 8, type: 'ORG' }).annotations;
  await writeFile(join(dir, 'a.txt'), a.text);
  await writeFile(join(dir, 'a.annotations.json'), serializeAnnotations(ann));
  const b = makeReport(['وصل الوفد بإدلب.', 'وأعلن حزب الله أن الله واحد.'], ['The delegation reached Idlib.', 'Hezbollah announced.'], 'b.txt');
  await writeFile(join(dir, 'b.txt'), b.text);
  await writeFile(join(dir, 'b.annotations.json'), serializeAnnotations(b.annotations));
  await writeFile(join(dir, 'c.txt'), 'إدلب');
  return dir;
}

test('muwazi entities <folder> --propagate --dry-run counts per report and writes nothing', async () => {
  const dir = await project();
  try {
    const before = await readFile(join(dir, 'b.annotations.json'), 'utf8');
    const io = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--dry-run', '--json'], io), 0);
    const out = JSON.parse(io.stdout) as PropagateOutput;
    assert.equal(out.dryRun, true);
    assert.deepEqual(out.reports, [
      { report: 'a.txt', suggestions: 1, low: 0, conflicts: 0 },
      { report: 'b.txt', suggestions: 2, low: 0, conflicts: 0 },
    ]);
    assert.equal(out.total, 3);
    assert.equal(await readFile(join(dir, 'b.annotations.json'), 'utf8'), before);
    const text = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--dry-run'], text), 0);
    assert.match(text.stdout, /^a\.txt: 1 suggestion \(0 low confidence, 0 type conflicts\)\nb\.txt: 2 suggestions/);
    assert.match(text.stdout, /3 suggestions would be written \(dry run: nothing written\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('muwazi entities <folder> --propagate writes pending suggestions (never mentions) and is idempotent', async () => {
  const dir = await project();
  try {
    const io = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--json'], io), 0);
    assert.equal((JSON.parse(io.stdout) as PropagateOutput).total, 3);
    const b = parseAnnotations(await readFile(join(dir, 'b.annotations.json'), 'utf8'));
    assert.equal(b.mentions.length, 0);
    // بإدلب → إدلب; حزب الله wins over الله inside it; الله alone is not a tagged name
    assert.deepEqual(b.suggestions!.map((s) => [s.text, s.type, s.status]), [['إدلب', 'LOC', 'pending'], ['حزب الله', 'ORG', 'pending']]);
    const again = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--json'], again), 0);
    assert.equal((JSON.parse(again.stdout) as PropagateOutput).total, 0);
    // a rejected suggestion does not come back
    const rejected = { ...b, suggestions: b.suggestions!.map((s, i) => (i === 0 ? { ...s, status: 'rejected' as const } : s)) };
    await writeFile(join(dir, 'b.annotations.json'), serializeAnnotations(rejected));
    const third = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--json'], third), 0);
    assert.equal((JSON.parse(third.stdout) as PropagateOutput).total, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--dry-run needs --propagate; --propagate refuses --glossary-tsv', async () => {
  const dir = await project();
  try {
    for (const args of [['--dry-run'], ['--propagate', '--glossary-tsv', 'x.tsv']]) {
      const io = capture();
      assert.equal(await main(['entities', dir, ...args], io), 2);
      assert.match(io.stderr, /unknown option/);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--propagate holds back a name that is also a word (the app word list), unless the glossary has it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-propagate-'));
  try {
    // a.txt tags البحر where it names a sea; b.txt has it as "the sea" and as "the Dead Sea"
    const a = makeReport(['عبر البحر الأحمر.'], ['Across the Red Sea.'], 'a.txt');
    const s = cpIndexOf(a.text, 'البحر');
    await writeFile(join(dir, 'a.txt'), a.text);
    await writeFile(join(dir, 'a.annotations.json'), serializeAnnotations(addMention(a.annotations, { side: 'ar', sentence: 's1', start: s, end: s + 5, type: 'LOC' }).annotations));
    const b = makeReport(['كان البحر هادئاً قرب عمان.', 'زار البحر الميت.'], ['The sea near Oman was calm.', 'He visited the Dead Sea.'], 'b.txt');
    await writeFile(join(dir, 'b.txt'), b.text);
    await writeFile(join(dir, 'b.annotations.json'), serializeAnnotations(b.annotations));
    const io = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--dry-run', '--json'], io), 0);
    assert.deepEqual((JSON.parse(io.stdout) as PropagateOutput).reports.find((r) => r.report === 'b.txt'), { report: 'b.txt', suggestions: 2, low: 1, conflicts: 0 });
    await writeFile(join(dir, 'muwazi.glossary.tsv'), 'ar\ten\ttype\tcount\tnote\nالبحر\tSea\tLOC\t0\n');
    const withGlossary = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--dry-run', '--json'], withGlossary), 0);
    assert.equal((JSON.parse(withGlossary.stdout) as PropagateOutput).reports.find((r) => r.report === 'b.txt')?.low, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('muwazi entities --propagate ranks with the app: an adjective, a unit and a tanween form are stored as low confidence', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'muwazi-propagate-held-'));
  try {
    await writeHeldBackProject(dir);
    const dry = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--dry-run', '--json'], dry), 0);
    assert.deepEqual((JSON.parse(dry.stdout) as PropagateOutput).reports.find((r) => r.report === 'b.txt'), { report: 'b.txt', suggestions: 4, low: 3, conflicts: 0 });
    const io = capture();
    assert.equal(await main(['entities', dir, '--propagate', '--json'], io), 0);
    const b = parseAnnotations(await readFile(join(dir, 'b.annotations.json'), 'utf8'));
    assert.deepEqual(b.suggestions!.map((s) => `${s.text}:${s.confidence}`), HELD_BACK_EXPECTED);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
