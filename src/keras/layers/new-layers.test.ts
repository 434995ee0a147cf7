/**
 * The Keras layers TensorFlow.js never implemented (Attention, AdditiveAttention,
 * MultiHeadAttention, GroupNormalization, UnitNormalization, Normalization, Discretization,
 * Bidirectional with its own backward layer): each layer, on random weights and inputs, against
 * an independent NumPy implementation of Keras's formula (new-layers-reference.py), on the
 * cpu and wasm backends; a training step through each trainable one; and the round trip through
 * .h5, .keras and the TensorFlow.js folder with Keras's weight names.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../../engine/backend';
import {formatSummary, summarize} from '../../engine/summary';
import {KERAS_FIXTURES, SYSTEM_PYTHON, hasPythonModule, runPython, tempDir} from '../../test-support/fixtures';
import {execFileSync} from 'child_process';
import {registerKerasCompatLayers} from '../config-layers';
import {normalizeModelConfig, type Json, type JsonObject} from '../config';
import {loadModel, modelFromArtifacts, readArtifacts, saveModel} from '../../formats';

const REFERENCE = path.join(__dirname, 'new-layers-reference.py');

interface LayerCase {
  name: string;
  layer: {class_name: string; config: JsonObject};
  /** Input shapes without the batch dimension; the batch is 3. */
  inputs: number[][];
  /** Call keyword arguments recorded in the graph (use_causal_mask). */
  call?: JsonObject;
  /** Input values: 'normal' (default) or 'grid' for bucketing. */
  values?: 'normal' | 'grid';
  trainable?: boolean;
}

const CASES: LayerCase[] = [
  {name: 'attention_dot_scaled_qvk', layer: {class_name: 'Attention', config: {use_scale: true, score_mode: 'dot'}}, inputs: [[4, 5], [6, 3], [6, 5]], trainable: true},
  {name: 'attention_concat_causal', layer: {class_name: 'Attention', config: {use_scale: true, score_mode: 'concat'}}, inputs: [[5, 4], [5, 4]], call: {use_causal_mask: true}, trainable: true},
  {name: 'attention_tf_keras_2_causal', layer: {class_name: 'Attention', config: {causal: true}}, inputs: [[4, 3], [4, 3]]},
  {name: 'additive_attention', layer: {class_name: 'AdditiveAttention', config: {use_scale: true}}, inputs: [[4, 5], [6, 5]], trainable: true},
  {name: 'additive_attention_qvk_causal', layer: {class_name: 'AdditiveAttention', config: {use_scale: true}}, inputs: [[5, 3], [5, 4], [5, 3]], call: {use_causal_mask: true}},
  {name: 'multi_head_attention', layer: {class_name: 'MultiHeadAttention', config: {num_heads: 2, key_dim: 3, value_dim: 4}}, inputs: [[5, 6], [4, 7], [4, 5]], trainable: true},
  {name: 'multi_head_attention_self_causal', layer: {class_name: 'MultiHeadAttention', config: {num_heads: 3, key_dim: 2, use_bias: false}}, inputs: [[5, 6], [5, 6]], call: {use_causal_mask: true}},
  {name: 'group_normalization', layer: {class_name: 'GroupNormalization', config: {groups: 2, epsilon: 1e-3}}, inputs: [[4, 3, 6]], trainable: true},
  {name: 'group_normalization_axis1', layer: {class_name: 'GroupNormalization', config: {groups: 3, axis: 1, center: false}}, inputs: [[6, 5]]},
  {name: 'unit_normalization', layer: {class_name: 'UnitNormalization', config: {axis: -1}}, inputs: [[3, 5]]},
  {name: 'unit_normalization_2axes', layer: {class_name: 'UnitNormalization', config: {axis: [1, 2]}}, inputs: [[3, 5]]},
  {name: 'normalization_adapted', layer: {class_name: 'Normalization', config: {axis: -1}}, inputs: [[3, 4]]},
  {name: 'normalization_given_invert', layer: {class_name: 'Normalization', config: {axis: -1, mean: [0.5, -1, 2], variance: [4, 0.25, 0], invert: true}}, inputs: [[2, 3]]},
  {name: 'normalization_scalar_mean', layer: {class_name: 'Normalization', config: {axis: null, mean: 1.5, variance: 2}}, inputs: [[2, 3]]},
  {name: 'discretization_int', layer: {class_name: 'Discretization', config: {bin_boundaries: [-1, 0, 0.5, 2], output_mode: 'int'}}, inputs: [[6]], values: 'grid'},
  {name: 'discretization_one_hot', layer: {class_name: 'Discretization', config: {bin_boundaries: [-1, 0, 0.5], output_mode: 'one_hot'}}, inputs: [[1]], values: 'grid'},
  {name: 'discretization_count', layer: {class_name: 'Discretization', config: {bin_boundaries: [-0.5, 0.5], output_mode: 'count'}}, inputs: [[6]], values: 'grid'},
  {name: 'discretization_multi_hot', layer: {class_name: 'Discretization', config: {bin_boundaries: [-0.5, 0.5], output_mode: 'multi_hot'}}, inputs: [[6]], values: 'grid'},
  {
    name: 'bidirectional_lstm_backward_gru',
    layer: {class_name: 'Bidirectional', config: {
      merge_mode: 'concat',
      layer: {class_name: 'LSTM', config: {name: 'forward_lstm', units: 3, return_sequences: true, recurrent_activation: 'sigmoid'}},
      backward_layer: {class_name: 'GRU', config: {name: 'backward_gru', units: 2, return_sequences: true, go_backwards: true, reset_after: true, recurrent_activation: 'sigmoid'}},
    }},
    inputs: [[5, 4]], trainable: true,
  },
  {
    name: 'bidirectional_sum_last_state',
    layer: {class_name: 'Bidirectional', config: {
      merge_mode: 'sum',
      layer: {class_name: 'GRU', config: {name: 'forward_gru', units: 3, reset_after: true, recurrent_activation: 'sigmoid'}},
      backward_layer: {class_name: 'LSTM', config: {name: 'backward_lstm', units: 3, go_backwards: true, recurrent_activation: 'sigmoid'}},
    }},
    inputs: [[4, 2]],
  },
];

