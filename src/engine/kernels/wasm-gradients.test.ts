/**
 * Gradient checks: every kernel we register on the wasm backend must agree with the tfjs `cpu`
 * backend (the reference implementation) on small shapes, for every stride, padding and kernel
 * shape Keras can produce.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import {initBackend} from '../backend';
import {gemmUsesFusedMultiplyAdd} from './gemm';

function random(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

/** Runs one kernel on a backend with fresh tensors and returns its output values and shape. */
async function runOn(backend: string, kernel: string, inputs: Record<string, [Float32Array, number[]]>,
  attrs: tf.NamedAttrMap): Promise<{values: Float32Array; shape: number[]}> {
  await tf.setBackend(backend);
  const tensors: tf.NamedTensorMap = {};
  for (const [name, [data, shape]] of Object.entries(inputs)) tensors[name] = tf.tensor(data, shape);
  const out = tf.engine().runKernel(kernel, tensors, attrs) as tf.Tensor;
  const values = (await out.data()) as Float32Array;
  const shape = out.shape;
  out.dispose();
  for (const t of Object.values(tensors)) t.dispose();
  return {values, shape};
}

function assertClose(actual: {values: Float32Array; shape: number[]}, expected: {values: Float32Array; shape: number[]},
  label: string): void {
  assert.deepEqual(actual.shape, expected.shape, `${label}: shape`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < expected.values.length; i++) {
    num += (actual.values[i] - expected.values[i]) ** 2;
    den += expected.values[i] ** 2;
  }
  const rel = Math.sqrt(num / Math.max(den, 1e-30));
  assert.ok(rel < 1e-5, `${label}: relative error ${rel}`);
}

/** Runs `kernel` on the cpu backend (the reference) and on wasm with the same inputs; asserts they agree. */
async function assertMatchesCpu(kernel: string, inputs: Record<string, [Float32Array, number[]]>, attrs: tf.NamedAttrMap,
  label: string): Promise<void> {
  const expected = await runOn('cpu', kernel, inputs, attrs);
  assertClose(await runOn('wasm', kernel, inputs, attrs), expected, label);
}

interface ConvCase {
  n: number; h: number; w: number; ci: number; co: number; kh: number; kw: number;
  strides: [number, number]; pad: 'valid' | 'same';
}

const convCases: ConvCase[] = [];
for (const pad of ['valid', 'same'] as const) {
  for (const strides of [[1, 1], [2, 2], [1, 2], [3, 2]] as [number, number][]) {
    for (const [kh, kw] of [[3, 3], [3, 2], [1, 4], [1, 1], [5, 5]]) {
      convCases.push({n: 2, h: 9, w: 8, ci: 3, co: 5, kh, kw, strides, pad});
    }
  }
}
convCases.push({n: 3, h: 28, w: 28, ci: 1, co: 8, kh: 3, kw: 3, strides: [1, 1], pad: 'valid'});
convCases.push({n: 2, h: 12, w: 10, ci: 16, co: 24, kh: 3, kw: 3, strides: [2, 2], pad: 'same'});
convCases.push({n: 1, h: 5, w: 5, ci: 2, co: 3, kh: 5, kw: 5, strides: [1, 1], pad: 'valid'});
// 3x3 stride 1 with channels in fours: the Winograd path (odd and even output sizes).
for (const pad of ['valid', 'same'] as const) {
  convCases.push({n: 2, h: 9, w: 7, ci: 4, co: 8, kh: 3, kw: 3, strides: [1, 1], pad});
  convCases.push({n: 3, h: 10, w: 11, ci: 8, co: 12, kh: 3, kw: 3, strides: [1, 1], pad});
  convCases.push({n: 1, h: 4, w: 3, ci: 16, co: 4, kh: 3, kw: 3, strides: [1, 1], pad});
}

const label = (c: ConvCase) =>
  `n${c.n} ${c.h}x${c.w}x${c.ci} k${c.kh}x${c.kw}x${c.co} s${c.strides.join('x')} ${c.pad}`;

