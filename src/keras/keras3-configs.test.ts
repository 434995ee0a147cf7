/**
 * Keras 3 configs (initializers such as OrthogonalInitializer, L1/L2 regularizers, constraints,
 * Bidirectional with its always-written mirrored backward_layer, GRU reset_after) and
 * tensorflowjs_converter output of tf.keras >= 2.11 (optimizer class `Custom>Adam`).
 * The Keras 3 file is written by h5py/zipfile exactly in Keras 3's layout, with random weights;
 * its predictions are checked against a NumPy implementation of Keras's LSTM, GRU and Dense.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../engine/backend';
import {KERAS_FIXTURES, hasPythonModule, runPython, tempDir} from '../test-support/fixtures';
import {loadModel, modelFromArtifacts, readArtifacts, saveArtifacts, saveTarget} from '../formats';
import {oracleCases} from '../test-support/oracles';
import {normalizeModelConfig} from './config';

const KERAS3_FILE = String.raw`
import json, sys, io, zipfile
import numpy as np, h5py
rng = np.random.default_rng(0)
def obj(module, cls, config): return {"module": module, "class_name": cls, "config": config, "registered_name": None}
policy = obj("keras", "DTypePolicy", {"name": "float32"})
init = lambda cls, **c: obj("keras.initializers", cls, dict(c))
def rnn(cls, name, units, go_backwards=False, return_sequences=False, **extra):
    c = {"name": name, "trainable": True, "dtype": policy, "return_sequences": return_sequences, "return_state": False,
         "go_backwards": go_backwards, "stateful": False, "unroll": False, "zero_output_for_mask": False, "units": units,
         "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": True,
         "kernel_initializer": init("GlorotUniform", seed=None), "recurrent_initializer": init("OrthogonalInitializer", gain=1.0, seed=None),
         "bias_initializer": init("Zeros"), "kernel_regularizer": obj("keras.regularizers", "L1", {"l1": 0.001}),
         "recurrent_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
         "kernel_constraint": None, "recurrent_constraint": obj("keras.constraints", "MaxNorm", {"max_value": 3.0, "axis": 0}),
         "bias_constraint": None, "dropout": 0.0, "recurrent_dropout": 0.0, "seed": None}
    c.update(extra)
    return obj("keras.layers", cls, c)
bidi = obj("keras.layers", "Bidirectional", {"name": "bidirectional", "trainable": True, "dtype": policy, "merge_mode": "concat",
    "layer": rnn("LSTM", "forward_lstm", 4, return_sequences=True, unit_forget_bias=True),
    "backward_layer": rnn("LSTM", "backward_lstm", 4, go_backwards=True, return_sequences=True, unit_forget_bias=True)})
bidi["build_config"] = {"input_shape": [None, 6, 3]}
gru = rnn("GRU", "gru", 3, reset_after=True); gru["build_config"] = {"input_shape": [None, 6, 8]}
dense = obj("keras.layers", "Dense", {"name": "dense", "trainable": True, "dtype": policy, "units": 2, "activation": "linear", "use_bias": True,
    "kernel_initializer": init("LecunNormal", seed=None), "bias_initializer": init("Zeros"),
    "kernel_regularizer": obj("keras.regularizers", "L2", {"l2": 0.01}), "bias_regularizer": None,
    "kernel_constraint": obj("keras.constraints", "UnitNorm", {"axis": 0}), "bias_constraint": None})
dense["build_config"] = {"input_shape": [None, 3]}
inp = obj("keras.layers", "InputLayer", {"batch_shape": [None, 6, 3], "dtype": "float32", "sparse": False, "ragged": False, "name": "input_layer"})
model = obj("keras", "Sequential", {"name": "sequential", "trainable": True, "dtype": policy, "layers": [inp, bidi, gru, dense]})
model["build_config"] = {"input_shape": [None, 6, 3]}
w = lambda *s: rng.uniform(-0.6, 0.6, s).astype(np.float32)
fw = [w(3, 16), w(4, 16), w(16)]; bw = [w(3, 16), w(4, 16), w(16)]; gw = [w(8, 9), w(3, 9), w(2, 9)]; dw = [w(3, 2), w(2)]
h5 = io.BytesIO()
with h5py.File(h5, "w") as f:
    for group, arrays in [("layers/bidirectional/forward_layer/cell", fw), ("layers/bidirectional/backward_layer/cell", bw),
                          ("layers/gru/cell", gw), ("layers/dense", dw)]:
        for i, a in enumerate(arrays): f.create_dataset(f"{group}/vars/{i}", data=a)
    for g in ["layers/bidirectional/vars", "layers/bidirectional/forward_layer/vars", "layers/bidirectional/backward_layer/vars",
              "layers/gru/vars", "optimizer/vars", "vars"]: f.create_group(g)
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("metadata.json", json.dumps({"keras_version": "3.10.0", "date_saved": "2025-06-01@12:00:00"}))
    z.writestr("config.json", json.dumps(model))
    z.writestr("model.weights.h5", h5.getvalue())
sig = lambda v: 1 / (1 + np.exp(-v))
def lstm(x, k, r, b):
    u = r.shape[0]; h = np.zeros((x.shape[0], u), np.float32); c = h.copy(); out = []
    for t in range(x.shape[1]):
        z = x[:, t] @ k + h @ r + b
        i, f, g, o = sig(z[:, :u]), sig(z[:, u:2*u]), np.tanh(z[:, 2*u:3*u]), sig(z[:, 3*u:])
        c = f * c + i * g; h = o * np.tanh(c); out.append(h)
    return np.stack(out, 1)
def gru_after(x, k, r, b):
    u = r.shape[0]; h = np.zeros((x.shape[0], u), np.float32)
    for t in range(x.shape[1]):
        mx = x[:, t] @ k + b[0]; mi = h @ r + b[1]
        z = sig(mx[:, :u] + mi[:, :u]); rr = sig(mx[:, u:2*u] + mi[:, u:2*u])
        h = z * h + (1 - z) * np.tanh(mx[:, 2*u:] + rr * mi[:, 2*u:])
    return h
x = rng.uniform(-1, 1, (4, 6, 3)).astype(np.float32)
seq = np.concatenate([lstm(x, *fw), lstm(x[:, ::-1], *bw)[:, ::-1]], -1)
y = gru_after(seq, *gw) @ dw[0] + dw[1]
print(json.dumps({"x": x.ravel().tolist(), "y": y.ravel().tolist()}))
`;

test('a Keras 3 file with OrthogonalInitializer, L1/L2, constraints, a mirrored Bidirectional and GRU reset_after loads with NumPy\'s numbers', async (t) => {
  if (!hasPythonModule('numpy') || !hasPythonModule('h5py')) {
    t.skip('python3-numpy / python3-h5py not installed');
    return;
  }
  await initBackend('cpu');
  const dir = tempDir();
  try {
    const file = path.join(dir, 'keras3_bidirectional_lstm_gru.keras');
    const {x, y} = JSON.parse(runPython(KERAS3_FILE, [file])) as {x: number[]; y: number[]};
    const {model, artifacts} = await loadModel(file, {compile: false});
    const out = tf.tidy(() => model.predict(tf.tensor(x, [4, 6, 3])) as tf.Tensor);
    const ours = await out.data();
    const err = y.reduce((m, v, i) => Math.max(m, Math.abs(v - ours[i])), 0);
    assert.ok(err < 1e-5, `max abs error ${err}`);
    // The Keras 3 names became TensorFlow.js's classes, with their arguments.
    const layers = (artifacts.modelTopology as {config: {layers: Array<{class_name: string; config: Record<string, unknown>}>}}).config.layers;
    type Named = {class_name: string; config: Record<string, unknown>};
    const forward = (layers[0].config.layer as Named).config as Record<string, Named>;
    assert.equal(forward.recurrent_initializer.class_name, 'Orthogonal');
    assert.deepEqual(forward.kernel_regularizer, {class_name: 'L1L2', config: {l1: 0.001, l2: 0}});
    assert.equal(layers[0].config.backward_layer, undefined);
    assert.deepEqual(layers[2].config.kernel_regularizer, {class_name: 'L1L2', config: {l1: 0, l2: 0.01}});
    assert.equal((layers[2].config.kernel_initializer as Named).class_name, 'LeCunNormal');
    assert.equal((layers[2].config.kernel_constraint as Named).class_name, 'UnitNorm');
    // The built layers hold them (they count in the training loss as in Keras).
    const dense = model.layers[2] as unknown as {kernelRegularizer?: {getConfig(): object}; kernelConstraint?: object};
    assert.deepEqual(dense.kernelRegularizer?.getConfig(), {l1: 0, l2: 0.01});
    assert.ok(dense.kernelConstraint);
    out.dispose();
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('a Bidirectional whose backward_layer differs from the mirror of its layer is not taken for a mirror', () => {
  const lstm = (name: string, goBackwards: boolean, units: number) => ({class_name: 'LSTM', config: {name, units, go_backwards: goBackwards, return_sequences: false}});
  const config = (backward: object) => ({class_name: 'Sequential', config: {name: 's', layers: [{class_name: 'Bidirectional',
    config: {name: 'b', merge_mode: 'concat', batch_input_shape: [null, 4, 2], layer: lstm('forward_l', false, 3), backward_layer: backward}}]}});
  const mirrored = normalizeModelConfig(config(lstm('backward_l', true, 3)), {file: 'm.keras', kerasVersion: '3.10.0'});
  assert.equal((mirrored.config.config.layers as Array<{config: Record<string, unknown>}>)[0].config.backward_layer, undefined);
  // Other units, or the same direction, is a separately configured backward layer: never silently replaced by a mirror.
  for (const other of [lstm('backward_l', true, 5), lstm('backward_l', false, 3)]) {
    let kept: unknown;
    try {
      kept = (normalizeModelConfig(config(other), {file: 'm.keras', kerasVersion: '3.10.0'}).config.config.layers as Array<{config: Record<string, unknown>}>)[0].config.backward_layer;
    } catch (e) {
      kept = (e as Error).message; // refused, with its reason: fine too
    }
    assert.notEqual(kept, undefined);
  }
});

/** tensorflowjs_converter output (old converter fixture) with the training config tf.keras 2.11 writes. */
async function converterFolder(dir: string, optimizerConfig: object): Promise<string> {
  const source = path.join(KERAS_FIXTURES, 'tfjs/converted_old_tfkeras2.1.6-tf_no_format_field');
  const folder = path.join(dir, 'converted');
  fs.cpSync(source, folder, {recursive: true});
  const json = JSON.parse(fs.readFileSync(path.join(folder, 'model.json'), 'utf8'));
  json.format = 'layers-model';
  json.generatedBy = 'keras v2.11.0';
  json.convertedBy = 'TensorFlow.js Converter v4.22.0';
  json.modelTopology.keras_version = '2.11.0';
  json.modelTopology.training_config = {...json.modelTopology.training_config, optimizer_config: optimizerConfig};
  fs.writeFileSync(path.join(folder, 'model.json'), JSON.stringify(json));
  return folder;
}

