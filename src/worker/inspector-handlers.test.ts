// The inspector's handlers over a real JSON-RPC connection (in this process), on a small trained MNIST CNN.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {join} from 'node:path';
import type {MessageConnection} from 'vscode-jsonrpc/node';
import {initBackend} from '../engine/backend';
import {
  evaluate, evaluateProgress, layerConfig, predictPixels, predictSample, samplePage, weightStats,
} from '../protocol/messages';
import {loadDataset} from '../engine/data/dataset';
import {mnistDescription} from '../engine/session/dataset-choice';
import {smallMnistModel} from '../engine/inspect/test-model';
import {inProcessWorker} from '../test-support/in-process-worker';

const mnistTest = () => {
  const test = loadDataset(mnistDescription([28, 28, 1]), {split: 'test'}).test!;
  return {x: test.x, labels: test.y};
};

const CACHE = join(__dirname, '..', '..', '.cache', 'inspector');
let client: MessageConnection;
let dispose: () => void;
const modelId = 'small-mnist';

before(async () => {
  await initBackend('auto');
  ({client, dispose} = inProcessWorker([await smallMnistModel(CACHE)]));
});
after(() => dispose());

test('sample 788 of the MNIST test set is a 9, and the trained model predicts 9', async () => {
  const p = await client.sendRequest(predictSample, {modelId, index: 788, topK: 3});
  assert.equal(p.index, 788);
  assert.equal(p.label, 9);
  assert.equal(p.predicted, 9);
  assert.equal(p.probabilities.length, 10);
  assert.ok(Math.abs(p.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-4);
  assert.equal(p.top!.length, 3);
  assert.equal(p.top![0]!.label, 9);
  assert.ok(p.top![0]!.probability >= p.top![1]!.probability);
  assert.match(p.image!, /^data:image\/png;base64,/);
});

test('drawn pixels equal to a test image give the same prediction as the sample', async () => {
  const set = mnistTest();
  const pixels = Array.from(set.x.subarray(788 * 784, 789 * 784));
  const drawn = await client.sendRequest(predictPixels, {modelId, pixels});
  const sample = await client.sendRequest(predictSample, {modelId, index: 788});
  assert.equal(drawn.predicted, sample.predicted);
  assert.ok(typeof drawn.computeMs === 'number' && drawn.computeMs >= 0 && drawn.computeMs < 60_000, `computeMs ${drawn.computeMs}`);
  drawn.probabilities.forEach((p, i) => assert.ok(Math.abs(p - sample.probabilities[i]!) < 1e-5));
  await assert.rejects(client.sendRequest(predictPixels, {modelId, pixels: [1, 2, 3]}), /expects 784 input values/);
});

test('evaluation over the whole test set: confusion matrix sums to 10,000, with progress', async () => {
  const seen: number[] = [];
  const sub = client.onNotification(evaluateProgress, (p) => { seen.push(p.done); });
  const r = await client.sendRequest(evaluate, {modelId});
  sub.dispose();
  assert.equal(r.count, 10000);
  assert.equal(r.confusion.flat().reduce((a, b) => a + b, 0), 10000);
  const diagonal = r.confusion.reduce((s, row, i) => s + row[i]!, 0);
  assert.equal(diagonal / 10000, r.accuracy);
  assert.ok(r.accuracy > 0.8, `accuracy ${r.accuracy}`);
  const labels = Array.from(mnistTest().labels!);
  r.confusion.forEach((row, c) => assert.equal(row.reduce((a, b) => a + b, 0), labels.filter((l) => l === c).length));
  assert.ok(r.perClassAccuracy.every((a) => a >= 0 && a <= 1));
  assert.ok(seen.length >= 2 && seen.at(-1) === 10000, `progress ${seen.join(',')}`);
  assert.ok(r.loss! > 0 && r.loss! < 2);
  assert.equal(r.lossName, 'sparse_categorical_crossentropy', 'the model\'s own loss');
});

test('pages of the test set and of the misclassified samples', async () => {
  const page = await client.sendRequest(samplePage, {modelId, offset: 9990, count: 24, onlyMisclassified: false});
  assert.equal(page.total, 10000);
  assert.deepEqual(page.items.map((p) => p.index), [9990, 9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999]);
  const r = await client.sendRequest(evaluate, {modelId});
  const wrong = await client.sendRequest(samplePage, {modelId, offset: 0, count: 50, onlyMisclassified: true});
  assert.equal(wrong.total, 10000 - Math.round(r.accuracy * 10000));
  assert.equal(wrong.items.length, 50);
  for (const p of wrong.items) assert.notEqual(p.predicted, p.label);
  assert.ok(wrong.items.every((p, i) => i === 0 || p.index > wrong.items[i - 1]!.index));
});

test('layer configuration on demand, and errors that name the problem', async () => {
  const d = await client.sendRequest(layerConfig, {modelId, layer: 'conv2d_1'});
  assert.equal(d.className, 'Conv2D');
  assert.equal(d.config.filters, 16);
  assert.deepEqual(d.config.kernel_size, [3, 3]);
  assert.equal(d.outputShape, '(None, 11, 11, 16)');
  assert.equal(d.inputShape, '(None, 13, 13, 8)');
  assert.deepEqual(d.weights.map((w) => w.shape), [[3, 3, 8, 16], [16]]);
  // Each failure is its own one line, not wrapped in "Request workbench/... failed with message".
  const oneLine = (pattern: RegExp) => (e: Error) => pattern.test(e.message) && !e.message.includes('\n');
  await assert.rejects(client.sendRequest(layerConfig, {modelId, layer: 'nope'}), oneLine(/^Model small_mnist_cnn has no layer named "nope"\.$/));
  await assert.rejects(client.sendRequest(predictSample, {modelId, index: 10000}), oneLine(/^Sample index 10000 is outside the test set/));
  await assert.rejects(client.sendRequest(weightStats, {modelId: 'gone'}), oneLine(/^No loaded model with id gone:/));
});
