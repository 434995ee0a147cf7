/**
 * predictBatchFast is a drop-in for model.predict: the same values (within float rounding) for
 * a model the prediction plan runs, on real MNIST test images, and model.predict's own result
 * for one it does not.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import {referenceModel} from '../../bench/reference-model';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../backend';
import {loadMnist} from '../../bench/mnist';
import {planFor, predictBatchFast, predictBatchValues} from './predict-batch';

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

test('setup: the wasm backend', async () => {
  await initBackend('wasm');
});

test('the reference architecture on 150 MNIST test images: predictBatchFast equals model.predict', async () => {
  const model = referenceModel();
  assert.ok(planFor(model), 'the reference model has a prediction plan');
  const count = 150;
  const images = loadMnist('t10k', count).images;
  const x = tf.tensor4d(images.subarray(0, count * 784), [count, 28, 28, 1]);
  const expected = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
  const fast = predictBatchFast(model, x);
  assert.deepEqual(fast.shape, [count, 10]);
  assert.ok(maxAbsDiff(fast.dataSync(), expected) < 1e-5, 'within float tolerance');
  fast.dispose();
  const {values, outputShape} = await predictBatchValues(model, images.subarray(0, count * 784), count);
  assert.deepEqual(outputShape, [10]);
  assert.ok(maxAbsDiff(values, expected) < 1e-5);
  // Rows are probabilities: a wrong chunk offset would leave zero rows or sums far from 1.
  for (let r = 0; r < count; r++) {
    const sum = values.subarray(r * 10, r * 10 + 10).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-4, `row ${r} sums to ${sum}`);
  }
  x.dispose();
  model.dispose();
});

test('a model the plan cannot run (pooling) goes through model.predict', async () => {
  const model = tfl.sequential({layers: [
    tfl.layers.conv2d({inputShape: [8, 8, 1], filters: 4, kernelSize: 3}),
    tfl.layers.maxPooling2d({poolSize: 2}),
    tfl.layers.flatten(),
    tfl.layers.dense({units: 3}),
  ]});
  assert.equal(planFor(model), undefined);
  const x = tf.randomUniform([5, 8, 8, 1]);
  const expected = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
  const got = predictBatchFast(model, x);
  assert.deepEqual(got.shape, [5, 3]);
  assert.deepEqual(Array.from(got.dataSync()), Array.from(expected));
  const {values} = await predictBatchValues(model, x.dataSync() as Float32Array, 5);
  assert.deepEqual(Array.from(values), Array.from(expected));
  tf.dispose([x, got]);
  model.dispose();
});
