/**
 * The user's own files as one model-ready input batch, for `predict --input` and the inspector's
 * "Predict files…": NumPy .npy and .npz (an array chosen by key), CSV, IDX (also gzipped), PNG and
 * JPEG images, or a folder of them. The kind is sniffed from the content (CSV by its extension).
 * The model's own preprocessing is applied as its training spec did: reshape, float32, scale;
 * images are also resized to the model's height and width and converted to its channels.
 */
import * as fs from 'fs';
import * as path from 'path';
import {DataError} from '../../common/errors';
import {parseIdx} from '../data/idx';
import {parseNpy, readNpz, toFloat32, type NdArray} from '../data/npy';
import {parseCsv} from '../data/csv';
import type {Preprocessing} from '../data/dataset';
import {gunzipSync} from 'zlib';
import {decodeImage, imageToInput, IMAGE_EXTENSIONS, isJpeg, isPng} from './images';
import {readUserFile} from '../../common/regular-file';

export interface ModelInput {
  /** Input shape without the batch dimension. */
  shape: number[];
  /** The model's preprocessing (from its metadata), when known. */
  preprocessing?: Preprocessing;
  /** Label column of the model's CSV data, dropped from a CSV input that has it. */
  csvLabel?: string | number;
}

export interface InputOptions {
  /** Array of an .npz archive (also `file.npz:key`). */
  key?: string;
  /** false: values are used as read (already preprocessed). Default true. */
  preprocess?: boolean;
  /** Replaces the model's scale (e.g. 1/255 for a Keras model that records none). */
  scale?: number;
}

export interface InputBatch {
  /** count * prod(shape) values, preprocessed, row-major. */
  x: Float32Array;
  count: number;
  /** What each sample came from: `digit.png`, `x.npy[3]`, `table.csv line 5`. */
  sources: string[];
  /** Samples that came from image files: their (height, width, channels) pixels 0..255 before scaling, for thumbnails. */
  pixels: Array<Float32Array | undefined>;
}

export type InputKind = 'npy' | 'npz' | 'csv' | 'idx' | 'image';

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const shapeText = (shape: number[]) => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;

/** `archive.npz:x_test` -> file and key (a plain path when the part before ':' is not an .npz). */
export function splitNpzKey(spec: string): {file: string; key?: string} {
  const m = /^(.*\.npz):([^\\/:]+)$/i.exec(spec);
  return m ? {file: m[1]!, key: m[2]} : {file: spec};
}

function readBytes(file: string): Uint8Array {
  return readUserFile(file, (problem) => new DataError(file, problem));
}

export function inputKind(file: string, bytes: Uint8Array): InputKind {
  if (isPng(bytes) || isJpeg(bytes)) return 'image';
  if (bytes[0] === 0x93 && bytes[1] === 0x4e && bytes[2] === 0x55) return 'npy';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'npz';
  if ((bytes[0] === 0x1f && bytes[1] === 0x8b) || (bytes[0] === 0 && bytes[1] === 0 && bytes.length > 4)) return 'idx';
  if (/\.(csv|txt)$/i.test(file)) return 'csv';
  throw new DataError(file, 'is not an input this tool reads (.npy, .npz, .csv, IDX, PNG or JPEG)');
}

/** Image geometry of a model input: (height, width, channels), or undefined when it does not take images. */
export function imageGeometry(shape: number[]): {height: number; width: number; channels: 1 | 3} | undefined {
  if (shape.length === 3 && (shape[2] === 1 || shape[2] === 3)) return {height: shape[0]!, width: shape[1]!, channels: shape[2] as 1 | 3};
  // (steps, features) of a sequence model is also rank 2: only shapes of image size count.
  if (shape.length === 2 && Math.min(shape[0]!, shape[1]!) >= 8) return {height: shape[0]!, width: shape[1]!, channels: 1};
  if (shape.length === 1 && Number.isInteger(Math.sqrt(shape[0]!)) && shape[0]! >= 4) {
    const side = Math.sqrt(shape[0]!);
    return {height: side, width: side, channels: 1};
  }
  return undefined;
}

function squeeze(shape: number[]): number[] {
  return shape.filter((d) => d !== 1);
}

/**
 * How many samples an array of `shape` holds for the model: (N, ...sample) or one sample. The
 * sample shape must be the model's (up to size-1 axes), or have its size when the model's
 * preprocessing reshapes (as the spec did for its training data).
 */
export function samplesIn(shape: number[], model: ModelInput, source: string): number {
  const want = model.shape;
  const fits = (sample: number[]) => size(sample) === size(want) &&
    (squeeze(sample).join() === squeeze(want).join() || model.preprocessing?.reshape !== undefined);
  if (shape.length >= 1 && fits(shape.slice(1))) return shape[0]!;
  if (fits(shape)) return 1;
  const sample = shape.length >= 2 ? shape.slice(1) : shape;
  throw new DataError(source, `samples of shape ${shapeText(sample)} do not fit the model's input shape ${shapeText(want)}` +
    ` (the file holds an array of shape ${shapeText(shape)}; expected (N, ${want.join(', ')}))`);
}

function scaleOf(model: ModelInput, options: InputOptions): number {
  if (options.preprocess === false) return 1;
  return options.scale ?? model.preprocessing?.scale ?? 1;
}

class BatchBuilder {
  private readonly parts: Float32Array[] = [];
  readonly sources: string[] = [];
  readonly pixels: Array<Float32Array | undefined> = [];
  constructor(private readonly model: ModelInput, private readonly scale: number) {}