test('wasm backend is active for the gradient checks', async () => {
  const info = await initBackend('wasm');
  assert.equal(info.name, 'wasm');
  const fused = gemmUsesFusedMultiplyAdd();
  assert.equal(fused, process.env.KERAS_WORKBENCH_WASM_FMA !== '0' && fused);
});

test('Conv2DBackpropFilter matches the cpu backend', async () => {
  await initBackend('wasm');
  for (const c of convCases) {
    const info = tf.backend_util.computeConv2DInfo([c.n, c.h, c.w, c.ci], [c.kh, c.kw, c.ci, c.co], c.strides, 1, c.pad);
    const x = random(c.n * c.h * c.w * c.ci, 1);
    const dyShape = [c.n, info.outHeight, info.outWidth, c.co];
    const dy = random(dyShape.reduce((a, b) => a * b), 2);
    const attrs = {strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined as never,
      filterShape: [c.kh, c.kw, c.ci, c.co]};
    const inputs = {x: [x, [c.n, c.h, c.w, c.ci]], dy: [dy, dyShape]} as Record<string, [Float32Array, number[]]>;
    await assertMatchesCpu('Conv2DBackpropFilter', inputs, attrs, `dW ${label(c)}`);
  }
});

test('Conv2D (forward, with dilations) matches the cpu backend', async () => {
  await initBackend('wasm');
  for (const c of convCases) {
    for (const dilations of [1, 2]) {
      if (dilations > 1 && (c.strides[0] > 1 || c.strides[1] > 1)) continue; // tfjs forbids both
      if ((c.kh - 1) * dilations >= c.h || (c.kw - 1) * dilations >= c.w) continue;
      const attrs = {strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dilations, dimRoundingMode: undefined as never};
      const inputs = {
        x: [random(c.n * c.h * c.w * c.ci, 11), [c.n, c.h, c.w, c.ci]],
        filter: [random(c.kh * c.kw * c.ci * c.co, 12), [c.kh, c.kw, c.ci, c.co]],
      } as Record<string, [Float32Array, number[]]>;
      await assertMatchesCpu('Conv2D', inputs, attrs, `y ${label(c)} d${dilations}`);
    }
  }
});

test('FusedConv2D (bias + linear/relu/relu6) matches the cpu backend', async () => {
  await initBackend('wasm');
  for (const c of convCases.slice(0, 12)) {
    for (const activation of ['linear', 'relu', 'relu6', 'elu']) {
      for (const withBias of [true, false]) {
        const attrs = {strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dilations: 1, dimRoundingMode: undefined as never,
          activation, leakyreluAlpha: 0.2};
        const inputs = {
          x: [random(c.n * c.h * c.w * c.ci, 14).map((v) => v * 8), [c.n, c.h, c.w, c.ci]],
          filter: [random(c.kh * c.kw * c.ci * c.co, 15), [c.kh, c.kw, c.ci, c.co]],
          ...(withBias ? {bias: [random(c.co, 16), [c.co]]} : {}),
        } as Record<string, [Float32Array, number[]]>;
        await assertMatchesCpu('FusedConv2D', inputs, attrs, `fused ${label(c)} ${activation} bias=${withBias}`);
      }
    }
  }
});

test('Conv2DBackpropInput matches the cpu backend', async () => {
  await initBackend('wasm');
  for (const c of convCases) {
    const info = tf.backend_util.computeConv2DInfo([c.n, c.h, c.w, c.ci], [c.kh, c.kw, c.ci, c.co], c.strides, 1, c.pad);
    const filter = random(c.kh * c.kw * c.ci * c.co, 3);
    const dyShape = [c.n, info.outHeight, info.outWidth, c.co];
    const dy = random(dyShape.reduce((a, b) => a * b), 4);
    const attrs = {strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined as never,
      inputShape: [c.n, c.h, c.w, c.ci]};
    const inputs = {dy: [dy, dyShape], filter: [filter, [c.kh, c.kw, c.ci, c.co]]} as Record<string, [Float32Array, number[]]>;
    await assertMatchesCpu('Conv2DBackpropInput', inputs, attrs, `dx ${label(c)}`);
  }
});

