import {test} from 'node:test';
import assert from 'node:assert/strict';
import {InferenceHelper, SPLIT_MIN_WORK} from './inference-helper';

/** sum over rows i of x[i] * w[i][0..n), in float64 (the reference). */
function expected(w: Float32Array, x: Float32Array, rows: Int32Array, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const i of rows) for (let c = 0; c < n; c++) out[c] += x[i] * w[i * n + c];
  return out;
}

function problem(k: number, n: number, seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  const w = Float32Array.from({length: k * n}, next);
  const x = Float32Array.from({length: k}, next);
  const rows = Int32Array.from({length: k}, (_, i) => i).filter((i) => i % 3 !== 1);
  return {w, x, rows};
}

test('the two halves of a picked-rows product add up to the whole', () => {
  const helper = new InferenceHelper();
  const [k, n] = [3001, 132];
  const {w, x, rows} = problem(k, n, 7);
  assert.ok(rows.length * n >= SPLIT_MIN_WORK, 'big enough to be split');
  const weights = {};
  for (let round = 0; round < 3; round++) {
    const got = helper.product(weights, w, x, rows, n);
    const want = expected(w, x, rows, n);
    got.forEach((v, c) => assert.ok(Math.abs(v - want[c]) < 1e-4, `column ${c}: ${v} vs ${want[c]}`));
  }
});

test('a helper thread that never takes its job leaves the product to the caller, whole and correct', () => {
  // A helper whose thread exits at once: the product must neither hang nor lose the second half.
  const helper = new InferenceHelper('');
  const [k, n] = [3001, 132];
  const {w, x, rows} = problem(k, n, 9);
  assert.ok(rows.length * n >= SPLIT_MIN_WORK, 'big enough to be split');
  const t0 = performance.now();
  const got = helper.product({}, w, x, rows, n);
  assert.ok(performance.now() - t0 < 5000, 'taken back, not hung');
  const want = expected(w, x, rows, n);
  got.forEach((v, c) => assert.ok(Math.abs(v - want[c]) < 1e-4, `column ${c}: ${v} vs ${want[c]}`));
});
