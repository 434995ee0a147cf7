/**
 * Training kernels for the TensorFlow.js wasm backend, built on our blocked matrix multiply
 * (`gemm.ts`), which works in place on the backend's heap.
 *
 * - Conv2DBackpropFilter: missing from wasm, so Conv2D models cannot train at all without it.
 *   dW (kh*kw*ci x co) = im2col(x)^T * dy, accumulated over chunks of output pixels.
 * - Conv2DBackpropInput: wasm's own kernel is a slow scalar loop. dx = col2im(dy * W^T), which
 *   covers every stride and padding.
 * - Conv2D and FusedConv2D (+ bias, relu): im2col chunks times the kernel with the shared
 *   dimension blocked; XNNPACK as built into tfjs does not block it.
 * - 3x3 stride-1 convolutions (forward, input and filter gradients): Winograd F(2x2, 3x3), 2.25x
 *   fewer multiply-adds, its 16 products again on the blocked GEMM.
 * - BatchMatMul: wasm drops to a scalar loop when an operand is transposed, and repacks the
 *   weights on every call otherwise; our packing makes transposes free.
 * - Sum over the leading axes (bias gradients): wasm transposes the whole tensor first.
 * - Identity shares buffers instead of copying; the ReLU gradient is one pass instead of three.
 * - MaxPoolGrad: wasm's own sends gradients to the wrong inputs for 1-wide windows and 'same' padding.
 * Each kernel falls back to the backend's own for data types or layouts it does not handle.
 */
import * as tf from '@tensorflow/tfjs-core';
import {BIAS_ACTIVATIONS, MatrixView, winogradTileCount} from './gemm';
import {ConvAttrs, convolveByProducts, forEachPatchChunk, geometry, isPointwise, winogradFits, winogradOf} from './conv-geometry';
import {FEW_SAMPLES, inferenceHelper, SPLIT_MIN_WORK} from './inference-helper';
import {floatOffset, gemmFor, WasmBackend} from './wasm-heap';
import {ZERO_SKIP_MAX_ROWS, zeroSkippingMatMul} from './zero-skipping-matmul';
import {maxPoolGrad} from './max-pool-grad';

type Info = tf.TensorInfo;
type KernelFn = (args: {inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap}) =>
  Info | Info[];

const BACKEND = 'wasm';
let installed = false;

function usable(a: ConvAttrs, ...tensors: Info[]): boolean {
  return a.dataFormat !== 'NCHW' && tensors.every((t) => t.dtype === 'float32');
}

/**
 * FusedConv2D (inference: convolution + bias + activation) on the same path as Conv2D, with
 * the bias and a linear/relu/relu6 activation applied in one pass over the output.
 */
function fusedConv2d(original: KernelFn, conv: KernelFn): KernelFn {
  return (args) => {
    const a = args.attrs as unknown as ConvAttrs & {activation?: string};
    const bias = args.inputs.bias as Info | undefined;
    const act = BIAS_ACTIVATIONS[a.activation ?? 'linear'];
    const x = args.inputs.x as Info;
    const filter = args.inputs.filter as Info;
    const outC = filter.shape[3];
    if (act === undefined || !usable(a, x, filter) || (bias && (bias.dtype !== 'float32' || bias.shape.reduce((p, q) => p * q, 1) !== outC))) {
      return original(args);
    }
    const out = conv({inputs: {x, filter}, backend: args.backend, attrs: args.attrs}) as Info;
    const backend = args.backend as WasmBackend;
    const rows = out.shape.slice(0, 3).reduce((p, q) => p * q, 1);
    gemmFor(backend).kernels.biasact(floatOffset(backend, out) * 4, rows, outC, bias ? floatOffset(backend, bias) * 4 : 0, act);
    return out;
  };
}

/** What the convolution kernels share: geometry, the GEMM, output pixels and patch length. */
function convolution(args: Parameters<KernelFn>[0], inputShape: number[], filterShape: number[], a: ConvAttrs) {
  const backend = args.backend as WasmBackend;
  const g = geometry(inputShape, filterShape, a);
  return {backend, g, gemm: gemmFor(backend), pixels: g.n * g.outH * g.outW, patch: g.kh * g.kw * g.inC};
}

