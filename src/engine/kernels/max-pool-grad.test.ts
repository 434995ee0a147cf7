/** The wasm MaxPoolGrad kernel against the cpu backend's, on the window shapes wasm's own got wrong. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {initBackend} from '../backend';

const CASES: Array<{shape: [number, number, number, number]; pool: [number, number]; strides: [number, number]; pad: 'valid' | 'same'}> = [
  {shape: [2, 7, 1, 3], pool: [2, 1], strides: [2, 1], pad: 'valid'}, // MaxPooling1D
  {shape: [1, 1, 6, 2], pool: [1, 2], strides: [1, 2], pad: 'valid'},
  {shape: [1, 5, 5, 4], pool: [2, 2], strides: [2, 2], pad: 'same'},
  {shape: [2, 6, 6, 2], pool: [3, 3], strides: [1, 1], pad: 'valid'},
  {shape: [1, 4, 6, 3], pool: [2, 3], strides: [2, 3], pad: 'valid'},
];

test('MaxPoolGrad on wasm routes each gradient to its window\'s maximum, as on cpu', async () => {
  await initBackend('wasm');
  for (const c of CASES) {
    const x = tf.randomNormal(c.shape, 0, 1, 'float32', 3);
    const results: Float32Array[] = [];
    for (const backend of ['wasm', 'cpu']) {
      tf.setBackend(backend);
      const g = tf.grad((t: tf.Tensor) => {
        const y = tf.maxPool(t as tf.Tensor4D, c.pool, c.strides, c.pad);
        return tf.sum(tf.mul(y, tf.randomUniform(y.shape, 1, 2, 'float32', 5)));
      })(tf.clone(x));
      results.push(g.dataSync() as Float32Array);
    }
    tf.setBackend('wasm');
    let worst = 0;
    for (let i = 0; i < results[0]!.length; i++) worst = Math.max(worst, Math.abs(results[0]![i]! - results[1]![i]!));
    assert.ok(worst < 1e-5, `${JSON.stringify(c)}: wasm and cpu gradients differ by ${worst}`);
  }
});
