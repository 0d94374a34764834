import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { entitySentences } from '../../../shared/formats/entity-sentences.ts';
import { DedupeSet } from '../../../shared/formats/rows.ts';
import { ExportStats } from '../../../shared/formats/writer.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

const report = buildAnnotatedReport({ name: 'idlib' });

/** Reads a brat document back: per line of the .txt, the spans (relative to the line) from the .ann. */
function readBrat(txt: string, ann: string) {
  const cps = Array.from(txt);
  const lines = txt.split('\n');
  lines.pop();
  const lineStarts: number[] = [];
  let at = 0;
  for (const l of lines) {
    lineStarts.push(at);
    at += Array.from(l).length + 1;
  }
  const spans = lines.map(() => [] as { start: number; end: number; label: string; text: string; entity?: string }[]);
  const notes = new Map<string, string>();
  const tlines = ann.split('\n').filter(Boolean);
  for (const l of tlines) {
    const m = /^#\d+\tAnnotatorNotes (T\d+)\tentity (e\d+)$/.exec(l);
    if (m) notes.set(m[1], m[2]);
  }
  for (const l of tlines) {
    const m = /^(T\d+)\t(\S+) (\d+) (\d+)\t(.*)$/.exec(l);
    if (!m) continue;
    const start = Number(m[3]);
    const end = Number(m[4]);
    // brat offsets are code points: the text slice must equal the annotation's text
    assert.equal(cps.slice(start, end).join(''), m[5]);
    const line = lineStarts.findLastIndex((s) => s <= start);
    spans[line].push({ start: start - lineStarts[line], end: end - lineStarts[line], label: m[2], text: m[5], entity: notes.get(m[1]) });
  }
  return { lines, spans };
}

test('brat: .txt + .ann per side read back into the same sentences and code-point spans', () => {
  const { outputs, stats } = exportToStrings('brat', [report]);
  assert.deepEqual(Object.keys(outputs).sort(), ['idlib.ar.ann', 'idlib.ar.txt', 'idlib.en.ann', 'idlib.en.txt']);
  for (const lang of ['ar', 'en'] as const) {
    const want = [...entitySentences(report, { options: {}, stats: new ExportStats() }, new DedupeSet(), lang)];
    const got = readBrat(outputs[`idlib.${lang}.txt`], outputs[`idlib.${lang}.ann`]);
    assert.deepEqual(got.lines, want.map((s) => s.text));
    assert.deepEqual(
      got.spans,
      want.map((s) => s.spans.map((x) => ({ start: x.start, end: x.end, label: x.label, text: x.text, entity: x.entity }))),
    );
    assert.ok(got.spans.flat().length > 0);
  }
  assert.deepEqual(stats.warnings, []);
});

test('brat offsets count code points after an emoji and keep harakat in the mention', () => {
  const { outputs } = exportToStrings('brat', [report]);
  const ar = readBrat(outputs['idlib.ar.txt'], outputs['idlib.ar.ann']);
  const i = ar.lines.findIndex((l) => l.includes('حلبَ'));
  assert.deepEqual(ar.spans[i].map((s) => s.text), ['حلبَ']);
  const en = readBrat(outputs['idlib.en.txt'], outputs['idlib.en.ann']);
  const j = en.lines.findIndex((l) => l.includes('🙂'));
  const cps = Array.from(en.lines[j]);
  for (const s of en.spans[j]) assert.equal(cps.slice(s.start, s.end).join(''), s.text);
  // UTF-16 offsets would be one further along after the emoji
  assert.notEqual(en.lines[j].slice(en.spans[j][0].start, en.spans[j][0].end), en.spans[j][0].text);
});

test('mentions whose text does not match their offsets are left out with a warning', () => {
  const r = buildAnnotatedReport({ name: 'broken' });
  const m = r.annotations.mentions.findIndex((x) => x.side === 'en');
  r.annotations.mentions[m] = { ...r.annotations.mentions[m], text: 'Nowhere' };
  const { outputs, stats } = exportToStrings('brat', [r]);
  assert.ok(!outputs['broken.en.ann'].includes('Nowhere'));
  assert.equal(stats.warnings.length, 1);
  assert.match(stats.warnings[0], /mention m\d+ "Nowhere": the text at its offsets is/);
});
