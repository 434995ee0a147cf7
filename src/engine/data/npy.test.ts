import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {readNpy, readNpz} from './npy';
import {mnistDirectory} from './dataset';
import {ORACLES, runPython, tempDir} from '../../test-support/fixtures';

test('reads a real float64 .npy written by NumPy for a Keras oracle', () => {
  const a = readNpy(path.join(ORACLES, '08_k2.1.3_cnn_batchnorm_npy', 'input.npy'));
  assert.deepEqual(a.shape, [5, 10, 10, 3]);
  assert.equal(a.dtype, 'f8');
  assert.equal(a.data.length, 1500);
});

test("reads an .npz in the layout of Keras's cached mnist.npz, compressed and not", () => {
  const dir = tempDir();
  // Build mnist.npz from the real MNIST IDX files with NumPy itself (as keras.datasets stores it).
  const script = `
import numpy as np, sys, os
d, out = sys.argv[1], sys.argv[2]
def idx(name, off): return np.frombuffer(open(os.path.join(d, name), 'rb').read()[off:], dtype=np.uint8)
xt = idx('t10k-images-idx3-ubyte', 16).reshape(-1, 28, 28)[:1000]
yt = idx('t10k-labels-idx1-ubyte', 8)[:1000]
np.savez(os.path.join(out, 'mnist.npz'), x_train=xt, y_train=yt, x_test=xt[:100], y_test=yt[:100])
np.savez_compressed(os.path.join(out, 'mnist_c.npz'), x_train=xt, y_train=yt.astype('>i8'), x_test=np.asfortranarray(xt[:100]), y_test=yt[:100])
`;
  runPython(script, [mnistDirectory(), dir]);
  for (const name of ['mnist.npz', 'mnist_c.npz']) {
    const arrays = readNpz(path.join(dir, name));
    assert.deepEqual([...arrays.keys()].sort(), ['x_test', 'x_train', 'y_test', 'y_train']);
    assert.deepEqual(arrays.get('x_train')!.shape, [1000, 28, 28]);
    assert.equal(Number(arrays.get('y_train')!.data[788]), 9);
    const xTest = arrays.get('x_test')!.data;
    const xTrain = arrays.get('x_train')!.data;
    // Fortran-ordered arrays come back in C order.
    for (const i of [0, 1, 28, 500, 783, 784 * 99 + 400]) assert.equal(xTest[i], xTrain[i]);
  }
});

test('malformed and unsafe .npy files are refused with the reason', () => {
  const dir = tempDir();
  const bad = path.join(dir, 'bad.npy');
  fs.writeFileSync(bad, 'not numpy');
  assert.throws(() => readNpy(bad), /bad\.npy: not a NumPy \.npy file/);
  runPython(`import numpy as np, sys; np.save(sys.argv[1], np.array([{'a': 1}], dtype=object), allow_pickle=True)`, [path.join(dir, 'obj.npy')]);
  assert.throws(() => readNpy(path.join(dir, 'obj.npy')), /object arrays .* pickled Python objects/);
  runPython(`import numpy as np, sys; np.save(sys.argv[1], np.zeros((100, 100), dtype='float32'))`, [path.join(dir, 'big.npy')]);
  const bytes = fs.readFileSync(path.join(dir, 'big.npy'));
  fs.writeFileSync(path.join(dir, 'cut.npy'), bytes.subarray(0, 1000));
  assert.throws(() => readNpy(path.join(dir, 'cut.npy')), /cut\.npy: shape \(100, 100\) of '<f4' needs \d+ bytes, file has 1000/);
  fs.writeFileSync(path.join(dir, 'x.npz'), 'PK not really');
  assert.throws(() => readNpz(path.join(dir, 'x.npz')), /x\.npz: is not a readable zip archive/);
});
