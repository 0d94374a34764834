import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { logAddCost } from '../../../shared/align/cost.ts';

/** The backward pass's log-add as it was written before the shortcut. */
const plain = (a: number, b: number) => Math.min(a, b) - Math.log1p(Math.exp(-Math.abs(a - b)));

test('logAddCost: −log(e^−a + e^−b), bit for bit the plain formula, the shortcut past 40 nats included', () => {
  const cost = fc.double({ min: -1e4, max: 1e4, noNaN: true });
  fc.assert(fc.property(cost, cost, (a, b) => Object.is(logAddCost(a, b), plain(a, b))), { numRuns: 20_000 });
  // around the shortcut's edges: gaps near 40, minima near ±1 and 0, powers of two
  const edges = [0, 1e-300, 0.5, 1 - 2 ** -53, 1, 1 + 2 ** -52, 2, 1024, -1, -2, -0.5];
  for (const m of edges) for (const gap of [39.999, 40, 40.000001, 41, 60, 745, 800]) {
    for (const [a, b] of [[m, m + gap], [m + gap, m], [-m, -m + gap]]) assert.ok(Object.is(logAddCost(a, b), plain(a, b)), `${a} ${b}`);
  }
  assert.equal(logAddCost(3, 3), 3 - Math.LN2);
});
