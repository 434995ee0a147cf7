import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {loadModel, saveModel, detectFormat, modelArtifacts, modelFromArtifacts} from './index';
import {writeAtomically} from './atomic-save';
import {KERAS_FIXTURES, tempDir} from '../test-support/fixtures';

function smallModel(): tfl.LayersModel {
  const model = tfl.sequential({name: 'small', layers: [
    tfl.layers.dense({inputShape: [3], units: 4, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({seed: 1})}),
    tfl.layers.dense({units: 2, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({seed: 2})}),
  ]});
  model.compile({optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy']});
  return model;
}

async function trainOnce(model: tfl.LayersModel): Promise<void> {
  await model.fit(tf.tensor2d([[1, 2, 3], [3, 2, 1]]), tf.tensor2d([[0], [1]]), {epochs: 2, verbose: 0, shuffle: false});
}

before(async () => {
  await initBackend('cpu');
});

test('folder format round trip keeps weights, training config and optimizer state', async () => {
  const dir = path.join(tempDir(), 'm');
  const model = smallModel();
  await trainOnce(model);
  await saveModel(model, dir, {history: [{epoch: 1, loss: 0.5}]});
  assert.deepEqual(fs.readdirSync(dir).sort(), ['history.json', 'model.json', 'weights.bin']);
  const loaded = await loadModel(dir);
  assert.equal(loaded.format, 'tfjs');
  assert.deepEqual(loaded.artifacts.history, [{epoch: 1, loss: 0.5}]);
  const before = await Promise.all(model.getWeights().map((w) => w.data()));
  const after = await Promise.all(loaded.model.getWeights().map((w) => w.data()));
  assert.deepEqual(after, before);
  const optBefore = await Promise.all((await model.optimizer.getWeights()).map((w) => w.tensor.data()));
  const optAfter = await Promise.all((await loaded.model.optimizer.getWeights()).map((w) => w.tensor.data()));
  assert.equal(optAfter.length, 1 + 2 * 4, 'iterations + Adam m and v for 4 variables');
  assert.deepEqual(optAfter, optBefore);
});

test('compile: false and include_optimizer: false drop the training state', async () => {
  const root = tempDir();
  const model = smallModel();
  await trainOnce(model);
  await saveModel(model, path.join(root, 'with'));
  const uncompiled = await loadModel(path.join(root, 'with'), {compile: false});
  assert.equal(uncompiled.model.optimizer, undefined);
  await saveModel(model, path.join(root, 'without'), {includeOptimizer: false});
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'without', 'model.json'), 'utf8')).weightsManifest[0].weights;
  assert.equal(manifest.length, 4);
  assert.ok(manifest.every((w: {group?: string}) => w.group !== 'optimizer'));
  assert.equal(fs.statSync(path.join(root, 'without', 'weights.bin')).size, (3 * 4 + 4 + 4 * 2 + 2) * 4);
});

test('overwrite: false refuses, and single-file formats refuse an existing folder (as Keras does)', async () => {
  const root = tempDir();
  const model = smallModel();
  const dir = path.join(root, 'm');
  await saveModel(model, dir);
  const stamp = fs.readFileSync(path.join(dir, 'weights.bin'));
  await assert.rejects(saveModel(model, dir, {overwrite: false}), new RegExp(`${dir}: already exists and overwrite is false`));
  await assert.rejects(saveModel(model, dir, {saveFormat: 'h5'}), /is an existing folder; the 'h5' format saves a single file/);
  fs.writeFileSync(path.join(root, 'file'), 'x');
  await assert.rejects(saveModel(model, path.join(root, 'file')), /is an existing file; the TensorFlow\.js format saves a folder/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'weights.bin')), stamp);
});

