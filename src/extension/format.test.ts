import {test} from 'node:test';
import assert from 'node:assert/strict';
import {failureMessage, formatDuration, formatLogs, isTrainSpec, modelKind} from './format';

test('formatDuration writes minutes and hours like a clock', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(95), '1:35');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(formatDuration(-3), '0:00');
});

test('formatLogs writes Keras-style metrics and leaves out the epoch', () => {
  assert.equal(formatLogs({epoch: 1, loss: 0.23011, accuracy: 0.93125}), 'loss: 0.2301 - accuracy: 0.9313');
  assert.equal(formatLogs({}), '');
});

test('isTrainSpec and modelKind recognise the files the menus target', () => {
  assert.ok(isTrainSpec('/w/mnist-cnn.train.json'));
  assert.ok(!isTrainSpec('/w/model.json'));
  assert.equal(modelKind('/w/models/mnist', true), 'folder');
  assert.equal(modelKind('/w/m.H5', false), 'h5');
  assert.equal(modelKind('/w/m.keras', false), 'keras');
  assert.equal(modelKind('/w/models/model.json', false), 'marker');
  assert.equal(modelKind('/w/sm/saved_model.pb', false), 'marker');
  assert.equal(modelKind('/w/models/renamed-model.json', false), 'model.json');
  assert.equal(modelKind('/w/m.hdf5', false), 'h5');
  assert.equal(modelKind('/w/readme.md', false), undefined);
  assert.equal(modelKind('/w/mnist.train.json', false), undefined);
});

test('failureMessage names the file once, also when the worker\'s message starts with it or a file inside it', () => {
  const why = 'global heap at byte 2048 declares 4096 bytes, beyond the file\'s 3000; the file is damaged, refusing to read it';
  assert.equal(failureMessage('Cannot load', '/w/m.h5', `/w/m.h5: ${why}`), `Cannot load /w/m.h5: ${why}`);
  assert.equal(failureMessage('Cannot load', '/w/m.h5', why), `Cannot load /w/m.h5: ${why}`);
  assert.equal(failureMessage('Cannot load', '/w/models/cnn', '/w/models/cnn/group1-shard1of1.bin: cannot be read: too short'),
    'Cannot load /w/models/cnn/group1-shard1of1.bin: cannot be read: too short');
  // Another file of the same prefix is not the model's.
  assert.equal(failureMessage('Cannot load', '/w/m', '/w/m2.h5: damaged'), 'Cannot load /w/m: /w/m2.h5: damaged');
});
