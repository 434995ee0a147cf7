/**
 * Keras 3 weights files (`save_weights` to `.weights.h5`, and sharded to `.weights.json`) written
 * by a real Keras 3 (test/fixtures/keras3-weights/make.py) load onto their topology and predict
 * what Keras predicted; every kind of mismatch is one line naming the file and the variable.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {loadModel, modelFromArtifacts, readWithWeights, saveArtifacts} from './index';
import {readNpz, toFloat32} from '../engine/data/npy';
import {REPO_ROOT, tempDir} from '../test-support/fixtures';
import {main} from '../cli/main';

const HERE = path.join(REPO_ROOT, 'test', 'fixtures', 'keras3-weights');
const at = (name: string) => path.join(HERE, name);

async function maxDifference(topology: string, weights: string, key: 'cnn' | 'lstm'): Promise<number> {
  await tf.setBackend('cpu');
  const artifacts = await readWithWeights(topology, weights);
  const model = await modelFromArtifacts(artifacts, topology);
  const x = readNpz(at('inputs.npz')).get(key)!;
  const expected = toFloat32(readNpz(at('outputs.npz')).get(key)!.data);
  const ours = tf.tidy(() => (model.predict(tf.tensor(toFloat32(x.data), x.shape)) as tf.Tensor).dataSync());
  model.dispose();
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(ours[i] - expected[i]));
  return worst;
}

/** A copy of the fixture folder to damage. */
function scratchCopy(): string {
  const dir = tempDir('kw-k3w-');
  for (const f of fs.readdirSync(HERE)) fs.copyFileSync(at(f), path.join(dir, f));
  return dir;
}

async function refusal(topology: string, weights: string): Promise<string> {
  try {
    await readWithWeights(topology, weights);
  } catch (e) {
    const message = (e as Error).message;
    assert.ok(!message.includes('\n'), `one line: ${message}`);
    return message;
  }
  throw assert.fail(`${weights} on ${topology} was accepted`);
}

test('Keras 3 .weights.h5 and sharded .weights.json load onto their config and predict as Keras did', async () => {
  assert.ok(await maxDifference(at('cnn.config.json'), at('cnn.weights.h5'), 'cnn') <= 1e-5);
  // The sharded store splits the first Dense layer's variables over two shards.
  const map = JSON.parse(fs.readFileSync(at('cnn.weights.json'), 'utf8'));
  assert.ok(Object.values(map.weight_map).some((files) => (files as string[]).length === 2));
  assert.ok(await maxDifference(at('cnn.config.json'), at('cnn.weights.json'), 'cnn') <= 1e-5);
  assert.ok(await maxDifference(at('lstm.config.json'), at('lstm.weights.h5'), 'lstm') <= 1e-5);
});

test('the topology may be a model file: its weights are replaced by the weights file\'s', async () => {
  const dir = tempDir('kw-k3w-');
  const model = path.join(dir, 'cnn.keras');
  await saveArtifacts(await readWithWeights(at('cnn.config.json'), at('cnn.weights.h5')), model, {saveFormat: 'keras'});
  assert.ok(await maxDifference(model, at('cnn.weights.json'), 'cnn') <= 1e-5);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('convert CONFIG OUT --weights FILE writes a model with those weights', async () => {
  const dir = tempDir('kw-k3w-');
  const out = path.join(dir, 'cnn.h5');
  assert.equal(await main(['convert', at('cnn.config.json'), out, '--weights', at('cnn.weights.json')]), 0);
  assert.ok(await maxDifference(out, at('cnn.weights.h5'), 'cnn') <= 1e-5);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('a shard missing, a variable of the wrong shape or one the model lacks: one line naming the file and the variable', async () => {
  const dir = scratchCopy();
  const file = (name: string) => path.join(dir, name);

  fs.rmSync(file('cnn_00001.weights.h5'));
  assert.match(await refusal(file('cnn.config.json'), file('cnn.weights.json')),
    /cnn\.weights\.json: shard 'cnn_00001\.weights\.h5' \(holding layers\/dense\/vars\) is missing/);

  // Another config: the last Dense layer with 4 units instead of 3.
  const config = JSON.parse(fs.readFileSync(file('cnn.config.json'), 'utf8'));
  const layers = config.config.layers;
  layers[layers.length - 1].config.units = 4;
  fs.writeFileSync(file('wide.json'), JSON.stringify(config));
  assert.match(await refusal(file('wide.json'), file('cnn.weights.h5')),
    /cnn\.weights\.h5: 'layers\/dense_1\/vars\/0' has shape \(32, 3\) but dense_1\/kernel needs \(32, 4\)/);

  // A config without the last layer: the file holds variables the model lacks.
  layers.pop();
  fs.writeFileSync(file('short.json'), JSON.stringify(config));
  assert.match(await refusal(file('short.json'), file('cnn.weights.h5')),
    /cnn\.weights\.h5: holds variables the model config does not account for: layers\/dense_1\/vars\/0/);

  // The LSTM's weights onto the CNN: no variable where the CNN's first layer needs one.
  assert.match(await refusal(file('cnn.config.json'), file('lstm.weights.h5')), /lstm\.weights\.h5: has no variable 'layers\/conv2d\/vars\/0'/);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('a shard map naming files outside its folder, or links leading out, is refused', async () => {
  const dir = scratchCopy();
  const file = (name: string) => path.join(dir, name);
  const map = JSON.parse(fs.readFileSync(file('cnn.weights.json'), 'utf8'));
  map.weight_map['/layers/conv2d/vars'] = ['../cnn_00000.weights.h5'];
  fs.writeFileSync(file('escape.weights.json'), JSON.stringify(map));
  assert.match(await refusal(file('cnn.config.json'), file('escape.weights.json')), /names '\.\.\/cnn_00000\.weights\.h5', which is not a file name beside the map/);

  const outside = tempDir('kw-k3w-outside-');
  fs.renameSync(file('cnn_00000.weights.h5'), path.join(outside, 'cnn_00000.weights.h5'));
  fs.symlinkSync(path.join(outside, 'cnn_00000.weights.h5'), file('cnn_00000.weights.h5'));
  assert.match(await refusal(file('cnn.config.json'), file('cnn.weights.json')), /shard 'cnn_00000\.weights\.h5' is a link leading out of its folder/);

  fs.writeFileSync(file('not-a-map.weights.json'), '[1, 2]');
  assert.match(await refusal(file('cnn.config.json'), file('not-a-map.weights.json')), /not-a-map\.weights\.json: /);
  fs.rmSync(dir, {recursive: true, force: true});
  fs.rmSync(outside, {recursive: true, force: true});
});

test('a weights file loaded as a model on its own says where its model comes from; loadModel takes it as the weights option', async () => {
  for (const weights of ['cnn.weights.h5', 'cnn.weights.json']) {
    await assert.rejects(loadModel(at(weights)), (e: Error) => {
      assert.match(e.message, new RegExp(`${weights.replace(/\./g, '\\.')}: holds Keras 3 weights \\(model\\.save_weights\\) without a model config; load them onto their model: .*--weights`));
      return true;
    });
  }
  const {model, format} = await loadModel(at('cnn.config.json'), {weights: at('cnn.weights.json')});
  assert.equal(format, 'keras');
  assert.equal(model.countParams(), 4 * 9 + 4 + 4 * 4 + 144 * 32 + 32 + 32 * 3 + 3);
  model.dispose();
});
