/**
 * Weight tensor summaries for the inspector: statistics, a histogram and a small picture per
 * tensor. Everything here runs in the worker; only these summaries (a few KB per tensor) travel
 * to the webview, never the tensors themselves.
 */
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {WeightStats} from '../../protocol/messages';
import {pngDataUrl} from './png';

export const HISTOGRAM_BINS = 40;
/** Above this many (filter, input channel) pairs a Conv2D grid shows one tile per filter, averaged over channels. */
export const MAX_CONV_TILES = 512;
/** Largest side of a Dense heat map before integer up-scaling. */
export const HEATMAP_MAX_WIDTH = 512;
export const HEATMAP_MAX_HEIGHT = 256;

export interface Moments {
  min: number;
  max: number;
  mean: number;
  std: number;
  zeroFraction: number;
}

export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (n === 0) return {min: 0, max: 0, mean: 0, std: 0, zeroFraction: 0};
  let min = Infinity, max = -Infinity, sum = 0, zeros = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    if (v === 0) zeros++;
  }
  const mean = sum / n;
  // Second pass for the variance: numerically safer than sum of squares on millions of values.
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    sq += d * d;
  }
  return {min, max, mean, std: Math.sqrt(sq / n), zeroFraction: zeros / n};
}

/** Equal-width bins from min to max; the last bin includes max. */
export function histogram(values: ArrayLike<number>, min: number, max: number, bins = HISTOGRAM_BINS): {edges: number[]; counts: number[]} {
  if (!(max > min)) {
    // All values equal: one bin around the value keeps the chart meaningful.
    return {edges: [min - 0.5, min + 0.5], counts: [values.length]};
  }
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    let b = Math.floor((values[i]! - min) / width);
    if (b >= bins) b = bins - 1;
    if (b < 0) b = 0;
    counts[b]!++;
  }
  const edges = Array.from({length: bins + 1}, (_, i) => min + i * width);
  edges[bins] = max;
  return {edges, counts};
}

/**
 * Diverging colour map (blue for negative, near-white for zero, red for positive) so that the
 * sign of a weight reads the same in light and dark themes. `t` in [-1, 1].
 */
export function divergingColour(t: number, out: Uint8Array, at: number): void {
  const x = Math.max(-1, Math.min(1, t));
  const a = Math.abs(x);
  // Blend from off-white (247,247,247) toward a saturated end colour.
  const end = x < 0 ? [33, 102, 172] : [178, 24, 43];
  out[at] = Math.round(247 + (end[0]! - 247) * a);
  out[at + 1] = Math.round(247 + (end[1]! - 247) * a);
  out[at + 2] = Math.round(247 + (end[2]! - 247) * a);
}

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > m) m = a;
  }
  return m || 1;
}

/** Integer nearest-neighbour up-scaling so tiny images stay visible without blurring. */
function upscale(width: number, height: number, rgb: Uint8Array, sx: number, sy: number): {width: number; height: number; rgb: Uint8Array} {
  if (sx === 1 && sy === 1) return {width, height, rgb};
  const W = width * sx, H = height * sy;
  const out = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) {
    const srcRow = Math.floor(y / sy) * width;
    for (let x = 0; x < W; x++) {
      const s = (srcRow + Math.floor(x / sx)) * 3, d = (y * W + x) * 3;
      out[d] = rgb[s]!; out[d + 1] = rgb[s + 1]!; out[d + 2] = rgb[s + 2]!;
    }
  }
  return {width: W, height: H, rgb: out};
}

function scaleFor(size: number, target: number, least = 1): number {
  return Math.max(least, Math.min(16, Math.floor(target / size)));
}

/** Filters per row of a kernel grid: wider layers wrap into more rows. */
const GRID_COLUMNS = 16;
/** Screen pixels per kernel value at least: a 3x3 kernel stays a visible 3x3 tile, not a speck. */
const MIN_KERNEL_PIXEL = 6;

export interface KernelGrid {
  dataUrl: string;
  /** 'filters x channels' when every pair has a tile, 'filters (mean over channels)' otherwise. */
  layout: 'per-channel' | 'per-filter-mean';
  tiles: number;
  /** Image pixels per kernel value. */
  scale: number;
}

/**
 * Conv2D kernel [kh, kw, in, out] as a grid of tiles separated by a 1-pixel gap. Filters run
 * along the columns, 16 to a row; each row of filters has one row of tiles per input channel
 * (rows of filters are 2 pixels apart when there are several channels), or, for wide layers, one
 * tile per filter (mean over its input channels). Scaled up so that every kernel value is at
 * least MIN_KERNEL_PIXEL pixels.
 */
