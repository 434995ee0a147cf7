/**
 * The model session on real models: Keras's own predictions (the oracles) through `predict
 * --input` files of every kind, evaluation with the model's own loss, and the accuracy of
 * `evaluate` equal to the confusion matrix's.
 */
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {join} from 'path';
import {initBackend} from '../backend';
import {ORACLES, REPO_ROOT, tempDir} from '../../test-support/fixtures';
import {withHdf5, readNumericDataset, type H5Group} from '../../formats/hdf5-file';
import {parseNpy, readNpy} from '../data/npy';
import {ModelSession} from './session';
import {encodeNpy, writePredictions} from './outputs';
import {smallMnistModel} from '../inspect/test-model';
import {inProcessWorker} from '../../test-support/in-process-worker';
import {evaluate} from '../../protocol/messages';
import {evaluateSplit} from '../evaluate';
import {loadDataset} from '../data/dataset';
import {mnistDescription} from './dataset-choice';
import {lossAndMetrics} from '../training/losses';

before(async () => {
  await initBackend('auto');
});

async function oracleArrays(file: string): Promise<{inputs: {shape: number[]; data: Float32Array}; predictions: {shape: number[]; data: Float32Array}}> {
  return withHdf5(file, (f) => {
    const root = f as unknown as H5Group;
    const first = (group: string) => {
      const g = root.get(group) as H5Group;
      const name = g.keys()[0]!;
      const a = readNumericDataset(g.get(name) as never, file, `${group}/${name}`);
      return {shape: a.shape, data: Float32Array.from(a.data)};
    };
    return {inputs: first('inputs'), predictions: first('predictions')};
  });
}

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, what);
  let scale = 1;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]!));
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i]! - expected[i]!) <= 1e-5 * scale, `${what}[${i}]: ${actual[i]} vs Keras ${expected[i]}`);
  }
}

test('predict --input .npy on a Keras 2.1.3 CNN gives Keras\'s own predictions; --output .npy writes them', async () => {
  const dir = join(ORACLES, '08_k2.1.3_cnn_batchnorm_npy');
  const session = await ModelSession.open(join(dir, 'cnn_batch_norm.h5'));
  assert.equal(session.dataDescription, undefined, 'a Keras file records no dataset');
  const batch = session.readInputs([join(dir, 'input.npy')]);
  assert.equal(batch.count, 5);
  const predictions = await session.predictInputs(batch);
  assert.equal(session.outputKind, 'values');
  assert.ok(predictions.every((p) => p.top === undefined), 'raw outputs, not classes, for a regression output');
  const expected = readNpy(join(dir, 'predictions.npy'));
  close(predictions.flatMap((p) => Array.from(p.output)), expected.data as Float32Array, 'predictions');
  const out = join(tempDir(), 'preds.npy');
  writePredictions(out, predictions, session.handle.outputShape);
  const written = parseNpy(fs.readFileSync(out), out);
  assert.deepEqual(written.shape, [5, 1]);
  close(written.data as Float32Array, expected.data as Float32Array, 'written');
  assert.throws(() => writePredictions(out, predictions, session.handle.outputShape), /preds\.npy: already exists; pass --overwrite/);
});

