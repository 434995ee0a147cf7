/** The fused Adam step must reproduce tfjs's AdamOptimizer: weights, m, v, iterations. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../backend';
import {applyGradients, canFuseAdam} from './fused-adam';

function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * (i % 7 === 0 ? 1e-4 : 1);
  }
  return out;
}

test('fused Adam equals tfjs AdamOptimizer step by step', async () => {
  await initBackend('wasm');
  const shapes = [[7, 5], [1001], [3, 3, 2, 4]];
  const make = (tag: string) => shapes.map((s, i) => tf.variable(tf.tensor(values(s.reduce((p, q) => p * q), i + 1), s), true, `${tag}_${i}`));
  const ours = make('fused');
  const theirs = make('reference');
  const optOurs = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
  const optTheirs = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
  assert.ok(canFuseAdam(optOurs));
  for (let step = 0; step < 4; step++) {
    const grads = shapes.map((s, i) => tf.tensor(values(s.reduce((p, q) => p * q), 100 * step + i), s));
    applyGradients(optOurs, ours, Object.fromEntries(ours.map((v, i) => [v.name, grads[i]])));
    optTheirs.applyGradients(Object.fromEntries(theirs.map((v, i) => [v.name, grads[i]])) as unknown as Parameters<typeof optTheirs.applyGradients>[0]);
    tf.dispose(grads);
  }
  for (let i = 0; i < shapes.length; i++) {
    assert.deepEqual(Array.from(await ours[i].data()), Array.from(await theirs[i].data()), `weights ${i}`);
  }
  const a = await optOurs.getWeights();
  const b = await optTheirs.getWeights();
  assert.equal(a.length, b.length);
  assert.equal((await a[0].tensor.data())[0], 4);
  for (let i = 0; i < a.length; i++) {
    assert.equal(a[i].name.replace('fused', 'reference'), b[i].name);
    assert.deepEqual(Array.from(await a[i].tensor.data()), Array.from(await b[i].tensor.data()), a[i].name);
  }
});
