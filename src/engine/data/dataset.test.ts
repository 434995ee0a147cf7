import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {loadDataset, mnistDirectory} from './dataset';
import {runPython, tempDir} from '../../test-support/fixtures';

test('built-in MNIST: 60,000 train and 10,000 test samples, preprocessed like the reference', () => {
  const ds = loadDataset({data: {dataset: 'mnist'}, preprocessing: {reshape: [28, 28, 1], dtype: 'float32', scale: 1 / 255}});
  assert.equal(ds.train.count, 60000);
  assert.equal(ds.test!.count, 10000);
  assert.deepEqual(ds.train.sampleShape, [28, 28, 1]);
  assert.equal(ds.classes, 10);
  assert.equal(ds.test!.y[788], 9);
  const max = ds.train.x.subarray(0, 784 * 100).reduce((m, v) => Math.max(m, v), 0);
  assert.equal(max, 1);
});

test('user files: IDX pair, .npz and CSV sources resolve against the workspace root', () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'data'));
  fs.copyFileSync(path.join(mnistDirectory(), 't10k-images-idx3-ubyte'), path.join(root, 'data', 'x.idx'));
  fs.copyFileSync(path.join(mnistDirectory(), 't10k-labels-idx1-ubyte'), path.join(root, 'data', 'y.idx'));
  const idx = loadDataset({data: {train: {x: 'data/x.idx', y: 'data/y.idx'}}, preprocessing: {}, workspaceRoot: root});
  assert.equal(idx.train.count, 10000);
  assert.equal(idx.test, undefined);

  runPython(`import numpy as np, sys; r=np.random.RandomState(0)
np.savez(sys.argv[1], x_train=r.rand(20, 4).astype('float32'), y_train=np.arange(20) % 3, x_test=r.rand(5, 4), y_test=np.arange(5) % 3)`,
  [path.join(root, 'data', 'small.npz')]);
  const npz = loadDataset({data: {train: {npz: 'data/small.npz'}, test: {npz: 'data/small.npz'}}, preprocessing: {}, workspaceRoot: root});
  assert.deepEqual([npz.train.count, npz.test!.count, npz.classes], [20, 5, 3]);

  fs.writeFileSync(path.join(root, 'data', 't.csv'), 'a,b,label\n1,2,0\n3,4,1\n5,6,1\n');
  const csv = loadDataset({data: {train: {csv: 'data/t.csv', label: 'label'}}, preprocessing: {}, workspaceRoot: root});
  assert.deepEqual(csv.train.sampleShape, [2]);
  assert.deepEqual(Array.from(csv.train.y), [0, 1, 1]);
});

test('mismatched sample counts and impossible reshapes are named', () => {
  const root = tempDir();
  fs.copyFileSync(path.join(mnistDirectory(), 't10k-images-idx3-ubyte'), path.join(root, 'x.idx'));
  fs.copyFileSync(path.join(mnistDirectory(), 'train-labels-idx1-ubyte'), path.join(root, 'y.idx'));
  assert.throws(() => loadDataset({data: {train: {x: 'x.idx', y: 'y.idx'}}, preprocessing: {}, workspaceRoot: root}),
    /y\.idx: has 60000 samples but .*x\.idx has 10000/);
  assert.throws(() => loadDataset({data: {dataset: 'mnist'}, preprocessing: {reshape: [27, 27, 1]}}, {split: 'test'}),
    /cannot reshape samples of shape \(28, 28\) to \(27, 27, 1\): 784 vs 729 values/);
  runPython(`import numpy as np, sys; np.savez(sys.argv[1], features=np.zeros((2, 2)))`, [path.join(root, 'o.npz')]);
  assert.throws(() => loadDataset({data: {train: {npz: 'o.npz'}}, preprocessing: {}, workspaceRoot: root}),
    /o\.npz: has no array 'x_train' \(it has: features\)/);
});
