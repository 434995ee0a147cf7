/**
 * Gradient kernels the TensorFlow.js wasm backend lacks or runs slowly, expressed as
 * XNNPACK-accelerated forward convolutions and contiguous matrix products.
 *
 * - Conv2DBackpropFilter: missing from wasm, so Conv2D models cannot train at all without it.
 *   dW = conv(x^T, dy^T) with channels as the batch (the classic "filter gradient is a
 *   correlation of input and output gradient").
 * - Conv2DBackpropInput (stride 1): wasm's own kernel is a slow scalar loop; a "full" padded
 *   convolution of dy with the flipped kernel is the same quantity.
 * - BatchMatMul with transposed operands: wasm drops to a scalar loop; transposing the operand
 *   once into a contiguous buffer is an order of magnitude faster.
 */
import * as tf from '@tensorflow/tfjs-core';

type Info = tf.TensorInfo;
type KernelFn = (args: {inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap}) =>
  Info | Info[];

interface Kernels {
  conv2d: KernelFn;
  transpose: KernelFn;
  pad: KernelFn;
  reverse: KernelFn;
  slice: KernelFn;
  batchMatMul: KernelFn;
  conv2dBackpropInput: KernelFn;
}

const BACKEND = 'wasm';
let installed = false;

function kernel(name: string): KernelFn {
  const config = tf.getKernel(name, BACKEND);
  if (!config) throw new Error(`TensorFlow.js wasm backend has no '${name}' kernel`);
  return config.kernelFunc as unknown as KernelFn;
}

/** Runs kernels in sequence and frees every intermediate result except the one returned. */
class Scratch {
  private readonly owned: Info[] = [];
  constructor(private readonly backend: unknown) {}
  run(fn: KernelFn, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap = {}): Info {
    const out = fn({inputs, backend: this.backend, attrs}) as Info;
    this.owned.push(out);
    return out;
  }
  keep(result: Info): Info {
    const backend = this.backend as {disposeData(id: object): void};
    for (const info of this.owned) if (info !== result) backend.disposeData(info.dataId);
    return result;
  }
}

function normalizePair(value: number | [number, number]): [number, number] {
  return typeof value === 'number' ? [value, value] : value;
}

function conv2dBackpropFilter(k: Kernels): KernelFn {
  return ({inputs, backend, attrs}) => {
    const x = inputs.x as Info;
    const dy = inputs.dy as Info;
    const a = attrs as unknown as {
      strides: number | [number, number]; pad: tf.backend_util.PadInfo['type'] | number | tf.backend_util.ExplicitPadding;
      dataFormat: 'NHWC' | 'NCHW'; dimRoundingMode?: 'floor' | 'round' | 'ceil';
      filterShape: [number, number, number, number];
    };
    if (a.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter: NCHW is not supported by the wasm backend');
    const [kh, kw, inC, outC] = a.filterShape;
    const [sh, sw] = normalizePair(a.strides);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number], a.filterShape, [sh, sw], 1,
      a.pad as never, a.dimRoundingMode, false, 'channelsLast');
    const s = new Scratch(backend);
    const p = info.padInfo;
    let xp: Info = x;
    if (p.top || p.bottom || p.left || p.right) {
      xp = s.run(k.pad, {x}, {paddings: [[0, 0], [p.top, p.bottom], [p.left, p.right], [0, 0]], constantValue: 0});
    }
    // [n, H, W, ci] -> [ci, H, W, n]: input channels become the batch, samples the channels.
    const xt = s.run(k.transpose, {x: xp}, {perm: [3, 1, 2, 0]});
    // [n, oh, ow, co] -> [oh, ow, n, co]: the output gradient becomes the filter.
    const dyt = s.run(k.transpose, {x: dy}, {perm: [1, 2, 0, 3]});
    let dw = s.run(k.conv2d, {x: xt, filter: dyt}, {
      strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [sh, sw], dimRoundingMode: null as never,
    });
    if (dw.shape[1] !== kh || dw.shape[2] !== kw) {
      dw = s.run(k.slice, {x: dw}, {begin: [0, 0, 0, 0], size: [inC, kh, kw, outC]});
    }
    // [ci, kh, kw, co] -> [kh, kw, ci, co]
    return s.keep(s.run(k.transpose, {x: dw}, {perm: [1, 2, 0, 3]}));
  };
}