function conv2d(original: KernelFn): KernelFn {
  return (args) => {
    const a = args.attrs as unknown as ConvAttrs;
    const x = args.inputs.x as Info;
    const filter = args.inputs.filter as Info;
    if (!usable(a, x, filter)) return original(args);
    const {backend, g, gemm} = convolution(args, x.shape, filter.shape, a);
    const out = backend.makeOutput([g.n, g.outH, g.outW, g.outC], 'float32');
    if (winogradFits(g)) {
      const f = floatOffset(backend, filter);
      const taps = g.inC * g.outC;
      const spec = {
        ...winogradOf(g, floatOffset(backend, x), floatOffset(backend, out)),
        tap: (a: number, b: number, ci: number, co: number) => f + (a * 3 + b) * taps + ci * g.outC + co,
        filterKey: {data: filter.dataId, reading: 'forward'},
      };
      // A prediction of a few samples is too small to split by samples: split its tiles.
      const helper = g.n <= FEW_SAMPLES && winogradTileCount(g) * taps >= SPLIT_MIN_WORK ? inferenceHelper() : undefined;
      if (helper) helper.winograd3x3(gemm, spec);
      else gemm.winograd3x3(spec);
      return out;
    }
    convolveByProducts(gemm, g, floatOffset(backend, x), floatOffset(backend, filter), floatOffset(backend, out));
    return out;
  };
}

function conv2dBackpropFilter(): KernelFn {
  return (args) => {
    const a = args.attrs as unknown as ConvAttrs & {filterShape: number[]};
    const x = args.inputs.x as Info;
    const dy = args.inputs.dy as Info;
    if (!usable(a, x, dy)) {
      throw new Error('Conv2DBackpropFilter on the wasm backend supports float32 NHWC tensors only');
    }
    const {backend, g, gemm, pixels, patch} = convolution(args, x.shape, a.filterShape, a);
    const out = backend.makeOutput(a.filterShape, 'float32');
    const dW = {ptr: floatOffset(backend, out), ld: g.outC};
    if (winogradFits(g)) {
      gemm.winograd3x3Filter(winogradOf(g, floatOffset(backend, x), floatOffset(backend, dy)), dW.ptr);
      return out;
    }
    if (isPointwise(g)) {
      gemm.matmul(patch, g.outC, pixels, {ptr: floatOffset(backend, x), rs: 1, cs: patch},
        {ptr: floatOffset(backend, dy), rs: g.outC, cs: 1}, dW);
      return out;
    }
    forEachPatchChunk(gemm, patch, pixels, (cols, p0, r) => {
      gemm.im2col(floatOffset(backend, x), g, p0, r, cols);
      gemm.matmul(patch, g.outC, r, {ptr: cols, rs: 1, cs: patch},
        {ptr: floatOffset(backend, dy) + p0 * g.outC, rs: g.outC, cs: 1}, dW, p0 > 0);
    });
    return out;
  };
}

function conv2dBackpropInput(original: KernelFn): KernelFn {
  return (args) => {
    const a = args.attrs as unknown as ConvAttrs & {inputShape: number[]};
    const dy = args.inputs.dy as Info;
    const filter = args.inputs.filter as Info;
    if (!usable(a, dy, filter)) return original(args);
    const {backend, g, gemm, pixels, patch} = convolution(args, a.inputShape, filter.shape, a);
    const out = backend.makeOutput(a.inputShape, 'float32');
    // W^T: element (co, k) of the transposed kernel is W[k * outC + co].
    const wT: MatrixView = {ptr: floatOffset(backend, filter), rs: 1, cs: g.outC};
    if (winogradFits(g)) {
      // dx is the convolution of dy, padded by (2 - pad), with the kernel flipped in space and
      // its channel axes swapped.
      const f = floatOffset(backend, filter);
      const taps = g.inC * g.outC;
      gemm.winograd3x3({
        n: g.n, h: g.outH, w: g.outW, inC: g.outC, outH: g.inH, outW: g.inW, outC: g.inC,
        padTop: 2 - g.padTop, padLeft: 2 - g.padLeft, x: floatOffset(backend, dy), y: floatOffset(backend, out),
        tap: (a, b, co, ci) => f + ((2 - a) * 3 + (2 - b)) * taps + ci * g.outC + co,
        filterKey: {data: filter.dataId, reading: 'flipped'},
      });
      return out;
    }
    if (isPointwise(g)) {
      gemm.matmul(pixels, patch, g.outC, {ptr: floatOffset(backend, dy), rs: g.outC, cs: 1}, wT,
        {ptr: floatOffset(backend, out), ld: patch});
      return out;
    }
    const dxPtr = floatOffset(backend, out);
    gemm.heap().fill(0, dxPtr, dxPtr + a.inputShape.reduce((p, q) => p * q, 1));
    forEachPatchChunk(gemm, patch, pixels, (cols, p0, r) => {
      gemm.matmul(r, patch, g.outC, {ptr: floatOffset(backend, dy) + p0 * g.outC, rs: g.outC, cs: 1}, wT,
        {ptr: cols, ld: patch});
      gemm.col2im(dxPtr, g, p0, r, cols);
    });
    return out;
  };
}

