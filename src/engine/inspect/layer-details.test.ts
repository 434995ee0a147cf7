import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatShape, pythonicKeys} from './layer-details';

test('Keras shape notation', () => {
  assert.equal(formatShape([null, 26, 26, 32]), '(None, 26, 26, 32)');
  assert.equal(formatShape([null]), '(None,)');
  assert.equal(formatShape([[null, 2], [null, 3]]), '[(None, 2), (None, 3)]');
});

test('TensorFlow.js config keys become the Keras snake_case names', () => {
  assert.deepEqual(pythonicKeys({kernelSize: [3, 3], kernelInitializer: {className: 'GlorotUniform', config: {seed: null}}, useBias: true}),
    {kernel_size: [3, 3], kernel_initializer: {class_name: 'GlorotUniform', config: {seed: null}}, use_bias: true});
});