/** A tf.keras 2 functional config: inputs -> the layer (Keras 2 inbound-node form, MHA with value/key by keyword). */
function functionalConfig(c: LayerCase): JsonObject {
  const inputNames = c.inputs.map((_, i) => `in_${i}`);
  const kwargs: JsonObject = {...c.call};
  let node: Json[];
  if (c.layer.class_name === 'MultiHeadAttention') {
    // tf.keras 2 records mha(query, value, key) with value and key as keyword tensors.
    if (inputNames[1]) kwargs.value = [inputNames[1], 0, 0];
    if (inputNames[2]) kwargs.key = [inputNames[2], 0, 0];
    node = [[inputNames[0], 0, 0, kwargs]];
  } else {
    node = inputNames.map((n) => [n, 0, 0, kwargs]);
  }
  return {
    class_name: 'Functional',
    config: {
      name: c.name,
      layers: [
        ...c.inputs.map((shape, i) => ({class_name: 'InputLayer', name: inputNames[i], inbound_nodes: [],
          config: {name: inputNames[i], batch_input_shape: [null, ...shape], dtype: 'float32'}})),
        {class_name: c.layer.class_name, name: 'layer', config: {name: 'layer', ...c.layer.config}, inbound_nodes: [node]},
      ],
      input_layers: inputNames.map((n) => [n, 0, 0]),
      output_layers: [['layer', 0, 0]],
    },
  };
}

async function buildCase(c: LayerCase): Promise<tfl.LayersModel> {
  registerKerasCompatLayers();
  const {config} = normalizeModelConfig(functionalConfig(c), {file: `${c.name}.json`, kerasVersion: '2.15.0'});
  return tfl.models.modelFromJSON({modelTopology: config} as never);
}