test('BatchMatMul with every transpose combination matches the cpu backend', async () => {
  await initBackend('wasm');
  const cases: Array<{batch: [number, number]; m: number; k: number; n: number}> = [
    {batch: [1, 1], m: 5, k: 7, n: 3},
    {batch: [1, 1], m: 33, k: 130, n: 17},
    {batch: [3, 3], m: 4, k: 6, n: 9},
    {batch: [2, 1], m: 4, k: 6, n: 5},
    {batch: [1, 1], m: 1, k: 300, n: 10},
  ];
  for (const {batch, m, k, n} of cases) {
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        const aShape = [batch[0], transposeA ? k : m, transposeA ? m : k];
        const bShape = [batch[1], transposeB ? n : k, transposeB ? k : n];
        const inputs = {
          a: [random(aShape.reduce((p, q) => p * q), 5), aShape],
          b: [random(bShape.reduce((p, q) => p * q), 6), bShape],
        } as Record<string, [Float32Array, number[]]>;
        const attrs = {transposeA, transposeB};
        await assertMatchesCpu('BatchMatMul', inputs, attrs, `matmul b${batch} ${m}x${k}x${n} tA=${transposeA} tB=${transposeB}`);
      }
    }
  }
});

test('Sum (bias gradients and other reductions) matches the cpu backend', async () => {
  await initBackend('wasm');
  const cases: Array<{shape: number[]; axis: number[]; keepDims: boolean}> = [
    {shape: [2, 5, 4, 7], axis: [0, 1, 2], keepDims: false},
    {shape: [2, 5, 4, 8], axis: [2, 0, 1], keepDims: true},
    {shape: [700, 3], axis: [0], keepDims: false},
    {shape: [30, 40, 13], axis: [0, 1], keepDims: false},
    {shape: [6, 5], axis: [1], keepDims: false},
    {shape: [3, 4, 5], axis: [0, 2], keepDims: true},
  ];
  for (const c of cases) {
    const inputs = {x: [random(c.shape.reduce((p, q) => p * q), 13), c.shape]} as Record<string, [Float32Array, number[]]>;
    const attrs = {axis: c.axis, keepDims: c.keepDims};
    assertClose(await runOn('wasm', 'Sum', inputs, attrs), await runOn('cpu', 'Sum', inputs, attrs),
      `sum ${c.shape} axis ${c.axis} keepDims ${c.keepDims}`);
  }
});

test('ReLU gradient matches the cpu backend (zeros, negatives, odd sizes)', async () => {
  await initBackend('wasm');
  for (const shape of [[7], [3, 5, 9], [2, 4, 4, 8]]) {
    const n = shape.reduce((p, q) => p * q);
    const xData = random(n, 17).map((v, i) => (i % 5 === 0 ? 0 : v));
    const dyData = random(n, 18);
    const grad = async (backend: string) => {
      await tf.setBackend(backend);
      const x = tf.tensor(xData, shape);
      const dy = tf.tensor(dyData, shape);
      const g = tf.grad((t: tf.Tensor) => tf.relu(t))(x, dy);
      const out = {values: (await g.data()) as Float32Array, shape: g.shape};
      tf.dispose([x, dy, g]);
      return out;
    };
    assertClose(await grad('wasm'), await grad('cpu'), `relu grad ${shape}`);
  }
});

test('a clone keeps its values when the original is disposed', async () => {
  await initBackend('wasm');
  const x = tf.tensor([1, 2, 3, 4]);
  const copy = tf.clone(x);
  x.dispose();
  assert.deepEqual(Array.from(await copy.data()), [1, 2, 3, 4]);
  copy.dispose();
});