test('a CSV of features on a Keras softmax classifier: top-k classes with Keras\'s probabilities', async () => {
  const dir = join(ORACLES, '12_k2.3.1_dense_softmax');
  const {inputs, predictions} = await oracleArrays(join(dir, 'simple_sparse_xent_mlp_keras_2_inputs_and_outputs.h5'));
  const session = await ModelSession.open(join(dir, 'simple_sparse_xent_mlp_keras_2_model.h5'));
  const csv = join(tempDir(), 'features.csv');
  const rows = Array.from({length: inputs.shape[0]!}, (_, r) => Array.from(inputs.data.subarray(r * 4, r * 4 + 4)).join(','));
  fs.writeFileSync(csv, `a,b,c,d\n${rows.join('\n')}\n`);
  const result = await session.predictInputs(session.readInputs([csv]), 2);
  assert.equal(session.outputKind, 'classes');
  result.forEach((p, r) => {
    const keras = predictions.data.subarray(r * 3, r * 3 + 3);
    close(p.output, keras, `row ${r}`);
    assert.equal(p.top!.length, 2);
    assert.equal(p.predicted, keras.indexOf(Math.max(...keras)));
    assert.ok(p.top![0]!.probability >= p.top![1]!.probability);
  });
  assert.deepEqual(result.map((p) => p.source), ['features.csv line 2', 'features.csv line 3', 'features.csv line 4']);
  const csvOut = join(tempDir(), 'p.csv');
  writePredictions(csvOut, result, session.handle.outputShape, {topK: 2});
  const lines = fs.readFileSync(csvOut, 'utf8').trim().split('\n');
  assert.equal(lines[0], 'input,predicted,top1,top1_probability,top2,top2_probability,output_0,output_1,output_2');
  assert.equal(lines.length, 4);
  const jsonOut = join(tempDir(), 'p.json');
  writePredictions(jsonOut, result, session.handle.outputShape);
  assert.equal(JSON.parse(fs.readFileSync(jsonOut, 'utf8'))[0].predicted, result[0]!.predicted);
});

test('a sequence model (Keras 1.2.2 LSTM) predicts an .npy of (N, steps, features) like Keras', async () => {
  const dir = join(ORACLES, '03_k1.2.2_lstm_tf');
  const {inputs, predictions} = await oracleArrays(join(dir, 'simple_lstm_tf_keras_1_inputs_and_outputs.h5'));
  const session = await ModelSession.open(join(dir, 'simple_lstm_tf_keras_1_model.h5'));
  const file = join(tempDir(), 'sequences.npy');
  fs.writeFileSync(file, encodeNpy(inputs.data, inputs.shape));
  const result = await session.predictInputs(session.readInputs([file]));
  close(result.flatMap((p) => Array.from(p.output)), predictions.data, 'LSTM outputs');
});

test('evaluate uses the model\'s own loss; its accuracy equals the confusion matrix\'s on the same model', async () => {
  const loaded = await smallMnistModel(join(REPO_ROOT, '.cache', 'inspector'));
  const session = new ModelSession(loaded);
  const r = await session.evaluate();
  assert.equal(r.lossName, 'sparse_categorical_crossentropy');
  assert.equal(r.count, 10000);
  // The trainer's evaluation (model.predict in its own batches, tf metrics) agrees with the session's.
  const test = loadDataset(mnistDescription([28, 28, 1]), {split: 'test'}).test!;
  const [loss, accuracy] = await evaluateSplit(loaded.model, lossAndMetrics('sparse_categorical_crossentropy', ['accuracy']), test);
  assert.ok(Math.abs(r.loss! - loss!) < 1e-4, `loss ${r.loss} vs ${loss}`);
  assert.ok(Math.abs(r.metrics.accuracy! - accuracy!) < 1e-9, `accuracy ${r.metrics.accuracy} vs ${accuracy}`);
  // The inspector's confusion matrix, over the worker protocol, on the same model.
  const {client, dispose} = inProcessWorker([loaded]);
  try {
    const inspector = await client.sendRequest(evaluate, {modelId: loaded.handle.modelId});
    const diagonal = inspector.confusion.reduce((s, row, i) => s + row[i]!, 0);
    assert.equal(diagonal / inspector.count, r.metrics.accuracy, 'evaluate\'s accuracy = the confusion matrix\'s');
    assert.equal(inspector.accuracy, r.metrics.accuracy);
  } finally {
    dispose();
  }
});

test('a model without a training configuration is refused by evaluate, like Keras; one without a dataset says how to give one', async () => {
  const dir = join(ORACLES, '08_k2.1.3_cnn_batchnorm_npy');
  const session = await ModelSession.open(join(dir, 'cnn_batch_norm.h5'), {compile: false});
  assert.equal(session.objective().objective, undefined);
  assert.throws(() => session.requireTestSet(), /does not record its dataset .*--data mnist/);
  assert.ok(path.isAbsolute(session.handle.path));
});
