/** A dataset given to a model that records none: the built-in MNIST or the user's files, evaluated like a recorded one. */
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {zipSync} from 'fflate';
import {initBackend} from '../backend';
import {REPO_ROOT, tempDir} from '../../test-support/fixtures';
import {smallMnistModel} from '../inspect/test-model';
import {mnistDirectory} from '../data/dataset';
import {describeChoice, mnistFits} from './dataset-choice';
import {encodeNpy} from './outputs';
import {ModelSession} from './session';

before(async () => {
  await initBackend('auto');
});

test('MNIST, an .npz, a CSV and an inputs + labels pair give the same evaluation on the same samples', async () => {
  const loaded = await smallMnistModel(path.join(REPO_ROOT, '.cache', 'inspector'));
  const session = new ModelSession({model: loaded.model, handle: {...loaded.handle, dataset: undefined}});
  assert.equal(session.testSet(), undefined);
  const {inputShape, outputShape} = loaded.handle;
  assert.ok(mnistFits(inputShape, outputShape));
  session.useData(describeChoice({kind: 'mnist'}, inputShape, outputShape));
  const mnist = await session.evaluate(300);

  const dir = tempDir();
  const n = 300;
  const images = fs.readFileSync(path.join(mnistDirectory(), 't10k-images-idx3-ubyte')).subarray(16, 16 + n * 784);
  const labels = fs.readFileSync(path.join(mnistDirectory(), 't10k-labels-idx1-ubyte')).subarray(8, 8 + n);
  // Already scaled to [0, 1]: a dataset of files brings no preprocessing but the model's input shape.
  const x = Float32Array.from(images, (v) => v / 255);
  const y = Float32Array.from(labels);
  fs.writeFileSync(path.join(dir, 'test.npz'), zipSync({'x_test.npy': encodeNpy(x, [n, 28, 28]), 'y_test.npy': encodeNpy(y, [n])}));
  fs.writeFileSync(path.join(dir, 'x_test.npy'), encodeNpy(x, [n, 28, 28]));
  fs.writeFileSync(path.join(dir, 'labels.npy'), encodeNpy(y, [n]));
  const rows = Array.from({length: n}, (_, r) => [...Array.from(x.subarray(r * 784, (r + 1) * 784)), y[r]].join(','));
  fs.writeFileSync(path.join(dir, 'test.csv'), rows.join('\n'));
  for (const paths of [['test.npz'], ['labels.npy', 'x_test.npy'], ['test.csv']]) {
    session.useData(describeChoice({kind: 'files', paths: paths.map((p) => path.join(dir, p))}, inputShape, outputShape));
    const r = await session.evaluate();
    assert.equal(r.count, n, paths.join());
    assert.equal(r.accuracy, mnist.accuracy, paths.join());
    assert.deepEqual(r.confusion, mnist.confusion, paths.join());
    assert.ok(Math.abs(r.loss! - mnist.loss!) < 1e-5, `${paths.join()}: loss ${r.loss} vs ${mnist.loss}`);
  }
  assert.throws(() => describeChoice({kind: 'files', paths: [path.join(dir, 'a'), path.join(dir, 'b'), path.join(dir, 'c')]}, inputShape, outputShape), /no such file/);
  assert.throws(() => describeChoice({kind: 'files', paths: [path.join(dir, 'test.npz'), path.join(dir, 'test.csv'), path.join(dir, 'labels.npy')]}, inputShape, outputShape),
    /a dataset is one \.npz .*, one \.csv .*, or two files/);
  assert.throws(() => describeChoice({kind: 'mnist'}, [8], [3]), /MNIST does not fit this model: .*input is \(8\)/);
});
