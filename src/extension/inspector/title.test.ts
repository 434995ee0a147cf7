import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {InspectorSubject, ModelHandle} from '../../protocol/messages';
import {inspectorTitle} from './title';

const model = (file: string) => ({modelId: file, path: file, summary: {modelName: 'mnist_cnn'}}) as unknown as ModelHandle;

test('panels of two files with the same Keras model name get different titles naming the file and its folder', () => {
  const a = inspectorTitle({kind: 'model', model: model('/w/models/mnist_cnn.h5')});
  const b = inspectorTitle({kind: 'model', model: model('/w/models/v2/mnist_cnn.h5')});
  const c = inspectorTitle({kind: 'model', model: model('/w/models/mnist-cnn')});
  assert.equal(a, 'Inspector: mnist_cnn (models/mnist_cnn.h5)');
  assert.equal(b, 'Inspector: mnist_cnn (v2/mnist_cnn.h5)');
  assert.equal(c, 'Inspector: mnist_cnn (models/mnist-cnn)');
  assert.equal(new Set([a, b, c]).size, 3);
});

test('a training run is titled by its spec until its model is saved', () => {
  const run: InspectorSubject = {kind: 'training', runId: 'r', title: 'mnist.train.json'};
  assert.equal(inspectorTitle(run), 'Training: mnist.train.json');
  assert.equal(inspectorTitle({...run, model: model('/w/models/mnist-cnn')}), 'Inspector: mnist_cnn (models/mnist-cnn)');
});
