import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {initBackend} from '../backend';
import {validateSpec} from '../spec/spec';
import {trainFromSpec} from './trainer';
import {checkpointPath} from './target';
import {saveTarget} from '../../formats';
import {ModelSession} from '../session/session';
import {tempDir} from '../../test-support/fixtures';
import {savedWeights} from '../../test-support/saved-weights';

function smallSpec(overrides: Record<string, unknown> = {}) {
  return validateSpec({
    data: {dataset: 'mnist'},
    preprocessing: {reshape: [28, 28, 1], dtype: 'float32', scale: 1 / 255},
    model: {layers: [
      {type: 'Conv2D', filters: 4, kernel_size: [3, 3], activation: 'relu', input_shape: [28, 28, 1]},
      {type: 'Flatten'},
      {type: 'Dense', units: 16, activation: 'relu'},
      {type: 'Dense', units: 10, activation: 'softmax'},
    ]},
    compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
    fit: {batch_size: 50, epochs: 2, validation_split: 0.2, seed: 42, verbose: 0},
    save: {path: 'models/small'},
    ...overrides,
  }, 'small.train.json');
}

function maxAbsDiff(a: Float32Array[], b: Float32Array[]): number {
  assert.equal(a.length, b.length);
  let max = 0;
  a.forEach((t, i) => t.forEach((v, j) => (max = Math.max(max, Math.abs(v - b[i][j])))));
  return max;
}

before(async () => {
  await initBackend('wasm');
});

