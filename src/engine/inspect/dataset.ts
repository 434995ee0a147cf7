/**
 * The test split the prediction panel browses: the one recorded with the model (Keras Workbench
 * stores its data description in the model's metadata) through the engine's data loaders, or,
 * for a model from elsewhere whose input holds 784 values and whose output has 10 classes, the
 * MNIST test split scaled to [0, 1].
 */
import {loadDataset, type DataDescription} from '../data/dataset';

export interface TestSet {
  name: string;
  count: number;
  /** Model-ready inputs (preprocessed), row-major, `count` samples. */
  x: Float32Array;
  sampleShape: number[];
  /** Class index per sample, when the targets are class labels. */
  labels?: Float32Array;
}

const cache = new Map<string, TestSet | undefined>();

function fromDescription(data: DataDescription): TestSet | undefined {
  const ds = loadDataset(data, {split: 'test'});
  const test = ds.test;
  if (!test || test.count === 0) return undefined;
  const classLabels = test.targetShape.length === 0 || (test.targetShape.length === 1 && test.targetShape[0] === 1);
  return {name: ds.name, count: test.count, x: test.x, sampleShape: test.sampleShape, labels: classLabels && ds.classes ? test.y : undefined};
}

export function testSetFor(inputShape: number[], outputShape: number[], data?: DataDescription): TestSet | undefined {
  const size = inputShape.reduce((a, b) => a * b, 1);
  const key = data ? JSON.stringify(data) : `mnist:${size}:${outputShape.at(-1)}`;
  if (cache.has(key)) return cache.get(key);
  let set: TestSet | undefined;
  if (data) set = fromDescription(data);
  else if (size === 784 && outputShape[outputShape.length - 1] === 10) {
    set = fromDescription({data: {dataset: 'mnist'}, preprocessing: {scale: 1 / 255}} as DataDescription);
  }
  if (set && set.x.length !== set.count * size) {
    throw new Error(`The test set ${set.name} has samples of shape [${set.sampleShape.join(', ')}] but the model expects ${size} input values (shape [${inputShape.join(', ')}]).`);
  }
  cache.set(key, set);
  return set;
}
