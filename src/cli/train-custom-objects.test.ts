import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {main} from './main';
import {tempDir} from '../test-support/fixtures';

test('train --custom-objects registers the module\'s layers before building the spec\'s model', async () => {
  const dir = tempDir();
  const tfl = require.resolve('@tensorflow/tfjs-layers');
  const tfc = require.resolve('@tensorflow/tfjs-core');
  fs.writeFileSync(path.join(dir, 'layers.js'), `
const tfl = require(${JSON.stringify(tfl)});
const tf = require(${JSON.stringify(tfc)});
class TimesTwo extends tfl.layers.Layer {
  call(inputs) { return tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, 2); }
}
TimesTwo.className = 'TimesTwo';
module.exports = {TimesTwo};
`);
  fs.writeFileSync(path.join(dir, 'data.csv'), 'a,b,label\n' + Array.from({length: 8}, (_, i) => `${i},${i % 2},${i % 2}`).join('\n'));
  fs.writeFileSync(path.join(dir, 'custom.train.json'), JSON.stringify({
    data: {train: {csv: 'data.csv', label: 'label'}},
    model: {layers: [{type: 'TimesTwo', input_shape: [2]}, {type: 'Dense', units: 2, activation: 'softmax'}]},
    compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
    fit: {batch_size: 4, epochs: 1, verbose: 0},
    save: {path: 'model'},
  }));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const withoutModule = await main(['train', 'custom.train.json', '--backend', 'cpu', '--threads', '1']);
    assert.equal(withoutModule, 1, 'an unregistered layer class must fail');
    assert.equal(fs.existsSync(path.join(dir, 'model')), false);
    const code = await main(['train', 'custom.train.json', '--backend', 'cpu', '--threads', '1', '--custom-objects', 'layers.js']);
    assert.equal(code, 0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'model', 'model.json'), 'utf8'));
    assert.equal(json.modelTopology.config.layers[0].class_name, 'TimesTwo');
  } finally {
    process.chdir(cwd);
  }
});
