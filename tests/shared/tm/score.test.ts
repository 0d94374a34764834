import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CLITIC_WEIGHT, NEAR_EXACT, NUMBER_SUBSTITUTION, scoreTokens } from '../../../shared/tm/score.ts';
import { exactKey, tmTokens } from '../../../shared/tm/tokens.ts';

const score = (a: string, b: string, lang: 'ar' | 'en' = 'ar') => scoreTokens(tmTokens(a, lang), tmTokens(b, lang));
const close = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-9, `${x} ≠ ${y}`);

const BASE = 'قالت الحكومة إن ثلاثة أشخاص قتلوا في حلب'; // 8 words

test('scores: table of Arabic fixtures (harakat, hamza, ى/ي, ة/ه, digits, clitics, numbers, dropped word)', () => {
  const table: [string, string, string, number][] = [
    ['identical', BASE, BASE, 1],
    ['harakat and tatweel ignored', 'قالَت الحكومـــةُ إنّ ثلاثةَ أشخاصٍ قُتلوا في حلبَ', BASE, 1],
    ['hamza alefs, alef maksura and teh marbuta folded', 'قالت الحكومه ان ثلاثة اشخاص قتلوا في حلب', 'قالت الحكومة إن ثلاثة أشخاص قتلوا في حلب', 1],
    ['Arabic-Indic digits = ASCII digits', 'قتل ٣ أشخاص في ٢٠٢٠', 'قتل 3 أشخاص في 2020', 1],
    ['a proclitic costs a clitic, not a word', 'وقالت الحكومة إن ثلاثة أشخاص قتلوا في حلب', BASE, 1 - CLITIC_WEIGHT / (8 + CLITIC_WEIGHT)],
    ['a dropped word costs a word', 'قالت الحكومة إن أشخاص قتلوا في حلب', BASE, 1 - 1 / 8],
    ['a changed word costs a word', 'قالت الحكومة إن ثلاثة أشخاص قتلوا في دمشق', BASE, 1 - 1 / 8],
    ['a changed number costs less than a word', 'قالت الحكومة إن ٥ أشخاص قتلوا في حلب', 'قالت الحكومة إن ٣ أشخاص قتلوا في حلب', 1 - NUMBER_SUBSTITUTION / 8],
    ['punctuation only: near, never exact', 'قالت الحكومة إن ثلاثة أشخاص قتلوا في حلب.', BASE, NEAR_EXACT],
    ['nothing in common', 'وصل الوفد إلى دمشق', 'أعلنت وزارة الصحة', 0],
    ['empty against text', '', BASE, 0],
    ['both empty', '', '', 1],
  ];
  for (const [name, a, b, want] of table) {
    close(score(a, b), want);
    close(score(b, a), want);
    assert.ok(true, name);
  }
  assert.ok(score('وقالت الحكومة إن ثلاثة أشخاص قتلوا في حلب', BASE) > score('قالت الحكومة إن أشخاص قتلوا في حلب', BASE));
  assert.ok(score('قالت الحكومة إن ٥ أشخاص قتلوا في حلب', 'قالت الحكومة إن ٣ أشخاص قتلوا في حلب') > score('قالت الحكومة إن ٣ أشخاص قتلوا في دمشق', 'قالت الحكومة إن ٣ أشخاص قتلوا في حلب'));
});

test('scores: English is compared case-insensitively, word by word', () => {
  assert.equal(score('The Government said', 'the government said', 'en'), 1);
  close(score('The government said on Monday', 'The government said', 'en'), 1 - 2 / 5);
  close(score('killed 3,500 people', 'killed 3500 people', 'en'), NEAR_EXACT);
});

test('tokens keep their code-point span in the original text (harakat, emoji, mixed scripts)', () => {
  const text = '😀 وقالَت الحكومةُ إنّ ٣٬٥٠٠ Reuters';
  const { tokens } = tmTokens(text, 'ar');
  const cps = Array.from(text);
  assert.deepEqual(tokens.map((t) => [t.key, cps.slice(t.start, t.end).join(''), t.clitic, t.number]), [
    ['و', 'و', true, false], ['قالت', 'قالَت', false, false], ['الحكومه', 'الحكومةُ', false, false], ['ان', 'إنّ', false, false],
    ['3500', '٣٬٥٠٠', false, true], ['reuters', 'Reuters', false, false],
  ]);
});

// ---- properties -----------------------------------------------------------------------------

const words = ['قال', 'قالَ', 'الحكومة', 'والحكومة', 'بالحكومة', 'الحكومه', 'إن', 'ان', 'أن', 'على', 'علي', 'في', '٣', '3', '١٢', 'حلب', 'دمشق', 'Reuters', '😀', '،', '.', 'ـ'];
const textArb = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(' '));

test('property: score in [0, 1], symmetric, 1 exactly when the folded texts are equal', () => {
  fc.assert(
    fc.property(textArb, textArb, (a, b) => {
      const s = score(a, b);
      assert.ok(s >= 0 && s <= 1, String(s));
      assert.equal(s, score(b, a));
      assert.equal(s === 1, exactKey(a) === exactKey(b), `${a} | ${b} → ${s}`);
      assert.equal(score(a, a), 1);
    }),
    { numRuns: 400 },
  );
});