/** Dense layers at inference: a few rows skip zero inputs (see zero-skipping-matmul.ts). */
function fusedMatMul(original: KernelFn): KernelFn {
  return (args) => {
    const {transposeA, transposeB, activation} = args.attrs as {transposeA: boolean; transposeB: boolean; activation?: string};
    const {a, b, bias} = args.inputs as {a: Info; b: Info; bias?: Info};
    if (transposeA || transposeB) return original(args);
    return zeroSkippingMatMul(args.backend as WasmBackend, a, b, bias, activation ?? 'linear') ?? original(args);
  };
}

function batchMatMul(original: KernelFn): KernelFn {
  return (args) => {
    const {transposeA, transposeB} = args.attrs as {transposeA: boolean; transposeB: boolean};
    const a = args.inputs.a as Info;
    const b = args.inputs.b as Info;
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2) return original(args);
    const backend = args.backend as WasmBackend;
    const [aRows, aCols] = a.shape.slice(-2);
    const [bRows, bCols] = b.shape.slice(-2);
    const m = transposeA ? aCols : aRows;
    const k = transposeA ? aRows : aCols;
    const n = transposeB ? bRows : bCols;
    if ((transposeB ? bCols : bRows) !== k) return original(args);
    // A few rows times constant weights is inference: skip zero inputs where that reads less,
    // else XNNPACK, which keeps those weights packed between calls (we would repack every time).
    if (m <= ZERO_SKIP_MAX_ROWS && !transposeA && !transposeB) return zeroSkippingMatMul(backend, a, b, undefined, 'linear') ?? original(args);
    const aOuter = a.shape.slice(0, -2);
    const bOuter = b.shape.slice(0, -2);
    const outer = tf.broadcast_util.assertAndGetBroadcastShape(aOuter, bOuter);
    const batch = outer.reduce((p, q) => p * q, 1);
    const aBatch = aOuter.reduce((p, q) => p * q, 1);
    const bBatch = bOuter.reduce((p, q) => p * q, 1);
    // Only whole-operand broadcasting (a batch of 1 against many) is handled here.
    if ((aBatch !== batch && aBatch !== 1) || (bBatch !== batch && bBatch !== 1)) return original(args);
    const out = backend.makeOutput([...outer, m, n], 'float32');
    const gemm = gemmFor(backend);
    const aPtr = floatOffset(backend, a);
    const bPtr = floatOffset(backend, b);
    const outPtr = floatOffset(backend, out);
    for (let i = 0; i < batch; i++) {
      const aView: MatrixView = {ptr: aPtr + (aBatch === 1 ? 0 : i * m * k), rs: transposeA ? 1 : k, cs: transposeA ? m : 1};
      const bView: MatrixView = {ptr: bPtr + (bBatch === 1 ? 0 : i * k * n), rs: transposeB ? 1 : n, cs: transposeB ? k : 1};
      gemm.matmul(m, n, k, aView, bView, {ptr: outPtr + i * m * n, ld: n});
    }
    return out;
  };
}

/**
 * Sum over all leading axes of a float32 tensor (a bias gradient: [n, h, w, c] -> [c]); wasm's
 * own Sum transposes the whole tensor first. Other reductions go to the backend's kernel.
 */