test('converter output of tf.keras >= 2.11 (optimizer Custom>Adam) compiles with Adam; an optimizer TensorFlow.js lacks is dropped with a warning naming it an optimizer', async (t) => {
  if (!hasPythonModule('h5py')) {
    t.skip('python3-h5py not installed');
    return;
  }
  await initBackend('cpu');
  const dir = tempDir();
  try {
    // The optimizer config exactly as tf.keras 2.11 wrote it into a real file.
    const real = JSON.parse(runPython(
      'import h5py,json,sys\nprint(json.dumps(json.loads(h5py.File(sys.argv[1],"r").attrs["training_config"])["optimizer_config"]))',
      [path.join(KERAS_FIXTURES, 'h5/tfkeras2.11.0_functional_attention_with_optimizer.h5')]));
    assert.equal(real.class_name, 'Custom>Adam');
    const adam = await loadModel(await converterFolder(dir, real));
    assert.deepEqual(adam.artifacts.warnings ?? [], []);
    const optimizer = adam.model.optimizer as unknown as {getClassName(): string; learningRate: number};
    assert.equal(optimizer.getClassName(), 'Adam');
    assert.ok(Math.abs(optimizer.learningRate - 0.005) < 1e-7);

    const lion = await loadModel(await converterFolder(path.join(dir, 'lion'), {class_name: 'Custom>Lion', config: {name: 'Lion', learning_rate: 1e-4}}));
    assert.equal(lion.model.optimizer, undefined);
    assert.equal(lion.artifacts.warnings?.length, 1);
    assert.match(lion.artifacts.warnings![0], /optimizer 'Lion' is not available in TensorFlow\.js; the model loads uncompiled/);
    assert.doesNotMatch(lion.artifacts.warnings![0], /layer/);
    // The weights are the file's whatever happens to the optimizer.
    const {artifacts} = await readArtifacts(path.join(dir, 'lion', 'converted'));
    assert.equal(artifacts.weightSpecs!.length, lion.model.weights.length);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('artifacts reaching the loader with an optimizer class TensorFlow.js lacks are refused as an optimizer, never as a layer', async () => {
  await initBackend('cpu');
  const {artifacts} = await readArtifacts(path.join(KERAS_FIXTURES, 'tfjs/tfjs_node_saved_abalone_dense'));
  const raw = {...artifacts, trainingConfig: {optimizer_config: {class_name: 'Custom>Adam', config: {learning_rate: 0.001}}, loss: 'mean_squared_error'} as never};
  await assert.rejects(modelFromArtifacts(raw, 'abalone/model.json'),
    (e: Error) => /abalone\/model\.json: optimizer 'Custom>Adam' is not available in TensorFlow\.js; load the model without its training configuration/.test(e.message) && !/layer/.test(e.message));
  const model = await modelFromArtifacts(raw, 'abalone/model.json', {compile: false});
  assert.equal(model.optimizer, undefined);
});

test('ThresholdedReLU (Keras 2) is written to .keras as Keras 3\'s ReLU(threshold) and keeps Keras\'s numbers', async () => {
  await initBackend('cpu');
  const c = oracleCases().find((o) => o.caseName.endsWith('ThresholdReLU_0'))!;
  const oracle = await c.oracle();
  const dir = tempDir();
  try {
    const target = path.join(dir, 'thresholded.keras');
    await saveArtifacts(await c.variants[0].read(), saveTarget(target));
    const config = JSON.parse(runPython('import zipfile,sys\nprint(zipfile.ZipFile(sys.argv[1]).read("config.json").decode())', [target]));
    const relu = config.config.layers.find((l: {class_name: string}) => l.class_name === 'ReLU');
    assert.ok(relu && relu.config.threshold > 0 && relu.config.negative_slope === 0, JSON.stringify(config.config.layers.map((l: {class_name: string}) => l.class_name)));
    const {model} = await loadModel(target, {compile: false});
    const y = tf.tidy(() => model.predict(tf.tensor(oracle.input.data, oracle.input.shape)) as tf.Tensor);
    const ours = await y.data();
    const err = oracle.expected.data.reduce((m, v, i) => Math.max(m, Math.abs(v - ours[i])), 0);
    assert.ok(err <= oracle.tolerance, `max abs error ${err}`);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('Keras options TensorFlow.js would ignore are dropped at their neutral value and refused otherwise', () => {
  const model = (layer: object) => ({class_name: 'Sequential', config: {name: 's', layers: [layer]}});
  const pooled = normalizeModelConfig(model({class_name: 'GlobalAveragePooling2D', config: {name: 'p', keepdims: false, batch_input_shape: [null, 4, 4, 2]}}), {file: 'm.keras'});
  assert.equal('keepdims' in (pooled.config.config.layers as Array<{config: object}>)[0].config, false);
  assert.throws(() => normalizeModelConfig(model({class_name: 'GlobalMaxPooling1D', config: {name: 'p', keepdims: true}}), {file: 'm.keras'}),
    /m\.keras: layer 'p' \(GlobalMaxPooling1D\): keepdims=True .* is not supported by TensorFlow\.js/);
  assert.throws(() => normalizeModelConfig(model({class_name: 'LayerNormalization', config: {name: 'n', rms_scaling: true}}), {file: 'm.keras', kerasVersion: '3.10.0'}),
    /layer 'n' \(LayerNormalization\): rms_scaling=True/);
});
