/**
 * Small-batch matrix products that skip zero inputs, for inference on the wasm backend.
 *
 * With a few rows, a Dense layer's product is bound by reading its weights (the reference
 * model's 61,952 x 256 kernel is 63 MB per prediction), and behind a ReLU most inputs are exactly
 * zero (87% of the trained reference model's flattened conv3 output). A zero input contributes
 * nothing, so only the weight rows of nonzero inputs are read. The result differs from a dense
 * product only in summation order, with one condition kept exact: 0 * Inf and 0 * NaN are NaN, so
 * the skip is taken only for weights checked to be finite (once per weight tensor). When the
 * inputs are not sparse enough to read less than half the weights, the backend's kernel runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import {BIAS_ACTIVATIONS} from './gemm';
import {floatOffset, gemmFor, WasmBackend} from './wasm-heap';
import {inferenceHelper, SPLIT_MIN_WORK} from './inference-helper';

type Info = tf.TensorInfo;

/** Rows up to which a product may skip zeros: beyond, one dense pass over the weights wins. */
export const ZERO_SKIP_MAX_ROWS = 16;
/** Products smaller than this many weights are not worth the bookkeeping. */
const MIN_WEIGHTS = 1 << 14;

/** Weight tensors (by data id) whose every value is finite; tensors are immutable. */
const finiteWeights = new WeakSet<object>();

/**
 * Whether the weights of tensor data `dataId` are all finite (only then may zero inputs be
 * skipped): `check()` scans them the first time, the answer is kept per tensor.
 */
export function weightsAreFinite(dataId: object, check: () => boolean): boolean {
  if (finiteWeights.has(dataId)) return true;
  if (!check()) return false;
  finiteWeights.add(dataId);
  return true;
}

/**
 * a (m x k) times b (k x n), neither transposed, plus an optional bias of n values and a
 * linear/relu/relu6 activation; undefined when this product should go to the backend's kernel.
 * Leading axes of size 1 (tfjs passes products as rank 3) are kept in the output's shape.
 */
export function zeroSkippingMatMul(backend: WasmBackend, a: Info, b: Info, bias: Info | undefined,
  activation: string): Info | undefined {
  const act = BIAS_ACTIVATIONS[activation];
  if (act === undefined || a.dtype !== 'float32' || b.dtype !== 'float32') return undefined;
  if (a.shape.length < 2 || b.shape.length < 2) return undefined;
  const outer = a.shape.length >= b.shape.length ? a.shape.slice(0, -2) : b.shape.slice(0, -2);
  if (tf.util.sizeFromShape(a.shape.slice(0, -2)) !== 1 || tf.util.sizeFromShape(b.shape.slice(0, -2)) !== 1) return undefined;
  const [m, k] = a.shape.slice(-2);
  const [kb, n] = b.shape.slice(-2);
  if (kb !== k || m === 0 || m > ZERO_SKIP_MAX_ROWS || k * n < MIN_WEIGHTS) return undefined;
  if (bias && (bias.dtype !== 'float32' || tf.util.sizeFromShape(bias.shape) !== n)) return undefined;
  const gemm = gemmFor(backend);
  // Nonzero positions of every row first: they decide whether skipping pays.
  const rows: Array<{idx: number; count: number}> = [];
  let total = 0;
  const indices = gemm.scratch('nonzeros', m * k);
  const aPtr = floatOffset(backend, a);
  for (let r = 0; r < m; r++) {
    const idx = indices + r * k;
    const count = gemm.kernels.nonzeros((aPtr + r * k) * 4, k, idx * 4);
    rows.push({idx, count});
    total += count;
  }
  if (total > k / 2 || !weightsAreFinite(b.dataId, () => gemm.kernels.finite(floatOffset(backend, b) * 4, k * n) !== 0)) return undefined;
  const out = backend.makeOutput([...outer, m, n], 'float32');
  const outPtr = floatOffset(backend, out);
  const bPtr = floatOffset(backend, b);
  gemm.heap().fill(0, outPtr, outPtr + m * n);
  const helper = inferenceHelper();
  rows.forEach(({idx, count}, r) => {
    const x = (aPtr + r * k) * 4;
    const o = (outPtr + r * n) * 4;
    if (!helper || count * n < SPLIT_MIN_WORK) {
      gemm.kernels.pickedrows(x, idx * 4, count, bPtr * 4, n, o);
      return;
    }
    const heap = gemm.heap();
    const sum = helper.product(b.dataId, heap.subarray(bPtr, bPtr + k * n), heap.subarray(aPtr + r * k, aPtr + (r + 1) * k),
      new Int32Array(heap.buffer, idx * 4, count), n);
    heap.set(sum, outPtr + r * n);
  });
  if (bias || act !== 0) gemm.kernels.biasact(outPtr * 4, m, n, bias ? floatOffset(backend, bias) * 4 : 0, act);
  return out;
}