function caseInputs(c: LayerCase, seed: number): tf.Tensor[] {
  return c.inputs.map((shape, i) => {
    if (c.values === 'grid') {
      const n = 3 * shape.reduce((a, b) => a * b, 1);
      // Values on and between the boundaries, boundaries themselves included.
      return tf.tensor(Array.from({length: n}, (_, j) => -2 + (j * 0.25) % 4.5), [3, ...shape]);
    }
    return tf.randomNormal([3, ...shape], 0, 1, 'float32', seed + i);
  });
}

/** Random weights (variance >= 0 for Normalization), seeded per case. */
function randomWeights(model: tfl.LayersModel, seed: number): tf.Tensor[] {
  return model.getWeights().map((w, i) => {
    const name = model.weights[i].originalName;
    if (/variance$/.test(name)) return tf.randomUniform(w.shape, 0.1, 3, 'float32', seed + i);
    if (/count$/.test(name)) return tf.scalar(10);
    return tf.randomNormal(w.shape, 0, 0.7, 'float32', seed + i);
  });
}

async function toJsonArray(t: tf.Tensor): Promise<{shape: number[]; data: number[]}> {
  return {shape: t.shape, data: Array.from(await t.data())};
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length, 'output sizes differ');
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

async function withBackend<T>(name: 'cpu' | 'wasm', run: () => Promise<T>): Promise<T> {
  await initBackend('wasm');
  await import('@tensorflow/tfjs-backend-cpu');
  const previous = tf.getBackend();
  await tf.setBackend(name);
  try {
    return await run();
  } finally {
    await tf.setBackend(previous);
  }
}

const numpy = hasPythonModule('numpy');

