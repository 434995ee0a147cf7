/**
 * A prediction plan must give what `model.predict` gives on the tfjs `cpu` backend (the
 * reference implementation), through every path it takes: Winograd split or not, products of
 * patches, Dense products over nonzero inputs split or not, dense products, fused and separate activations,
 * and for batches (samples of a convolution and columns of a Dense product split).
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../backend';
import {PredictionPlan} from './prediction-plan';
import {inferenceRuntime} from './inference-helper';

function random(n: number, seed: number, offset = -0.5): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 + offset;
  }
  return out;
}

/** model.predict of `count` samples on the cpu backend (weights move there and back). */
async function reference(model: tfl.LayersModel, x: Float32Array, count = 1): Promise<Float32Array> {
  const shape = [count, ...(model.inputs[0]!.shape.slice(1) as number[])];
  await tf.setBackend('cpu');
  try {
    return tf.tidy(() => (model.predict(tf.tensor(x, shape)) as tf.Tensor).dataSync() as Float32Array);
  } finally {
    await tf.setBackend('wasm');
  }
}

function assertClose(actual: Float32Array, expected: Float32Array, label: string): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  let scale = 0;
  for (const v of expected) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < actual.length; i++) {
    if (Number.isNaN(expected[i])) {
      assert.ok(Number.isNaN(actual[i]), `${label}[${i}]: ${actual[i]}, expected NaN`);
      continue;
    }
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= 1e-5 * Math.max(1, scale), `${label}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

async function checkPlan(model: tfl.LayersModel, label: string, prepared = false): Promise<PredictionPlan> {
  const plan = PredictionPlan.of(model);
  assert.ok(plan, `${label}: a plan`);
  if (prepared) plan.prepare();
  const inputs = 3;
  for (let s = 0; s < inputs; s++) {
    const x = random(plan.inputSize, 100 + s, s === 0 ? 0 : -0.5);
    assertClose(plan.predict(x), await reference(model, x), `${label}, input ${s}`);
  }
  // A batch across two chunks, with a short last one: every operation split by samples or columns.
  const count = plan.chunk + 7;
  const batch = random(count * plan.inputSize, 400);
  assertClose(plan.predictBatch(batch, count), await reference(model, batch, count), `${label}, batch of ${count}`);
  return plan;
}

test('setup: the wasm backend', async () => {
  await initBackend('wasm');
  assert.equal(tf.getBackend(), 'wasm');
});

test('a small reference-like CNN: the plan equals model.predict on cpu', async () => {
  const model = tfl.sequential({layers: [
    tfl.layers.conv2d({inputShape: [12, 12, 1], filters: 8, kernelSize: 3, activation: 'relu'}),
    tfl.layers.conv2d({filters: 12, kernelSize: 3, activation: 'relu'}),
    tfl.layers.conv2d({filters: 16, kernelSize: 3, padding: 'same', activation: 'relu'}),
    tfl.layers.flatten(),
    tfl.layers.dropout({rate: 0.5}),
    tfl.layers.dense({units: 64, activation: 'relu'}),
    tfl.layers.dense({units: 10, activation: 'softmax'}),
  ]});
  await checkPlan(model, 'small CNN, prepared', true);
  await checkPlan(model, 'small CNN');
  model.dispose();
});

test('operations big enough to split with the helper thread: Winograd tiles and sparse Dense products', async () => {
  assert.ok(inferenceRuntime().threaded || (await import('os')).cpus().length < 2, 'a helper thread on a multi-core machine');
  const model = tfl.sequential({layers: [
    // 144 tiles x 32 x 64 taps: split.
    tfl.layers.conv2d({inputShape: [26, 26, 32], filters: 64, kernelSize: 3, activation: 'relu',
      biasInitializer: tfl.initializers.constant({value: -0.3})}),
    tfl.layers.flatten(),
    // Mostly zero inputs (negative biases behind the ReLU), 64 columns: the sparse product, split.
    tfl.layers.dense({units: 64, activation: 'relu'}),
    tfl.layers.dense({units: 3}),
  ]});
  await checkPlan(model, 'split');
  model.dispose();
});

test('strides, dilation, same padding, pointwise convolutions, separate activations, reshapes', async () => {
  const input = tfl.input({shape: [15, 13, 3]});
  let t = tfl.layers.conv2d({filters: 6, kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'relu6'}).apply(input) as tfl.SymbolicTensor;
  t = tfl.layers.conv2d({filters: 5, kernelSize: 3, dilationRate: 2, useBias: false}).apply(t) as tfl.SymbolicTensor;
  t = tfl.layers.activation({activation: 'tanh'}).apply(t) as tfl.SymbolicTensor;
  t = tfl.layers.conv2d({filters: 4, kernelSize: 1, activation: 'sigmoid'}).apply(t) as tfl.SymbolicTensor;
  t = tfl.layers.reshape({targetShape: [4, 12]}).apply(t) as tfl.SymbolicTensor;
  t = tfl.layers.flatten().apply(t) as tfl.SymbolicTensor;
  // tanh/sigmoid outputs are rarely zero: a dense product, without bias.
  t = tfl.layers.dense({units: 7, useBias: false}).apply(t) as tfl.SymbolicTensor;
  t = tfl.layers.activation({activation: 'softmax'}).apply(t) as tfl.SymbolicTensor;
  const model = tfl.model({inputs: input, outputs: t});
  await checkPlan(model, 'mixed');
  model.dispose();
});

test('a plan follows new weights (setWeights), and keeps 0 * Inf = NaN', async () => {
  const model = tfl.sequential({layers: [
    tfl.layers.dense({inputShape: [300], units: 40, activation: 'relu'}),
    tfl.layers.dense({units: 5}),
  ]});
  const plan = await checkPlan(model, 'before');
  const [kernel, bias] = model.layers[0]!.getWeights();
  const k2 = random(300 * 40, 7);
  model.layers[0]!.setWeights([tf.tensor(k2, kernel!.shape), bias!]);
  const x = random(300, 3);
  assertClose(plan.predict(x), await reference(model, x), 'after setWeights');
  // An infinite weight on a zero input: the product is NaN, as a dense product gives.
  k2[5 * 40 + 2] = Infinity;
  model.layers[0]!.setWeights([tf.tensor(k2, kernel!.shape), bias!]);
  x.fill(0, 0, 200);
  const got = plan.predict(x);
  assertClose(got, await reference(model, x), 'infinite weight');
  assert.ok(got.some(Number.isNaN), 'NaN reaches the output');
  model.dispose();
});

test('Winograd with 4x4 tiles: partial tiles at the edges, same padding, and 2x2 tiles below 4 output pixels', async () => {
  const model = tfl.sequential({layers: [
    tfl.layers.conv2d({inputShape: [11, 9, 4], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu'}),
    tfl.layers.conv2d({filters: 12, kernelSize: 3, activation: 'relu'}),
    tfl.layers.conv2d({filters: 8, kernelSize: 3}),
    // 5 x 3 outputs: too narrow for a 4x4 tile.
    tfl.layers.conv2d({filters: 4, kernelSize: 3, activation: 'relu'}),
    tfl.layers.flatten(),
    tfl.layers.dense({units: 5}),
  ]});
  await checkPlan(model, '4x4 tiles');
  // The same with 2x2 tiles everywhere: both equal model.predict.
  process.env.KERAS_WORKBENCH_WINOGRAD4 = '0';
  try {
    await checkPlan(model, '2x2 tiles');
  } finally {
    delete process.env.KERAS_WORKBENCH_WINOGRAD4;
  }
  model.dispose();
});

test('big activations per sample make smaller chunks (bounded memory), with the same results', async () => {
  // 200 x 200 x 64 = 2.56 M floats after the first convolution: 3 samples per chunk.
  const model = tfl.sequential({layers: [
    tfl.layers.conv2d({inputShape: [200, 200, 1], filters: 64, kernelSize: 1, activation: 'relu'}),
    tfl.layers.conv2d({filters: 1, kernelSize: 5, strides: 5}),
    tfl.layers.flatten(),
    tfl.layers.dense({units: 3}),
  ]});
  const plan = PredictionPlan.of(model);
  assert.ok(plan);
  assert.equal(plan.chunk, 3);
  const count = 7;
  const batch = random(count * plan.inputSize, 500);
  assertClose(plan.predictBatch(batch, count), await reference(model, batch, count), 'chunks of 3');
  model.dispose();
});

test('models a plan cannot run get none (model.predict serves them)', () => {
  const pooled = tfl.sequential({layers: [
    tfl.layers.conv2d({inputShape: [8, 8, 1], filters: 4, kernelSize: 3}),
    tfl.layers.maxPooling2d({poolSize: 2}),
    tfl.layers.flatten(),
    tfl.layers.dense({units: 2}),
  ]});
  assert.equal(PredictionPlan.of(pooled), undefined);
  const a = tfl.input({shape: [4]});
  const b = tfl.layers.dense({units: 4}).apply(a) as tfl.SymbolicTensor;
  const sum = tfl.layers.add().apply([a, b]) as tfl.SymbolicTensor;
  assert.equal(PredictionPlan.of(tfl.model({inputs: a, outputs: sum})), undefined, 'a branch');
  const seq = tfl.sequential({layers: [tfl.layers.dense({inputShape: [3, 4], units: 2})]});
  assert.equal(PredictionPlan.of(seq), undefined, 'Dense over a rank-3 input');
  const elu = tfl.sequential({layers: [tfl.layers.dense({inputShape: [4], units: 2, activation: 'elu'})]});
  assert.equal(PredictionPlan.of(elu), undefined, 'an activation the plan does not run');
  tf.dispose([pooled, seq, elu].flatMap((m) => m.getWeights()));
});
