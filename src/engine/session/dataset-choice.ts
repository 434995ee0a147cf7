/**
 * A dataset given to a model that records none (most Keras files): the built-in MNIST when the
 * model's input fits it, or the user's data files (an .npz with x_test/y_test, a CSV with its
 * label in the last column, or an inputs file and a labels file: .npy or IDX).
 */
import * as fs from 'fs';
import * as path from 'path';
import {DataError} from '../../common/errors';
import type {DataDescription} from '../data/dataset';
import type {DataSource} from '../spec/spec';
import type {DatasetChoice} from '../../protocol/messages';

/** Keras's `x.reshape(-1, 28, 28, 1).astype("float32") / 255`, in the model's own input shape. */
export function mnistDescription(inputShape: number[]): DataDescription {
  return {data: {dataset: 'mnist'}, preprocessing: {reshape: inputShape, dtype: 'float32', scale: 1 / 255}};
}

/** Whether the built-in MNIST fits a model: 784 input values (28x28, 28x28x1 or flat) and 10 outputs. */
export function mnistFits(inputShape: number[], outputShape: number[]): boolean {
  return inputShape.reduce((a, b) => a * b, 1) === 784 && outputShape.at(-1) === 10;
}

/** Which of two files holds the labels: the one named like labels, else the smaller one. */
function labelsLast(a: string, b: string): [string, string] {
  const named = (f: string) => /label|(^|[^a-z])y([^a-z]|$)/i.test(path.basename(f));
  if (named(a) !== named(b)) return named(a) ? [b, a] : [a, b];
  return fs.statSync(a).size >= fs.statSync(b).size ? [a, b] : [b, a];
}

export function dataFromFiles(paths: string[]): DataDescription['data'] {
  const files = paths.map((p) => path.resolve(p));
  for (const f of files) if (!fs.existsSync(f)) throw new DataError(f, 'no such file');
  let source: DataSource;
  if (files.length === 1 && /\.npz$/i.test(files[0]!)) source = {npz: files[0]!};
  else if (files.length === 1 && /\.csv$/i.test(files[0]!)) source = {csv: files[0]!};
  else if (files.length === 2) {
    const [x, y] = labelsLast(files[0]!, files[1]!);
    source = {x, y};
  } else {
    throw new DataError(files.join(', '), 'a dataset is one .npz (x_test, y_test), one .csv (label in the last column), or two files: inputs and labels (.npy or IDX)');
  }
  return {train: source, test: source};
}

/** The data description for a choice, in the model's input shape; undefined for 'none'. */
export function describeChoice(choice: DatasetChoice, inputShape: number[], outputShape: number[]): DataDescription | undefined {
  switch (choice.kind) {
    case 'none': return undefined;
    case 'mnist':
      if (!mnistFits(inputShape, outputShape)) {
        throw new Error(`MNIST does not fit this model: it takes 28x28 images (784 values) and 10 classes; the model's input is (${inputShape.join(', ')}) and its output (${outputShape.join(', ')})`);
      }
      return mnistDescription(inputShape);
    case 'files':
      return {data: dataFromFiles(choice.paths), preprocessing: {reshape: inputShape}};
  }
}