export function conv2dKernelGrid(values: Float32Array, shape: number[]): KernelGrid {
  const [kh, kw, cin, cout] = shape as [number, number, number, number];
  const perChannel = cin * cout <= MAX_CONV_TILES;
  const tileValues = (filter: number, channel: number, ky: number, kx: number): number => {
    const base = ((ky * kw + kx) * cin) * cout + filter;
    if (channel >= 0) return values[base + channel * cout]!;
    let s = 0;
    for (let c = 0; c < cin; c++) s += values[base + c * cout]!;
    return s / cin;
  };
  const cols = Math.min(GRID_COLUMNS, cout);
  const bands = Math.ceil(cout / cols);
  const rowsPerBand = perChannel ? cin : 1;
  const gap = 1;
  const bandGap = rowsPerBand > 1 ? 2 : 0;
  const bandHeight = rowsPerBand * (kh + gap);
  const width = cols * (kw + gap) - gap, height = bands * (bandHeight + bandGap) - gap - bandGap;
  const rgb = new Uint8Array(width * height * 3);
  // Gaps are mid grey so tiles separate on both light and dark backgrounds.
  rgb.fill(128);
  let scale = 0;
  if (perChannel) scale = maxAbs(values);
  else {
    for (let f = 0; f < cout; f++) for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) {
      scale = Math.max(scale, Math.abs(tileValues(f, -1, y, x)));
    }
    scale ||= 1;
  }
  const tiles = perChannel ? cin * cout : cout;
  for (let t = 0; t < tiles; t++) {
    const filter = perChannel ? t % cout : t;
    const channel = perChannel ? Math.floor(t / cout) : -1;
    const col = filter % cols;
    const top = Math.floor(filter / cols) * (bandHeight + bandGap) + Math.max(0, channel) * (kh + gap);
    for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) {
      const px = col * (kw + gap) + x, py = top + y;
      divergingColour(tileValues(filter, channel, y, x) / scale, rgb, (py * width + px) * 3);
    }
  }
  const s = scaleFor(Math.max(width, height), 480, MIN_KERNEL_PIXEL);
  const big = upscale(width, height, rgb, s, s);
  return {dataUrl: pngDataUrl(big.width, big.height, big.rgb, 3), layout: perChannel ? 'per-channel' : 'per-filter-mean', tiles, scale: s};
}

/**
 * A 2-D matrix [rows = inputs, cols = outputs] as a heat map with outputs along y and inputs along
 * x, block-averaged down to at most HEATMAP_MAX_WIDTH x HEATMAP_MAX_HEIGHT cells.
 */
export function matrixHeatMap(values: Float32Array, inputs: number, outputs: number): {dataUrl: string; width: number; height: number; blockX: number; blockY: number} {
  const blockX = Math.ceil(inputs / HEATMAP_MAX_WIDTH), blockY = Math.ceil(outputs / HEATMAP_MAX_HEIGHT);
  const width = Math.ceil(inputs / blockX), height = Math.ceil(outputs / blockY);
  const sums = new Float64Array(width * height);
  const counts = new Uint32Array(width * height);
  for (let i = 0; i < inputs; i++) {
    const x = Math.floor(i / blockX);
    const rowBase = i * outputs;
    for (let o = 0; o < outputs; o++) {
      const cell = Math.floor(o / blockY) * width + x;
      sums[cell] += values[rowBase + o]!;
      counts[cell]++;
    }
  }
  const means = new Float32Array(width * height);
  for (let c = 0; c < means.length; c++) means[c] = sums[c]! / counts[c]!;
  const scale = maxAbs(means);
  const rgb = new Uint8Array(width * height * 3);
  for (let c = 0; c < means.length; c++) divergingColour(means[c]! / scale, rgb, c * 3);
  const big = upscale(width, height, rgb, scaleFor(width, 256), scaleFor(height, 96));
  return {dataUrl: pngDataUrl(big.width, big.height, big.rgb, 3), width, height, blockX, blockY};
}

/** Statistics of every weight tensor of the model, in layer order. */
export async function computeWeightStats(model: LayersModel): Promise<WeightStats[]> {
  const out: WeightStats[] = [];
  for (const layer of model.layers) {
    for (const w of layer.weights) {
      const tensor = w.read();
      const values = (await tensor.data()) as Float32Array;
      const shape = tensor.shape as number[];
      const m = moments(values);
      const stats: WeightStats = {
        layer: layer.name,
        name: w.originalName ?? w.name,
        shape,
        dtype: tensor.dtype,
        ...m,
        histogram: histogram(values, m.min, m.max),
      };
      const className = layer.getClassName();
      if (shape.length === 4 && /Conv2D$/.test(className) && !/Transpose/.test(className)) {
        const grid = conv2dKernelGrid(Float32Array.from(values), shape);
        stats.image = grid.dataUrl;
        stats.imageKind = grid.layout === 'per-channel' ? 'kernel-grid' : 'kernel-grid-mean';
      } else if (shape.length >= 2) {
        const outputs = shape[shape.length - 1]!;
        const inputs = values.length / outputs;
        const map = matrixHeatMap(Float32Array.from(values), inputs, outputs);
        stats.image = map.dataUrl;
        stats.imageKind = map.blockX > 1 || map.blockY > 1 ? 'heatmap-downsampled' : 'heatmap';
      }
      out.push(stats);
    }
  }
  return out;
}
