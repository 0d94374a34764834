import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffMatch } from '../../../shared/tm/diff.ts';
import { tmTokens } from '../../../shared/tm/tokens.ts';

const diff = (match: string, query: string) => diffMatch(match, tmTokens(match, 'ar').tokens, query, tmTokens(query, 'ar').tokens);
const rebuilt = (pieces: { op: string; text: string }[]) => pieces.filter((p) => p.op !== 'ins').map((p) => p.text).join('');

test('diff: a clitic, a changed number and a dropped word, pieces over the match as written', () => {
  assert.deepEqual(diff('قالت الحكومةُ إن ٣ أشخاص قتلوا في حلب.', 'وقالت الحكومة إن ٥ أشخاص قتلوا في حلب'), [
    { op: 'ins', text: 'و' },
    { op: 'same', text: 'قالت الحكومةُ إن ' },
    { op: 'del', text: '٣ ' },
    { op: 'ins', text: '٥' },
    { op: 'same', text: 'أشخاص قتلوا في حلب.' },
  ]);
  assert.deepEqual(diff('😀 وصل الوفد إلى دمشق.', 'وصل الوفد دمشق'), [
    { op: 'same', text: '😀 وصل الوفد ' },
    { op: 'del', text: 'إلى ' },
    { op: 'same', text: 'دمشق.' },
  ]);
  assert.deepEqual(diff('', 'كلمة جديدة'), [{ op: 'ins', text: 'كلمة جديدة' }]);
  assert.deepEqual(diff('!!', 'كلمة'), [{ op: 'del', text: '!!' }, { op: 'ins', text: 'كلمة' }]);
});

const words = ['قال', 'قالَ', 'الحكومة', 'والحكومة', 'إن', 'أن', 'في', '٣', '3', 'حلب', 'Reuters', '😀', '،', '.', '  ', '\u0651'];
const textArb = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(' '));

test('property: same and del pieces rebuild the match text; same pieces are in the query too', () => {
  fc.assert(
    fc.property(textArb, textArb, (m, q) => {
      const pieces = diff(m, q);
      assert.equal(rebuilt(pieces), m);
      for (let i = 1; i < pieces.length; i++) assert.notEqual(pieces[i].op, pieces[i - 1].op, 'adjacent pieces of one kind are merged');
      if (tmTokens(m, 'ar').exact === tmTokens(q, 'ar').exact && m.trim()) assert.ok(pieces.every((p) => p.op === 'same'));
    }),
    { numRuns: 400 },
  );
});
