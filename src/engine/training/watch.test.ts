// A training run's watched sample: its activations at every epoch end cost the training nothing
// (same weights, no tensors left behind), and bad indices or failures are one line each.
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../backend';
import {validateSpec} from '../spec/spec';
import {trainFromSpec} from './trainer';
import {ActivationWatch, type ActivationWatchOptions} from './watch';
import {tempDir} from '../../test-support/fixtures';
import type {Split} from '../data/dataset';
import type {TrainActivations} from '../../protocol/messages';
import {savedWeights} from '../../test-support/saved-weights';

const spec = validateSpec({
  data: {dataset: 'mnist'},
  preprocessing: {reshape: [28, 28, 1], dtype: 'float32', scale: 1 / 255},
  model: {layers: [
    {type: 'Conv2D', filters: 4, kernel_size: [3, 3], activation: 'relu', input_shape: [28, 28, 1]},
    {type: 'Flatten'},
    {type: 'Dense', units: 10, activation: 'softmax'},
  ]},
  compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
  fit: {batch_size: 50, epochs: 3, validation_split: 0.2, seed: 7, verbose: 0},
  save: {path: 'models/watched'},
}, 'watched.train.json');

/** A watch that also counts the tensors each epoch end leaves behind. */
class CountingWatch extends ActivationWatch {
  readonly tensorsLeft: number[] = [];
  override async epochEnd(epoch: number, epochs: number, model: tfl.LayersModel): Promise<void> {
    const before = tf.memory().numTensors;
    await super.epochEnd(epoch, epochs, model);
    this.tensorsLeft.push(tf.memory().numTensors - before);
  }
}

function recorder(overrides: Partial<ActivationWatchOptions> = {}) {
  const sent: TrainActivations[] = [];
  const warnings: string[] = [];
  const options: ActivationWatchOptions = {runId: 'run-w', onActivations: (a) => sent.push(a), onWarning: (w) => warnings.push(w), ...overrides};
  return {sent, warnings, options};
}

before(async () => {
  await initBackend('wasm');
});

test('a watched sample\'s activations come at every epoch end, in order, leave no tensor behind and change nothing in the training', async () => {
  const watched = tempDir();
  const plain = tempDir();
  const {sent, warnings, options} = recorder({sample: 7});
  const watch = new CountingWatch(options);
  await trainFromSpec(spec, 'watched.train.json', {workspaceRoot: watched, limit: 300, watch});
  await trainFromSpec(spec, 'watched.train.json', {workspaceRoot: plain, limit: 300});

  assert.deepEqual(warnings, []);
  assert.deepEqual(sent.map((a) => [a.runId, a.epoch, a.epochs, a.sample.index, a.sample.count]), [1, 2, 3].map((e) => ['run-w', e, 3, 7, 300]));
  assert.deepEqual(watch.tensorsLeft, [0, 0, 0]);
  const last = sent.at(-1)!;
  assert.deepEqual(last.result!.layers.map((l) => [l.name, l.className, l.shape]),
    [['conv2d', 'Conv2D', [26, 26, 4]], ['flatten', 'Flatten', [2704]], ['dense', 'Dense', [10]]]);
  assert.equal(last.sample.label, 9, 'MNIST test sample 7 is a 9');
  assert.match(last.sample.image ?? '', /^data:image\/png;base64,/);
  assert.ok(last.predicted && last.predicted.label >= 0 && last.predicted.label < 10 && last.predicted.probability > 0);
  assert.ok(last.result!.computeMs < 1000, `${last.result!.computeMs} ms`);
  // The epochs' maps differ: each was taken with that epoch's weights.
  assert.notEqual(sent[0]!.result!.layers[0]!.bytes, last.result!.layers[0]!.bytes);

  const a = await savedWeights(path.join(watched, 'models/watched'));
  const b = await savedWeights(path.join(plain, 'models/watched'));
  assert.equal(a.length, b.length);
  a.forEach((w, i) => assert.deepEqual(w, b[i], `weight ${i} differs with a watched sample`));
});

/** Ten 4x4 one-channel samples with class labels 0..9. */
function tinySplit(): Split {
  return {x: Float32Array.from({length: 160}, (_, i) => (i % 7) / 7), y: Float32Array.from({length: 10}, (_, i) => i), count: 10, sampleShape: [4, 4, 1], targetShape: []};
}

test('a sample outside the test split: one warning at the start, a refused change naming the range; a change waits for the data', async () => {
  const {sent, warnings, options} = recorder({sample: 12});
  const watch = new ActivationWatch(options);
  const early = watch.setSample(3);
  watch.attach({test: tinySplit(), classes: 10});
  assert.deepEqual(warnings, ["watchSample: 12 is outside the test split: choose a whole number from 0 to 9; no sample's activations are watched."]);
  const answer = await early;
  assert.equal(answer.sample?.index, 3);
  assert.equal(answer.sample?.label, 3);
  assert.equal(answer.latest, undefined);
  for (const bad of [10, -1, 2.5]) {
    await assert.rejects(watch.setSample(bad), (e: Error) => e.message === `sample: ${bad} is outside the test split: choose a whole number from 0 to 9`);
  }
  assert.equal(watch.watched, 3, 'a refused change keeps the sample watched');
  assert.deepEqual(await watch.setSample(null), {sample: undefined, latest: undefined});
  assert.equal(sent.length, 0);

  const empty = new ActivationWatch(recorder().options);
  empty.attach({});
  await assert.rejects(empty.setSample(0), (e: Error) => e.message === 'sample: the spec has no test data to watch a sample of');
  const ended = new ActivationWatch(recorder().options);
  const waiting = ended.setSample(0);
  ended.close('runId: the training run run-w ended before its data loaded');
  await assert.rejects(waiting, /ended before its data loaded/);
});

test('activations that cannot be computed: one warning per run, the problem sent, and the epoch end returns', async () => {
  const {sent, warnings, options} = recorder({sample: 2});
  const watch = new ActivationWatch(options);
  watch.attach({test: tinySplit(), classes: 10});
  // A model whose input the watched sample does not fit.
  const model = tfl.sequential({layers: [tfl.layers.dense({inputShape: [5], units: 2, activation: 'softmax'})]});
  await watch.epochEnd(1, 2, model);
  await watch.epochEnd(2, 2, model);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /^the activations of test sample 2 could not be computed \(sample: a sample of shape \(4, 4, 1\) does not fit the model's input \(5,\)\); training goes on\.$/);
  assert.deepEqual(sent.map((a) => [a.epoch, a.result, /does not fit/.test(a.problem ?? '')]), [[1, undefined, true], [2, undefined, true]]);
  // The answer to a panel that reloads carries the last of them.
  assert.equal((await watch.setSample(2)).latest?.epoch, 2);
  model.dispose();
});
