/**
 * The sparse product equals a float64 product of the same operands (summation order aside),
 * through every path: strips and narrower tail columns, blocks that end inside a row, one row
 * and many, on one thread and split with the helper; it declines inputs denser than it allows,
 * leaving the output untouched; NaN inputs reach the output.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {InferenceHelper, inferenceRuntime} from './inference-helper';
import {layOutStrips, SPARSE_MAX_DENSITY, sparseProduct} from './sparse-product';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

interface Case { rows: number; k: number; n: number; density: number; seed: number }

function operands({rows, k, n, density, seed}: Case): {x: Float32Array; w: Float32Array} {
  const next = lcg(seed);
  const x = new Float32Array(rows * k).map(() => (next() < density ? next() * 2 - 0.5 : 0));
  const w = new Float32Array(k * n).map(() => next() - 0.5);
  return {x, w};
}

function expected(x: Float32Array, w: Float32Array, rows: number, k: number, n: number): Float64Array {
  const y = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < k; i++) {
      const v = x[r * k + i]!;
      if (v !== 0 || Number.isNaN(v)) for (let c = 0; c < n; c++) y[r * n + c]! += v * w[i * n + c]!;
    }
  }
  return y;
}

/** The product on `rt`'s heap: its result, or undefined when it declined (the output then checked untouched). */
function run(rt: InferenceHelper, c: Case, x: Float32Array, w: Float32Array): Float32Array | undefined {
  const xPtr = rt.stage('testX', x);
  const strips = rt.local.scratch('testStrips', c.k * c.n);
  const y = rt.local.scratch('testY', c.rows * c.n);
  layOutStrips(rt.local.heap(), strips, w, c.k, c.n);
  rt.local.heap().fill(7, y, y + c.rows * c.n);
  const done = sparseProduct(rt, {rows: c.rows, k: c.k, n: c.n, x: xPtr, strips, y});
  const out = rt.local.heap().slice(y, y + c.rows * c.n);
  if (done) return out;
  assert.ok(out.every((v) => v === 7), 'a declined product leaves the output untouched');
  return undefined;
}

function assertClose(actual: Float32Array, want: Float64Array, label: string): void {
  let scale = 0;
  for (const v of want) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < want.length; i++) {
    if (Number.isNaN(want[i])) {
      assert.ok(Number.isNaN(actual[i]), `${label}[${i}]: ${actual[i]}, expected NaN`);
      continue;
    }
    assert.ok(Math.abs(actual[i]! - want[i]!) <= 1e-5 * Math.max(1, scale), `${label}[${i}]: ${actual[i]} vs ${want[i]}`);
  }
}

const CASES: Case[] = [
  // 45 columns: one 32-column strip, then 4-column and single-column tails; k ends inside a block and a 4-float group.
  {rows: 37, k: 777, n: 45, density: 0.15, seed: 1},
  // Several whole blocks, columns in whole strips, split between the threads.
  {rows: 64, k: 2048, n: 256, density: 0.3, seed: 2},
  // One row (a single prediction), and two.
  {rows: 1, k: 5000, n: 96, density: 0.2, seed: 3},
  {rows: 2, k: 300, n: 7, density: 0.45, seed: 4},
];

for (const threaded of [true, false]) {
  const rt = threaded ? inferenceRuntime() : new InferenceHelper(null);
  test(`sparse products equal float64 products (${threaded ? 'split with the helper thread' : 'one thread'})`, () => {
    for (const c of CASES) {
      const {x, w} = operands(c);
      const got = run(rt, c, x, w);
      assert.ok(got, `${JSON.stringify(c)}: taken`);
      assertClose(got, expected(x, w, c.rows, c.k, c.n), JSON.stringify(c));
    }
  });
}

test('inputs denser than SPARSE_MAX_DENSITY are declined, in one thread\'s half alone too', () => {
  const rt = inferenceRuntime();
  const dense = {rows: 16, k: 1000, n: 40, density: Math.min(1, SPARSE_MAX_DENSITY + 0.2), seed: 5};
  const {x, w} = operands(dense);
  assert.equal(run(rt, dense, x, w), undefined, 'dense inputs');
  // The first half of the rows sparse, the second dense: that half's region overflows.
  const mixed = {...dense, density: 0.05};
  const sparse = operands(mixed).x;
  sparse.set(x.subarray(8 * 1000), 8 * 1000);
  assert.equal(run(rt, mixed, sparse, w), undefined, 'one dense half');
  // The same operands once sparse enough are taken: the decline was about density alone.
  const ok = operands(mixed);
  assert.ok(run(rt, mixed, ok.x, ok.w));
});

test('a NaN input makes its row NaN (NaN counts as nonzero); other rows are unaffected', () => {
  const rt = inferenceRuntime();
  const c = {rows: 5, k: 600, n: 33, density: 0.1, seed: 6};
  const {x, w} = operands(c);
  x[2 * 600 + 123] = NaN;
  const got = run(rt, c, x, w);
  assert.ok(got);
  assertClose(got, expected(x, w, c.rows, c.k, c.n), 'NaN input');
  assert.ok(got.subarray(2 * 33, 3 * 33).every(Number.isNaN), 'row 2 is NaN');
  assert.ok(got.subarray(0, 2 * 33).every(Number.isFinite), 'rows 0 and 1 are finite');
});
