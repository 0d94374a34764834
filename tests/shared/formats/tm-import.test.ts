import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFormatError, alignWindow, looksLikeTmx, parseMoses, parseTmx, seedFromPairs, seedFromPairsDetailed } from '../../../shared/formats/tm-import.ts';
import { exportToStrings } from '../../../shared/formats/registry.ts';
import { checkAnnotations } from '../../../shared/formats/sidecar.ts';
import { createAnnotations } from '../../../shared/model/create.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { cpLength } from '../../../shared/text/offsets.ts';
import { buildAnnotatedReport } from '../../fixtures/annotated-report.ts';

test('parseTmx: entities, CDATA, inline tags, comments, DOCTYPE, lang variants, BOM', () => {
  const xml = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd" [ <!ENTITY x "y"> ]>
<tmx version="1.4"><header srclang="AR-sa" creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>
<body>
<!-- a comment with <tu> inside -->
<tu tuid="1"><prop type="x">a > b</prop>
  <tuv xml:lang="en-US"><seg>Fighting &amp; shelling in <bpt i="1">&lt;b&gt;</bpt>Idlib<ept i="1">&lt;/b&gt;</ept> 🙂</seg></tuv>
  <tuv xml:lang="ar-SA"><seg>قتال &#x0026; قصف في <hi>إدلب</hi> 🙂 &#1633;</seg></tuv>
</tu>
<tu><tuv lang="AR"><seg><![CDATA[نص <خام> & كما هو]]></seg></tuv><tuv lang="EN"><seg>raw <ph x="1"/>text</seg></tuv></tu>
<tu><tuv xml:lang="ar"><seg>بلا ترجمة</seg></tuv></tu>
<tu><tuv xml:lang="ar"><seg/></tuv><tuv xml:lang="en"><seg>empty Arabic</seg></tuv></tu>
</body></tmx>`;
  assert.deepEqual(parseTmx(xml), [
    { ar: 'قتال & قصف في إدلب 🙂 ١', en: 'Fighting & shelling in Idlib 🙂' },
    { ar: 'نص <خام> & كما هو', en: 'raw text' },
    { ar: '', en: 'empty Arabic' },
  ]);
});

test('parseTmx falls back to the header srclang when the languages are not ar/en', () => {
  const xml = '<tmx><header srclang="ara"/><body><tu><tuv xml:lang="eng"><seg>x</seg></tuv><tuv xml:lang="ara"><seg>س</seg></tuv></tu></body></tmx>';
  assert.deepEqual(parseTmx(xml), [{ ar: 'س', en: 'x' }]);
});

test('parseMoses pairs lines and refuses files of different lengths', () => {
  assert.deepEqual(parseMoses('أ\r\nب\n', 'a\nb'), [
    { ar: 'أ', en: 'a' },
    { ar: 'ب', en: 'b' },
  ]);
  assert.deepEqual(parseMoses('', ''), []);
  assert.throws(() => parseMoses('أ\nب\n', 'a\n'), /not parallel: the Arabic file has 2 lines, the English file 1/);
});

/** The fixture's text with fresh annotations (one unit per segment, no English). */
function fresh(): { text: string; annotations: Annotations } {
  const r = buildAnnotatedReport();
  const spans = r.annotations.segments.map((s) => ({ start: s.start, end: s.end }));
  return { text: r.text, annotations: createAnnotations(r.annotations.source, r.text, spans, '2026-01-01T00:00:00.000Z') };
}

test('a TMX exported from one report seeds a fresh copy of it: exact matches, valid annotations', () => {
  const done = buildAnnotatedReport();
  const tmx = exportToStrings('tmx', [done], { onlyOneToOne: true }).outputs[''];
  const { text, annotations } = fresh();
  const res = seedFromPairsDetailed(annotations, text, parseTmx(tmx));
  const oneToOne = done.annotations.units.filter((u) => u.source.length === 1 && u.target.length === 1);
  assert.equal(res.matched.length, oneToOne.length);
  assert.deepEqual(checkAnnotations(res.annotations, { text }), []);
  for (const u of oneToOne) {
    const seeded = res.annotations.units.find((x) => x.source[0] === u.source[0])!;
    const t = res.annotations.targets.find((x) => x.id === seeded.target[0])!;
    assert.equal(t.text, done.annotations.targets.find((x) => x.id === u.target[0])!.text);
    assert.equal(seeded.status, 'draft');
    assert.equal(seeded.origin, 'import');
    assert.equal(seeded.confirmed, true);
  }
  assert.equal(annotations.targets.length, 0, 'input not mutated');
});

test('matching uses normalised Arabic second (harakat, alef forms, digits) and never overwrites English', () => {
  const { text, annotations } = fresh();
  const seg = annotations.segments.find((s) => s.text.startsWith('قالَ'))!;
  const emoji = annotations.segments.find((s) => s.text.includes('🙂'))!;
  const pairs = [
    { ar: 'قال المتحدث ان الوضع في حلب صعب.', en: 'The spokesman said the situation in Aleppo is hard.' },
    { ar: 'وصل الوفد الى ادلب 🙂 يوم 3 اذار 2020.', en: 'The delegation reached Idlib 🙂 on 3 March 2020.' },
    { ar: 'لا يطابق شيئا', en: 'matches nothing' },
  ];
  const res = seedFromPairsDetailed(annotations, text, pairs);
  const unitOf = (id: string) => res.annotations.units.find((u) => u.source.includes(id))!;
  assert.equal(res.annotations.targets.find((t) => t.id === unitOf(seg.id).target[0])!.text, pairs[0].en);
  assert.equal(res.annotations.targets.find((t) => t.id === unitOf(emoji.id).target[0])!.text, pairs[1].en);
  assert.deepEqual(res.unusedPairs, [2]);
  assert.equal(cpLength(pairs[1].en), cpLength(res.annotations.targets.find((t) => t.id === unitOf(emoji.id).target[0])!.text));
  // a second seeding with different English changes nothing already translated
  const again = seedFromPairs(res.annotations, text, [{ ar: pairs[0].ar, en: 'other' }]);
  assert.deepEqual(again, res.annotations);
});

test('a multi-segment row is seeded when each of its segments matches; the rest go to the aligner', () => {
  const done = buildAnnotatedReport();
  const { text } = done;
  // u1 joins s1+s2; give pairs per segment, and leave another row to the aligner
  const a: Annotations = {
    ...done.annotations,
    targets: [],
    mentions: done.annotations.mentions.filter((m) => m.side === 'ar'),
    units: done.annotations.units.filter((u) => u.source.length).map((u) => ({ ...u, target: [] })),
  };
  const [s1, s2, s3] = a.segments;
  let alignedWith: string | null = null;
  const res = seedFromPairsDetailed(a, text, [
    { ar: s1.text, en: 'One.' },
    { ar: s2.text, en: 'Two.' },
    { ar: 'جملة غير موجودة', en: 'Left for the aligner.' },
  ], {
    align: (ann, _text, english) => {
      alignedWith = english;
      return ann;
    },
  });
  const u1 = res.annotations.units[0];
  assert.deepEqual(u1.source, [s1.id, s2.id]);
  assert.equal(res.annotations.targets.find((t) => t.id === u1.target[0])!.text, 'One. Two.');
  assert.ok(res.unmatched.includes(res.annotations.units.find((u) => u.source.includes(s3.id))!.id));
  // the seeded row's English comes along at its place in the memory, so the aligner can anchor on it
  assert.equal(alignedWith, 'One. Two.\nLeft for the aligner.');
});

test('parseTmx refuses what is not a complete TMX with a specific MemoryFormatError', () => {
  const ok = '<tmx version="1.4"><header srclang="ar"/><body><tu><tuv xml:lang="ar"><seg>مرحباً ١٢</seg></tuv><tuv xml:lang="en"><seg>Hello 12</seg></tuv></tu></body></tmx>';
  assert.deepEqual(parseTmx(ok), [{ ar: 'مرحباً ١٢', en: 'Hello 12' }]);
  const cases: [string, RegExp][] = [
    ['<xliff><file/></xliff>', /no <tmx> element/],
    ['just English text, no markup', /no <tmx> element/],
    [ok.slice(0, ok.indexOf('</seg>') + 3), /tag opened on line 1 is never closed/],
    [ok.slice(0, ok.indexOf('</tu>')), /translation unit 1 is never closed/],
    [ok.replace('</tmx>', ''), /<\/tmx> is missing/],
    ['<tmx>\n<body>\n<!-- cut', /comment opened on line 3 is never closed/],
  ];
  for (const [xml, msg] of cases) assert.throws(() => parseTmx(xml), (e: unknown) => e instanceof MemoryFormatError && msg.test(e.message), xml);
  assert.throws(() => parseMoses('أ\n', 'a\nb\n'), MemoryFormatError);
});

test('looksLikeTmx: XML opening a <tmx> element near the start', () => {
  assert.ok(looksLikeTmx('\uFEFF<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">'));
  assert.ok(looksLikeTmx('  <tmx>'));
  assert.ok(!looksLikeTmx('The report mentions <tmx> files.'));
  assert.ok(!looksLikeTmx('<?xml version="1.0"?><xliff version="2.1">'));
});

test('alignWindow: the densest cluster of used pairs, widened by the unmatched rows outside it', () => {
  assert.deepEqual(alignWindow(100, [40, 41, 43, 44], 1, 2, 3), [38, 48]);
  // a stray match far away does not stretch the window
  assert.deepEqual(alignWindow(1000, [3, 500, 501, 502], 0, 0, 1), [500, 502]);
  // nothing matched: the whole memory only when it is small enough to be this report's translation
  assert.deepEqual(alignWindow(12, [], 0, 0, 1), [0, 11]);
  assert.equal(alignWindow(13, [], 0, 0, 1), null);
  assert.equal(alignWindow(0, [], 0, 0, 5), null);
});

test('seeding never touches a confirmed row, even one without English', () => {
  const { text, annotations } = fresh();
  const a = structuredClone(annotations);
  a.units[0] = { ...a.units[0], confirmed: true, status: 'reviewed' };
  const seg = a.segments.find((s) => s.id === a.units[0].source[0])!;
  const res = seedFromPairsDetailed(a, text, [{ ar: seg.text, en: 'Would overwrite.' }]);
  assert.deepEqual(res.annotations.units[0], a.units[0]);
  assert.deepEqual(res.matched, []);
});
