import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { knownPairs, learnFromKeys, learnLexicon, lexiconEntries, lexiconFromEntries, mergeLexicons, rowKeys, withLearned } from '../../../shared/align/learned.ts';
import { LexicalSpace, parseLexicon } from '../../../shared/align/lexical.ts';
import { alignSentences } from '../../../shared/align/aligner.ts';
import { makeReport } from '../../fixtures/annotated-report.ts';
import { assertCovers, PAIRS, sentence } from './fixtures.ts';

// confirmed rows of a project (written for this test): a term (المسيّرة "drone"), a name
// (سراقب "Saraqib") and words that meet only once
const ROWS: Array<[string, string]> = [
  ['أسقطت الدفاعات الجوية طائرةً مسيّرة فوق سراقب.', 'Air defences shot down a drone over Saraqib.'],
  ['وقالت المصادر إن المسيّرة انطلقت من الجنوب.', 'Sources said the drone took off from the south.'],
  ['وعادت الهدوء إلى سراقب مساءً.', 'Calm returned to Saraqib in the evening.'],
  ['وشوهدت مسيّرة ثانية قرب سراقب 🚁.', 'A second drone was seen near Saraqib 🚁.'],
];

test('learned from confirmed rows: words that keep pairing, clitics and article split off', () => {
  const lex = learnLexicon(ROWS);
  // English as stems; best Dice first (drone: always together; Saraqib shares two of its rows)
  assert.deepEqual(lex.map.get('مسيره'), ['dron', 'saraqib'], 'المسيّرة / مسيّرة: article and harakat folded');
  assert.ok(lex.map.get('سراقب')?.includes('saraqib'));
  // met once only: chance, not kept
  assert.equal(lex.map.get('جنوب'), undefined);
  assert.equal(learnLexicon([]).size, 0);
});

test('table: count and Dice thresholds', () => {
  const table: Array<[number, number, boolean]> = [
    [2, 0.5, true],
    [5, 0.5, false], // المسيّرة occurs in 3 rows only
    [2, 0.99, true], // drone and مسيرة always together: Dice 1
  ];
  for (const [minCount, minDice, kept] of table) {
    assert.equal(learnLexicon(ROWS, { minCount, minDice }).map.has('مسيره'), kept, `${minCount} ${minDice}`);
  }
});

test('merged into the general word list, a learned term makes the lexical term see a pair it missed', () => {
  const base = parseLexicon('الجنوب\tsouth\n');
  const merged = mergeLexicons(base, learnLexicon(ROWS));
  assert.deepEqual(merged.map.get('جنوب'), ['south'], 'general entries kept');
  const ar = ['حلّقت مسيّرة فوق سراقب.'];
  const en = ['A drone flew over Saraqib.'];
  assert.equal(new LexicalSpace(ar, en, base).cos(0, 1, 0, 1), 0);
  assert.ok(new LexicalSpace(ar, en, merged).cos(0, 1, 0, 1) > 0.5);
  assert.equal(mergeLexicons(null, learnLexicon(ROWS)).size, learnLexicon(ROWS).size, 'no general list: the learned one alone');
});

test('table: a clitic-joined or suffixed form meets the learned key of its plain form', () => {
  // learned from rows written with the article and harakat; looked up with proclitics (و، ب، لل)
  // and a pronoun suffix, on the lexical term the aligner uses
  const lex = learnLexicon(ROWS);
  const cases: Array<[string, string, boolean]> = [
    ['وبالمسيّرة أصابوا الهدف.', 'With the drone they hit the target.', true],
    ['للمسيرة مدى طويل.', 'The drone has a long range.', true],
    ['وسراقبُنا تنتظر.', 'Our Saraqib waits.', true], // pronoun suffix نا off: the light stem
    ['وفي سراقب ٣ مدارس.', 'Saraqib has 3 schools.', true],
    ['طقس جميل.', 'A drone over Saraqib.', false],
  ];
  for (const [ar, en, known] of cases) {
    assert.equal(new LexicalSpace([ar], [en], lex).cos(0, 1, 0, 1) > 0, known, ar);
  }
});

