/**
 * Data-parallel training must give the same weights and optimizer state as training on one
 * thread (up to float rounding), on real MNIST digits, and leave them in the main-thread model.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../backend';
import {lossAndMetrics} from './losses';
import {createStepper, LocalStepper, TrainStepper} from './stepper';
import {ParallelStepper} from './parallel-stepper';
import {loadMnist} from '../../bench/mnist';

function smallCnn(): tfl.LayersModel {
  const model = tfl.sequential();
  model.add(tfl.layers.conv2d({inputShape: [28, 28, 1], filters: 4, kernelSize: 3, strides: 2, activation: 'relu',
    kernelInitializer: tfl.initializers.glorotUniform({seed: 1})}));
  model.add(tfl.layers.conv2d({filters: 8, kernelSize: [3, 2], padding: 'same', activation: 'relu',
    kernelInitializer: tfl.initializers.glorotUniform({seed: 2})}));
  model.add(tfl.layers.flatten());
  model.add(tfl.layers.dense({units: 10, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({seed: 3})}));
  model.compile({optimizer: tf.train.adam(0.003), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy']});
  return model;
}

async function train(stepper: TrainStepper, steps: number, batchSize: number): Promise<number[][]> {
  const data = loadMnist('train', steps * batchSize);
  const history: number[][] = [];
  for (let i = 0; i < steps; i++) {
    // The last batch is smaller and odd-sized, like the tail of an epoch.
    const count = i === steps - 1 ? batchSize - 7 : batchSize;
    history.push(await stepper.step({
      x: data.images.subarray(i * batchSize * 784, (i * batchSize + count) * 784),
      y: data.labels.subarray(i * batchSize, i * batchSize + count),
      count,
    }));
  }
  await stepper.sync();
  return history;
}

async function snapshot(model: tfl.LayersModel) {
  const weights = await Promise.all(model.getWeights().map((w) => w.data()));
  const optimizer = await model.optimizer.getWeights();
  const state = await Promise.all(optimizer.map(async (w) => ({name: w.name, values: await w.tensor.data()})));
  return {weights, state};
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

test('parallel steps equal local steps: weights, Adam state and batch metrics', async () => {
  await initBackend('wasm');
  const objective = lossAndMetrics('sparse_categorical_crossentropy', ['accuracy']);
  const localModel = smallCnn();
  const parallelModel = smallCnn();
  const local = new LocalStepper(localModel, objective, []);
  const parallel = createStepper(parallelModel, objective, [], {threads: 2});
  assert.ok(parallel instanceof ParallelStepper);
  try {
    const steps = 6;
    const localHistory = await train(local, steps, 64);
    const parallelHistory = await train(parallel, steps, 64);
    for (let i = 0; i < steps; i++) {
      assert.ok(maxAbsDiff(localHistory[i], parallelHistory[i]) < 1e-4, `step ${i} metrics ${localHistory[i]} vs ${parallelHistory[i]}`);
    }
    assert.ok(localHistory[steps - 1][0] < localHistory[0][0], 'loss went down');
    const a = await snapshot(localModel);
    const b = await snapshot(parallelModel);
    a.weights.forEach((w, i) => assert.ok(maxAbsDiff(w, b.weights[i]) < 1e-4, `weight ${i}`));
    // Adam's slots carry the main-thread model's variable names (they end up in saved files).
    const names = parallelModel.trainableWeights.map((w) => (w.read() as tf.Variable).name);
    assert.deepEqual(b.state.map((s) => s.name), ['iter', ...names.map((n) => `${n}/m`), ...names.map((n) => `${n}/v`)]);
    assert.equal(b.state[0].values[0], steps, 'Adam iterations');
    a.state.forEach((s, i) => assert.ok(maxAbsDiff(s.values, b.state[i].values) < 1e-4, `optimizer ${s.name}`));
    // Training goes on from the synced state exactly as locally.
    const more = await train(parallel, 2, 32);
    const moreLocal = await train(local, 2, 32);
    assert.ok(maxAbsDiff(more[1], moreLocal[1]) < 1e-4);
  } finally {
    await parallel.dispose();
  }
});

test('createStepper trains on this thread for one thread', async () => {
  await initBackend('wasm');
  const stepper = createStepper(smallCnn(), lossAndMetrics('sparse_categorical_crossentropy', []), [], {threads: 1});
  assert.ok(stepper instanceof LocalStepper);
});

test('createStepper trains on this thread for models with batch statistics', async () => {
  await initBackend('wasm');
  const model = tfl.sequential({layers: [
    tfl.layers.dense({inputShape: [4], units: 3}),
    tfl.layers.batchNormalization(),
    tfl.layers.dense({units: 2, activation: 'softmax'}),
  ]});
  model.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});
  const stepper = createStepper(model, lossAndMetrics('sparse_categorical_crossentropy', []), [], {threads: 2});
  assert.ok(stepper instanceof LocalStepper);
});
