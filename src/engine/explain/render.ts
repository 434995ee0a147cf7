/**
 * Files of explanations: an .npz of activations, and a PNG of an input with its attribution laid
 * over it in a perceptual colormap (viridis), upsampled to the input's size, with a scale bar.
 */
import {zipSync} from 'fflate';
import {encodeNpy} from '../session/outputs';
import {encodePng} from '../inspect/png';
import type {Explanation} from './attribution';

/** Viridis at nine evenly spaced points, interpolated linearly (perceptually uniform, readable in grey). */
const VIRIDIS = [0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725];

/** The colormap's colour for t in [0, 1], as [r, g, b] 0..255. */
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  const channel = (shift: number) => Math.round(((a >> shift) & 255) * (1 - f) + ((b >> shift) & 255) * f);
  return [channel(16), channel(8), channel(0)];
}

/** An .npz (uncompressed zip of .npy members, as numpy.savez writes) of float32 arrays by name. */
export function encodeNpz(arrays: Array<{name: string; values: Float32Array; shape: number[]}>): Uint8Array {
  const members: Record<string, Uint8Array> = {};
  for (const a of arrays) members[`${a.name}.npy`] = new Uint8Array(encodeNpy(a.values, a.shape));
  return zipSync(members, {level: 0});
}

/** (height, width, channels) of an input sample shown as an image, or undefined for other shapes. */
function imageShape(shape: number[]): {height: number; width: number; channels: number} | undefined {
  if (shape.length === 3 && [1, 3, 4].includes(shape[2]!)) return {height: shape[0]!, width: shape[1]!, channels: shape[2]!};
  if (shape.length === 2) return {height: shape[0]!, width: shape[1]!, channels: 1};
  return undefined;
}