test('a broken plural learned from the rows maps to the same English as its singular', () => {
  // مدارس (schools) is not derivable from مدرسة by suffix stripping: only the rows teach it
  const rows: Array<[string, string]> = [
    ['افتُتحت مدرسة جديدة في حماة.', 'A new school opened in Hama.'],
    ['وأُغلقت المدرسة بعد القصف.', 'The school was closed after the shelling.'],
    ['وزار الوزير المدارس في حمص.', 'The minister visited the schools in Homs.'],
    ['وتضررت ١٢ من المدارس 🏫.', '12 of the schools were damaged 🏫.'],
  ];
  const lex = learnLexicon(rows);
  assert.deepEqual(lex.map.get('مدرسه'), ['school']);
  assert.deepEqual(lex.map.get('مدارس'), ['school']);
  const space = new LexicalSpace(['أعيد فتح المدارس.', 'هطل مطر غزير.'], ['Rain fell heavily.', 'The schools reopened.'], lex);
  assert.ok(space.cos(0, 1, 1, 2) > 0.5 && space.cos(0, 1, 0, 1) === 0);
});

test('rowKeys: each key once, sorted; learnFromKeys on them equals learnLexicon', () => {
  const [ar, en] = rowKeys('المسيّرة والمسيرة فوق سراقب.', 'The drone, the drones over Saraqib.');
  assert.deepEqual(ar, [...new Set(ar)].sort());
  assert.ok(ar.includes('مسيره') && ar.includes('سراقب'));
  assert.deepEqual(en, ['dron', 'saraqib']);
  assert.deepEqual(learnFromKeys(ROWS.map(([a, e]) => rowKeys(a, e))), learnLexicon(ROWS));
});

test('knownPairs: confirmed, translated and reviewed rows with both sides, sentences joined', () => {
  const { annotations } = makeReport(['جملة أولى.', 'جملة ثانية.', 'جملة ثالثة.', 'جملة رابعة.', 'جملة خامسة.'], ['One.', 'Two.', 'Three.', 'Four.']);
  const status = ['translated', 'reviewed', 'draft', 'auto', 'translated'] as const;
  annotations.units = annotations.units.map((u, i) => ({ ...u, status: status[i], confirmed: i === 3 }));
  // row 0 also holds a second English sentence
  annotations.targets.push({ id: 't9', text: 'And more.' });
  annotations.units[0] = { ...annotations.units[0], target: ['t1', 't9'] };
  assert.deepEqual(knownPairs(annotations), [['جملة أولى.', 'One. And more.'], ['جملة ثانية.', 'Two.'], ['جملة رابعة.', 'Four.']]);
});

test('entries round-trip; withLearned adds only a non-empty list', () => {
  const lex = learnLexicon(ROWS);
  assert.deepEqual(lexiconFromEntries(lexiconEntries(lex)).map, lex.map);
  const base = parseLexicon('الجنوب\tsouth\n');
  assert.equal(withLearned(base, learnLexicon([])), base);
  assert.equal(withLearned(null, null), null);
  assert.equal(withLearned(base, lex)?.map.get('مسيره')?.[0], 'dron');
});

test('property: with a learned list the aligner still covers every sentence once, in order, and keeps fixed links', () => {
  const learned = learnLexicon([...ROWS, ...PAIRS, ...PAIRS]);
  const lexicon = withLearned(parseLexicon('المزارعين\tfarmers\n'), learned)!;
  fc.assert(
    fc.property(fc.array(sentence, { minLength: 1, maxLength: 15 }), fc.array(sentence, { minLength: 1, maxLength: 15 }), fc.nat(), fc.nat(), (ar, en, a, b) => {
      const fixed = [{ src: [a % ar.length], tgt: [b % en.length], confidence: 1 }];
      const links = alignSentences(ar, en, { lexicon, fixed });
      assertCovers(links, ar.length, en.length);
      assert.ok(links.some((l) => JSON.stringify(l) === JSON.stringify(fixed[0])));
    }),
    { numRuns: 100 },
  );
});
