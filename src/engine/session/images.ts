/**
 * PNG and JPEG files as model inputs: decoded with pure-JS decoders (pngjs, jpeg-js), converted
 * to the model's channels (grayscale by ITU-R BT.601 luma, as PIL's convert('L') does) and
 * resized to its height and width (area average when shrinking, bilinear when enlarging).
 * Pixel values stay 0..255; the model's own preprocessing (e.g. scale 1/255) comes after.
 */
import {PNG} from 'pngjs';
import * as jpeg from 'jpeg-js';
import {DataError} from '../../common/errors';
import {readUserFile} from '../../common/regular-file';
import {crc32} from '../../formats/zip-file';

export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, row-major RGBA. */
  data: Uint8Array;
}

/** Decoded images larger than this are refused (a 16-byte header can claim gigapixels). */
export const MAX_IMAGE_PIXELS = 40_000_000;

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

function pngSize(bytes: Uint8Array): {width: number; height: number} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.length >= 24 ? {width: view.getUint32(16), height: view.getUint32(20)} : {width: 0, height: 0};
}

/**
 * The PNG's chunk structure, checked before pngjs decodes it: pngjs reports a file that ends
 * early or a damaged checksum as "unrecognised content at end of stream" (its synchronous reader
 * loses the first error).
 */
function pngStructureProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let pos = 8, first = true; ; first = false) {
    if (pos + 12 > bytes.length) return 'the file ends before the image does (truncated)';
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (first && type !== 'IHDR') return `the first chunk is '${type}', not the IHDR header`;
    if (length > bytes.length - pos - 12) return `chunk '${type}' at byte ${pos} runs past the end of the file (truncated)`;
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== view.getUint32(pos + 8 + length)) {
      return `chunk '${type}' at byte ${pos} is damaged (CRC-32 mismatch)`;
    }
    if (type === 'IEND') return undefined;
    pos += 12 + length;
  }
}

export function decodeImage(bytes: Uint8Array, file: string): RgbaImage {
  if (isPng(bytes)) {
    const {width, height} = pngSize(bytes);
    if (width * height > MAX_IMAGE_PIXELS) throw new DataError(file, `the PNG is ${width}x${height} pixels, more than the ${MAX_IMAGE_PIXELS} this tool decodes`);
    const damage = pngStructureProblem(bytes);
    if (damage) throw new DataError(file, `not a readable PNG image: ${damage}`);
    try {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return {width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength)};
    } catch (e) {
      throw new DataError(file, `not a readable PNG image: ${(e as Error).message}`);
    }
  }
  if (isJpeg(bytes)) {
    try {
      const img = jpeg.decode(bytes, {useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 1024});
      return {width: img.width, height: img.height, data: img.data};
    } catch (e) {
      throw new DataError(file, `not a readable JPEG image: ${(e as Error).message}`);
    }
  }
  throw new DataError(file, 'is neither a PNG nor a JPEG image');
}

export function readImage(file: string): RgbaImage {
  return decodeImage(readUserFile(file, (problem) => new DataError(file, problem)), file);
}

/** Channels 1 (luma) or 3 (RGB), alpha composited over black (transparent = 0, MNIST's background). */
export function toChannels(image: RgbaImage, channels: 1 | 3): Float32Array {
  const n = image.width * image.height;
  const out = new Float32Array(n * channels);
  const d = image.data;
  for (let i = 0; i < n; i++) {
    const a = d[i * 4 + 3]! / 255;
    const r = d[i * 4]! * a, g = d[i * 4 + 1]! * a, b = d[i * 4 + 2]! * a;
    if (channels === 1) out[i] = 0.299 * r + 0.587 * g + 0.114 * b;
    else {
      out[i * 3] = r;
      out[i * 3 + 1] = g;
      out[i * 3 + 2] = b;
    }
  }
  return out;
}

/** One axis of a resize: for each output index, the source indices and their weights. */
function axisWeights(from: number, to: number): Array<Array<[number, number]>> {
  const scale = from / to;
  const out: Array<Array<[number, number]>> = [];
  for (let o = 0; o < to; o++) {
    const taps: Array<[number, number]> = [];
    if (scale > 1) {
      // Shrinking: average the source cells this output cell covers (fractional at the edges).
      const start = o * scale, end = start + scale;
      for (let s = Math.floor(start); s < Math.min(from, Math.ceil(end)); s++) {
        const w = Math.min(end, s + 1) - Math.max(start, s);
        if (w > 0) taps.push([s, w / scale]);
      }
    } else {
      // Enlarging (or same size): bilinear between the two nearest source centres.
      const x = Math.max(0, Math.min(from - 1, (o + 0.5) * scale - 0.5));
      const left = Math.floor(x), frac = x - left;
      taps.push([left, 1 - frac]);
      if (frac > 0 && left + 1 < from) taps.push([left + 1, frac]);
    }
    out.push(taps);
  }
  return out;
}

/** Resizes row-major `channels`-interleaved pixels from (h, w) to (height, width). */
export function resize(pixels: Float32Array, h: number, w: number, channels: number, height: number, width: number): Float32Array {
  if (h === height && w === width) return pixels;
  const rows = axisWeights(h, height), cols = axisWeights(w, width);
  // Columns first into a (h, width) buffer, then rows.
  const mid = new Float32Array(h * width * channels);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < width; x++) {
      for (const [s, wt] of cols[x]!) {
        for (let c = 0; c < channels; c++) mid[(y * width + x) * channels + c] += wt * pixels[(y * w + s) * channels + c]!;
      }
    }
  }
  const out = new Float32Array(height * width * channels);
  for (let y = 0; y < height; y++) {
    for (const [s, wt] of rows[y]!) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < channels; c++) out[(y * width + x) * channels + c] += wt * mid[(s * width + x) * channels + c]!;
      }
    }
  }
  return out;
}

/** The image as the model's (height, width, channels) pixels, 0..255. */
export function imageToInput(image: RgbaImage, height: number, width: number, channels: 1 | 3): Float32Array {
  return resize(toChannels(image, channels), image.height, image.width, channels, height, width);
}
