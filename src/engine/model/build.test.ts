import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {initBackend} from '../backend';
import {buildModel, kerasSnakeCase} from './build';
import {validateSpec} from '../spec/spec';
import {trainFromSpec} from '../training/trainer';
import {loadModel} from '../../formats';
import {KERAS_FIXTURES, tempDir} from '../../test-support/fixtures';

const base = {
  data: {dataset: 'mnist'},
  preprocessing: {reshape: [784], scale: 1 / 255},
  compile: {optimizer: {class_name: 'adam', learning_rate: 0.01}, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
  fit: {batch_size: 100, epochs: 1, seed: 3, verbose: 0},
  save: {path: 'models/m'},
};

before(async () => {
  await initBackend('wasm');
});

test('Keras default layer names', () => {
  assert.deepEqual(['Conv2D', 'MaxPooling2D', 'BatchNormalization', 'Dense', 'LSTM'].map(kerasSnakeCase),
    ['conv2d', 'max_pooling2d', 'batch_normalization', 'dense', 'lstm']);
});

test('an unknown layer class or bad layer arguments name the layer', async () => {
  const unknown = validateSpec({...base, model: {layers: [{type: 'Dense', units: 3, input_shape: [784]}, {type: 'Conv3DTransposeX'}]}}, 's.json');
  await assert.rejects(buildModel(unknown, 's.json'), /s\.json: model\.layers\[1\]\.type: unknown Keras layer 'Conv3DTransposeX' \(did you mean 'Conv2DTranspose'\?\)$/);
  const bad = validateSpec({...base, model: {layers: [{type: 'Dense', units: 3, input_shape: [784]}, {type: 'Dense', units: -2}]}}, 's.json');
  await assert.rejects(buildModel(bad, 's.json'), /s\.json: model\.layers\[1\]\.units: Dense: 'units' must be >= 1, got -2$/);
  const misspelled = validateSpec({...base, model: {layers: [{type: 'Dense', unitz: 3, input_shape: [784]}]}}, 's.json');
  await assert.rejects(buildModel(misspelled, 's.json'), /s\.json: model\.layers\[0\]\.unitz: Dense has no argument 'unitz' \(did you mean 'units'\?\)$/);
  const activaton = validateSpec({...base, model: {layers: [{type: 'Dense', units: 3, activaton: 'relu', input_shape: [784]}]}}, 's.json');
  await assert.rejects(buildModel(activaton, 's.json'), /model\.layers\[0\]\.activaton: Dense has no argument 'activaton' \(did you mean 'activation'\?\)/);
});

test('a model config from model.to_json() builds (Keras 2 dialect)', async () => {
  const config = JSON.parse(fs.readFileSync(path.join(KERAS_FIXTURES, 'h5', 'keras2.2.2_seq_lenet_topology.json'), 'utf8'));
  const spec = validateSpec({...base, model: {config}}, 's.json');
  const model = await buildModel(spec, 's.json');
  assert.ok(model.layers.some((l) => l.getClassName() === 'Conv2D'));
  model.dispose();
});

test('model.from continues training a saved model with its optimizer state', async () => {
  const root = tempDir();
  const layers = [{type: 'Dense', units: 8, activation: 'relu', input_shape: [784]}, {type: 'Dense', units: 10, activation: 'softmax'}];
  await trainFromSpec(validateSpec({...base, model: {layers}}, 's.json'), 's.json', {workspaceRoot: root, limit: 300});
  const logs: string[] = [];
  await trainFromSpec(validateSpec({...base, model: {from: 'models/m'}, save: {path: 'models/m2'}}, 's.json'), 's.json',
    {workspaceRoot: root, limit: 300, onLog: (l) => logs.push(l)});
  assert.ok(logs.includes('Continuing from models/m with its saved optimizer state.'), logs.join('\n'));
  const first = await loadModel(path.join(root, 'models/m'));
  const second = await loadModel(path.join(root, 'models/m2'));
  const iterations = async (m: typeof first) => (await (await m.model.optimizer.getWeights())[0].tensor.data())[0];
  assert.equal(await iterations(first), 3);
  assert.equal(await iterations(second), 6, 'Adam iterations continue from the saved state');
});

test('a spec can use the Keras layers TensorFlow.js lacks (Normalization with a stored mean, GroupNormalization, UnitNormalization)', async () => {
  const spec = validateSpec({...base, model: {layers: [
    {type: 'Normalization', axis: -1, mean: [0.1, 0.2, 0.3, 0.4], variance: [1, 2, 3, 4], input_shape: [4]},
    {type: 'Dense', units: 6},
    {type: 'Reshape', target_shape: [2, 3]},
    {type: 'GroupNormalization', groups: 3},
    {type: 'UnitNormalization'},
  ]}}, 's.json');
  const model = await buildModel(spec, 's.json');
  assert.deepEqual(model.layers.map((l) => l.getClassName()), ['Normalization', 'Dense', 'Reshape', 'GroupNormalization', 'UnitNormalization']);
  assert.deepEqual(model.outputs[0].shape, [null, 2, 3]);
  model.dispose();
});

test('recurrent layers get Keras\'s defaults where TensorFlow.js differs (GRU reset_after, gate activations)', async () => {
  const {analyzeLayers} = await import('../../keras/analysis/model-analysis');
  const layers = [
    {type: 'GRU', units: 6, return_sequences: true, input_shape: [5, 3]},
    {type: 'LSTM', units: 4},
    {type: 'Dense', units: 10, activation: 'softmax'},
  ];
  const model = await buildModel(validateSpec({...base, preprocessing: {reshape: [5, 3]}, model: {layers}}, 's.json'), 's.json');
  const config = model.getConfig() as unknown as {layers: Array<{config: Record<string, unknown>}>};
  assert.equal(config.layers[0].config.resetAfter ?? config.layers[0].config.reset_after, true);
  assert.equal((model.layers[0] as unknown as {cell: {recurrentActivation: {getClassName(): string}}}).cell.recurrentActivation.getClassName(), 'sigmoid');
  const report = analyzeLayers(layers);
  assert.deepEqual(model.layers.map((l) => l.countParams()), report.layers.map((l) => l.trainable));
  assert.equal(model.layers[0].countParams(), 3 * (6 * (3 + 6) + 2 * 6));
  model.dispose();
});

test('rescaling, masking and 3D pooling layers build from a spec with the shapes the analysis infers', async () => {
  const {analyzeLayers} = await import('../../keras/analysis/model-analysis');
  const layers = [
    {type: 'Rescaling', scale: 1 / 255, offset: 0, input_shape: [28, 28, 1]},
    {type: 'Cropping2D', cropping: 6},
    {type: 'Reshape', target_shape: [4, 4, 16, 1]},
    {type: 'MaxPooling3D', pool_size: 2},
    {type: 'AveragePooling3D', pool_size: [1, 2, 2], padding: 'same'},
    {type: 'Reshape', target_shape: [2, 4]},
    {type: 'Masking', mask_value: 0},
    {type: 'Flatten'},
    {type: 'Dense', units: 10, activation: 'softmax'},
  ];
  const model = await buildModel(validateSpec({...base, preprocessing: {reshape: [28, 28, 1]}, model: {layers}}, 's.json'), 's.json');
  const report = analyzeLayers(layers);
  assert.equal(report.complete, true, JSON.stringify(report.layers.flatMap((l) => l.problems)));
  assert.deepEqual(report.layers.map((l) => l.output), model.layers.map((l) => (l.outputShape as (number | null)[]).slice(1)));
  model.dispose();
});
