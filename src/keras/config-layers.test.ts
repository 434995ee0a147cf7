/**
 * The Keras behaviours TensorFlow.js lacks, checked against direct formulas and, for the GRU, an
 * independent NumPy implementation run on a real tf.keras 2.3 file.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {KERAS_FIXTURES, hasPythonModule, runPython, tempDir} from '../test-support/fixtures';
import {registerKerasCompatLayers} from './config-layers';
import {modelFromArtifacts, readArtifacts} from '../formats';

async function single(layer: Record<string, unknown>, inputShape: number[]): Promise<tfl.LayersModel> {
  registerKerasCompatLayers();
  const config = {class_name: 'Sequential', config: {name: 's', layers: [{...layer, config: {...(layer.config as object), batch_input_shape: [null, ...inputShape]}}]}};
  return tfl.models.modelFromJSON({modelTopology: config} as never);
}

test('ReLU computes Keras negative_slope, threshold and max_value', async () => {
  await initBackend('cpu');
  const xs = [-3, -1, -0.2, 0, 0.1, 0.2, 0.5, 1, 1.4, 2, 7];
  const keras = (x: number, slope: number, threshold: number, max: number | null) => {
    let pos = threshold !== 0 ? (x > threshold ? x : 0) : Math.max(x, 0);
    if (max !== null) pos = Math.min(Math.max(pos, 0), max);
    return pos - slope * Math.max(threshold - x, 0);
  };
  for (const [slope, threshold, max] of [[0, 0, null], [0, 0, 6], [0.2, 0.2, 1.4], [0.5, 0, null]] as const) {
    const m = await single({class_name: 'ReLU', config: {name: 'r', negative_slope: slope, threshold, max_value: max}}, [xs.length]);
    const y = (m.predict(tf.tensor2d([xs])) as tf.Tensor).dataSync();
    xs.forEach((x, i) => assert.ok(Math.abs(y[i] - keras(x, slope, threshold, max)) < 1e-6, `relu(${x}; ${slope}, ${threshold}, ${max}) = ${y[i]}`));
    // The config survives TensorFlow.js serialization with its Keras names.
    const saved = m.toJSON(null, false) as unknown as {config: {layers: Array<{config: Record<string, unknown>}>}};
    assert.equal(saved.config.layers[0].config.negative_slope, slope);
    assert.equal(saved.config.layers[0].config.threshold, threshold);
  }
});

test('ELU accepts any alpha', async () => {
  await initBackend('cpu');
  const m = await single({class_name: 'ELU', config: {name: 'e', alpha: 0.7}}, [3]);
  const y = (m.predict(tf.tensor2d([[-2, 0, 3]])) as tf.Tensor).dataSync();
  assert.ok(Math.abs(y[0] - 0.7 * (Math.exp(-2) - 1)) < 1e-6);
  assert.equal(y[2], 3);
});

test('Conv1D keeps channels_first data channels first, and computes causal padding', async () => {
  await initBackend('cpu');
  const kernel = tf.tensor3d([1, 2, 3, 4, 5, 6], [3, 2, 1]); // (k=3, in=2, out=1)
  const x = tf.randomUniform([2, 7, 2], -1, 1, 'float32', 3);
  const cl = await single({class_name: 'Conv1D', config: {name: 'c', filters: 1, kernel_size: [3], padding: 'valid', use_bias: false, data_format: 'channels_last'}}, [7, 2]);
  cl.layers[0].setWeights([kernel]);
  const cf = await single({class_name: 'Conv1D', config: {name: 'c', filters: 1, kernel_size: [3], padding: 'valid', use_bias: false, data_format: 'channels_first'}}, [2, 7]);
  cf.layers[0].setWeights([kernel]);
  const yl = cl.predict(x) as tf.Tensor;
  const yf = cf.predict(tf.transpose(x, [0, 2, 1])) as tf.Tensor;
  assert.deepEqual(yf.shape, [2, 1, 5]);
  assert.deepEqual(Array.from(tf.transpose(yf, [0, 2, 1]).dataSync()), Array.from(yl.dataSync()));
  const causal = await single({class_name: 'Conv1D', config: {name: 'c', filters: 1, kernel_size: [3], padding: 'causal', dilation_rate: [2], use_bias: false}}, [7, 2]);
  causal.layers[0].setWeights([kernel]);
  const yc = causal.predict(x) as tf.Tensor;
  assert.deepEqual(yc.shape, [2, 7, 1]);
  const padded = tf.pad(x, [[0, 0], [4, 0], [0, 0]]);
  const expected = tf.conv1d(padded as tf.Tensor3D, kernel, 1, 'valid', 'NWC', 2);
  assert.deepEqual(Array.from(yc.dataSync()), Array.from(expected.dataSync()));
});

test('GRU reset_after=True (tf.keras 2.3 file) matches an independent NumPy GRU', async (t) => {
  if (!hasPythonModule('numpy') || !hasPythonModule('h5py')) {
    t.skip('python3-numpy / python3-h5py not installed');
    return;
  }
  await initBackend('cpu');
  const file = path.join(KERAS_FIXTURES, 'h5/tfkeras2.3.0-tf_seq_gru_dropout_with_optimizer.h5');
  const {artifacts} = await readArtifacts(file);
  const model = await modelFromArtifacts(artifacts, file, {compile: false});
  const x = tf.randomUniform([3, 8, 2], -1, 1, 'float32', 7);
  const y = model.predict(x) as tf.Tensor;
  const dir = tempDir();
  const io = path.join(dir, 'io.json');
  fs.writeFileSync(io, JSON.stringify({x: Array.from(x.dataSync())}));
  const reference = JSON.parse(runPython(`
import h5py, json, sys, numpy as np
x = np.array(json.load(open(sys.argv[2]))['x'], np.float32).reshape(3, 8, 2)
f = h5py.File(sys.argv[1], 'r'); g = f['model_weights']
sig = lambda v: 1 / (1 + np.exp(-v))
for layer in json.loads(f.attrs['model_config'])['config']['layers']:
    c = layer['config']; w = [np.asarray(g[c['name']][n]) for n in g[c['name']].attrs['weight_names']]
    if layer['class_name'] == 'GRU':
        k, rk, b = w; u = rk.shape[0]; h = np.zeros((x.shape[0], u), np.float32); seq = []
        for t in range(x.shape[1]):
            mx = x[:, t] @ k + b[0]; mi = h @ rk + b[1]
            z = sig(mx[:, :u] + mi[:, :u]); r = sig(mx[:, u:2*u] + mi[:, u:2*u])
            h = z * h + (1 - z) * np.tanh(mx[:, 2*u:] + r * mi[:, 2*u:]); seq.append(h)
        x = np.stack(seq, 1) if c['return_sequences'] else h
    elif layer['class_name'] == 'Dense':
        x = x @ w[0] + w[1]
print(json.dumps(x.ravel().tolist()))`, [file, io])) as number[];
  fs.rmSync(dir, {recursive: true, force: true});
  const ours = y.dataSync();
  const err = reference.reduce((m, v, i) => Math.max(m, Math.abs(v - ours[i])), 0);
  assert.ok(err < 1e-5, `max abs error ${err}`);
});
