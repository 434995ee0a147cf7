import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatDuration, formatLogs, isTrainSpec, modelKind} from './format';

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
