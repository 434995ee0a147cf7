/**
 * NHWC convolution shapes and the forward paths that do not need Winograd's case, shared by the
 * wasm kernels (on tfjs's heap) and inference plans (on the shared inference heap).
 */
import * as tf from '@tensorflow/tfjs-core';
import type {ConvGeometry, Gemm, Winograd3x3} from './gemm';

/** Floats of im2col scratch per chunk of output pixels (4 MiB: stays in the L3 cache). */
const CHUNK_FLOATS = 1 << 20;

export type Geometry = ConvGeometry & {n: number; outC: number};

/** A convolution's attributes as tfjs kernels receive them. */
export interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function pair(value: number | number[] | undefined): [number, number] {
  if (value === undefined) return [1, 1];
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

export function geometry(xShape: number[], filterShape: number[], a: ConvAttrs): Geometry {
  const info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number],
    filterShape as [number, number, number, number], pair(a.strides), pair(a.dilations), a.pad as never,
    a.dimRoundingMode, false, 'channelsLast');
  return {
    n: info.batchSize, inH: info.inHeight, inW: info.inWidth, inC: info.inChannels,
    outH: info.outHeight, outW: info.outWidth, outC: info.outChannels,
    kh: info.filterHeight, kw: info.filterWidth, sh: info.strideHeight, sw: info.strideWidth,
    dh: info.dilationHeight, dw: info.dilationWidth, padTop: info.padInfo.top, padLeft: info.padInfo.left,
  };
}

/** A 1x1, stride-1, unpadded convolution: the input already is the im2col matrix. */
export function isPointwise(g: ConvGeometry): boolean {
  return g.kh === 1 && g.kw === 1 && g.sh === 1 && g.sw === 1 && g.padTop === 0 && g.padLeft === 0;
}

/** A 3x3, stride-1, undilated convolution over channels in fours: Winograd's case. */
export function winogradFits(g: Geometry): boolean {
  return g.kh === 3 && g.kw === 3 && g.sh === 1 && g.sw === 1 && g.dh === 1 && g.dw === 1 &&
    g.inC % 4 === 0 && g.outC % 4 === 0 && process.env.KERAS_WORKBENCH_WINOGRAD !== '0';
}

/** The Winograd view of a convolution from float index x to y (its kernel read elsewhere). */
export function winogradOf(g: Geometry, x: number, y: number): Omit<Winograd3x3, 'tap' | 'filterKey'> {
  return {n: g.n, h: g.inH, w: g.inW, inC: g.inC, outH: g.outH, outW: g.outW, outC: g.outC, padTop: g.padTop, padLeft: g.padLeft, x, y};
}

/**
 * Walks the output pixels in chunks whose im2col matrix (rows x patch floats) fits the scratch
 * buffer: convolutions that need a patch matrix run one GEMM per chunk instead of one huge one.
 */
export function forEachPatchChunk(gemm: Gemm, patch: number, pixels: number, visit: (cols: number, p0: number, rows: number) => void): void {
  const rows = Math.max(1, Math.min(pixels, Math.floor(CHUNK_FLOATS / patch)));
  const cols = gemm.scratch('im2col', rows * patch);
  for (let p0 = 0; p0 < pixels; p0 += rows) visit(cols, p0, Math.min(rows, pixels - p0));
}

/**
 * y = x convolved with the kernel at `w` ([kh, kw, inC, outC]), all float indices on `gemm`'s
 * heap, as products: the input itself for a pointwise convolution, else chunks of im2col.
 */
export function convolveByProducts(gemm: Gemm, g: Geometry, x: number, w: number, y: number): void {
  const pixels = g.n * g.outH * g.outW;
  const patch = g.kh * g.kw * g.inC;
  const kernel = {ptr: w, rs: g.outC, cs: 1};
  if (isPointwise(g)) {
    gemm.matmul(pixels, g.outC, patch, {ptr: x, rs: patch, cs: 1}, kernel, {ptr: y, ld: g.outC});
    return;
  }
  forEachPatchChunk(gemm, patch, pixels, (cols, p0, rows) => {
    gemm.im2col(x, g, p0, rows, cols);
    gemm.matmul(rows, g.outC, patch, {ptr: cols, rs: patch, cs: 1}, kernel, {ptr: y + p0 * g.outC, ld: g.outC});
  });
}
