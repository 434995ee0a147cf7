/**
 * The explanation module against independent judges: Keras's own intermediate outputs (the Keras 3
 * kit loading the .keras file our writer wrote), central finite differences of the class score,
 * integrated gradients' completeness, and a NumPy Grad-CAM from the model's weights.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import {initBackend} from '../backend';
import {saveModel, saveTarget} from '../../formats';
import {readNpz} from '../data/npy';
import {encodeNpz} from './render';
import {registerKerasCompatLayers} from '../../keras/config-layers';
import {normalizeModelConfig, type Json} from '../../keras/config';
import {KERAS3, needKit, runInKit} from '../../test-support/kits';
import {tempDir} from '../../test-support/fixtures';
import {referenceModel} from '../../bench/reference-model';
import {loadMnist} from '../../bench/mnist';
import {activationNames, computeActivations, COMPLETENESS_BOUND, ExplainError, explain, explainBatch, type LayerActivation} from '.';

const ORACLE = path.join(__dirname, 'testdata', 'keras_oracle.py');

/** Random weights, seeded; variances positive (BatchNormalization). */
function randomize(model: tfl.LayersModel, seed: number, scale = 0.5): void {
  model.setWeights(model.weights.map((w, i) => /variance$/.test(w.originalName) ? tf.randomUniform(w.shape as number[], 0.5, 2, 'float32', seed + i)
    : tf.randomNormal(w.shape as number[], 0, scale, 'float32', seed + i)));
}

/** Embedding -> LSTM -> BatchNormalization -> MultiHeadAttention + residual Add -> MaxPooling1D -> SimpleRNN -> Dense(softmax). */
async function sequenceModel(): Promise<tfl.LayersModel> {
  registerKerasCompatLayers();
  const link = (name: string, kwargs: Record<string, Json> = {}) => [name, 0, 0, kwargs] as Json[];
  const layer = (class_name: string, name: string, inbound: Json[][], config: Record<string, Json>) => ({class_name, name, inbound_nodes: inbound.length ? [inbound] : [], config: {name, ...config}});
  const keras2 = {
    class_name: 'Functional',
    config: {
      name: 'sequence', input_layers: [['tokens', 0, 0]], output_layers: [['classes', 0, 0]],
      layers: [
        layer('InputLayer', 'tokens', [], {batch_input_shape: [null, 8], dtype: 'float32'}),
        layer('Embedding', 'embedding', [link('tokens')], {input_dim: 20, output_dim: 6}),
        layer('LSTM', 'lstm', [link('embedding')], {units: 6, return_sequences: true, recurrent_activation: 'sigmoid'}),
        layer('BatchNormalization', 'batch_norm', [link('lstm')], {}),
        layer('MultiHeadAttention', 'attention', [link('batch_norm', {value: ['batch_norm', 0, 0]})], {num_heads: 2, key_dim: 3}),
        layer('Add', 'residual', [link('batch_norm'), link('attention')], {}),
        layer('MaxPooling1D', 'pool', [link('residual')], {pool_size: 2}),
        layer('SimpleRNN', 'rnn', [link('pool')], {units: 5}),
        layer('Dense', 'classes', [link('rnn')], {units: 3, activation: 'softmax'}),
      ],
    },
  };
  const {config} = normalizeModelConfig(keras2, {file: 'sequence.json', kerasVersion: '2.15.0'});
  const model = await tfl.models.modelFromJSON({modelTopology: config} as never);
  randomize(model, 7);
  return model;
}

/** Conv2D -> BatchNormalization -> MaxPooling2D -> AveragePooling2D -> Flatten -> Dense(sigmoid). */
function imageModel(): tfl.LayersModel {
  const model = tfl.sequential({layers: [
    tfl.layers.conv2d({inputShape: [12, 12, 2], filters: 4, kernelSize: 3, activation: 'relu', name: 'conv'}),
    tfl.layers.batchNormalization({name: 'batch_norm'}),
    tfl.layers.maxPooling2d({poolSize: 2, name: 'max_pool'}),
    tfl.layers.averagePooling2d({poolSize: 2, name: 'average_pool'}),
    tfl.layers.flatten({name: 'flatten'}),
    tfl.layers.dense({units: 2, activation: 'sigmoid', name: 'out'}),
  ]});
  randomize(model, 3);
  return model;
}

