/** `keras-workbench predict --input` and `evaluate` as a user runs them: output lines, files written, one-line errors. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {ORACLES, tempDir} from '../test-support/fixtures';
import {runMain} from '../test-support/cli';

const run = (args: string[]) => runMain(args);

const CNN = path.join(ORACLES, '08_k2.1.3_cnn_batchnorm_npy');

test('predict --input file.npy --output preds.json on a Keras .h5', async () => {
  const out = path.join(tempDir(), 'preds.json');
  const r = await run(['predict', path.join(CNN, 'cnn_batch_norm.h5'), '--input', path.join(CNN, 'input.npy'), '--output', out, '--backend', 'cpu']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /input\.npy\[0\]: \[-0\.052061\d*\]\n/);
  assert.equal(r.out.match(/input\.npy\[\d\]: /g)?.length, 5);
  const written = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.equal(written.length, 5);
  assert.equal(written[0].input, 'input.npy[0]');
  const again = await run(['predict', path.join(CNN, 'cnn_batch_norm.h5'), '--input', path.join(CNN, 'input.npy'), '--output', out, '--backend', 'cpu']);
  assert.equal(again.code, 1);
  assert.match(again.err, /preds\.json: already exists; pass --overwrite to replace it/);
});

test('predict and evaluate errors: one line naming the file, the shapes, or the missing dataset option', async () => {
  const dir = tempDir();
  const wrong = path.join(dir, 'wrong.csv');
  fs.writeFileSync(wrong, '1,2,3\n');
  const model = path.join(CNN, 'cnn_batch_norm.h5');
  const mismatch = await run(['predict', model, '--input', wrong, '--backend', 'cpu']);
  assert.equal(mismatch.code, 1);
  assert.equal(mismatch.err.trim().split('\n').length, 1, mismatch.err);
  assert.match(mismatch.err, /wrong\.csv: rows of 3 values do not fit the model's input shape \(10, 10, 3\)/);
  const noData = await run(['predict', model, '--sample', '3', '--backend', 'cpu']);
  assert.equal(noData.code, 1);
  assert.match(noData.err, /does not record its dataset .*--data mnist or --data SPEC\.train\.json/);
  assert.doesNotMatch(noData.err, /--spec/, 'no option that does not exist is suggested');
  const notMnist = await run(['evaluate', model, '--data', 'mnist', '--backend', 'cpu']);
  assert.match(notMnist.err, /MNIST does not fit this model/);
  const usage = await run(['predict', model, '--input', wrong, '--sample', '1']);
  assert.equal(usage.code, 1);
  assert.match(usage.err, /--input and --sample are alternatives/);
  const scale = await run(['predict', model, '--input', wrong, '--scale', 'abc']);
  assert.equal(scale.err, 'keras-workbench predict: --scale: expected a number or a fraction such as 1/255, got \'abc\'\n');
});
