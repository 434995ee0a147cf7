/** The user's files as model inputs: every kind, the model's preprocessing, and the one-line refusals. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import {PNG} from 'pngjs';
import * as jpeg from 'jpeg-js';
import {zipSync} from 'fflate';
import {tempDir} from '../../test-support/fixtures';
import {encodeNpy} from './outputs';
import {readInputs, samplesIn, splitNpzKey} from './inputs';
import {imageToInput, resize, toChannels} from './images';
import {mnistDirectory} from '../data/dataset';

const MNIST = {shape: [28, 28, 1], preprocessing: {reshape: [28, 28, 1], scale: 1 / 255}};
/** The first test images of the real MNIST (uint8). */
const images = (() => {
  const bytes = fs.readFileSync(path.join(mnistDirectory(), 't10k-images-idx3-ubyte'));
  return (i: number) => bytes.subarray(16 + i * 784, 16 + (i + 1) * 784);
})();

function pngOf(gray: Uint8Array, w: number, h: number): Buffer {
  const png = new PNG({width: w, height: h});
  for (let i = 0; i < w * h; i++) png.data.set([gray[i]!, gray[i]!, gray[i]!, 255], i * 4);
  return PNG.sync.write(png);
}

/** An image `factor` times larger, each pixel a factor x factor block, as RGBA. */
function enlarged(gray: Uint8Array, side: number, factor: number): Uint8Array {
  const w = side * factor;
  const out = new Uint8Array(w * w * 4);
  for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) {
    const v = gray[Math.floor(y / factor) * side + Math.floor(x / factor)]!;
    out.set([v, v, v, 255], (y * w + x) * 4);
  }
  return out;
}

function idx(shape: number[], data: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * shape.length);
  header.set([0, 0, 8, shape.length]);
  shape.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, data]);
}

test('every input kind gives the same model-ready values for the same MNIST images', () => {
  const dir = tempDir();
  const three = new Uint8Array(3 * 784);
  [0, 1, 2].forEach((i) => three.set(images(i), i * 784));
  const x = Float32Array.from(three);
  fs.writeFileSync(path.join(dir, 'x.npy'), encodeNpy(x, [3, 28, 28]));
  fs.writeFileSync(path.join(dir, 'd.npz'), zipSync({'x_test.npy': encodeNpy(x, [3, 28, 28]), 'y_test.npy': encodeNpy(Float32Array.of(7, 2, 1), [3])}));
  fs.writeFileSync(path.join(dir, 'rows.csv'), ['a'.repeat(1), ...[0, 1, 2].map((i) => Array.from(images(i)).join(','))].slice(1).join('\n'));
  fs.writeFileSync(path.join(dir, 'x.idx.gz'), zlib.gzipSync(idx([3, 28, 28], three)));
  fs.mkdirSync(path.join(dir, 'pictures'));
  [0, 1, 2].forEach((i) => fs.writeFileSync(path.join(dir, 'pictures', `${i}.png`), pngOf(images(i), 28, 28)));

  const expected = Float32Array.from(three, (v) => v * (1 / 255));
  const check = (specs: string[], options = {}) => {
    const batch = readInputs(specs.map((s) => path.join(dir, s)), MNIST, options);
    assert.equal(batch.count, 3, specs.join());
    batch.x.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) < 1e-6, `${specs.join()}[${i}]: ${v} vs ${expected[i]}`));
    return batch;
  };
  assert.deepEqual(check(['x.npy']).sources, ['x.npy[0]', 'x.npy[1]', 'x.npy[2]']);
  assert.deepEqual(check(['d.npz:x_test']).sources, ['d.npz:x_test[0]', 'd.npz:x_test[1]', 'd.npz:x_test[2]']);
  check(['d.npz'], {key: 'x_test'});
  assert.deepEqual(check(['rows.csv']).sources, ['rows.csv line 1', 'rows.csv line 2', 'rows.csv line 3']);
  check(['x.idx.gz']);
  const folder = check(['pictures']);
  assert.deepEqual(folder.sources, ['0.png', '1.png', '2.png']);
  assert.ok(folder.pixels.every((p) => p && p.length === 784), 'image samples keep their pixels for thumbnails');
  // Without preprocessing (values already scaled), and with an explicit scale.
  assert.equal(readInputs([path.join(dir, 'x.npy')], MNIST, {preprocess: false}).x[300], three[300]);
  assert.ok(Math.abs(readInputs([path.join(dir, 'x.npy')], MNIST, {scale: 0.5}).x[300]! - three[300]! * 0.5) < 1e-6);
});

