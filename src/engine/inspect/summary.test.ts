import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../backend';
import {branchingModel} from './test-model';
import {formatShape, summarizeModel} from './summary';

before(async () => {
  await initBackend('auto');
});

test('Keras shape notation', () => {
  assert.equal(formatShape([null, 26, 26, 32]), '(None, 26, 26, 32)');
  assert.equal(formatShape([null]), '(None,)');
  assert.equal(formatShape([[null, 2], [null, 3]]), '[(None, 2), (None, 3)]');
});

test('summary of the reference architecture: 15,955,210 parameters, 4 bytes each', () => {
  const model = tfl.sequential({layers: [
    tfl.layers.conv2d({inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu'}),
    tfl.layers.conv2d({filters: 64, kernelSize: 3, activation: 'relu'}),
    tfl.layers.conv2d({filters: 128, kernelSize: 3, activation: 'relu'}),
    tfl.layers.flatten(),
    tfl.layers.dense({units: 256, activation: 'relu'}),
    tfl.layers.dense({units: 10, activation: 'softmax'}),
  ]});
  const s = summarizeModel(model);
  assert.equal(s.className, 'Sequential');
  assert.deepEqual(s.rows.map((r) => r.outputShape), [
    '(None, 26, 26, 32)', '(None, 24, 24, 64)', '(None, 22, 22, 128)', '(None, 61952)', '(None, 256)', '(None, 10)']);
  assert.deepEqual(s.rows.map((r) => r.params), [320, 18496, 73856, 0, 15859968, 2570]);
  assert.equal(s.totalParams, 15955210);
  assert.equal(s.trainableParams, 15955210);
  assert.equal(s.nonTrainableParams, 0);
  assert.equal(s.totalBytes, 15955210 * 4);
  assert.deepEqual(s.rows[0]!.inbound, []);
  assert.deepEqual(s.rows[1]!.inbound, [s.rows[0]!.name]);
});

test('functional model: the input layer is listed and the merge has two inbound layers', () => {
  const s = summarizeModel(branchingModel());
  assert.deepEqual(s.rows.map((r) => r.name), ['image', 'conv_a', 'conv_b', 'merge', 'flatten', 'probabilities']);
  assert.equal(s.rows[0]!.className, 'InputLayer');
  assert.deepEqual(s.rows.find((r) => r.name === 'merge')!.inbound, ['conv_a', 'conv_b']);
  assert.deepEqual(s.rows.find((r) => r.name === 'conv_b')!.inbound, ['image']);
});

test('non-trainable weights (BatchNormalization moving statistics) are counted apart', () => {
  const model = tfl.sequential({layers: [
    tfl.layers.dense({inputShape: [4], units: 3}),
    tfl.layers.batchNormalization(),
  ]});
  const s = summarizeModel(model);
  assert.equal(s.totalParams, 15 + 12);
  assert.equal(s.trainableParams, 15 + 6);
  assert.equal(s.nonTrainableParams, 6);
  assert.equal(s.nonTrainableBytes, 24);
});