function mnistSample(index = 0): tf.Tensor {
  const set = loadMnist('t10k', index + 1);
  return tf.tensor(set.images.slice(index * 784, (index + 1) * 784), [1, 28, 28, 1]);
}

/** Writes the model as .keras with our writer and the inputs as input_i, and runs the Keras oracle. */
async function kerasOracle(model: tfl.LayersModel, inputs: tf.Tensor[], jobs: Array<Record<string, unknown>>): Promise<Map<string, Float32Array>> {
  const dir = tempDir();
  try {
    const file = path.join(dir, 'model.keras');
    await saveModel(model, saveTarget(file, {includeOptimizer: false}));
    const inputsFile = path.join(dir, 'inputs.npz');
    fs.writeFileSync(inputsFile, encodeNpz(inputs.map((t, i) => ({name: `input_${i}`, values: t.dataSync() as Float32Array, shape: t.shape}))));
    const out = path.join(dir, 'out.npz');
    const jobsFile = path.join(dir, 'jobs.json');
    fs.writeFileSync(jobsFile, JSON.stringify(jobs));
    runInKit(KERAS3, [ORACLE, file, inputsFile, out, jobsFile]);
    const arrays = readNpz(out);
    return new Map([...arrays].map(([k, v]) => [k, Float32Array.from(v.data as ArrayLike<number>)]));
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

/** max |a - b| / max |b|. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length, 'sizes differ');
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return diff / Math.max(scale, 1e-30);
}

function compareActivations(label: string, ours: LayerActivation[], keras: Map<string, Float32Array>): void {
  assert.deepEqual(ours.map((a) => a.name).sort(), [...keras.keys()].sort(), `${label}: the same layers`);
  for (const a of ours) {
    const error = relativeError(a.values, keras.get(a.name)!);
    assert.ok(error <= 1e-5, `${label}: ${a.name} (${a.className}) differs from Keras by ${error.toExponential(2)} relative`);
  }
}

async function compareWithKeras(label: string, model: tfl.LayersModel, inputs: tf.Tensor[]): Promise<void> {
  compareActivations(label, await computeActivations(model, inputs), await kerasOracle(model, inputs, [{job: 'activations'}]));
}

test('Keras\'s intermediate outputs equal our activations: Embedding, LSTM, BatchNormalization, MultiHeadAttention, pooling, SimpleRNN', async (t) => {
  if (!needKit(t, KERAS3)) return;
  await initBackend('wasm');
  const sequence = await sequenceModel();
  const tokens = tf.tensor([[3, 1, 19, 7, 7, 0, 12, 5]], [1, 8]);
  await compareWithKeras('sequence model', sequence, [tokens]);
  await compareWithKeras('image model', imageModel(), [tf.randomNormal([1, 12, 12, 2], 0, 1, 'float32', 9)]);
});

test('activations: one forward pass over every layer, a chosen few, nested models\' inner layers, refusals', async () => {
  await initBackend('wasm');
  const inner = tfl.sequential({name: 'inner', layers: [tfl.layers.dense({inputShape: [4], units: 3, activation: 'tanh', name: 'inner_dense'}), tfl.layers.dense({units: 2, name: 'inner_out'})]});
  const x = tfl.input({shape: [4], name: 'x'});
  const hidden = inner.apply(x) as tfl.SymbolicTensor;
  const out = tfl.layers.dense({units: 2, activation: 'softmax', name: 'head'}).apply(hidden) as tfl.SymbolicTensor;
  const model = tfl.model({inputs: x, outputs: out});
  randomize(model, 11);
  assert.deepEqual(activationNames(model), ['inner', 'inner/inner_dense', 'inner/inner_out', 'head']);
  const sample = tf.tensor([[0.5, -1, 2, 0.25]]);
  const acts = await computeActivations(model, sample);
  const byName = new Map(acts.map((a) => [a.name, a]));
  assert.deepEqual(Array.from(byName.get('inner/inner_out')!.values), Array.from(byName.get('inner')!.values), 'the nested model\'s output is its last inner layer\'s');
  const expected = (model.predict(sample) as tf.Tensor).dataSync();
  assert.ok(relativeError(byName.get('head')!.values, expected) < 1e-6);
  const few = await computeActivations(model, tf.tensor([0.5, -1, 2, 0.25]), {layers: ['head']});
  assert.deepEqual(few.map((a) => a.name), ['head'], 'a sample without its batch axis, one layer');
  await assert.rejects(computeActivations(model, sample, {layers: ['nope']}), (e: Error) => e instanceof ExplainError && /layer: no layer 'nope' in the model \(layers: inner, inner\/inner_dense/.test(e.message));
  await assert.rejects(computeActivations(model, tf.zeros([1, 5])), /sample: a sample of shape \(5,\) does not fit the model's input \(4,\)/);
  await assert.rejects(computeActivations(model, tf.zeros([2, 4])), /one sample, got a batch of 2/);
  await assert.rejects(computeActivations(model, tf.tensor([[0, NaN, 0, 0]])), /sample: holds NaN/);
});

test('the reference CNN against Keras and NumPy: activations, saliency = float64 finite differences of the score before the softmax, Grad-CAM from the weights', async (t) => {
  await initBackend('wasm');
  const model = referenceModel();
  // Non-zero biases, as in a trained model: with zero biases every unit over a blank background
  // sits exactly on its ReLU's kink, where the score has no derivative to compare with.
  model.setWeights(model.weights.map((w, i) => /bias/.test(w.originalName) ? tf.randomNormal(w.shape as number[], 0, 0.05, 'float32', 50 + i) : w.read()));
  const x = mnistSample(3);
  const acts = await computeActivations(model, x);
  assert.deepEqual(acts.map((a) => [a.name, a.className, a.shape]), model.layers.map((l, i) => [l.name, l.getClassName(), [[26, 26, 32], [24, 24, 64], [22, 22, 128], [61952], [256], [10]][i]]));
  assert.ok(acts[0]!.stats.min >= 0 && acts[0]!.stats.zeroFraction > 0 && acts[0]!.stats.zeroFraction < 1, 'ReLU outputs: non-negative, some zeros');
  const saliency = await explain(model, x, {method: 'saliency'});
  assert.equal(saliency.scoreKind, 'before-softmax');
  assert.deepEqual(saliency.shape, [28, 28, 1]);
  const probabilities = (model.predict(x) as tf.Tensor).dataSync();
  assert.equal(saliency.classIndex, probabilities.indexOf(Math.max(...probabilities)), 'default class: the predicted one');
  assert.ok(Math.abs(saliency.probability! - probabilities[saliency.classIndex]!) < 1e-5, 'probability from the scores = the model\'s softmax output');
  // The scores of the other classes reproduce the softmax: log(p_j / p_k) = score_j - score_k.
  const other = (saliency.classIndex + 1) % 10;
  const otherScore = (await explain(model, x, {method: 'saliency', classIndex: other})).score;
  assert.ok(Math.abs((otherScore - saliency.score) - Math.log(probabilities[other]! / probabilities[saliency.classIndex]!)) < 1e-3);
  const cams = [await explain(model, x, {method: 'gradcam'}), await explain(model, x, {method: 'gradcam', classIndex: other})];
  for (const cam of cams) {
    assert.equal(cam.layer, model.layers[2]!.name, 'default: the last layer with spatial output');
    assert.deepEqual(cam.shape, [22, 22]);
  }
  assert.deepEqual((await explain(model, x, {method: 'gradcam', layer: model.layers[0]!.name})).shape, [26, 26]);
  if (!needKit(t, KERAS3)) return;
  // The 24 largest gradients (small ones say little about a relative error), against differences
  // of the score computed in float64 from the same weights, with a step far below a pixel's range.
  const g = saliency.attribution;
  const positions = Array.from(g.keys()).sort((a, b) => Math.abs(g[b]!) - Math.abs(g[a]!)).slice(0, 24);
  const keras = await kerasOracle(model, [x], [
    {job: 'activations'},
    {job: 'differences', class: saliency.classIndex, step: 1e-5, positions},
    ...cams.map((cam) => ({job: 'gradcam', layer: cam.layer, class: cam.classIndex})),
  ]);
  compareActivations('reference CNN', acts, new Map([...keras].filter(([k]) => !/^(differences|gradcam)_/.test(k))));
  const differences = keras.get(`differences_${saliency.classIndex}`)!;
  positions.forEach((p, k) => {
    assert.ok(Math.abs(differences[k]! - g[p]!) <= 0.02 * Math.abs(g[p]!), `position ${p}: gradient ${g[p]}, finite difference ${differences[k]}`);
  });
  for (const cam of cams) {
    const numpy = keras.get(`gradcam_${cam.classIndex}`)!;
    const maxOurs = Math.max(...cam.attribution);
    const maxNumpy = Math.max(...numpy);
    assert.ok(maxOurs > 0 && maxNumpy > 0, `class ${cam.classIndex}: a map with positive values`);
    let worst = 0;
    for (let i = 0; i < numpy.length; i++) worst = Math.max(worst, Math.abs(cam.attribution[i]! / maxOurs - numpy[i]! / maxNumpy));
    assert.ok(worst <= 1e-4, `Grad-CAM of class ${cam.classIndex}: normalised maps differ by ${worst}`);
  }
});

test('integrated gradients meet the completeness bound on the reference model for every baseline; fixed steps report their error', async () => {
  await initBackend('wasm');
  const model = referenceModel();
  const x = mnistSample(1);
  for (const baseline of ['zeros', 'mean', 'blur'] as const) {
    const r = await explain(model, x, {method: 'integrated-gradients', baseline});
    assert.deepEqual(r.shape, [28, 28, 1]);
    assert.equal(r.baseline, baseline);
    // Recomputed here: the attributions' sum against the scores of the input and of the baseline.
    const sum = r.attribution.reduce((a, b) => a + b, 0);
    const difference = r.score - r.baselineScore!;
    const error = Math.abs(sum - difference) / Math.abs(difference);
    assert.ok(error <= COMPLETENESS_BOUND, `${baseline}: completeness error ${error} after ${r.steps} steps`);
    assert.ok(Math.abs(error - r.completenessError!) < 1e-3, `${baseline}: reported ${r.completenessError}, recomputed ${error}`);
  }
  const zeros = await explainBatch(model, tf.zeros([1, 28, 28, 1]), {method: 'saliency'});
  const r = await explain(model, x, {method: 'integrated-gradients', classIndex: zeros[0]!.classIndex});
  assert.ok(Math.abs(r.baselineScore! - zeros[0]!.score) < 1e-4, 'score(baseline) is the model\'s score of the zero input');
  const fixed = await explain(model, x, {method: 'integrated-gradients', steps: 2});
  assert.equal(fixed.steps, 2);
  assert.ok(Number.isFinite(fixed.completenessError));
});

test('SmoothGrad: seeded, averages the noisy copies\' gradients; batches give each sample\'s own explanation', async () => {
  await initBackend('wasm');
  const model = imageModel();
  const x = tf.randomUniform([3, 12, 12, 2], 0, 1, 'float32', 4);
  const a = await explain(model, tf.slice(x, [0], [1]), {method: 'smoothgrad', seed: 5, samples: 8});
  const b = await explain(model, tf.slice(x, [0], [1]), {method: 'smoothgrad', seed: 5, samples: 8});
  assert.deepEqual(Array.from(a.attribution), Array.from(b.attribution), 'same seed, same result');
  assert.equal(a.samples, 8);
  const none = await explain(model, tf.slice(x, [0], [1]), {method: 'smoothgrad', noiseFraction: 0, samples: 3});
  const saliency = await explain(model, tf.slice(x, [0], [1]), {method: 'saliency'});
  const gap = relativeError(none.attribution, saliency.attribution);
  assert.ok(gap < 1e-4, `without noise SmoothGrad is saliency (${gap})`);
  assert.equal(saliency.scoreKind, 'before-sigmoid');
  assert.ok(Math.abs(saliency.probability! - 1 / (1 + Math.exp(-saliency.score))) < 1e-6);
  for (const method of ['saliency', 'integrated-gradients', 'gradcam'] as const) {
    const batch = await explainBatch(model, x, {method, classIndex: 1});
    assert.equal(batch.length, 3);
    for (let i = 0; i < 3; i++) {
      const single = await explain(model, tf.slice(x, [i], [1]), {method, classIndex: 1, ...(method === 'integrated-gradients' ? {steps: batch[i]!.steps} : {})});
      assert.ok(relativeError(batch[i]!.attribution, single.attribution) < 1e-4, `${method}: sample ${i} of a batch = the sample alone`);
    }
  }
});

test('sequence models: attributions per time step and feature; integer token inputs are explained from the Embedding output, and say so', async () => {
  await initBackend('wasm');
  const model = await sequenceModel();
  const tokens = tf.tensor([[3, 1, 19, 7, 7, 0, 12, 5]], [1, 8]);
  const r = await explain(model, tokens, {method: 'integrated-gradients'});
  assert.deepEqual(r.shape, [8, 6], 'Embedding output: (steps, embedding units)');
  assert.equal(r.layer, 'embedding');
  assert.match(r.note!, /integer token ids.*Embedding layer 'embedding'/);
  assert.ok(r.completenessError! <= COMPLETENESS_BOUND, `completeness error ${r.completenessError} after ${r.steps} steps`);
  const steps = tfl.sequential({layers: [tfl.layers.lstm({inputShape: [5, 3], units: 4, name: 'lstm'}), tfl.layers.dense({units: 2, name: 'out'})]});
  randomize(steps, 21);
  const series = tf.randomNormal([1, 5, 3], 0, 1, 'float32', 2);
  const s = await explain(steps, series, {method: 'saliency'});
  assert.deepEqual(s.shape, [5, 3]);
  assert.equal(s.scoreKind, 'output', 'a linear output is its own score');
  assert.equal(s.probability, undefined);
  await assert.rejects(explain(steps, series, {method: 'gradcam'}), /layer: the model has no layer with spatial output/);
  const mlp = tfl.sequential({layers: [tfl.layers.dense({inputShape: [4], units: 3, name: 'hidden'}), tfl.layers.dense({units: 2, name: 'out2'})]});
  await assert.rejects(explain(mlp, tf.zeros([1, 4]), {method: 'gradcam'}), /layer: the model has no layer with spatial output/);
});

test('several inputs and outputs: chosen by name or index, refused without a choice; the same numbers on the cpu backend', async () => {
  await initBackend('wasm');
  const image = tfl.input({shape: [6, 6, 1], name: 'image'});
  const extra = tfl.input({shape: [3], name: 'extra'});
  const conv = tfl.layers.conv2d({filters: 2, kernelSize: 3, activation: 'relu', name: 'conv'}).apply(image) as tfl.SymbolicTensor;
  const flat = tfl.layers.flatten({name: 'flat'}).apply(conv) as tfl.SymbolicTensor;
  const joined = tfl.layers.concatenate({name: 'joined'}).apply([flat, extra]) as tfl.SymbolicTensor;
  const kind = tfl.layers.dense({units: 3, activation: 'softmax', name: 'kind'}).apply(joined) as tfl.SymbolicTensor;
  const size = tfl.layers.dense({units: 1, name: 'size'}).apply(joined) as tfl.SymbolicTensor;
  const model = tfl.model({inputs: [image, extra], outputs: [kind, size]});
  randomize(model, 31);
  const inputs = [tf.randomUniform([1, 6, 6, 1], 0, 1, 'float32', 1), tf.randomUniform([1, 3], 0, 1, 'float32', 2)];
  await assert.rejects(explain(model, inputs, {method: 'saliency', input: 'image'}), /output: the model has 2 outputs \(kind, size\); choose one by name or index/);
  await assert.rejects(explain(model, inputs, {method: 'saliency', output: 'kind'}), /input: the model has 2 inputs \(image, extra\); choose one/);
  await assert.rejects(explain(model, inputs, {method: 'saliency', output: 'nope', input: 0}), /output: no output named 'nope'/);
  await assert.rejects(explain(model, inputs, {method: 'saliency', output: 5, input: 0}), /output: output 5 does not exist: the model has outputs 0 to 1/);
  await assert.rejects(explain(model, inputs, {method: 'saliency', output: 'kind', input: 0, classIndex: 3}), /class: 3 is outside the output 'kind' \(classes 0 to 2\)/);
  await assert.rejects(explain(model, inputs, {method: 'gradcam', output: 'kind', layer: 'flat'}), /layer: 'flat' has output shape \(None, 32\), not spatial.*such layers: conv/);
  await assert.rejects(explain(model, inputs, {method: 'gradcam', output: 'kind', layer: 'missing'}), /layer: no layer 'missing' in the model/);
  const byName = await explain(model, inputs, {method: 'saliency', output: 'kind', input: 'extra'});
  const byIndex = await explain(model, inputs, {method: 'saliency', output: 0, input: 1});
  assert.deepEqual(byName.shape, [3]);
  assert.deepEqual(Array.from(byName.attribution), Array.from(byIndex.attribution));
  const size1 = await explain(model, inputs, {method: 'saliency', output: 'size', input: 'image'});
  assert.equal(size1.scoreKind, 'output');
  assert.deepEqual(size1.shape, [6, 6, 1]);
  const cam = await explain(model, inputs, {method: 'gradcam', output: 'size'});
  assert.equal(cam.layer, 'conv');
  assert.ok(await tf.setBackend('cpu'));
  try {
    const onCpu = await explain(model, inputs, {method: 'saliency', output: 'size', input: 'image'});
    assert.ok(relativeError(onCpu.attribution, size1.attribution) < 1e-4, 'cpu and wasm agree');
  } finally {
    await tf.setBackend('wasm');
  }
});

test('NaN weights and bad settings are refused by name', async () => {
  await initBackend('wasm');
  const model = imageModel();
  const x = tf.zeros([1, 12, 12, 2]);
  await assert.rejects(explain(model, x, {method: 'integrated-gradients', steps: 0}), /steps: needs a whole number from 1 to 4096, got 0/);
  await assert.rejects(explain(model, x, {method: 'nope' as never}), /method: 'nope' is not a method/);
  await assert.rejects(explain(model, x, {method: 'integrated-gradients', baseline: 'ones' as never}), /baseline: 'ones' is not a baseline/);
  const weights = model.getWeights();
  const broken = weights.map((w, i) => i === 0 ? tf.fill(w.shape, NaN) : w);
  const copy = imageModel();
  copy.setWeights(broken);
  await assert.rejects(explain(copy, x, {method: 'saliency'}), /model: the weight 'conv\/kernel' holds NaN or infinite values/);
});

test('wrappers: Bidirectional and TimeDistributed outputs are activations; a TimeDistributed softmax is explained before it', async () => {
  await initBackend('wasm');
  const model = tfl.sequential({layers: [
    tfl.layers.bidirectional({layer: tfl.layers.lstm({units: 3, returnSequences: true}) as never, inputShape: [4, 2], name: 'both_ways'}),
    tfl.layers.timeDistributed({layer: tfl.layers.dense({units: 3, activation: 'softmax'}), name: 'per_step'}),
  ]});
  randomize(model, 41);
  const x = tf.randomNormal([1, 4, 2], 0, 1, 'float32', 6);
  const acts = await computeActivations(model, x);
  assert.deepEqual(acts.map((a) => [a.name, a.className, a.shape]), [['both_ways', 'Bidirectional', [4, 6]], ['per_step', 'TimeDistributed', [4, 3]]]);
  const expected = (model.predict(x) as tf.Tensor).dataSync();
  assert.ok(relativeError(acts[1]!.values, expected) < 1e-6);
  const r = await explain(model, x, {method: 'saliency', classIndex: 5});
  assert.equal(r.scoreKind, 'before-softmax');
  assert.deepEqual(r.shape, [4, 2]);
  // Class 5 of the flattened (4, 3) output: step 1, class 2; its probability is that step's softmax.
  assert.ok(Math.abs(r.probability! - expected[5]!) < 1e-5, `probability ${r.probability}, output ${expected[5]}`);
  const ig = await explain(model, x, {method: 'integrated-gradients', classIndex: 5});
  assert.ok(ig.completenessError! <= COMPLETENESS_BOUND, `completeness ${ig.completenessError}`);
});