test('images are converted to the model channels and resized to its height and width', () => {
  const dir = tempDir();
  // A 112x112 RGB JPEG of test image 0 (each pixel a 4x4 block): shrinks back to the 28x28 original.
  const big = enlarged(images(0), 28, 4);
  fs.writeFileSync(path.join(dir, 'big.jpg'), jpeg.encode({data: big, width: 112, height: 112}, 100).data);
  const fromJpeg = readInputs([path.join(dir, 'big.jpg')], MNIST).x;
  let worst = 0;
  fromJpeg.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - images(0)[i]! / 255))));
  assert.ok(worst < 0.06, `JPEG (lossy) shrunk to 28x28 stays within 6% of the original: ${worst}`);
  // Exact for a PNG: area averaging of 2x2 blocks gives each original pixel back.
  const png = new PNG({width: 56, height: 56});
  png.data = Buffer.from(enlarged(images(1), 28, 2));
  const shrunk = imageToInput({width: 56, height: 56, data: PNG.sync.read(PNG.sync.write(png)).data}, 28, 28, 1);
  shrunk.forEach((v, i) => assert.ok(Math.abs(v - images(1)[i]!) < 1e-3, `pixel ${i}: ${v} vs ${images(1)[i]}`));
  // Luma of pure red, green, blue (ITU-R BT.601), alpha over black.
  const rgba = {width: 4, height: 1, data: Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 0)};
  assert.deepEqual(Array.from(toChannels(rgba, 1), (v) => Math.round(v * 1000) / 1000), [76.245, 149.685, 29.07, 0]);
  assert.deepEqual(Array.from(toChannels(rgba, 3)).slice(0, 6), [255, 0, 0, 0, 255, 0]);
  // Enlarging is bilinear: a 2-pixel ramp becomes 4 monotone values.
  assert.deepEqual(Array.from(resize(Float32Array.of(0, 100), 1, 2, 1, 1, 4)), [0, 25, 75, 100]);
  // An RGB model gets three channels.
  const rgb = readInputs([path.join(dir, 'big.jpg')], {shape: [8, 8, 3]});
  assert.equal(rgb.x.length, 8 * 8 * 3);
});

test('mismatched inputs name the expected and the given shape, in one line naming the file', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'wrong.npy'), encodeNpy(new Float32Array(2 * 30), [2, 30]));
  assert.throws(() => readInputs([path.join(dir, 'wrong.npy')], MNIST),
    (e: Error) => e.message.startsWith(path.join(dir, 'wrong.npy')) && /\(30,\)/.test(e.message) && /\(28, 28, 1\)/.test(e.message) && !e.message.includes('\n'));
  fs.writeFileSync(path.join(dir, 'wide.csv'), 'a,b,c\n1,2,3\n');
  assert.throws(() => readInputs([path.join(dir, 'wide.csv')], {shape: [4]}), /wide\.csv: rows of 3 values do not fit the model's input shape \(4,\)/);
  // A CSV with the model's label column: the column is dropped.
  fs.writeFileSync(path.join(dir, 'labelled.csv'), 'f1,f2,species\n1,2,0\n3,4,1\n');
  assert.deepEqual(Array.from(readInputs([path.join(dir, 'labelled.csv')], {shape: [2], csvLabel: 'species'}).x), [1, 2, 3, 4]);
  fs.writeFileSync(path.join(dir, 'p.png'), pngOf(images(0), 28, 28));
  assert.throws(() => readInputs([path.join(dir, 'p.png')], {shape: [10, 4]}), /p\.png: is an image, but the model's input shape \(10, 4\) is not an image/);
  fs.writeFileSync(path.join(dir, 'multi.npz'), zipSync({'a.npy': encodeNpy(new Float32Array(784), [784]), 'b.npy': encodeNpy(new Float32Array(784), [784])}));
  assert.throws(() => readInputs([path.join(dir, 'multi.npz')], MNIST), /holds several arrays \(a, b\): name one with --key or as multi\.npz:a/);
  assert.throws(() => readInputs([path.join(dir, 'multi.npz:c')], MNIST), /has no array 'c' \(it has: a, b\)/);
  fs.writeFileSync(path.join(dir, 'notes.md'), '# hello');
  assert.throws(() => readInputs([path.join(dir, 'notes.md')], MNIST), /notes\.md: is not an input this tool reads/);
  assert.throws(() => readInputs([path.join(dir, 'missing.npy')], MNIST), /missing\.npy: no such file or folder/);
  fs.writeFileSync(path.join(dir, 'broken.png'), Buffer.concat([pngOf(images(0), 28, 28).subarray(0, 40)]));
  assert.throws(() => readInputs([path.join(dir, 'broken.png')], MNIST), /broken\.png: not a readable PNG image/);
  // A header claiming gigapixels is refused before decoding.
  const huge = pngOf(images(0), 28, 28);
  huge.writeUInt32BE(100_000, 16);
  huge.writeUInt32BE(100_000, 20);
  fs.writeFileSync(path.join(dir, 'huge.png'), huge);
  assert.throws(() => readInputs([path.join(dir, 'huge.png')], MNIST), /huge\.png: the PNG is 100000x100000 pixels/);
});

test('sample counting: (N, ...sample) or one sample; reshape only where the model preprocessing reshapes', () => {
  assert.equal(samplesIn([5, 28, 28, 1], {shape: [28, 28, 1]}, 'f'), 5);
  assert.equal(samplesIn([5, 28, 28], {shape: [28, 28, 1]}, 'f'), 5, 'size-1 axes may be left out');
  assert.equal(samplesIn([28, 28], {shape: [28, 28, 1]}, 'f'), 1);
  assert.equal(samplesIn([5, 784], MNIST, 'f'), 5, 'the spec reshaped (N, 784) too');
  assert.throws(() => samplesIn([5, 784], {shape: [28, 28, 1]}, 'f'), /samples of shape \(784,\) do not fit the model's input shape \(28, 28, 1\)/);
  assert.deepEqual(splitNpzKey('/a/b.npz:x_test'), {file: '/a/b.npz', key: 'x_test'});
  assert.deepEqual(splitNpzKey('/a/b.npy'), {file: '/a/b.npy'});
});