function sum(original: KernelFn): KernelFn {
  return (args) => {
    const x = args.inputs.x as Info;
    const {axis, keepDims} = args.attrs as {axis: number | number[]; keepDims: boolean};
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
    const leading = rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
    if (x.dtype !== 'float32' || !leading) return original(args);
    const backend = args.backend as WasmBackend;
    const cols = x.shape[rank - 1];
    const rows = x.shape.slice(0, -1).reduce((p, q) => p * q, 1);
    const out = backend.makeOutput(keepDims ? [...x.shape.slice(0, -1).map(() => 1), cols] : [cols], 'float32');
    gemmFor(backend).columnSums(floatOffset(backend, x), rows, cols, floatOffset(backend, out));
    return out;
  };
}

/**
 * Identity (what tf.clone runs, and the engine on every tensor it saves for the backward pass)
 * shares the buffer, as the cpu backend does, instead of copying it: tensors are immutable.
 */
function identity(original: KernelFn): KernelFn {
  return (args) => {
    const x = args.inputs.x as Info;
    if (x.dtype === 'string') return original(args);
    (args.backend as WasmBackend).incRef(x.dataId);
    return {dataId: x.dataId, shape: x.shape, dtype: x.dtype};
  };
}

const RELU_GRAD = 'KerasWorkbenchReluGrad';

/** dy * step(x) in one pass (tfjs's ReLU gradient runs Step, Cast and Multiply). */
function reluGrad(): KernelFn {
  return (args) => {
    const dy = args.inputs.dy as Info;
    const x = args.inputs.x as Info;
    const backend = args.backend as WasmBackend;
    const out = backend.makeOutput(x.shape, 'float32');
    gemmFor(backend).kernels.relugrad(floatOffset(backend, dy) * 4, floatOffset(backend, x) * 4,
      floatOffset(backend, out) * 4, x.shape.reduce((p, q) => p * q, 1));
    return out;
  };
}

/** The ReLU gradient through our kernel on wasm, the usual ops elsewhere. */
function registerReluGradient(): void {
  tf.registerGradient({
    kernelName: 'Relu',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => {
      const [x] = saved;
      const g = dy as tf.Tensor;
      if (tf.getBackend() === BACKEND && x.dtype === 'float32' && g.dtype === 'float32') {
        return {x: () => tf.engine().runKernel(RELU_GRAD, {dy: g, x}) as tf.Tensor};
      }
      return {x: () => tf.mul(g, tf.cast(tf.step(x), 'float32'))};
    },
  });
}

function original(name: string): KernelFn {
  const config = tf.getKernel(name, BACKEND);
  if (!config) throw new Error(`TensorFlow.js wasm backend has no '${name}' kernel`);
  return config.kernelFunc as unknown as KernelFn;
}

const replaced = new Map<string, tf.KernelConfig | undefined>();

function replaceKernel(name: string, kernelFunc: KernelFn): void {
  const previous = tf.getKernel(name, BACKEND);
  replaced.set(name, previous);
  if (previous) tf.unregisterKernel(name, BACKEND);
  tf.registerKernel({...previous, kernelName: name, backendName: BACKEND, kernelFunc: kernelFunc as never});
}

/** Registers the training kernels on the wasm backend. Idempotent. */
export function installWasmGradientKernels(): void {
  if (installed) return;
  const conv = conv2d(original('Conv2D'));
  replaceKernel('Conv2D', conv);
  replaceKernel('FusedConv2D', fusedConv2d(original('FusedConv2D'), conv));
  replaceKernel('Conv2DBackpropFilter', conv2dBackpropFilter());
  replaceKernel('Conv2DBackpropInput', conv2dBackpropInput(original('Conv2DBackpropInput')));
  replaceKernel('BatchMatMul', batchMatMul(original('BatchMatMul')));
  replaceKernel('_FusedMatMul', fusedMatMul(original('_FusedMatMul')));
  replaceKernel('Sum', sum(original('Sum')));
  replaceKernel('Identity', identity(original('Identity')));
  replaceKernel('MaxPoolGrad', maxPoolGrad);
  tf.registerKernel({kernelName: RELU_GRAD, backendName: BACKEND, kernelFunc: reluGrad() as never});
  registerReluGradient();
  installed = true;
}

/** Puts tfjs's own wasm kernel back (for A/B measurements); returns false if there was none. */
export function restoreOriginalWasmKernel(name: string): boolean {
  const previous = replaced.get(name);
  if (!previous) return false;
  tf.unregisterKernel(name, BACKEND);
  tf.registerKernel(previous);
  return true;
}
