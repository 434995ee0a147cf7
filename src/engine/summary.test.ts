import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from './backend';
import {buildModel} from './model/build';
import {readTrainSpec} from './spec/spec';
import {formatSummary, summarize} from './summary';
import {REPO_ROOT} from '../test-support/fixtures';

// What Keras 2 (tf.keras <= 2.8) prints for the reference model, character for character.
const KERAS_SUMMARY = `Model: "mnist_cnn"
_________________________________________________________________
Layer (type)                 Output Shape              Param #   
=================================================================
conv2d (Conv2D)              (None, 26, 26, 32)        320       
_________________________________________________________________
conv2d_1 (Conv2D)            (None, 24, 24, 64)        18496     
_________________________________________________________________
conv2d_2 (Conv2D)            (None, 22, 22, 128)       73856     
_________________________________________________________________
flatten (Flatten)            (None, 61952)             0         
_________________________________________________________________
dense (Dense)                (None, 256)               15859968  
_________________________________________________________________
dense_1 (Dense)              (None, 10)                2570      
=================================================================
Total params: 15,955,210
Trainable params: 15,955,210
Non-trainable params: 0
_________________________________________________________________`;

test('the reference model summary matches the Keras layout exactly', async () => {
  await initBackend('cpu');
  const spec = readTrainSpec(path.join(REPO_ROOT, 'examples', 'mnist-cnn.train.json'));
  const model = await buildModel(spec, 'mnist-cnn.train.json');
  const table = summarize(model);
  assert.equal(formatSummary(table), KERAS_SUMMARY);
  assert.equal(table.totalBytes, 15955210 * 4);
  model.dispose();
});

test('a functional model with a merge uses the 98-column layout with "Connected to"', async () => {
  await initBackend('cpu');
  const input = tfl.input({shape: [4], name: 'input_1'});
  const a = tfl.layers.dense({units: 3, name: 'left'}).apply(input) as tfl.SymbolicTensor;
  const b = tfl.layers.dense({units: 3, name: 'right'}).apply(input) as tfl.SymbolicTensor;
  const merged = tfl.layers.concatenate({name: 'concatenate'}).apply([a, b]) as tfl.SymbolicTensor;
  const model = tfl.model({inputs: input, outputs: merged, name: 'branches'});
  const lines = formatSummary(summarize(model)).split('\n');
  assert.equal(lines[1], '_'.repeat(98));
  assert.equal(lines[2], 'Layer (type)                    Output Shape         Param #     Connected to                     ');
  assert.equal(lines[4], 'input_1 (InputLayer)            [(None, 4)]          0                                            ');
  const concat = lines.findIndex((l) => l.startsWith('concatenate (Concatenate)'));
  assert.equal(lines[concat], 'concatenate (Concatenate)       (None, 6)            0           left[0][0]                       ');
  assert.equal(lines[concat + 1], '                                                                 right[0][0]                      ');
  assert.equal(lines.at(-4), 'Total params: 30');
});