test('gradients of a small conv net through tf.grads match the cpu backend', async () => {
  await initBackend('wasm');
  const xData = random(2 * 10 * 9 * 2, 7);
  const w1Data = random(3 * 3 * 2 * 4, 8);
  const w2Data = random(2 * 3 * 4 * 6, 9);
  const w3Data = random(6 * 3, 10);
  const grads = async (backend: string) => {
    await tf.setBackend(backend);
    const x = tf.tensor4d(xData, [2, 10, 9, 2]);
    const w1 = tf.tensor4d(w1Data, [3, 3, 2, 4]);
    const w2 = tf.tensor4d(w2Data, [2, 3, 4, 6]);
    const w3 = tf.tensor2d(w3Data, [6, 3]);
    const f = (xx: tf.Tensor, a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => {
      const h1 = tf.relu(tf.conv2d(xx as tf.Tensor4D, a as tf.Tensor4D, 2, 'same'));
      const h2 = tf.relu(tf.conv2d(h1, b as tf.Tensor4D, 1, 'valid'));
      const pooled = tf.mean(h2, [1, 2]);
      return tf.sum(tf.square(tf.matMul(pooled, c as tf.Tensor2D)));
    };
    const gs = tf.grads(f)([x, w1, w2, w3]);
    const out = await Promise.all(gs.map(async (g) => ({values: (await g.data()) as Float32Array, shape: g.shape})));
    tf.dispose([x, w1, w2, w3, ...gs]);
    return out;
  };
  const expected = await grads('cpu');
  const actual = await grads('wasm');
  expected.forEach((e, i) => assertClose(actual[i], e, `grad ${i}`));
});

test('kept Winograd filter transforms follow the weights: a new filter or an assigned variable is never stale', async () => {
  const x = random(1 * 10 * 10 * 8, 41);
  const fA = random(3 * 3 * 8 * 12, 42);
  const fB = random(3 * 3 * 8 * 12, 43);
  const expected = async (f: Float32Array) => (await runOn('cpu', 'Conv2D', {x: [x, [1, 10, 10, 8]], filter: [f, [3, 3, 8, 12]]},
    {strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1]})).values;
  const [wantA, wantB] = [await expected(fA), await expected(fB)];
  await initBackend('wasm');
  const xt = tf.tensor4d(x, [1, 10, 10, 8]);
  const a = tf.tensor4d(fA, [3, 3, 8, 12]);
  const b = tf.tensor4d(fB, [3, 3, 8, 12]);
  const conv = (f: tf.Tensor4D) => tf.conv2d(xt, f, 1, 'valid').dataSync() as Float32Array;
  const shape = [1, 8, 8, 12];
  const first = conv(a);
  assertClose({values: first, shape}, {values: wantA, shape}, 'filter A');
  assertClose({values: conv(b), shape}, {values: wantB, shape}, 'filter B');
  assert.deepEqual(conv(a), first, 'filter A again, from the kept transform');
  const v = tf.variable(a);
  assertClose({values: conv(v as unknown as tf.Tensor4D), shape}, {values: wantA, shape}, 'variable holding A');
  v.assign(b);
  assertClose({values: conv(v as unknown as tf.Tensor4D), shape}, {values: wantB, shape}, 'variable after assign(B)');
  tf.dispose([xt, a, b, v]);
});

test('a one-sample convolution split between two threads matches the cpu backend, filter after filter', async () => {
  // 26x26x32 -> 64: 144 tiles of 32x64 products, enough to be split with the inference helper.
  const x = random(26 * 26 * 32, 61);
  const filters = [random(9 * 32 * 64, 62), random(9 * 32 * 64, 63)];
  const conv = {strides: [1, 1], pad: 'same', dataFormat: 'NHWC', dilations: [1, 1]} as const;
  const want = [];
  for (const f of filters) want.push(await runOn('cpu', 'Conv2D', {x: [x, [1, 26, 26, 32]], filter: [f, [3, 3, 32, 64]]}, conv));
  await initBackend('wasm');
  const xt = tf.tensor4d(x, [1, 26, 26, 32]);
  const ft = filters.map((f) => tf.tensor4d(f, [3, 3, 32, 64]));
  for (const i of [0, 1, 0, 1]) {
    const y = tf.conv2d(xt, ft[i], 1, 'same');
    assertClose({values: y.dataSync() as Float32Array, shape: y.shape}, want[i], `filter ${i}`);
    y.dispose();
  }
  tf.dispose([xt, ...ft]);
});