function conv2dBackpropInput(k: Kernels): KernelFn {
  return (args) => {
    const {inputs, backend, attrs} = args;
    const dy = inputs.dy as Info;
    const filter = inputs.filter as Info;
    const a = attrs as unknown as {
      strides: number | [number, number]; pad: never; dataFormat: 'NHWC' | 'NCHW';
      dimRoundingMode?: 'floor' | 'round' | 'ceil'; inputShape: [number, number, number, number];
    };
    const [sh, sw] = normalizePair(a.strides);
    if (sh !== 1 || sw !== 1 || a.dataFormat === 'NCHW') return k.conv2dBackpropInput(args);
    const [kh, kw] = filter.shape;
    const info = tf.backend_util.computeConv2DInfo(
      a.inputShape, filter.shape as [number, number, number, number], [1, 1], 1, a.pad, a.dimRoundingMode,
      false, 'channelsLast');
    const [, inH, inW] = a.inputShape;
    const [, outH, outW] = dy.shape;
    const top = kh - 1 - info.padInfo.top;
    const left = kw - 1 - info.padInfo.left;
    const bottom = inH + kh - 1 - outH - top;
    const right = inW + kw - 1 - outW - left;
    if (top < 0 || left < 0 || bottom < 0 || right < 0) return k.conv2dBackpropInput(args);
    const s = new Scratch(backend);
    const dyp = s.run(k.pad, {x: dy}, {paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0});
    const flipped = s.run(k.reverse, {x: filter}, {dims: [0, 1]});
    const swapped = s.run(k.transpose, {x: flipped}, {perm: [0, 1, 3, 2]});
    return s.keep(s.run(k.conv2d, {x: dyp, filter: swapped}, {
      strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: null as never,
    }));
  };
}

function contiguousBatchMatMul(k: Kernels): KernelFn {
  return (args) => {
    const {inputs, backend, attrs} = args;
    const {transposeA, transposeB} = attrs as {transposeA: boolean; transposeB: boolean};
    if (!transposeA && !transposeB) return k.batchMatMul(args);
    const s = new Scratch(backend);
    const flip = (t: Info) => s.run(k.transpose, {x: t}, {perm: [...t.shape.keys()].map(
      (i, _, all) => (i === all.length - 2 ? all.length - 1 : i === all.length - 1 ? all.length - 2 : i))});
    const a = transposeA ? flip(inputs.a as Info) : (inputs.a as Info);
    const b = transposeB ? flip(inputs.b as Info) : (inputs.b as Info);
    return s.keep(s.run(k.batchMatMul, {a, b}, {transposeA: false, transposeB: false}));
  };
}

function replaceKernel(name: string, kernelFunc: KernelFn): void {
  if (tf.getKernel(name, BACKEND)) tf.unregisterKernel(name, BACKEND);
  tf.registerKernel({kernelName: name, backendName: BACKEND, kernelFunc: kernelFunc as never});
}

/** Registers the training kernels on the wasm backend. Idempotent. */
export function installWasmGradientKernels(): void {
  if (installed) return;
  const k: Kernels = {
    conv2d: kernel('Conv2D'),
    transpose: kernel('Transpose'),
    pad: kernel('PadV2'),
    reverse: kernel('Reverse'),
    slice: kernel('Slice'),
    batchMatMul: kernel('BatchMatMul'),
    conv2dBackpropInput: kernel('Conv2DBackpropInput'),
  };
  replaceKernel('Conv2DBackpropFilter', conv2dBackpropFilter(k));
  replaceKernel('Conv2DBackpropInput', conv2dBackpropInput(k));
  replaceKernel('BatchMatMul', contiguousBatchMatMul(k));
  installed = true;
}
