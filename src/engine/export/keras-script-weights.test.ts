/**
 * A spec that starts from a weights file (model.weights) exports a script whose model, built by a
 * real Keras 3, carries those weights: it predicts what Keras predicted with them.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {initBackend} from '../backend';
import {validateSpec} from '../spec/spec';
import {generateKerasScript} from './keras-script';
import {REPO_ROOT, tempDir} from '../../test-support/fixtures';
import {KERAS3, needKit, runInKit} from '../../test-support/kits';
import {npy} from '../../hostile-inputs/builders';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'keras3-weights');

const CHECK = `
import importlib.util, sys, numpy as np, keras
script, root, inputs, outputs = sys.argv[1:]
spec = importlib.util.spec_from_file_location("exported", script)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
model = module.build_model(keras, root)
x = np.load(inputs)["cnn"]
expected = np.load(outputs)["cnn"]
print(float(np.max(np.abs(model.predict(x, verbose=0) - expected))))
`;

test('export-keras: model.weights becomes load_weights in the script, and Keras builds the model with those weights', async (t) => {
  if (!needKit(t, KERAS3)) return;
  await initBackend('cpu');
  const root = tempDir('kw-export-weights-');
  for (const f of ['cnn.weights.json', 'cnn_00000.weights.h5', 'cnn_00001.weights.h5']) fs.copyFileSync(path.join(FIXTURES, f), path.join(root, f));
  fs.writeFileSync(path.join(root, 'x.npy'), npy([30, 8, 8, 1], '<f4', (i) => (i % 13) / 13));
  fs.writeFileSync(path.join(root, 'y.npy'), npy([30], '<f4', (i) => i % 3));
  const specFile = path.join(root, 'start.train.json');
  const spec = validateSpec({
    data: {train: {x: 'x.npy', y: 'y.npy'}},
    model: {config: JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cnn.config.json'), 'utf8')), weights: 'cnn.weights.json'},
    compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
    fit: {batch_size: 10, epochs: 1, validation_split: 0.2},
    save: {path: 'models/started'},
  }, specFile);
  fs.writeFileSync(specFile, JSON.stringify(spec, null, 1));
  const script = path.join(root, 'start.train.py');
  fs.writeFileSync(script, await generateKerasScript(spec, specFile, {workspaceRoot: root}));
  assert.match(fs.readFileSync(script, 'utf8'), /MODEL_WEIGHTS = "cnn\.weights\.json"/);
  const difference = Number(runInKit(KERAS3, ['-c', CHECK, script, root, path.join(FIXTURES, 'inputs.npz'), path.join(FIXTURES, 'outputs.npz')], {cwd: root}).trim().split('\n').pop());
  assert.ok(difference <= 1e-5, `Keras's predictions differ by ${difference}`);
  fs.rmSync(root, {recursive: true, force: true});
});