test('each new layer matches the NumPy re-implementation of Keras on cpu and wasm', {skip: !numpy && 'python3-numpy not installed'}, async () => {
  const dir = tempDir();
  try {
    const report: string[] = [];
    const failures: string[] = [];
    for (const backend of ['cpu', 'wasm'] as const) {
      const cases: JsonObject[] = [];
      const ours = new Map<string, Float32Array | Int32Array>();
      await withBackend(backend, async () => {
        for (const [k, c] of CASES.entries()) {
          const model = await buildCase(c);
          const weights = randomWeights(model, 1000 * k);
          model.setWeights(weights);
          const xs = caseInputs(c, 50 * k);
          const y = model.predict(xs.length === 1 ? xs[0] : xs) as tf.Tensor;
          ours.set(c.name, (await y.data()) as Float32Array);
          cases.push({
            name: c.name, layer: c.layer, call: c.call ?? {},
            weights: await Promise.all(weights.map(toJsonArray)), inputs: await Promise.all(xs.map(toJsonArray)),
          } as unknown as JsonObject);
          tf.dispose([...weights, ...xs, y]);
          model.dispose();
        }
      });
      const file = path.join(dir, `${backend}.json`);
      fs.writeFileSync(file, JSON.stringify(cases));
      const reference = JSON.parse(execFileSync(SYSTEM_PYTHON, [REFERENCE, file], {encoding: 'utf8', maxBuffer: 64 << 20})) as Record<string, number[]>;
      for (const c of CASES) {
        const diff = maxAbsDiff(ours.get(c.name)!, reference[c.name]);
        report.push(`${backend} ${c.name}: max |ours - numpy| = ${diff.toExponential(2)}`);
        if (!(diff < 2e-5)) failures.push(`${backend} ${c.name}: max abs difference ${diff} from the NumPy reference`);
      }
    }
    console.log(report.join('\n'));
    assert.deepEqual(failures, []);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('gradients flow through each trainable new layer on cpu and wasm (one SGD step lowers the loss)', async () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    await withBackend(backend, async () => {
      for (const [k, c] of CASES.entries()) {
        if (!c.trainable) continue;
        const model = await buildCase(c);
        model.setWeights(randomWeights(model, 7 * k + 1));
        const xs = caseInputs(c, 3 * k);
        const target = tf.randomNormal((model.outputs[0].shape as number[]).map((d) => d ?? 3), 0, 1, 'float32', 99);
        model.compile({optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError'});
        const before = model.getWeights().map((w) => w.dataSync().slice());
        const first = await model.fit(xs.length === 1 ? xs[0] : xs, target, {epochs: 3, batchSize: 3, verbose: 0, shuffle: false})
          .catch((e: Error) => { throw new Error(`${backend} ${c.name}: ${e.message}`); });
        const losses = first.history.loss as number[];
        assert.ok(losses.every(Number.isFinite), `${backend} ${c.name}: loss ${losses}`);
        assert.ok(losses[2] < losses[0], `${backend} ${c.name}: loss did not decrease (${losses.join(', ')})`);
        const after = model.getWeights();
        after.forEach((w, i) => {
          if (!model.weights[i].trainable) return;
          assert.ok(maxAbsDiff(w.dataSync(), before[i]) > 0, `${backend} ${c.name}: weight ${model.weights[i].originalName} did not change`);
        });
        model.dispose();
      }
    });
  }
});

const h5py = numpy && hasPythonModule('h5py');

test('each new layer survives .h5, .keras and the TensorFlow.js folder; Keras\'s layout of the .h5/.keras computes our numbers', {skip: !h5py && 'python3-h5py not installed'}, async () => {
  const dir = tempDir();
  const report: string[] = [];
  try {
    await withBackend('cpu', async () => {
      for (const [k, c] of CASES.entries()) {
        const model = await buildCase(c);
        model.setWeights(randomWeights(model, 500 + k));
        const xs = caseInputs(c, 70 + k);
        const expected = (model.predict(xs.length === 1 ? xs[0] : xs) as tf.Tensor).dataSync();
        const inputsFile = path.join(dir, `${c.name}.inputs.json`);
        fs.writeFileSync(inputsFile, JSON.stringify(await Promise.all(xs.map(toJsonArray))));
        for (const ext of ['h5', 'keras', 'tfjs'] as const) {
          const target = path.join(dir, ext === 'tfjs' ? `${c.name}_tfjs` : `${c.name}.${ext}`);
          const warnings: string[] = [];
          await saveModel(model, target, {onWarning: (w) => warnings.push(w)});
          if (ext === 'tfjs') {
            assert.equal(warnings.length, 1, `${c.name}: a TensorFlow.js folder export warns that stock TensorFlow.js lacks the layer`);
            assert.match(warnings[0], new RegExp(`'layer' \\(${c.layer.class_name}\\) is not part of stock TensorFlow\\.js.*\\.h5 and \\.keras`));
          } else {
            assert.deepEqual(warnings, []);
            // Independent reader: the file walked as Keras's loader walks it, the layer computed in NumPy.
            const fromFile = JSON.parse(execFileSync(SYSTEM_PYTHON, [REFERENCE, '--from-file', target, inputsFile], {encoding: 'utf8'})) as number[];
            const diff = maxAbsDiff(expected, fromFile);
            report.push(`${c.name} ${ext}: NumPy on the file's weights vs ours ${diff.toExponential(2)}`);
            assert.ok(diff < 2e-5, `${c.name} .${ext}: NumPy on the written file differs by ${diff}`);
          }
          const {model: loaded} = await loadModel(target);
          const again = (loaded.predict(xs.length === 1 ? xs[0] : xs) as tf.Tensor).dataSync();
          assert.deepEqual(Array.from(again), Array.from(expected), `${c.name}: ${ext} round trip changed the numbers`);
          assert.equal(loaded.countParams(), model.countParams());
          loaded.dispose();
        }
        model.dispose();
      }
    });
    console.log(report.join('\n'));
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('the real tf.keras 2.11 Attention model (fixture) loads and computes what NumPy computes from its weights', {skip: !h5py && 'python3-h5py not installed'}, async () => {
  await initBackend('wasm');
  const file = path.join(KERAS_FIXTURES, 'h5/tfkeras2.11.0_functional_attention_with_optimizer.h5');
  const {artifacts} = await readArtifacts(file);
  const model = await modelFromArtifacts(artifacts, file, {compile: false});
  assert.equal(model.getLayer('attention').getClassName(), 'Attention');
  // The model applies Attention to rank-2 (batch, 32) tensors: its scores mix the batch's samples, as in Keras.
  const x = tf.randomNormal([5, 22], 0, 1, 'float32', 17);
  const ours = (model.predict(x) as tf.Tensor).dataSync();
  const dir = tempDir();
  try {
    const io = path.join(dir, 'x.json');
    fs.writeFileSync(io, JSON.stringify(Array.from(x.dataSync())));
    const reference = JSON.parse(runPython(`
import h5py, json, sys, numpy as np
x = np.array(json.load(open(sys.argv[2])), np.float64).reshape(5, 22)
f = h5py.File(sys.argv[1], 'r'); g = f['model_weights']
d = lambda v: v.decode() if isinstance(v, bytes) else v
w = lambda n: [np.asarray(g[n][d(k)], np.float64) for k in g[n].attrs['weight_names']]
dense = lambda n, t: np.maximum(t @ w(n)[0] + w(n)[1], 0)
h = dense('dense', x)
s = h @ h.T
a = np.exp(s - s.max(-1, keepdims=True)); a /= a.sum(-1, keepdims=True)
y = dense('outputs', dense('dense_1', np.concatenate([h, a @ h], -1)))
print(json.dumps(y.ravel().tolist()))`, [file, io])) as number[];
    const diff = maxAbsDiff(ours, reference);
    console.log(`tfkeras2.11.0_functional_attention_with_optimizer.h5: max |ours - numpy| = ${diff.toExponential(2)}`);
    assert.ok(diff < 1e-4 * Math.max(1, ...reference.map(Math.abs)), `max abs difference ${diff}`);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
    model.dispose();
  }
});

test('a transformer block (MultiHeadAttention(x, x) beside a residual Add) predicts, trains, and keeps both links in every format', async () => {
  await initBackend('wasm');
  registerKerasCompatLayers();
  const link = (name: string, kwargs: JsonObject = {}) => [name, 0, 0, kwargs] as Json[];
  const keras2 = {
    class_name: 'Functional',
    config: {
      name: 'block', input_layers: [['tokens', 0, 0]], output_layers: [['norm', 0, 0]],
      layers: [
        {class_name: 'InputLayer', name: 'tokens', inbound_nodes: [], config: {name: 'tokens', batch_input_shape: [null, 6, 5], dtype: 'float32'}},
        {class_name: 'Dense', name: 'embed', inbound_nodes: [[link('tokens')]], config: {name: 'embed', units: 8}},
        {class_name: 'MultiHeadAttention', name: 'mha', inbound_nodes: [[link('embed', {value: ['embed', 0, 0]})]], config: {name: 'mha', num_heads: 2, key_dim: 4}},
        {class_name: 'Add', name: 'residual', inbound_nodes: [[link('embed'), link('mha')]], config: {name: 'residual'}},
        {class_name: 'GroupNormalization', name: 'norm', inbound_nodes: [[link('residual')]], config: {name: 'norm', groups: 4}},
      ],
    },
  };
  const {config} = normalizeModelConfig(keras2, {file: 'block.json', kerasVersion: '2.15.0'});
  const model = await tfl.models.modelFromJSON({modelTopology: config} as never);
  model.setWeights(model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.5, 'float32', 40 + i)));
  const x = tf.randomNormal([4, 6, 5], 0, 1, 'float32', 3);
  // Twice: the first prediction must not dispose 'embed' (given twice to mha) before the Add reads it.
  const y1 = (model.predict(x) as tf.Tensor).dataSync();
  const y2 = (model.predict(x) as tf.Tensor).dataSync();
  assert.deepEqual(Array.from(y2), Array.from(y1));
  assert.ok(y1.every(Number.isFinite));
  model.compile({optimizer: tf.train.adam(0.01), loss: 'meanSquaredError'});
  const history = await model.fit(x, tf.randomNormal([4, 6, 8], 0, 1, 'float32', 5), {epochs: 3, batchSize: 4, verbose: 0});
  const losses = history.history.loss as number[];
  assert.ok(losses[2] < losses[0], `loss ${losses.join(', ')}`);
  const expected = (model.predict(x) as tf.Tensor).dataSync();
  const dir = tempDir();
  try {
    for (const name of ['block.h5', 'block.keras', 'block_tfjs']) {
      const target = path.join(dir, name);
      await saveModel(model, target);
      const {model: loaded, artifacts} = await loadModel(target);
      assert.deepEqual(Array.from((loaded.predict(x) as tf.Tensor).dataSync()), Array.from(expected), `${name}: numbers changed`);
      const mha = (artifacts.modelTopology as {config: {layers: Array<{name: string; inbound_nodes: Json[][]}>}}).config.layers.find((l) => l.name === 'mha')!;
      assert.equal(mha.inbound_nodes[0].length, 2, `${name}: mha keeps query and value links`);
      loaded.dispose();
    }
    if (h5py) {
      const keras3 = JSON.parse(runPython('import zipfile,sys\nprint(zipfile.ZipFile(sys.argv[1]).read("config.json").decode())', [path.join(dir, 'block.keras')]));
      const node = keras3.config.layers.find((l: {name: string}) => l.name === 'mha').inbound_nodes[0];
      assert.equal(node.args.length, 2, 'Keras 3 calls mha(query, value)');
      assert.deepEqual(node.args.map((a: {config: {keras_history: Json[]}}) => a.config.keras_history), [['embed', 0, 0], ['embed', 0, 0]]);
      const keras2Written = JSON.parse(runPython('import h5py,sys\nv=h5py.File(sys.argv[1],"r").attrs["model_config"]\nprint(v.decode() if isinstance(v,bytes) else v)', [path.join(dir, 'block.h5')]));
      const mha2 = keras2Written.config.layers.find((l: {name: string}) => l.name === 'mha');
      assert.deepEqual(mha2.inbound_nodes, [[['embed', 0, 0, {value: ['embed', 0, 0]}]]], 'tf.keras 2 form: value by keyword');
    }
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
    model.dispose();
  }
});

test('model.summary() shows the new layers with the parameter counts Keras reports', async () => {
  await initBackend('wasm');
  registerKerasCompatLayers();
  const link = (name: string, kwargs: JsonObject = {}) => [name, 0, 0, kwargs] as Json[];
  const keras3ish = {
    class_name: 'Functional',
    config: {
      name: 'mixed', input_layers: [['tokens', 0, 0]], output_layers: [['bi', 0, 0]],
      layers: [
        {class_name: 'InputLayer', name: 'tokens', inbound_nodes: [], config: {name: 'tokens', batch_input_shape: [null, 6, 4]}},
        {class_name: 'Normalization', name: 'norm', inbound_nodes: [[link('tokens')]], config: {name: 'norm', axis: -1}},
        {class_name: 'Dense', name: 'embed', inbound_nodes: [[link('norm')]], config: {name: 'embed', units: 8}},
        {class_name: 'MultiHeadAttention', name: 'mha', inbound_nodes: [[link('embed', {value: ['embed', 0, 0]})]], config: {name: 'mha', num_heads: 2, key_dim: 4}},
        {class_name: 'Attention', name: 'att', inbound_nodes: [[link('mha'), link('embed')]], config: {name: 'att', use_scale: true}},
        {class_name: 'AdditiveAttention', name: 'add_att', inbound_nodes: [[link('att'), link('embed')]], config: {name: 'add_att'}},
        {class_name: 'GroupNormalization', name: 'gn', inbound_nodes: [[link('add_att')]], config: {name: 'gn', groups: 4}},
        {class_name: 'UnitNormalization', name: 'un', inbound_nodes: [[link('gn')]], config: {name: 'un'}},
        {class_name: 'Bidirectional', name: 'bi', inbound_nodes: [[link('un')]], config: {name: 'bi',
          layer: {class_name: 'LSTM', config: {name: 'forward_lstm', units: 3, recurrent_activation: 'sigmoid'}},
          backward_layer: {class_name: 'GRU', config: {name: 'backward_gru', units: 2, go_backwards: true, reset_after: true, recurrent_activation: 'sigmoid'}}}},
      ],
    },
  };
  const {config} = normalizeModelConfig(keras3ish, {file: 'mixed.json', kerasVersion: '3.9.0'});
  const model = await tfl.models.modelFromJSON({modelTopology: config} as never);
  const table = summarize(model);
  const params = Object.fromEntries(table.rows.map((r) => [r.name, r.params]));
  // Keras: Normalization mean+variance+count = 4+4+1; MHA 4 x (8*2*4 + 2*4); Attention scale 1; AdditiveAttention scale (8,);
  // GroupNormalization gamma+beta 2*8; Bidirectional LSTM 4*3*(8+3+1) + GRU(reset_after) 3*2*(8+2) + 2*3*2.
  assert.deepEqual(params, {tokens: 0, norm: 9, embed: 40, mha: 288, att: 1, add_att: 8, gn: 16, un: 0, bi: 144 + 72});
  assert.equal(table.nonTrainableParams, 9);
  const text = formatSummary(table);
  assert.match(text, /mha \(MultiHeadAttention\)\s+\(None, 6, 8\)\s+288/);
  assert.match(text, /bi \(Bidirectional\)\s+\(None, 5\)\s+216/);
  model.dispose();
});

test('what these layers cannot compute is refused in one line naming the file, the layer and the argument', async () => {
  await initBackend('wasm');
  registerKerasCompatLayers();
  const dir = tempDir();
  try {
    const refusals: Array<[LayerCase, RegExp]> = [
      [{name: 'axes', layer: {class_name: 'MultiHeadAttention', config: {num_heads: 2, key_dim: 2, attention_axes: [2]}}, inputs: [[3, 4, 5], [3, 4, 5]]},
        /layer 'layer' \(MultiHeadAttention\): attention_axes=\[2\] is not supported: only attention over all axes between batch and features/],
      [{name: 'discretize', layer: {class_name: 'Discretization', config: {num_bins: 4}}, inputs: [[3]]},
        /layer 'layer' \(Discretization\): has num_bins but no bin_boundaries/],
      [{name: 'groups', layer: {class_name: 'GroupNormalization', config: {groups: 4}}, inputs: [[6]]},
        /layer 'layer' \(GroupNormalization\): number of groups \(4\) must divide the number of channels \(6\)/],
      [{name: 'bidi', layer: {class_name: 'Bidirectional', config: {
        layer: {class_name: 'LSTM', config: {name: 'f', units: 2}}, backward_layer: {class_name: 'LSTM', config: {name: 'b', units: 2}}}}, inputs: [[3, 2]]},
        /layer 'layer' \(Bidirectional\): forward and backward layers must have different go_backwards values/],
      [{name: 'scores', layer: {class_name: 'Attention', config: {}}, inputs: [[3, 2], [3, 2]], call: {return_attention_scores: true}},
        /layer 'layer' \(Attention\): return_attention_scores=True \(a second output\) is not supported/],
    ];
    for (const [c, reason] of refusals) {
      // A model.json holding the layer (no weights needed: it is refused while being built), loaded as a user would.
      fs.writeFileSync(path.join(dir, `${c.name}.json`), JSON.stringify({modelTopology: functionalConfig(c), weightsManifest: []}));
      const error = await loadModel(path.join(dir, `${c.name}.json`)).then(() => undefined, (e: Error) => e);
      assert.ok(error, `${c.name}: loaded`);
      assert.match(error.message, reason);
      assert.ok(error.message.startsWith(path.join(dir, `${c.name}.json`)), `${c.name}: the message names the file: ${error.message}`);
      assert.ok(!error.message.includes('\n'), `${c.name}: one line`);
    }
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('Keras 3 graph links: mha(query, value=...) and mha(query=..., value=...) become positional inputs; other keyword tensors are refused', () => {
  const tensor = (name: string) => ({class_name: '__keras_tensor__', config: {shape: [null, 4, 8], dtype: 'float32', keras_history: [name, 0, 0]}});
  const model = (node: JsonObject) => ({
    module: 'keras', class_name: 'Functional', config: {
      name: 'm', input_layers: [['q', 0, 0], ['v', 0, 0]], output_layers: [['mha', 0, 0]],
      layers: [
        {class_name: 'InputLayer', name: 'q', inbound_nodes: [], config: {name: 'q', batch_shape: [null, 4, 8]}},
        {class_name: 'InputLayer', name: 'v', inbound_nodes: [], config: {name: 'v', batch_shape: [null, 4, 8]}},
        {module: 'keras.layers', class_name: 'MultiHeadAttention', name: 'mha', registered_name: null,
          build_config: {shapes_dict: {query_shape: [null, 4, 8], value_shape: [null, 4, 8]}},
          config: {name: 'mha', num_heads: 2, key_dim: 4, seed: null}, inbound_nodes: [node]},
      ],
    },
  });
  const links = (node: JsonObject) => {
    const {config} = normalizeModelConfig(model(node), {file: 'config.json', kerasVersion: '3.9.2'});
    return ((config.config.layers as JsonObject[])[2].inbound_nodes as Json[][][])[0].map((l) => l[0]);
  };
  assert.deepEqual(links({args: [tensor('q'), tensor('v')], kwargs: {}}), ['q', 'v']);
  assert.deepEqual(links({args: [tensor('q')], kwargs: {value: tensor('v')}}), ['q', 'v']);
  assert.deepEqual(links({args: [], kwargs: {query: tensor('q'), value: tensor('v'), key: tensor('v')}}), ['q', 'v', 'v']);
  assert.throws(() => links({args: [tensor('q'), tensor('v')], kwargs: {attention_mask: tensor('q')}}),
    /config\.json: a layer call passes a tensor through keyword argument 'attention_mask'/);
});

test('a .keras from Keras 3.0.0-3.0.2 (MultiHeadAttention projections under _query_dense, ...) loads the same weights', {skip: !h5py && 'python3-h5py not installed'}, async () => {
  await initBackend('wasm');
  const c = CASES.find((x) => x.name === 'multi_head_attention')!;
  const model = await buildCase(c);
  model.setWeights(randomWeights(model, 77));
  const xs = caseInputs(c, 78);
  const expected = Array.from((model.predict(xs) as tf.Tensor).dataSync());
  const dir = tempDir();
  try {
    const current = path.join(dir, 'current.keras');
    const old = path.join(dir, 'old.keras');
    await saveModel(model, current);
    runPython(`
import h5py, io, sys, zipfile, shutil
src, dst = sys.argv[1], sys.argv[2]
zin = zipfile.ZipFile(src)
buf = io.BytesIO(zin.read("model.weights.h5"))
with h5py.File(buf, "a") as f:
    for sub in ["query_dense", "key_dense", "value_dense", "output_dense"]:
        f.move(f"layers/multi_head_attention/{sub}", f"layers/multi_head_attention/_{sub}")
with zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
    for info in zin.infolist():
        zout.writestr(info.filename, buf.getvalue() if info.filename == "model.weights.h5" else zin.read(info.filename))`, [current, old]);
    const {model: loaded} = await loadModel(old);
    assert.deepEqual(Array.from((loaded.predict(xs) as tf.Tensor).dataSync()), expected);
    loaded.dispose();
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
    model.dispose();
  }
});
