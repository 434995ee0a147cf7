/** A spec's `model.weights`: training starts from a Keras weights file loaded onto the spec's model. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {initBackend} from '../backend';
import {validateSpec} from '../spec/spec';
import {trainFromSpec} from './trainer';
import {loadModel, readWithWeights} from '../../formats';
import {decodeArtifactWeights} from '../../keras/config-weights';
import {REPO_ROOT, tempDir} from '../../test-support/fixtures';
import {npy} from '../../hostile-inputs/builders';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'keras3-weights');

test('model.weights: the spec\'s model starts from the Keras 3 weights file (sharded here), named in errors as model.weights', async () => {
  await initBackend('cpu');
  const root = tempDir('kw-start-');
  for (const f of ['cnn.weights.json', 'cnn_00000.weights.h5', 'cnn_00001.weights.h5']) fs.copyFileSync(path.join(FIXTURES, f), path.join(root, f));
  const n = 40;
  fs.writeFileSync(path.join(root, 'x.npy'), npy([n, 8, 8, 1], '<f4', (i) => (i * 7919 % 101) / 101));
  fs.writeFileSync(path.join(root, 'y.npy'), npy([n], '<f4', (i) => i % 3));
  const config = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cnn.config.json'), 'utf8'));
  const spec = (weights: string) => validateSpec({
    data: {train: {x: 'x.npy', y: 'y.npy'}},
    model: {config, weights},
    // A step too small to move a weight by 1e-6: what is saved is what was loaded.
    compile: {optimizer: {class_name: 'sgd', learning_rate: 1e-9}, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
    fit: {batch_size: 20, epochs: 1, validation_split: 0, seed: 1, verbose: 0},
    save: {path: 'models/started'},
  }, 'start.train.json');
  await trainFromSpec(spec('cnn.weights.json'), 'start.train.json', {workspaceRoot: root});

  const expected = await readWithWeights(path.join(FIXTURES, 'cnn.config.json'), path.join(FIXTURES, 'cnn.weights.h5'));
  const stored = decodeArtifactWeights(expected.weightSpecs ?? [], expected.weightData, 'expected');
  const {model} = await loadModel(path.join(root, 'models/started'));
  const names = model.weights.map((w) => w.originalName);
  const trainedKernel = model.getWeights()[names.findIndex((nm) => /conv2d.*kernel/.test(nm))].dataSync();
  const storedKernel = [...stored.entries()].find(([k]) => /conv2d.*kernel/.test(k))![1].data;
  let worst = 0;
  storedKernel.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - trainedKernel[i]))));
  assert.ok(worst < 1e-6, `kernel moved by ${worst}`);
  model.dispose();

  await assert.rejects(trainFromSpec(spec('missing.weights.h5'), 'start.train.json', {workspaceRoot: root}), /model\.weights: no weights file at missing\.weights\.h5/);
  fs.rmSync(root, {recursive: true, force: true});
});