test('same seed, same weights; training reports Keras metrics per epoch and saves history', async () => {
  const a = tempDir();
  const b = tempDir();
  const lines: string[] = [];
  const r1 = await trainFromSpec(smallSpec(), 'small.train.json', {workspaceRoot: a, limit: 400, onLog: (l) => lines.push(l)});
  await trainFromSpec(smallSpec(), 'small.train.json', {workspaceRoot: b, limit: 400});
  assert.equal(r1.epochsRun, 2);
  assert.deepEqual(Object.keys(r1.history[0]), ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy']);
  assert.ok(r1.test && r1.test.accuracy > 0.3, `test accuracy ${r1.test?.accuracy}`);
  assert.equal(maxAbsDiff(await savedWeights(path.join(a, 'models/small')), await savedWeights(path.join(b, 'models/small'))), 0);
  const history = JSON.parse(fs.readFileSync(path.join(a, 'models/small/history.json'), 'utf8'));
  assert.equal(history.length, 2);
  assert.ok(!fs.existsSync(checkpointPath(path.join(a, 'models/small'))), 'checkpoint removed after a finished run');
  assert.ok(lines.some((l) => /^Test loss: \d/.test(l)));
});

test('a run cancelled in epoch 2 and resumed equals an uninterrupted 2-epoch run', async () => {
  const straight = tempDir();
  await trainFromSpec(smallSpec(), 'small.train.json', {workspaceRoot: straight, limit: 400});

  const resumed = tempDir();
  const controller = new AbortController();
  const cancelled = await trainFromSpec(smallSpec(), 'small.train.json', {
    workspaceRoot: resumed, limit: 400, signal: controller.signal,
    onProgress: (p) => { if (p.kind === 'batch' && p.epoch === 2) controller.abort(); },
  });
  assert.equal(cancelled.cancelled, true);
  assert.equal(cancelled.epochsRun, 1);
  const target = path.join(resumed, 'models/small');
  assert.ok(!fs.existsSync(target), 'a cancelled run does not write the model');
  assert.ok(fs.existsSync(path.join(checkpointPath(target), 'model.json')));

  const done = await trainFromSpec(smallSpec(), 'small.train.json', {workspaceRoot: resumed, limit: 400, resume: true});
  assert.equal(done.epochsRun, 2);
  assert.deepEqual(done.history.map((h) => h.epoch), [1, 2]);
  const diff = maxAbsDiff(await savedWeights(path.join(straight, 'models/small')), await savedWeights(target));
  assert.ok(diff <= 1e-4, `max abs difference ${diff}`);
});

test('overwrite: false refuses an existing target before training and leaves it intact', async () => {
  const ws = tempDir();
  const target = path.join(ws, 'models/small');
  fs.mkdirSync(target, {recursive: true});
  const previous = JSON.stringify({modelTopology: {previous: true}, weightsManifest: []});
  fs.writeFileSync(path.join(target, 'model.json'), previous);
  const spec = smallSpec({save: {path: 'models/small', overwrite: false}});
  await assert.rejects(trainFromSpec(spec, 'small.train.json', {workspaceRoot: ws, limit: 100}),
    /models\/small: already exists and save\.overwrite is false; nothing was trained/);
  assert.equal(fs.readFileSync(path.join(target, 'model.json'), 'utf8'), previous);
});

test('a model the TF.js folder cannot hold for stock TF.js is refused before training, naming layer, option and formats', async () => {
  const ws = tempDir();
  const spec = smallSpec({model: {layers: [
    {type: 'Flatten', input_shape: [28, 28, 1]},
    {type: 'Dense', units: 16},
    {type: 'ReLU', negative_slope: 0.1, threshold: 0.5, name: 'leaky_thresholded'},
    {type: 'Dense', units: 10, activation: 'softmax'},
  ]}});
  const lines: string[] = [];
  await assert.rejects(trainFromSpec(spec, 'small.train.json', {workspaceRoot: ws, limit: 100, onLog: (l) => lines.push(l)}),
    /models\/small: cannot be written as a TensorFlow\.js folder: layer 'leaky_thresholded' \(ReLU\): negative_slope=0\.1 together with threshold=0\.5.*\.h5 and \.keras keep it/);
  assert.ok(!lines.some((l) => /^Epoch|Saved/.test(l)), 'nothing was trained');
  assert.ok(!fs.existsSync(path.join(ws, 'models/small')));
  fs.rmSync(ws, {recursive: true, force: true});
});

test('save -> load -> predict gives bitwise identical outputs', async () => {
  const ws = tempDir();
  await trainFromSpec(smallSpec({fit: {batch_size: 50, epochs: 1, seed: 1, verbose: 0}}), 'small.train.json', {workspaceRoot: ws, limit: 200});
  const first = await ModelSession.open(path.join(ws, 'models/small'), {workspaceRoots: [ws]});
  const p1 = await first.predictTestSamples([0, 788, 9999]);
  const copy = path.join(ws, 'copy');
  const {saveModel} = await import('../../formats');
  await saveModel(first.model, saveTarget(copy));
  const second = await ModelSession.open(copy, {workspaceRoots: [ws]});
  const p2 = await second.predictTestSamples([0, 788, 9999]);
  assert.deepEqual(p2, p1);
  assert.equal(first.label(788), 9, 'the dataset comes from the model\'s metadata');
  first.model.dispose();
  second.model.dispose();
});

test('save.path "." or a folder holding the data is refused before training; nothing in the workspace changes', async () => {
  const ws = tempDir();
  fs.mkdirSync(path.join(ws, 'data'));
  fs.writeFileSync(path.join(ws, 'data/train.csv'), 'a,b,label\n0,1,0\n1,0,1\n');
  fs.writeFileSync(path.join(ws, 'notes.txt'), 'mine');
  const listing = () => fs.readdirSync(ws, {recursive: true}).sort();
  const before = listing();
  const csvSpec = (savePath: string) => smallSpec({
    data: {train: {csv: 'data/train.csv', label: 'label'}}, preprocessing: {},
    model: {layers: [{type: 'Dense', units: 2, activation: 'softmax', input_shape: [2]}]},
    save: {path: savePath},
  });
  // The spec's own save.path is refused as the language server and `check` show it: at its place in the spec.
  await assert.rejects(trainFromSpec(csvSpec('.'), 'small.train.json', {workspaceRoot: ws}), /small\.train\.json:\d+:\d+: save\.path: is the workspace folder; a save replaces its target/);
  await assert.rejects(trainFromSpec(csvSpec('data'), 'small.train.json', {workspaceRoot: ws}), /save\.path: holds .*train\.csv, which this run reads or works in; a save there would delete it/);
  await assert.rejects(trainFromSpec(csvSpec('notes.txt'), 'small.train.json', {workspaceRoot: ws}), /save\.path: is an existing file; the TensorFlow\.js format saves a folder/);
  // A path typed on the command line may lead anywhere, but never to the folder the run works in.
  await assert.rejects(trainFromSpec(csvSpec('models/m'), 'small.train.json', {workspaceRoot: ws, out: '.'}), /: is .*, which this run reads or works in; a save must not replace it/);
  await assert.rejects(trainFromSpec(csvSpec('models/m'), 'small.train.json', {workspaceRoot: ws, out: 'data'}), /data: holds .*train\.csv/);
  assert.deepEqual(listing(), before);
});

// Every optimizer a spec can name keeps its state through a checkpoint (TensorFlow.js's Adamax
// could not save it), and Keras's snake_case metric names compile.
for (const optimizer of ['adamax', 'rmsprop', 'sgd']) {
  test(`${optimizer} with Keras's metric names: cancelled in epoch 2 and resumed equals an uninterrupted run`, async () => {
    const spec = () => smallSpec({compile: {optimizer, loss: 'sparse_categorical_crossentropy', metrics: ['sparse_categorical_accuracy']}});
    const straight = tempDir();
    const lines: string[] = [];
    await trainFromSpec(spec(), 'small.train.json', {workspaceRoot: straight, limit: 300, onLog: (l) => lines.push(l)});
    assert.ok(lines.some((l) => /sparse_categorical_accuracy: \d/.test(l)), lines.join('\n'));
    const resumed = tempDir();
    const controller = new AbortController();
    await trainFromSpec(spec(), 'small.train.json', {
      workspaceRoot: resumed, limit: 300, signal: controller.signal,
      onProgress: (p) => { if (p.kind === 'batch' && p.epoch === 2) controller.abort(); },
    });
    await trainFromSpec(spec(), 'small.train.json', {workspaceRoot: resumed, limit: 300, resume: true});
    const diff = maxAbsDiff(await savedWeights(path.join(straight, 'models/small')), await savedWeights(path.join(resumed, 'models/small')));
    assert.ok(diff <= 1e-4, `max abs difference ${diff}`);
  });
}
