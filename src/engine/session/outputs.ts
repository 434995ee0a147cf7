/**
 * `predict --output`: the predictions as .npy (the raw outputs, float32, shape (N, ...output)),
 * .csv (one row per sample: source, predicted class and top-k for classifiers, then the outputs)
 * or .json. An existing file is only replaced with `overwrite`; the write goes through a
 * temporary sibling that is renamed over the target, so a failure leaves the old file intact.
 */
import * as fs from 'fs';
import * as path from 'path';
import {DataError} from '../../common/errors';
import type {FilePrediction} from './session';

export const OUTPUT_EXTENSIONS = ['.npy', '.csv', '.json'];

/** A NumPy .npy (format 1.0) of little-endian float32 values. */
export function encodeNpy(values: Float32Array, shape: number[]): Buffer {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${dims}), }`;
  // Magic (6) + version (2) + length (2) + header + '\n' is padded to a multiple of 64.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const out = Buffer.alloc(total + values.length * 4);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  out.writeUInt16LE(header.length, 8);
  out.write(header, 10, 'latin1');
  for (let i = 0; i < values.length; i++) out.writeFloatLE(values[i]!, total + i * 4);
  return out;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function predictionsCsv(predictions: FilePrediction[], k: number): string {
  const width = predictions[0]?.output.length ?? 0;
  const classes = predictions.some((p) => p.top);
  const topColumns = classes ? Array.from({length: Math.min(k, predictions[0]?.top?.length ?? 0)}, (_, i) => [`top${i + 1}`, `top${i + 1}_probability`]).flat() : [];
  const header = ['input', ...(classes ? ['predicted'] : []), ...topColumns, ...Array.from({length: width}, (_, i) => `output_${i}`)];
  const rows = predictions.map((p) => [
    csvCell(p.source),
    ...(classes ? [String(p.predicted ?? '')] : []),
    ...(classes ? (p.top ?? []).slice(0, topColumns.length / 2).flatMap((t) => [String(t.label), String(t.probability)]) : []),
    ...Array.from(p.output, (v) => String(v)),
  ].join(','));
  return [header.join(','), ...rows].join('\n') + '\n';
}

export function predictionsJson(predictions: FilePrediction[]): string {
  return JSON.stringify(predictions.map((p) => ({
    input: p.source,
    ...(p.predicted !== undefined ? {predicted: p.predicted} : {}),
    ...(p.top ? {top: p.top} : {}),
    output: Array.from(p.output),
  })), null, 1) + '\n';
}

/** Writes the predictions to `file` in the format its extension names; refuses to replace a file unless `overwrite`. */
export function writePredictions(file: string, predictions: FilePrediction[], outputShape: number[], options: {overwrite?: boolean; topK?: number} = {}): void {
  const ext = path.extname(file).toLowerCase();
  if (!OUTPUT_EXTENSIONS.includes(ext)) throw new DataError(file, `--output must end in ${OUTPUT_EXTENSIONS.join(', ')}`);
  if (fs.existsSync(file)) {
    if (fs.statSync(file).isDirectory()) throw new DataError(file, 'is a folder; --output names a file');
    if (!options.overwrite) throw new DataError(file, 'already exists; pass --overwrite to replace it (nothing was written)');
  }
  let bytes: Buffer;
  if (ext === '.npy') {
    const width = predictions[0]?.output.length ?? 0;
    const values = new Float32Array(predictions.length * width);
    predictions.forEach((p, i) => values.set(p.output, i * width));
    bytes = encodeNpy(values, [predictions.length, ...(outputShape.length ? outputShape : [width])]);
  } else {
    bytes = Buffer.from(ext === '.csv' ? predictionsCsv(predictions, options.topK ?? 3) : predictionsJson(predictions));
  }
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.writing-${process.pid}`);
  let created = false;
  try {
    fs.writeFileSync(tmp, bytes, {flag: 'wx'});
    created = true;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (created) fs.rmSync(tmp, {force: true});
    throw new DataError(file, `cannot write: ${(e as Error).message}`);
  }
}