test('a save that fails midway leaves the previous model untouched and no temp files', async () => {
  const root = tempDir();
  const dir = path.join(root, 'm');
  await saveModel(smallModel(), dir);
  const before = fs.readFileSync(path.join(dir, 'weights.bin'));
  await assert.rejects(writeAtomically(dir, async (tmp) => {
    fs.mkdirSync(tmp);
    fs.writeFileSync(path.join(tmp, 'model.json'), '{"half": ');
    throw new Error('disk full');
  }), /disk full/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'weights.bin')), before);
  assert.deepEqual(fs.readdirSync(root), ['m']);
});

test('manifest paths that leave the model folder are refused', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({
    modelTopology: {class_name: 'Sequential', config: {layers: []}},
    weightsManifest: [{paths: ['../../etc/passwd'], weights: []}],
  }));
  await assert.rejects(loadModel(dir), /weights manifest path '\.\.\/\.\.\/etc\/passwd' points outside the model folder/);
});

test('shards that do not match the manifest are reported with both sizes', async () => {
  const dir = path.join(tempDir(), 'm');
  await saveModel(smallModel(), dir, {includeOptimizer: false});
  fs.truncateSync(path.join(dir, 'weights.bin'), 10);
  await assert.rejects(loadModel(dir), /weight shards hold 10 bytes but the manifest describes 104/);
});

test('an unknown layer class names the class and how to register it', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({
    modelTopology: {class_name: 'Sequential', config: {layers: [{class_name: 'MyAttention', config: {batch_input_shape: [null, 3]}}]}},
    weightsManifest: [],
  }));
  await assert.rejects(loadModel(dir), /unknown layer class 'MyAttention'\. If it is a custom layer, register it through custom_objects/);
});

test('custom_objects registers a user layer class', async () => {
  class TimesTwo extends tfl.layers.Layer {
    static className = 'TimesTwo';
    call(inputs: tf.Tensor | tf.Tensor[]) {
      return tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, 2);
    }
  }
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({
    modelTopology: {class_name: 'Sequential', config: {layers: [{class_name: 'TimesTwo', config: {batch_input_shape: [null, 2]}}]}},
    weightsManifest: [],
  }));
  const {model} = await loadModel(dir, {customObjects: {TimesTwo}});
  assert.deepEqual(Array.from(await (model.predict(tf.tensor2d([[1, 2]])) as tf.Tensor).data()), [2, 4]);
});

test('reads every TensorFlow.js folder variant among the shared fixtures', async () => {
  const tfjs = path.join(KERAS_FIXTURES, 'tfjs');
  const names = fs.readdirSync(tfjs);
  assert.equal(names.length, 4);
  for (const name of names) {
    // Folders are recognized by their model JSON, whatever it is called.
    const dir = path.join(tfjs, name);
    assert.equal((await detectFormat(dir)).format, 'tfjs', name);
    const {model} = await loadModel(dir);
    assert.ok(model.countParams() > 0, name);
    model.dispose();
  }
});

// Found by the fuzz run (seed 11, savedmodel #713): TensorFlow.js builds a functional config whose
// output_layers are empty, and every reader of the model then failed on its missing output.
test('a functional config without outputs (or inputs) is refused, naming the file', async () => {
  const input = tfl.input({shape: [3]});
  const model = tfl.model({inputs: input, outputs: tfl.layers.dense({units: 2}).apply(input) as tfl.SymbolicTensor});
  const artifacts = await modelArtifacts(model, false);
  model.dispose();
  const without = (key: string) => {
    const topology = structuredClone(artifacts.modelTopology) as {config: Record<string, unknown>};
    topology.config[key] = [];
    return modelFromArtifacts({modelTopology: topology as never, weightSpecs: [], weightData: new ArrayBuffer(0)}, 'm.h5');
  };
  await assert.rejects(without('output_layers'), {name: 'FormatError', message: 'm.h5: the model config declares no outputs; refusing to build it'});
  await assert.rejects(without('input_layers'), (e: Error) => e.name === 'FormatError' && e.message.startsWith('m.h5: ') && !e.message.includes('\n'));
});
