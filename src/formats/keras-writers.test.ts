/**
 * Writing `.h5` (tf.keras 2.x layout) and `.keras` (Keras 3 layout): the written files are walked
 * by an independent reader (h5py, test/interop/check_keras_layout.py) the way Keras's loaders
 * walk them, and models survive folder -> .h5 -> .keras -> folder bit for bit.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {execFileSync} from 'child_process';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {REPO_ROOT, SYSTEM_PYTHON, hasPythonModule, tempDir} from '../test-support/fixtures';
import {loadModel, modelArtifacts, saveModel, saveTarget} from './index';
import {normalizeModelConfig} from '../keras/config';
import {decodeArtifactWeights, describeModel} from '../keras/config-weights';
import {registerKerasCompatLayers} from '../keras/config-layers';
import type {KerasArtifacts} from './artifacts';

const CHECKER = path.join(REPO_ROOT, 'test', 'interop', 'check_keras_layout.py');

async function trainBriefly(model: tfl.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<void> {
  await model.fit(x, y, {epochs: 1, batchSize: 4, shuffle: false, verbose: 0});
}

/** A small CNN like the reference model, trained two steps so that Adam has state. */
async function convModel(): Promise<{model: tfl.LayersModel; x: tf.Tensor}> {
  const model = tfl.sequential({name: 'small_cnn'});
  model.add(tfl.layers.conv2d({name: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu', inputShape: [8, 8, 1], kernelInitializer: tfl.initializers.glorotUniform({seed: 1})}));
  model.add(tfl.layers.maxPooling2d({name: 'max_pooling2d', poolSize: 2}));
  model.add(tfl.layers.conv2d({name: 'conv2d_1', filters: 6, kernelSize: 2, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({seed: 2})}));
  model.add(tfl.layers.flatten({name: 'flatten'}));
  model.add(tfl.layers.dense({name: 'dense', units: 10, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({seed: 3})}));
  model.compile({optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy']});
  const x = tf.randomUniform([8, 8, 8, 1], 0, 1, 'float32', 11);
  await trainBriefly(model, x, tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7]));
  return {model, x};
}

/** A functional recurrent model: LSTM, BatchNormalization, GRU with reset_after=True (cell/vars in Keras 3). */
async function recurrentModel(): Promise<{model: tfl.LayersModel; x: tf.Tensor}> {
  registerKerasCompatLayers();
  const node = (name: string) => [[[name, 0, 0, {}]]];
  const config = {
    class_name: 'Model',
    config: {
      name: 'rnn', input_layers: [['seq', 0, 0]], output_layers: [['out', 0, 0]],
      layers: [
        {class_name: 'InputLayer', name: 'seq', inbound_nodes: [], config: {name: 'seq', batch_input_shape: [null, 5, 3], dtype: 'float32', sparse: false}},
        {class_name: 'LSTM', name: 'lstm', inbound_nodes: node('seq'), config: {name: 'lstm', units: 4, return_sequences: true, recurrent_activation: 'sigmoid'}},
        {class_name: 'BatchNormalization', name: 'bn', inbound_nodes: node('lstm'), config: {name: 'bn', axis: -1}},
        {class_name: 'GRU', name: 'gru', inbound_nodes: node('bn'), config: {name: 'gru', units: 3, reset_after: true, recurrent_activation: 'sigmoid'}},
        {class_name: 'Dense', name: 'out', inbound_nodes: node('gru'), config: {name: 'out', units: 2}},
      ],
    },
  };
  const model = await tfl.models.modelFromJSON({modelTopology: config} as never);
  model.setWeights(model.weights.map((w, i) => tf.randomNormal(w.shape as number[], 0, 0.5, 'float32', 100 + i)));
  model.compile({optimizer: tf.train.adam(0.01), loss: 'meanSquaredError'});
  const x = tf.randomUniform([8, 5, 3], -1, 1, 'float32', 12);
  await trainBriefly(model, x, tf.randomUniform([8, 2], -1, 1, 'float32', 13));
  return {model, x};
}

function b64(data: ArrayBufferView): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

/** What the checker must find in a file written from these artifacts, in Keras's order. */
async function expectedDump(artifacts: KerasArtifacts, format: 'h5' | 'keras'): Promise<object> {
  const {config} = normalizeModelConfig(artifacts.modelTopology, {file: 'expected'});
  const slots = await describeModel(config, 'expected');
  const weights = decodeArtifactWeights(artifacts.weightSpecs ?? [], artifacts.weightData, 'expected');
  const layers: Record<string, object[]> = {};
  for (const layer of slots.layers) {
    if (layer.weights.length === 0) continue;
    layers[layer.name] = layer.weights.map((w) => ({shape: w.shape, b64: b64(weights.get(w.name)!.data)}));
  }
  const opt = [...weights.values()].filter((w) => w.group === 'optimizer');
  const iter = {shape: [], dtype: 'int64', b64: b64(BigInt64Array.of(BigInt(opt[0].data[0])))};
  let optimizer: object[];
  if (format === 'h5') {
    optimizer = [iter, ...opt.slice(1).map((w) => ({shape: w.shape, b64: b64(w.data)}))];
  } else {
    const lr = (artifacts.trainingConfig as unknown as {optimizer_config: {config: Record<string, number>}}).optimizer_config.config;
    optimizer = [iter, {shape: [], b64: b64(Float32Array.of(lr.learningRate ?? lr.learning_rate))}];
    for (const t of slots.trainable) {
      for (const role of ['m', 'v']) optimizer.push({shape: t.shape, b64: b64(weights.get(`${t.name}/${role}`)!.data)});
    }
  }
  return {layers, optimizer, compiled: true};
}

function runChecker(file: string, expected: object, dir: string): {problems: string[]; weights_checked: number; optimizer_checked: number} {
  const expectedFile = path.join(dir, `${path.basename(file)}.expected.json`);
  fs.writeFileSync(expectedFile, JSON.stringify(expected));
  try {
    return JSON.parse(execFileSync(SYSTEM_PYTHON, [CHECKER, file, expectedFile], {encoding: 'utf8'}));
  } catch (e) {
    const out = (e as {stdout?: string}).stdout ?? '';
    assert.fail(`h5py layout check of ${file} failed:\n${out}\n${(e as Error).message}`);
  }
}

test('written .h5 and .keras files pass the h5py walk of Keras\'s loaders, every value equal', async (t) => {
  if (!hasPythonModule('h5py') || !hasPythonModule('numpy')) {
    t.skip('h5py not installed: apt-get install python3-h5py python3-numpy to run the independent layout check');
    return;
  }
  await initBackend('cpu');
  const dir = tempDir();
  for (const make of [convModel, recurrentModel]) {
    const {model} = await make();
    const artifacts = await modelArtifacts(model, true);
    for (const format of ['h5', 'keras'] as const) {
      const file = path.join(dir, `${model.name}.${format}`);
      await saveModel(model, saveTarget(file));
      const summary = runChecker(file, await expectedDump(artifacts, format), dir);
      assert.deepEqual(summary.problems, []);
      const weightCount = (artifacts.weightSpecs ?? []).filter((s) => s.group !== 'optimizer').length;
      assert.equal(summary.weights_checked, weightCount, `${file}: every weight checked`);
      assert.ok(summary.optimizer_checked > 0, `${file}: optimizer state checked`);
    }
  }
  fs.rmSync(dir, {recursive: true, force: true});
});

async function predictions(model: tfl.LayersModel, x: tf.Tensor): Promise<Float32Array> {
  return (await (model.predict(x) as tf.Tensor).data()) as Float32Array;
}

async function weightBytes(model: tfl.LayersModel): Promise<{weights: Float32Array[]; optimizer: Float32Array[]}> {
  const weights = await Promise.all(model.weights.map(async (w) => (await w.read().data()) as Float32Array));
  const optimizer = await Promise.all((await model.optimizer.getWeights()).map(async (w) => Float32Array.from(await w.tensor.data())));
  return {weights, optimizer};
}

test('folder -> .h5 -> .keras -> folder keeps predictions, weights and Adam state bit for bit', async () => {
  await initBackend('cpu');
  const dir = tempDir();
  for (const make of [convModel, recurrentModel]) {
    const {model, x} = await make();
    const before = await predictions(model, x);
    const state = await weightBytes(model);
    const folder = path.join(dir, `${model.name}-a`);
    await saveModel(model, saveTarget(folder));
    let current = (await loadModel(folder)).model;
    for (const step of ['m.h5', 'm.keras', `${model.name}-b`]) {
      const target = path.join(dir, step);
      await saveModel(current, saveTarget(target));
      const loaded = await loadModel(target);
      assert.deepEqual(loaded.artifacts.warnings, undefined, `${step}: no warnings`);
      current = loaded.model;
      assert.deepEqual(await predictions(current, x), before, `${model.name} after ${step}: predictions`);
      const now = await weightBytes(current);
      assert.deepEqual(now.weights, state.weights, `${model.name} after ${step}: weights`);
      assert.deepEqual(now.optimizer, state.optimizer, `${model.name} after ${step}: optimizer state`);
    }
    // The training configuration survives too.
    assert.equal((current.loss as unknown as string), model.loss as unknown as string);
  }
  fs.rmSync(dir, {recursive: true, force: true});
});
