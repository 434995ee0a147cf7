/**
 * The zero-skipping product must equal the cpu backend's dense product (up to summation order),
 * take the skip only when it reads less than half the weights, and keep NaN semantics.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {initBackend} from '../backend';
import {WasmBackend} from './wasm-heap';
import {zeroSkippingMatMul} from './zero-skipping-matmul';

/** Seeded values in [-0.5, 0.5); a `zeros` fraction of them set to exactly 0. */
function sparse(n: number, zeros: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) out[i] = next() < zeros ? 0 : next() - 0.5;
  return out;
}

interface Case {m: number; k: number; n: number; zeros: number; activation: 'linear' | 'relu' | 'relu6'; bias: boolean}

async function fused(backend: string, c: Case, a: Float32Array, b: Float32Array, bias: Float32Array): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => tf.fused.matMul({
    a: tf.tensor2d(a, [c.m, c.k]), b: tf.tensor2d(b, [c.k, c.n]),
    bias: c.bias ? tf.tensor1d(bias) : undefined, activation: c.activation,
  }).dataSync() as Float32Array);
}

function maxRelativeError(actual: Float32Array, expected: Float32Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < expected.length; i++) {
    num += (actual[i] - expected[i]) ** 2;
    den += expected[i] ** 2;
  }
  return Math.sqrt(num / Math.max(den, 1e-30));
}

test('skipping zero inputs gives the dense product on every row count, width and activation', async () => {
  await initBackend('wasm');
  const cases: Case[] = [
    {m: 1, k: 4096, n: 256, zeros: 0.87, activation: 'relu', bias: true},
    {m: 1, k: 5000, n: 13, zeros: 0.7, activation: 'linear', bias: false},
    {m: 3, k: 7001, n: 37, zeros: 0.9, activation: 'relu6', bias: true},
    {m: 2, k: 9000, n: 3, zeros: 0.95, activation: 'relu', bias: false},
    {m: 16, k: 20000, n: 8, zeros: 0.99, activation: 'linear', bias: true},
    // Large enough to be split with the helper thread (over 2^18 picked weights per row).
    {m: 1, k: 30000, n: 256, zeros: 0.85, activation: 'relu', bias: true},
    {m: 2, k: 30001, n: 259, zeros: 0.8, activation: 'linear', bias: false},
  ];
  for (const [i, c] of cases.entries()) {
    const a = sparse(c.m * c.k, c.zeros, 10 + i);
    const b = sparse(c.k * c.n, 0, 20 + i).map((v) => v * 4);
    const bias = sparse(c.n, 0, 30 + i);
    const expected = await fused('cpu', c, a, b, bias);
    const actual = await fused('wasm', c, a, b, bias);
    const label = JSON.stringify(c);
    assert.ok(maxRelativeError(actual, expected) < 1e-5, `${label}: relative error ${maxRelativeError(actual, expected)}`);
    // The skipping path itself ran (not the backend's kernel).
    const [at, bt] = [tf.tensor2d(a, [c.m, c.k]), tf.tensor2d(b, [c.k, c.n])];
    const taken = zeroSkippingMatMul(tf.backend() as unknown as WasmBackend, at, bt, undefined, 'linear');
    assert.ok(taken, `${label}: zero skipping not taken`);
    tf.dispose([at, bt, tf.engine().makeTensorFromTensorInfo(taken)]);
  }
});

test('the helper thread\'s copies of the weights follow the tensors: new weights are never read stale', async () => {
  await initBackend('wasm');
  const [k, n] = [30000, 256];
  const x = tf.tensor2d(sparse(k, 0.8, 50), [1, k]);
  const first = sparse(k * n, 0, 51);
  const second = sparse(k * n, 0, 52);
  const product = async (w: Float32Array) => {
    const c: Case = {m: 1, k, n, zeros: 0, activation: 'linear', bias: false};
    return [await fused('wasm', c, x.dataSync() as Float32Array, w, new Float32Array(n)),
      await fused('cpu', c, x.dataSync() as Float32Array, w, new Float32Array(n))];
  };
  for (const w of [first, second, first]) {
    const [actual, expected] = await product(w);
    assert.ok(maxRelativeError(actual, expected) < 1e-5, `relative error ${maxRelativeError(actual, expected)}`);
  }
  // One weight tensor used twice: the second product reads the kept copy.
  await tf.setBackend('wasm');
  const wt = tf.tensor2d(first, [k, n]);
  const a = tf.matMul(x, wt).dataSync();
  const b = tf.matMul(x, wt).dataSync();
  assert.deepEqual(b, a);
  tf.dispose([x, wt]);
});

test('dense inputs, non-finite weights and transposes go to the backend kernel, with the same results', async () => {
  await initBackend('wasm');
  const backend = tf.backend() as unknown as WasmBackend;
  const k = 4096;
  const n = 16;
  const w = sparse(k * n, 0, 5);
  const half = tf.tensor2d(sparse(k, 0.4, 6), [1, k]);
  const weights = tf.tensor2d(w, [k, n]);
  assert.equal(zeroSkippingMatMul(backend, half, weights, undefined, 'linear'), undefined, '60% nonzero inputs read more than half the weights');

  // 0 * Inf is NaN: with an infinite weight behind a zero input, the product must still be NaN.
  const inf = w.slice();
  inf[3 * n + 2] = Infinity;
  const x = new Float32Array(k);
  x[100] = 1;
  const infWeights = tf.tensor2d(inf, [k, n]);
  const xt = tf.tensor2d(x, [1, k]);
  assert.equal(zeroSkippingMatMul(backend, xt, infWeights, undefined, 'linear'), undefined);
  const out = tf.matMul(xt, infWeights).dataSync();
  assert.ok(Number.isNaN(out[2]), 'NaN from 0 * Inf kept');
  assert.equal(out[0], w[100 * n]);

  // NaN inputs are nonzero: they reach the output.
  x[7] = NaN;
  const nanOut = tf.matMul(tf.tensor2d(x, [1, k]), weights).dataSync();
  assert.ok(nanOut.every((v) => Number.isNaN(v)), 'NaN input propagates to every output');
  assert.equal(zeroSkippingMatMul(backend, tf.tensor2d(x, [1, k]), weights, undefined, 'softmax'), undefined);
  tf.dispose([half, weights, infWeights, xt]);
});
