import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DiffTooLargeError, diffSequences } from '../../../shared/diff/myers.ts';

/** Length of a longest common subsequence, by dynamic programming (the reference). */
function lcsLength(a: string[], b: string[]): number {
  const prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = tmp;
    }
  }
  return prev[b.length];
}

function runs(a: string[], b: string[], maxEdits?: number) {
  const out: [number, number, number][] = [];
  diffSequences(a.length, b.length, (i, j) => a[i] === b[j], (len, i, j) => out.push([len, i, j]), { maxEdits });
  return out;
}

test('reports an optimal common subsequence in order, as maximal runs', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('ا', 'ل', 'ب', 'َ', '😀', 'x'), { maxLength: 40 }), fc.array(fc.constantFrom('ا', 'ل', 'ب', 'َ', '😀', 'x'), { maxLength: 40 }), (a, b) => {
      const r = runs(a, b);
      let total = 0;
      let lastA = 0;
      let lastB = 0;
      for (const [len, i, j] of r) {
        assert.ok(len > 0);
        assert.ok(i >= lastA && j >= lastB, 'in increasing order');
        assert.ok(!(i === lastA && j === lastB && total > 0), 'adjacent runs are merged');
        for (let k = 0; k < len; k++) assert.equal(a[i + k], b[j + k]);
        lastA = i + len;
        lastB = j + len;
        total += len;
      }
      assert.equal(total, lcsLength(a, b));
    }),
    { numRuns: 500 },
  );
});

test('Arabic sentence edits: unchanged words are matched', () => {
  const a = Array.from('قال الرئيس إن الاجتماع ناجح ٢٠٢٤.');
  const b = Array.from('قال الرئيس الفرنسي إن الاجتماع كان ناجحاً ٢٠٢٤.');
  const r = runs(a, b);
  assert.equal(r.reduce((s, [l]) => s + l, 0), a.length - 0 - (a.length - lcsLength(a, b)));
  assert.deepEqual(r[0], [11, 0, 0]); // 'قال الرئيس ' kept at the start
});

test('identical and empty inputs', () => {
  assert.deepEqual(runs(Array.from('نص'), Array.from('نص')), [[2, 0, 0]]);
  assert.deepEqual(runs([], Array.from('نص')), []);
  assert.deepEqual(runs(Array.from('نص'), []), []);
});

test('maxEdits: gives up on inputs that differ too much', () => {
  const a = Array.from('abcdefghij');
  const b = Array.from('klmnopqrst');
  assert.throws(() => runs(a, b, 4), DiffTooLargeError);
  assert.equal(runs(Array.from('abcXdef'), Array.from('abcYdef'), 4).length, 2);
});

test('long inputs with few edits stay linear in practice', () => {
  const base = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(0x621 + (i * 7919) % 40));
  const edited = [...base.slice(0, 1000), 'x', ...base.slice(1005, 150_000), 'yy', ...base.slice(150_000)];
  const r = runs(base, edited);
  assert.equal(r.reduce((s, [l]) => s + l, 0), base.length - 5);
});