  add(values: Float32Array, sources: string[], pixels?: Float32Array): void {
    const x = this.scale === 1 ? values : values.map((v) => v * this.scale);
    this.parts.push(x);
    this.sources.push(...sources);
    sources.forEach(() => this.pixels.push(pixels));
  }

  build(): InputBatch {
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const x = new Float32Array(total);
    let at = 0;
    for (const p of this.parts) {
      x.set(p, at);
      at += p.length;
    }
    return {x, count: total / size(this.model.shape), sources: this.sources, pixels: this.pixels};
  }
}

function addArray(builder: BatchBuilder, array: {shape: number[]; data: NdArray['data'] | Float32Array | Uint8Array | Int8Array | Int16Array | Int32Array | Float64Array},
  where: string, model: ModelInput): void {
  const count = samplesIn(array.shape, model, where);
  const name = path.basename(where);
  const values = toFloat32(array.data as NdArray['data']);
  builder.add(values, count === 1 && array.shape.length === model.shape.length ? [name] : Array.from({length: count}, (_, i) => `${name}[${i}]`));
}

function addCsv(builder: BatchBuilder, file: string, bytes: Uint8Array, model: ModelInput): void {
  const table = parseCsv(bytes, file);
  const want = size(model.shape);
  let keep = table.columns.map((_, i) => i);
  const label = model.csvLabel;
  if (table.columns.length !== want && label !== undefined) {
    const index = typeof label === 'number' ? (label < 0 ? table.columns.length + label : label) : table.columns.indexOf(label);
    if (index >= 0 && table.columns.length - 1 === want) keep = keep.filter((i) => i !== index);
  }
  if (keep.length !== want) {
    throw new DataError(file, `rows of ${table.columns.length} values do not fit the model's input shape ${shapeText(model.shape)} (${want} values per row)`);
  }
  const x = new Float32Array(table.rows * want);
  for (let r = 0; r < table.rows; r++) keep.forEach((c, k) => (x[r * want + k] = table.values[r * table.columns.length + c]!));
  const header = table.columns[0] !== 'column_0';
  builder.add(x, Array.from({length: table.rows}, (_, r) => `${path.basename(file)} line ${r + (header ? 2 : 1)}`));
}

function addNpz(builder: BatchBuilder, file: string, key: string | undefined, model: ModelInput): void {
  const arrays = readNpz(file);
  const names = [...arrays.keys()];
  const chosen = key ?? (names.length === 1 ? names[0] : undefined);
  if (!chosen) throw new DataError(file, `holds several arrays (${names.join(', ')}): name one with --key or as ${path.basename(file)}:${names[0]}`);
  const array = arrays.get(chosen);
  if (!array) throw new DataError(file, `has no array '${chosen}' (it has: ${names.join(', ')})`);
  addArray(builder, array, `${file}:${chosen}`, model);
}

function addImage(builder: BatchBuilder, file: string, bytes: Uint8Array, model: ModelInput): void {
  const geometry = imageGeometry(model.shape);
  if (!geometry) {
    throw new DataError(file, `is an image, but the model's input shape ${shapeText(model.shape)} is not an image (height, width[, 1 or 3 channels])`);
  }
  const pixels = imageToInput(decodeImage(bytes, file), geometry.height, geometry.width, geometry.channels);
  builder.add(pixels, [path.basename(file)], pixels);
}

function addFile(builder: BatchBuilder, file: string, key: string | undefined, model: ModelInput): void {
  if (key !== undefined) {
    addNpz(builder, file, key, model);
    return;
  }
  const bytes = readBytes(file);
  const kind = inputKind(file, bytes);
  switch (kind) {
    case 'image': return addImage(builder, file, bytes, model);
    case 'npy': return addArray(builder, parseNpy(bytes, file), file, model);
    case 'npz': return addNpz(builder, file, undefined, model);
    case 'csv': return addCsv(builder, file, bytes, model);
    case 'idx': {
      let raw = bytes;
      if (bytes[0] === 0x1f) {
        try {
          raw = gunzipSync(bytes, {maxOutputLength: 2 ** 31 - 1});
        } catch (e) {
          throw new DataError(file, `corrupt gzip data: ${(e as Error).message}`);
        }
      }
      return addArray(builder, parseIdx(raw, file), file, model);
    }
  }
}

/** Files of a folder that are inputs (images and data files), sorted by name; sub-folders are not entered. */
export function folderInputs(dir: string): string[] {
  const names = fs.readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  const files = names.map((n) => path.join(dir, n)).filter((p) => fs.statSync(p).isFile() &&
    (IMAGE_EXTENSIONS.includes(path.extname(p).toLowerCase()) || /\.(npy|npz|csv|idx|gz)$|ubyte$/i.test(p)));
  if (files.length === 0) throw new DataError(dir, 'the folder holds no PNG, JPEG, .npy, .npz, .csv or IDX files');
  return files;
}

/** Reads every input (files, `file.npz:key`, folders) into one batch for the model. */
export function readInputs(specs: string[], model: ModelInput, options: InputOptions = {}): InputBatch {
  if (specs.length === 0) throw new DataError('--input', 'no input files given');
  const builder = new BatchBuilder(model, scaleOf(model, options));
  for (const spec of specs) {
    const {file, key} = splitNpzKey(spec);
    const stat = fs.statSync(file, {throwIfNoEntry: false});
    if (!stat) throw new DataError(file, 'no such file or folder');
    if (stat.isDirectory()) {
      for (const f of folderInputs(file)) addFile(builder, f, undefined, model);
    } else {
      addFile(builder, file, key ?? options.key, model);
    }
  }
  const batch = builder.build();
  if (batch.count === 0) throw new DataError(specs.join(', '), 'holds no samples');
  return batch;
}
