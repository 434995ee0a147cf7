import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import {inflateSync} from 'node:zlib';
import {join} from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../backend';
import {computeWeightStats, conv2dKernelGrid, histogram, matrixHeatMap, moments} from './weights';
import {smallMnistModel} from './test-model';

const CACHE = join(__dirname, '..', '..', '..', '.cache', 'inspector');

function pngSize(dataUrl: string): {width: number; height: number; pixels: Buffer} {
  const png = Buffer.from(dataUrl.split(',')[1]!, 'base64');
  const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
  // IDAT follows IHDR (8 signature + 25 IHDR bytes).
  const len = png.readUInt32BE(33);
  return {width, height, pixels: inflateSync(png.subarray(41, 41 + len))};
}

before(async () => {
  await initBackend('auto');
});

test('moments and histogram of known values', () => {
  const v = Float32Array.from([0, 0, 1, 2, 3, 4, -2]);
  const m = moments(v);
  assert.equal(m.min, -2);
  assert.equal(m.max, 4);
  assert.ok(Math.abs(m.mean - 8 / 7) < 1e-9);
  const naiveVar = [...v].reduce((s, x) => s + (x - 8 / 7) ** 2, 0) / 7;
  assert.ok(Math.abs(m.std - Math.sqrt(naiveVar)) < 1e-9);
  assert.equal(m.zeroFraction, 2 / 7);
  const h = histogram(v, m.min, m.max, 6);
  assert.deepEqual(h.counts, [1, 0, 2, 1, 1, 2]);
  assert.equal(h.edges.length, 7);
  assert.equal(h.edges[6], 4);
  assert.deepEqual(histogram(Float32Array.from([3, 3]), 3, 3).counts, [2]);
});

test('conv kernel grid: one tile per (channel, filter) when narrow, per filter when wide', () => {
  const narrow = conv2dKernelGrid(new Float32Array(3 * 3 * 2 * 4).map((_, i) => i - 36), [3, 3, 2, 4]);
  assert.equal(narrow.layout, 'per-channel');
  assert.equal(narrow.tiles, 8);
  const n = pngSize(narrow.dataUrl);
  // 4 filters x (3 + 1 gap) - 1 = 15 wide, 2 channels x 4 - 1 = 7 high, up-scaled by the same integer.
  assert.equal(n.width / 15, n.height / 7);
  const wide = conv2dKernelGrid(new Float32Array(3 * 3 * 64 * 128).fill(0.1), [3, 3, 64, 128]);
  assert.equal(wide.layout, 'per-filter-mean');
  assert.equal(wide.tiles, 128);
  const w = pngSize(wide.dataUrl);
  assert.equal(w.width / 63, w.height / 31); // 16 columns x 8 rows of 3x3 tiles
});

test('conv kernel grid of a first layer (one input channel, 32 filters): two rows of 16 tiles, each value at least 6 pixels', () => {
  const grid = conv2dKernelGrid(new Float32Array(3 * 3 * 1 * 32).map((_, i) => Math.sin(i)), [3, 3, 1, 32]);
  assert.equal(grid.layout, 'per-channel');
  const size = pngSize(grid.dataUrl);
  // Was one row of 32 tiles: 127 x 3 pixels scaled 3x, a strip 9 pixels high.
  assert.equal(size.width / 63, size.height / 7);
  assert.ok(grid.scale >= 6, `scale ${grid.scale}`);
  assert.ok(size.height >= 7 * 6, `height ${size.height}`);
  // Three input channels, 20 filters: two bands of 3 channel rows, 2 pixels apart.
  const rgb = conv2dKernelGrid(new Float32Array(3 * 3 * 3 * 20).fill(0.5), [3, 3, 3, 20]);
  const r = pngSize(rgb.dataUrl);
  assert.equal(r.width / 63, r.height / (2 * 12 + 2 - 1));
});

test('dense heat map is block-averaged down to at most 512 x 256 cells', () => {
  const inputs = 15488, outputs = 256;
  const values = new Float32Array(inputs * outputs);
  // Positive weights for the first half of the inputs, negative for the rest.
  for (let i = 0; i < inputs; i++) values.fill(i < inputs / 2 ? 1 : -1, i * outputs, (i + 1) * outputs);
  const map = matrixHeatMap(values, inputs, outputs);
  assert.ok(map.width <= 512 && map.height <= 256);
  assert.equal(map.blockX, Math.ceil(inputs / 512));
  const png = pngSize(map.dataUrl);
  const stride = png.width * 3 + 1;
  const left = png.pixels.subarray(1, 4), right = png.pixels.subarray(stride - 3, stride);
  assert.ok(left[0]! > left[2]!, 'positive block is red');
  assert.ok(right[2]! > right[0]!, 'negative block is blue');
});

test('statistics of every weight tensor of a trained model match TensorFlow.js', async () => {
  const {model} = await smallMnistModel(CACHE);
  const stats = await computeWeightStats(model);
  assert.equal(stats.length, model.weights.length);
  for (const [i, s] of stats.entries()) {
    const t = model.weights[i]!.read();
    const {mean, variance} = tf.moments(t);
    assert.deepEqual(s.shape, t.shape);
    assert.ok(Math.abs(s.mean - mean.dataSync()[0]!) < 1e-5, `${s.name} mean`);
    assert.ok(Math.abs(s.std - Math.sqrt(variance.dataSync()[0]!)) < 1e-4, `${s.name} std`);
    assert.equal(s.min, tf.min(t).dataSync()[0]);
    assert.equal(s.max, tf.max(t).dataSync()[0]);
    assert.equal(s.histogram.counts.reduce((a, b) => a + b, 0), t.size);
  }
  const kinds = stats.map((s) => `${s.layer}:${s.imageKind ?? '-'}`);
  assert.deepEqual(kinds, [
    'conv2d:kernel-grid', 'conv2d:-', 'conv2d_1:kernel-grid', 'conv2d_1:-',
    'dense:heatmap-downsampled', 'dense:-', 'dense_1:heatmap', 'dense_1:-',
  ]);
  // What crosses to the webview stays small: no tensor data, only summaries and small images.
  assert.ok(JSON.stringify(stats).length < 200_000);
});
