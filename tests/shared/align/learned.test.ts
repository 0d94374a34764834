import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnLexicon, mergeLexicons } from '../../../shared/align/learned.ts';
import { LexicalSpace, parseLexicon } from '../../../shared/align/lexical.ts';

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