/** Bilinear sample of a (h, w) map at fractional position (y, x) in [0, h) x [0, w) pixel-centre coordinates. */
function bilinear(map: Float32Array, h: number, w: number, y: number, x: number): number {
  const y0 = Math.min(h - 1, Math.max(0, Math.floor(y)));
  const x0 = Math.min(w - 1, Math.max(0, Math.floor(x)));
  const y1 = Math.min(h - 1, y0 + 1);
  const x1 = Math.min(w - 1, x0 + 1);
  const fy = Math.min(1, Math.max(0, y - y0));
  const fx = Math.min(1, Math.max(0, x - x0));
  const top = map[y0 * w + x0]! * (1 - fx) + map[y0 * w + x1]! * fx;
  const bottom = map[y1 * w + x0]! * (1 - fx) + map[y1 * w + x1]! * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * The attribution as one non-negative (h, w) map: Grad-CAM's map as it is; input attributions by
 * their magnitude summed over the channels (or features) axis.
 */
export function attributionMap(explanation: Explanation): {map: Float32Array; height: number; width: number} {
  const {attribution, shape} = explanation;
  if (explanation.method === 'gradcam') {
    const [height, width] = shape.length >= 2 ? [shape[0]!, shape.slice(1).reduce((a, b) => a * b, 1)] : [1, shape[0] ?? 1];
    return {map: Float32Array.from(attribution), height, width};
  }
  const image = imageShape(shape);
  const [height, width, channels] = image ? [image.height, image.width, image.channels]
    : shape.length >= 2 ? [shape[0]!, shape.slice(1).reduce((a, b) => a * b, 1), 1] : [1, shape[0] ?? 1, 1];
  const map = new Float32Array(height * width);
  for (let p = 0; p < height * width; p++) {
    let s = 0;
    for (let c = 0; c < channels; c++) s += Math.abs(attribution[p * channels + c]!);
    map[p] = s;
  }
  return {map, height, width};
}

// A 3x5 bitmap font for the scale's numbers: each glyph is five rows of three bits.
const GLYPHS: Record<string, number[]> = {
  '0': [7, 5, 5, 5, 7], '1': [2, 6, 2, 2, 7], '2': [7, 1, 7, 4, 7], '3': [7, 1, 3, 1, 7], '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7], '6': [7, 4, 7, 5, 7], '7': [7, 1, 1, 2, 2], '8': [7, 5, 7, 5, 7], '9': [7, 5, 7, 1, 7],
  '.': [0, 0, 0, 0, 2], '-': [0, 0, 7, 0, 0], 'e': [0, 7, 7, 4, 7], '+': [0, 2, 7, 2, 0],
};

function drawText(rgb: Uint8Array, stride: number, text: string, x: number, y: number, scale: number): void {
  let cx = x;
  for (const ch of text) {
    const glyph = GLYPHS[ch];
    if (glyph) {
      glyph.forEach((bits, row) => {
        for (let col = 0; col < 3; col++) {
          if (!(bits & (4 >> col))) continue;
          for (let dy = 0; dy < scale; dy++) {
            for (let dx = 0; dx < scale; dx++) {
              const o = ((y + row * scale + dy) * stride + cx + col * scale + dx) * 3;
              if (o >= 0 && o + 2 < rgb.length) rgb.set([235, 235, 235], o);
            }
          }
        }
      });
    }
    cx += 4 * scale;
  }
}

const number = (v: number) => (Math.abs(v) >= 1e-2 && Math.abs(v) < 1e4) || v === 0 ? String(Number(v.toPrecision(3))) : v.toExponential(1);

/**
 * A PNG of each sample's input (grey, its value range stretched) with the attribution over it,
 * side by side, and a scale bar from 0 to the largest value shown. Inputs that are not images
 * (sequences, vectors) show the attribution map alone, one cell per value.
 */
export function overlayPng(samples: Array<{input: Float32Array; inputShape: number[]; explanation: Explanation}>): Buffer {
  const maps = samples.map((s) => attributionMap(s.explanation));
  const images = samples.map((s) => imageShape(s.inputShape));
  const tiles = samples.map((s, i) => images[i] && s.explanation.shape.length > 0 ? {height: images[i]!.height, width: images[i]!.width} : {height: maps[i]!.height, width: maps[i]!.width});
  const base = Math.max(...tiles.map((t) => Math.max(t.height, t.width)));
  const zoom = Math.max(1, Math.ceil(256 / base));
  const gap = 8;
  const barWidth = 16;
  const label = 2;
  let max = 0;
  for (const m of maps) for (const v of m.map) max = Math.max(max, v);
  const height = Math.max(...tiles.map((t) => t.height * zoom)) + 2 * gap;
  const labelWidth = 4 * label * Math.max(number(max).length, 1);
  const width = tiles.reduce((w, t) => w + t.width * zoom + gap, gap) + barWidth + gap + labelWidth + gap;
  const rgb = new Uint8Array(width * height * 3).fill(24);
  let left = gap;
  samples.forEach((s, i) => {
    const tile = tiles[i]!;
    const map = maps[i]!;
    const image = images[i];
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of s.input) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    for (let py = 0; py < tile.height * zoom; py++) {
      for (let px = 0; px < tile.width * zoom; px++) {
        // Pixel centre in input coordinates, then in the attribution map's coordinates.
        const iy = (py + 0.5) / zoom;
        const ix = (px + 0.5) / zoom;
        const value = bilinear(map.map, map.height, map.width, iy * map.height / tile.height - 0.5, ix * map.width / tile.width - 0.5);
        const [r, g, b] = viridis(max > 0 ? value / max : 0);
        let out: [number, number, number] = [r, g, b];
        if (image) {
          const p = Math.floor(iy) * image.width + Math.floor(ix);
          let grey = 0;
          for (let c = 0; c < Math.min(3, image.channels); c++) grey += s.input[p * image.channels + c]!;
          grey = hi > lo ? ((grey / Math.min(3, image.channels) - lo) / (hi - lo)) * 255 : 0;
          const alpha = 0.6;
          out = [grey * (1 - alpha) + r * alpha, grey * (1 - alpha) + g * alpha, grey * (1 - alpha) + b * alpha];
        }
        rgb.set(out.map((v) => Math.round(v)), ((gap + py) * width + left + px) * 3);
      }
    }
    left += tile.width * zoom + gap;
  });
  const barTop = gap;
  const barHeight = height - 2 * gap;
  for (let y = 0; y < barHeight; y++) {
    const colour = viridis(1 - y / Math.max(1, barHeight - 1));
    for (let x = 0; x < barWidth; x++) rgb.set(colour, ((barTop + y) * width + left + x) * 3);
  }
  drawText(rgb, width, number(max), left + barWidth + 4, barTop, label);
  drawText(rgb, width, '0', left + barWidth + 4, barTop + barHeight - 5 * label, label);
  return encodePng(width, height, rgb, 3);
}
